package ui

import (
	"context"
	"fmt"
	"image/color"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/core"
	"verbatim/storage"
)

// maxDocumentQuotes bounds the quotes highlighted in one document.
const maxDocumentQuotes = 5000

// sourcePane shows the current quote's document: a header, a strip about
// the quote with its actions, and the text with every quote highlighted.
type sourcePane struct {
	lib       Library
	threshold float64

	doc     storage.DocumentInfo
	quotes  []storage.QuoteRow
	current storage.QuoteRow

	title      *widget.Label
	meta       *lineText
	link       *widget.Hyperlink
	speaker    *widget.Label
	quoteMeta  *lineText
	reasons    *lineText // the quote's topics and why it has them
	note       *lineText // the researcher's note on the quote
	noteButton *widget.Button
	docNote    *lineText // the researcher's note on the article
	docNoteBtn *widget.Button
	change     *widget.Button
	confirm    *widget.Button
	reject     *widget.Button
	addQuote   *widget.Button
	strip      *fyne.Container
	// speakerLine holds the speaker's name and its caption.
	speakerLine *fyne.Container
	extras      *fyne.Container // the topics and note lines
	text        *articleText
	scroll      *container.Scroll
	content     *fyne.Container
	selStart    int
	selEnd      int
	onQuote     func(id int64) // a highlighted quote was tapped
	onChange    func()
	onConfirm   func()
	onReject    func()
	onAddQuote  func(docID int64, span core.Span)
	onNote      func() // the current quote's note
	// onDocumentNote edits the article's note.
	onDocumentNote func()
	onError        func(error)
	// beforeArticle is called before an article's text is laid out: the
	// heaviest thing the pane does, and its next frame the heaviest frame.
	beforeArticle func()
}

func newSourcePane(lib Library) *sourcePane {
	s := &sourcePane{lib: lib}
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.title.Wrapping = fyne.TextWrapWord
	s.meta = newLineText(13)
	s.link = widget.NewHyperlink("Open original", nil)
	s.link.Hide()
	s.speaker = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.speaker.Truncation = fyne.TextTruncateEllipsis
	s.quoteMeta = newLineText(12)
	s.reasons = newLineText(12)
	s.note = newLineText(12)
	s.noteButton = widget.NewButtonWithIcon("Add note", theme.DocumentCreateIcon(), func() { call(s.onNote) })
	s.noteButton.Importance = widget.LowImportance
	s.docNote = newLineText(13)
	s.docNote.Hide()
	s.docNoteBtn = widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), func() { call(s.onDocumentNote) })
	s.docNoteBtn.Importance = widget.LowImportance
	s.change = widget.NewButtonWithIcon("Change speaker…", theme.AccountIcon(), func() { call(s.onChange) })
	s.confirm = widget.NewButtonWithIcon("Confirm", theme.ConfirmIcon(), func() { call(s.onConfirm) })
	s.confirm.Importance = widget.LowImportance
	s.reject = widget.NewButtonWithIcon("Reject", theme.CancelIcon(), func() { call(s.onReject) })
	s.reject.Importance = widget.LowImportance
	s.addQuote = widget.NewButtonWithIcon("Add as quote…", theme.ContentAddIcon(), func() {
		if s.onAddQuote != nil && s.selStart < s.selEnd {
			s.onAddQuote(s.doc.ID, core.Span{Start: s.selStart, End: s.selEnd})
		}
	})
	s.addQuote.Importance = widget.HighImportance
	s.addQuote.Hide()

	s.text = newArticleText()
	s.scroll = container.NewVScroll(s.text)
	s.scroll.OnScrolled = func(p fyne.Position) { s.text.setView(p.Y, s.scroll.Size().Height) }
	s.text.onLayout = func(heightChanged bool) {
		if heightChanged {
			s.scroll.Refresh()
		}
		// Lines moved (a new width): bring the current quote back into view.
		if s.current.ID != 0 {
			s.scrollTo(s.current)
		}
		s.text.setView(s.scroll.Offset.Y, s.scroll.Size().Height)
	}
	s.text.onQuoteTapped = func(id int64) {
		if s.onQuote != nil {
			s.onQuote(id)
		}
	}
	s.text.onSelected = func(start, end int) {
		s.selStart, s.selEnd = start, end
		// While text is selected its button takes the note's place: the
		// header keeps to one line in a narrow pane.
		showIf(s.addQuote, start < end)
		showIf(s.docNoteBtn, start >= end && s.doc.ID != 0)
	}

	icon := widget.NewIcon(theme.AccountIcon())
	// The speaker's name has the strip's whole width (its caption gives way
	// first); the actions go on their own line under it, and the topics
	// and the note under them, all indented like the name.
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(icon.MinSize().Width, 0))
	s.speakerLine = container.New(nameFirstLayout{}, s.speaker, s.quoteMeta)
	actions := container.NewHBox(s.change, s.confirm, s.reject, s.noteButton)
	s.extras = container.New(&tightVBox{}, s.reasons, s.note)
	s.strip = container.New(layout.NewCustomPaddedVBoxLayout(0),
		container.NewBorder(nil, nil, icon, nil, s.speakerLine),
		container.NewBorder(nil, nil, indent, nil, container.NewVBox(actions, s.extras)))
	stripBg := &themedRect{Rectangle: canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)), name: theme.ColorNameHeaderBackground}
	// "Add as quote…" stands beside the article's own actions, so that it
	// is there when no quote is current, as soon as text is selected.
	header := container.NewVBox(
		container.NewPadded(container.NewVBox(s.title,
			container.NewBorder(nil, nil, nil, container.NewHBox(s.addQuote, s.docNoteBtn, s.link), container.New(&tightVBox{}, s.meta, s.docNote)))),
		container.NewStack(stripBg, container.NewPadded(s.strip)),
		// A rule under the strip, so that the text scrolling under it does
		// not look cut off.
		widget.NewSeparator(),
	)
	s.content = container.NewBorder(header, nil, nil, nil, s.scroll)
	s.showNothing()
	return s
}

// showIf shows o when on, else hides it.
func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

func call(f func()) {
	if f != nil {
		f()
	}
}

// showNothing empties the pane: no document is selected.
func (s *sourcePane) showNothing() {
	s.doc, s.quotes, s.current = storage.DocumentInfo{}, nil, storage.QuoteRow{}
	s.title.SetText("Select a quote to read it in its article")
	s.meta.SetText("")
	s.link.Hide()
	s.docNote.Hide()
	s.docNoteBtn.Hide()
	s.strip.Hide()
	s.text.setDocument("", nil)
}

// showQuote shows row's document with row as the current quote, scrolled
// into view.
func (s *sourcePane) showQuote(row storage.QuoteRow) {
	if row.DocumentID != s.doc.ID || s.doc.Text == "" {
		if !s.load(row.DocumentID) {
			return
		}
	}
	s.current = row
	s.mark()
	s.updateStrip()
	s.scrollTo(row)
}

// showDocument shows a document without a current quote.
func (s *sourcePane) showDocument(id int64) {
	if id != s.doc.ID && !s.load(id) {
		return
	}
	s.current = storage.QuoteRow{}
	s.mark()
	s.updateStrip()
	s.scroll.ScrollToTop()
	s.text.setView(0, s.scroll.Size().Height)
}

// reload reads the shown document's quotes again after an edit.
func (s *sourcePane) reload() {
	if s.doc.ID == 0 {
		return
	}
	id := s.doc.ID
	s.doc.ID = 0
	if !s.load(id) {
		s.showNothing()
		return
	}
	if s.current.ID != 0 {
		if r, err := s.lib.Quote(context.Background(), s.current.ID); err == nil {
			s.current = r
		}
	}
	s.mark()
	s.updateStrip()
}

// load reads article id and shows its text; the caller marks its quotes.
func (s *sourcePane) load(id int64) bool {
	d := fetchSource(s.lib, id, 0)
	if d.err != nil {
		if s.onError != nil {
			s.onError(d.err)
		}
		return false
	}
	s.setArticle(d.doc, d.quotes)
	return true
}

// showLoaded shows an article read in the background, with current (zero:
// none) as its current quote.
func (s *sourcePane) showLoaded(doc storage.DocumentInfo, quotes []storage.QuoteRow, current storage.QuoteRow) {
	keepView := doc.ID == s.doc.ID
	// An update reads the article shown again every second or so: text
	// the researcher selected stays selected while the text is the same.
	start, end := s.text.selStart, s.text.selEnd
	keepSelection := keepView && start < end && doc.Text == s.doc.Text
	s.setArticle(doc, quotes)
	s.current = current
	s.mark()
	s.updateStrip()
	if keepSelection {
		s.text.setSelection(start, end)
		s.text.onSelected(start, end)
	}
	if current.ID != 0 && !keepView {
		s.scrollTo(current)
	}
}

// setArticle puts an article's header and text in the pane; its quotes are
// laid out by mark, which every caller calls next (laying the text out once).
func (s *sourcePane) setArticle(doc storage.DocumentInfo, quotes []storage.QuoteRow) {
	call(s.beforeArticle)
	s.doc, s.quotes = doc, quotes
	s.title.SetText(orFileName(doc.Meta))
	s.meta.SetText(joinNonEmpty(" · ", doc.Meta.Outlet, longDate(doc.Meta.Date), plural(len(s.quotes), "quote", "quotes")))
	s.showDocumentNote(doc.Note)
	s.link.Hide()
	if u := originalURL(doc.Meta); u != nil {
		s.link.SetURL(u)
		s.link.Show()
	}
	s.text.setText(doc.Text)
	s.selStart, s.selEnd = 0, 0
	s.addQuote.Hide()
}

// showDocumentNote shows the article's note under its title, and the
// button that writes or edits it.
func (s *sourcePane) showDocumentNote(note string) {
	s.docNote.SetText("Note: " + oneLine(note))
	showIf(s.docNote, note != "")
	// "article" tells it from the quote's note button in the strip below.
	s.docNoteBtn.SetText(map[bool]string{true: "Edit article note", false: "Add article note"}[note != ""])
	s.docNoteBtn.Show()
}

// originalURL is where the article came from: its web address, else its file.
func originalURL(m core.Meta) *url.URL {
	if m.URL != "" {
		if u, err := url.Parse(m.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			return u
		}
	}
	if m.FilePath != "" {
		if abs, err := filepath.Abs(m.FilePath); err == nil {
			return &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
		}
	}
	return nil
}

func orFileName(m core.Meta) string {
	if m.Title != "" {
		return m.Title
	}
	if m.FileName != "" {
		return m.FileName
	}
	return "Untitled document"
}

// mark highlights the document's quotes, the current one stronger.
func (s *sourcePane) mark() {
	marks := make([]quoteMark, 0, len(s.quotes))
	for _, q := range s.quotes {
		frags := q.Fragments
		if len(frags) == 0 {
			frags = []core.Span{q.Span}
		}
		marks = append(marks, quoteMark{id: q.ID, fragments: frags, mention: q.Mention,
			current: q.ID == s.current.ID, review: q.NeedsReview(s.threshold)})
	}
	s.text.setMarks(marks)
}

func (s *sourcePane) updateStrip() {
	q := s.current
	if q.ID == 0 {
		s.strip.Hide()
		return
	}
	s.strip.Show()
	name := q.Speaker
	if name == "" {
		name = "Unknown speaker"
	}
	s.speaker.SetText(name)
	s.noteButton.SetText(map[bool]string{true: "Edit note", false: "Add note"}[q.Note != ""])
	var mention string
	if q.MentionText != "" {
		mention = fmt.Sprintf("mention “%s”", q.MentionText)
	}
	// The mention, the longest, goes last: it is what gives way in a narrow pane.
	sure := fmt.Sprintf("confidence %.2f", q.Confidence)
	if what := nonQuoteWord(q.NonQuote); what != "" {
		sure = "probably " + what + ", not anyone's words"
	}
	s.quoteMeta.SetText("· " + joinNonEmpty(" · ", paragraphMark(q.Paragraph), sure, mention))
	s.reasons.SetText(topicReasons(q.Topics))
	showIf(s.reasons, len(q.Topics) > 0)
	s.note.SetText("Note: " + oneLine(q.Note))
	showIf(s.note, q.Note != "")
	showIf(s.extras, len(q.Topics) > 0 || q.Note != "")
	if q.Status == storage.StatusRejected {
		s.reject.SetText("Restore")
		s.reject.SetIcon(theme.ContentUndoIcon())
	} else {
		s.reject.SetText("Reject")
		s.reject.SetIcon(theme.CancelIcon())
	}
	showIf(s.confirm, q.NeedsReview(s.threshold))
	// The name's width changed: place the name and its caption again.
	s.speakerLine.Refresh()
}

// nameFirstLayout gives its first object (a bold name) the width its text
// needs, up to the whole row, and the second (the name's grey caption)
// what is left, so that the caption is cut before the name is.
type nameFirstLayout struct{}

func (nameFirstLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	name, caption := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(name.Width+caption.Width, max(name.Height, caption.Height))
}

func (nameFirstLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	name, caption := objs[0].(*widget.Label), objs[1]
	// The label measures its text a piece at a time, which comes out a
	// little wider than the whole: a padding's slack keeps it from cutting.
	want := fyne.MeasureText(name.Text, theme.TextSize(), name.TextStyle).Width + 2*theme.InnerPadding() + theme.Padding()
	nw := min(want, size.Width)
	nh := name.MinSize().Height
	name.Move(fyne.NewPos(0, (size.Height-nh)/2))
	name.Resize(fyne.NewSize(nw, nh))
	// The caption's text sits on the name's baseline, give or take a unit.
	ch := caption.MinSize().Height
	caption.Move(fyne.NewPos(nw-theme.InnerPadding(), (size.Height-ch)/2+1))
	caption.Resize(fyne.NewSize(max(0, size.Width-nw+theme.InnerPadding()), ch))
}

// scrollTo brings row's first line into view, a little below the top.
func (s *sourcePane) scrollTo(row storage.QuoteRow) {
	start := row.Span.Start
	if len(row.Fragments) > 0 {
		start = row.Fragments[0].Start
	}
	y := s.text.offsetY(start)
	if y < 0 {
		return
	}
	view := s.scroll.Size().Height
	if y >= s.scroll.Offset.Y+articleLine && y+3*articleLine <= s.scroll.Offset.Y+view {
		return // already in view
	}
	s.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-view/4)))
	s.text.setView(s.scroll.Offset.Y, view)
}

// topicReasons lists a quote's topics with why it has each: "Topics: Jobs
// (assigned by you) · Syria (keyword rule: syria)".
func topicReasons(chips []storage.TopicChip) string {
	parts := make([]string, len(chips))
	for i, c := range chips {
		parts[i] = c.Name + " (" + chipReason(c) + ")"
	}
	return "Topics: " + strings.Join(parts, " · ")
}

// tightVBox stacks objects without gaps (the speaker over its caption),
// leaving out hidden ones.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - 2*theme.Padding()
	}
	return s
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := -theme.Padding()
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, m.Height))
		y += m.Height - 2*theme.Padding()
	}
}

// lineText is one line of text, ellipsized to its width: secondary text
// (dates, counts, outlets) in the theme's placeholder colour, or the
// status bar's, which changes several times a second during an import.
// Drawn from the window's measurer (drawing), a new text costs no new font
// and no texture of Fyne's.
type lineText struct {
	widget.BaseWidget
	text    string
	size    float32
	ink     fyne.ThemeColorName // the placeholder colour when empty
	fit     bool                // asks for the whole text's width (a count), not a minimum
	measure *textMeasurer       // the window's, when it has one
}

func newLineText(size float32) *lineText {
	g := &lineText{size: size}
	g.ExtendBaseWidget(g)
	return g
}

func (g *lineText) colour() color.Color {
	if g.ink == "" {
		return theme.Color(theme.ColorNamePlaceHolder)
	}
	return theme.Color(g.ink)
}

func (g *lineText) SetText(s string) {
	g.text = s
	g.Refresh()
}

func (g *lineText) MinSize() fyne.Size {
	w := float32(20)
	if g.fit {
		w = g.measure.textWidth(g.text, g.size, fyne.TextStyle{}) + 2*theme.InnerPadding()
	}
	return fyne.NewSize(w, fyne.MeasureText("Mg", g.size, fyne.TextStyle{}).Height+theme.InnerPadding())
}

func (g *lineText) CreateRenderer() fyne.WidgetRenderer {
	t := canvas.NewText("", g.colour())
	t.TextSize = g.size
	r := &lineTextRenderer{g: g, t: t}
	return r
}

type lineTextRenderer struct {
	g     *lineText
	t     *canvas.Text
	drawn drawing
}

func (r *lineTextRenderer) Destroy()           { r.drawn.release() }
func (r *lineTextRenderer) MinSize() fyne.Size { return r.g.MinSize() }

// Objects are the text as an image (drawing), or the text itself when
// the window's font lacks some of its letters.
func (r *lineTextRenderer) Objects() []fyne.CanvasObject {
	d := &r.drawn
	d.measure = r.g.measure
	d.start(r.g.Size())
	if !d.addText(r.t, fyne.Position{}) {
		d.release()
		return []fyne.CanvasObject{r.t}
	}
	if img := d.object(); img != nil {
		return []fyne.CanvasObject{img}
	}
	return nil
}

// drawing lets tests read the text behind the image.
func (r *lineTextRenderer) drawing() *drawing { return &r.drawn }

func (r *lineTextRenderer) Layout(size fyne.Size) {
	r.t.Text = r.g.measure.ellipsize(r.g.text, size.Width-theme.InnerPadding(), r.g.size, fyne.TextStyle{})
	r.t.Move(fyne.NewPos(theme.InnerPadding(), 0))
	r.t.Resize(fyne.NewSize(size.Width-theme.InnerPadding(), size.Height))
}
func (r *lineTextRenderer) Refresh() {
	r.t.Color = r.g.colour()
	r.Layout(r.g.Size())
	r.t.Refresh()
}
