package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"verbatim/core"
)

func openLib(t testing.TB) *Library {
	t.Helper()
	l, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// at returns the span of the n-th (from 0) occurrence of s in text.
func at(t testing.TB, text, s string, n int) core.Span {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], s)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", s, n+1)
		}
		if i == n {
			return core.Span{Start: from + j, End: from + j + len(s)}
		}
		from += j + 1
	}
}

// scripted is a fake engine: for each quote text it returns the quote at that
// text's first occurrence with the given speaker and confidence.
type scripted struct {
	version string
	quotes  []scriptedQuote
	topics  []SuggestedTopic
}

type scriptedQuote struct {
	text, mention, speaker string
	confidence             float64
	parts                  []string // fragments; the whole text when empty
	nonQuote               core.NonQuoteKind
}

func (s scripted) engine(t testing.TB) Engine {
	return Engine{
		Version: s.version,
		Quotes: func(doc core.Document) []core.Quote {
			var out []core.Quote
			for _, q := range s.quotes {
				i := strings.Index(doc.Text, q.text)
				if i < 0 {
					continue
				}
				span := core.Span{Start: i, End: i + len(q.text)}
				quote := core.Quote{Span: span, Fragments: []core.Span{span}, Speaker: q.speaker,
					SpeakerKind: core.SpeakerPerson, Rule: s.version, Confidence: q.confidence, NonQuote: q.nonQuote}
				if len(q.parts) > 0 {
					quote.Fragments = nil
					for _, p := range q.parts {
						j := strings.Index(doc.Text[i:], p)
						quote.Fragments = append(quote.Fragments, core.Span{Start: i + j, End: i + j + len(p)})
					}
				}
				if q.mention != "" {
					if m := strings.LastIndex(doc.Text[:span.Start], q.mention); m >= 0 {
						quote.Mention = core.Span{Start: m, End: m + len(q.mention)}
					}
				}
				out = append(out, quote)
			}
			slices.SortFunc(out, func(a, b core.Quote) int { return a.Span.Start - b.Span.Start })
			return out
		},
		Topics: func(doc core.Document, quotes []core.Quote) []SuggestedTopic {
			return s.topics
		},
	}
}

func mustImport(t testing.TB, l *Library, eng Engine, docs ...core.Document) []ImportResult {
	t.Helper()
	res, err := l.Import(context.Background(), slices.Values(docs), eng, ImportOptions{})
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	for _, r := range res {
		if r.Status == Failed {
			t.Fatalf("Import %q: %v", r.Title, r.Err)
		}
	}
	return res
}

func mustDo(t testing.TB, l *Library, c Command) Edit {
	t.Helper()
	e, err := l.Do(context.Background(), c)
	if err != nil {
		t.Fatalf("Do %T: %v", c, err)
	}
	return e
}

func allQuotes(t testing.TB, l *Library, f QuoteFilter) []QuoteRow {
	t.Helper()
	q, err := l.Quotes(context.Background(), f, SortDocumentOrder, 0, 1000)
	if err != nil {
		t.Fatalf("Quotes: %v", err)
	}
	return q
}

// byText finds the quote whose text contains s.
func byText(t testing.TB, quotes []QuoteRow, s string) QuoteRow {
	t.Helper()
	for _, q := range quotes {
		if strings.Contains(q.Text, s) {
			return q
		}
	}
	t.Fatalf("no quote contains %q among %d", s, len(quotes))
	return QuoteRow{}
}

// dump renders every table a user edit can touch, ids included, so that
// tests can compare library states exactly.
func dump(t testing.TB, l *Library) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"documents", "quotes", "speakers", "speaker_aliases", "topics", "topic_rules", "quote_topics", "settings"} {
		cols := "*"
		if table == "documents" {
			cols = "id, title, note"
		}
		if table == "topics" || table == "speakers" {
			cols = "id, name, " + map[string]string{"topics": "color, parent_id, origin", "speakers": "kind"}[table]
		}
		rows, err := l.r.Query("SELECT " + cols + " FROM " + table + " ORDER BY 1")
		if err != nil {
			t.Fatal(err)
		}
		names, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(names))
			ptrs := make([]any, len(names))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	// The search index must follow every change, undo and redo included.
	rows, err := l.r.Query("SELECT rowid, text, ifnull(speaker, ''), ifnull(title, '') FROM quote_fts ORDER BY rowid")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var a, s, ti string
		rows.Scan(&id, &a, &s, &ti)
		fmt.Fprintf(&b, "fts %d %q %q %q\n", id, a, strings.TrimSpace(s), ti)
	}
	rows.Close()
	return b.String()
}
