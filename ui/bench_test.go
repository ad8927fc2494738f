package ui

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"verbatim/core"
	"verbatim/core/cputime"
	"verbatim/core/shareddata"
	"verbatim/storage"
)

// The figures: a window over a 10,000-document library is
// interactive within a second, and a library of 100,000 quotes costs at most
// 300 MB. The library is built once from the PolNeAR training articles
// (../shared/eval), repeated with variations, with the real engine, and kept
// in $TMPDIR for later runs. Run alone on a quiet machine:
//
//	go test -tags sqlite_fts5 -run '^$' -bench . -benchtime 5x ./ui/

// benchDocuments is the library's size.
const benchDocuments = 14000

// benchLibrary returns the folder of the benchmark library, building it
// when needed.
func benchLibrary(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("verbatim-ui-bench-%d", benchDocuments))
	done := filepath.Join(dir, "complete")
	if _, err := os.Stat(done); err == nil {
		return dir
	}
	texts := shareddata.Articles(b, "polnear", "train.jsonl")
	os.RemoveAll(dir)
	lib, err := storage.Open(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	docs := func(yield func(core.Document) bool) {
		for i := range benchDocuments {
			d := texts[i%len(texts)]
			edition := i / len(texts)
			d.Text = fmt.Sprintf("Edition %d of this story.\n\n%s", edition, d.Text)
			d.Meta.Title = fmt.Sprintf("%s (%d)", d.Meta.Title, edition)
			if !yield(d) {
				return
			}
		}
	}
	if _, err := lib.Import(context.Background(), iter.Seq[core.Document](docs), NewEngine(), storage.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	c, _ := lib.Counts(context.Background(), 0)
	lib.Close()
	b.Logf("built %d documents with %d quotes in %s", c.Documents, c.Quotes, time.Since(start).Round(time.Second))
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkOpenLargeLibrary measures the start of the window over the
// large library: open it, build the window and show the first page of
// quotes (ns/op: what the first frame shows), then, as the event loop runs
// what background reads hand it, how long until the current quote's
// article is in the source pane (article-ms) and the sidebar has filled in
// (sidebar-ms), both counted from the start.
func BenchmarkOpenLargeLibrary(b *testing.B) {
	dir := benchLibrary(b)
	a := test.NewTempApp(b)
	var article, sidebar time.Duration
	for b.Loop() {
		start := time.Now()
		lib, err := storage.Open(context.Background(), dir)
		if err != nil {
			b.Fatal(err)
		}
		main := make(chan func(), 4)
		m := newMainWindow(a, lib, nil, func(f func()) { main <- f }, false)
		m.Window.Resize(fyne.NewSize(1280, 800))
		m.Window.Show()
		if m.list.pager.count < benchDocuments || m.list.current == 0 {
			b.Fatalf("window shows %d quotes and quote %d", m.list.pager.count, m.list.current)
		}
		b.StopTimer()
		shown := time.Duration(0)
		for m.source.doc.ID == 0 || len(m.sidebar.topics) == 0 { // the event loop's work
			(<-main)()
			if shown == 0 && m.source.doc.ID != 0 {
				shown = time.Since(start)
			}
		}
		article += shown
		sidebar += time.Since(start)
		m.Window.Close()
		m.saver.flush()
		lib.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(article.Milliseconds())/float64(b.N), "article-ms")
	b.ReportMetric(float64(sidebar.Milliseconds())/float64(b.N), "sidebar-ms")
}

// BenchmarkScrollList scrolls through the first 20,000 quotes of the large
// library a screenful at a time and jumps to ten places across all of it;
// it reports the time per screenful. (Memory is measured on the real app by
// scripts/measure-app.sh: Fyne's test driver never empties its caches.)
func BenchmarkScrollList(b *testing.B) {
	m, lib := shownWindow(b, test.NewTempApp(b), benchLibrary(b))
	defer lib.Close()
	n := m.list.pager.count
	screens := 0
	for b.Loop() {
		for i := 0; i < min(n, 20000); i += 6 {
			m.list.list.ScrollTo(i)
			screens++
		}
		for k := range 10 {
			m.list.selectIndex(n * k / 10)
			screens++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(screens), "ms/screen")
	b.ReportMetric(float64(n), "quotes")
	m.Window.Close()
	m.saver.flush()
}

// warmUp opens and closes a window over an empty library, as the app's
// first frames do before anything is imported: the fonts are read and the
// first text measured (a real window paints them; the test driver does not).
func warmUp(b *testing.B, a fyne.App) {
	m, lib := shownWindow(b, a, b.TempDir())
	defer lib.Close()
	m.Window.Close()
	m.saver.flush()
}

// shownWindow opens the library in dir and shows a window over it that
// reads in the benchmark's goroutine.
func shownWindow(b *testing.B, a fyne.App, dir string) (*MainWindow, *storage.Library) {
	lib, err := storage.Open(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	m := newMainWindow(a, lib, nil, func(f func()) { f() }, true)
	m.Window.Resize(fyne.NewSize(1280, 800))
	m.Window.Show()
	return m, lib
}

// BenchmarkImportStaysResponsive imports 1,000 article files through the
// window and reports the longest time the main goroutine spent on any one
// thing the import asked of it (progress, lists catching up, the summary):
// the window's longest freeze, in wall time (longest-ms, which on a busy
// machine includes waiting for a processor) and in processor time of the
// main thread (longest-cpu-ms).
func BenchmarkImportStaysResponsive(b *testing.B) {
	texts := shareddata.Articles(b, "polnear", "train.jsonl")
	files := b.TempDir()
	var paths []string
	for i := range 1000 {
		d := texts[i%len(texts)]
		p := filepath.Join(files, fmt.Sprintf("article-%04d.txt", i))
		text := fmt.Sprintf("%s\n\nCopy %d.\n\n%s", d.Meta.Title, i, d.Text)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	a := test.NewTempApp(b)
	warmUp(b, a)
	runtime.LockOSThread() // so that the thread's processor time is the main goroutine's
	defer runtime.UnlockOSThread()
	defer LowerOtherThreads(time.Second)() // as cmd/verbatim does
	var longest, longestCPU time.Duration
	for b.Loop() {
		lib, err := storage.Open(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		main := make(chan func(), 64)
		m := newMainWindow(a, lib, Pipeline{Store: lib, Engine: NewEngine()}, func(f func()) { main <- f }, false)
		done := make(chan ImportSummary, 1)
		m.imports.onIdle = func(s ImportSummary) { done <- s }
		m.ImportPaths(paths)
	loop:
		for {
			select {
			case f := <-main:
				start, cpu := time.Now(), cputime.Thread()
				f()
				longest = max(longest, time.Since(start))
				longestCPU = max(longestCPU, cputime.Thread()-cpu)
			case s := <-done:
				if s.Imported != len(paths) {
					b.Errorf("imported %d of %d", s.Imported, len(paths))
				}
				break loop
			}
		}
		m.Window.Close()
		m.saver.flush()
		lib.Close()
	}
	b.ReportMetric(float64(longest.Microseconds())/1000, "longest-ms")
	b.ReportMetric(float64(longestCPU.Microseconds())/1000, "longest-cpu-ms")
}
