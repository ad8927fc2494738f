package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"verbatim/storage"
)

func TestFirstRunShowsTheEmptyState(t *testing.T) {
	tw := newTestWindow(t)
	if tw.Window.Title() != WindowTitle {
		t.Errorf("title %q, want %q", tw.Window.Title(), WindowTitle)
	}
	if !tw.showingEmpty || tw.centre.Objects[0] != tw.empty {
		t.Fatal("an empty library should show the drop target")
	}
	if !tw.print.Disabled() || !tw.export.Disabled() || !tw.undo.Disabled() || !tw.redo.Disabled() {
		t.Error("Print, Export, Undo and Redo should be disabled on an empty library")
	}
	if !strings.Contains(tw.status.summary.text, "No documents yet") {
		t.Errorf("status bar says %q", tw.status.summary.text)
	}
}

func TestDroppedFilesAreImportedInTheBackground(t *testing.T) {
	tw := newTestWindow(t)
	sum := tw.importFiles("harbour.txt", "library.txt")
	if sum.Imported != 2 || sum.Quotes < 6 || len(sum.Failed) != 0 {
		t.Fatalf("summary %+v, want 2 documents with their quotes", sum)
	}
	c, _ := tw.lib.Counts(context.Background(), 0)
	if c.Documents != 2 || c.Quotes != sum.Quotes {
		t.Errorf("library holds %+v after importing %+v", c, sum)
	}
	if tw.showingEmpty {
		t.Error("the empty state is still shown after an import")
	}
	if got := tw.list.pager.count; got != c.Quotes {
		t.Errorf("list shows %d quotes, library has %d", got, c.Quotes)
	}
	if tw.list.current == 0 || tw.source.doc.ID == 0 {
		t.Error("after the first import a quote and its article should be shown")
	}
	if !strings.Contains(tw.status.summary.text, "2 documents") || tw.status.busy.Visible() {
		t.Errorf("status bar: %q (busy %v)", tw.status.summary.text, tw.status.busy.Visible())
	}
	if tw.summaryDlg != nil {
		t.Error("a clean import should not open a dialog")
	}
}

func TestImportSummaryNamesFailuresAndDuplicates(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	sum := tw.importFiles("harbour.txt", "picture.png", "missing.txt")
	if sum.Imported != 0 || sum.Duplicates != 1 {
		t.Errorf("summary %+v, want the one duplicate skipped", sum)
	}
	if len(sum.Failed) != 2 {
		t.Fatalf("failed %+v, want the picture and the missing file", sum.Failed)
	}
	for _, f := range sum.Failed {
		if f.Name == "" || len(f.Reason) < 10 || strings.Contains(f.Reason, "/") {
			t.Errorf("failure %+v should name the file and give a sentence", f)
		}
	}
	if tw.summaryDlg == nil {
		t.Fatal("failures should be summed up in one dialog")
	}
}

func TestSampleArticleCanBeTried(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	sum := tw.wait()
	if sum.Imported != 1 || sum.Quotes < 5 {
		t.Fatalf("sample import: %+v", sum)
	}
	if tw.source.doc.Meta.Outlet != "Wikinews" || !strings.Contains(tw.source.doc.Meta.Title, "Syria") {
		t.Errorf("sample shown as %+v", tw.source.doc.Meta)
	}
	if tw.source.link.Hidden {
		t.Error("the sample's original on Wikinews should be linked")
	}
}

func TestImportCanBeCancelled(t *testing.T) {
	tw := newTestWindow(t)
	paths := evalArticles(t)
	tw.ImportPaths(paths)
	tw.imports.cancel()
	sum := tw.wait()
	if !sum.Cancelled {
		t.Errorf("summary %+v should say the import was stopped", sum)
	}
	if sum.Imported >= len(paths) {
		t.Errorf("all %d articles were imported despite the cancel", sum.Imported)
	}
	if tw.status.busy.Visible() {
		t.Error("the progress bar is still shown after the cancel")
	}
}

func TestQueuedImportsEndInOneSummary(t *testing.T) {
	tw := newTestWindow(t)
	tw.ImportPaths([]string{"testdata/articles/harbour.txt"})
	tw.ImportPaths([]string{"testdata/articles/library.txt"})
	sum := tw.wait()
	if sum.Imported != 2 {
		t.Errorf("summary %+v, want both queued imports counted", sum)
	}
	select {
	case extra := <-tw.done:
		t.Errorf("a second summary %+v was shown", extra)
	default:
	}
}

func TestClicksSelectOneOrSeveralQuotes(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	tw.sortSelect.SetSelectedIndex(int(storage.SortDocumentOrder))
	l := tw.list
	l.click(0, 0)
	first := l.current
	if ids := l.selectedIDs(); len(ids) != 1 || ids[0] != first {
		t.Fatalf("a click selected %v", ids)
	}
	l.click(2, fyne.KeyModifierControl)
	if n := len(l.selectedIDs()); n != 2 {
		t.Errorf("Ctrl-click: %d selected, want 2", n)
	}
	l.click(2, fyne.KeyModifierControl)
	if n := len(l.selectedIDs()); n != 1 {
		t.Errorf("second Ctrl-click should deselect: %d selected", n)
	}
	l.click(0, 0)
	l.click(4, fyne.KeyModifierShift)
	if n := len(l.selectedIDs()); n != 5 {
		t.Errorf("Shift-click from 0 to 4: %d selected, want 5", n)
	}
	row, _ := l.pager.row(4)
	if tw.source.current.ID != row.ID {
		t.Error("the source pane should show the quote clicked last")
	}
}

func TestRowTapSelectsAndShowsInSource(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	r := newQuoteRow(tw.list)
	row, _ := tw.list.pager.row(1)
	r.show(1, row)
	test.Tap(r)
	if tw.list.current != row.ID || tw.source.current.ID != row.ID {
		t.Errorf("tapping row 1 made %d current, want %d", tw.list.current, row.ID)
	}
}

func TestKeysMoveThroughQuotes(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.list.selectIndex(0)
	c := tw.Window.Canvas()
	c.Unfocus()
	test.TypeOnCanvas(c, "j")
	if tw.list.currentAt != 1 {
		t.Fatalf("J moved to %d, want 1", tw.list.currentAt)
	}
	test.TypeOnCanvas(c, "jk")
	if tw.list.currentAt != 1 {
		t.Errorf("J then K ended on %d, want 1", tw.list.currentAt)
	}
	shortcutOn(c, shortcut(fyne.KeyDown, fyne.KeyModifierAlt))
	if tw.list.currentAt != 2 {
		t.Errorf("Alt+Down moved to %d, want 2", tw.list.currentAt)
	}
	shortcutOn(c, shortcut(fyne.KeyUp, fyne.KeyModifierAlt))
	if tw.list.currentAt != 1 {
		t.Errorf("Alt+Up moved to %d, want 1", tw.list.currentAt)
	}
}

// shortcutOn sends a shortcut to the window as the keyboard would.
func shortcutOn(c fyne.Canvas, sc fyne.Shortcut) {
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(sc)
}

func TestClosingDuringAnImportKeepsTheLibraryWhole(t *testing.T) {
	tw := newTestWindow(t)
	tw.ImportPaths(evalArticles(t))
	tw.MainWindow.Close() // as main does when the window goes
	ctx := context.Background()
	if err := tw.lib.CheckIntegrity(ctx); err != nil {
		t.Fatalf("library damaged: %v", err)
	}
	docs, _ := tw.lib.Documents(ctx, storage.DocumentsByImport, 0, 100)
	for _, d := range docs {
		if n, _ := tw.lib.CountQuotes(ctx, storage.QuoteFilter{DocumentID: d.ID}); n != d.Quotes {
			t.Errorf("document %d stored with %d of its %d quotes", d.ID, n, d.Quotes)
		}
	}
	select {
	case <-tw.done:
		t.Error("a summary was shown for a window that is going")
	default:
	}
}

// The summary's list of failed files shows a few long reasons whole, and
// scrolls only when there are many.
func TestImportProblemsShowWhole(t *testing.T) {
	test.NewTempApp(t)
	long := ImportProblem{Name: "index.csv", Reason: "This spreadsheet has no column of article text (one headed “text”, “body” or “content”); its columns are: file, date, title, url, approx_quote_pairs, chars, license."}
	short := ImportProblem{Name: "picture.png", Reason: "This file is not a supported article format (it looks like an image)."}
	list := problemList([]ImportProblem{long, short})
	list.Resize(list.MinSize())
	content := list.Content.MinSize().Height
	if shown := list.MinSize().Height; shown < content {
		t.Errorf("two problems need %v high, the box shows %v", content, shown)
	}
	many := problemList(slices.Repeat([]ImportProblem{long}, 20))
	if h := many.MinSize().Height; h > 240 {
		t.Errorf("twenty problems make a box %v high; it should scroll", h)
	}
}
