package printing_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"verbatim/core"
	"verbatim/core/printing"
	"verbatim/core/quoteset"
	"verbatim/core/sheet"
)

// pdfQueue finds a CUPS queue that prints to PDF files (cups-pdf):
// VERBATIM_TEST_PRINTER when set, else the first queue whose device is
// cups-pdf:/. It skips the test, saying how to set one up, when there is
// none.
func pdfQueue(t *testing.T) string {
	t.Helper()
	const setup = "to run it: apt-get install cups cups-client printer-driver-cups-pdf; cupsd; " +
		"lpadmin -p VerbatimPDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
	if _, err := exec.LookPath("lpstat"); err != nil {
		t.Skip("no CUPS client (lpstat) on this machine; skipping the real printing test; " + setup)
	}
	if name := os.Getenv("VERBATIM_TEST_PRINTER"); name != "" {
		return name
	}
	out, err := exec.Command("lpstat", "-v").CombinedOutput()
	if err != nil {
		t.Skipf("no CUPS queue is reachable (lpstat -v: %s); skipping the real printing test; %s", strings.TrimSpace(string(out)), setup)
	}
	m := regexp.MustCompile(`(?m)^device for (\S+): cups-pdf:`).FindSubmatch(out)
	if m == nil {
		t.Skip("no cups-pdf queue is set up; skipping the real printing test; " + setup)
	}
	return string(m[1])
}

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
	queue := pdfQueue(t)
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is not installed (apt-get install poppler-utils); cannot count printed pages")
	}
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
	n := strings.TrimPrefix(id, queue+"-")
	if _, err := strconv.Atoi(n); err != nil {
		t.Fatalf("job id %q does not look like %s-N", id, queue)
	}
	printed := waitForPrintedPDF(t, ctx, "job_"+n+".pdf")
	defer os.Remove(printed)
	out, err := exec.Command("pdfinfo", printed).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v\n%s", printed, err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil || string(m[1]) != strconv.Itoa(pages) {
		t.Fatalf("printed copy %s has %q pages, the sheet %d:\n%s", printed, m, pages, out)
	}
	t.Logf("printed %s: %d pages, as the sheet", printed, pages)
}

// waitForPrintedPDF looks for cups-pdf's output file, whose name ends with
// suffix, in the places cups-pdf writes to, until it is complete.
func waitForPrintedPDF(t *testing.T, ctx context.Context, suffix string) string {
	t.Helper()
	var dirs []string
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "PDF"))
	}
	dirs = append(dirs, "/root/PDF", "/var/spool/cups-pdf/ANONYMOUS")
	if more, _ := filepath.Glob("/var/spool/cups-pdf/*"); more != nil {
		dirs = append(dirs, more...)
	}
	for {
		for _, d := range dirs {
			matches, _ := filepath.Glob(filepath.Join(d, "*"+suffix))
			for _, m := range matches {
				if exec.Command("pdfinfo", m).Run() == nil { // complete and readable
					return m
				}
			}
		}
		select {
		case <-ctx.Done():
			state, _ := exec.Command("lpstat", "-l", "-o").CombinedOutput()
			t.Fatalf("the printed PDF (*%s) did not appear in %v: %v\nqueue: %s", suffix, dirs, ctx.Err(), state)
		case <-time.After(300 * time.Millisecond):
		}
	}
}

// A real CUPS names a missing printer clearly.
func TestPrintToMissingQueue(t *testing.T) {
	pdfQueue(t)
	file, _ := threePageSheet(t)
	_, err := printing.System{}.Print(context.Background(), printing.Job{File: file, Printer: "No-Such-Printer-42"})
	var pe *printing.Error
	if !errors.As(err, &pe) || pe.Kind != printing.UnknownPrinter || !strings.Contains(pe.Message, "No-Such-Printer-42") {
		t.Errorf("got %v", err)
	}
}
