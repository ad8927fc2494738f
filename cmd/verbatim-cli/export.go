package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"verbatim/core/export"
	"verbatim/core/quoteset"
)

// runExport is `verbatim-cli export --format csv|json|qdpx [selection] -o FILE`.
func runExport(e *env, args []string, load quoteLoader) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	sel := addSelectionFlags(fs)
	format := fs.String("format", "", "`csv`, json or qdpx (default: from the -o file's extension)")
	out := fs.String("o", "", "write to this `file`; - writes CSV or JSON to standard output (required)")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(e.stderr, "verbatim-cli export: say where to write with -o FILE")
		return exitBadUsage
	}
	if *format == "" {
		*format = strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	}
	write, ok := exporters()[strings.ToLower(*format)]
	if !ok {
		fmt.Fprintf(e.stderr, "verbatim-cli export: “%s” is not an export format; use csv, json or qdpx\n", *format)
		return exitBadUsage
	}
	if *out == "-" && *format == "qdpx" {
		fmt.Fprintln(e.stderr, "verbatim-cli export: a .qdpx project is a zip archive; write it to a file with -o FILE.qdpx")
		return exitBadUsage
	}
	set, _, loaded := sel.load(e, load)
	if !loaded {
		return exitFailed
	}
	if *out == "-" {
		problems, err := write(e.stdout, set)
		return finishExport(e, problems, err, "", len(set.Quotes))
	}
	problems, err := writeFileAtomically(*out, func(w io.Writer) ([]error, error) { return write(w, set) })
	return finishExport(e, problems, err, *out, len(set.Quotes))
}

type exporter func(io.Writer, quoteset.Set) ([]error, error)

func exporters() map[string]exporter {
	return map[string]exporter{
		"csv":  export.CSV,
		"json": export.JSON,
		"qdpx": func(w io.Writer, set quoteset.Set) ([]error, error) {
			return export.QDPX(w, set, export.QDPXOptions{Created: time.Now()})
		},
	}
}

func finishExport(e *env, problems []error, err error, path string, quotes int) int {
	code := reportProblems(e.stderr, problems)
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	if path != "" {
		fmt.Fprintf(e.stdout, "Exported %d quotes to %s\n", quotes-len(problems), path)
	}
	return code
}

// writeFileAtomically writes through a temporary file in the same folder,
// so that a failed export never leaves half a file behind.
func writeFileAtomically(path string, write func(io.Writer) ([]error, error)) ([]error, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".verbatim-export-*")
	if err != nil {
		return nil, fmt.Errorf("the export cannot be saved in %s: %w", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name())
	problems, err := write(tmp)
	// CreateTemp makes the file private; an export is an ordinary file.
	if cerr := errors.Join(tmp.Chmod(0o644), tmp.Close()); err == nil && cerr != nil {
		err = fmt.Errorf("the export could not be saved: %w", cerr)
	}
	if err != nil {
		return problems, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return problems, fmt.Errorf("the export could not be saved as %s: %w", path, err)
	}
	return problems, nil
}
