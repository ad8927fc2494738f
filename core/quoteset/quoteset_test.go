package quoteset

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"verbatim/core"
)

func span(text, sub string) core.Span {
	i := strings.Index(text, sub)
	return core.Span{Start: i, End: i + len(sub)}
}

func sample() Set {
	a := "Pelosi said \"We are committed.\" Schumer said \"He resisted.\""
	b := "«Мы не уйдём», — сказал Путин."
	q := func(id, doc, text, sub, speaker string, topics ...string) Quote {
		sp := span(text, sub)
		return Quote{ID: id, DocumentID: doc, Topics: topics,
			Quote: core.Quote{Span: sp, Fragments: []core.Span{sp}, Speaker: speaker}}
	}
	return Set{
		Documents: []Document{
			{ID: "a", Document: core.Document{Text: a, Meta: core.Meta{Title: "Shutdown"}}},
			{ID: "b", Document: core.Document{Text: b, Meta: core.Meta{Title: "Москва"}}},
			{ID: "c", Document: core.Document{Text: "No quotes here.", Meta: core.Meta{Title: "Empty"}}},
		},
		Quotes: []Quote{
			q("1", "a", a, `"We are committed."`, "Nancy Pelosi", "Criticism"),
			q("2", "a", a, `"He resisted."`, "Chuck Schumer", "Criticism", "Shutdown"),
			q("3", "b", b, "«Мы не уйдём»", "Vladimir Putin", "Syria"),
		},
	}
}

func ids(s Set) (quotes, docs []string) {
	for _, q := range s.Quotes {
		quotes = append(quotes, q.ID)
	}
	for _, d := range s.Documents {
		docs = append(docs, d.ID)
	}
	return quotes, docs
}

func TestSelect(t *testing.T) {
	tests := []struct {
		scope     Scope
		wantQuote []string
		wantDocs  []string
	}{
		{Scope{}, []string{"1", "2", "3"}, []string{"a", "b"}},
		{Scope{Topic: "criticism"}, []string{"1", "2"}, []string{"a"}},
		{Scope{Speaker: "Vladimir Putin"}, []string{"3"}, []string{"b"}},
		{Scope{DocumentID: "a", Topic: "Shutdown"}, []string{"2"}, []string{"a"}},
		{Scope{Search: "УЙДЁМ"}, []string{"3"}, []string{"b"}},
		{Scope{Search: "schumer resisted"}, []string{"2"}, []string{"a"}},
		{Scope{QuoteIDs: []string{"3", "1"}}, []string{"1", "3"}, []string{"a", "b"}},
		{Scope{Topic: "none such"}, nil, nil},
	}
	for _, tt := range tests {
		q, d := ids(sample().Select(tt.scope))
		if !reflect.DeepEqual(q, tt.wantQuote) || !reflect.DeepEqual(d, tt.wantDocs) {
			t.Errorf("Select(%+v) = quotes %v docs %v, want %v %v", tt.scope, q, d, tt.wantQuote, tt.wantDocs)
		}
	}
}

func TestCheckedLeavesOutBadQuotesAndGoesOn(t *testing.T) {
	s := sample()
	s.Quotes = append(s.Quotes,
		Quote{ID: "lost", DocumentID: "zz", Quote: core.Quote{Span: core.Span{Start: 0, End: 3}}},
		Quote{ID: "far", DocumentID: "c", Quote: core.Quote{Span: core.Span{Start: 5, End: 500}}},
		Quote{ID: "nofrag", DocumentID: "c", Quote: core.Quote{Span: core.Span{Start: 0, End: 9},
			Fragments: []core.Span{{Start: 40, End: 50}}}},
		Quote{ID: "messy", DocumentID: "c", Quote: core.Quote{Span: core.Span{Start: 0, End: 15},
			Fragments: []core.Span{{Start: 9, End: 15}, {Start: 0, End: 2}, {Start: 1, End: 8}}}},
	)
	got, problems := s.Checked()
	q, _ := ids(got)
	if want := []string{"1", "2", "3", "nofrag", "messy"}; !reflect.DeepEqual(q, want) {
		t.Errorf("kept %v, want %v", q, want)
	}
	if len(problems) != 2 {
		t.Fatalf("got %d problems, want 2: %v", len(problems), problems)
	}
	var p *Problem
	if !errors.As(problems[0], &p) || p.QuoteID != "lost" || !strings.Contains(p.Message, "not in the selection") {
		t.Errorf("first problem = %v", problems[0])
	}
	if !strings.Contains(problems[1].Error(), "“Empty”") {
		t.Errorf("second problem should name the article: %v", problems[1])
	}
	if f := got.Quotes[3].Fragments; len(f) != 1 || f[0] != (core.Span{Start: 0, End: 9}) {
		t.Errorf("quote without usable fragments should fall back to its span, got %v", f)
	}
	if f, want := got.Quotes[4].Fragments, []core.Span{{Start: 0, End: 2}, {Start: 9, End: 15}}; !reflect.DeepEqual(f, want) {
		t.Errorf("fragments out of order and overlapping: got %v, want %v", f, want)
	}
}

func TestScopeTitleNamesWhatTheScopeKeeps(t *testing.T) {
	for _, c := range []struct {
		scope Scope
		want  string
	}{
		{Scope{}, ""},
		{Scope{Topic: "Syria withdrawal"}, "Quotes on: Syria withdrawal"},
		{Scope{Speaker: "Angela Merkel", Search: "tax"}, "Quotes by: Angela Merkel"},
		{Scope{Search: "tax cuts"}, "Quotes matching: “tax cuts”"},
		{Scope{QuoteIDs: []string{"4", "9"}}, "Selected quotes"},
		{Scope{DocumentID: "12"}, ""},
	} {
		if got := c.scope.Title(); got != c.want {
			t.Errorf("%+v: title %q, want %q", c.scope, got, c.want)
		}
	}
}
