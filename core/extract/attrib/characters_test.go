package attrib

import (
	"strings"
	"testing"

	"verbatim/core/extract/lexicon"
)

// castText is a small novel: a mother and son who share a surname, a
// detective named in full a few times, and sentences that open with
// capitalised common words.
const castText = `CHAPTER I.

Mrs Beaver stood by the fire. John Beaver came in; John Beaver was tired.
"Stupid boy," said Mrs Beaver. Beaver smiled and he sat down. When Beaver
left, the detective arrived. Hercule Poirot bowed. Poirot was small and he
was neat; everyone knew Poirot. Hercule Poirot, they said, had come from
Belgium. Papa Poirot, the children called him. Presently Poirot spoke. He
was stupid about nothing, and when he spoke the room fell silent. Lucy
laughed; Lucy was young. Miss Honeychurch, her cousin said, was Lucy's
name at home. Beaver and Poirot talked with Lucy about Miss Honeychurch.
"I'm tired," said Lucy. Stupid Harriet, said Poirot. The chapter ended
presently.
`

func TestCastClustersNames(t *testing.T) {
	c := buildCast(castText, lexicon.MustLoadAll()["en"])
	tests := []struct {
		titles []string
		core   string
		want   string
	}{
		{[]string{"Mrs"}, "Beaver", "Mrs Beaver"},
		{nil, "Beaver", "John Beaver"}, // a bare surname is the man
		{nil, "John Beaver", "John Beaver"},
		{nil, "Poirot", "Hercule Poirot"}, // the full name, written twice
		{nil, "Lucy", "Lucy"},
		{[]string{"Miss"}, "Honeychurch", "Miss Honeychurch"},
	}
	for _, tt := range tests {
		m := mention{kind: nameMention, core: tt.core, titles: tt.titles}
		id := c.lookup(m)
		if id < 0 {
			t.Errorf("%v %s: no character", tt.titles, tt.core)
			continue
		}
		if got := c.chars[id].display; got != tt.want {
			t.Errorf("%v %s: got %q, want %q", tt.titles, tt.core, got, tt.want)
		}
	}
	if got := c.chars[c.lookup(mention{core: "Beaver", titles: []string{"Mrs"}})].gender; got != lexicon.Female {
		t.Errorf("Mrs Beaver's gender = %c", got)
	}
	for _, w := range []string{"Stupid", "When", "Presently", "CHAPTER", "I'm", "Don't"} {
		if c.proper(w) {
			t.Errorf("%q taken for a name", w)
		}
	}
	for _, w := range []string{"Poirot", "Lucy", "Beaver"} {
		if !c.proper(w) {
			t.Errorf("%q not taken for a name", w)
		}
	}
	for key := range c.forms {
		if strings.HasPrefix(key, "Presently") || strings.HasPrefix(key, "Stupid") || strings.Contains(key, "'") {
			t.Errorf("form %q should have been split off", key)
		}
	}
}
