package main

import (
	"flag"
	"fmt"
	"time"

	"verbatim/core/sheet"
)

// runSheet is `verbatim-cli sheet [selection] [--group-by …] [--paper …] -o FILE.pdf`.
func runSheet(e *env, args []string, load quoteLoader) int {
	fs := flag.NewFlagSet("sheet", flag.ContinueOnError)
	sel := addSelectionFlags(fs)
	sf := addSheetFlags(fs)
	out := fs.String("o", "", "write the sheet to this PDF `file` (required)")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(e.stderr, "verbatim-cli sheet: say where to save the sheet with -o FILE.pdf")
		return exitBadUsage
	}
	lay, code := buildLayout(e, sel, sf, load)
	if lay == nil {
		return code
	}
	if err := lay.WritePDFFile(*out, sheet.PDFOptions{Created: time.Now()}); err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "Saved a %d-page quote sheet (%s) to %s\n", lay.PageCount(), lay.Paper(), *out)
	return code
}

// buildLayout loads, builds and lays out the sheet the flags describe. A nil
// layout means stop with the returned code; otherwise the code is exitFailed
// when some quotes were left out.
func buildLayout(e *env, sel *selectionFlags, sf *sheetFlags, load quoteLoader) (*sheet.Layout, int) {
	opts, paper, err := sf.options()
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return nil, exitBadUsage
	}
	set, scope, ok := sel.load(e, load)
	if !ok {
		return nil, exitFailed
	}
	opts.Scope, opts.Selected, opts.Generated = scope, true, time.Now()
	sh, problems := sheet.Build(set, opts)
	code := reportProblems(e.stderr, problems)
	r, err := sheet.NewRenderer()
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return nil, exitFailed
	}
	return r.Layout(sh, paper), code
}
