package attrib

import (
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
	"verbatim/core/extract/scan"
)

func TestFictionModelIsEmbedded(t *testing.T) {
	names := FictionFeatureNames()
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("feature %q named twice", n)
		}
		seen[n] = true
	}
	if len(names) != int(numFictionBase)*(1+numFictionContexts) {
		t.Errorf("%d feature names, want %d", len(names), int(numFictionBase)*(1+numFictionContexts))
	}
	if loadFictionModel() == nil {
		t.Fatal("fiction_en.txt holds no weights: run go run ./core/extract/train -fiction")
	}
}

func TestKeepFitting(t *testing.T) {
	m, f, u := lexicon.Male, lexicon.Female, lexicon.GenderUnknown
	cases := []struct {
		genders []lexicon.Gender
		g       lexicon.Gender
		want    []int // ids kept
	}{
		{[]lexicon.Gender{m, f, m}, m, []int{0, 2}},
		{[]lexicon.Gender{m, u, f}, f, []int{2}},
		{[]lexicon.Gender{m, u}, f, []int{1}}, // no woman: whoever might be one
		{[]lexicon.Gender{m}, f, nil},
	}
	for _, c := range cases {
		var cands []fictionCand
		for id, g := range c.genders {
			cands = append(cands, fictionCand{id: id, gender: g})
		}
		var got []int
		for _, cd := range keepFitting(cands, c.g) {
			got = append(got, cd.id)
		}
		if !equalInts(got, c.want) {
			t.Errorf("keepFitting(%v, %c) = %v, want %v", c.genders, c.g, got, c.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestFictionExamples checks the training examples a novel gives: a tag
// where one party alone has the tag's gender is an example whose answer
// is that party, and it is right for the scene's tags.
func TestFictionExamples(t *testing.T) {
	text := strings.Repeat(sceneText, 6)
	res := scan.New().Scan(text)
	var quotes []core.Quote
	for _, q := range res.Quotes {
		quotes = append(quotes, core.Quote{Span: q.Span, Fragments: q.Fragments})
	}
	exs := New(lexicon.MustLoadAll()).FictionExamples(Input{Text: text, Lang: "en", Paragraphs: res.Paragraphs, Quotes: quotes, Dialogue: true})
	kinds := map[string]int{}
	for _, ex := range exs {
		kinds[ex.Kind]++
		right := 0
		for _, r := range ex.Right {
			if r {
				right++
			}
		}
		if len(ex.Candidates) != len(ex.Right) || right != 1 {
			t.Errorf("%s example: %d candidates, %d right answers; want one right answer", ex.Kind, len(ex.Right), right)
		}
		if ex.Kind == ExampleGender && len(ex.Candidates) < 2 {
			t.Errorf("gender example with %d candidates", len(ex.Candidates))
		}
	}
	// From the second scene on, each has “said John” (a name) and
	// “she answered”, “she said” (pronouns) beside the man and the woman.
	if kinds[ExampleGender] < 5*3 || kinds[ExampleName] < 5 {
		t.Errorf("examples by kind: %v", kinds)
	}
}
