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

func TestCastReadsNamesInContext(t *testing.T) {
	text := `John Beaver met John Andrew. John Beaver smiled; John Andrew ran off.
Later John Beaver came back, and John Andrew came back too. "Hello," said John.
Pooh Bear sat down. The bear was a bear of little brain, a bear indeed. Pooh
laughed. Pooh Bear laughed. Pooh sang and Pooh hummed.
Professor de Worms bowed. The Professor de Worms was old, said Syme.
In London it rained. They lived in London and worked in London; in London
they stayed. Syme went to London.
`
	c := buildCast(text, lexicon.MustLoadAll()["en"])
	display := func(core string, titles []string, at int) string {
		id := c.lookup(mention{kind: nameMention, core: core, titles: titles, start: at})
		if id < 0 {
			return ""
		}
		return c.chars[id].display
	}
	afterAndrew := strings.Index(text, "John Andrew came back") + 1
	afterBeaver := strings.Index(text, "John Beaver came back") + 1
	if got := display("John", nil, afterBeaver); got != "John Beaver" {
		t.Errorf("John after John Beaver: %q", got)
	}
	if got := display("John", nil, afterAndrew+len("John Andrew came back")); got != "John Andrew" {
		t.Errorf("John after John Andrew: %q", got)
	}
	if got := display("Pooh", nil, 0); got != "Pooh" {
		t.Errorf("Pooh shown as %q: a name with a common word (bear) is no full name", got)
	}
	if got := display("Worms", []string{"Professor", "de"}, 0); got != "Professor de Worms" {
		t.Errorf("Professor de Worms shown as %q", got)
	}
	if id := c.lookup(mention{kind: nameMention, core: "London"}); id < 0 || c.chars[id].person {
		t.Errorf("London (written after “in”) taken for a person: %v", id)
	}
	if id := c.lookup(mention{kind: nameMention, core: "Syme"}); id < 0 || !c.chars[id].person {
		t.Errorf("Syme (tagged twice) not taken for a person")
	}
}

func TestCastGivenNameThatIsACommonWord(t *testing.T) {
	lx, err := lexicon.Load("en")
	if err != nil {
		t.Fatal(err)
	}
	named := strings.Repeat("He looked at May Welland, and May smiled. You may go, said May. ", 12)
	month := strings.Repeat("It was the first of May. You may go, he may stay, they may talk. ", 12)
	if c := buildCast(named, lx); c.lookup(mention{kind: nameMention, core: "May"}) < 0 {
		t.Errorf("May, written as a name inside sentences, is no character")
	}
	if c := buildCast(month, lx); c.lookup(mention{kind: nameMention, core: "May"}) >= 0 {
		t.Errorf("the month of May is a character")
	}
}

func TestCastTitlesApart(t *testing.T) {
	lx, err := lexicon.Load("en")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("Hamidullah came in and Hamidullah sat down. ", 10) +
		"He spoke of Hamidullah Begum, his wife. The Marquis de St. Eustache bowed. Professor de Worms slept. Professor de Worms woke."
	c := buildCast(text, lx)
	for _, tt := range []struct{ name, display string }{
		{"Hamidullah", "Hamidullah"}, // “Begum” is her title: not his surname
	} {
		id := c.lookup(mention{kind: nameMention, core: tt.name})
		if id < 0 || c.chars[id].display != tt.display {
			t.Errorf("%s: got character %d, want %q", tt.name, id, tt.display)
		}
	}
	if f := c.forms["Marquis de"]; f != nil {
		t.Errorf("“Marquis de” is a name form of %q", c.chars[f.char].display)
	}
}

func TestCastRankAndFamilies(t *testing.T) {
	lx, err := lexicon.Load("en")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("Sir John laughed. ", 20) + strings.Repeat("Mr. John Dashwood frowned. John Dashwood sat. ", 4) +
		strings.Repeat("Mrs. Lovell Mingott smiled. The Mingotts and the Lovell Mingotts came. ", 3) + "Uncle Lovell slept."
	c := buildCast(text, lx)
	sir := c.lookup(mention{kind: nameMention, core: "John", titles: []string{"Sir"}})
	dashwood := c.lookup(mention{kind: nameMention, core: "John Dashwood"})
	if sir < 0 || sir == dashwood {
		t.Errorf("Sir John is character %d, John Dashwood %d: want two people", sir, dashwood)
	}
	if id := c.lookup(mention{kind: nameMention, core: "Mingotts"}); id >= 0 && c.chars[id].person {
		t.Errorf("the Mingotts, a family, are a person (%q)", c.chars[id].display)
	}
}

func TestCastKindOfPeopleIsNoPerson(t *testing.T) {
	lx, err := lexicon.Load("en")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("An Indian came by and he bowed. The Indian smiled, said Aziz. ", 5) + "He was an Indian. She met an Indian."
	c := buildCast(text, lx)
	if id := c.lookup(mention{kind: nameMention, core: "Indian"}); id >= 0 && c.chars[id].person {
		t.Errorf("“Indian”, written after “an”, is a person")
	}
	if id := c.lookup(mention{kind: nameMention, core: "Aziz"}); id < 0 || !c.chars[id].person {
		t.Errorf("Aziz is no person")
	}
}

func TestOneEditApart(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Brownlow", "Browlow", true}, // a letter lost
		{"Maylie", "Maylies", true},   // a letter added
		{"Charley", "Charly", true},
		{"Bumble", "Bumbls", true}, // a letter changed
		{"Bumble", "Bumble", false},
		{"Maylie", "Mayliess", false},
		{"Crawford", "Clawfurd", false},
	} {
		if got := oneEditApart(c.a, c.b); got != c.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := oneEditApart(c.b, c.a); got != c.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}
