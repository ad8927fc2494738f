package topics

import (
	"path/filepath"
	"reflect"
	"testing"

	"verbatim/core"
)

// Filing one document under given topics gives what Merge gives for it:
// the filer is Merge, one document at a time.
func TestFilerFilesOneDocumentAsMerge(t *testing.T) {
	s := suggester(t)
	docs := suggestAll(t, s, readArticles(t))
	users := []string{"ISIS", "Sanctions", "Hong Kong"}
	var existing []ExistingTopic
	for _, l := range users {
		existing = append(existing, ExistingTopic{Label: l})
	}
	for i, d := range docs {
		for _, c := range []struct {
			labels []string
			topics []ExistingTopic
		}{{nil, nil}, {users, existing}} {
			f := s.NewFiler(c.topics)
			got, want := f.File(d), s.Merge(c.labels, []DocumentTopics{d})
			if !reflect.DeepEqual(got, want.Documents[0]) {
				t.Errorf("article %d under %v: filer %+v, merge %+v", i, c.labels, got, want.Documents[0])
			}
			if !sameTopicSet(f.Topics(), want.Topics) {
				t.Errorf("article %d under %v: filer topics %v, merge %v", i, c.labels, f.Topics(), want.Topics)
			}
		}
	}
}

// sameTopicSet compares topics ignoring the order of the new ones (Merge
// sorts them by documents and quotes, the filer keeps their arrival order).
func sameTopicSet(a, b []LibraryTopic) bool {
	if len(a) != len(b) {
		return false
	}
	set := map[LibraryTopic]int{}
	for _, t := range a {
		set[t]++
	}
	for _, t := range b {
		set[t]--
	}
	for _, n := range set {
		if n != 0 {
			return false
		}
	}
	return true
}

// Documents filed one after another never rename a topic: the first
// document to suggest a key labels it, later ones are filed under it, and
// the same documents in the same order always give the same topics.
func TestFilerIsStableAndDeterministic(t *testing.T) {
	s := suggester(t)
	docs := suggestAll(t, s, readCorpus(t, filepath.Join(evalDir(t), "polnear", "dev.jsonl")))
	fileAll := func() ([]LibraryTopic, []LibraryDocument) {
		f := s.NewFiler([]ExistingTopic{{Label: "Syria"}})
		var out []LibraryDocument
		var labels []string
		for _, d := range docs {
			out = append(out, f.File(d))
			topics := f.Topics()
			for i, l := range labels {
				if topics[i].Label != l {
					t.Fatalf("topic %d renamed from %q to %q", i, l, topics[i].Label)
				}
			}
			labels = labels[:0]
			for _, topic := range topics {
				labels = append(labels, topic.Label)
			}
		}
		return f.Topics(), out
	}
	topics, filed := fileAll()
	again, filedAgain := fileAll()
	if !reflect.DeepEqual(topics, again) || !reflect.DeepEqual(filed, filedAgain) {
		t.Fatal("filing the same documents twice gave different topics")
	}
	keys := map[string]bool{}
	several := 0
	for _, topic := range topics {
		if keys[topic.Key] {
			t.Errorf("key %q has two topics", topic.Key)
		}
		keys[topic.Key] = true
		if topic.Documents >= 2 {
			several++
		}
	}
	if several < 20 {
		t.Errorf("only %d of %d topics gather quotes of several documents", several, len(topics))
	}
	t.Logf("%d documents filed under %d topics, %d of them with quotes of several documents", len(docs), len(topics), several)
}

// A document's phrase is filed under the library topic with its key: the
// quotes about the “Syrian army” and the “Syrian regime” join “Syria”, and
// no second topic with that key appears.
func TestFilerFindsTopicsByKey(t *testing.T) {
	s := suggester(t)
	text := `Syrian forces shelled the border town again on Monday. "The Syrian army has no right to be here," the mayor said. ` +
		`The Syrian government denied the report. "We will keep fighting the Syrian regime," the commander said.`
	dt, err := s.Document(core.Document{Text: text, Meta: core.Meta{Language: "en"}}, quotesOf(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, suggested := range []bool{false, true} {
		f := s.NewFiler([]ExistingTopic{{Label: "Syria", Suggested: suggested}})
		got := f.File(dt)
		for q := range 2 {
			if a := assignmentIn(got.Quotes[q], "Syria"); a == nil {
				t.Errorf("suggested=%v: quote %d not under Syria: %+v", suggested, q+1, got.Quotes[q])
			}
		}
		for _, topic := range f.Topics()[1:] {
			if topic.Key == "syria" {
				t.Errorf("new topic %+v duplicates “Syria”", topic)
			}
		}
	}
}

// The researcher's topic takes quotes whose sentence names it; a suggested
// one only quotes that say it themselves.
func TestFilerBreadth(t *testing.T) {
	s := suggester(t)
	doc := DocumentTopics{Language: "en", Quotes: make([][]Assignment, 3), Phrases: []Phrase{{
		Key: "sanction", Label: "sanctions", Score: 1, Count: 3,
		Hits: []Hit{{Quote: 0, Near: InQuote, Text: "sanctions"}, {Quote: 1, Near: InSentence, Text: "sanctions"}, {Quote: 2, Near: NextSentence, Text: "sanctions"}},
	}}}
	for _, c := range []struct {
		suggested bool
		want      []bool
	}{{false, []bool{true, true, false}}, {true, []bool{true, false, false}}} {
		got := s.NewFiler([]ExistingTopic{{Label: "Sanctions", Suggested: c.suggested}}).File(doc)
		for q, want := range c.want {
			if (assignmentIn(got.Quotes[q], "Sanctions") != nil) != want {
				t.Errorf("suggested=%v: quote %d under Sanctions = %v, want %v", c.suggested, q+1, !want, want)
			}
		}
	}
}

// A topic the researcher deleted is not suggested again and takes no
// quotes; the labels of topics merged into another file under it.
func TestFilerDismissedAndMergedLabels(t *testing.T) {
	s := suggester(t)
	doc := core.Document{Text: syriaReport, Meta: core.Meta{Language: "en", Title: "Senator criticises Syria withdrawal"}}
	dt, err := s.Document(doc, quotesOf(syriaReport))
	if err != nil {
		t.Fatal(err)
	}
	if findTopic(dt, "Syria") == nil || findTopic(dt, "Kurds") == nil {
		t.Fatalf("the report should suggest Syria and Kurds: %+v", dt.Topics)
	}
	f := s.NewFiler([]ExistingTopic{
		{Label: "Syria", Dismissed: true},
		{Label: "Kurdish fighters", Suggested: true, Also: []string{"Kurds"}},
	})
	got := f.File(dt)
	for _, topic := range f.Topics() {
		if topic.Key == "syria" || topic.Label == "Kurds" {
			t.Errorf("topic %+v came back", topic)
		}
	}
	if f.Topics()[0].Label != "Kurdish fighters" {
		t.Errorf("first topic %+v, want the library's Kurdish fighters", f.Topics()[0])
	}
	kurds := 0
	for q, as := range got.Quotes {
		for _, a := range as {
			switch a.Label {
			case "Syria":
				t.Errorf("quote %d filed under the deleted topic Syria", q+1)
			case "Kurdish fighters":
				kurds++
			}
		}
	}
	if kurds == 0 {
		t.Errorf("no quote filed under Kurdish fighters, which took in Kurds: %+v", got.Quotes)
	}
	if containsString(got.Topics, "Syria") {
		t.Errorf("document topics %q list the deleted topic", got.Topics)
	}
}

// A suggestion whose key holds the key of a library topic is filed under
// it (“Syrian refugees” under “Syria”), in the filer and in Merge, whatever
// the order of the documents; not under a topic the researcher deleted.
func TestNarrowerSuggestionsFileUnderBroaderTopics(t *testing.T) {
	s := suggester(t)
	doc := func(labels ...string) DocumentTopics {
		d := DocumentTopics{Language: "en", Quotes: make([][]Assignment, len(labels))}
		for q, label := range labels {
			d.Topics = append(d.Topics, Topic{Label: label, Key: s.languages["en"].labelKey(label), Score: 1, Quotes: []int{q}})
			d.Quotes[q] = []Assignment{{Label: label, Reason: "the quote mentions “" + label + "”"}}
		}
		return d
	}
	refugees := doc("Syrian refugees", "ISIS fighters")
	for _, c := range []struct {
		existing  []ExistingTopic
		wantUnder string // the library topic of quote 1
	}{
		{[]ExistingTopic{{Label: "Syria", Suggested: true}}, "Syria"},
		{[]ExistingTopic{{Label: "Syria"}}, "Syria"},
		{[]ExistingTopic{{Label: "Syria", Dismissed: true}}, "Syrian refugees"},
		{nil, "Syrian refugees"},
	} {
		f := s.NewFiler(c.existing)
		got := f.File(refugees)
		if len(got.Quotes[0]) != 1 || got.Quotes[0][0].Label != c.wantUnder {
			t.Errorf("under %+v: quote 1 filed %+v, want under %q", c.existing, got.Quotes[0], c.wantUnder)
		}
		if len(got.Quotes[1]) != 1 || got.Quotes[1][0].Label != "ISIS fighters" {
			t.Errorf("under %+v: quote 2 filed %+v, want under its own ISIS fighters", c.existing, got.Quotes[1])
		}
	}
	// Among new suggestions too, in any order of the documents.
	isis := doc("ISIS")
	for _, docs := range [][]DocumentTopics{{refugees, isis}, {isis, refugees}} {
		lib := s.Merge(nil, docs)
		var labels []string
		for _, topic := range lib.Topics {
			labels = append(labels, topic.Label)
		}
		if !reflect.DeepEqual(labels, []string{"ISIS", "Syrian refugees"}) {
			t.Errorf("merged topics %q, want ISIS (with the fighters) and Syrian refugees", labels)
		}
	}
	// The filer files one document at a time: the fighters join ISIS once
	// it is there.
	f := s.NewFiler(nil)
	f.File(isis)
	if got := f.File(refugees); len(f.Topics()) != 2 || got.Quotes[1][0].Label != "ISIS" {
		t.Errorf("filed topics %+v, quotes %+v; want the fighters under ISIS", f.Topics(), got.Quotes)
	}
}

// A suggested topic of the library takes another document's quote only
// when the phrase is a likely topic there (scoring at least minCoverScore
// of that document's best topic); the researcher's topics take every
// quote that names them.
func TestSuggestedTopicsTakeOnlyLikelyTopicsOfOtherDocuments(t *testing.T) {
	s := suggester(t)
	doc := DocumentTopics{Language: "en", Quotes: make([][]Assignment, 2),
		Topics: []Topic{{Label: "coal", Key: "coal", Score: 4, Quotes: []int{0}}},
		Phrases: []Phrase{
			{Key: "approach", Label: "approach", Score: 0.1, Count: 1, Hits: []Hit{{Quote: 1, Near: InQuote, Text: "approach"}}},
			{Key: "miner", Label: "miners", Score: 1, Count: 1, Hits: []Hit{{Quote: 1, Near: InQuote, Text: "miners"}}},
		}}
	doc.Quotes[0] = []Assignment{{Label: "coal", Reason: "the quote mentions “coal”"}}
	for _, suggested := range []bool{true, false} {
		got := s.NewFiler([]ExistingTopic{{Label: "approach", Suggested: suggested}, {Label: "miners", Suggested: true}}).File(doc)
		if (assignmentIn(got.Quotes[1], "approach") != nil) == suggested {
			t.Errorf("suggested=%v: quote 2 under “approach” (score 0.1 of 4) = %v", suggested, !suggested)
		}
		if assignmentIn(got.Quotes[1], "miners") == nil {
			t.Errorf("suggested=%v: quote 2 not under “miners” (score 1 of 4): %+v", suggested, got.Quotes[1])
		}
	}
}
