package storage

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/paragraph"
	"verbatim/core/quoteset"
)

// manyQuotes is a document of n paragraphs, each with one quote by speaker.
func manyQuotes(title, speaker string, n int) (core.Document, []scriptedQuote) {
	var b strings.Builder
	var quotes []scriptedQuote
	b.WriteString("Monday, January 7, 2019\n\n")
	for i := range n {
		q := fmt.Sprintf("“%s point number %d.”", title, i+1)
		fmt.Fprintf(&b, "%s %s said in the hall.\n\n", q, speaker)
		quotes = append(quotes, scriptedQuote{text: q, speaker: speaker, confidence: 0.9})
	}
	return core.Document{Text: b.String(), Meta: core.Meta{Title: title, Outlet: "Daily", Date: "2019-01-07"}}, quotes
}

func TestQuoteSetLoadsTheSelection(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	big, bigQuotes := manyQuotes("Budget", "Ann Lee", quoteSetPage*2+17)
	other, otherQuotes := manyQuotes("Harbour", "Bob Ray", 3)
	small, smallQuotes := manyQuotes("Schools", "Ann Lee", 2)
	for _, d := range []struct {
		doc    core.Document
		quotes []scriptedQuote
	}{{big, bigQuotes}, {other, otherQuotes}, {small, smallQuotes}} {
		mustImport(t, l, scripted{version: "v1", quotes: d.quotes}.engine(t), d.doc)
	}
	ann, err := l.FindSpeaker(ctx, "Ann Lee")
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, l, AddAlias{SpeakerID: ann.ID, Alias: "Lee"})
	rows := allQuotes(t, l, QuoteFilter{SpeakerID: ann.ID})
	rejected, noted := rows[3], rows[4]
	mustDo(t, l, RejectQuote{QuoteID: rejected.ID})
	mustDo(t, l, SetQuoteNote{QuoteID: noted.ID, Note: "check the figure"})
	topic := mustDo(t, l, CreateTopic{Name: "Taxes", Color: "#112233"})
	mustDo(t, l, AssignTopic{TopicID: topic.Target, QuoteIDs: []int64{noted.ID}})

	set, err := l.QuoteSet(ctx, QuoteFilter{SpeakerID: ann.ID}, SortDocumentOrder)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(bigQuotes) + len(smallQuotes) - 1; len(set.Quotes) != want {
		t.Fatalf("%d quotes, want %d (Ann's, without the rejected one)", len(set.Quotes), want)
	}
	if len(set.Documents) != 2 || set.Documents[0].Meta.Title != "Budget" || set.Documents[1].Meta.Title != "Schools" {
		t.Fatalf("documents %d: want Budget and Schools only", len(set.Documents))
	}
	if len(set.Speakers) != 1 || set.Speakers[0].Name != "Ann Lee" || len(set.Speakers[0].Aliases) != 1 {
		t.Errorf("speakers %+v", set.Speakers)
	}
	if len(set.Topics) != 1 || set.Topics[0] != (quoteset.Topic{Name: "Taxes", Color: "#112233"}) {
		t.Errorf("topics %+v", set.Topics)
	}
	docs := set.DocumentsByID()
	seen := map[string]bool{}
	for i, q := range set.Quotes {
		if seen[q.ID] {
			t.Fatalf("quote %s twice", q.ID)
		}
		seen[q.ID] = true
		if q.ID == strconv.FormatInt(rejected.ID, 10) {
			t.Errorf("rejected quote %s in the set", q.ID)
		}
		doc := docs[q.DocumentID]
		row, err := l.Quote(ctx, mustAtoi(t, q.ID))
		if err != nil {
			t.Fatal(err)
		}
		if doc == nil || q.Span.In(doc.Text) != row.Text || q.Speaker != "Ann Lee" || q.Status != statusWordFound && q.ID != strconv.FormatInt(noted.ID, 10) {
			t.Fatalf("quote %d: %+v against %+v", i, q, row)
		}
		// Sheets and exports number paragraphs from the text; the
		// library stored the same number.
		if got := paragraph.New(doc.Text).NumberAt(q.Span.Start); got != row.Paragraph || got == 0 {
			t.Errorf("quote %s: paragraph %d in the library, %d from the text", q.ID, row.Paragraph, got)
		}
		if i > 0 && set.Quotes[i-1].DocumentID == q.DocumentID && set.Quotes[i-1].Span.Start >= q.Span.Start {
			t.Fatalf("quotes out of document order at %d", i)
		}
	}
	for _, q := range set.Quotes {
		if q.ID == strconv.FormatInt(noted.ID, 10) && (q.Note != "check the figure" || len(q.Topics) != 1 || q.Topics[0] != "Taxes") {
			t.Errorf("noted quote %+v", q)
		}
	}
	// The library's search selects: words of a title match its quotes.
	set, err = l.QuoteSet(ctx, QuoteFilter{Search: "harbour"}, SortNewestFirst)
	if err != nil || len(set.Quotes) != 3 || len(set.Documents) != 1 || set.Speakers[0].Name != "Bob Ray" {
		t.Errorf("search: %d quotes, %d documents, %v", len(set.Quotes), len(set.Documents), err)
	}
}

func mustAtoi(t testing.TB, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
