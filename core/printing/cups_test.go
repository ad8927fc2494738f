package printing_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"verbatim/core"
	"verbatim/core/printing"
	"verbatim/core/printing/printtest"
	"verbatim/core/quoteset"
	"verbatim/core/sheet"
)

// threePageSheet renders a sheet that needs several pages.
func threePageSheet(t *testing.T) (path string, pages int) {
	t.Helper()
	var b strings.Builder
	var quotes []quoteset.Quote
	for i := range 40 {
		start := b.Len()
		fmt.Fprintf(&b, "“Quote %d: we made a plea to the president once again, and Путин ответил «нет».” she said.\n\n", i+1)
		end := start + strings.Index(b.String()[start:], "” she") + len("”")
		q := quoteset.Quote{ID: strconv.Itoa(i), DocumentID: "d"}
		q.Span = core.Span{Start: start, End: end}
		q.Fragments = []core.Span{q.Span}
		q.Speaker = "Nancy Pelosi"
		quotes = append(quotes, q)
	}
	set := quoteset.Set{
		Documents: []quoteset.Document{{ID: "d", Document: core.Document{Text: b.String(), Meta: core.Meta{Title: "Shutdown", Outlet: "Wikinews", Date: "2019-01-07"}}}},
		Quotes:    quotes,
	}
	sh, problems := sheet.Build(set, sheet.Options{GroupBy: sheet.NoGroups})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	r, err := sheet.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	lay := r.Layout(sh, sheet.A4)
	path = filepath.Join(t.TempDir(), "sheet.pdf")
	if err := lay.WritePDFFile(path, sheet.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	return path, lay.PageCount()
}

// TestPrintThroughCUPS prints a sheet on a real cups-pdf queue and finds the
// printed copy. The printed PDF is redrawn by Ghostscript and loses its text
// layer, so only its pages are compared.
func TestPrintThroughCUPS(t *testing.T) {
	queue := printtest.PDFQueue(t)
	file, pages := threePageSheet(t)
	if pages < 2 {
		t.Fatalf("test sheet has %d pages; want several", pages)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sys := printing.System{}
	printers, err := sys.Printers(ctx)
	if err != nil {
		t.Fatalf("listing printers: %v", err)
	}
	found := false
	for _, p := range printers {
		found = found || p.Name == queue
	}
	if !found {
		t.Fatalf("queue %s is not among the printers listed: %+v", queue, printers)
	}
	id, err := sys.Print(ctx, printing.Job{File: file, Printer: queue, Copies: 1, Paper: "A4", Title: "Verbatim test sheet"})
	if err != nil {
		t.Fatalf("printing: %v", err)
	}
	printed := printtest.WaitForPrintedPDF(t, ctx, printtest.JobNumber(t, queue, id))
	defer os.Remove(printed)
	if got := printtest.Pages(t, printed); got != pages {
		t.Fatalf("printed copy %s has %d pages, the sheet %d", printed, got, pages)
	}
	t.Logf("printed %s: %d pages, as the sheet", printed, pages)
}

// A real CUPS names a missing printer clearly.
func TestPrintToMissingQueue(t *testing.T) {
	printtest.PDFQueue(t)
	file, _ := threePageSheet(t)
	_, err := printing.System{}.Print(context.Background(), printing.Job{File: file, Printer: "No-Such-Printer-42"})
	var pe *printing.Error
	if !errors.As(err, &pe) || pe.Kind != printing.UnknownPrinter || !strings.Contains(pe.Message, "No-Such-Printer-42") {
		t.Errorf("got %v", err)
	}
}
