package ui

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/assets"
)

// How often a running import shows its progress, and how often the lists
// catch up with it: the main goroutine stays free to answer the researcher.
// Each change of the progress redraws the whole window, which with
// software OpenGL costs tens of milliseconds of processor time: four a
// second made importing 1,000 files 7 % faster than ten.
const (
	progressEvery = 250 * time.Millisecond
	refreshEvery  = 1500 * time.Millisecond
)

// importJob is one request to import: paths, or one file's bytes; or, with
// update, to bring documents read by an older quote engine up to date.
type importJob struct {
	paths  []string
	name   string
	data   []byte
	update bool
}

// importQueue runs imports one after the other in the background. Requests
// that arrive during an import wait for it; one summary covers them all.
// The researcher's imports go before an engine update, which makes way for
// them when it is running and goes on afterwards.
type importQueue struct {
	m           *MainWindow
	working     sync.WaitGroup // the import goroutine, while it uses the library
	closed      atomic.Bool    // the window is going: nothing more to show
	running     bool
	job         importJob // the one running
	yielding    bool      // the running update was stopped for an import
	imported    bool      // an import (not only an update) ran since the queue was idle
	stop        context.CancelFunc
	pending     []importJob
	total       ImportSummary
	lastRefresh time.Time
	shownDocs   int
	onIdle      func(ImportSummary) // after the last import ended (tests)
}

func newImportQueue(m *MainWindow) *importQueue { return &importQueue{m: m} }

// add starts job, or queues it behind the running import.
func (q *importQueue) add(job importJob) {
	if q.closed.Load() {
		return // the window closed: the library is closing too
	}
	if q.m.imp == nil {
		if !job.update {
			q.m.ShowError(fmt.Errorf("Verbatim cannot import now because no library is open."))
		}
		return
	}
	if !q.running {
		q.total, q.imported = ImportSummary{}, false
		q.start(job)
		return
	}
	if job.update {
		q.pending = append(q.pending, job)
		return
	}
	q.pending = queueBeforeUpdates(q.pending, job)
	if q.job.update && !q.yielding {
		q.yielding = true
		q.pending = append(q.pending, q.job)
		q.stop()
	}
}

// queueBeforeUpdates puts job after the imports waiting and before the
// first update.
func queueBeforeUpdates(pending []importJob, job importJob) []importJob {
	at := len(pending)
	for i, p := range pending {
		if p.update {
			at = i
			break
		}
	}
	return slices.Insert(pending, at, job)
}

func (q *importQueue) start(job importJob) {
	ctx, stop := context.WithCancel(context.Background())
	q.running, q.job, q.stop, q.shownDocs = true, job, stop, 0
	q.imported = q.imported || !job.update
	q.lastRefresh = time.Now()
	if !job.update { // an update shows itself once it knows it has work
		q.m.status.setProgress("Preparing import…", 0)
	}
	imp, onMain := q.m.imp, q.m.onMain
	q.working.Add(1)
	go func() {
		// Thousands of files make a few updates a second.
		shown := newThrottle(progressEvery, onMain, q.progress)
		progress := func(p ImportProgress) {
			if !q.closed.Load() {
				shown.send(p)
			}
		}
		var sum ImportSummary
		switch {
		case job.update:
			sum = imp.UpdateOutdated(ctx, progress)
		case job.data != nil:
			sum = imp.ImportBytes(ctx, job.name, job.data, progress)
		default:
			sum = imp.ImportPaths(ctx, job.paths, progress)
		}
		stop()
		shown.stop()
		q.working.Done()
		if !q.closed.Load() {
			onMain(func() { q.finished(sum) })
		}
	}()
}

// progress shows how far the import is and, now and then, what it added.
func (q *importQueue) progress(p ImportProgress) {
	if !q.running {
		return
	}
	text, done := "Importing…", 0.0
	if p.FilesTotal > 0 {
		text = fmt.Sprintf("Importing %d of %d…", min(p.FilesDone+1, p.FilesTotal), p.FilesTotal)
		done = float64(p.FilesDone) / float64(p.FilesTotal)
	}
	if q.job.update {
		text = "Updating " + plural(p.FilesTotal, "article", "articles") + " to the new quote finder…"
	}
	q.m.status.setProgress(text, done)
	// The first documents show at once, then the lists catch up now and then.
	if p.Documents > q.shownDocs && (q.shownDocs == 0 || time.Since(q.lastRefresh) >= refreshEvery) {
		q.shownDocs, q.lastRefresh = p.Documents, time.Now()
		q.m.refreshLists()
	}
}

// finished takes in one import's summary; after the last, it shows them.
func (q *importQueue) finished(sum ImportSummary) {
	if q.yielding { // stopped to let an import go first: it goes on later
		q.yielding, sum.Update.Left = false, 0
	}
	q.total = addSummaries(q.total, sum)
	if len(q.pending) > 0 && !sum.Cancelled {
		next := q.pending[0]
		q.pending = q.pending[1:]
		q.start(next)
		return
	}
	q.running, q.pending = false, nil
	q.m.status.idle()
	total, onIdle := q.total, q.onIdle
	idle := func() {
		if onIdle != nil {
			onIdle(total)
		}
	}
	if q.imported || q.total.Update.happened() {
		q.showSummary(idle)
		return
	}
	idle()
}

// showSummary shows the library as the imports left it and says in one
// line (and, when something went wrong, one dialog) what they did; then
// the queue is idle. The library is read in the background.
func (q *importQueue) showSummary(done func()) {
	hadQuote := q.m.list.current != 0
	total, imported := q.total, q.imported
	q.m.refreshView(viewOptions{report: true, source: total.Update.happened()}, func() {
		if !hadQuote && q.m.list.current == 0 {
			q.m.showFirstImported(total.FirstDocument)
		}
		var said []string
		if imported {
			said = append(said, summarySentence(total))
		}
		if total.Update.happened() {
			said = append(said, updateSentence(total.Update))
		}
		q.m.updateStatus(strings.Join(said, " · "))
		if imported {
			q.m.showImportSummary(total)
		}
		done()
	})
}

// cancel stops the running import and drops the waiting ones; documents
// already stored stay.
func (q *importQueue) cancel() {
	q.pending = nil
	q.yielding = false
	if q.stop != nil {
		q.stop()
	}
}

// close stops the imports and waits until they no longer use the library
// (documents already stored stay, each whole), so that it can be closed.
func (q *importQueue) close() {
	q.closed.Store(true)
	q.cancel()
	q.working.Wait()
}

func addSummaries(a, b ImportSummary) ImportSummary {
	a.Imported += b.Imported
	a.Quotes += b.Quotes
	a.Duplicates += b.Duplicates
	a.Failed = append(a.Failed, b.Failed...)
	a.Cancelled = a.Cancelled || b.Cancelled
	if a.FirstDocument == 0 {
		a.FirstDocument = b.FirstDocument
	}
	u, v := &a.Update, b.Update
	u.Documents += v.Documents
	u.Found += v.Found
	u.Dropped += v.Dropped
	u.Kept += v.Kept
	u.Left += v.Left
	u.Failed = append(u.Failed, v.Failed...)
	return a
}

// updateSentence says in one line what an engine update did: "Updated 12
// articles: 3 new quotes found; your corrections were kept".
func updateSentence(u UpdateSummary) string {
	var found []string
	if u.Found > 0 {
		found = append(found, plural(u.Found, "new quote", "new quotes")+" found")
	}
	if u.Dropped > 0 {
		found = append(found, fmt.Sprintf("%d no longer found", u.Dropped))
	}
	if len(found) == 0 {
		found = append(found, "no quotes changed")
	}
	s := "Updated " + plural(u.Documents, "article", "articles") + ": " + strings.Join(found, ", ") +
		"; your corrections were kept"
	if u.Documents == 0 {
		s = "No article was updated"
	}
	if n := len(u.Failed); n > 0 {
		s += fmt.Sprintf("; %s could not be updated and keep their quotes", plural(n, "article", "articles"))
	}
	if u.Left > 0 {
		s += fmt.Sprintf("; stopped, %d left for the next start", u.Left)
	}
	return s
}

// summarySentence says in one line what the imports did.
func summarySentence(s ImportSummary) string {
	parts := []string{fmt.Sprintf("Imported %s with %s", plural(s.Imported, "document", "documents"),
		plural(s.Quotes, "quote", "quotes"))}
	if s.Duplicates > 0 {
		parts = append(parts, fmt.Sprintf("%d already in the library", s.Duplicates))
	}
	if n := len(s.Failed); n > 0 {
		parts = append(parts, fmt.Sprintf("%s could not be imported", plural(n, "file", "files")))
	}
	if s.Cancelled {
		parts = append(parts, "stopped")
	}
	return strings.Join(parts, "; ")
}

// showImportSummary shows one dialog when something needs saying: files
// that failed (each with its reason), duplicates skipped, or a stop. A
// plain success is told in the status bar only.
func (m *MainWindow) showImportSummary(s ImportSummary) {
	if len(s.Failed) == 0 && s.Duplicates == 0 && !s.Cancelled {
		return
	}
	var lines []string
	if s.Cancelled {
		lines = append(lines, "You stopped the import. What was imported before stays in your library.")
	}
	lines = append(lines, fmt.Sprintf("Imported %s with %s.", plural(s.Imported, "document", "documents"),
		plural(s.Quotes, "quote", "quotes")))
	if s.Duplicates == 1 {
		lines = append(lines, "1 document was already in your library and was skipped.")
	} else if s.Duplicates > 1 {
		lines = append(lines, fmt.Sprintf("%d documents were already in your library and were skipped.", s.Duplicates))
	}
	body := container.NewVBox()
	for _, l := range lines {
		body.Add(wrapped(l))
	}
	if len(s.Failed) > 0 {
		body.Add(widget.NewLabelWithStyle(plural(len(s.Failed), "file could not be imported:", "files could not be imported:"),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		body.Add(problemList(s.Failed))
	}
	d := dialog.NewCustom("Import finished", "OK", body, m.Window)
	d.Resize(fyne.NewSize(540, 10))
	m.summaryDlg = d
	d.Show()
}

// problemList lists the files that failed, each with its reason, in a
// box as high as the list up to a limit, then scrolling.
func problemList(failed []ImportProblem) *container.Scroll {
	const width, maxHeight = 480, 240
	problems := container.NewVBox()
	var height float32
	for _, p := range failed {
		l := wrapped(p.Name + " — " + p.Reason)
		l.Resize(fyne.NewSize(width, 0)) // a wrapped label is as high as its width makes it
		height += l.MinSize().Height + theme.Padding()
		problems.Add(l)
	}
	scroll := container.NewVScroll(problems)
	scroll.SetMinSize(fyne.NewSize(width, min(height, maxHeight)))
	return scroll
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// showFirstImported shows the first quote of a newly imported document.
func (m *MainWindow) showFirstImported(docID int64) {
	if docID == 0 {
		return
	}
	if !m.list.selectIndex(0) {
		m.source.showDocument(docID)
	}
}

// refreshLists shows what a running import has added so far. The library
// is read in the background, so that the window does not wait for a
// library that the import keeps busy; an update changes the article shown.
func (m *MainWindow) refreshLists() {
	m.refreshView(viewOptions{source: m.imports.job.update}, nil)
}

// ImportPaths imports files and folders in the background: dropped on the
// window, given on the command line, or handed over by a second launch.
func (m *MainWindow) ImportPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	m.imports.add(importJob{paths: paths})
}

// UpdateOutdated extracts again, in the background, the quotes of documents
// that an older version of the quote engine read, keeping every edit; the
// status bar shows the progress and a cancel button, then one line on what
// changed. Nothing shows when every document is up to date. The app calls
// it once the window is interactive; imports asked for meanwhile go first.
func (m *MainWindow) UpdateOutdated() {
	m.imports.add(importJob{update: true})
}

// OnImportsFinished calls f on the main goroutine each time the imports
// asked for have all ended and their summary is shown.
func (m *MainWindow) OnImportsFinished(f func(ImportSummary)) { m.imports.onIdle = f }

// Dropped imports what was dropped on the window.
func (m *MainWindow) Dropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	m.ImportPaths(paths)
}

// trySample imports the bundled sample article.
func (m *MainWindow) trySample() {
	m.imports.add(importJob{name: assets.SampleName, data: assets.SampleArticle})
}

// openFilesDialog lets the researcher pick several article files (or
// folders) to import.
func (m *MainWindow) openFilesDialog() {
	newFilePicker(m, m.startFolder(), func(paths []string) { m.ImportPaths(paths) }).show()
}

// importFolderDialog imports a whole folder.
func (m *MainWindow) importFolderDialog() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			m.ShowError(err)
			return
		}
		if dir != nil {
			m.saveSetting(settingFolder, dir.Path())
			m.ImportPaths([]string{dir.Path()})
		}
	}, m.Window)
	if u, err := storage.ListerForURI(storage.NewFileURI(m.startFolder())); err == nil {
		d.SetLocation(u)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startFolder is where the file dialogs open: the folder used last, else
// the home folder.
func (m *MainWindow) startFolder() string {
	if m.lib != nil {
		if dir, _ := m.lib.Setting(context.Background(), settingFolder); dir != "" {
			if info, err := os.Stat(dir); err == nil && info.IsDir() {
				return dir
			}
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}
