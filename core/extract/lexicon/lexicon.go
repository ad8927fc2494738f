// Package lexicon holds the word lists the quote engine works from, one
// embedded data file per language (en.txt, de.txt): speech cues, titles,
// speaker nouns, pronouns, given names, abbreviations and the words that
// mark a quoted string as a title or a term. Rules live in these files,
// not in code.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed en.txt de.txt
var files embed.FS

// Languages lists the languages with a lexicon, in order of preference.
func Languages() []string { return []string{"en", "de"} }

// Gender of a speaker as far as a word shows it.
type Gender byte

const (
	GenderUnknown Gender = 0
	Male          Gender = 'm'
	Female        Gender = 'f'
	Neuter        Gender = 'n' // "it": organisations, things
	Plural        Gender = 'p'
	Self          Gender = 's' // "I": the speaker or narrator
)

// Lexicon is one language's word lists. Lower-cased keys unless noted.
type Lexicon struct {
	Lang          string
	Cues          map[string]bool   // every form of every speech verb
	CuePhrases    [][]string        // "according to"
	CueAdverbs    map[string]bool   // "also", "has": may sit between speaker and cue
	Titles        map[string]Gender // case as written: "Mr.", "President"
	SpeakerNouns  map[string]bool   // "spokesman", "newspaper"
	Pronouns      map[string]Gender // "he", "she"
	StopWords     map[string]bool   // words that end a name or description
	Determiners   map[string]bool   // "the", "a"
	NotNames      map[string]bool   // case as written: "The", "Monday"
	Abbreviations map[string]bool   // case as written: "Mr.", "U.S."
	TitleContext  map[string]bool   // "show", "titled"
	TermContext   map[string]bool   // "so-called", "dubbed"
	// WorkRoles are the roles in and parts of a work that name it after
	// "of": a title-case quote after "the author of", "host of", "an
	// episode of" is the work's title.
	WorkRoles  map[string]bool
	SourceCues map[string]bool   // cues followed by their source: "laut"
	Stopwords  map[string]bool   // frequent words, for language detection
	GivenNames map[string]Gender // case as written: "John" m
	// Word classes the news speaker ranker reads around a candidate:
	// a preposition or a "that" before a mention makes it unlikely to be
	// the speaker, as does a German determiner in the dative, genitive or
	// accusative ("den Worten", "einem Interview").
	Prepositions       map[string]bool
	AgentPrepositions  map[string]bool // "by": the agent of a passive
	Complementizers    map[string]bool
	ObliqueDeterminers map[string]bool
	// IndefiniteDeterminers introduce someone new ("a protester", "eine
	// Sprecherin"): such a description is not the person named before.
	IndefiniteDeterminers map[string]bool
	// SubjectAfterCue is set for languages that put the speaker after the
	// verb even before a quote (German: „Dann sagte der Minister: …“).
	SubjectAfterCue bool
	// PersonNouns are nouns that describe someone in a story and point
	// back to them: "girl" f, "other" - ("said the girl").
	PersonNouns map[string]Gender
	// OrganisationWords end the name of a body ("Syrian Democratic
	// Forces", "United Nations"); a name written after one belongs to a
	// person ("the United Nations Nikki Haley"). Lower-cased.
	OrganisationWords map[string]bool
	// OrganisationLinks join a body's name to what it is of or for: an
	// organisation word, a link, a name (“Ministry of Foreign Affairs”,
	// “Commission on Presidential Debates”) are one name. Lower-cased.
	OrganisationLinks map[string]bool
	// SpeechPronouns are the first- and second-person words that show a
	// quoted string to be someone's own words: "I", "we", "you". Lower-cased.
	SpeechPronouns map[string]bool
	// RoleNouns are person nouns for a trade or service ("landlady",
	// "maid"): someone a story names so is mostly a newcomer, not a party
	// of the conversation. Lower-cased.
	RoleNouns map[string]bool
	// TradeNouns are the trades a novel describes its minor characters
	// by ("the waiter", "the clerk", "the maid"), with the sex the
	// fiction of the period gives them: such a description as the
	// subject of the narration before a quote is the "he" or "she" of its
	// tag. Lower-cased.
	TradeNouns map[string]Gender
	// PastCues are the irregular past tenses of speech verbs ("said",
	// "told"): with the regular ones in -ed, the forms a novel's tags use,
	// where a bare form after a description is a noun ("the following
	// question"). Lower-cased.
	PastCues map[string]bool
	// ClauseConjunctions join two clauses after a comma: "and", "but";
	// a speaker named before one rarely speaks the quote after it.
	ClauseConjunctions map[string]bool
	// Occupations are trades written before a person's name in news
	// ("podcaster Spike Cohen", "Actress Denise Crosby"): part of the
	// description, never of the name, even capitalised where a sentence
	// opens. Lower-cased; news only, so the novels' speaker nouns stay as
	// they are.
	Occupations map[string]bool
	// Documents carry their owner's words in news (“RIAA's notice
	// alleged”, “Trump's tweet said”): the owner is the speaker.
	// Lower-cased; news only.
	Documents map[string]bool
	// BodyKinds maps the head noun of a description of a body (“the
	// company”, “the ministry”) to its kind: a news article's definite
	// description of a kind of body refers back to the last body of that
	// kind it named. Lower-cased; news only.
	BodyKinds map[string]*BodyKind
	// Offices are the titles, speaker nouns that are not organisation
	// words, and occupations, lower-cased: "president", "host",
	// "secretary", "actress" (derived).
	Offices map[string]bool
	// Places are the names of countries, states, regions and cities,
	// lower-cased: a place speaks only through a speech verb ("Turkey
	// said") and is never "he" or "she". Names that are also given names
	// are left out (derived).
	Places map[string]bool
	// CueParticles maps each form of a phrasal speech verb to its
	// particle: "put" -> "in", "chimed" -> "in". The particle belongs to
	// the cue only right after one of the forms; alone it is no cue ("in
	// London").
	CueParticles map[string]string
	// ParticleCues maps each form of a verb that is a speech verb only
	// with a particle to its particles, space-separated: "went" -> "on",
	// "broke" -> "in from" ("“…,” he went on", “…,” broke in her mother).
	// Alone the form is no cue ("went to the door"). Read only in fiction.
	ParticleCues map[string]string
	// FictionCues are the forms of speech verbs of fiction ("ejaculated",
	// "remonstrated"), cues only in text read as fiction.
	FictionCues map[string]bool
	// LeadInCues are the forms of speech verbs that, ending a sentence,
	// announce the words that follow ("The Coroner persisted."), unlike
	// gestures ("He nodded.").
	LeadInCues map[string]bool
	// NameIdentityLeads are the words before a name in a quote that make
	// it no one the speaker speaks of: the speaker's or listener's own
	// name (“I am Rosa”, “You're only Anne”), or a name made a common
	// noun (“the one Anne”). Read only in fiction.
	NameIdentityLeads map[string]bool
	// QuestionSubjects are the subject pronouns that, after a capitalised
	// word opening a quote's sentence, show it a verb asking a question
	// (“May I come?”), not a name. Read only in fiction.
	QuestionSubjects map[string]bool
	// KinTitles maps a relation noun to the title its bearer goes by
	// in the family, and the title the one they are related to must go by
	// ("" for any): "mother" -> {"Mrs", ""} ("said her mother": Mrs.
	// Dashwood, when Marianne Dashwood spoke last); "husband" -> {"Mr",
	// "Mrs"} (a Miss Welland's husband is no Mr. Welland).
	KinTitles map[string][2]string
	// KinAddress are the relation nouns a family also uses as a title
	// ("Aunt Juley"): "her aunt" may be the book's Aunt Juley, while "her
	// sister" is not its Sister Bill. Lower-cased.
	KinAddress map[string]bool
	// YoungNouns describe a child ("the boy"), GrownNouns a grown man or
	// woman ("the old gentleman"): a novel's character one describes is
	// not the other. "young" is among YoungNouns: "the young man" shows
	// no grown person. Lower-cased.
	YoungNouns, GrownNouns map[string]bool
	// ThoughtCues are the verbs that tag a character's thought, not
	// speech ("she thought", "mused Katharine"): a thought answers no
	// one. Lower-cased, every form.
	ThoughtCues map[string]bool
	// LeadingSubordinators open a subordinate clause that may stand
	// before the main clause ("While he was looking, Eeyore coughed"): a
	// pronoun in it does not lead the sentence. Lower-cased.
	LeadingSubordinators map[string]bool
	// ClauseCoordinators join a main clause to the one before after a
	// comma or semicolon ("…; but Harry Maylie understood it at once"):
	// a name after one is that clause's subject. Lower-cased.
	ClauseCoordinators map[string]bool
	// OtherNouns are the heads of a description that names a speaker as
	// the other party to the one just in view ("replied the other"): not
	// the person the story last showed, but the one they talk with.
	// Lower-cased.
	OtherNouns map[string]bool
	// KinVocatives maps a word a child calls a parent by ("mamma",
	// "Papa") to the relation noun it stands for ("mother", "father"),
	// in lower case and capitalised.
	KinVocatives map[string]string
	// ChildNouns are the relation nouns for someone's child ("his son"):
	// the one who called that person by a kin vocative. Lower-cased.
	ChildNouns map[string]bool
	// ListeningPhrases follow the subject of a sentence that shows a
	// character listening, not speaking ("Mr. Wilcox listened", "Edmund
	// had nothing to say"): the next words of the talk are the other
	// party's. Lower-cased words, one phrase to an entry.
	ListeningPhrases [][]string
	// Negations deny the verb they stand before ("Mr. McBryde did not
	// speak much"): a speech verb they deny tags no quote. Lower-cased.
	Negations map[string]bool
	// VoiceNouns name a voice heard, not a person ("said a voice"): in
	// fiction such a tag names no one, and the turn is read as untagged.
	// Lower-cased.
	VoiceNouns map[string]bool
	// TagTrailers follow the head noun of a tag's description but belong
	// to the tag ("said the girl aloud", "cried the boy again"): the
	// description ends before them, as before a participle. Lower-cased.
	TagTrailers map[string]bool
}

// BodyKind is a kind of body a description can name (“the company”):
// the nouns that describe it, the words that show a body's name to be of
// the kind (“Inc.”, “Ministry”), and whether a body of no known kind will
// do when the article names none of this one (“the company”: the last
// body named; “the ministry”: only a Ministry). Lower-cased.
type BodyKind struct {
	Nouns, Markers map[string]bool
	AnyBody        bool
}

// Load parses the embedded lexicon for lang ("en", "de").
func Load(lang string) (*Lexicon, error) {
	data, err := files.ReadFile(lang + ".txt")
	if err != nil {
		return nil, fmt.Errorf("no word lists for language %q", lang)
	}
	return Parse(lang, string(data))
}

// MustLoadAll loads every embedded lexicon. The files are compiled in and
// tested, so a failure is a build error.
func MustLoadAll() map[string]*Lexicon {
	out := map[string]*Lexicon{}
	for _, lang := range Languages() {
		lx, err := Load(lang)
		if err != nil {
			panic("lexicon: embedded " + lang + ".txt: " + err.Error())
		}
		out[lang] = lx
	}
	return out
}

// Parse reads a lexicon file; errors name the line.
func Parse(lang, data string) (*Lexicon, error) {
	lx := &Lexicon{Lang: lang,
		Cues: map[string]bool{}, CueParticles: map[string]string{}, ParticleCues: map[string]string{}, CueAdverbs: map[string]bool{}, Titles: map[string]Gender{},
		SpeakerNouns: map[string]bool{}, Pronouns: map[string]Gender{}, StopWords: map[string]bool{},
		Determiners: map[string]bool{}, NotNames: map[string]bool{}, Abbreviations: map[string]bool{},
		TitleContext: map[string]bool{}, TermContext: map[string]bool{}, WorkRoles: map[string]bool{}, SourceCues: map[string]bool{}, Stopwords: map[string]bool{},
		GivenNames:   map[string]Gender{},
		Prepositions: map[string]bool{}, AgentPrepositions: map[string]bool{}, Complementizers: map[string]bool{}, ObliqueDeterminers: map[string]bool{},
		IndefiniteDeterminers: map[string]bool{}, Places: map[string]bool{}, OrganisationLinks: map[string]bool{},
		Occupations: map[string]bool{}, Documents: map[string]bool{},
	}
	sets := map[string]map[string]bool{
		"cue-adverbs": lx.CueAdverbs, "speaker-nouns": lx.SpeakerNouns, "stop-words": lx.StopWords,
		"determiners": lx.Determiners, "title-context": lx.TitleContext, "term-context": lx.TermContext, "work-roles": lx.WorkRoles, "source-cues": lx.SourceCues,
		"stopwords":    lx.Stopwords,
		"prepositions": lx.Prepositions, "agent-prepositions": lx.AgentPrepositions, "complementizers": lx.Complementizers, "oblique-determiners": lx.ObliqueDeterminers,
		"indefinite-determiners": lx.IndefiniteDeterminers, "places": lx.Places,
		"organisation-links": lx.OrganisationLinks, "occupations": lx.Occupations, "documents": lx.Documents,
	}
	caseSets := map[string]map[string]bool{"not-names": lx.NotNames, "abbreviations": lx.Abbreviations}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		fields := strings.Fields(line)
		if err := lx.add(section, fields, sets, caseSets); err != nil {
			return nil, fmt.Errorf("%s.txt line %d: %v", lang, n, err)
		}
	}
	for name := range lx.GivenNames {
		delete(lx.Places, strings.ToLower(name)) // “Virginia”, “Florence”: a person as often
	}
	lx.Offices = map[string]bool{}
	for t := range lx.Titles {
		lx.Offices[strings.ToLower(t)] = true
	}
	for t := range lx.SpeakerNouns {
		if !lx.OrganisationWords[t] {
			lx.Offices[t] = true
		}
	}
	for t := range lx.Occupations {
		lx.Offices[t] = true
	}
	return lx, sc.Err()
}

func (lx *Lexicon) add(section string, fields []string, sets, caseSets map[string]map[string]bool) error {
	if set, ok := sets[section]; ok {
		set[strings.ToLower(strings.Join(fields, " "))] = true
		return nil
	}
	if set, ok := caseSets[section]; ok {
		set[strings.Join(fields, " ")] = true
		return nil
	}
	switch section {
	case "cues":
		for _, f := range fields {
			lx.Cues[strings.ToLower(f)] = true
		}
	case "phrasal-cues":
		forms, particle, err := verbAndParticle(fields)
		for _, f := range forms {
			lx.Cues[strings.ToLower(f)] = true
			lx.CueParticles[strings.ToLower(f)] = particle
		}
		return err
	case "particle-cues":
		forms, particle, err := verbAndParticle(fields)
		for _, f := range forms {
			f = strings.ToLower(f)
			lx.ParticleCues[f] = strings.TrimSpace(lx.ParticleCues[f] + " " + particle)
		}
		return err
	case "cue-phrases":
		lx.CuePhrases = append(lx.CuePhrases, strings.Fields(strings.ToLower(strings.Join(fields, " "))))
	case "listening-phrases":
		lx.ListeningPhrases = append(lx.ListeningPhrases, strings.Fields(strings.ToLower(strings.Join(fields, " "))))
	case "titles", "pronouns", "person-nouns", "trade-nouns":
		return lx.addGendered(section, fields)
	case "organisation-words", "speech-pronouns", "clause-conjunctions", "past-cues", "role-nouns", "kin-address", "young-nouns", "grown-nouns", "thought-cues", "other-nouns", "child-nouns", "negations", "voice-nouns", "leading-subordinators", "clause-coordinators", "tag-trailers", "lead-in-cues", "fiction-cues", "name-identity-leads", "question-subjects":
		set := lx.wordSet(section)
		if *set == nil {
			*set = map[string]bool{}
		}
		for _, f := range fields {
			(*set)[strings.ToLower(f)] = true
		}
	case "body-kinds":
		return lx.addBodyKind(fields)
	case "kin-titles":
		return lx.addKinTitle(fields)
	case "kin-vocatives":
		return lx.addKinVocatives(fields)
	case "male-names", "female-names":
		g := Male
		if section == "female-names" {
			g = Female
		}
		for _, f := range fields {
			lx.GivenNames[f] = g
		}
	case "options":
		if len(fields) != 1 || fields[0] != "subject-after-cue" {
			return fmt.Errorf("unknown option %q", strings.Join(fields, " "))
		}
		lx.SubjectAfterCue = true
	case "":
		return fmt.Errorf("entry before any [section]")
	default:
		return fmt.Errorf("unknown section [%s]", section)
	}
	return nil
}

// addGendered reads a line WORD GENDER of [titles], [pronouns],
// [person-nouns] or [trade-nouns].
func (lx *Lexicon) addGendered(section string, fields []string) error {
	if len(fields) != 2 {
		return fmt.Errorf("want WORD GENDER (m, f, n, p, s or -)")
	}
	g, err := parseGender(fields[1])
	if err != nil {
		return err
	}
	switch section {
	case "titles":
		lx.Titles[fields[0]] = g
	case "pronouns":
		lx.Pronouns[strings.ToLower(fields[0])] = g
	case "trade-nouns":
		if lx.TradeNouns == nil {
			lx.TradeNouns = map[string]Gender{}
		}
		lx.TradeNouns[strings.ToLower(fields[0])] = g
	default:
		if lx.PersonNouns == nil {
			lx.PersonNouns = map[string]Gender{}
		}
		lx.PersonNouns[strings.ToLower(fields[0])] = g
	}
	return nil
}

// wordSet is the set of lower-case words a section of that name fills.
func (lx *Lexicon) wordSet(section string) *map[string]bool {
	switch section {
	case "kin-address":
		return &lx.KinAddress
	case "young-nouns":
		return &lx.YoungNouns
	case "grown-nouns":
		return &lx.GrownNouns
	case "thought-cues":
		return &lx.ThoughtCues
	case "leading-subordinators":
		return &lx.LeadingSubordinators
	case "clause-coordinators":
		return &lx.ClauseCoordinators
	case "lead-in-cues":
		return &lx.LeadInCues
	case "name-identity-leads":
		return &lx.NameIdentityLeads
	case "question-subjects":
		return &lx.QuestionSubjects
	case "fiction-cues":
		return &lx.FictionCues
	case "other-nouns":
		return &lx.OtherNouns
	case "child-nouns":
		return &lx.ChildNouns
	case "negations":
		return &lx.Negations
	case "voice-nouns":
		return &lx.VoiceNouns
	case "tag-trailers":
		return &lx.TagTrailers
	case "role-nouns":
		return &lx.RoleNouns
	case "past-cues":
		return &lx.PastCues
	case "speech-pronouns":
		return &lx.SpeechPronouns
	case "clause-conjunctions":
		return &lx.ClauseConjunctions
	}
	return &lx.OrganisationWords
}

// verbAndParticle reads a line VERB FORMS... + PARTICLE of [phrasal-cues]
// or [particle-cues]: the forms and the particle in lower case.
func verbAndParticle(fields []string) (forms []string, particle string, err error) {
	plus := len(fields) - 2
	if plus < 1 || fields[plus] != "+" {
		return nil, "", fmt.Errorf("want VERB FORMS... + PARTICLE")
	}
	return fields[:plus], strings.ToLower(fields[plus+1]), nil
}

// addKinTitle reads a line NOUN TITLE [OWNER-TITLE] of [kin-titles].
func (lx *Lexicon) addKinTitle(fields []string) error {
	if len(fields) < 2 || len(fields) > 3 {
		return fmt.Errorf("want NOUN TITLE [OWNER-TITLE]")
	}
	if lx.KinTitles == nil {
		lx.KinTitles = map[string][2]string{}
	}
	titles := [2]string{fields[1]}
	if len(fields) == 3 {
		titles[1] = fields[2]
	}
	lx.KinTitles[strings.ToLower(fields[0])] = titles
	return nil
}

// addKinVocatives reads a line RELATION WORD... of [kin-vocatives].
func (lx *Lexicon) addKinVocatives(fields []string) error {
	if len(fields) < 2 {
		return fmt.Errorf("want RELATION WORD...")
	}
	if lx.KinVocatives == nil {
		lx.KinVocatives = map[string]string{}
	}
	for _, f := range fields[1:] {
		// Both cases, so that a quote's words are looked up as written.
		f = strings.ToLower(f)
		lx.KinVocatives[f] = strings.ToLower(fields[0])
		lx.KinVocatives[strings.ToUpper(f[:1])+f[1:]] = strings.ToLower(fields[0])
	}
	return nil
}

// addBodyKind reads a line NOUNS = MARKERS, a "*" among the markers for
// any body.
func (lx *Lexicon) addBodyKind(fields []string) error {
	eq := 0
	for eq < len(fields) && fields[eq] != "=" {
		eq++
	}
	if eq == 0 || eq >= len(fields)-1 {
		return fmt.Errorf("want NOUNS = MARKERS")
	}
	if lx.BodyKinds == nil {
		lx.BodyKinds = map[string]*BodyKind{}
	}
	k := &BodyKind{Nouns: map[string]bool{}, Markers: map[string]bool{}}
	for _, f := range fields[:eq] {
		k.Nouns[strings.ToLower(f)] = true
		lx.BodyKinds[strings.ToLower(f)] = k
	}
	for _, f := range fields[eq+1:] {
		if f == "*" {
			k.AnyBody = true
			continue
		}
		k.Markers[strings.ToLower(f)] = true
	}
	return nil
}

func parseGender(s string) (Gender, error) {
	switch s {
	case "-":
		return GenderUnknown, nil
	case "m", "f", "n", "p", "s":
		return Gender(s[0]), nil
	}
	return 0, fmt.Errorf("unknown gender %q (want m, f, n, p, s or -)", s)
}

// IsCue reports whether a word (any case) is a form of a speech verb.
func (lx *Lexicon) IsCue(word string) bool {
	return hasFolded(lx.Cues, word)
}

// IsFictionCue reports whether a word (any case) is a form of a speech
// verb of fiction: a cue in text read as fiction only.
func (lx *Lexicon) IsFictionCue(word string) bool {
	return len(lx.FictionCues) > 0 && hasFolded(lx.FictionCues, word)
}

// hasFolded reports whether set holds word in lower case.
func hasFolded(set map[string]bool, word string) bool {
	// Most words are short and ASCII: fold them on the stack (this runs
	// for every word near a quote).
	var buf [32]byte
	if len(word) <= len(buf) {
		b := buf[:len(word)]
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c >= 0x80 {
				return set[strings.ToLower(word)]
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return set[string(b)]
	}
	return set[strings.ToLower(word)]
}

// IsCueParticle reports whether word (any case) is the particle of the
// phrasal speech verb whose form is verb: "in" after "put".
func (lx *Lexicon) IsCueParticle(verb, word string) bool {
	return hasParticle(lx.CueParticles, verb, word)
}

// IsParticleCue reports whether verb and word (any case) make a speech
// verb that is one only with its particle: "went on", "broke in".
func (lx *Lexicon) IsParticleCue(verb, word string) bool {
	return hasParticle(lx.ParticleCues, verb, word)
}

// hasParticle reports whether word is a particle particles gives the
// form verb, both in any case.
func hasParticle(particles map[string]string, verb, word string) bool {
	if len(particles) == 0 || len(verb) > 16 {
		return false
	}
	// Fold ASCII on the stack: this runs after every cue near a quote.
	var buf [16]byte
	b := buf[:len(verb)]
	for i := 0; i < len(verb); i++ {
		c := verb[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return hasWordFold(particles[string(b)], word)
}

// hasWordFold reports whether the space-separated words hold word, in
// any case.
func hasWordFold(words, word string) bool {
	for words != "" {
		w, rest, _ := strings.Cut(words, " ")
		if strings.EqualFold(w, word) {
			return true
		}
		words = rest
	}
	return false
}

// DetectLanguage picks the language whose frequent words occur most often
// in the first few kilobytes of text; "en" when there is no evidence.
func DetectLanguage(text string, lexicons map[string]*Lexicon) string {
	const sample = 4096
	if len(text) > sample {
		text = text[:sample]
	}
	best, bestCount := "en", 0
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80)
	}) {
		w = strings.ToLower(w)
		for _, lang := range Languages() {
			if lx := lexicons[lang]; lx != nil && lx.Stopwords[w] {
				counts[lang]++
			}
		}
	}
	for _, lang := range Languages() {
		if counts[lang] > bestCount {
			best, bestCount = lang, counts[lang]
		}
	}
	return best
}
