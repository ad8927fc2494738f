package attrib

import (
	"strings"
	"testing"

	"verbatim/core/extract/lexicon"
)

func TestTokenizeKeepsFileNamesWhole(t *testing.T) {
	lx := lexicon.MustLoadAll()["en"]
	for text, want := range map[string]string{
		"see wikinews_en_Fan_Expo_Canada.txt now": "see|wikinews_en_Fan_Expo_Canada.txt|now",
		"the U.S. and Florida-based don’t":        "the|U.S.|and|Florida-based|don’t",
		"_I_ will go":                             "_|I|_|will|go", // Gutenberg italics
	} {
		var got []string
		for _, tok := range tokenize(nil, text, 0, len(text), lx) {
			got = append(got, tok.text)
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("tokenize(%q) = %s, want %s", text, g, want)
		}
	}
}

func TestNoNameInsideAnIdentifier(t *testing.T) {
	p := &pass{lx: lexicon.MustLoadAll()["en"]}
	for _, w := range []string{"On_the_campaign_trail", "Fan_Expo"} {
		if p.isNameWord(token{text: w, word: true, cap: true}) {
			t.Errorf("%q is a name word", w)
		}
	}
}
