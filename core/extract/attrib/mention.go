package attrib

import (
	"strings"

	"verbatim/core/extract/lexicon"
)

type mentionKind uint8

const (
	noMention mentionKind = iota
	nameMention
	pronounMention
	nominalMention // "the mayor", "a source", "officials"
)

// mention is where a speaker is named or referred to.
type mention struct {
	kind       mentionKind
	start, end int // byte span in the document
	first      int // token index of the first token (in the window it came from)
	last       int // token index of the last token
	// core is a name without titles ("Vladimir Putin" in "Russian
	// President Vladimir Putin"); for a nominal, its text.
	core   string
	titles []string // titles and offices written before the name
	gender lexicon.Gender
	body   bool // a body's name joined by a link: “Ministry of Foreign Affairs”
}

func (m mention) ok() bool { return m.kind != noMention }

// nameParticles may sit inside a name: Ludwig van Beethoven, Osama bin Laden.
func isNameParticle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "den", "bin", "al", "la", "le", "da", "di", "du", "del", "dos", "ter", "ten", "y", "zu", "St.":
		return true
	}
	return false
}

func (p *pass) isTitle(t token) bool {
	_, ok := p.lx.Titles[t.text]
	return ok && t.word
}

// isSentenceAdverb reports a capitalised adverb that is not a given name
// ("Presently", "Suddenly").
func (p *pass) isSentenceAdverb(t token) bool {
	_, given := p.lx.GivenNames[t.text]
	return !given && strings.HasSuffix(t.text, "ly")
}

// isRomanNumeral reports chapter numbers such as "XL".
func isRomanNumeral(w string) bool {
	return strings.Trim(w, "IVXLCDM") == "" && len(w) > 1
}

// isNameWord reports a capitalised word that can be part of a name.
func (p *pass) isNameWord(t token) bool {
	if !t.word || !t.cap || isRomanNumeral(t.text) || strings.IndexByte(t.text, '_') >= 0 {
		return false // “On_the_campaign_trail”: part of a file name or a link
	}
	if p.cast != nil && !p.cast.proper(t.text) && !p.isTitle(t) {
		return false // “Stupid Harriet”: a common word opening a sentence
	}
	if p.names != nil && !p.names.proper(t.text) && !p.isTitle(t) {
		return false // “Reportedly”, “Fitness”: news sentence openers
	}
	return !p.lx.NotNames[t.text] || p.isTitle(t) || p.cast != nil && p.cast.givenName(t.text)
}

func (p *pass) pronounGender(t token) (lexicon.Gender, bool) {
	if !t.word {
		return 0, false
	}
	if t.text == "I" {
		return lexicon.Self, p.lx.Lang == "en"
	}
	g, ok := inLower(p.lx.Pronouns, t.text)
	if ok && g == lexicon.Self {
		return 0, false // "ich" and the like only as written "I"
	}
	return g, ok
}

func (p *pass) isDeterminer(t token) bool {
	return t.word && hasLower(p.lx.Determiners, t.text)
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// mentionBefore finds a mention that ends at token k (walking left).
func (p *pass) mentionBefore(toks []token, k int) mention {
	if k < 0 {
		return mention{}
	}
	t := toks[k]
	switch {
	case t.text == ")":
		for j := k - 1; j >= 0 && j >= k-12; j-- {
			if toks[j].text == "(" {
				return p.mentionBefore(toks, j-1)
			}
		}
		return mention{}
	case t.text == ",":
		// An apposition or relative clause: Leslie Wimes, a South
		// Florida-based president of the caucus, said.
		for j := k - 1; j >= 0 && j >= k-25; j-- {
			if toks[j].text == "," {
				if m, ok := p.appositiveName(toks, j, k); ok {
					return m // “The mayor of London, Sadiq Khan, thanked”
				}
				m := p.mentionBefore(toks, j-1)
				if m.kind == nameMention || m.kind == pronounMention {
					return m
				}
				return mention{}
			}
			if !toks[j].word && toks[j].text != "-" && toks[j].text != "’" && toks[j].text != "'" {
				return mention{}
			}
		}
		return mention{}
	case !t.word:
		return mention{}
	}
	if g, ok := p.pronounGender(t); ok {
		return p.makeMention(pronounMention, toks, k, k, g)
	}
	if strings.EqualFold(t.text, "who") && k > 0 {
		j := k - 1
		if toks[j].text == "," {
			j--
		}
		if m := p.mentionBefore(toks, j); m.kind == nameMention || m.kind == nominalMention {
			return m
		}
		return mention{}
	}
	if p.isNameWord(t) || p.titledName(toks, k) {
		j := k
		for j > 0 {
			prev := toks[j-1]
			if p.isNameWord(prev) || (isNameParticle(prev.text) && j >= 2 && p.isNameWord(toks[j-2])) {
				j--
				continue
			}
			if p.orgLinkAt(toks, j-1) {
				j -= 2 // “Ministry of Foreign Affairs”
				continue
			}
			break
		}
		if office := p.officeBefore(toks, j); office != j {
			j = office
		} else if g, ok := p.nameAfterBody(toks, j, k); ok {
			return p.makeMention(nameMention, toks, g, k, 0)
		}
		if j > 0 && p.isDeterminer(toks[j-1]) && !p.opensClause(toks, j-1) {
			return p.makeMention(nominalOrName(p, toks, j-1, k), toks, j-1, k, 0)
		}
		return p.makeMention(nameMention, toks, j, k, 0)
	}
	return p.nominalBefore(toks, k)
}

// nameAfterBody finds where a person's name starts in the run of
// capitalised words first..last that opens with a body's name: “the
// United Nations Nikki Haley”, “Amnesty International Man-kei Tam”. The
// name starts after the run's last organisation word (as the article's
// name model reads such runs); runs that end with one are a body's name.
func (p *pass) nameAfterBody(toks []token, first, last int) (int, bool) {
	for o := last - 1; o >= first; o-- {
		if folded(p.lx.OrganisationWords, trimPossessive(toks[o].text)) && !p.orgLinkAt(toks, o+1) {
			return o + 1, true // not “the Center | for Nonproliferation Studies”
		}
	}
	return 0, false
}

// nominalOrName tells "the Kremlin", "the president" (nominals) from "The
// New York Post" (a name that starts with a determiner): a given name or
// two capitalised words make a name.
func nominalOrName(p *pass, toks []token, first, last int) mentionKind {
	caps := 0
	for i := first + 1; i <= last; i++ {
		if _, ok := p.lx.GivenNames[toks[i].text]; ok {
			return nameMention
		}
		if toks[i].cap && !p.isTitle(toks[i]) && !hasLower(p.lx.SpeakerNouns, toks[i].text) {
			caps++
		}
	}
	if caps >= 2 {
		return nameMention
	}
	return nominalMention
}

// nominalBefore finds "the ad’s narrator", "a source" or "officials" ending
// at the lower-case word k.
func (p *pass) nominalBefore(toks []token, k int) mention {
	head := strings.ToLower(toks[k].text)
	if p.lx.StopWords[head] || p.isCue(head) {
		return mention{}
	}
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		t := toks[j]
		if !t.word {
			break
		}
		if p.isDeterminer(t) || (isPossessive(t.text) && j < k) {
			if m, owned := p.owner(toks, j, k); owned {
				return m // “RIAA's take-down notice claimed”
			}
			return p.makeMention(nominalMention, toks, p.partitiveBefore(toks, j), k, 0)
		}
		if hasLower(p.lx.StopWords, t.text) || p.isCue(t.text) {
			break
		}
	}
	if p.lx.SpeakerNouns[head] {
		return p.makeMention(nominalMention, toks, k, k, 0)
	}
	return mention{}
}

// mentionAfter finds a mention that starts at token i (walking right).
func (p *pass) mentionAfter(toks []token, i int) mention {
	if i >= len(toks) || !toks[i].word {
		return mention{}
	}
	t := toks[i]
	if g, ok := p.pronounGender(t); ok {
		return p.makeMention(pronounMention, toks, i, i, g)
	}
	if p.partitiveAt(toks, i) {
		if m := p.mentionAfter(toks, i+2); m.kind == nominalMention {
			return p.makeMention(nominalMention, toks, i, m.last, 0) // “One of the users said”
		}
	}
	if p.isDeterminer(t) && !p.opensClause(toks, i) || (isPossessive(t.text) && t.cap) {
		j := i + 1
		for j < len(toks) && j <= i+7 && toks[j].word && (!hasLower(p.lx.StopWords, toks[j].text) || p.orgLinkAt(toks, j)) && !p.endsDescription(toks, i, j) {
			j++
		}
		if j == i+1 {
			return mention{}
		}
		if m, owned := p.owner(toks, i, j-1); owned {
			return m
		}
		if m, ok := p.describedName(toks, i, j-1); ok {
			return m
		}
		return p.makeMention(nominalOrName(p, toks, i, j-1), toks, i, j-1, 0)
	}
	if p.isNameWord(t) {
		return p.makeMention(nameMention, toks, i, p.throughOffice(toks, p.nameEnd(toks, i)), 0)
	}
	if hasLower(p.lx.SpeakerNouns, t.text) {
		if j := p.descriptionBeforeName(toks, i); j > i {
			return p.makeMention(nameMention, toks, i, p.throughOffice(toks, p.nameEnd(toks, j)), 0)
		}
		return p.makeMention(nominalMention, toks, i, i, 0)
	}
	return mention{}
}

// owner reads, in news, a description of a thing by its owner. When a
// cue makes a document speak (“RIAA's DMCA notice alleged”; lexicon
// [documents]), its words are the owner's: the mention stays the
// document, the speaker is the owner, so that a researcher finds them
// under “RIAA”. A description that stops at the owner (“The company's
// upcoming replica helmet”, cut before the participle) is the owner,
// without the possessive ending. owned is false otherwise: “Obama's former
// campaign strategist said” speaks for himself.
func (p *pass) owner(toks []token, first, last int) (m mention, owned bool) {
	if p.names == nil {
		return mention{}, false
	}
	k := last
	for k >= first && !isPossessive(toks[k].text) {
		k--
	}
	if k < first || k == first && !p.isNameWord(toks[k]) {
		return mention{}, false
	}
	if k < last && (last+1 >= len(toks) || !p.isCue(toks[last+1].text) || !folded(p.lx.Documents, toks[last].text)) {
		return mention{}, false
	}
	kind := nameMention
	if k > first {
		kind = nominalOrName(p, toks, first, k)
	}
	m = p.trimOwner(p.makeMention(kind, toks, first, k, 0))
	if k < last {
		m.end, m.last = toks[last].end, last // the document, spoken for by its owner
	}
	return m, true
}

// trimOwner takes the possessive ending off an owner's mention: “RIAA”,
// “The company”.
func (p *pass) trimOwner(m mention) mention {
	w := p.text[m.start:m.end]
	if trimmed := trimPossessive(w); trimmed != w {
		m.end -= len(w) - len(trimmed)
		if m.kind != nameMention {
			m.core = trimmed
		}
	}
	return m
}

// partitiveAt reports, in news, a partitive at token i: a determiner and
// “of” before a description (“One of the users”, “some of his aides”).
// The speaker is the one, not the group: news corpora mark the whole.
func (p *pass) partitiveAt(toks []token, i int) bool {
	return p.names != nil && i+2 < len(toks) && toks[i+1].word && strings.EqualFold(toks[i+1].text, "of") &&
		p.isDeterminer(toks[i]) && p.isDeterminer(toks[i+2])
}

// partitiveBefore returns where the description starting at token j
// starts with its partitive (“One of | the users”), or j.
func (p *pass) partitiveBefore(toks []token, j int) int {
	if j >= 2 && p.partitiveAt(toks, j-2) {
		return j - 2
	}
	return j
}

// opensClause reports, in news, a “that” before a capitalised word or
// after a cue: it opens a clause (“reports that Trump called …”, “saying
// that rival Hillary Clinton had shown …”), not a description (“that
// Trump”); a name takes no demonstrative.
func (p *pass) opensClause(toks []token, j int) bool {
	if p.names == nil || j+1 >= len(toks) || !toks[j+1].cap && (j == 0 || !p.isCue(toks[j-1].text)) {
		return false
	}
	return folded(p.lx.Complementizers, toks[j].text)
}

// describedName reads, in a novel, a description that ends with a
// character's name (“the gloomy Ratcliffe”, “the poet Syme”, “the
// unsentimental Mr. Sikes”) as that name.
func (p *pass) describedName(toks []token, first, last int) (mention, bool) {
	if p.cast == nil || last < first+2 || !p.isNameWord(toks[last]) || p.isTitle(toks[last]) {
		return mention{}, false
	}
	k := last
	for k > first && toks[k-1].cap && p.isNameWord(toks[k-1]) {
		k--
	}
	if k <= first+1 || toks[k-1].cap {
		return mention{}, false // “the Professor”, “The New York Post”
	}
	m := p.makeMention(nameMention, toks, first, last, 0)
	if m.kind != nameMention {
		return mention{}, false
	}
	if p.cast.lookup(m) < 0 {
		return mention{}, false
	}
	return m, true
}

// nameEnd is the last token of the name that starts at token i.
func (p *pass) nameEnd(toks []token, i int) int {
	j := i
	for j+1 < len(toks) {
		next := toks[j+1]
		if p.isNameWord(next) || p.titledName(toks, j+1) || (isNameParticle(next.text) && j+2 < len(toks) && p.isNameWord(toks[j+2])) {
			j++
			continue
		}
		if p.orgLinkAt(toks, j+1) {
			j += 2 // “Ministry of Foreign Affairs”
			continue
		}
		break
	}
	return j
}

// descriptionBeforeName returns, in news or a novel, where a name starts
// after the lower-case description that begins at token i (“wrote student
// protester Joshua Wong”, “said old Horace”), or i when no name follows it.
func (p *pass) descriptionBeforeName(toks []token, i int) int {
	if p.names == nil && p.cast == nil {
		return i
	}
	for j := i + 1; j < len(toks) && j <= i+3 && toks[j].word; j++ {
		switch t := toks[j]; {
		case p.isNameWord(t):
			return j
		case t.cap || p.lx.StopWords[t.text] || p.isCue(t.text):
			return i
		}
	}
	return i
}

// makeMention fills in a mention over toks[first..last]: its core name,
// titles and gender.
func (p *pass) makeMention(kind mentionKind, toks []token, first, last int, g lexicon.Gender) mention {
	m := mention{kind: kind, start: toks[first].start, end: toks[last].end, first: first, last: last, gender: g}
	if kind != nameMention {
		m.core = p.text[m.start:m.end]
		return m
	}
	// The core name is what follows the last title, office word or
	// sentence adverb ("Presently Tony"), in capitalised words only.
	coreFirst, link := first, -1
	for i := first; i <= last; i++ {
		t := toks[i]
		if p.orgLinkAt(toks, i) {
			link = i
			continue
		}
		if !t.cap || p.isTitle(t) || hasLower(p.lx.SpeakerNouns, t.text) || p.isDeterminer(t) || (i < last && (p.lx.NotNames[t.text] || p.isSentenceAdverb(t))) {
			if tg := p.lx.Titles[t.text]; tg != lexicon.GenderUnknown && m.gender == lexicon.GenderUnknown {
				m.gender = tg
			}
			m.titles = append(m.titles, t.text)
			coreFirst = i + 1
		}
	}
	// A body joined by a link (“Ministry of Foreign Affairs”), unless a
	// title after the link names a person (“Council on American-Islamic
	// Relations National Executive Director Nihad Awad”).
	m.body = link >= 0 && coreFirst <= link
	coreFirst = p.newsCoreStart(toks, first, coreFirst, last, m.body)
	if coreFirst > last {
		// Only titles ("the President"): a nominal after all.
		m.kind = nominalMention
		m.core = p.text[m.start:m.end]
		return m
	}
	words := make([]string, 0, last-coreFirst+1)
	for i := coreFirst; i <= last; i++ {
		w := toks[i].text
		if i == last {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		}
		words = append(words, w)
	}
	m.core = strings.Join(words, " ")
	if m.gender == lexicon.GenderUnknown {
		m.gender = p.lx.GivenNames[words[0]]
	}
	return m
}
