// Package ui is Verbatim's desktop interface, built with Fyne. It never
// imports fyne.io/fyne/v2/app: cmd/verbatim wires the real application, and
// tests drive the same code headless with fyne.io/fyne/v2/test.
//
// The window reads and edits the library through small interfaces
// (QuoteSource, Catalog, Editor, Settings; see ports.go) that
// *storage.Library satisfies, and imports through an Importer (Pipeline:
// core/ingest, the quote engine, topic suggestion and the library). Long
// work runs in goroutines and comes back to the main goroutine with
// fyne.Do; the quote list reads pages as they scroll into view.
package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/assets"
	"verbatim/storage"
)

// WindowTitle is the main window's title; the CI smoke test looks for it.
const WindowTitle = "Verbatim"

// Icon is the application icon as a Fyne resource, at the size a window
// shows (256×256).
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.WindowIconPNG) }

// Scope is what a quote sheet or an export covers: the quotes the list
// shows (Filter, in Sort order) or, when set, only the Selected ones.
type Scope struct {
	Title    string // what the list shows: "All quotes", a topic's name, …
	Filter   storage.QuoteFilter
	Sort     storage.QuoteSort
	Selected []int64
}

// MainWindow is Verbatim's one window: toolbar, sidebar, quote list,
// source pane and status bar.
type MainWindow struct {
	Window fyne.Window
	app    fyne.App
	lib    Library
	imp    Importer
	// viewMeasure measures in the background reads of the view (refresh.go).
	viewMeasure *textMeasurer

	threshold float64
	counts    storage.Counts
	selection string // sidebar key
	// sortBeforeReview is the list's order before Needs review put it in
	// confidence order; -1 when there is none to go back to.
	sortBeforeReview storage.QuoteSort
	sortingForNow    bool // the sort menu changes without saving the choice

	sidebar *sidebar
	list    *quoteList
	source  *sourcePane
	status  *statusBar

	listTitle  *widget.Label
	listHeader *fyne.Container  // the title, its count and the sort menu
	listEmpty  *widget.RichText // why the list is empty, over it
	listCount  *lineText
	sortSelect *widget.Select
	search     *widget.Entry

	open, importFolder, print, export, undo, redo *widget.Button
	undoItem, redoItem                            *fyne.MenuItem

	outer, inner *container.Split
	centre       *fyne.Container
	empty        fyne.CanvasObject
	showingEmpty bool

	imports *importQueue
	// turn holds an import's workers back while the window shows what
	// changed (see windowTurn); releasing says a release is on its way.
	turn      *windowTurn
	releasing bool
	// onMain runs f on Fyne's main goroutine, from any goroutine: fyne.Do,
	// except in tests, which run the queue themselves.
	onMain    func(f func())
	onClosing func() // see OnClosing
	// afterFrame runs f on the main goroutine after the window has drawn a
	// frame (and answered what was queued meanwhile); nil: onMain.
	afterFrame func(f func())
	// inline runs background reads at once, on the caller's goroutine (tests).
	inline      bool
	sidebarGen  int
	viewRefresh viewRefresh
	// restoring is set while restore chooses the quote shown last, whose
	// article it leaves (restoredQuote) for after the first frames.
	restoring     bool
	restoredQuote storage.QuoteRow
	saver         *settingsSaver

	speakerDlg *speakerDialog // the open speaker dialog, for tests
	rulesDlg   *rulesDialog   // the last keyword rules dialog, for tests
	noteDlg    *noteDialog    // the last note dialog, for tests
	summaryDlg dialog.Dialog  // the last import summary shown

	// onPrint and onExport make sheets and exports; until they are set
	// (see SetSheetActions) the buttons say the feature is coming.
	onPrint, onExport func(Scope)
	// onCopy puts quotes with their citations on the clipboard (see
	// UseSheetDialogs); nil until set.
	onCopy func(ids []int64)
}

// NewMainWindow builds the main window over lib, importing through imp,
// without showing it. lib may be nil when the library could not be opened:
// the window then shows only its empty state.
func NewMainWindow(a fyne.App, lib Library, imp Importer) *MainWindow {
	m := newMainWindow(a, lib, imp, fyne.Do, false)
	m.afterFrame = func(f func()) {
		time.AfterFunc(frameGap, func() {
			fyne.Do(func() {
				if !m.imports.closed.Load() { // after the loop, fyne.Do runs f at once, here
					f()
				}
			})
		})
	}
	return m
}

// frameGap is longer than a frame of Fyne's event loop (a 60 Hz tick).
const frameGap = 20 * time.Millisecond

// newMainWindow is NewMainWindow with the way background work comes back to
// the main goroutine: onMain, or at once when inline.
func newMainWindow(a fyne.App, lib Library, imp Importer, onMain func(func()), inline bool) *MainWindow {
	w := a.NewWindow(WindowTitle)
	w.SetIcon(Icon())
	m := &MainWindow{Window: w, app: a, lib: lib, imp: imp, threshold: storage.DefaultReviewThreshold,
		selection: keyAll, sortBeforeReview: -1, onMain: onMain, inline: inline, turn: newWindowTurn()}
	if g, ok := imp.(givingWay); ok {
		m.imp = g.givingWayTo(m.turn)
	}
	m.imports = newImportQueue(m)
	m.build()
	w.SetMainMenu(m.mainMenu())
	m.addShortcuts()
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { m.Dropped(uris) })
	w.SetCloseIntercept(func() { m.closing(); w.Close() })
	w.Resize(fyne.NewSize(1280, 800))
	m.restore()
	return m
}

// OnClosing calls f when the researcher closes the window or quits,
// before the layout is saved and Fyne takes the window down: the app
// starts its watch over a stuck close from there.
func (m *MainWindow) OnClosing(f func()) { m.onClosing = f }

// closing saves the layout as the window closes.
func (m *MainWindow) closing() {
	if m.onClosing != nil {
		m.onClosing()
	}
	m.saveLayout()
}

// Close ends the window's work before the library is closed: a running
// import stops (what it stored stays) and pending settings are written.
func (m *MainWindow) Close() {
	m.imports.close()
	if m.saver != nil {
		m.saver.flush()
	}
}

// SetSheetActions connects the Print and Export buttons and menu items to
// the dialogs that make quote sheets and exports.
func (m *MainWindow) SetSheetActions(print, export func(Scope)) {
	m.onPrint, m.onExport = print, export
}

func (m *MainWindow) build() {
	m.sidebar = newSidebar(m.catalog())
	m.sidebar.onSelect = m.selectSidebar
	m.sidebar.onNewTopic = m.newTopicDialog
	m.sidebar.onTopicMenu = m.showTopicMenu
	m.sidebar.onSpeakerMenu = m.showSpeakerMenu
	m.sidebar.onError = m.ShowError

	m.list = newQuoteList(m.quoteSource())
	m.list.pager.background = m.background
	m.list.threshold = m.threshold
	m.list.onCurrent = m.quoteChosen
	m.list.onSelection = m.showListCount
	m.list.onMenu = m.showQuoteMenu
	m.list.onActivated = func(storage.QuoteRow) { m.changeSpeakerDialog() }
	m.list.onDragged = func(at fyne.Position) { m.sidebar.showDropTarget(at, true) }
	m.list.onDropped = m.quotesDropped

	m.source = newSourcePane(m.lib)
	m.source.threshold = m.threshold
	m.source.onQuote = m.quoteTappedInSource
	m.source.onChange = m.changeSpeakerDialog
	m.source.onConfirm = m.markReviewed
	m.source.onReject = m.rejectOrRestore
	m.source.onAddQuote = m.addQuoteDialog
	m.source.onNote = m.quoteNoteDialog
	m.source.onDocumentNote = m.documentNoteDialog
	m.source.onError = m.ShowError
	m.source.beforeArticle = m.takeTurn

	m.status = newStatusBar(m.imports.cancel)

	// One measurer for the window's text: its fonts are read once.
	measure := newTextMeasurer()
	measure.prepareFaces()
	m.viewMeasure = newTextMeasurer() // the background reads', with fonts of its own
	m.sidebar.measure, m.list.measure, m.source.text.measure = measure, measure, measure
	for _, g := range []*lineText{m.source.meta, m.source.quoteMeta, m.source.reasons, m.source.note, m.source.docNote,
		m.status.summary, m.status.activity} {
		g.measure = measure
	}

	m.listTitle = widget.NewLabelWithStyle("All quotes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.listTitle.SizeName = theme.SizeNameSubHeadingText
	m.listTitle.Truncation = fyne.TextTruncateEllipsis
	m.listCount = newLineText(14)
	m.listCount.measure = measure
	m.listCount.fit = true
	m.sortSelect = widget.NewSelect(sortNames(), nil)
	m.sortSelect.SetSelectedIndex(int(storage.SortNewestFirst))
	m.sortSelect.OnChanged = func(string) { m.sortChanged() }
	m.listHeader = container.New(listHeaderLayout{}, m.listTitle, m.listCount, m.sortSelect)
	m.listEmpty = greyLabel("", theme.SizeNameText, fyne.TextStyle{}, fyne.TextAlignCenter)
	m.listEmpty.Hide()
	listPane := container.NewBorder(container.NewPadded(m.listHeader), nil, nil, nil,
		container.NewStack(m.list.list, container.NewPadded(container.NewVBox(m.listEmpty))))

	m.inner = container.NewHSplit(listPane, m.source.content)
	m.inner.SetOffset(0.43)
	m.empty = newEmptyState(m.openFilesDialog, m.trySample, m.importFolderDialog)
	m.centre = container.NewStack(m.inner)
	m.outer = container.NewHSplit(m.sidebar.object(), m.centre)
	m.outer.SetOffset(0.19)

	m.Window.SetContent(container.NewBorder(m.toolbar(), m.status.object, nil, nil, m.outer))
}

func (m *MainWindow) toolbar() fyne.CanvasObject {
	button := func(label string, icon fyne.Resource, tapped func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, tapped)
		b.Importance = widget.LowImportance
		return b
	}
	m.open = button("Open", theme.FolderOpenIcon(), m.openFilesDialog)
	m.importFolder = button("Import folder", theme.FolderNewIcon(), m.importFolderDialog)
	m.print = button("Print", theme.DocumentPrintIcon(), m.printSheet)
	m.export = button("Export", theme.UploadIcon(), m.exportQuotes)
	m.undo = button("", theme.ContentUndoIcon(), m.Undo)
	m.redo = button("", theme.ContentRedoIcon(), m.Redo)
	m.search = widget.NewEntry()
	m.search.SetPlaceHolder("Search quotes…")
	m.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	m.search.OnChanged = func(string) {
		m.list.keepOnlyCurrent()
		m.applyQuery()
	}
	searchBox := container.NewGridWrap(fyne.NewSize(320, m.search.MinSize().Height), m.search)
	bar := container.NewHBox(m.open, m.importFolder, vline(), m.print, m.export, vline(), m.undo, m.redo,
		layout.NewSpacer(), searchBox)
	return container.NewVBox(container.NewPadded(bar), widget.NewSeparator())
}

func vline() fyne.CanvasObject {
	s := widget.NewSeparator()
	return container.NewPadded(s)
}

// sortNames are the sort menu's entries, in storage.QuoteSort order.
func sortNames() []string {
	// Each says it is an order, without a "Sort:" that would take the room
	// a narrow list needs for its title.
	return []string{"In document order", "Newest document first", "Oldest document first",
		"By speaker", "Lowest confidence first", "Best match first"}
}

func (m *MainWindow) currentSort() storage.QuoteSort {
	if i := m.sortSelect.SelectedIndex(); i >= 0 {
		return storage.QuoteSort(i)
	}
	return storage.SortNewestFirst
}

// catalog and quoteSource are the library, or nothing when none is open.
func (m *MainWindow) catalog() Catalog {
	if m.lib == nil {
		return nil
	}
	return m.lib
}

func (m *MainWindow) quoteSource() QuoteSource {
	if m.lib == nil {
		return emptySource{}
	}
	return m.lib
}

// emptySource lists no quotes, for a window without a library.
type emptySource struct{}

func (emptySource) Quotes(context.Context, storage.QuoteFilter, storage.QuoteSort, int, int) ([]storage.QuoteRow, error) {
	return nil, nil
}
func (emptySource) CountQuotes(context.Context, storage.QuoteFilter) (int, error) { return 0, nil }
func (emptySource) Quote(context.Context, int64) (storage.QuoteRow, error) {
	return storage.QuoteRow{}, &storage.Error{Code: storage.CodeNotFound, Message: "No library is open."}
}

// refresh reads everything shown from the library again: after an edit, an
// undo, or documents imported. The list and the source pane are read at
// once; the sidebar, whose counts take longest in a large library, follows
// from the background.
func (m *MainWindow) refresh() {
	m.viewRefresh.reads++ // newer than what a background read may bring
	m.refreshCounts()
	if err := m.list.reload(); err != nil {
		m.ShowError(err)
	}
	m.showListTitle()
	if m.list.currentAt < 0 && m.list.current != 0 {
		m.list.current = 0 // the current quote left the list (rejected, say)
	}
	m.source.reload()
	m.updateUndo()
}

// refreshCounts reads the library's totals and starts the sidebar's reload.
func (m *MainWindow) refreshCounts() {
	if m.lib != nil {
		c, err := m.lib.Counts(context.Background(), m.threshold)
		if err != nil {
			m.ShowError(err)
		}
		m.counts = c
	}
	m.showEmpty(m.counts.Documents == 0)
	m.updateStatus("")
	m.loadSidebar()
}

// loadSidebar reads the sidebar in the background and shows it; a reload
// asked for later wins over one still running.
func (m *MainWindow) loadSidebar() {
	m.sidebarGen++
	gen, q, counts, cat := m.sidebarGen, m.sidebar.query(), m.counts, m.catalog()
	first := gen == 1 && !m.inline
	wait := func() {}
	if first {
		// The first read waits for the event loop to run, so that it does
		// not hold up the window's first frames on a small machine.
		wait = m.waitForEventLoop()
	}
	m.background(func() func() {
		wait()
		d := fetchSidebar(cat, q, counts)
		return func() {
			if gen != m.sidebarGen {
				return
			}
			m.sidebar.show(d)
			m.sidebarLoaded()
		}
	})
}

// sidebarLoaded checks the selection against what the sidebar now lists.
func (m *MainWindow) sidebarLoaded() {
	if kind, _ := parseKey(m.selection); kind == "topic" && !m.hasSidebarKey(m.selection) {
		m.sidebar.selectKey(keyAll) // its topic was deleted or merged
		return
	}
	m.showListTitle()
}

// waitForEventLoop returns a function that, called in a background
// goroutine, waits until the main goroutine runs what it is handed: before
// the window is shown, until the event loop has started. Tests (inline)
// do not wait.
func (m *MainWindow) waitForEventLoop() func() {
	if m.inline {
		return func() {}
	}
	onMain := m.onMain
	return func() {
		running := make(chan struct{})
		onMain(func() { close(running) })
		<-running
	}
}

// background runs fetch away from the main goroutine, then what it returns
// on it. Tests run both at once.
func (m *MainWindow) background(fetch func() func()) {
	if m.inline {
		fetch()()
		return
	}
	onMain := m.onMain
	go func() {
		apply := fetch()
		onMain(apply)
	}()
}

// showEmpty switches the centre between the first-run screen and the panes.
func (m *MainWindow) showEmpty(empty bool) {
	if empty == m.showingEmpty {
		return
	}
	m.showingEmpty = empty
	if empty {
		m.centre.Objects = []fyne.CanvasObject{m.empty}
	} else {
		m.centre.Objects = []fyne.CanvasObject{m.inner}
	}
	m.centre.Refresh()
	for _, b := range []*widget.Button{m.print, m.export} {
		if empty {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// updateStatus shows the library's counts and, when given, what just happened.
func (m *MainWindow) updateStatus(event string) {
	if m.lib == nil {
		m.status.setSummary("No library is open")
		return
	}
	if m.counts.Documents == 0 {
		m.status.setSummary(joinNonEmpty(" · ", "No documents yet", "Library ready", event))
		return
	}
	if event == "" {
		event = "Library saved"
	}
	m.status.setSummary(joinNonEmpty(" · ", plural(m.counts.Documents, "document", "documents"),
		plural(m.counts.Quotes, "quote", "quotes"), event))
}

// selectSidebar shows the quotes of the sidebar row key.
func (m *MainWindow) selectSidebar(key string) {
	prev := m.selection
	m.selection = key
	m.list.keepOnlyCurrent()
	switch {
	case key == keyReview && prev != keyReview:
		// The queue is worked through from the least sure attribution; the
		// order the researcher had comes back when she leaves it.
		m.sortBeforeReview = m.currentSort()
		m.setSortForNow(storage.SortConfidence)
	case prev == keyReview && key != keyReview && m.sortBeforeReview >= 0 && m.currentSort() == storage.SortConfidence:
		m.setSortForNow(m.sortBeforeReview)
		m.sortBeforeReview = -1
	default:
		m.applyQuery()
	}
	if m.list.currentAt < 0 && !m.list.selectIndex(0) {
		if kind, id := parseKey(key); kind == "document" {
			m.source.showDocument(id) // a document without quotes: its text
		}
	}
	m.saveSelection()
}

func (m *MainWindow) sortChanged() {
	m.applyQuery()
	if !m.sortingForNow {
		m.saveSetting(settingSort, fmt.Sprint(m.sortSelect.SelectedIndex()))
	}
}

// setSortForNow shows the list in order s without keeping it as the
// researcher's choice: the order Needs review puts itself in.
func (m *MainWindow) setSortForNow(s storage.QuoteSort) {
	m.sortingForNow = true
	m.sortSelect.SetSelectedIndex(int(s)) // calls applyQuery
	m.sortingForNow = false
}

// query is the quote filter of the sidebar selection and the search text.
func (m *MainWindow) query() storage.QuoteFilter {
	f := filterFor(m.selection, m.threshold)
	f.Search = m.search.Text
	return f
}

// applyQuery shows the quotes of the current selection and search.
func (m *MainWindow) applyQuery() {
	f := m.query()
	var err error
	if f.IsZero() && m.counts.Documents > 0 {
		// All quotes: the library's totals, just read, say how many.
		m.list.setQueryCount(f, m.currentSort(), m.counts.Quotes)
	} else {
		err = m.list.setQuery(f, m.currentSort())
	}
	if err != nil {
		m.ShowError(err)
	}
	m.showListTitle()
}

// showListTitle names what the list shows and counts it; the header is
// laid out again, as the title's width decides where the count goes.
func (m *MainWindow) showListTitle() {
	m.listTitle.SetText(m.queryTitle())
	m.showListCount()
}

// showListCount counts the listed quotes, and the selected ones when there
// are several: Print and Export then cover only those.
func (m *MainWindow) showListCount() {
	text := fmt.Sprint(m.list.pager.count)
	if n := len(m.list.selected); n > 1 {
		text += fmt.Sprintf(" · %d selected", n)
	}
	m.listCount.SetText(text)
	m.listHeader.Refresh()
	why := ""
	if m.list.pager.count == 0 && m.counts.Documents > 0 {
		why = m.emptyListReason()
	}
	m.listEmpty.Segments[0].(*widget.TextSegment).Text = why
	m.listEmpty.Refresh()
	showIf(m.listEmpty, why != "")
}

// emptyListReason says why the list shows no quotes, and what to try.
func (m *MainWindow) emptyListReason() string {
	if q := strings.TrimSpace(m.search.Text); q != "" {
		return fmt.Sprintf("No quote here has the words “%s”. Search looks in a quote's text, its speaker "+
			"and its article's title; try fewer words, or All quotes.", q)
	}
	switch kind, _ := parseKey(m.selection); kind {
	case keyReview:
		return "Nothing to review: every attribution is confirmed or sure enough."
	case keyRejected:
		return "No rejected quotes."
	case "topic":
		return "No quotes in this topic yet. Drag quotes onto it in the sidebar, or use Edit › Add to topic…"
	}
	return "No quotes here."
}

// queryTitle names what the list shows.
func (m *MainWindow) queryTitle() string {
	title := "All quotes"
	kind, id := parseKey(m.selection)
	switch kind {
	case keyReview:
		title = "Needs review"
	case keyRejected:
		title = "Rejected"
	case "topic":
		for _, t := range m.sidebar.topics {
			if t.ID == id {
				title = t.Name
			}
		}
	case "speaker":
		title = m.speakerName(id)
	case "document":
		if d, err := m.lib.Document(context.Background(), id); err == nil {
			title = orFileName(d.Meta)
		}
	}
	if q := strings.TrimSpace(m.search.Text); q != "" {
		title = fmt.Sprintf("“%s” in %s", q, title)
	}
	return title
}

func (m *MainWindow) speakerName(id int64) string {
	for _, s := range m.sidebar.speakers {
		if s.ID == id {
			return s.Name
		}
	}
	if r, ok := m.list.pager.row(0); ok && r.SpeakerID == id {
		return r.Speaker
	}
	return "Speaker"
}

// quoteChosen shows the quote the list made current.
func (m *MainWindow) quoteChosen(row storage.QuoteRow) {
	if m.restoring {
		m.restoredQuote = row
		return
	}
	m.source.showQuote(row)
	m.saveSelection()
}

// takeTurn holds a running import back until the window has drawn what the
// caller changes now (an article, however it was chosen). Articles shown in
// quick succession share one release, after the frame that follows them.
func (m *MainWindow) takeTurn() {
	m.turn.take(turnLimit)
	if m.releasing {
		return
	}
	m.releasing = true
	m.afterNextFrame(func() {
		m.releasing = false
		m.turn.release()
	})
}

// quoteTappedInSource selects in the list the quote tapped in the text.
func (m *MainWindow) quoteTappedInSource(id int64) { m.showQuoteByID(id) }

// showQuoteByID makes quote id current: selected in the list when it is
// near the top of it, else shown in the source pane only. It reports
// whether the quote exists.
func (m *MainWindow) showQuoteByID(id int64) bool {
	if m.list.selectID(id) {
		return true
	}
	row, err := m.lib.Quote(context.Background(), id)
	if err != nil {
		return false
	}
	m.list.selected = map[int64]bool{}
	m.list.current, m.list.currentAt = id, -1
	m.list.list.Refresh()
	if m.restoring {
		m.restoredQuote = row
	} else {
		m.source.showQuote(row)
	}
	return true
}

// scope is what Print and Export cover now.
func (m *MainWindow) scope() Scope {
	s := Scope{Title: m.queryTitle(), Filter: m.query(), Sort: m.currentSort()}
	if ids := m.list.selectedIDs(); len(ids) > 1 {
		s.Selected = ids
	}
	return s
}

func (m *MainWindow) printSheet() {
	if m.onPrint != nil {
		m.onPrint(m.scope())
		return
	}
	m.comingSoon("Printing quote sheets")
}

func (m *MainWindow) exportQuotes() {
	if m.onExport != nil {
		m.onExport(m.scope())
		return
	}
	m.comingSoon("Exporting quotes")
}

// listHeaderLayout puts the list's title, its count and the sort menu on
// one line. The title and the count get the width they need; the sort menu
// the rest, up to sortWidth, and no less than sortMinWidth: its choice is
// ellipsized before the title is.
type listHeaderLayout struct{}

const (
	sortWidth    = 236
	sortMinWidth = 130
)

func (listHeaderLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	c, sel := objs[1].MinSize(), objs[2].MinSize()
	return fyne.NewSize(40+c.Width+sortMinWidth, max(objs[0].MinSize().Height, c.Height, sel.Height))
}

func (listHeaderLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	title, count, sel := objs[0].(*widget.Label), objs[1], objs[2]
	cw := count.MinSize().Width
	want := fyne.MeasureText(title.Text, theme.SizeForWidget(title.SizeName, title), title.TextStyle).Width + 2*theme.InnerPadding() + 6
	sw := min(float32(sortWidth), max(sortMinWidth, size.Width-want-cw))
	tw := max(0, min(want, size.Width-sw-cw))
	title.Resize(fyne.NewSize(tw, size.Height))
	title.Move(fyne.NewPos(0, 0))
	ch := count.MinSize().Height
	count.Resize(fyne.NewSize(cw, ch))
	count.Move(fyne.NewPos(tw-theme.InnerPadding(), (size.Height-ch)/2+2))
	sh := sel.MinSize().Height
	sel.Resize(fyne.NewSize(sw, sh))
	sel.Move(fyne.NewPos(size.Width-sw, (size.Height-sh)/2))
}
