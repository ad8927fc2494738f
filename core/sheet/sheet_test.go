package sheet

import (
	"reflect"
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/quoteset"
)

func headings(sh Sheet) []string {
	var out []string
	for _, g := range sh.Groups {
		out = append(out, g.Heading)
	}
	return out
}

func TestBuildMockup(t *testing.T) {
	sh, problems := Build(mockupSet(t), mockupOptions())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	wantHeads := []string{"Nancy Pelosi", "Chuck Schumer", "Adam Schiff", "Dick Durbin", "Brett McGurk", "Lindsey Graham"}
	if got := headings(sh); !reflect.DeepEqual(got, wantHeads) {
		t.Errorf("groups %v, want %v", got, wantHeads)
	}
	if sh.Groups[0].Subheading != "Speaker of the House" {
		t.Errorf("Pelosi's role = %q", sh.Groups[0].Subheading)
	}
	if want := "8 quotes from 2 articles · grouped by speaker · articles in date order"; sh.Summary != want {
		t.Errorf("summary %q, want %q", sh.Summary, want)
	}
	if want := "Quotes on: Criticism of the president · 8 quotes from 2 articles"; sh.Footer != want {
		t.Errorf("footer %q", sh.Footer)
	}
	if sh.Generated != "Generated 26 November 2026" {
		t.Errorf("generated %q", sh.Generated)
	}
	graham := sh.Groups[5].Quotes[0]
	if len(graham.Fragments) != 2 || graham.Joins[0] != "Graham continued." || graham.Paragraph != 9 {
		t.Errorf("Graham's quote: %d fragments, joins %q, ¶ %d", len(graham.Fragments), graham.Joins, graham.Paragraph)
	}
	if !strings.HasPrefix(graham.Fragments[1], "“[T]his") || !strings.HasSuffix(graham.Fragments[1], "soon see.”") {
		t.Errorf("second fragment %q", graham.Fragments[1])
	}
	if got := sh.Groups[4].Quotes[0].Fragments[0]; !strings.Contains(got, "The ‘United States’ is") {
		t.Errorf("nested quote not single-quoted: %q", got)
	}
	wantSources := []Source{
		{Title: "President Trump says he ‘can’ and ‘may’ put US into state of emergency to build border wall", Outlet: "Wikinews", Date: "2019-01-07", Quotes: 5, Scope: "topic"},
		{Title: "US President Trump announces troop withdrawal from Syria", Outlet: "Wikinews", Date: "2019-10-08", Quotes: 3, Scope: "topic"},
	}
	for i := range sh.Sources {
		sh.Sources[i].URL = ""
	}
	if !reflect.DeepEqual(sh.Sources, wantSources) {
		t.Errorf("sources\n got %+v\nwant %+v", sh.Sources, wantSources)
	}
}

// small is two short articles, listed newest first, with quotes on topics.
func small() quoteset.Set {
	a := `Smith said "one". Jones said "two". Smith added "three".`
	b := `Lee said "four".`
	q := func(id, doc, text, sub, speaker string, topics ...string) quoteset.Quote {
		i := strings.Index(text, sub)
		sp := core.Span{Start: i, End: i + len(sub)}
		out := quoteset.Quote{ID: id, DocumentID: doc, Topics: topics}
		out.Span, out.Fragments, out.Speaker = sp, []core.Span{sp}, speaker
		return out
	}
	return quoteset.Set{
		Documents: []quoteset.Document{
			{ID: "new", Document: core.Document{Text: b, Meta: core.Meta{Title: "New", Date: "2020-05-01", Outlet: "Daily"}}},
			{ID: "old", Document: core.Document{Text: a, Meta: core.Meta{Title: "Old", Date: "2019-03-02"}}},
			{ID: "undated", Document: core.Document{Text: `X said "five".`, Meta: core.Meta{Title: "Undated"}}},
		},
		Quotes: []quoteset.Quote{
			q("4", "new", b, `"four"`, "Lee", "Budget"),
			q("1", "old", a, `"one"`, "Smith", "Budget", "Wall"),
			q("2", "old", a, `"two"`, "Jones"),
			q("3", "old", a, `"three"`, "Smith", "Wall"),
			q("5", "undated", `X said "five".`, `"five"`, ""),
		},
	}
}

func quoteTexts(g Group) string {
	var out []string
	for _, q := range g.Quotes {
		out = append(out, strings.Join(q.Fragments, " "))
	}
	return strings.Join(out, " ")
}

func TestBuildGroupingAndOrder(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		heads  []string
		quotes []string // each group's quotes
	}{
		{"speaker by date", Options{GroupBy: BySpeaker, Order: ByDate},
			[]string{"Smith", "Jones", "Lee", "Unknown speaker"}, []string{"“one” “three”", "“two”", "“four”", "“five”"}},
		{"speaker in library order", Options{GroupBy: BySpeaker, Order: InDocumentOrder},
			[]string{"Lee", "Smith", "Jones", "Unknown speaker"}, []string{"“four”", "“one” “three”", "“two”", "“five”"}},
		{"topic, a quote under each of its topics", Options{GroupBy: ByTopic},
			[]string{"Budget", "Wall", "No topic"}, []string{"“one” “four”", "“one” “three”", "“two” “five”"}},
		{"document", Options{GroupBy: ByDocument},
			[]string{"Old", "New", "Undated"}, []string{"“one” “two” “three”", "“four”", "“five”"}},
		{"none", Options{GroupBy: NoGroups},
			[]string{""}, []string{"“one” “two” “three” “four” “five”"}},
		{"scope speaker", Options{Scope: quoteset.Scope{Speaker: "smith"}},
			[]string{"Smith"}, []string{"“one” “three”"}},
		{"selected already: the scope only names it", Options{Scope: quoteset.Scope{Search: "zebra"}, Selected: true},
			[]string{"Smith", "Jones", "Lee", "Unknown speaker"}, []string{"“one” “three”", "“two”", "“four”", "“five”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, problems := Build(small(), tt.opts)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if got := headings(sh); !reflect.DeepEqual(got, tt.heads) {
				t.Fatalf("headings %q, want %q", got, tt.heads)
			}
			for i, g := range sh.Groups {
				if got := quoteTexts(g); got != tt.quotes[i] {
					t.Errorf("group %q: %s, want %s", g.Heading, got, tt.quotes[i])
				}
			}
		})
	}
}

func TestBuildTitlesAndSources(t *testing.T) {
	tests := []struct {
		scope quoteset.Scope
		title string
	}{
		{quoteset.Scope{}, "Quote sheet"},
		{quoteset.Scope{Topic: "Wall"}, "Quotes on: Wall"},
		{quoteset.Scope{Speaker: "Smith"}, "Quotes by: Smith"},
		{quoteset.Scope{DocumentID: "old"}, "Quotes from: “Old”"},
		{quoteset.Scope{Search: `"three"`}, "Quotes matching: “‘three’”"},
		{quoteset.Scope{QuoteIDs: []string{"1"}}, "Selected quotes"},
	}
	for _, tt := range tests {
		sh, _ := Build(small(), Options{Scope: tt.scope})
		if sh.Title != tt.title {
			t.Errorf("scope %+v: title %q, want %q", tt.scope, sh.Title, tt.title)
		}
	}
	sh, _ := Build(small(), Options{GroupBy: ByDocument})
	if got := sh.Groups[1].Subheading; got != "Daily · 1"+nbsp+"May"+nbsp+"2020" {
		t.Errorf("document subheading %q", got)
	}
	if len(sh.Sources) != 3 || sh.Sources[0].Title != "Old" || sh.Sources[0].Quotes != 3 || sh.Sources[0].Scope != "sheet" {
		t.Errorf("sources %+v", sh.Sources)
	}
}

func TestBuildReportsBadQuotesAndGoesOn(t *testing.T) {
	set := small()
	set.Quotes = append(set.Quotes, quoteset.Quote{ID: "bad", DocumentID: "old",
		Quote: core.Quote{Span: core.Span{Start: 10, End: 9999}}})
	sh, problems := Build(set, Options{GroupBy: NoGroups})
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "quote bad") {
		t.Errorf("problems %v, want one about quote bad", problems)
	}
	if n := len(sh.Groups[0].Quotes); n != 5 {
		t.Errorf("%d quotes printed, want the 5 good ones", n)
	}
}

func TestParseGroupByAndOrder(t *testing.T) {
	for _, s := range []string{"speaker", "Topic", " document ", "none"} {
		g, err := ParseGroupBy(s)
		if err != nil || g.String() != strings.ToLower(strings.TrimSpace(s)) {
			t.Errorf("ParseGroupBy(%q) = %v, %v", s, g, err)
		}
	}
	if _, err := ParseGroupBy("outlet"); err == nil || !strings.Contains(err.Error(), "outlet") {
		t.Errorf("ParseGroupBy(outlet) error = %v", err)
	}
	if o, err := ParseOrder("document"); err != nil || o != InDocumentOrder {
		t.Errorf("ParseOrder(document) = %v, %v", o, err)
	}
	if _, err := ParseOrder("size"); err == nil {
		t.Error("ParseOrder(size) should fail")
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		in        string
		long      bool
		want      string
		wantShort string
	}{
		{"2019-01-07", true, "7 January 2019", "7 Jan 2019"},
		{"2019-10-08T14:00:00Z", true, "8 October 2019", "8 Oct 2019"},
		{"2019-10", true, "October 2019", "Oct 2019"},
		{"2019", true, "2019", "2019"},
		{"last Tuesday", true, "last Tuesday", "last Tuesday"},
		{"", true, "", ""},
	}
	for _, tt := range tests {
		if got := strings.ReplaceAll(formatDate(tt.in, true), nbsp, " "); got != tt.want {
			t.Errorf("formatDate(%q, long) = %q, want %q", tt.in, got, tt.want)
		}
		if got := strings.ReplaceAll(formatDate(tt.in, false), nbsp, " "); got != tt.wantShort {
			t.Errorf("formatDate(%q, short) = %q, want %q", tt.in, got, tt.wantShort)
		}
	}
}

func TestQuoteWithCitation(t *testing.T) {
	got, err := QuoteWithCitation(mockupSet(t), "g1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "“ISIS is not defeated [...]") || !strings.Contains(got, "very low” [Graham continued.] “[T]his") {
		t.Errorf("quote part: %.120q", got)
	}
	if want := "\n— Lindsey Graham, in “US President Trump announces troop withdrawal from Syria”, Wikinews, 8 Oct 2019, ¶ 9"; !strings.HasSuffix(got, want) {
		t.Errorf("citation part: %q", got[strings.Index(got, "\n"):])
	}
	if _, err := QuoteWithCitation(mockupSet(t), "nope"); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing quote: %v", err)
	}
}
