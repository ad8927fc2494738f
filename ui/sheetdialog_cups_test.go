package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"verbatim/core/printing"
)

// cupsPDFQueue finds a CUPS queue that prints into PDF files (cups-pdf):
// VERBATIM_TEST_PRINTER when set, else the first queue whose device is
// cups-pdf. It skips the test, saying how to set one up, when there is none.
func cupsPDFQueue(t *testing.T) string {
	t.Helper()
	const setup = "to run it: apt-get install cups cups-client printer-driver-cups-pdf; cupsd; " +
		"lpadmin -p VerbatimPDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
	if _, err := exec.LookPath("lpstat"); err != nil {
		t.Skip("no CUPS client (lpstat) on this machine; skipping the real printing test; " + setup)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is not installed (apt-get install poppler-utils); cannot count printed pages")
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

// TestPrintDialogPrintsThroughCUPS prints a several-page sheet from the
// print dialog on a real cups-pdf queue and finds the printed copy. The
// printed PDF is redrawn by Ghostscript and loses its text layer, so only
// its pages are compared.
func TestPrintDialogPrintsThroughCUPS(t *testing.T) {
	queue := cupsPDFQueue(t)
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
	n, ok := strings.CutPrefix(d.lastJob, queue+"-")
	if !ok {
		t.Fatalf("job ID %q does not look like %s-N", d.lastJob, queue)
	}
	printed := findPrintedPDF(t, "job_"+n+".pdf")
	defer os.Remove(printed)
	if got := pdfPageCount(t, printed); got != pages {
		t.Errorf("printed copy %s has %d pages, the sheet %d", printed, got, pages)
	}
	t.Logf("printed %s on %s: %d pages, as the sheet", printed, queue, pages)
}

// findPrintedPDF waits for cups-pdf's output file, whose name ends with
// suffix, in the folders cups-pdf writes to.
func findPrintedPDF(t *testing.T, suffix string) string {
	t.Helper()
	var dirs []string
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "PDF"))
	}
	dirs = append(dirs, "/root/PDF", "/var/spool/cups-pdf/ANONYMOUS")
	more, _ := filepath.Glob("/var/spool/cups-pdf/*")
	dirs = append(dirs, more...)
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		for _, d := range dirs {
			matches, _ := filepath.Glob(filepath.Join(d, "*"+suffix))
			for _, m := range matches {
				if exec.Command("pdfinfo", m).Run() == nil { // complete and readable
					return m
				}
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	state, _ := exec.CommandContext(context.Background(), "lpstat", "-l", "-o").CombinedOutput()
	t.Fatalf("the printed PDF (*%s) did not appear in %v within two minutes\nqueue: %s", suffix, dirs, state)
	return ""
}
