package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"verbatim/core/shareddata"
	"verbatim/storage"
)

// testWindow is a main window over a real library in a temporary folder.
type testWindow struct {
	*MainWindow
	t    *testing.T
	app  fyne.App
	lib  *storage.Library
	dir  string
	done chan ImportSummary
	main chan func() // what background work asked the main goroutine to do
}

// newTestWindow opens a library in a fresh folder and builds the window.
func newTestWindow(t *testing.T) *testWindow {
	t.Helper()
	a := test.NewTempApp(t)
	return openTestWindow(t, a, t.TempDir())
}

// openTestWindow builds the window over the library in dir.
func openTestWindow(t *testing.T, a fyne.App, dir string) *testWindow {
	t.Helper()
	lib, err := storage.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	main := make(chan func(), 64)
	// The test's goroutine plays Fyne's main goroutine: wait runs what the
	// imports hand to it, one at a time, as the real event loop does.
	m := newMainWindow(a, lib, Pipeline{Store: lib, Engine: NewEngine()}, func(f func()) { main <- f }, true)
	tw := &testWindow{MainWindow: m, t: t, app: a, lib: lib, dir: dir, done: make(chan ImportSummary, 4), main: main}
	m.imports.onIdle = func(s ImportSummary) { tw.done <- s }
	m.Window.Resize(fyne.NewSize(1280, 800))
	m.Window.Show()
	t.Cleanup(tw.close)
	return tw
}

func (tw *testWindow) close() {
	if tw.lib == nil {
		return
	}
	tw.Window.Close()
	if tw.saver != nil {
		tw.saver.flush()
	}
	tw.lib.Close()
	tw.lib = nil
}

// wait waits for the imports running to end and returns their summary.
func (tw *testWindow) wait() ImportSummary {
	tw.t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case s := <-tw.done:
			return s
		case f := <-tw.main:
			f()
		case <-timeout:
			tw.t.Fatal("the import did not finish within a minute")
			return ImportSummary{}
		}
	}
}

// importFiles drops files from testdata/articles on the window and waits.
func (tw *testWindow) importFiles(names ...string) ImportSummary {
	tw.t.Helper()
	var uris []fyne.URI
	for _, n := range names {
		uris = append(uris, fileURI(tw.t, filepath.Join("testdata", "articles", n)))
	}
	tw.Dropped(uris)
	return tw.wait()
}

func fileURI(t *testing.T, path string) fyne.URI {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return fstorage.NewFileURI(abs)
}

// quoteWith finds the listed quote whose text holds words.
func (tw *testWindow) quoteWith(words string) storage.QuoteRow {
	tw.t.Helper()
	rows, err := tw.lib.Quotes(context.Background(), storage.QuoteFilter{}, storage.SortDocumentOrder, 0, 1000)
	if err != nil {
		tw.t.Fatal(err)
	}
	for _, r := range rows {
		if strings.Contains(r.Text, words) {
			return r
		}
	}
	tw.t.Fatalf("no quote holds %q", words)
	return storage.QuoteRow{}
}

// selectQuote makes the quote holding words current, as a click would.
func (tw *testWindow) selectQuote(words string) storage.QuoteRow {
	tw.t.Helper()
	q := tw.quoteWith(words)
	if !tw.list.selectID(q.ID) {
		tw.t.Fatalf("quote %d (%q) is not in the list", q.ID, words)
	}
	return q
}

// reread reads a quote again from the library.
func (tw *testWindow) reread(id int64) storage.QuoteRow {
	tw.t.Helper()
	q, err := tw.lib.Quote(context.Background(), id)
	if err != nil {
		tw.t.Fatal(err)
	}
	return q
}

// evalArticles returns paths of the shared Wikinews articles, or skips.
func evalArticles(t testing.TB) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedEvalPath(t, "eval", "articles"), "*.txt"))
	if len(paths) == 0 {
		t.Skip("the evaluation articles (../shared/eval/articles) are absent")
	}
	return paths
}

// sharedEvalPath is ../shared/elem… beside the repository, or skips the test.
func sharedEvalPath(t testing.TB, elem ...string) string { return shareddata.Path(t, elem...) }
