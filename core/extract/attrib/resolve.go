package attrib

import (
	"iter"
	"strings"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// entity is one speaker in a document, with every name it went by.
type entity struct {
	core    string // the fullest name seen, without titles
	words   int    // words in core
	titled  string // "Mrs. Beaver": a gendered title with the name, when that is all we have
	titles  map[string]bool
	gender  lexicon.Gender
	kind    core.SpeakerKind
	nominal bool // an unresolved description ("the mayor")
	last    int  // byte offset of the latest mention
}

// display is the canonical name: the fullest form seen.
func (e *entity) display() string {
	if e.words == 1 && e.titled != "" {
		return e.titled
	}
	return e.core
}

// registry clusters a document's mentions into entities. Entities merged
// later are tracked with a union-find parent table.
type registry struct {
	ents   []entity
	parent []int
	byCore map[string][]int // lower-cased core name → entities
	byWord map[string][]int // lower-cased first or last word → entities
}

func newRegistry() *registry {
	return &registry{byCore: map[string][]int{}, byWord: map[string][]int{}}
}

func (r *registry) find(id int) int {
	for r.parent[id] != id {
		r.parent[id] = r.parent[r.parent[id]]
		id = r.parent[id]
	}
	return id
}

func (r *registry) get(id int) *entity { return &r.ents[r.find(id)] }

func compatible(a, b lexicon.Gender) bool {
	return a == lexicon.GenderUnknown || b == lexicon.GenderUnknown || a == b
}

func (r *registry) add(e entity) int {
	id := len(r.ents)
	r.ents = append(r.ents, e)
	r.parent = append(r.parent, id)
	r.index(id, e.core)
	return id
}

func (r *registry) index(id int, name string) {
	key := strings.ToLower(name)
	r.byCore[key] = append(r.byCore[key], id)
	words := strings.Fields(key)
	if len(words) > 1 {
		r.byWord[words[0]] = append(r.byWord[words[0]], id)
		r.byWord[words[len(words)-1]] = append(r.byWord[words[len(words)-1]], id)
	}
}

// best picks the most recently mentioned live entity among ids that fits
// the gender.
func (r *registry) best(ids []int, g lexicon.Gender) int {
	found, last := -1, -1
	for _, id := range ids {
		root := r.find(id)
		e := &r.ents[root]
		if compatible(e.gender, g) && e.last > last {
			found, last = root, e.last
		}
	}
	return found
}

// name resolves a name mention to an entity, creating or growing one.
func (r *registry) name(m mention, titledGender lexicon.Gender) int {
	key := strings.ToLower(m.core)
	words := strings.Fields(key)
	id := r.best(r.byCore[key], m.gender)
	if id < 0 && len(words) == 1 {
		// "Putin" after "Vladimir Putin"; "Elizabeth" after "Elizabeth Bennet".
		id = r.best(r.byWord[key], m.gender)
	}
	if id >= 0 && len(words) > 1 {
		// A fuller name for an entity known by one word? Merge them.
		for _, w := range []string{words[0], words[len(words)-1]} {
			if other := r.best(r.byCore[w], m.gender); other >= 0 && other != id {
				r.parent[other] = id
			}
		}
	}
	if id < 0 && len(words) > 1 {
		for _, w := range []string{words[len(words)-1], words[0]} {
			if id = r.best(r.byCore[w], m.gender); id >= 0 {
				break
			}
		}
	}
	if id < 0 {
		id = r.add(entity{core: m.core, words: len(words), gender: m.gender, kind: core.SpeakerPerson, titles: map[string]bool{}})
	}
	e := r.get(id)
	if len(words) > e.words {
		e.core, e.words = m.core, len(words)
		r.index(r.find(id), m.core)
	}
	if e.gender == lexicon.GenderUnknown {
		e.gender = m.gender
	}
	if titledGender != lexicon.GenderUnknown && e.titled == "" && len(m.titles) > 0 {
		e.titled = m.titles[len(m.titles)-1] + " " + m.core
	}
	for _, t := range m.titles {
		e.titles[strings.ToLower(t)] = true
	}
	return r.find(id)
}

// resolve maps quote i's mention to an entity; resolved is false for a
// pronoun or description that found no antecedent.
func (p *pass) resolve(m mention, i int) (id int, resolved bool) {
	switch m.kind {
	case nameMention:
		id = p.nameEntity(m)
		p.ents.get(id).last = m.start
		if isOrganisation(p, m) {
			p.ents.get(id).kind = core.SpeakerOrganisation
		}
		return id, true
	case pronounMention:
		if p.fiction {
			return -1, true // resolved in the dialogue sweep
		}
		if id = p.antecedent(m, i); id >= 0 {
			e := p.ents.get(id)
			if e.gender == lexicon.GenderUnknown && (m.gender == lexicon.Male || m.gender == lexicon.Female) {
				e.gender = m.gender // learn: “he” makes this speaker male
			}
			e.last = m.start
			return id, true
		}
		return -1, false
	}
	// A description: the entity that holds that office, else the
	// description itself.
	if id, ok := p.newcomer(m); ok {
		return id, true // “a looker-on”
	}
	if p.fiction {
		if id = p.titledCharacter(m); id >= 0 && !p.commonNoun(m) {
			return id, true // “the Count”
		}
		if _, anaphor := p.personNoun(m); anaphor && !p.lx.RoleNouns[lower(lastWord(m.core))] {
			return -1, true // “the girl”: resolved in the dialogue sweep
		}
	}
	if id, ok := p.newsDescription(m); ok {
		return id, true
	}
	if id, ok := p.bodyDescription(m, i); ok {
		return id, true // “the company”: Hasbro
	}
	head := lower(lastWord(m.core))
	for k := len(p.ents.ents) - 1; k >= 0 && !p.introducesSomeone(m); k-- {
		e := p.ents.get(k)
		if e.titles[head] && !e.nominal {
			e.last = m.start
			return p.ents.find(k), true
		}
	}
	key := lower(m.core)
	if ids := p.ents.byCore[key]; len(ids) > 0 {
		return p.ents.find(ids[0]), false
	}
	return p.ents.add(entity{core: m.core, words: 1, nominal: true, kind: core.SpeakerUnknown, titles: map[string]bool{}, last: m.start}), false
}

// commonNoun reports a description whose head is a person noun that is
// also a title (“the old lady”, “the master”, “her sister”): it means a
// woman, a man or a relative, not the book's Lady Bertram, Master Bates or
// Sister Bill. With a possessive, a relation a family puts before names
// keeps the title's sense (“her aunt”: Aunt Juley).
func (p *pass) commonNoun(m mention) bool {
	head, _ := nominalHead(m.core)
	if _, person := inLower(p.lx.PersonNouns, head); !person {
		return false
	}
	det, _ := nextField(m.core, 0)
	if equalLower(det, "the") {
		return true
	}
	return possessiveGender(lower(det)) != lexicon.GenderUnknown && !p.lx.KinAddress[lower(head)]
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " \n\t"); i >= 0 {
		return s[i+1:]
	}
	return s
}

func (p *pass) titleGender(m mention) lexicon.Gender {
	for _, t := range m.titles {
		if g := p.lx.Titles[t]; g == lexicon.Male || g == lexicon.Female {
			return g
		}
	}
	return lexicon.GenderUnknown
}

// isOrganisation guesses from a name's words whether it names a body, not a
// person: The New York Post, the Kremlin, Breitbart News.
func isOrganisation(p *pass, m mention) bool {
	if m.body || strings.HasPrefix(p.text[m.start:m.end], "The ") || strings.HasPrefix(p.text[m.start:m.end], "the ") {
		return true
	}
	return p.lx.SpeakerNouns[lower(lastWord(m.core))]
}

// antecedentWindow and antecedentPieces bound the narration searched for a
// pronoun's antecedent, which keeps the work per quote constant.
const (
	antecedentWindow = 1000
	antecedentPieces = 4
)

// antecedent finds who a pronoun refers to: the subject of the nearest
// earlier sentence that names someone of a fitting gender, in the narration
// of this and the previous paragraph; else the latest speaker who fits.
func (p *pass) antecedent(m mention, i int) int {
	g := m.gender
	if g == lexicon.Self || g == lexicon.Plural {
		return -1
	}
	for a, b := range p.narrationPieces(i, m.start) {
		if id := p.subjectIn(a, b, g); id >= 0 {
			return id
		}
	}
	// The latest speaker who fits.
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		if e := p.info[j].entity; e >= 0 {
			ent := p.ents.get(e)
			if !ent.nominal && compatible(ent.gender, g) && (g != lexicon.Neuter || ent.kind == core.SpeakerOrganisation) && !p.notAPlacePronoun(ent, g) {
				return p.ents.find(e)
			}
		}
	}
	return -1
}

// narrationPieces yields the narration before byte at, which lies in quote
// i's paragraph, nearest first: the stretches between earlier quotes, a few
// at most, then what lies before them, back to the previous paragraph's
// start or antecedentWindow bytes.
func (p *pass) narrationPieces(i, at int) iter.Seq2[int, int] {
	return func(yield func(a, b int) bool) {
		from := max(p.para(max(0, p.paraOf[i]-1)).Start, at-antecedentWindow)
		end := at
		for j, pieces := i, 0; j >= 0 && end > from && pieces < antecedentPieces; j-- {
			qs := p.quotes[j].Span
			if qs.Start >= end {
				continue // a quote after at
			}
			if qs.End < end {
				pieces++
				if !yield(max(qs.End, from), end) {
					return
				}
			}
			end = qs.Start
		}
		if end > from {
			yield(from, end)
		}
	}
}

// subjectIn looks for a fitting name in text[a:b], sentence by sentence from
// the end, and returns the first one of the nearest such sentence.
func (p *pass) subjectIn(a, b int, g lexicon.Gender) int {
	if b <= a {
		return -1
	}
	toks := tokenize(p.bufB[:0], p.text, a, b, p.lx)
	p.bufB = toks
	for start, end := range sentencesBack(toks) {
		for s := start; s < end; s++ {
			if !p.isNameWord(toks[s]) || p.isTitle(toks[s]) && s+1 < end && !toks[s+1].cap {
				continue
			}
			m := p.mentionAfter(toks, s)
			if s > 0 && toks[s-1].word && p.isTitle(toks[s-1]) {
				m = p.mentionAfter(toks, s-1)
			}
			if m.kind != nameMention {
				continue
			}
			if g == lexicon.Neuter && !isOrganisation(p, m) {
				continue
			}
			if !compatible(m.gender, g) || p.notAPerson(m, g) {
				s = m.last
				continue
			}
			id := p.nameEntity(m)
			if compatible(p.ents.get(id).gender, g) {
				p.ents.get(id).last = m.start
				return id
			}
			s = m.last
		}
	}
	return -1
}
