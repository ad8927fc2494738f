package attrib

import (
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
	"verbatim/core/extract/scan"
)

func TestFeatureNamesAreUnique(t *testing.T) {
	names := FeatureNames()
	if len(names) != int(numFeatures) {
		t.Fatalf("%d names for %d features", len(names), numFeatures)
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] || strings.ContainsAny(n, " \t") {
			t.Errorf("feature name %q repeated or with a space", n)
		}
		seen[n] = true
	}
}

func TestEmbeddedRankersLoad(t *testing.T) {
	rankers := loadRankers()
	for _, lang := range []string{"en", "de"} {
		r := rankers[lang]
		if r == nil {
			t.Fatalf("no ranker for %s", lang)
		}
		// A cue right after a mention in the quote's sentence is the
		// strongest evidence there is; a trained model must reward it.
		nonZero := 0
		for _, w := range r.weights {
			if w != 0 {
				nonZero++
			}
		}
		if nonZero < 20 {
			t.Errorf("%s ranker has %d non-zero weights: not trained?", lang, nonZero)
		}
	}
}

func TestParseRankerErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"name 1.5\nbogus-feature 2\n", `unknown feature "bogus-feature"`},
		{"# comment\nname\n", "line 2: want FEATURE WEIGHT"},
		{"name x\n", "line 1:"},
	} {
		_, err := ParseRanker(tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseRanker(%q) = %v, want error containing %q", tc.data, err, tc.want)
		}
	}
	r, err := ParseRanker("name 1.5\nat:before&cue-right -0.25\n")
	if err != nil || r.score([]feature{fName}) != 1.5 || r.score([]feature{cross(locBefore, 4)}) != -0.25 {
		t.Errorf("ParseRanker: %v, weights %v", err, r)
	}
}

// attributeNews runs the scanner and the attribution over a news text.
func attributeNews(t *testing.T, text, lang string) []core.Quote {
	t.Helper()
	res := scan.New().Scan(text)
	var quotes []core.Quote
	for _, q := range res.Quotes {
		quotes = append(quotes, core.Quote{Span: q.Span, Fragments: q.Fragments, Unclosed: q.Unclosed})
	}
	return New(lexicon.MustLoadAll()).Attribute(Input{Text: text, Lang: lang, Paragraphs: res.Paragraphs, Quotes: quotes})
}

func TestRankerFindsNewsSpeakers(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string // mention of each quote, in order
	}{
		{"en", "Trump tweeted in the early morning hours that Machado was “disgusting” and “a con.”",
			[]string{"Trump", "Trump"}},
		{"en", "Stumpf explained earlier in the committee hearing that these employees were “well-paid,” making $30,000 a year.",
			[]string{"Stumpf"}},
		{"en", "Clinton says she hopes to be elected president, but she knows that “LeBron will always be the king.”",
			[]string{"Clinton"}},
		{"en", "“It’s a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.",
			[]string{"Rep. Gwen Moore"}},
		{"de", "Der Vorsitzende des Verbands, Michael Knipper, kritisierte die Entscheidung der BaFin scharf: „Die BaFin muss sich fragen lassen.“",
			[]string{"Der Vorsitzende des Verbands"}},
		{"de", "„Wir kämpfen gegen ein Monster“, sagte der Gouverneur.",
			[]string{"der Gouverneur"}},
		{"en", "“That is not the question,” put in Senator Graham.",
			[]string{"Senator Graham"}},
	} {
		quotes := attributeNews(t, tc.text, tc.lang)
		if len(quotes) != len(tc.want) {
			t.Errorf("%q: %d quotes, want %d", tc.text, len(quotes), len(tc.want))
			continue
		}
		for k, q := range quotes {
			got := q.Mention.In(tc.text)
			if !strings.Contains(got, tc.want[k]) && !strings.Contains(tc.want[k], got) || got == "" {
				t.Errorf("%q quote %d: mention %q, want %q", tc.text, k, got, tc.want[k])
			}
		}
	}
}
