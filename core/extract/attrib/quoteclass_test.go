package attrib

import (
	"strings"
	"testing"

	"verbatim/core"
)

func TestQuoteFeatureNamesAreUnique(t *testing.T) {
	names := QuoteFeatureNames()
	if len(names) != int(numQuoteFeatures) || len(quoteBaseNames) != int(qRuleFirst) {
		t.Fatalf("%d names for %d features (%d base names for %d)", len(names), numQuoteFeatures, len(quoteBaseNames), qRuleFirst)
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] || strings.ContainsAny(n, " \t") {
			t.Errorf("feature name %q repeated or with a space", n)
		}
		seen[n] = true
	}
	for _, lang := range []string{"en", "de"} {
		if loadQuoteModels()[lang] == nil {
			t.Errorf("no embedded quote classifier for %s", lang)
		}
	}
}

func TestIsTranscriptLine(t *testing.T) {
	for s, want := range map[string]bool{
		`"WALLACE: Let’s start.`:     true,
		`“SEN. SMITH: No.”`:          true,
		`"Follow Pam Key.`:           false,
		`"US: a country`:             true,
		`"A: one letter is no label`: false,
	} {
		if got := isTranscriptLine(s); got != want {
			t.Errorf("isTranscriptLine(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNewsQuoteClassifier(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []core.NonQuoteKind // per quote, in order
	}{
		{"en", "“We are done,” the mayor said. She was a guest on the show “Face the Nation” on Sunday.",
			[]core.NonQuoteKind{"", core.NonQuoteTitle}},
		{"en", "Partial transcript as follows:\n\n\"WALLACE: Will she be there?\n\n\"PENCE: No. She will not.\n\n\"WALLACE: Thank you.\"",
			[]core.NonQuoteKind{core.NonQuotePassage}},
		{"en", "Why are you voting for him, unless simply because \"she\" is a \"he\"? \"I will vote for her,\" she said.",
			[]core.NonQuoteKind{core.NonQuoteTerm, core.NonQuoteTerm, ""}},
		{"en", "Libertarians pick a running mate\n\nThe party nominated podcast host Jeremy \"Spike\" Cohen. Rep. Robert C. \"Bobby\" Scott said \"We will win.\"",
			[]core.NonQuoteKind{core.NonQuoteTerm, core.NonQuoteTerm, ""}},
		{"en", "“We lost,” said Steven Brill, author of “America’s Bitter Pill,” a history. He is now host of “The Nightly Show with Larry Wilmore.” She was the author of “a lot of lies,” he said.",
			[]core.NonQuoteKind{"", core.NonQuoteTitle, core.NonQuoteTitle, ""}},
		{"en", "“It was fine,” Pence said on CNN's “State of the Union.”\n\n“Trump is a fraud,” Perez said on NBC's “Meet the Press.” “Listening to him is absurd.”",
			[]core.NonQuoteKind{"", core.NonQuoteTitle, "", "", ""}},
		{"en", "It was part of Newt Gingrich’s 1994 “Contract with America.” In 2016 “We will win,” he said.",
			[]core.NonQuoteKind{core.NonQuoteTitle, ""}},
		{"de", "Das Buch trägt den Titel „Eine unbequeme Wahrheit“. „Wir kämpfen gegen ein Monster“, sagte der Gouverneur.",
			[]core.NonQuoteKind{core.NonQuoteTitle, ""}},
		// Fields of comma-separated data and web addresses are no one's
		// words; a quotation glued to a comma in prose still is.
		{"en", "file,date,title,url\nfan-expo.txt,2019-09-02,\"Fan Expo Canada 2019 offers celebrities, cosplay, panels\",\"https://en.wikinews.org//wiki/Fan_Expo_Canada_2019\",13",
			[]core.NonQuoteKind{core.NonQuotePassage, core.NonQuotePassage}},
		{"en", "Ryan said,“Look, anti-Semitic images, they’ve got no place in a presidential campaign.”\n\nThe page \"https://en.wikinews.org/wiki/Main_Page\" was down.",
			[]core.NonQuoteKind{"", core.NonQuoteTitle}},
	} {
		quotes := attributeNews(t, tc.text, tc.lang)
		if len(quotes) != len(tc.want) {
			t.Errorf("%q: %d quotes, want %d", tc.text, len(quotes), len(tc.want))
			continue
		}
		for k, q := range quotes {
			if q.NonQuote != tc.want[k] {
				t.Errorf("%q quote %d %q: non-quote %q, want %q", tc.text, k, q.Span.In(tc.text), q.NonQuote, tc.want[k])
			}
		}
	}
}
