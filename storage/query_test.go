package storage

import (
	"context"
	"fmt"
	"testing"

	"verbatim/core"
	"verbatim/core/topics"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	eng := scripted{version: "v1", quotes: []scriptedQuote{
		{text: "“neutralizing the threat”", speaker: "Erdoğan's office", confidence: 0.58},
		{text: "“We must have the backs of our allies.”", speaker: "Nikki Haley", confidence: 0.95},
		{text: "«Мы не отступим»", speaker: "Владимир Путин", confidence: 0.9},
	}}
	text := "Erdoğan's office spoke of “neutralizing the threat”. Nikki Haley wrote: “We must have the backs of our allies.” Путин: «Мы не отступим»."
	mustImport(t, l, eng.engine(t), core.Document{Text: text, Meta: core.Meta{Title: "Trump announces troop withdrawal from Syria"}})
	mustImport(t, l, scripted{version: "v1", quotes: []scriptedQuote{{text: "“Nothing.”", speaker: "Carrie Lam", confidence: 0.4}}}.engine(t),
		core.Document{Text: "Lam said: “Nothing.”", Meta: core.Meta{Title: "Hong Kong"}})

	cases := []struct {
		query string
		want  int
	}{
		{"threat", 1},          // quote text
		{"neutral", 1},         // start of a word
		{"erdogan", 1},         // speaker, without the accent
		{"haley allies", 1},    // speaker and text together
		{"syria", 3},           // document title
		{"отступим", 1},        // Cyrillic
		{"путин", 1},           // Cyrillic speaker
		{"lam nothing", 1},     //
		{"lam syria", 0},       // every word must match
		{`"threat" (`, 1},      // query syntax is only words
		{`NEAR(x) * ^ : -`, 0}, // no quote has the words "NEAR" and "x"
		{"", 4},                // no search: everything
		{"   ", 4},             //
	}
	for _, c := range cases {
		got, err := l.Quotes(ctx, QuoteFilter{Search: c.query}, SortRelevance, 0, 50)
		if err != nil {
			t.Errorf("search %q: %v", c.query, err)
			continue
		}
		n, err := l.CountQuotes(ctx, QuoteFilter{Search: c.query})
		if len(got) != c.want || n != c.want || err != nil {
			t.Errorf("search %q: %d rows, count %d (%v); want %d", c.query, len(got), n, err, c.want)
		}
	}
	// Renaming a speaker or a document reaches the index at once.
	haley := speakerID(t, l, "Nikki Haley")
	mustDo(t, l, RenameSpeaker{SpeakerID: haley, Name: "Ambassador Haley"})
	if got := allQuotes(t, l, QuoteFilter{Search: "ambassador"}); len(got) != 1 {
		t.Errorf("renamed speaker: %d hits", len(got))
	}
	if got := allQuotes(t, l, QuoteFilter{Search: "nikki"}); len(got) != 1 {
		t.Errorf("old name kept as alias should still be found: %d hits", len(got))
	}
	// Rejected quotes leave the results; search combines with other filters.
	q := allQuotes(t, l, QuoteFilter{Search: "threat"})[0]
	mustDo(t, l, RejectQuote{QuoteID: q.ID})
	if got := allQuotes(t, l, QuoteFilter{Search: "threat"}); len(got) != 0 {
		t.Errorf("rejected quote found: %d", len(got))
	}
	if got := allQuotes(t, l, QuoteFilter{Search: "threat", Status: StatusRejected}); len(got) != 1 {
		t.Errorf("rejected filter: %d", len(got))
	}
}

func TestQueriesPageSortAndCount(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	eng := curlyEngine()
	var docs []core.Document
	for i := range 5 {
		d := crashDoc(i)
		d.Meta.Date = []string{"2019-10-08", "2019-01-07", "2019-09-06", "2020-02-01", "2018-05-05"}[i]
		docs = append(docs, d)
	}
	mustImport(t, l, eng, docs...) // 1+2+3+4+5 = 15 quotes
	counts, err := l.Counts(ctx, 0.9)
	if err != nil || counts.Documents != 5 || counts.Quotes != 15 || counts.NeedsReview != 15 || counts.Speakers != 3 {
		t.Fatalf("Counts = %+v, %v", counts, err)
	}
	all := allQuotes(t, l, QuoteFilter{})
	mustDo(t, l, MarkReviewed{QuoteIDs: []int64{all[0].ID}})
	mustDo(t, l, RejectQuote{QuoteID: all[1].ID})
	if n, _ := l.CountQuotes(ctx, QuoteFilter{NeedsReview: true, ReviewBelow: 0.9}); n != 13 {
		t.Errorf("needs review: %d, want 13", n)
	}
	if n, _ := l.CountQuotes(ctx, QuoteFilter{NeedsReview: true}); n != 0 {
		t.Errorf("needs review at 0.7: %d, want 0", n)
	}

	// Pages join up to the whole list in every order.
	for _, s := range []QuoteSort{SortDocumentOrder, SortNewestFirst, SortOldestFirst, SortSpeaker, SortConfidence} {
		var paged []QuoteRow
		for off := 0; ; off += 4 {
			page, err := l.Quotes(ctx, QuoteFilter{}, s, off, 4)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			paged = append(paged, page...)
		}
		if len(paged) != 14 {
			t.Errorf("sort %d: %d quotes in pages, want 14", s, len(paged))
		}
		seen := map[int64]bool{}
		for i, q := range paged {
			if seen[q.ID] {
				t.Errorf("sort %d: quote %d twice", s, q.ID)
			}
			seen[q.ID] = true
			if i == 0 {
				continue
			}
			p := paged[i-1]
			var ok bool
			switch s {
			case SortNewestFirst:
				ok = p.DocDate >= q.DocDate
			case SortOldestFirst:
				ok = p.DocDate <= q.DocDate
			case SortSpeaker:
				ok = p.Speaker <= q.Speaker
			case SortConfidence:
				ok = p.Confidence <= q.Confidence
			default:
				ok = p.DocumentID < q.DocumentID || p.DocumentID == q.DocumentID && p.Span.Start < q.Span.Start
			}
			if !ok {
				t.Errorf("sort %d: %+v before %+v", s, p, q)
			}
		}
	}
	docsList, err := l.Documents(ctx, DocumentsNewestFirst, 0, 0)
	if err != nil || len(docsList) != 5 || docsList[0].Meta.Date != "2020-02-01" || docsList[0].Quotes != 4 || docsList[0].Text != "" {
		t.Errorf("Documents = %+v, %v", docsList, err)
	}
	d, err := l.Document(ctx, docsList[0].ID)
	if err != nil || d.Text != docs[3].Text || d.Engine != "curly" {
		t.Errorf("Document: %v", err)
	}
	if q, _ := l.Quote(ctx, all[2].ID); q.Paragraph != 3 || q.MentionText != "Speaker 1" {
		t.Errorf("paragraph %d, mention %q", q.Paragraph, q.MentionText)
	}
	// Duplicates are reported, not stored twice.
	res, err := l.Import(ctx, func(yield func(core.Document) bool) { yield(docs[2]) }, eng, ImportOptions{})
	if err != nil || len(res) != 1 || res[0].Status != Duplicate || res[0].DocumentID == 0 {
		t.Errorf("re-import: %+v, %v", res, err)
	}
}

func TestImportReportsBadEngineOutput(t *testing.T) {
	l := openLib(t)
	bad := Engine{Version: "bad", Quotes: func(doc core.Document) []core.Quote {
		if doc.Meta.Title == "panics" {
			panic("index out of range")
		}
		if doc.Meta.Title == "outside" {
			return []core.Quote{{Span: core.Span{Start: 0, End: 999}}}
		}
		return []core.Quote{{Span: core.Span{Start: 0, End: 4}}}
	}}
	docs := []core.Document{
		{Text: "good text", Meta: core.Meta{Title: "good"}},
		{Text: "panics here", Meta: core.Meta{Title: "panics"}},
		{Text: "too short", Meta: core.Meta{Title: "outside"}},
		{Text: "good text", Meta: core.Meta{Title: "same text again"}},
	}
	res, err := l.Import(context.Background(), func(yield func(core.Document) bool) {
		for _, d := range docs {
			if !yield(d) {
				return
			}
		}
	}, bad, ImportOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []ImportStatus{Imported, Failed, Failed, Duplicate}
	for i, r := range res {
		if r.Index != i || r.Status != want[i] {
			t.Errorf("result %d = %+v, want %s", i, r, want[i])
		}
	}
	if res[1].Err == nil || res[2].Err == nil {
		t.Fatalf("no error for failed documents")
	}
	t.Logf("messages: %q / %q", res[1].Err, res[2].Err)
	if c, _ := l.Counts(context.Background(), 0); c.Documents != 1 || c.Quotes != 1 {
		t.Errorf("Counts = %+v, want the good document only", c)
	}
}

// TestPlansAgree checks that both ways of reading a filtered page (collect
// and sort, or walk the order's index and probe) give the same quotes.
func TestPlansAgree(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	var docs []core.Document
	for i := range 30 {
		d := crashDoc(i)
		d.Meta.Date = fmt.Sprintf("2019-%02d-%02d", 1+i%12, 1+i%28)
		docs = append(docs, d)
	}
	mustImport(t, l, curlyEngine(), docs...)
	topic := mustDo(t, l, CreateTopic{Name: "Items"}).Target
	mustDo(t, l, SetTopicRules{TopicID: topic, Rules: []topics.Rule{{Terms: []string{"item 3"}}, {Terms: []string{"statement 2"}}}})
	filters := []QuoteFilter{{TopicID: topic}, {Search: "statement item"}, {TopicID: topic, Search: "long"},
		{TopicID: topic, NeedsReview: true, ReviewBelow: 0.9}, {Search: "speaker 1", NeedsReview: true, ReviewBelow: 0.9}}
	for _, f := range filters {
		for _, s := range []QuoteSort{SortDocumentOrder, SortNewestFirst, SortOldestFirst, SortConfidence} {
			want, err := l.quotesWithPlan(ctx, f, s, plan{}, 3, 20)
			if err != nil {
				t.Fatal(err)
			}
			got, err := l.quotesWithPlan(ctx, f, s, plan{topic: probe, search: probe}, 3, 20)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 || fmt.Sprint(ids(got)) != fmt.Sprint(ids(want)) {
				t.Errorf("%+v sort %d: probing gives %v, collecting %v", f, s, ids(got), ids(want))
			}
		}
	}
}

func ids(quotes []QuoteRow) []int64 {
	out := make([]int64, len(quotes))
	for i, q := range quotes {
		out[i] = q.ID
	}
	return out
}
