package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"verbatim/core/textpos"
	"verbatim/storage"
)

// quoteRecord is one quote as the quotes command prints it. Offsets are
// Unicode code points into the document's text, as in the evaluation data.
type quoteRecord struct {
	ID         int64    `json:"id"`
	Document   int64    `json:"document"`
	Title      string   `json:"title"`
	Outlet     string   `json:"outlet,omitempty"`
	Date       string   `json:"date,omitempty"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Paragraph  int      `json:"paragraph"`
	Text       string   `json:"text"`
	Speaker    string   `json:"speaker"`
	Mention    string   `json:"mention,omitempty"`
	Confidence float64  `json:"confidence"`
	Rule       string   `json:"rule,omitempty"`
	Status     string   `json:"status"`
	Origin     string   `json:"origin"`
	Topics     []string `json:"topics"`
	Note       string   `json:"note,omitempty"`
	// NonQuote: what the engine took the quoted string to be when it is
	// probably nobody's words ("title", "term", "passage").
	NonQuote string `json:"non_quote,omitempty"`
}

// runQuotes lists the library's quotes, filtered, as JSON lines or CSV.
func runQuotes(e *env, args []string) int {
	flags, dir := newFlags(e, "quotes",
		"quotes [--library DIR] [--speaker S] [--topic T] [--search Q] [--review] [--rejected] [--sort ORDER] [--format jsonl|csv]")
	speaker := flags.String("speaker", "", "only quotes by this `speaker` (name, alias or number)")
	topic := flags.String("topic", "", "only quotes on this `topic`")
	search := flags.String("search", "", "only quotes whose text, speaker or document title contain these `words`")
	document := flags.Int64("document", 0, "only quotes of this document `number`")
	review := flags.Bool("review", false, "only quotes that need review (low confidence, not reviewed)")
	rejected := flags.Bool("rejected", false, "only rejected quotes")
	sortBy := flags.String("sort", "document", "order: document, newest, oldest, speaker, confidence or relevance")
	format := flags.String("format", "jsonl", "output `format`: jsonl or csv")
	if !parseNoArgs(flags, args) {
		return exitBadUsage
	}
	order, ok := map[string]storage.QuoteSort{"document": storage.SortDocumentOrder, "newest": storage.SortNewestFirst,
		"oldest": storage.SortOldestFirst, "speaker": storage.SortSpeaker, "confidence": storage.SortConfidence,
		"relevance": storage.SortRelevance}[*sortBy]
	if !ok || (*format != "jsonl" && *format != "csv") {
		flags.Usage()
		return exitBadUsage
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	filter := storage.QuoteFilter{Search: *search, DocumentID: *document, NeedsReview: *review}
	if *rejected {
		filter.Status = storage.StatusRejected
	}
	if *speaker != "" {
		s, ok := findSpeaker(e, l, *speaker)
		if !ok {
			return exitFailed
		}
		filter.SpeakerID = s.ID
	}
	if *topic != "" {
		t, ok := findTopic(e, l, *topic)
		if !ok {
			return exitFailed
		}
		filter.TopicID = t.ID
	}
	w := newQuoteWriter(e, *format)
	if err := eachQuote(l, filter, order, func(r quoteRecord) error { return w.write(r) }); err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	if err := w.flush(); err != nil {
		fmt.Fprintf(e.stderr, "verbatim-cli: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// eachQuote pages through the quotes filter selects, converting positions
// to code points.
func eachQuote(l *storage.Library, filter storage.QuoteFilter, order storage.QuoteSort, fn func(quoteRecord) error) error {
	ctx := context.Background()
	index := map[int64]*textpos.Index{}
	const page = 500
	for offset := 0; ; offset += page {
		rows, err := l.Quotes(ctx, filter, order, offset, page)
		if err != nil {
			return err
		}
		for _, q := range rows {
			ix, ok := index[q.DocumentID]
			if !ok {
				doc, err := l.Document(ctx, q.DocumentID)
				if err != nil {
					return err
				}
				ix = textpos.New(doc.Text)
				index[q.DocumentID] = ix
			}
			r := quoteRecord{ID: q.ID, Document: q.DocumentID, Title: q.DocTitle, Outlet: q.DocOutlet, Date: q.DocDate,
				Start: ix.RuneOffset(q.Span.Start), End: ix.RuneOffset(q.Span.End), Paragraph: q.Paragraph,
				Text: q.Text, Speaker: q.Speaker, Mention: q.MentionText, Confidence: q.Confidence, Rule: q.Rule,
				Status: string(q.Status), Origin: string(q.Origin), Note: q.Note, Topics: []string{},
				NonQuote: string(q.NonQuote)}
			for _, t := range q.Topics {
				r.Topics = append(r.Topics, t.Name)
			}
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(rows) < page {
			return nil
		}
	}
}

type quoteWriter struct {
	json *json.Encoder
	csv  *csv.Writer
}

func csvHeader() []string {
	return []string{"id", "document", "title", "outlet", "date", "start", "end", "paragraph", "text", "speaker",
		"mention", "confidence", "rule", "status", "origin", "topics", "note", "non_quote"}
}

func newQuoteWriter(e *env, format string) *quoteWriter {
	if format == "csv" {
		w := csv.NewWriter(e.stdout)
		w.Write(csvHeader())
		return &quoteWriter{csv: w}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return &quoteWriter{json: enc}
}

func (w *quoteWriter) write(r quoteRecord) error {
	if w.json != nil {
		return w.json.Encode(r)
	}
	itoa := func(n int64) string { return strconv.FormatInt(n, 10) }
	return w.csv.Write([]string{itoa(r.ID), itoa(r.Document), r.Title, r.Outlet, r.Date, itoa(int64(r.Start)),
		itoa(int64(r.End)), itoa(int64(r.Paragraph)), r.Text, r.Speaker, r.Mention,
		strconv.FormatFloat(r.Confidence, 'f', -1, 64), r.Rule, r.Status, r.Origin, strings.Join(r.Topics, "; "), r.Note, r.NonQuote})
}

func (w *quoteWriter) flush() error {
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return nil
}
