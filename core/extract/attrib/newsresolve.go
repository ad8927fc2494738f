package attrib

import (
	"strings"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// How a news article's names (newsnames.go) shape the speakers a
// researcher sees: the canonical name, descriptions, the core of a name,
// and which names can be "he" or "she".

// speakerName is the canonical name of a speaker: in news, the fullest
// name the article gives the person.
func (p *pass) speakerName(e *entity) string {
	name := e.display()
	if p.names == nil || e.nominal || e.kind == core.SpeakerOrganisation {
		return name
	}
	if full := p.names.fullest(p.names.knownPart(e.core), e.gender); full != e.core {
		return full
	}
	return name
}

// newsDescription resolves a description in a news article: “a statement
// released by Erdogan's office” to its source, “the Russian president” to
// the person last named with that title (a modifier such as “Russian”
// preferred). ok is false when neither applies.
func (p *pass) newsDescription(m mention) (id int, ok bool) {
	if p.names == nil {
		return -1, false
	}
	if src, found := p.agentAfter(m); found {
		if src.kind == nameMention {
			id = p.nameEntity(src)
		} else {
			id = p.nominalEntity(src)
		}
		p.ents.get(id).last = m.start
		return id, true
	}
	// The title is the description's last words that are titles or
	// offices (“the vice president”); the word before them, a modifier
	// (“the Russian president”).
	if p.introducesSomeone(m) {
		return -1, false
	}
	words := strings.Fields(lower(m.core))
	k := len(words)
	for k > 0 && p.names.isOffice(words[k-1]) {
		k--
	}
	if k == len(words) {
		return -1, false
	}
	mod := ""
	if k >= 1 && !p.lx.Determiners[words[k-1]] {
		mod = words[k-1]
	}
	f := p.names.titledBefore(strings.Join(words[k:], " "), mod, m.start)
	if f == nil {
		return -1, false
	}
	id = p.nameEntity(mention{kind: nameMention, start: m.start, end: m.end, core: strings.Join(f.words, " "), gender: f.genderOf()})
	p.ents.get(id).last = m.start
	return id, true
}

// introducesSomeone reports, in news, a description led by an indefinite
// determiner (“a protester”, “eine Sprecherin”): someone new, not the
// person last named with that title.
func (p *pass) introducesSomeone(m mention) bool {
	return p.names != nil && p.lx.IndefiniteDeterminers[lower(firstWord(m.core))]
}

// agentAfter finds who a description stands for, written right after it:
// its agent (“a statement released by Erdogan's office”, “a report by
// the Times”) or a name in apposition (“The Vice President, Mike Pence,
// said”).
func (p *pass) agentAfter(m mention) (mention, bool) {
	toks := tokenize(p.bufB[:0], p.text, m.end, min(len(p.text), m.end+agentWindow), p.lx)
	p.bufB = toks
	if len(toks) >= 3 && toks[0].word && !p.lx.AgentPrepositions[lower(toks[0].text)] && p.lx.Prepositions[lower(toks[0].text)] {
		// “The mayor of London, Sadiq Khan, thanked”: past the
		// description's own place, to the apposition.
		k := 1
		for k < len(toks) && k <= 4 && toks[k].word && toks[k].cap {
			k++
		}
		if k > 1 && k < len(toks) && toks[k].text == "," {
			toks = toks[k:]
		}
	}
	if len(toks) < 2 {
		return mention{}, false
	}
	switch {
	case toks[0].word && p.lx.AgentPrepositions[lower(toks[0].text)]:
		if src := p.mentionAfter(toks, 1); src.kind == nameMention || src.kind == nominalMention {
			return src, true
		}
	case toks[0].text == ",":
		if src := p.mentionAfter(toks, 1); src.kind == nameMention && src.last+1 < len(toks) && toks[src.last+1].text == "," {
			return src, true
		}
	}
	return mention{}, false
}

// agentWindow bounds the text read for a description's agent, in bytes.
const agentWindow = 80

// nominalEntity is the registry entity of an unresolved description.
func (p *pass) nominalEntity(m mention) int {
	if ids := p.ents.byCore[lower(m.core)]; len(ids) > 0 {
		return p.ents.find(ids[0])
	}
	return p.ents.add(entity{core: m.core, words: 1, nominal: true, kind: core.SpeakerUnknown, titles: map[string]bool{}, last: m.start})
}

// newsCoreStart corrects where the core of a name mention starts, in
// news: a body's name keeps all its words ("the Syrian Democratic Forces":
// not just "Forces"; body: "the Turkish Ministry of Foreign Affairs"), and a person's name written after a body's name
// starts after it ("the United Nations Nikki Haley").
func (p *pass) newsCoreStart(toks []token, first, coreFirst, last int, body bool) int {
	if p.names == nil {
		return coreFirst
	}
	if body || folded(p.lx.OrganisationWords, trimPossessive(toks[last].text)) {
		k := first
		for k < last && (p.isDeterminer(toks[k]) || p.isTitle(toks[k]) || !toks[k].cap) {
			k++
		}
		return k
	}
	for k := last - 1; k >= coreFirst; k-- {
		if folded(p.lx.OrganisationWords, toks[k].text) {
			return k + 1
		}
	}
	return coreFirst
}

// notAPerson reports, in news, a name that cannot be the antecedent of a
// pronoun: one in a headline, or, for "he" or "she", a body or a place, a
// name whose fullest form in the article is of the other gender, or a name
// of which the article shows no sign of a person (a title, a given name, a
// pronoun after it, a fuller name) and to which no quote has been
// attributed.
func (p *pass) notAPerson(m mention, g lexicon.Gender) bool {
	if p.names == nil {
		return false
	}
	if p.names.inHeadline(m.start) {
		return true
	}
	if g != lexicon.Male && g != lexicon.Female {
		return false
	}
	if m.body || p.isPlace(m.core) {
		return true // “the Commission on Presidential Debates”; “between Greece and Turkey, he added”
	}
	if p.names.isOffice(lower(m.core)) {
		return true // German capitalises a trade: “der Moderator … Er kommentierte” names no one
	}
	if full := p.names.forms[p.names.fullest(p.names.knownPart(m.core), lexicon.GenderUnknown)]; full != nil && !compatible(full.genderOf(), g) {
		return true // “Clinton” where the article names Hillary Clinton, for “he”
	}
	if ids := p.ents.byCore[lower(m.core)]; len(ids) > 0 {
		return false
	}
	f := p.names.forms[m.core]
	return f != nil && !p.names.person(m.core)
}

// maxOfficeWords bounds the lower-case words of an office between two
// names: “White House press secretary Josh Earnest”.
const maxOfficeWords = 3

// throughOffice extends, in news, a name ending at token j over an office
// and the name of the person who holds it: “MSNBC host Chris Matthews”,
// “Trump lawyer Marc Kasowitz”. It returns the new last token.
func (p *pass) throughOffice(toks []token, j int) int {
	if p.names == nil {
		return j
	}
	k := j + 1
	for n := 0; k < len(toks) && n < maxOfficeWords && toks[k].word && !toks[k].cap; n, k = n+1, k+1 {
		if low := lower(toks[k].text); p.lx.StopWords[low] || p.isCue(low) {
			return j
		}
	}
	if k == j+1 || k >= len(toks) || !p.names.isOffice(lower(toks[k-1].text)) || !p.isNameWord(toks[k]) {
		return j
	}
	for k+1 < len(toks) && p.isNameWord(toks[k+1]) {
		k++
	}
	return k
}

// officeBefore extends, in news, a name starting at token j back over an
// office and the name before it (as throughOffice, walking left). It
// returns the new first token.
func (p *pass) officeBefore(toks []token, j int) int {
	if p.names == nil || j == 0 || toks[j-1].cap || !toks[j-1].word || !p.names.isOffice(lower(toks[j-1].text)) {
		return j
	}
	k := j - 1
	for n := 0; k >= 0 && n < maxOfficeWords && toks[k].word && !toks[k].cap; n, k = n+1, k-1 {
		if low := lower(toks[k].text); p.lx.StopWords[low] || p.isCue(low) {
			return j
		}
	}
	if k < 0 || !p.isNameWord(toks[k]) {
		return j
	}
	for k > 0 && p.isNameWord(toks[k-1]) {
		k--
	}
	return k
}

// endsDescription reports whether token j ends a description that starts
// with a determiner at token first: a cue in lower case ("the statement
// said") or a pronoun ("a statement it put out"). A capitalised cue word
// belongs to a name: "The Washington Post".
func (p *pass) endsDescription(toks []token, first, j int) bool {
	t := toks[j]
	if p.isCue(t.text) {
		return !t.cap || p.names == nil || !toks[first+1].cap
	}
	if _, pron := p.pronounGender(t); pron && p.names != nil {
		return true
	}
	if p.names == nil || j < first+2 || t.cap || len(t.text) <= 4 {
		return false
	}
	// A participle after the head noun starts a clause: “a protester using
	// the pseudonym Katya”, “a spokesman speaking on condition …”; a verb
	// in the past after a body's name is its predicate: “the New York Post
	// published an article”.
	return strings.HasSuffix(t.text, "ing") ||
		strings.HasSuffix(t.text, "ed") && toks[j-1].cap && folded(p.lx.OrganisationWords, toks[j-1].text)
}

// appositiveName reports, in news, a name that fills an apposition: the
// tokens between the commas at a and b are exactly one name (“The mayor
// of London, Sadiq Khan, thanked”); that name, not the description before
// it, is the speaker.
func (p *pass) appositiveName(toks []token, a, b int) (mention, bool) {
	if p.names == nil || a+1 >= b {
		return mention{}, false
	}
	m := p.mentionAfter(toks, a+1)
	if m.kind != nameMention || m.last != b-1 {
		return mention{}, false
	}
	if f := p.names.forms[m.core]; f != nil && f.org {
		return mention{}, false
	}
	return m, true
}

// isPlace reports a name the lexicon knows as a place's: a country, a
// state, a region, a city (“the U.S.”, “New York”).
func (p *pass) isPlace(name string) bool {
	return len(p.lx.Places) > 0 && folded(p.lx.Places, name)
}

// notAPlacePronoun reports, in news, a place that “he” or “she” cannot
// stand for, even when it spoke before (“Turkey said …; he added”).
func (p *pass) notAPlacePronoun(e *entity, g lexicon.Gender) bool {
	return p.names != nil && (g == lexicon.Male || g == lexicon.Female) && p.isPlace(e.core)
}

// orgLinkAt reports, in news, a link word at token j that joins a body's
// name to what it is of or for: an organisation word before it, a name
// after it (“Ministry of Foreign Affairs”, “Commission on Presidential
// Debates”).
func (p *pass) orgLinkAt(toks []token, j int) bool {
	if p.names == nil || j < 1 || j+1 >= len(toks) || !toks[j].word || toks[j].cap || !p.lx.OrganisationLinks[toks[j].text] {
		return false
	}
	return toks[j-1].cap && folded(p.lx.OrganisationWords, toks[j-1].text) && p.isNameWord(toks[j+1])
}
