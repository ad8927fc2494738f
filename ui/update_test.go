package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"verbatim/core"
	"verbatim/core/ingest"
	"verbatim/storage"
)

// olderEngine is the app's engine as an older version: it misses the last
// quote of every document.
func olderEngine() storage.Engine {
	eng := NewEngine()
	quotes := eng.Quotes
	eng.Version = "0.1-test"
	eng.Quotes = func(d core.Document) []core.Quote {
		q := quotes(d)
		return q[:max(0, len(q)-1)]
	}
	return eng
}

// outdatedLibrary fills the library in dir with files read by olderEngine.
func outdatedLibrary(t *testing.T, dir string, paths ...string) {
	t.Helper()
	lib, err := storage.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	var docs []core.Document
	for _, p := range paths {
		got, err := ingest.File(p, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, got...)
	}
	if _, err := lib.Import(context.Background(), slices.Values(docs), olderEngine(), storage.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
}

func articlePaths(names ...string) []string {
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join("testdata", "articles", n))
	}
	return paths
}

// runUntil plays the main goroutine until ok holds.
func (tw *testWindow) runUntil(what string, ok func() bool) {
	tw.t.Helper()
	timeout := time.After(60 * time.Second)
	for !ok() {
		select {
		case f := <-tw.main:
			f()
		case <-timeout:
			tw.t.Fatalf("waited a minute for %s", what)
		}
	}
}

// engines counts the library's documents by the engine version that read them.
func engines(t *testing.T, lib *storage.Library) map[string]int {
	t.Helper()
	docs, err := lib.Documents(context.Background(), storage.DocumentsByImport, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, d := range docs {
		n[d.Engine]++
	}
	return n
}

func TestDocumentsOfAnOlderEngineAreUpdatedKeepingEdits(t *testing.T) {
	dir := t.TempDir()
	outdatedLibrary(t, dir, articlePaths("harbour.txt", "library.txt")...)
	tw := openTestWindow(t, test.NewTempApp(t), dir)
	before, _ := tw.lib.Counts(context.Background(), 0)
	renamed, rejected := tw.quoteWith("bring jobs"), tw.quoteWith("Families have asked")
	noted := tw.quoteWith("Nobody asked them")
	for _, cmd := range []storage.Command{
		storage.SetSpeaker{QuoteID: renamed.ID, NewName: "Pia Lund"},
		storage.RejectQuote{QuoteID: rejected.ID},
		storage.SetQuoteNote{QuoteID: noted.ID, Note: "check the vote date"},
	} {
		if _, err := tw.lib.Do(context.Background(), cmd); err != nil {
			t.Fatal(err)
		}
	}
	tw.refresh()

	// The second article waits until the progress shows: an update of two
	// articles may otherwise end before the first progress reaches the
	// window, which then shows only the summary.
	release := make(chan struct{})
	eng := NewEngine()
	quotes := eng.Quotes
	var read atomic.Int32
	eng.Quotes = func(d core.Document) []core.Quote {
		if read.Add(1) == 2 {
			<-release
		}
		return quotes(d)
	}
	tw.imp = Pipeline{Store: tw.lib, Engine: eng}
	tw.UpdateOutdated()
	tw.runUntil("the update's progress", tw.status.busy.Visible)
	close(release)
	if got, want := tw.status.activity.text, "Updating 2 articles to the new quote finder…"; got != want {
		t.Errorf("status bar says %q during the update, want %q", got, want)
	}
	if !tw.status.cancel.Visible() {
		t.Error("the update should offer a cancel button")
	}
	sum := tw.wait()

	if u := sum.Update; u.Documents != 2 || u.Found != 2 || u.Dropped != 0 || u.Left != 0 || len(u.Failed) != 0 {
		t.Errorf("update summary %+v, want 2 articles with 2 new quotes", u)
	}
	if got := engines(t, tw.lib); got[NewEngine().Version] != 2 {
		t.Errorf("documents by engine after the update: %v", got)
	}
	after, _ := tw.lib.Counts(context.Background(), 0)
	if after.Quotes != before.Quotes-1+2 { // one rejected, two found
		t.Errorf("library has %d quotes after the update, had %d", after.Quotes, before.Quotes)
	}
	if q := tw.reread(renamed.ID); q.Speaker != "Pia Lund" {
		t.Errorf("the speaker chosen became %q", q.Speaker)
	}
	if q := tw.reread(rejected.ID); q.Status != storage.StatusRejected {
		t.Errorf("the rejected quote is %s", q.Status)
	}
	if q := tw.reread(noted.ID); q.Note != "check the vote date" {
		t.Errorf("the note became %q", q.Note)
	}
	if tw.list.pager.count != after.Quotes || tw.listCount.text != fmt.Sprint(after.Quotes) {
		t.Errorf("the list shows %d quotes (%q), the library has %d", tw.list.pager.count, tw.listCount.text, after.Quotes)
	}
	want := "Updated 2 articles: 2 new quotes found; your corrections were kept"
	if !strings.Contains(tw.status.summary.text, want) || tw.status.busy.Visible() {
		t.Errorf("status bar %q (busy %v), want %q", tw.status.summary.text, tw.status.busy.Visible(), want)
	}
	if tw.summaryDlg != nil {
		t.Error("an update should not open a dialog")
	}
}

func TestUpToDateLibraryUpdatesQuietly(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	said := tw.status.summary.text
	tw.UpdateOutdated()
	sum := tw.wait()
	if sum.Update.happened() || sum.Imported != 0 {
		t.Errorf("summary %+v for a library already up to date", sum)
	}
	if tw.status.summary.text != said || tw.status.busy.Visible() {
		t.Errorf("status bar went from %q to %q", said, tw.status.summary.text)
	}
}

func TestImportGoesBeforeARunningUpdate(t *testing.T) {
	dir := t.TempDir()
	outdatedLibrary(t, dir, articlePaths("harbour.txt")...)
	tw := openTestWindow(t, test.NewTempApp(t), dir)
	tw.UpdateOutdated()
	tw.ImportPaths(articlePaths("library.txt"))
	if len(tw.imports.pending) == 0 || tw.imports.pending[0].update {
		t.Errorf("queue %+v: the import should come first", tw.imports.pending)
	}
	sum := tw.wait()
	if sum.Imported != 1 || sum.Update.Documents != 1 || sum.Update.Left != 0 || sum.Cancelled {
		t.Errorf("summary %+v, want the import and the whole update", sum)
	}
	if got := engines(t, tw.lib); got[NewEngine().Version] != 2 || len(got) != 1 {
		t.Errorf("documents by engine: %v", got)
	}
	for _, want := range []string{"Imported 1 document", "Updated 1 article"} {
		if !strings.Contains(tw.status.summary.text, want) {
			t.Errorf("status bar %q should say %q", tw.status.summary.text, want)
		}
	}
}

func TestStoppedUpdateGoesOnNextTime(t *testing.T) {
	dir := t.TempDir()
	paths := evalArticles(t)
	outdatedLibrary(t, dir, paths...)
	tw := openTestWindow(t, test.NewTempApp(t), dir)
	tw.UpdateOutdated()
	tw.runUntil("the update's progress", tw.status.busy.Visible)
	tw.imports.cancel()
	sum := tw.wait()
	if sum.Update.Left == 0 || sum.Update.Documents+sum.Update.Left != len(paths) {
		t.Fatalf("stopped update %+v of %d articles", sum.Update, len(paths))
	}
	if !strings.Contains(tw.status.summary.text, "left for the next start") {
		t.Errorf("status bar %q should say the rest waits", tw.status.summary.text)
	}
	if got := engines(t, tw.lib); got["0.1-test"] != sum.Update.Left {
		t.Errorf("documents by engine %v after stopping with %d left", got, sum.Update.Left)
	}
	tw.UpdateOutdated()
	if resumed := tw.wait(); resumed.Update.Documents != sum.Update.Left || resumed.Update.Left != 0 {
		t.Errorf("resumed update %+v after %d were left", resumed.Update, sum.Update.Left)
	}
	if got := engines(t, tw.lib); len(got) != 1 {
		t.Errorf("documents by engine after resuming: %v", got)
	}
}
