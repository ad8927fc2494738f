package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"verbatim/core"
	"verbatim/core/printing"
	"verbatim/core/quoteset"
)

// dialogHarness plays Fyne's UI goroutine for the dialogs: background work
// hands its updates to main, and the test runs them, one at a time, as the
// real event loop does.
type dialogHarness struct {
	t     *testing.T
	app   fyne.App
	win   fyne.Window
	main  chan func()
	cfg   *dialogConfig
	saved string // the file the fake save dialog chose last
}

func newDialogHarness(t *testing.T) *dialogHarness {
	t.Helper()
	a := test.NewTempApp(t)
	win := test.NewTempWindow(t, fyne.NewContainer())
	win.Resize(fyne.NewSize(1280, 800))
	h := &dialogHarness{t: t, app: a, win: win, main: make(chan func(), 64)}
	h.cfg = newDialogConfig(nil)
	h.cfg.onMain = func(f func()) { h.main <- f }
	h.cfg.now = func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }
	h.cfg.settings = SheetSettings{} // A4, by speaker, by date, whatever the machine's locale
	h.saveTo(filepath.Join(t.TempDir(), "chosen"))
	return h
}

// options make a dialog opened through its exported function use the
// harness.
func (h *dialogHarness) options() DialogOption {
	return func(c *dialogConfig) {
		c.onMain, c.chooseSave, c.now, c.settings = h.cfg.onMain, h.cfg.chooseSave, h.cfg.now, h.cfg.settings
	}
}

// saveTo makes the save dialog choose a file named as proposed in dir.
func (h *dialogHarness) saveTo(dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		h.t.Fatal(err)
	}
	h.cfg.chooseSave = func(_ fyne.Window, name, _ string, chosen func(fyne.URIWriteCloser, error)) {
		h.saved = filepath.Join(dir, name)
		chosen(fstorage.Writer(fstorage.NewFileURI(h.saved)))
	}
}

// until runs the UI work that background goroutines queue until cond
// holds.
func (h *dialogHarness) until(what string, cond func() bool) {
	h.t.Helper()
	timeout := time.After(60 * time.Second)
	for !cond() {
		select {
		case f := <-h.main:
			f()
		case <-timeout:
			h.t.Fatalf("waited a minute for %s", what)
		}
	}
}

// settle runs queued UI work until none arrives for a moment.
func (h *dialogHarness) settle() {
	for {
		select {
		case f := <-h.main:
			f()
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}

// fakePrinter is a print system with the given queues. It keeps a copy of
// every file it is asked to print, since the dialog removes its own.
type fakePrinter struct {
	printers []printing.Printer
	listErr  error
	printErr error
	dir      string

	mu   sync.Mutex
	jobs []printing.Job // File points at the kept copy
}

func (f *fakePrinter) Printers(context.Context) ([]printing.Printer, error) {
	return f.printers, f.listErr
}

func (f *fakePrinter) Print(_ context.Context, job printing.Job) (string, error) {
	if f.printErr != nil {
		return "", f.printErr
	}
	data, err := os.ReadFile(job.File)
	if err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	job.File = filepath.Join(f.dir, fmt.Sprintf("job-%d.pdf", len(f.jobs)+1))
	if err := os.WriteFile(job.File, data, 0o644); err != nil {
		return "", err
	}
	f.jobs = append(f.jobs, job)
	return fmt.Sprintf("fake-%d", len(f.jobs)), nil
}

func (f *fakePrinter) printed() []printing.Job {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]printing.Job(nil), f.jobs...)
}

func officePrinters(t *testing.T) *fakePrinter {
	return &fakePrinter{dir: t.TempDir(), printers: []printing.Printer{
		{Name: "Office", Description: "Office laser", Default: true, Enabled: true, Accepting: true},
		{Name: "Library", Enabled: false, Accepting: true, Reason: "paper jam"},
	}}
}

// testArticle is one synthetic article of the fixture.
type testArticle struct {
	id, title, outlet, date, lang string
	quotes                        []testQuote
}

type testQuote struct{ speaker, text, topic string }

// testArticles are three short articles with a quote in Cyrillic and
// typewriter quotation marks that sheets must curl.
func testArticles() []testArticle {
	return []testArticle{
		{"syria", "US President Trump announces troop withdrawal from Syria", "Wikinews", "2019-10-08", "en", []testQuote{
			{"Brett McGurk", "The WH statement tonight on Syria demonstrates a complete lack of understanding of anything happening on the ground.", "Syria withdrawal"},
			{"Lindsey Graham", "This is going to lead to ISIS' reemergence.", "Syria withdrawal"},
			{"Nikki Haley", "We must always have the backs of our allies, if we expect them to have our back.", "Syria withdrawal"},
		}},
		{"wall", "President Trump says he 'can' and 'may' put US into state of emergency to build border wall", "Wikinews", "2019-01-07", "en", []testQuote{
			{"Nancy Pelosi", "We are committed to keeping our border safe. We can do that best when government is open.", "Border wall & shutdown"},
			{"Chuck Schumer", "So we told the president we needed the government open. He resisted.", "Border wall & shutdown"},
		}},
		{"kremlin", "Путин о Сирии", "ТАСС", "2019-10-09", "ru", []testQuote{
			{"Владимир Путин", "Мы не уйдём из Сирии.", "Syria withdrawal"},
		}},
	}
}

// articleSet makes a quote set of the articles; each quote is repeated
// times (in its own paragraph), so that sheets can run to many pages.
func articleSet(articles []testArticle, times int) quoteset.Set {
	set := quoteset.Set{Topics: []quoteset.Topic{{Name: "Syria withdrawal", Color: "#5C6BC0"}, {Name: "Border wall & shutdown", Color: "#8D6E63"}}}
	speakers := map[string]bool{}
	for _, a := range articles {
		var text strings.Builder
		text.WriteString(a.title + "\n\n")
		var quotes []quoteset.Quote
		for n := range times {
			for i, q := range a.quotes {
				fmt.Fprintf(&text, "In a statement, %s said: ", q.speaker)
				start := text.Len()
				fmt.Fprintf(&text, "\"%s\"", q.text)
				qq := quoteset.Quote{ID: a.id + "-" + strconv.Itoa(n) + "-" + strconv.Itoa(i), DocumentID: a.id, Topics: []string{q.topic}, Status: "accepted"}
				qq.Span = core.Span{Start: start, End: text.Len()}
				qq.Fragments = []core.Span{qq.Span}
				qq.Speaker, qq.Confidence = q.speaker, 0.9
				quotes = append(quotes, qq)
				text.WriteString(" The statement was made on Tuesday.\n\n")
				if !speakers[q.speaker] {
					speakers[q.speaker] = true
					set.Speakers = append(set.Speakers, quoteset.Speaker{Name: q.speaker})
				}
			}
		}
		set.Documents = append(set.Documents, quoteset.Document{ID: a.id, Document: core.Document{Text: text.String(),
			Meta: core.Meta{Title: a.title, Outlet: a.outlet, Date: a.date, Language: a.lang, URL: "https://example.org/" + a.id}}})
		set.Quotes = append(set.Quotes, quotes...)
	}
	return set
}

// selectionOf is a selection that loads set.
func selectionOf(title string, set quoteset.Set) QuoteSelection {
	return QuoteSelection{Title: title, Load: func(context.Context) (quoteset.Set, error) { return set, nil }}
}

// visibleObjects walks what the canvas shows on top: its overlays (the
// dialogs), depth first, leaving out hidden objects.
func visibleObjects(c fyne.Canvas) []fyne.CanvasObject {
	var all []fyne.CanvasObject
	for _, o := range c.Overlays().List() {
		walkVisible(o, func(o fyne.CanvasObject) { all = append(all, o) })
	}
	return all
}

// walkVisible visits o and what it draws, depth first, leaving out hidden
// objects.
func walkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch w := o.(type) {
	case fyne.Widget:
		r := test.WidgetRenderer(w)
		for _, child := range r.Objects() {
			for _, model := range standInModels(r, child) {
				walkVisible(model, visit)
			}
		}
	case *fyne.Container:
		for _, child := range w.Objects {
			walkVisible(child, visit)
		}
	}
}

// standInModels are the texts an image of r's drawing paints; else o.
func standInModels(r fyne.WidgetRenderer, o fyne.CanvasObject) []fyne.CanvasObject {
	if s, ok := r.(interface{ drawing() *drawing }); ok {
		if d := s.drawing(); d.img != nil && o == d.img {
			return d.models
		}
	}
	return []fyne.CanvasObject{o}
}

// shownText is all the text the dialogs on the canvas show, one piece a
// line.
func shownText(c fyne.Canvas) string {
	var b strings.Builder
	for _, o := range visibleObjects(c) {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			b.WriteString(t.Text + "\n")
		}
	}
	return b.String()
}

// wantShown fails unless the dialogs show every one of the sentences.
func wantShown(t *testing.T, c fyne.Canvas, sentences ...string) {
	t.Helper()
	// Wrapped labels break sentences into lines; compare with the breaks
	// turned into spaces.
	shown := strings.Join(strings.Fields(shownText(c)), " ")
	for _, s := range sentences {
		if !strings.Contains(shown, s) {
			t.Errorf("the dialogs do not show %q; they show:\n%s", s, shown)
		}
	}
}
