// Package printtest helps tests print on a real CUPS queue that writes PDF
// files (cups-pdf), as CI sets one up, and count the printed pages.
package printtest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Setup says how to make a queue the tests can use.
const Setup = "to run it: apt-get install cups cups-client printer-driver-cups-pdf poppler-utils; cupsd; " +
	"lpadmin -p VerbatimPDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"

// PDFQueue finds a CUPS queue that prints to PDF files: VERBATIM_TEST_PRINTER
// when set, else the first queue whose device is cups-pdf:/. It skips the
// test, saying how to set one up, when there is none, or when pdfinfo is
// missing to count the printed pages.
func PDFQueue(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("lpstat"); err != nil {
		t.Skip("no CUPS client (lpstat) on this machine; skipping the real printing test; " + Setup)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is not installed; cannot count printed pages; " + Setup)
	}
	if name := os.Getenv("VERBATIM_TEST_PRINTER"); name != "" {
		return name
	}
	out, err := exec.Command("lpstat", "-v").CombinedOutput()
	if err != nil {
		t.Skipf("no CUPS queue is reachable (lpstat -v: %s); skipping the real printing test; %s", strings.TrimSpace(string(out)), Setup)
	}
	m := regexp.MustCompile(`(?m)^device for (\S+): cups-pdf:`).FindSubmatch(out)
	if m == nil {
		t.Skip("no cups-pdf queue is set up; skipping the real printing test; " + Setup)
	}
	return string(m[1])
}

// JobNumber is the number of a job id "QUEUE-N".
func JobNumber(t testing.TB, queue, id string) string {
	t.Helper()
	n := strings.TrimPrefix(id, queue+"-")
	if _, err := strconv.Atoi(n); err != nil {
		t.Fatalf("job id %q does not look like %s-N", id, queue)
	}
	return n
}

// WaitForPrintedPDF finds cups-pdf's output of job number n in the places
// cups-pdf writes to, once it is complete.
func WaitForPrintedPDF(t testing.TB, ctx context.Context, n string) string {
	t.Helper()
	suffix := "job_" + n + ".pdf"
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

// Pages counts the pages of a PDF file with pdfinfo; it skips the test when
// pdfinfo is not installed.
func Pages(t testing.TB, path string) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is not installed (apt-get install poppler-utils); cannot count pages")
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s names no page count:\n%s", path, out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
