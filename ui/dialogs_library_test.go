package ui

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"verbatim/core"
	"verbatim/core/quoteset"
	"verbatim/storage"
)

// libraryWithArticles is a real library in a temporary folder holding the
// mockups' three Wikinews articles.
func libraryWithArticles(t *testing.T) *storage.Library {
	t.Helper()
	dir := sharedPath(t, "eval", "articles")
	ctx := context.Background()
	lib, err := storage.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	var docs []core.Document
	for _, a := range wikinewsArticles {
		data, err := os.ReadFile(filepath.Join(dir, a.file))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, core.Document{Text: string(data), Meta: core.Meta{Title: a.title, Outlet: "Wikinews", Date: a.date, Language: "en"}})
	}
	eng, err := storage.StandardEngine()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Import(ctx, slices.Values(docs), eng, storage.ImportOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	return lib
}

// librarySelection is what the main window hands the dialogs: the quotes
// the library selects, named by scope.
func librarySelection(lib *storage.Library, f storage.QuoteFilter, sc quoteset.Scope) QuoteSelection {
	return QuoteSelection{Scope: sc, Selected: true, Load: func(ctx context.Context) (quoteset.Set, error) {
		return lib.QuoteSet(ctx, f, storage.SortDocumentOrder)
	}}
}

// The dialogs print and export what the library selects, its search
// included, without selecting again.
func TestDialogsOverALibrarySearch(t *testing.T) {
	lib := libraryWithArticles(t)
	f := storage.QuoteFilter{Search: "isis"}
	set, err := lib.QuoteSet(context.Background(), f, storage.SortDocumentOrder)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Quotes) == 0 {
		t.Fatal("the library finds no quote with “isis”")
	}
	sel := librarySelection(lib, f, quoteset.Scope{Search: "isis"})
	quotes, articles, _ := usable(set)
	want := quotesFromArticles(quotes, articles)

	h := newDialogHarness(t)
	p := officePrinters(t)
	d := newPrintDialog(h.win, sel, p, h.cfg)
	d.show()
	h.until("the preview", func() bool { return d.layout != nil && !d.printerPick.Disabled() })
	if d.summary.String() != want || d.heading.Text != "Quotes matching: “isis”" {
		t.Errorf("print dialog: heading %q, summary %q; want %q", d.heading.Text, d.summary.String(), want)
	}
	test.Tap(d.printButton)
	h.until("the job", func() bool { return len(p.printed()) == 1 && !d.busy })

	path := exportAs(t, h, sel, 0)
	if filepath.Base(path) != "Quotes matching “isis”.csv" {
		t.Errorf("export named %q", filepath.Base(path))
	}
	wantShown(t, h.win.Canvas(), "Exported "+want)
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	rows, err := csv.NewReader(file).ReadAll()
	if err != nil || len(rows) != 1+quotes {
		t.Errorf("the CSV has %d rows (%v), want a header and %d quotes", len(rows), err, quotes)
	}
}
