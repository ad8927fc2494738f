package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"verbatim/core"
	"verbatim/core/extract"
	"verbatim/core/quoteset"
	"verbatim/core/shareddata"
)

// The screenshots of the dialogs are drawn by Fyne's software painter at
// 1280×800 over the real Wikinews articles of the mockups. Set
// VERBATIM_SCREENSHOTS to a folder to keep them (../docs, from ui/, updates
// the README's); otherwise they go to a temporary folder and are only
// checked for being drawn.

// wikinewsArticles are the three articles of the mockups, with the
// speakers the way the library shows them.
var wikinewsArticles = []struct{ file, title, date, topic string }{
	{"wikinews_en_2019-10-08_US_President_Trump_announces_troop_withdrawal_from_Syria.txt",
		"US President Trump announces troop withdrawal from Syria", "2019-10-08", "Syria withdrawal"},
	{"wikinews_en_2019-09-06_Hong_Kong_leader_announces_withdrawal_of_extradition_bill.txt",
		"Hong Kong leader announces withdrawal of extradition bill", "2019-09-06", "Hong Kong protests"},
	{"wikinews_en_2019-01-07_President_Trump_says_he_can_and_may_put_US_into_state_of_eme.txt",
		"President Trump says he 'can' and 'may' put US into state of emergency to build border wall", "2019-01-07", "Border wall & shutdown"},
}

// wikinewsSet runs the quote engine over the mockups' articles.
func wikinewsSet(t *testing.T) quoteset.Set {
	t.Helper()
	dir := sharedPath(t, "eval", "articles")
	canonical := map[string]string{"McGurk": "Brett McGurk", "Trump": "Donald Trump", "Graham": "Lindsey Graham",
		"Lam": "Carrie Lam", "Pelosi": "Nancy Pelosi", "Schumer": "Chuck Schumer", "United Nations Nikki Haley": "Nikki Haley",
		"Forces": "Syrian Democratic Forces", "a statement released": "Erdoğan’s office"}
	engine := extract.New()
	var set quoteset.Set
	for _, a := range wikinewsArticles {
		data, err := os.ReadFile(filepath.Join(dir, a.file))
		if err != nil {
			t.Fatal(err)
		}
		doc := quoteset.Document{ID: a.date, Document: core.Document{Text: string(data),
			Meta: core.Meta{Title: a.title, Outlet: "Wikinews", Date: a.date, Language: "en"}}}
		set.Documents = append(set.Documents, doc)
		for i, q := range engine.Quotes(doc.Document) {
			if name, ok := canonical[q.Speaker]; ok {
				q.Speaker = name
			}
			set.Quotes = append(set.Quotes, quoteset.Quote{ID: a.date + "/" + string(rune('a'+i)), DocumentID: doc.ID, Quote: q, Topics: []string{a.topic}})
		}
	}
	return set
}

// screenshot writes what the window shows to name (in docs/ when asked
// for) and checks that something was drawn.
func screenshot(t *testing.T, win fyne.Window, name string) {
	t.Helper()
	dir := t.TempDir()
	if keep := os.Getenv("VERBATIM_SCREENSHOTS"); keep != "" {
		dir = keep
	}
	img := win.Canvas().Capture()
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Fatalf("screenshot is %v, want 1280×800", b)
	}
	if inked(img) < 0.05 {
		t.Fatal("the screenshot is blank")
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", f.Name())
}

func TestPrintDialogScreenshot(t *testing.T) {
	h := newDialogHarness(t)
	h.app.Settings().SetTheme(theme.LightTheme())
	set := wikinewsSet(t)
	sel := selectionOf("", set)
	sel.Scope = quoteset.Scope{Topic: "Syria withdrawal"}
	sel.Describe = "Topic"
	d := newPrintDialog(h.win, sel, officePrinters(t), h.cfg)
	d.show()
	h.until("the preview", func() bool { return d.layout != nil && !d.printerPick.Disabled() })
	if !strings.HasPrefix(d.summary.String(), "Topic · ") {
		t.Errorf("summary %q", d.summary.String())
	}
	screenshot(t, h.win, "print-dialog.png")
}

func TestExportDialogScreenshot(t *testing.T) {
	h := newDialogHarness(t)
	h.app.Settings().SetTheme(theme.LightTheme())
	d := openExportDialog(t, h, selectionOf("All quotes", wikinewsSet(t)))
	if d.exportButton.Disabled() {
		t.Fatal("Export is disabled")
	}
	screenshot(t, h.win, "export-dialog.png")
}

// With no printer the dialog says so where the printer list would be.
func TestPrintDialogWithoutPrinterScreenshot(t *testing.T) {
	h := newDialogHarness(t)
	h.app.Settings().SetTheme(theme.LightTheme())
	sel := selectionOf("", wikinewsSet(t))
	sel.Scope = quoteset.Scope{Speaker: "Lindsey Graham"}
	d := newPrintDialog(h.win, sel, &fakePrinter{}, h.cfg)
	d.show()
	h.until("the preview", func() bool { return d.layout != nil && d.noPrinter.Visible() })
	screenshot(t, h.win, "print-dialog-no-printer.png")
}

// sharedPath is ../shared/elem… beside the repository, or skips the test.
func sharedPath(t *testing.T, elem ...string) string { return shareddata.Path(t, elem...) }
