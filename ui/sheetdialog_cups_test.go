package ui

import (
	"context"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"verbatim/core/printing"
	"verbatim/core/printing/printtest"
)

// TestPrintDialogPrintsThroughCUPS prints a several-page sheet from the
// print dialog on a real cups-pdf queue and finds the printed copy. The
// printed PDF is redrawn by Ghostscript and loses its text layer, so only
// its pages are compared.
func TestPrintDialogPrintsThroughCUPS(t *testing.T) {
	queue := printtest.PDFQueue(t)
	h := newDialogHarness(t)
	d := openPrintDialog(t, h, articleSet(testArticles(), 12), printing.System{})
	choice := -1
	for i, p := range d.printers {
		if p.Name == queue {
			choice = i
		}
	}
	if choice < 0 {
		t.Fatalf("queue %s is not offered; the dialog lists %q", queue, d.printerPick.Options)
	}
	d.printerPick.SetSelectedIndex(choice)
	pages := d.layout.PageCount()
	if pages < 2 {
		t.Fatalf("the test sheet has %d page; want several", pages)
	}
	test.Tap(d.printButton)
	h.until("the print", func() bool { return !d.busy })
	wantShown(t, h.win.Canvas(), "Sent "+nounCount(pages, "page", "pages")+" to "+printerName(d.printers[choice])+".")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	printed := printtest.WaitForPrintedPDF(t, ctx, printtest.JobNumber(t, queue, d.lastJob))
	defer os.Remove(printed)
	if got := printtest.Pages(t, printed); got != pages {
		t.Errorf("printed copy %s has %d pages, the sheet %d", printed, got, pages)
	}
	t.Logf("printed %s on %s: %d pages, as the sheet", printed, queue, pages)
}
