package eval

import (
	"errors"
	"strings"
	"testing"
)

func TestTrim(t *testing.T) {
	tests := []struct {
		text string
		span [2]int
		want string
	}{
		{`“Yes,” he said`, [2]int{0, 6}, "Yes"},
		{`„Nein!“`, [2]int{0, 7}, "Nein"},
		{`" — "`, [2]int{0, 5}, ""},
		{`abc`, [2]int{-3, 10}, "abc"},
	}
	for _, tt := range tests {
		text := []rune(tt.text)
		got := trim(text, tt.span)
		if s := string(text[got[0]:got[1]]); s != tt.want {
			t.Errorf("trim(%q, %v) = %q, want %q", tt.text, tt.span, s, tt.want)
		}
	}
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"Mrs. Beaver":               "mrs beaver",
		"  MRS   Beaver ":           "mrs beaver",
		"Thérèse De Vitré'S Father": "thérèse de vitrés father",
		"":                          "",
	} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The text has curly quotes before the quotes so that byte and code point
// offsets differ.
const newsText = "“Hi,” he said. “We are done,” Putin said, “and we leave.” Then “nothing”."

func newsDoc() *GoldDoc {
	return &GoldDoc{ID: "n1", Source: "PolNeAR", Text: newsText, Quotes: []GoldQuote{
		{Start: 15, End: 57, Speaker: "Putin", SpeakerSpans: [][2]int{{30, 35}},
			QuotedSegments: [][2]int{{15, 29}, {41, 57}}},
	}}
}

func TestAddMatchesSegmentsAndMentions(t *testing.T) {
	tests := []struct {
		name                         string
		preds                        []Predicted
		predicted, matched, exact    int
		mentionCorrect, mentionTotal int
		wantKinds                    []string
	}{
		{"fragments, right mention", []Predicted{
			{Start: 15, End: 57, Fragments: [][2]int{{15, 29}, {41, 57}}, Mention: [2]int{30, 35}, HasMention: true},
		}, 2, 2, 2, 2, 2, nil},
		{"one span over both pieces matches neither", []Predicted{
			{Start: 15, End: 57},
		}, 1, 0, 0, 0, 0, []string{"spurious", "missed", "missed"}},
		{"extra quote and wrong mention", []Predicted{
			{Start: 0, End: 5},
			{Start: 15, End: 29, Mention: [2]int{5, 7}, HasMention: true},
		}, 2, 1, 1, 0, 1, []string{"spurious", "mention", "missed"}},
		{"half overlap is enough", []Predicted{
			{Start: 15, End: 22},
		}, 1, 1, 0, 0, 1, []string{"mention", "missed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReport()
			r.Add(newsDoc(), tt.preds, Options{Findings: true})
			if r.Gold != 2 || r.Predicted != tt.predicted || r.Matched != tt.matched || r.Exact != tt.exact {
				t.Errorf("gold %d predicted %d matched %d exact %d; want 2 %d %d %d",
					r.Gold, r.Predicted, r.Matched, r.Exact, tt.predicted, tt.matched, tt.exact)
			}
			if r.Mention.Correct != tt.mentionCorrect || r.Mention.Total != tt.mentionTotal {
				t.Errorf("mention %d/%d, want %d/%d", r.Mention.Correct, r.Mention.Total, tt.mentionCorrect, tt.mentionTotal)
			}
			var kinds []string
			for _, f := range r.Findings {
				kinds = append(kinds, f.Kind)
			}
			if strings.Join(kinds, ",") != strings.Join(tt.wantKinds, ",") {
				t.Errorf("findings %v, want %v", kinds, tt.wantKinds)
			}
		})
	}
}

func TestMatchingIsOneToOne(t *testing.T) {
	r := NewReport()
	r.Add(newsDoc(), []Predicted{{Start: 15, End: 29}, {Start: 16, End: 29}}, Options{})
	if r.Matched != 1 || r.Predicted != 2 {
		t.Fatalf("matched %d of %d predictions, want 1 of 2", r.Matched, r.Predicted)
	}
	if got := r.Precision(); got != 0.5 {
		t.Errorf("precision %v, want 0.5", got)
	}
	if got := r.Recall(); got != 0.5 {
		t.Errorf("recall %v, want 0.5", got)
	}
}

func TestSpeakerNameByQuoteType(t *testing.T) {
	doc := &GoldDoc{ID: "p", Source: "PDNC", Text: `"Yes," said Mrs Beaver. "No." "Maybe."`, Quotes: []GoldQuote{
		{Start: 1, End: 5, Fragments: [][2]int{{1, 5}}, Speaker: "Mrs Beaver", SpeakerMainName: "Mrs. Beaver", QuoteType: "Explicit"},
		{Start: 25, End: 28, Fragments: [][2]int{{25, 28}}, SpeakerMainName: "John Beaver", SpeakerMentions: []string{"John", "Beaver"}, QuoteType: "Implicit"},
		{Start: 31, End: 37, Fragments: [][2]int{{31, 37}}, SpeakerMainName: "Tony", QuoteType: "Anaphoric"},
	}}
	r := NewReport()
	r.Add(doc, []Predicted{
		{Start: 0, End: 6, Speaker: "mrs. beaver"},
		{Start: 24, End: 29, Speaker: "john"},
		{Start: 30, End: 38, Speaker: "Brenda"},
	}, Options{})
	want := map[string]Count{"all": {2, 3}, "Explicit": {1, 1}, "Implicit": {1, 1}, "Anaphoric": {0, 1}}
	for k, w := range want {
		if c := r.Speaker[k]; c == nil || *c != w {
			t.Errorf("speaker[%s] = %v, want %v", k, c, w)
		}
	}
	if r.Mention.Total != 0 {
		t.Errorf("PDNC has no speaker spans, but mention total is %d", r.Mention.Total)
	}
}

func TestReadCorpusReportsBadLines(t *testing.T) {
	in := `{"id":"a","source":"PolNeAR","text":"x","quotes":[]}
not json

{"id":"b","text":"y","quotes":[{"start":0,"end":1}]}
`
	docs, err := ReadCorpus(strings.NewReader(in))
	if len(docs) != 2 || docs[1].ID != "b" || len(docs[1].Quotes) != 1 {
		t.Fatalf("docs = %+v", docs)
	}
	var list errorList
	if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want one error naming line 2", err)
	}
}
