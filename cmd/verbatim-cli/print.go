package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"verbatim/core/printing"
	"verbatim/core/sheet"
)

// printer sends a file to a print queue; printing.System in the program,
// a fake in tests.
type printer interface {
	Print(ctx context.Context, job printing.Job) (string, error)
}

// runPrint is `verbatim-cli print [selection] [--printer NAME] [--copies N] [--paper …]`.
func runPrint(e *env, args []string, load quoteLoader, p printer) int {
	fs := flag.NewFlagSet("print", flag.ContinueOnError)
	sel := addSelectionFlags(fs)
	sf := addSheetFlags(fs)
	queue := fs.String("printer", "", "print on this `printer` (default: the system's default printer)")
	copies := fs.Int("copies", 1, "how many `copies`")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	lay, code := buildLayout(e, sel, sf, load)
	if lay == nil {
		return code
	}
	dir, err := os.MkdirTemp("", "verbatim-print-")
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: the sheet could not be prepared for printing: %v\n", err)
		return exitFailed
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "quote-sheet.pdf")
	if err := lay.WritePDFFile(file, sheet.PDFOptions{Created: time.Now()}); err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	id, err := p.Print(ctx, printing.Job{File: file, Printer: *queue, Copies: *copies, Paper: lay.Paper().String(), Title: lay.Title()})
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	where := "the default printer"
	if *queue != "" {
		where = *queue
	}
	fmt.Fprintf(e.stdout, "Sent a %d-page quote sheet to %s", lay.PageCount(), where)
	if id != "" {
		fmt.Fprintf(e.stdout, " (job %s)", id)
	}
	fmt.Fprintln(e.stdout)
	return code
}
