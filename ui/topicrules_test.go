package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"verbatim/core/topics"
	"verbatim/storage"
)

// matching counts the library's quotes that rule matches.
func matching(t *testing.T, lib *storage.Library, rule topics.Rule) int {
	t.Helper()
	rows, err := lib.Quotes(context.Background(), storage.QuoteFilter{}, storage.SortDocumentOrder, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if rule.Matches(r.Text) {
			n++
		}
	}
	return n
}

func TestKeywordRulesPutQuotesInATopicAndSayWhy(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	w := tw.Window
	tw.createTopic("Town life", nil)
	topic := topicNamed(t, tw, "Town life")
	if item := menuItem(t, tw.topicMenu(topic), "Keyword rules"); item.Action == nil {
		t.Fatal("the topic's menu has no keyword rules")
	}
	menuItem(t, tw.topicMenu(topic), "Keyword rules").Action()

	d := tw.rulesDlg
	test.Type(d.terms, "harbour, Sunday\n cent ")
	d.match.SetSelected(matchAny)
	test.Tap(inDialog(t, w, buttonLabelled("Apply")))

	want := topics.Rule{Terms: []string{"harbour", "Sunday", "cent"}}
	topic = topicNamed(t, tw, "Town life")
	if !reflect.DeepEqual(topic.Rules, []topics.Rule{want}) {
		t.Errorf("rules %+v, want %+v", topic.Rules, want)
	}
	n := matching(t, tw.lib, want)
	if n < 3 || topic.Count != n {
		t.Fatalf("the topic holds %d quotes; %d match the rule", topic.Count, n)
	}
	if said := tw.status.summary.text; !strings.Contains(said, plural(n, "quote matches", "quotes match")) {
		t.Errorf("status bar %q should say how many quotes matched (%d)", said, n)
	}
	if r := tw.sidebar.rows[topicKey(topic.ID)]; r == nil || r.look.count != n {
		t.Error("the sidebar should count the rule's quotes")
	}

	// Why a quote has the topic: its menu and the source pane say so.
	q := tw.selectQuote("bring jobs")
	item := menuItem(t, tw.quoteMenu(tw.reread(q.ID)), "Town life")
	if !strings.HasPrefix(item.Label, "Town life — keyword rule: ") || !strings.Contains(item.Label, "harbour") {
		t.Errorf("the quote's menu says %q", item.Label)
	}
	if !tw.source.reasons.Visible() || !strings.Contains(tw.source.reasons.text, "Town life (keyword rule") {
		t.Errorf("the selected quote's strip says %q", tw.source.reasons.text)
	}

	// Taking it off one quote wins over the rule, even when the rule is set again.
	menuItem(t, item.ChildMenu, "Take off").Action()
	if topicNamed(t, tw, "Town life").Count != n-1 {
		t.Error("taking the topic off a quote should leave the others")
	}
	menuItem(t, tw.topicMenu(topicNamed(t, tw, "Town life")), "Keyword rules").Action()
	if got := tw.rulesDlg.terms.Text; got != "harbour\nSunday\ncent" {
		t.Errorf("the dialog starts from %q, want the rule's terms", got)
	}
	tw.rulesDlg.match.SetSelected(matchAll)
	test.Tap(inDialog(t, w, buttonLabelled("Apply")))
	if got := topicNamed(t, tw, "Town life"); len(got.Rules) != 1 || !got.Rules[0].All || got.Count != 0 {
		t.Errorf("with every term needed the topic is %+v; no quote has all three", got)
	}

	// Undo takes back the rules one change at a time.
	tw.Undo()
	if got := topicNamed(t, tw, "Town life"); got.Count != n-1 || got.Rules[0].All {
		t.Errorf("after undo the topic is %+v, want the any-rule back without the quote taken off", got)
	}
	tw.Undo()
	tw.Undo()
	if got := topicNamed(t, tw, "Town life"); got.Count != 0 || len(got.Rules) != 0 {
		t.Errorf("after undoing everything the topic is %+v", got)
	}
}

func TestKeywordRulesAreOfferedForTheResearchersTopicsOnly(t *testing.T) {
	for _, tc := range []struct {
		origin storage.TopicOrigin
		want   bool
	}{{storage.TopicUser, true}, {storage.TopicSuggested, false}} {
		tw := newTestWindow(t)
		has := false
		for _, it := range tw.topicMenu(storage.Topic{ID: 1, Name: "Syria", Origin: tc.origin}).Items {
			has = has || strings.HasPrefix(it.Label, "Keyword rules")
		}
		if has != tc.want {
			t.Errorf("a %s topic offers keyword rules: %v", tc.origin, has)
		}
	}
}

func TestSplitTerms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"sanctions", []string{"sanctions"}},
		{"sanctions, trade  ban\n\nembargo,", []string{"sanctions", "trade ban", "embargo"}},
		{" , \n ", nil},
	} {
		if got := splitTerms(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitTerms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestChipReasons(t *testing.T) {
	for _, tc := range []struct {
		chip storage.TopicChip
		want string
	}{
		{storage.TopicChip{LinkOrigin: storage.LinkUser, Reason: "assigned by you"}, "assigned by you"},
		{storage.TopicChip{LinkOrigin: storage.LinkRule, Reason: "keyword rule: sanctions"}, "keyword rule: sanctions"},
		{storage.TopicChip{LinkOrigin: storage.LinkSuggested, Reason: "the quote mentions “Syria”"}, "suggested: the quote mentions “Syria”"},
		{storage.TopicChip{LinkOrigin: storage.LinkSuggested}, "suggested by Verbatim"},
		// An accepted topic is no suggestion any more.
		{storage.TopicChip{LinkOrigin: storage.LinkSuggested, TopicOrigin: storage.TopicUser, Reason: "the quote mentions “Syria”"},
			"found by Verbatim: the quote mentions “Syria”"},
		{storage.TopicChip{LinkOrigin: storage.LinkSuggested, TopicOrigin: storage.TopicUser}, "found by Verbatim"},
	} {
		if got := chipReason(tc.chip); got != tc.want {
			t.Errorf("chipReason(%+v) = %q, want %q", tc.chip, got, tc.want)
		}
	}
}
