package ui

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"verbatim/storage"
)

func TestThrottleShowsTheNewestValueOnce(t *testing.T) {
	main := make(chan func(), 16)
	var shown []int
	thr := newThrottle(time.Hour, func(f func()) { main <- f }, func(v int) { shown = append(shown, v) })
	for i := 1; i <= 1000; i++ {
		thr.send(i)
	}
	if len(main) != 1 {
		t.Fatalf("1000 values sent before the main goroutine ran asked it %d times, want once", len(main))
	}
	(<-main)()
	if len(shown) != 1 || shown[0] != 1000 {
		t.Fatalf("shown %v, want only the newest value, 1000", shown)
	}
	thr.send(1001) // within the hour: waits
	if len(main) != 0 {
		t.Error("a value sent within the interval was handed over at once")
	}
}

func TestThrottleShowsTheLastValueAfterTheInterval(t *testing.T) {
	main := make(chan func(), 16)
	var shown []int
	thr := newThrottle(10*time.Millisecond, func(f func()) { main <- f }, func(v int) { shown = append(shown, v) })
	thr.send(1)
	(<-main)()
	thr.send(2)
	thr.send(3)
	select {
	case f := <-main:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("the last value was never handed over")
	}
	if len(shown) != 2 || shown[1] != 3 {
		t.Errorf("shown %v, want [1 3]", shown)
	}
}

func TestStoppedThrottleShowsNothingMore(t *testing.T) {
	main := make(chan func(), 16)
	shown := 0
	thr := newThrottle(0, func(f func()) { main <- f }, func(int) { shown++ })
	thr.send(1)
	thr.stop() // the import ended: its summary, not this progress, is shown
	(<-main)()
	thr.send(2)
	if shown != 0 || len(main) != 0 {
		t.Errorf("after stop: %d shown, %d waiting", shown, len(main))
	}
}

// countingLibrary counts the reads of the library's totals.
type countingLibrary struct {
	*storage.Library
	counts atomic.Int32
}

func (c *countingLibrary) Counts(ctx context.Context, threshold float64) (storage.Counts, error) {
	c.counts.Add(1)
	return c.Library.Counts(ctx, threshold)
}

func TestRefreshesAskedForMeanwhileBecomeOneThatShowsTheEnd(t *testing.T) {
	a := test.NewTempApp(t)
	lib, err := storage.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	counting := &countingLibrary{Library: lib}
	main := make(chan func(), 64)
	m := newMainWindow(a, counting, nil, func(f func()) { main <- f }, false)
	defer m.Window.Close()
	for len(main) > 0 { // the start's own reads
		(<-main)()
	}
	pipe := Pipeline{Store: lib, Engine: NewEngine()}
	add := func(name string) {
		t.Helper()
		path, _ := filepath.Abs(filepath.Join("testdata", "articles", name))
		if s := pipe.ImportPaths(context.Background(), []string{path}, func(ImportProgress) {}); s.Imported != 1 {
			t.Fatalf("importing %s: %+v", name, s)
		}
	}

	before := counting.counts.Load()
	done := 0
	add("harbour.txt")
	m.refreshView(viewOptions{}, func() { done++ })
	add("library.txt") // while the first read may still run
	m.refreshView(viewOptions{}, func() { done++ })
	m.refreshView(viewOptions{}, func() { done++ })
	for done < 2 {
		select {
		case f := <-main:
			f()
		case <-time.After(30 * time.Second):
			t.Fatal("the refreshes never ended")
		}
	}
	if reads := counting.counts.Load() - before; reads != 2 {
		t.Errorf("three refreshes read the library %d times, want 2 (the running one and one after it)", reads)
	}
	final, _ := lib.Counts(context.Background(), m.threshold)
	if m.counts != final || m.list.pager.count != final.Quotes || len(m.sidebar.documents) != 2 {
		t.Errorf("the window shows %+v, %d listed, %d documents in the sidebar; the library holds %+v",
			m.counts, m.list.pager.count, len(m.sidebar.documents), final)
	}
	if m.showingEmpty || m.list.current == 0 || m.source.doc.ID == 0 {
		t.Error("after the refresh the first quote and its article should show")
	}
}

func TestLazyPipelineMakesItsEngineForTheFirstImport(t *testing.T) {
	lib, err := storage.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	p := LazyPipeline(lib)
	if v := NewEngine().Version; p.engineVersion() != v {
		t.Errorf("lazy version %q, the engine's %q", p.engineVersion(), v)
	}
	if p.lazy.engine.Quotes != nil {
		t.Fatal("the engine was made before any import")
	}
	path, _ := filepath.Abs(filepath.Join("testdata", "articles", "harbour.txt"))
	if s := p.ImportPaths(context.Background(), []string{path}, func(ImportProgress) {}); s.Imported != 1 || s.Quotes == 0 {
		t.Fatalf("import through the lazy pipeline: %+v", s)
	}
	if p.lazy.engine.Suggester == nil {
		t.Error("the lazy engine has no topic suggestion")
	}
}

func TestSidebarRowLooksCompare(t *testing.T) {
	base := rowLook{icon: theme.ListIcon(), dot: color.NRGBA{1, 2, 3, 255}, text: "Iran", count: 4}
	for _, tc := range []struct {
		name   string
		change func(*rowLook)
		same   bool
	}{
		{"unchanged", func(*rowLook) {}, true},
		{"icon made again", func(l *rowLook) { l.icon = theme.ListIcon() }, true},
		{"count", func(l *rowLook) { l.count = 5 }, false},
		{"text", func(l *rowLook) { l.text = "Iraq" }, false},
		{"colour", func(l *rowLook) { l.dot = color.NRGBA{1, 2, 4, 255} }, false},
		{"no dot", func(l *rowLook) { l.dot = nil }, false},
		{"icon", func(l *rowLook) { l.icon = theme.DeleteIcon() }, false},
		{"selected", func(l *rowLook) { l.selected = true }, false},
		{"hover text", func(l *rowLook) { l.hoverExtra = "· also Tehran" }, false},
	} {
		other := base
		tc.change(&other)
		if got := base.same(other); got != tc.same {
			t.Errorf("%s: same = %v, want %v", tc.name, got, tc.same)
		}
	}
}

func TestMeasurerMeasuresAsFyneDoes(t *testing.T) {
	test.NewTempApp(t)
	m := newTextMeasurer()
	texts := []string{"the ", "harbour", "“Quote,” ", "AV Wa To ", "Déjà-vu ", "naïve, ", "Ελλάδα ", "Москва ",
		"fi ffl ", "1,000 ", "", "tab\tbed", "emoji 🙂 ", "中文 ", "12.5% "}
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}} {
		for _, size := range []float32{12, 14, 15.5} {
			for _, s := range texts {
				want := fyne.MeasureText(s, size, style).Width
				if got := m.width(s, size, style); got != want {
					t.Errorf("%q at %v %+v: width %v, fyne.MeasureText %v", s, size, style, got, want)
				}
			}
		}
	}
}

// TestEditDuringARefreshIsNotUndoneOnScreen: a refresh that read the
// library before an edit must not put the window back as it was before it
// (the counts, the Edit menu's Undo, the article's quotes).
func TestEditDuringARefreshIsNotUndoneOnScreen(t *testing.T) {
	a := test.NewTempApp(t)
	lib := tempLibrary(t)
	importArticle(t, lib, "harbour.txt")
	main := make(chan func(), 64)
	read := &readEndLibrary{Library: lib}
	m := newMainWindow(a, read, nil, func(f func()) { main <- f }, false)
	defer m.Window.Close()
	run := func(until func() bool) {
		t.Helper()
		for !until() {
			select {
			case f := <-main:
				f()
			case <-time.After(30 * time.Second):
				t.Fatal("the window's reads never ended")
			}
		}
	}
	done := false
	m.refreshView(viewOptions{}, func() { done = true })
	// The first quote and its article show; the article may come from the
	// start's own read (restore), which can end after the refresh.
	run(func() bool { return done && m.source.doc.ID != 0 })
	if m.source.doc.ID == 0 || m.list.current == 0 {
		t.Fatal("no article shown to begin with")
	}

	done = false
	ended := make(chan struct{})
	read.ended.Store(&ended)
	m.refreshView(viewOptions{source: true}, func() { done = true })
	select { // the read has ended, not yet shown
	case <-ended:
	case <-time.After(30 * time.Second):
		t.Fatal("the refresh's read never ended")
	}
	edit, ok := m.do(storage.RejectQuote{QuoteID: m.list.current})
	if !ok {
		t.Fatal("the edit failed")
	}
	run(func() bool { return done && len(main) == 0 })

	if want := "Undo: " + edit.Summary; m.undoItem.Label != want {
		t.Errorf("Edit menu offers %q, want %q", m.undoItem.Label, want)
	}
	if final, _ := lib.Counts(context.Background(), m.threshold); m.counts != final {
		t.Errorf("the window counts %+v, the library %+v", m.counts, final)
	}
	for _, q := range m.source.quotes {
		if q.ID == edit.Target && q.Status != storage.StatusRejected {
			t.Errorf("the article still shows the rejected quote as %s", q.Status)
		}
	}
}

// TestMeasurerKeepsNoArticle: the measurer remembers the widths of words
// cut from an article's text; what it keeps must not hold the whole text
// (every article read since the cache was last cleared would stay in memory).
func TestMeasurerKeepsNoArticle(t *testing.T) {
	test.NewTempApp(t)
	m := newTextMeasurer()
	article := strings.Repeat("harbour ", 10000)
	m.width(article[8:15], 14, fyne.TextStyle{})
	from, to := uintptr(unsafe.Pointer(unsafe.StringData(article))), uintptr(len(article))
	for k := range m.widths {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(k.text))); p >= from && p < from+to {
			t.Errorf("the measurer keeps %q as a piece of the article's %d bytes", k.text, len(article))
		}
	}
	if len(m.widths) != 1 {
		t.Errorf("%d widths remembered, want 1", len(m.widths))
	}
}

// TestRefreshKeepsTheCurrentQuoteDeepInTheList: the refreshes of a running
// import must not lose where the current quote is when it is past the
// first page; the next quote (Down) is the one after it, not the first.
func TestRefreshKeepsTheCurrentQuoteDeepInTheList(t *testing.T) {
	a := test.NewTempApp(t)
	lib := tempLibrary(t)
	var text strings.Builder
	for i := range 3 * quotePageSize / 2 {
		fmt.Fprintf(&text, "“The harbour will open in week %d,” said Anna Berg.\n\n", i+1)
	}
	pipe := Pipeline{Store: lib, Engine: NewEngine()}
	if s := pipe.ImportBytes(context.Background(), "many.txt", []byte(text.String()), func(ImportProgress) {}); s.Quotes <= quotePageSize+20 {
		t.Fatalf("import: %+v, want more than %d quotes", s, quotePageSize+20)
	}
	m := newMainWindow(a, lib, nil, func(f func()) { f() }, true)
	defer m.Window.Close()
	at := quotePageSize + 10
	if !m.list.selectIndex(at) {
		t.Fatalf("no quote at %d", at)
	}
	want, _ := m.list.pager.row(at + 1)

	m.refreshView(viewOptions{}, nil)
	if m.list.currentAt != at {
		t.Errorf("after a refresh the current quote is at %d, want %d", m.list.currentAt, at)
	}
	m.list.move(1)
	if m.list.current != want.ID {
		t.Errorf("the next quote is %d (at %d), want %d (at %d)", m.list.current, m.list.currentAt, want.ID, at+1)
	}
}

// TestNoImportStartsAfterTheWindowClosed: the app asks for the update of
// outdated documents a few seconds after its start; when the researcher
// quit before, nothing must start on the library being closed.
func TestNoImportStartsAfterTheWindowClosed(t *testing.T) {
	tw := newTestWindow(t)
	tw.Close()
	tw.UpdateOutdated()
	path, _ := filepath.Abs(filepath.Join("testdata", "articles", "harbour.txt"))
	tw.ImportPaths([]string{path})
	if tw.imports.running {
		t.Error("an import started after the window was closed")
	}
}

// TestRefreshKeepsTheSelectedText: while an update runs, the article shown
// is read again every second or so; text the researcher selected to add as
// a quote must stay selected.
func TestRefreshKeepsTheSelectedText(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.selectQuote("bring jobs")
	s := tw.source
	start := strings.Index(s.doc.Text, "harbour")
	if start < 0 {
		t.Fatal("no “harbour” in the article")
	}
	s.text.setSelection(start, start+len("harbour"))
	s.text.DragEnd() // as the end of a drag over it
	if !s.addQuote.Visible() {
		t.Fatal("Add as quote is not offered for the selection")
	}
	d := fetchSource(tw.lib, s.doc.ID, s.current.ID)
	s.showLoaded(d.doc, d.quotes, d.current) // as a refresh during an update
	if s.selStart != start || s.selEnd != start+len("harbour") || s.text.selStart != start || !s.addQuote.Visible() {
		t.Errorf("after the refresh the selection is %d–%d (text %d–%d), Add as quote shown %v; want %d–%d",
			s.selStart, s.selEnd, s.text.selStart, s.text.selEnd, s.addQuote.Visible(), start, start+len("harbour"))
	}
}

// readEndLibrary closes the channel ended points to once a refresh's read
// (readView, whose last read is UndoRedo) has ended.
type readEndLibrary struct {
	*storage.Library
	ended atomic.Pointer[chan struct{}]
}

func (l *readEndLibrary) UndoRedo(ctx context.Context) (*storage.Edit, *storage.Edit, error) {
	u, r, err := l.Library.UndoRedo(ctx)
	if ch := l.ended.Swap(nil); ch != nil {
		defer close(*ch)
	}
	return u, r, err
}

// TestRefreshTakesAwayTheEmptyListNote: when a refresh (an import's) fills
// a list that was empty, the note saying why it was empty goes.
func TestRefreshTakesAwayTheEmptyListNote(t *testing.T) {
	a := test.NewTempApp(t)
	lib := tempLibrary(t)
	importArticle(t, lib, "library.txt")
	m := newMainWindow(a, lib, nil, func(f func()) { f() }, true)
	defer m.Window.Close()
	m.search.SetText("harbour")
	if m.list.pager.count != 0 || !m.listEmpty.Visible() {
		t.Fatalf("searching for words no quote has: %d listed, the note shown %v", m.list.pager.count, m.listEmpty.Visible())
	}
	importArticle(t, lib, "harbour.txt")
	m.refreshView(viewOptions{}, nil)
	if m.list.pager.count == 0 {
		t.Fatal("the refresh lists no quote of the new article")
	}
	if m.listEmpty.Visible() {
		t.Errorf("%d quotes listed under the note %q", m.list.pager.count, m.listEmpty.String())
	}
}

// tempLibrary is a new library, closed when the test ends.
func tempLibrary(t *testing.T) *storage.Library {
	t.Helper()
	lib, err := storage.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// importArticle imports testdata/articles/name into lib.
func importArticle(t *testing.T, lib *storage.Library, name string) {
	t.Helper()
	path, _ := filepath.Abs(filepath.Join("testdata", "articles", name))
	if s := (Pipeline{Store: lib, Engine: NewEngine()}).ImportPaths(context.Background(), []string{path},
		func(ImportProgress) {}); s.Imported != 1 || s.Quotes == 0 {
		t.Fatalf("importing %s: %+v", name, s)
	}
}

// In the app each step of showing a view waits for the frame that draws
// the step before (afterFrame); without afterFrame (tests) it is queued.
func TestInTurnsWaitsForAFrameBetweenSteps(t *testing.T) {
	var later []func()
	m := &MainWindow{afterFrame: func(f func()) { later = append(later, f) },
		onMain: func(func()) { t.Error("a step was queued without waiting for a frame") }}
	var ran []int
	step := func(i int) func() { return func() { ran = append(ran, i) } }
	m.inTurns(step(1), step(2), step(3))
	if len(ran) != 1 {
		t.Fatalf("%d steps ran at once, want the first only", len(ran))
	}
	for len(later) > 0 {
		next := later[0]
		later = later[1:]
		before := len(ran)
		next()
		if len(ran) != before+1 {
			t.Fatalf("a frame let %d steps run, want one", len(ran)-before)
		}
	}
	if !slices.Equal(ran, []int{1, 2, 3}) {
		t.Errorf("steps ran as %v", ran)
	}
}

// The view's background read measures the words of an article it reads
// for the first time, not those of the article shown, read again for its
// quotes.
func TestViewReadMeasuresOnlyANewArticle(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	first := tw.quoteWith("")
	fresh := readView(viewRequest{lib: tw.lib, firstQuote: true, currentAt: -1, measure: newTextMeasurer()})
	if fresh.source.doc.ID != first.DocumentID || len(fresh.source.widths) == 0 {
		t.Fatalf("reading the first quote's article measured %d words", len(fresh.source.widths))
	}
	again := readView(viewRequest{lib: tw.lib, sourceDoc: first.DocumentID, sourceQuot: first.ID, currentAt: -1, measure: newTextMeasurer()})
	if again.source.doc.ID != first.DocumentID || again.source.widths != nil {
		t.Errorf("reading the article shown again measured %d words", len(again.source.widths))
	}
}
