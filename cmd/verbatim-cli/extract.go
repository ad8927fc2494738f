package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"verbatim/core"
	"verbatim/core/extract"
	"verbatim/core/ingest"
	"verbatim/core/textpos"
)

// extractSpan is a span in code points, with its text.
type extractSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type extractQuote struct {
	ID         string       `json:"id"`
	Start      int          `json:"start"`
	End        int          `json:"end"`
	Fragments  [][2]int     `json:"fragments"`
	Text       string       `json:"text"`
	Speaker    string       `json:"speaker"`
	Mention    *extractSpan `json:"mention"`
	Cue        *extractSpan `json:"cue"`
	Rule       string       `json:"rule"`
	Confidence float64      `json:"confidence"`
	Unclosed   bool         `json:"unclosed,omitempty"`
	NonQuote   string       `json:"nonquote,omitempty"`
}

type extractDoc struct {
	File   string         `json:"file"`
	Title  string         `json:"title"`
	Lang   string         `json:"lang"`
	Error  string         `json:"error,omitempty"`
	Quotes []extractQuote `json:"quotes"`
}

// runExtract prints the quotes of each file, one record per document.
func runExtract(e *env, args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "jsonl", "output format: jsonl, csv or text")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: verbatim-cli extract [-format jsonl|csv|text] FILE...")
		fmt.Fprintln(e.stderr, "Finds the direct quotations in each file and who said them.")
		fmt.Fprintln(e.stderr, "Offsets are Unicode code points into the text 'verbatim-cli text FILE' prints.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitBadUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitBadUsage
	}
	var write func(extractDoc) error
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		write = func(d extractDoc) error { return enc.Encode(d) }
	case "csv":
		w := csv.NewWriter(e.stdout)
		_ = w.Write([]string{"file", "title", "lang", "error", "id", "start", "end", "speaker", "mention", "cue", "rule", "confidence", "nonquote", "text"})
		write = func(d extractDoc) error { return writeExtractCSV(w, d) }
	case "text":
		write = func(d extractDoc) error { return writeExtractText(e.stdout, d) }
	default:
		fmt.Fprintf(e.stderr, "verbatim-cli extract: unknown format %q (use jsonl, csv or text)\n", *format)
		return exitBadUsage
	}
	engine := extract.New()
	status := exitOK
	for _, path := range fs.Args() {
		docs, err := ingest.File(path, ingest.Options{})
		if err != nil {
			status = exitFailed
			fmt.Fprintf(e.stderr, "verbatim-cli extract: %v\n", err)
			msg := err.Error()
			var ie *ingest.Error
			if errors.As(err, &ie) {
				msg = ie.Message
			}
			if werr := write(extractDoc{File: path, Error: msg, Quotes: []extractQuote{}}); werr != nil {
				return exitFailed
			}
		}
		for _, doc := range docs {
			if werr := write(extractRecord(engine, path, doc)); werr != nil {
				fmt.Fprintf(e.stderr, "verbatim-cli extract: cannot write the output: %v\n", werr)
				return exitFailed
			}
		}
	}
	return status
}

// extractRecord runs the engine on one document and converts offsets to
// code points.
func extractRecord(engine *extract.Engine, path string, doc core.Document) extractDoc {
	ix := textpos.New(doc.Text)
	cp := func(b int) int { return ix.RuneOffset(b) }
	span := func(s core.Span) *extractSpan {
		if s.IsZero() {
			return nil
		}
		return &extractSpan{Start: cp(s.Start), End: cp(s.End), Text: s.In(doc.Text)}
	}
	out := extractDoc{File: path, Title: doc.Meta.Title, Lang: engine.Language(doc), Quotes: []extractQuote{}}
	for i, q := range engine.Quotes(doc) {
		eq := extractQuote{
			ID: "q" + strconv.Itoa(i+1), Start: cp(q.Span.Start), End: cp(q.Span.End),
			Text: q.Text(doc.Text), Speaker: q.Speaker, Mention: span(q.Mention), Cue: span(q.Cue),
			Rule: q.Rule, Confidence: q.Confidence, Unclosed: q.Unclosed, NonQuote: string(q.NonQuote),
			Fragments: [][2]int{},
		}
		if len(q.Fragments) > 1 {
			for _, f := range q.Fragments {
				eq.Fragments = append(eq.Fragments, [2]int{cp(f.Start), cp(f.End)})
			}
		}
		out.Quotes = append(out.Quotes, eq)
	}
	return out
}

func writeExtractCSV(w *csv.Writer, d extractDoc) error {
	if len(d.Quotes) == 0 {
		_ = w.Write([]string{d.File, d.Title, d.Lang, d.Error, "", "", "", "", "", "", "", "", "", ""})
	}
	for _, q := range d.Quotes {
		mention, cue := "", ""
		if q.Mention != nil {
			mention = q.Mention.Text
		}
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		_ = w.Write([]string{d.File, d.Title, d.Lang, d.Error, q.ID, strconv.Itoa(q.Start), strconv.Itoa(q.End),
			q.Speaker, mention, cue, q.Rule, strconv.FormatFloat(q.Confidence, 'f', 2, 64), q.NonQuote, q.Text})
	}
	w.Flush()
	return w.Error()
}

func writeExtractText(w io.Writer, d extractDoc) error {
	if d.Error != "" {
		_, err := fmt.Fprintf(w, "%s: %s\n\n", d.File, d.Error)
		return err
	}
	fmt.Fprintf(w, "%s — %s (%s), %d quotes\n", d.File, d.Title, d.Lang, len(d.Quotes))
	for _, q := range d.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "(unknown speaker)"
		}
		note := ""
		if q.NonQuote != "" {
			note = " [probably a " + q.NonQuote + ", not speech]"
		}
		fmt.Fprintf(w, "  %s: %s%s\n      %s\n", speaker, strings.ReplaceAll(q.Text, "\n", " "), note, fmt.Sprintf("rule %s, confidence %.2f", q.Rule, q.Confidence))
	}
	_, err := fmt.Fprintln(w)
	return err
}
