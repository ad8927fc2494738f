package ui

import (
	"context"
	"errors"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"verbatim/core/printing"
	"verbatim/core/printing/printtest"
	"verbatim/core/quoteset"
	"verbatim/core/sheet"
)

// openPrintDialog shows the print dialog for set and waits for its first
// preview and its printers.
func openPrintDialog(t *testing.T, h *dialogHarness, set quoteset.Set, p Printer) *printDialog {
	t.Helper()
	d := newPrintDialog(h.win, selectionOf("Quotes on: Syria withdrawal", set), p, h.cfg)
	d.show()
	h.until("the first preview", func() bool { return d.layout != nil || d.status.Text != "" })
	h.until("the printers", func() bool { return !d.printerPick.Disabled() || d.noPrinter.Visible() })
	return d
}

func TestPrintDialogOpensWithDefaults(t *testing.T) {
	h := newDialogHarness(t)
	d := openPrintDialog(t, h, articleSet(testArticles(), 1), officePrinters(t))

	for what, got := range map[string]string{
		"printer": d.printerPick.Selected, "copies": d.copies.Text, "paper": d.paper.Selected,
		"grouping": d.groupBy.Selected, "order": d.order.Selected,
		"summary": d.summary.String(), "page": d.pageInfo.String(), "title": d.heading.Text,
	} {
		want := map[string]string{
			"printer": "Office laser (Office)", "copies": "1", "paper": "A4",
			"grouping": "By speaker", "order": "By date",
			"summary": "6 quotes from 3 articles", "page": "Page 1 of 1 · A4", "title": "Quotes on: Syria withdrawal",
		}[what]
		if got != want {
			t.Errorf("%s: %q, want %q", what, got, want)
		}
	}
	if len(d.printerPick.Options) != 2 || d.printerPick.Options[1] != "Library — paused" {
		t.Errorf("printers offered: %q", d.printerPick.Options)
	}
	if d.printButton.Disabled() || d.saveButton.Disabled() {
		t.Error("Print or Save as PDF is disabled with a printer and a preview")
	}
	if inked(d.page.Image) < 0.01 {
		t.Error("the preview page is blank")
	}
}

func TestPrintDialogStartsWithTheGivenSettings(t *testing.T) {
	h := newDialogHarness(t)
	WithSheetSettings(SheetSettings{Paper: sheet.Letter, GroupBy: sheet.ByTopic, Order: sheet.InDocumentOrder})(h.cfg)
	d := openPrintDialog(t, h, articleSet(testArticles(), 1), officePrinters(t))
	if d.paper.Selected != "Letter" || d.groupBy.Selected != "By topic" || d.order.Selected != "As listed" {
		t.Errorf("paper %q, grouping %q, order %q", d.paper.Selected, d.groupBy.Selected, d.order.Selected)
	}
	if d.layout.Paper() != sheet.Letter || d.pageInfo.String() != "Page 1 of 1 · Letter" {
		t.Errorf("laid out on %s, page info %q", d.layout.Paper(), d.pageInfo.String())
	}
}

func TestPreviewFollowsPaperAndGrouping(t *testing.T) {
	h := newDialogHarness(t)
	var remembered []SheetSettings
	OnSheetSettingsChanged(func(s SheetSettings) { remembered = append(remembered, s) })(h.cfg)
	d := openPrintDialog(t, h, articleSet(testArticles(), 1), officePrinters(t))
	a4 := d.page.Image

	d.paper.SetSelected("Letter")
	h.until("the Letter preview", func() bool { return d.layout.Paper() == sheet.Letter })
	letter := d.page.Image
	if got, want := aspect(letter), 8.5/11; !near(got, want) {
		t.Errorf("Letter preview is %v (aspect %.3f), want aspect %.3f", letter.Bounds(), got, want)
	}
	if got, want := aspect(a4), 210/297.0; !near(got, want) {
		t.Errorf("A4 preview is %v (aspect %.3f), want aspect %.3f", a4.Bounds(), got, want)
	}
	if d.pageInfo.String() != "Page 1 of 1 · Letter" {
		t.Errorf("page info %q", d.pageInfo.String())
	}

	d.groupBy.SetSelected("By topic")
	h.until("the preview grouped by topic", func() bool { return d.layoutFor.GroupBy == sheet.ByTopic })
	if samePixels(letter, d.page.Image) {
		t.Error("grouping by topic left the preview as it was")
	}
	want := []SheetSettings{{Paper: sheet.Letter}, {Paper: sheet.Letter, GroupBy: sheet.ByTopic}}
	if len(remembered) != 2 || remembered[0] != want[0] || remembered[1] != want[1] {
		t.Errorf("settings reported %+v, want %+v", remembered, want)
	}
}

// A quick change of mind shows the last choice, not whichever render ends
// last.
func TestPreviewShowsTheLastChoice(t *testing.T) {
	h := newDialogHarness(t)
	d := openPrintDialog(t, h, articleSet(testArticles(), 3), officePrinters(t))
	for _, g := range []string{"By topic", "By article", "Not grouped", "By article"} {
		d.groupBy.SetSelected(g)
	}
	h.until("the renders", func() bool { return !d.rendering })
	if d.layoutFor.GroupBy != sheet.ByDocument || d.activity.Visible() {
		t.Errorf("preview grouped by %s (busy %v), want by document", d.layoutFor.GroupBy, d.activity.Visible())
	}
	// The first, the first change, and the rest together.
	if d.renders != 3 {
		t.Errorf("%d renders, want 3", d.renders)
	}
}

func TestPrintSendsTheSheetAsShown(t *testing.T) {
	h := newDialogHarness(t)
	p := officePrinters(t)
	d := openPrintDialog(t, h, articleSet(testArticles(), 12), p)
	d.copies.SetText("2")
	d.groupBy.SetSelected("Not grouped")
	h.until("the new preview", func() bool { return d.layoutFor.GroupBy == sheet.NoGroups })
	pages := d.layout.PageCount()
	if pages < 2 {
		t.Fatalf("the test sheet has %d page; want several", pages)
	}

	start := time.Now()
	test.Tap(d.printButton)
	h.until("the job", func() bool { return len(p.printed()) == 1 && !d.busy })
	job := p.printed()[0]
	if job.Printer != "Office" || job.Copies != 2 || job.Paper != "A4" || job.Title != "Quotes on: Syria withdrawal" {
		t.Errorf("job %+v", job)
	}
	if got := printtest.Pages(t, job.File); got != pages {
		t.Errorf("printed PDF has %d pages, the preview said %d", got, pages)
	}
	wantShown(t, h.win.Canvas(), "Sent 2 copies of "+nounCount(pages, "page", "pages")+" to Office laser.")
	if strings.Contains(shownText(h.win.Canvas()), "Print quote sheet") {
		t.Error("the print dialog stays open after printing")
	}
	leftovers, _ := filepath.Glob(filepath.Join(os.TempDir(), "verbatim-print-*"))
	for _, l := range leftovers {
		if fi, err := os.Stat(l); err == nil && !fi.ModTime().Before(start) {
			t.Errorf("temporary print file left behind: %s", l)
		}
	}
}

func TestCopiesMustBeANumber(t *testing.T) {
	h := newDialogHarness(t)
	d := openPrintDialog(t, h, articleSet(testArticles(), 1), officePrinters(t))
	for _, tc := range []struct {
		typed   string
		printOK bool
	}{{"3", true}, {"0", false}, {"many", false}, {"1000", false}, {" 12 ", true}} {
		d.copies.SetText(tc.typed)
		if d.printButton.Disabled() == tc.printOK {
			t.Errorf("copies %q: Print enabled %v, want %v", tc.typed, !d.printButton.Disabled(), tc.printOK)
		}
		if hinted := strings.Contains(shownText(h.win.Canvas()), "Type a number of copies from 1 to 999."); hinted == tc.printOK {
			t.Errorf("copies %q: hint shown %v, want %v", tc.typed, hinted, !tc.printOK)
		}
	}
	d.copies.SetText("998")
	d.stepCopies(1)
	d.stepCopies(1)
	if d.copies.Text != "999" {
		t.Errorf("stepping up from 998 twice gives %q", d.copies.Text)
	}
}

func TestNoPrinterOffersSaveAsPDF(t *testing.T) {
	h := newDialogHarness(t)
	d := openPrintDialog(t, h, articleSet(testArticles(), 1), &fakePrinter{})
	wantShown(t, h.win.Canvas(), "No printer is set up on this computer. Use Save as PDF… instead.")
	if !d.printButton.Disabled() || d.saveButton.Disabled() {
		t.Errorf("Print enabled %v, Save as PDF enabled %v; want only Save", !d.printButton.Disabled(), !d.saveButton.Disabled())
	}
}

// cupsSays is a print system whose lpstat and lp answer as given, so that
// the dialog shows the printing package's own sentences.
func cupsSays(answers map[string]string, fail map[string]bool) printing.System {
	return printing.System{GOOS: "linux", Run: func(_ context.Context, _ []string, name string, args ...string) ([]byte, []byte, error) {
		key := name + " " + strings.Join(args, " ")
		for prefix, out := range answers {
			if strings.HasPrefix(key, prefix) {
				if fail[prefix] {
					return nil, []byte(out), errors.New("exit status 1")
				}
				return []byte(out), nil, nil
			}
		}
		return nil, nil, nil
	}}
}

func TestPrintingProblemsAreClearSentences(t *testing.T) {
	stopped := map[string]string{
		"lpstat -l -p": "printer Office disabled since Fri 27 Nov 2026 -\n\tpaper jam\n\tForm mounted:\n\tDescription: Office laser\n",
		"lpstat -a":    "Office accepting requests since Fri 27 Nov 2026\n",
		"lpstat -d":    "system default destination: Office\n",
	}
	for _, tc := range []struct {
		name    string
		system  printing.System
		print   bool
		printOK bool
		want    string
	}{
		{"queue stopped", cupsSays(stopped, nil), true, true,
			"The printer “Office” is paused (it reports: paper jam), so the sheet would only wait in its queue."},
		{"no print service", cupsSays(map[string]string{"lpstat": "lpstat: Scheduler is not running."}, map[string]bool{"lpstat": true}), false, false,
			"The print service (CUPS) is not running, so no printer can be reached."},
		{"no printers", cupsSays(map[string]string{"lpstat": "lpstat: No destinations added."}, map[string]bool{"lpstat": true}), false, false,
			"No printer is set up on this computer. Use Save as PDF… instead."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newDialogHarness(t)
			d := openPrintDialog(t, h, articleSet(testArticles(), 1), tc.system)
			if d.printButton.Disabled() == tc.printOK {
				t.Fatalf("Print enabled %v, want %v", !d.printButton.Disabled(), tc.printOK)
			}
			if tc.print {
				test.Tap(d.printButton)
				h.until("the print to end", func() bool { return !d.busy })
			}
			wantShown(t, h.win.Canvas(), tc.want)
			if d.saveButton.Disabled() {
				t.Error("Save as PDF is disabled")
			}
		})
	}
}

func TestSaveAsPDFFromThePrintDialog(t *testing.T) {
	h := newDialogHarness(t)
	d := openPrintDialog(t, h, articleSet(testArticles(), 1), &fakePrinter{})
	d.paper.SetSelected("Letter")
	h.until("the Letter preview", func() bool { return d.layoutFor.Paper == sheet.Letter })
	test.Tap(d.saveButton)
	h.until("the saved sheet", func() bool { return strings.Contains(shownText(h.win.Canvas()), "Saved the") })
	if filepath.Base(h.saved) != "Quotes on Syria withdrawal.pdf" {
		t.Errorf("proposed name %q", filepath.Base(h.saved))
	}
	wantShown(t, h.win.Canvas(), "Saved the 1-page quote sheet as “Quotes on Syria withdrawal.pdf” in "+filepath.Dir(h.saved)+".")
	if n := printtest.Pages(t, h.saved); n != 1 {
		t.Errorf("saved PDF has %d pages", n)
	}
	wantPDFText(t, h.saved, "Quotes on: Syria withdrawal", "“We are committed to keeping our border safe.",
		"«Мы не уйдём из Сирии.»", "Brett McGurk", "ISIS’ reemergence")
	if out, err := exec.Command("pdfinfo", h.saved).Output(); err == nil && !strings.Contains(string(out), "612 x 792") {
		t.Errorf("saved on the wrong paper:\n%s", out)
	}
}

func TestShowSavePDFDialogWritesTheSheet(t *testing.T) {
	h := newDialogHarness(t)
	set := articleSet(testArticles(), 1)
	sel := QuoteSelection{Scope: quoteset.Scope{Speaker: "Nancy Pelosi"}, Load: func(context.Context) (quoteset.Set, error) { return set, nil }}
	ShowSavePDFDialog(h.win, sel, h.options())
	h.until("the saved sheet", func() bool { return strings.Contains(shownText(h.win.Canvas()), "Saved the") })
	if filepath.Base(h.saved) != "Quotes by Nancy Pelosi.pdf" {
		t.Errorf("proposed name %q", filepath.Base(h.saved))
	}
	wantPDFText(t, h.saved, "Quotes by: Nancy Pelosi", "We are committed")
	if text := pdfText(t, h.saved); strings.Contains(text, "Schumer") {
		t.Error("the sheet holds quotes outside its scope")
	}
}

func TestSaveFailuresLeaveNoFile(t *testing.T) {
	h := newDialogHarness(t)
	sel := QuoteSelection{Title: "Empty", Load: func(context.Context) (quoteset.Set, error) { return quoteset.Set{}, nil }}
	ShowSavePDFDialog(h.win, sel, h.options())
	h.until("the error", func() bool { return strings.Contains(shownText(h.win.Canvas()), "no quotes here") })
	if _, err := os.Stat(h.saved); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was left behind (%v)", h.saved, err)
	}
}

// A set the library selected (its search finds words the set's own search
// would not) is printed whole; the scope only names it.
func TestSelectedSetsAreNotSelectedAgain(t *testing.T) {
	h := newDialogHarness(t)
	set := articleSet(testArticles(), 1)
	sel := QuoteSelection{Scope: quoteset.Scope{Search: "walls"}, Selected: true,
		Load: func(context.Context) (quoteset.Set, error) { return set, nil }}
	d := newPrintDialog(h.win, sel, officePrinters(t), h.cfg)
	d.show()
	h.until("the preview", func() bool { return d.layout != nil })
	if d.heading.Text != "Quotes matching: “walls”" || d.summary.String() != "6 quotes from 3 articles" {
		t.Errorf("heading %q, summary %q", d.heading.Text, d.summary.String())
	}
}

func TestLoadProblemsAreShown(t *testing.T) {
	for _, tc := range []struct {
		name string
		load func(context.Context) (quoteset.Set, error)
		want string
	}{
		{"error", func(context.Context) (quoteset.Set, error) { return quoteset.Set{}, errors.New("the disk is gone") },
			"The quotes could not be read from your library: the disk is gone."},
		{"panic", func(context.Context) (quoteset.Set, error) { panic("index out of range") },
			"Something went wrong inside Verbatim (index out of range)."},
		{"nothing", func(context.Context) (quoteset.Set, error) { return quoteset.Set{}, nil },
			"There are no quotes here to print."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newDialogHarness(t)
			d := newPrintDialog(h.win, QuoteSelection{Title: "Broken", Load: tc.load}, officePrinters(t), h.cfg)
			d.show()
			h.until("the message", func() bool { return d.status.Text != "" })
			wantShown(t, h.win.Canvas(), tc.want)
			if !d.printButton.Disabled() || !d.saveButton.Disabled() {
				t.Error("Print or Save as PDF is enabled without a sheet")
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	for title, want := range map[string]string{
		"Quotes on: Syria withdrawal":          "Quotes on Syria withdrawal.pdf",
		"Quotes matching “tax/cuts”?":          "Quotes matching “tax cuts”.pdf",
		"Quotes from: “A.B.”...":               "Quotes from “A.B.”.pdf",
		"  \t ":                                "Quotes.pdf",
		"Цитаты: Путин":                        "Цитаты Путин.pdf",
		strings.Repeat("Долгий заголовок ", 9): strings.Repeat("Долгий заголовок ", 5) + "Долгий заголово.pdf", // 100 letters
	} {
		if got := fileNameFor(title, ".pdf"); got != want {
			t.Errorf("fileNameFor(%q) = %q, want %q", title, got, want)
		}
	}
}

// wantPDFText checks, with pdftotext when it is installed, that the PDF's
// text holds every phrase.
func wantPDFText(t *testing.T, path string, phrases ...string) {
	t.Helper()
	text := pdfText(t, path)
	if text == "" {
		return
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, p := range phrases {
		if !strings.Contains(flat, p) {
			t.Errorf("%s does not say %q; its text:\n%s", filepath.Base(path), p, text)
		}
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext is not installed (apt-get install poppler-utils); not reading the PDF's text")
		return ""
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// inked is the share of a page's pixels that are not white.
func inked(img image.Image) float64 {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

func aspect(img image.Image) float64 {
	return float64(img.Bounds().Dx()) / float64(img.Bounds().Dy())
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// BenchmarkPreview1000Quotes measures what the print dialog does off the UI
// goroutine when a setting changes: build, lay out and draw the first page
// of a 1,000-quote sheet.
func BenchmarkPreview1000Quotes(b *testing.B) {
	set := articleSet(testArticles(), 1000/len(articleSet(testArticles(), 1).Quotes)+1)
	cfg := newDialogConfig(nil)
	s := SheetSettings{}
	for b.Loop() {
		lay, _, err := layOutSheet(cfg, QuoteSelection{Title: "Benchmark"}, set, s)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := lay.Preview(0, float64(2*previewWidth/pageWidthInches(s.Paper))); err != nil {
			b.Fatal(err)
		}
	}
}
