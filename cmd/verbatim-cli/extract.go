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
	"verbatim/core/topics"
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
	Topics     []string     `json:"topics"` // labels of the document's topics it is about
}

type extractDoc struct {
	File   string         `json:"file"`
	Title  string         `json:"title"`
	Lang   string         `json:"lang"`
	Error  string         `json:"error,omitempty"`
	Topics []string       `json:"topics"` // suggested for the document, most quotes first
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
		_ = w.Write([]string{"file", "title", "lang", "error", "id", "start", "end", "speaker", "mention", "cue", "rule", "confidence", "nonquote", "text", "topics"})
		write = func(d extractDoc) error { return writeExtractCSV(w, d) }
	case "text":
		write = func(d extractDoc) error { return writeExtractText(e.stdout, d) }
	default:
		fmt.Fprintf(e.stderr, "verbatim-cli extract: unknown format %q (use jsonl, csv or text)\n", *format)
		return exitBadUsage
	}
	engine := extract.New()
	suggester, err := topics.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli extract: topic suggestion could not start: %v\n", err)
		return exitFailed
	}
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
			if werr := write(extractDoc{File: path, Error: msg, Topics: []string{}, Quotes: []extractQuote{}}); werr != nil {
				return exitFailed
			}
		}
		for _, doc := range docs {
			if werr := write(extractRecord(engine, suggester, path, doc)); werr != nil {
				fmt.Fprintf(e.stderr, "verbatim-cli extract: cannot write the output: %v\n", werr)
				return exitFailed
			}
		}
	}
	return status
}

// extractRecord runs the engine and topic suggestion on one document and
// converts offsets to code points.
func extractRecord(engine *extract.Engine, suggester *topics.Suggester, path string, doc core.Document) extractDoc {
	ix := textpos.New(doc.Text)
	cp := func(b int) int { return ix.RuneOffset(b) }
	span := func(s core.Span) *extractSpan {
		if s.IsZero() {
			return nil
		}
		return &extractSpan{Start: cp(s.Start), End: cp(s.End), Text: s.In(doc.Text)}
	}
	out := extractDoc{File: path, Title: doc.Meta.Title, Lang: engine.Language(doc), Topics: []string{}, Quotes: []extractQuote{}}
	quotes := engine.Quotes(doc)
	doc.Meta.Language = out.Lang // topics read the text as the engine did
	// The engine's spans fit the text, so Document serves every quote.
	suggested, _ := suggester.Document(doc, quotes)
	for _, t := range suggested.Topics {
		out.Topics = append(out.Topics, t.Label)
	}
	for i, q := range quotes {
		eq := extractQuote{
			ID: "q" + strconv.Itoa(i+1), Start: cp(q.Span.Start), End: cp(q.Span.End),
			Text: q.Text(doc.Text), Speaker: q.Speaker, Mention: span(q.Mention), Cue: span(q.Cue),
			Rule: q.Rule, Confidence: q.Confidence, Unclosed: q.Unclosed, NonQuote: string(q.NonQuote),
			Fragments: [][2]int{}, Topics: []string{},
		}
		if i < len(suggested.Quotes) {
			for _, a := range suggested.Quotes[i] {
				eq.Topics = append(eq.Topics, a.Label)
			}
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
		_ = w.Write([]string{d.File, d.Title, d.Lang, d.Error, "", "", "", "", "", "", "", "", "", "", ""})
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
			q.Speaker, mention, cue, q.Rule, strconv.FormatFloat(q.Confidence, 'f', 2, 64), q.NonQuote, q.Text, strings.Join(q.Topics, "; ")})
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
	if len(d.Topics) > 0 {
		fmt.Fprintf(w, "  topics: %s\n", strings.Join(d.Topics, ", "))
	}
	for _, q := range d.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "(unknown speaker)"
		}
		note := ""
		if q.NonQuote != "" {
			note = " [probably a " + q.NonQuote + ", not speech]"
		}
		about := ""
		if len(q.Topics) > 0 {
			about = "; about " + strings.Join(q.Topics, ", ")
		}
		fmt.Fprintf(w, "  %s: %s%s\n      rule %s, confidence %.2f%s\n", speaker, strings.ReplaceAll(q.Text, "\n", " "), note, q.Rule, q.Confidence, about)
	}
	_, err := fmt.Fprintln(w)
	return err
}
