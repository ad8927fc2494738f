package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"verbatim/core"
	"verbatim/core/ingest"
)

// runText prints the document text that extract's offsets index into.
//
// A file with one article prints its text exactly, followed by one newline.
// A file with several (a news-database export) prints each article after a
// separator line of its own:
//
//	=== document 2 of 3: Storm closes harbour ===
//
// and the text between two separators (without the newline that ends the
// last line) is that document's text exactly. -doc N prints only the Nth
// document, exactly; -json prints one JSON object per document with its
// metadata and text.
func runText(e *env, args []string) int {
	fs := flag.NewFlagSet("text", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	docNumber := fs.Int("doc", 0, "print only document `N` of a multi-article file (1 is the first)")
	asJSON := fs.Bool("json", false, "print one JSON object per document: file, index, metadata and text")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: verbatim-cli text [-doc N] [-json] FILE...")
		fmt.Fprintln(e.stderr, "Prints the clean text Verbatim reads from each article file; quote offsets index into it.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitBadUsage
	}
	if fs.NArg() == 0 || *docNumber < 0 {
		fs.Usage()
		return exitBadUsage
	}
	status := exitOK
	for _, path := range fs.Args() {
		docs, err := ingest.File(path, ingest.Options{})
		if err != nil {
			fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
			status = exitFailed
			continue
		}
		if *docNumber > len(docs) {
			fmt.Fprintf(e.stderr, "verbatim-cli: %s: there is no document %d; the file holds %d\n", path, *docNumber, len(docs))
			status = exitFailed
			continue
		}
		if err := printDocuments(e, path, docs, *docNumber, *asJSON); err != nil {
			fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
			return exitFailed
		}
	}
	return status
}

func printDocuments(e *env, path string, docs []core.Document, only int, asJSON bool) error {
	for i, doc := range docs {
		if only > 0 && i+1 != only {
			continue
		}
		if asJSON {
			line, err := json.Marshal(struct {
				File  string    `json:"file"`
				Index int       `json:"index"`
				Meta  core.Meta `json:"meta"`
				Text  string    `json:"text"`
			}{path, i + 1, doc.Meta, doc.Text})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s\n", line)
			continue
		}
		if len(docs) > 1 && only == 0 {
			title := strings.TrimSpace(doc.Meta.Title)
			if title == "" {
				title = "(untitled)"
			}
			fmt.Fprintf(e.stdout, "=== document %d of %d: %s ===\n", i+1, len(docs), title)
		}
		// The text exactly; a newline after it only where it has none, so
		// that a single article's output is the text offsets index into.
		fmt.Fprint(e.stdout, doc.Text)
		if !strings.HasSuffix(doc.Text, "\n") {
			fmt.Fprintln(e.stdout)
		}
	}
	return nil
}
