package attrib

import (
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
	"verbatim/core/extract/scan"
)

// sceneText is one scene of a novel; the test repeats it so that the text
// has enough dialogue to be read as fiction.
const sceneText = `John Smith came into the room where Mary Brown sat. John Smith was wet.

"Good morning, Mary," said John.

"Good morning," she answered.

"Is it raining?"

"Not yet, John."

"Then we shall walk."

Mary rose. "I shall fetch my hat," she said. "Wait here."

`

func attributeNovel(t *testing.T, text string) []core.Quote {
	t.Helper()
	res := scan.New().Scan(text)
	var quotes []core.Quote
	for _, q := range res.Quotes {
		quotes = append(quotes, core.Quote{Span: q.Span, Fragments: q.Fragments, Unclosed: q.Unclosed})
	}
	return New(lexicon.MustLoadAll()).Attribute(Input{Text: text, Lang: "en", Paragraphs: res.Paragraphs, Quotes: quotes, Dialogue: true})
}

func TestDialogueTurns(t *testing.T) {
	text := strings.Repeat(sceneText, 6)
	quotes := attributeNovel(t, text)
	want := []struct{ speaker, rule string }{
		{"John Smith", RuleCueSpeaker},
		{"Mary Brown", RuleSpeakerCue}, // “she answered”: the woman of the two
		{"John Smith", RuleAlternation},
		{"Mary Brown", RuleAlternation},
		{"John Smith", RuleAddressee}, // “Not yet, John.” is answered by John
		{"Mary Brown", RuleSpeakerCue},
		{"Mary Brown", RuleSameParagraph},
	}
	if len(quotes) != 6*len(want) {
		t.Fatalf("got %d quotes, want %d", len(quotes), 6*len(want))
	}
	for i, q := range quotes[len(want) : 2*len(want)] { // the second scene: the first has no history
		if q.Speaker != want[i].speaker || q.Rule != want[i].rule {
			t.Errorf("quote %d %q: got %q by %s, want %q by %s", i, q.Text(text), q.Speaker, q.Rule, want[i].speaker, want[i].rule)
		}
	}
}

func TestNewsIsNotReadAsFiction(t *testing.T) {
	text := strings.Repeat(sceneText, 2) // too few quotes for a novel
	for _, q := range attributeNovel(t, text) {
		if q.Rule == RuleSameParagraph || q.Rule == RuleAddressee {
			t.Errorf("%q attributed by the fiction rule %s", q.Text(text), q.Rule)
		}
	}
}

func TestNominalHeadLeavesOutTheTagAdverb(t *testing.T) {
	tests := []struct {
		core  string
		head  string
		words int
	}{
		{"the girl thoughtfully", "girl", 2},
		{"the Coroner dryly", "Coroner", 2},
		{"the old gentleman", "gentleman", 3},
		{"the other", "other", 2},
		{"Emily", "Emily", 1},
	}
	for _, tt := range tests {
		if head, words := nominalHead(tt.core); head != tt.head || words != tt.words {
			t.Errorf("nominalHead(%q) = %q, %d; want %q, %d", tt.core, head, words, tt.head, tt.words)
		}
	}
}
