package lexicon

import (
	"strings"
	"testing"
)

func TestEmbeddedLexiconsLoad(t *testing.T) {
	all := MustLoadAll()
	en, de := all["en"], all["de"]
	if len(en.Cues) < 300 || len(de.Cues) < 100 {
		t.Errorf("cue forms: en %d, de %d; want hundreds", len(en.Cues), len(de.Cues))
	}
	for _, w := range []string{"said", "tweeted", "insisted", "warns"} {
		if !en.IsCue(w) {
			t.Errorf("en: %q is not a cue", w)
		}
	}
	for _, w := range []string{"sagte", "erklärte", "betonte", "laut"} {
		if !de.IsCue(w) {
			t.Errorf("de: %q is not a cue", w)
		}
	}
	if en.Titles["Mrs."] != Female || en.Pronouns["he"] != Male || en.GivenNames["Elizabeth"] != Female || !de.SubjectAfterCue {
		t.Error("titles, pronouns, names or options not read")
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"said\n", "line 1: entry before any [section]"},
		{"[cues]\nsay\n[titles]\nMr.\n", "line 4: want WORD GENDER"},
		{"[pronouns]\nhe x\n", `line 2: unknown gender "x"`},
		{"[bogus]\nx\n", "unknown section [bogus]"},
		{"[body-kinds]\ncompany firm\n", "line 2: want NOUNS = MARKERS"},
	} {
		_, err := Parse("xx", tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want error containing %q", tc.data, err, tc.want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	all := MustLoadAll()
	for text, want := range map[string]string{
		"Der Minister sagte, dass die Regierung nicht mit der Opposition spricht.": "de",
		"The minister said that the government was not talking to the opposition.": "en",
		"": "en",
	} {
		if got := DetectLanguage(text, all); got != want {
			t.Errorf("DetectLanguage(%q) = %s, want %s", text, got, want)
		}
	}
}

func TestPhrasalCues(t *testing.T) {
	en := MustLoadAll()["en"]
	for _, w := range []string{"in", "out", "back"} {
		if en.IsCue(w) {
			t.Errorf("%q alone is a cue; it is only the particle of a phrasal speech verb", w)
		}
	}
	for _, pair := range [][2]string{{"put", "in"}, {"Chimed", "In"}, {"cried", "out"}, {"wrote", "back"}} {
		if !en.IsCue(pair[0]) || !en.IsCueParticle(pair[0], pair[1]) {
			t.Errorf("%q %q is not read as a phrasal speech verb", pair[0], pair[1])
		}
	}
	if en.IsCueParticle("said", "in") {
		t.Error(`"in" after "said" is read as a particle ("said in a statement")`)
	}
	if _, err := Parse("xx", "[phrasal-cues]\nput in\n"); err == nil || !strings.Contains(err.Error(), "line 2: want VERB FORMS... + PARTICLE") {
		t.Errorf("a phrasal cue without + gives %v", err)
	}
}

func TestFictionCues(t *testing.T) {
	en := MustLoadAll()["en"]
	tests := []struct {
		verb, word       string
		cue, particleCue bool
	}{
		{"broke", "in", false, true},
		{"Broke", "Out", false, true},
		{"breaking", "from", false, true},
		{"pointed", "out", false, true},
		{"spoke", "up", true, true},
		{"went", "on", true, true}, // "went" is a cue of its own ("and she goes")
		{"broke", "down", false, false},
		{"cut", "across", false, false},
		{"said", "in", true, false},
	}
	for _, tt := range tests {
		if got := en.IsCue(tt.verb); got != tt.cue {
			t.Errorf("IsCue(%q) = %v, want %v", tt.verb, got, tt.cue)
		}
		if got := en.IsParticleCue(tt.verb, tt.word); got != tt.particleCue {
			t.Errorf("IsParticleCue(%q, %q) = %v, want %v", tt.verb, tt.word, got, tt.particleCue)
		}
	}
	for _, w := range []string{"ejaculated", "Remonstrated", "spluttered"} {
		if !en.IsFictionCue(w) || en.IsCue(w) {
			t.Errorf("%q is not a speech verb of fiction only", w)
		}
	}
	if !en.NameIdentityLeads["am"] || en.NameIdentityLeads["poor"] || !en.QuestionSubjects["i"] || en.QuestionSubjects["is"] {
		t.Error(`"am" should lead a name said of oneself, "I" follow a question's verb; "poor" and "is" not`)
	}
	if !en.LeadInCues["persisted"] || en.LeadInCues["nodded"] {
		t.Error(`"persisted" should announce the words that follow and "nodded" not`)
	}
	if _, err := Parse("xx", "[particle-cues]\nbroke in\n"); err == nil || !strings.Contains(err.Error(), "line 2: want VERB FORMS... + PARTICLE") {
		t.Errorf("a particle cue without + gives %v", err)
	}
}

func TestPlaces(t *testing.T) {
	en := MustLoadAll()["en"]
	for _, w := range []string{"turkey", "usa", "u.s.", "new york", "toronto"} {
		if !en.Places[w] {
			t.Errorf("%q is not a place", w)
		}
	}
	// A place that is also a given name is a person as often: left out.
	for _, w := range []string{"virginia", "florence", "trump"} {
		if en.Places[w] {
			t.Errorf("%q is a place", w)
		}
	}
	de := MustLoadAll()["de"]
	for _, w := range []string{"deutschland", "österreich", "wien", "zürich", "genf", "vereinigte staaten"} {
		if !de.Places[w] {
			t.Errorf("German %q is not a place", w)
		}
	}
	if de.Places["essen"] {
		t.Error(`German "essen" is a place; it is a noun as often ("das Essen")`)
	}
}

func TestOrganisationLinks(t *testing.T) {
	en := MustLoadAll()["en"]
	for _, w := range []string{"of", "for", "on"} {
		if !en.OrganisationLinks[w] {
			t.Errorf("%q does not link a body's name", w)
		}
	}
	de := MustLoadAll()["de"]
	if !de.OrganisationLinks["für"] || de.OrganisationLinks["der"] || de.OrganisationLinks["des"] {
		t.Errorf("German links %v: want für, not the genitive der or des", de.OrganisationLinks)
	}
}

func TestBodyKinds(t *testing.T) {
	en := MustLoadAll()["en"]
	company, firm := en.BodyKinds["company"], en.BodyKinds["firm"]
	if company == nil || company != firm || !company.AnyBody || !company.Markers["inc."] {
		t.Errorf("company and firm: %+v, %+v; want one kind, any body, marked by Inc.", company, firm)
	}
	if ministry := en.BodyKinds["ministry"]; ministry == nil || ministry.AnyBody || !ministry.Markers["ministry"] {
		t.Errorf("ministry: %+v; want only a Ministry", ministry)
	}
}

func TestGermanOccupationsAreOffices(t *testing.T) {
	de := MustLoadAll()["de"]
	for _, w := range []string{"schauspielerin", "sänger", "unternehmer", "schriftstellerin"} {
		if !de.Occupations[w] || !de.Offices[w] {
			t.Errorf("German %q is no occupation and office", w)
		}
	}
}
