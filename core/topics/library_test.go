package topics

import (
	"path/filepath"
	"reflect"
	"testing"

	"verbatim/core"
)

// suggestAll suggests topics for every document.
func suggestAll(t testing.TB, s *Suggester, docs []evalDoc) []DocumentTopics {
	t.Helper()
	out := make([]DocumentTopics, len(docs))
	for i, d := range docs {
		out[i], _ = s.Document(d.doc, d.quotes)
	}
	return out
}

func labelsOf(lib Library) []string {
	var labels []string
	for _, t := range lib.Topics {
		labels = append(labels, t.Label)
	}
	return labels
}

// Adding documents never renames or drops a topic the library has: the
// topics of the first import come back unchanged, first and in order, when
// more documents arrive.
func TestMergeKeepsExistingTopics(t *testing.T) {
	s := suggester(t)
	docs := suggestAll(t, s, readCorpus(t, filepath.Join(evalDir(t), "polnear", "dev.jsonl")))
	first := s.Merge(nil, docs[:40])
	existing := labelsOf(first)
	if len(existing) < 40 {
		t.Fatalf("only %d topics from 40 documents", len(existing))
	}
	for step := 40; step < len(docs); step += 11 {
		end := min(step+11, len(docs))
		lib := s.Merge(existing, docs[step:end])
		labels := labelsOf(lib)
		if !reflect.DeepEqual(labels[:len(existing)], existing) {
			t.Fatalf("documents %d–%d renamed or moved existing topics", step, end)
		}
		for i, topic := range lib.Topics {
			if topic.Existing != (i < len(existing)) {
				t.Fatalf("topic %q: Existing = %v", topic.Label, topic.Existing)
			}
		}
		seen := map[string]bool{}
		for _, l := range labels {
			if seen[l] {
				t.Fatalf("label %q twice", l)
			}
			seen[l] = true
		}
		existing = labels
	}
}

// A new document's quotes join the existing topic their key phrase names,
// whatever the document's own suggestions.
func TestMergeAssignsQuotesToExistingTopics(t *testing.T) {
	s := suggester(t)
	text := `The European Union agreed new sanctions on Friday. "These sanctions will hurt the regime," the minister said. "We stand with the people of Syria," she added.`
	doc := core.Document{Text: text, Meta: core.Meta{Language: "en"}}
	dt, err := s.Document(doc, quotesOf(text))
	if err != nil {
		t.Fatal(err)
	}
	lib := s.Merge([]string{"Syrian civil war", "Sanctions", "Syria"}, []DocumentTopics{dt})
	got := lib.Documents[0].Quotes
	if a := assignmentIn(got[0], "Sanctions"); a == nil || a.Reason != "the quote mentions “sanctions”" {
		t.Errorf("quote 1 not under the user's topic “Sanctions”: %+v", got[0])
	}
	if a := assignmentIn(got[1], "Syria"); a == nil {
		t.Errorf("quote 2 not under the existing topic “Syria”: %+v", got[1])
	}
	if lib.Topics[1].Label != "Sanctions" || lib.Topics[1].Quotes < 1 || lib.Topics[1].Documents != 1 {
		t.Errorf("topic Sanctions: %+v", lib.Topics[1])
	}
	if lib.Topics[0].Quotes != 0 {
		t.Errorf("“Syrian civil war” got quotes it does not name: %+v", lib.Topics[0])
	}
	for _, topic := range lib.Topics[3:] {
		if topic.Key == "sanction" || topic.Key == "syria" {
			t.Errorf("new topic %+v duplicates an existing one", topic)
		}
	}
}

// The library's topics do not depend on the order documents come in.
func TestMergeIgnoresDocumentOrder(t *testing.T) {
	s := suggester(t)
	docs := suggestAll(t, s, readArticles(t))
	reversed := make([]DocumentTopics, len(docs))
	for i, d := range docs {
		reversed[len(docs)-1-i] = d
	}
	a, b := s.Merge([]string{"ISIS"}, docs), s.Merge([]string{"ISIS"}, reversed)
	if !reflect.DeepEqual(a.Topics, b.Topics) {
		t.Errorf("topics depend on the order of documents:\n%v\n%v", labelsOf(a), labelsOf(b))
	}
	for i := range docs {
		if !reflect.DeepEqual(a.Documents[i], b.Documents[len(docs)-1-i]) {
			t.Errorf("document %d's topics depend on the order of documents", i)
		}
	}
	if a.Topics[0].Documents < 1 || a.Topics[0].Quotes < 7 {
		t.Errorf("existing topic ISIS: %+v", a.Topics[0])
	}
}

// Topics of several documents are listed first, and one topic gathers the
// quotes of every document that names it.
func TestMergeGroupsAcrossDocuments(t *testing.T) {
	s := suggester(t)
	lib := s.Merge(nil, suggestAll(t, s, readCorpus(t, filepath.Join(evalDir(t), "polnear", "dev.jsonl"))))
	if lib.Topics[0].Documents < 3 {
		t.Errorf("the first topic %+v is not one of several documents", lib.Topics[0])
	}
	for i := 1; i < len(lib.Topics); i++ {
		p, q := lib.Topics[i-1], lib.Topics[i]
		if q.Documents == 0 || q.Quotes == 0 || p.Documents < q.Documents || p.Documents == q.Documents && p.Quotes < q.Quotes {
			t.Fatalf("topics out of order or empty: %+v before %+v", p, q)
		}
	}
	t.Logf("library of PolNeAR dev: %d topics; first %v", len(lib.Topics), labelsOf(lib)[:10])
}

func assignmentIn(as []Assignment, label string) *Assignment {
	for i := range as {
		if as[i].Label == label {
			return &as[i]
		}
	}
	return nil
}
