package storage

import (
	"context"
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/topics"
)

const kremlinText = `Putin spoke in Moscow on Monday.

“We will not retreat,” Putin said. “Never.”

The so-called “peace plan” was discussed. Foreign Minister Sergei Lavrov added: “Sanctions are useless.” He also said, “I never threaten anybody.”

Nobody "expected this" at all, observers wrote.

«Мы не отступим», — сказал Путин.`

// engineV1 and engineV2 disagree the way engine versions do: V2 joins an
// interrupted quote into one, drops the marks from one span, no longer finds
// one quote, finds one V1 missed, and rates confidence differently.
func engineV1() scripted {
	return scripted{version: "v1", quotes: []scriptedQuote{
		{text: "“We will not retreat,”", speaker: "Vladimir Putin", confidence: 0.9},
		{text: "“Never.”", speaker: "Vladimir Putin", confidence: 0.8},
		{text: "“peace plan”", confidence: 0.3},
		{text: "“Sanctions are useless.”", speaker: "Sergei Lavrov", confidence: 0.6},
		{text: "“I never threaten anybody.”", mention: "He", speaker: "Sergei Lavrov", confidence: 0.5},
		{text: "«Мы не отступим»", speaker: "Vladimir Putin", confidence: 0.95},
	}, topics: []SuggestedTopic{{Quote: 0, Label: "Russia", Reason: "suggested: Russia"}, {Quote: 5, Label: "Russia"}}}
}

func engineV2() scripted {
	return scripted{version: "v2", quotes: []scriptedQuote{
		{text: "“We will not retreat,” Putin said. “Never.”", speaker: "Vladimir Putin", confidence: 0.92,
			parts: []string{"“We will not retreat,”", "“Never.”"}},
		{text: "“peace plan”", confidence: 0.35},
		{text: "Sanctions are useless.", speaker: "Sergei Lavrov", confidence: 0.75},
		{text: `"expected this"`, speaker: "", confidence: 0.2},
		{text: "«Мы не отступим»", speaker: "Putin", confidence: 0.97},
	}, topics: []SuggestedTopic{{Quote: 4, Label: "Russia"}, {Quote: 0, Label: "Russia"}}}
}

func TestEditsSurviveEngineChange(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	doc := core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin", Date: "2019-10-08"}}
	res := mustImport(t, l, engineV1().engine(t), doc)
	docID := res[0].DocumentID
	before := allQuotes(t, l, QuoteFilter{DocumentID: docID})
	if len(before) != 6 {
		t.Fatalf("v1 stored %d quotes, want 6", len(before))
	}
	peace := byText(t, before, "peace plan")
	sanctions := byText(t, before, "Sanctions")
	threaten := byText(t, before, "threaten")
	cyrillic := byText(t, before, "Мы")
	retreat := byText(t, before, "retreat")

	// The researcher's decisions.
	mustDo(t, l, RejectQuote{QuoteID: peace.ID})
	mustDo(t, l, SetSpeaker{QuoteID: threaten.ID, NewName: "Mike Pence"})
	mustDo(t, l, MarkReviewed{QuoteIDs: []int64{sanctions.ID}})
	mustDo(t, l, SetQuoteNote{QuoteID: sanctions.ID, Note: "check the date"})
	topic := mustDo(t, l, CreateTopic{Name: "Sanctions"}).Target
	mustDo(t, l, AssignTopic{TopicID: topic, QuoteIDs: []int64{sanctions.ID}})
	russia := byText(t, before, "retreat").Topics
	if len(russia) != 1 || russia[0].Name != "Russia" || russia[0].LinkOrigin != LinkSuggested || russia[0].TopicOrigin != TopicSuggested {
		t.Fatalf("suggested topic on the first quote = %+v", russia)
	}
	mustDo(t, l, UnassignTopic{TopicID: russia[0].TopicID, QuoteIDs: []int64{cyrillic.ID}})
	expected := at(t, kremlinText, `"expected this"`, 0)
	added := mustDo(t, l, AddQuote{DocumentID: docID, Span: expected, NewSpeaker: "Observers"}).Target

	check := func(stage string, visible int) {
		t.Helper()
		doc, err := l.Document(ctx, docID)
		if err != nil {
			t.Fatal(err)
		}
		all, err := l.Quotes(ctx, QuoteFilter{DocumentID: docID, Status: ""}, SortDocumentOrder, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range all {
			if q.Span.In(doc.Text) != q.Text {
				t.Errorf("%s: quote %d text %q, but its span covers %q", stage, q.ID, q.Text, q.Span.In(doc.Text))
			}
			for _, f := range q.Fragments {
				if f.Start < q.Span.Start || f.End > q.Span.End {
					t.Errorf("%s: quote %d fragment %v outside %v", stage, q.ID, f, q.Span)
				}
			}
		}
		get := func(id int64) QuoteRow {
			q, err := l.Quote(ctx, id)
			if err != nil {
				t.Fatalf("%s: quote %d: %v", stage, id, err)
			}
			return q
		}
		if q := get(peace.ID); q.Status != StatusRejected {
			t.Errorf("%s: rejected quote is %s", stage, q.Status)
		}
		if q := get(threaten.ID); q.Speaker != "Mike Pence" || !q.SpeakerByUser {
			t.Errorf("%s: changed speaker is %q (by user %v)", stage, q.Speaker, q.SpeakerByUser)
		}
		s := get(sanctions.ID)
		if s.Status != StatusReviewed || s.Note != "check the date" {
			t.Errorf("%s: reviewed quote has status %s, note %q", stage, s.Status, s.Note)
		}
		if len(s.Topics) != 1 || s.Topics[0].Name != "Sanctions" || s.Topics[0].LinkOrigin != LinkUser {
			t.Errorf("%s: user topic on quote = %+v", stage, s.Topics)
		}
		if q := get(cyrillic.ID); len(q.Topics) != 0 {
			t.Errorf("%s: topic taken off by the user came back: %+v", stage, q.Topics)
		}
		if q := get(added); q.Origin != OriginUser || q.Speaker != "Observers" {
			t.Errorf("%s: added quote = %+v", stage, q)
		}
		n := 0
		for _, q := range all {
			if q.Text == `"expected this"` {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: the user's quote appears %d times, want once", stage, n)
		}
		if got := len(all); got != visible {
			t.Errorf("%s: %d visible quotes, want %d", stage, got, visible)
		}
	}
	check("before", 6)

	r, err := l.Reextract(ctx, docID, engineV2().engine(t))
	if err != nil {
		t.Fatal(err)
	}
	// Kept: retreat (joined), peace, sanctions, expected (user's), cyrillic;
	// removed: "Never." (untouched); retained: "threaten" (speaker changed).
	want := ReextractResult{DocumentID: docID, Kept: 5, Added: 0, Removed: 1, Retained: 1}
	if r != want {
		t.Errorf("Reextract = %+v, want %+v", r, want)
	}
	check("after engine change", 5)
	if q, _ := l.Quote(ctx, retreat.ID); len(q.Fragments) != 2 || q.Confidence != 0.92 || q.Rule != "v2" {
		t.Errorf("joined quote kept its id but not the new engine's reading: %+v", q)
	}
	if q, _ := l.Quote(ctx, sanctions.ID); q.Text != "Sanctions are useless." || q.Confidence != 0.75 {
		t.Errorf("machine fields not updated: %q %v", q.Text, q.Confidence)
	}
	if q, _ := l.Quote(ctx, cyrillic.ID); q.Speaker != "Putin" {
		t.Errorf("speaker the user never touched should follow the engine: %q", q.Speaker)
	}

	// A new import of the same article with a paragraph added at the top
	// and text changed in between moves every quote.
	moved := "Updated 9 October: corrections below.\n\n" +
		strings.Replace(kremlinText, "Putin spoke in Moscow on Monday.", "President Putin spoke in the Kremlin on Monday morning.", 1)
	r, err = l.ReplaceDocument(ctx, docID, core.Document{Text: moved, Meta: core.Meta{Title: "Kremlin (corrected)"}}, engineV2().engine(t))
	if err != nil {
		t.Fatal(err)
	}
	if r.Kept != 5 || r.Retained != 1 || r.Lost != 0 {
		t.Errorf("ReplaceDocument = %+v", r)
	}
	check("after text change", 5)
	if q, _ := l.Quote(ctx, threaten.ID); q.Span != at(t, moved, "“I never threaten anybody.”", 0) || q.MentionText != "He" {
		t.Errorf("retained quote not moved with the text: %v %q", q.Span, q.MentionText)
	}
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRulesFollowPrecedence(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	eng := engineV1()
	eng.topics = []SuggestedTopic{{Quote: 3, Label: "Economy", Reason: "suggested: sanctions"}}
	docID := mustImport(t, l, eng.engine(t), core.Document{Text: kremlinText})[0].DocumentID
	quotes := allQuotes(t, l, QuoteFilter{DocumentID: docID})
	sanctions, retreat := byText(t, quotes, "Sanctions"), byText(t, quotes, "retreat")
	economy := sanctions.Topics[0].TopicID

	// A rule outranks the suggestion and reaches the other quotes it matches.
	mustDo(t, l, SetTopicRules{TopicID: economy, Rules: []topics.Rule{{Terms: []string{"sanctions"}}, {Terms: []string{"not", "retreat"}, All: true}}})
	for _, id := range []int64{sanctions.ID, retreat.ID} {
		q, _ := l.Quote(ctx, id)
		if len(q.Topics) != 1 || q.Topics[0].LinkOrigin != LinkRule || !strings.HasPrefix(q.Topics[0].Reason, "keyword rule") {
			t.Errorf("quote %q topics = %+v, want one rule link", q.Text, q.Topics)
		}
	}
	// The researcher's "no" beats the rule, now and for later imports.
	mustDo(t, l, UnassignTopic{TopicID: economy, QuoteIDs: []int64{retreat.ID}})
	mustDo(t, l, SetTopicRules{TopicID: economy, Rules: []topics.Rule{{Terms: []string{"retreat"}}}})
	if q, _ := l.Quote(ctx, retreat.ID); len(q.Topics) != 0 {
		t.Errorf("rule overrode the user: %+v", q.Topics)
	}
	if q, _ := l.Quote(ctx, sanctions.ID); len(q.Topics) != 0 {
		t.Errorf("rule link should go when the rule no longer matches: %+v", q.Topics)
	}
	// New imports get the rules.
	second := core.Document{Text: "The general said: “We will retreat now.”"}
	eng2 := scripted{version: "v1", quotes: []scriptedQuote{{text: "“We will retreat now.”", speaker: "General", confidence: 0.9}}}
	id2 := mustImport(t, l, eng2.engine(t), second)[0].DocumentID
	q := allQuotes(t, l, QuoteFilter{DocumentID: id2})
	if len(q) != 1 || len(q[0].Topics) != 1 || q[0].Topics[0].Name != "Economy" || q[0].Topics[0].LinkOrigin != LinkRule {
		t.Fatalf("imported quote topics = %+v", q)
	}
	n, err := l.CountQuotes(ctx, QuoteFilter{TopicID: economy})
	if err != nil || n != 1 {
		t.Errorf("CountQuotes(topic) = %d, %v; want 1", n, err)
	}
	tops, err := l.Topics(ctx)
	if err != nil || len(tops) != 1 || tops[0].Count != 1 || len(tops[0].Rules) != 1 {
		t.Errorf("Topics = %+v, %v", tops, err)
	}
}

func TestOutdatedDocumentsCountsWhatReextractOutdatedDoes(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	v1, v2 := engineV1().engine(t), engineV2().engine(t)
	mustImport(t, l, v1, core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin"}})
	mustImport(t, l, v2, core.Document{Text: "“Yes,” she said.", Meta: core.Meta{Title: "Short"}})
	for _, tc := range []struct {
		version string
		want    int
	}{{v1.Version, 1}, {v2.Version, 1}, {"v3", 2}} {
		if n, err := l.OutdatedDocuments(ctx, tc.version); err != nil || n != tc.want {
			t.Errorf("OutdatedDocuments(%q) = %d, %v; want %d", tc.version, n, err, tc.want)
		}
	}
	res, err := l.ReextractOutdated(ctx, v2, nil)
	if err != nil || len(res) != 1 {
		t.Fatalf("ReextractOutdated: %d documents, %v", len(res), err)
	}
	if n, err := l.OutdatedDocuments(ctx, v2.Version); err != nil || n != 0 {
		t.Errorf("after ReextractOutdated, %d documents are outdated (%v)", n, err)
	}
}

// TestOutdatedDocumentsReadsAnIndex: the app counts outdated documents at
// every start, so the count must not read the documents' text.
func TestOutdatedDocumentsReadsAnIndex(t *testing.T) {
	l := openLib(t)
	var id, parent, unused int
	var detail string
	err := l.r.QueryRow("EXPLAIN QUERY PLAN "+outdatedCountSQL, "v1").Scan(&id, &parent, &unused, &detail)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(detail, "COVERING INDEX documents_engine") {
		t.Errorf("plan %q reads the documents table", detail)
	}
}

// TestNonQuotesAreKeptAndUpdated: what the engine takes a quoted string to
// be is stored with it and follows the engine when it changes its mind.
func TestNonQuotesAreKeptAndUpdated(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	v1 := scripted{version: "v1", quotes: []scriptedQuote{
		{text: "“peace plan”", confidence: 0.1, nonQuote: core.NonQuoteTerm},
		{text: "“Never.”", speaker: "Vladimir Putin", confidence: 0.8},
	}}
	v2 := scripted{version: "v2", quotes: []scriptedQuote{
		{text: "“peace plan”", confidence: 0.5},
		{text: "“Never.”", speaker: "Vladimir Putin", confidence: 0.1, nonQuote: core.NonQuoteTitle},
	}}
	docID := mustImport(t, l, v1.engine(t), core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin"}})[0].DocumentID
	kinds := func() (peace, never core.NonQuoteKind) {
		quotes := allQuotes(t, l, QuoteFilter{DocumentID: docID})
		return byText(t, quotes, "peace plan").NonQuote, byText(t, quotes, "Never").NonQuote
	}
	if peace, never := kinds(); peace != core.NonQuoteTerm || never != "" {
		t.Errorf("imported: peace plan %q, Never %q; want term and speech", peace, never)
	}
	if _, err := l.Reextract(ctx, docID, v2.engine(t)); err != nil {
		t.Fatal(err)
	}
	if peace, never := kinds(); peace != "" || never != core.NonQuoteTitle {
		t.Errorf("extracted again: peace plan %q, Never %q; want speech and title", peace, never)
	}
}

// While a pass over outdated documents runs, the writer keeps only a
// reader's page cache; afterwards it has its own again.
func TestReextractOutdatedNarrowsTheWritersCacheMeanwhile(t *testing.T) {
	ctx := context.Background()
	l := openLib(t)
	v1, v2 := engineV1().engine(t), engineV2().engine(t)
	mustImport(t, l, v1, core.Document{Text: kremlinText, Meta: core.Meta{Title: "Kremlin"}})
	cacheSize := func() int {
		var n int
		if err := l.w.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var during []int
	if _, err := l.ReextractOutdated(ctx, v2, func(ReextractResult) { during = append(during, cacheSize()) }); err != nil {
		t.Fatal(err)
	}
	if len(during) != 1 || during[0] != -readerCacheKiB {
		t.Errorf("writer's cache_size during the pass: %v, want [%d]", during, -readerCacheKiB)
	}
	if got := cacheSize(); got != -writerCacheKiB {
		t.Errorf("writer's cache_size after the pass: %d, want %d", got, -writerCacheKiB)
	}
}
