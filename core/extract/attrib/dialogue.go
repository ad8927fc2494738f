package attrib

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// Fiction reads differently from news. A novel's dialogue goes in turns,
// one speaker per paragraph; most turns carry no tag, and the reader keeps
// track of who speaks by alternation, by who was just addressed (“…,
// Jane.”), and by whoever the narration just showed. A tag's “he” or “the
// girl” is one of the people in the conversation. This file holds that
// reading; it switches on only for long dialogue-rich text (see
// looksLikeFiction), so news is not affected.

// Rules of the dialogue sweep, as reported in core.Quote.Rule.
const (
	RuleSameParagraph     = "same-paragraph"     // an untagged quote in a paragraph whose speaker is tagged
	RulePreviousParagraph = "previous-paragraph" // Poirot nodded. ¶ “Yes.”
	RuleAddressee         = "addressee"          // “…, Jane.” ¶ “…” (Jane answers)
	RuleNarrator          = "narrator"           // “…,” I said (a first-person narrator)
)

// minFictionQuotes is the fewest quotes a text needs to be read as fiction.
const minFictionQuotes = 30

// narratorName is shown for a first-person narrator whose name the text
// never gives away.
const narratorName = "Narrator"

// startFiction switches the pass to the fiction reading when its text is
// dialogue that reads like a novel, and builds the cast.
func (p *pass) startFiction() {
	if p.dialogue && p.looksLikeFiction() {
		p.fiction, p.cast = true, buildCast(p.text, p.lx)
	}
}

// looksLikeFiction reports whether the quotes read like a novel's
// dialogue: many of them, and a third or more opening their paragraph.
func (p *pass) looksLikeFiction() bool {
	if len(p.quotes) < minFictionQuotes || len(p.paras) == 0 {
		return false
	}
	opening := 0
	for i, q := range p.quotes {
		lead := p.text[p.para(p.paraOf[i]).Start:q.Span.Start]
		if strings.TrimSpace(lead) == "" {
			opening++
		}
	}
	return 3*opening >= len(p.quotes)
}

// turn is one paragraph of dialogue: the quotes in it and who speaks.
type turn struct {
	first, last int // quote indices, inclusive
	para        int
	lastPara    int
	conv        int  // turns of one conversation share this number
	speaker     int  // entity, -1 when unknown
	tagged      bool // the speaker comes from a tag in the paragraph
	addressee   int  // entity named by a vocative in the turn, -1
	// answers: the addressee is someone who may answer, a person or a
	// speaker of the text (not “Oho” in “Oho, the Brahman!”)
	answers bool
	self    bool   // tagged “I said”
	kin     string // the relation word the turn calls someone by (turnKinVocative)
	kinRead bool   // kin has been read
	// hops counts the turns of alternation between this one and the
	// turn its speaker was reckoned from: 0 for a tag or an addressee,
	// noHops or more when it has no such anchor.
	hops int
	// people are the characters the narration names just before the
	// conversation starts, nearest first: its likely parties.
	people []int
}

// dialogueSweep attributes a novel's quotes turn by turn: tags first,
// pronouns and descriptions by the conversation, untagged turns by the
// narration before them, the person last addressed, or alternation; then
// a backward pass fills the turns before a tagged one.
func (p *pass) dialogueSweep() {
	for i := range p.info {
		if m := p.info[i].m; m.kind == nameMention {
			if c := p.cast.lookup(m); c >= 0 && !p.cast.chars[c].thing {
				p.cast.chars[c].spoke = true // (“…,” New York said: no one)
			}
		}
	}
	p.dropVoiceTags()
	turns := p.turns()
	narrator := p.findNarrator(turns)
	p.joinAnsweredDescriptions(turns, narrator)
	p.joinAppositiveRoles()
	named := p.namedDescriptions()
	p.narrator = narrator
	p.scene = newSceneTracker()
	for t := range turns {
		p.forwardTurn(turns, t, narrator)
	}
	settled := p.settleDescriptions(turns)
	p.nameDescribedParties(turns, named)
	p.shortenedDescriptions(turns, settled)
	for t := len(turns) - 2; t >= 0; t-- {
		p.backwardTurn(turns, t)
	}
	for t := range turns {
		p.settleTurn(&turns[t])
	}
}

// dropVoiceTags unresolves the tags that name a voice (“said a voice”):
// the voice is no character of the book but the unseen speaker's, whom
// the turn rules read as for an untagged turn.
func (p *pass) dropVoiceTags() {
	for i := range p.info {
		if inf := &p.info[i]; inf.m.kind == nominalMention && inf.entity >= 0 {
			if head, _ := nominalHead(inf.m.core); p.lx.VoiceNouns[head] {
				inf.entity = -1
			}
		}
	}
}

// turns groups the quotes by paragraph and the paragraphs into
// conversations: a conversation goes on across one narration paragraph.
func (p *pass) turns() []turn {
	turns := make([]turn, 0, len(p.quotes))
	conv := 0
	for i := range p.quotes {
		if n := len(turns); n > 0 && turns[n-1].lastPara >= p.paraOf[i] {
			turns[n-1].last = i
			turns[n-1].lastPara = max(turns[n-1].lastPara, p.lastPara[i])
			continue
		}
		if n := len(turns); n > 0 && p.paraOf[i]-turns[n-1].lastPara > 2 {
			conv++
		}
		turns = append(turns, turn{first: i, last: i, para: p.paraOf[i], lastPara: p.lastPara[i], conv: conv, speaker: -1, addressee: -1})
	}
	for t := range turns {
		tr := &turns[t]
		if t == 0 || turns[t-1].conv != tr.conv {
			tr.people = p.peopleBefore(tr.first)
		} else {
			tr.people = turns[t-1].people
		}
		for i := tr.first; i <= tr.last; i++ {
			if tr.addressee < 0 {
				tr.addressee, tr.answers = p.addressee(i)
			}
			if tr.addressee < 0 {
				tr.addressee, tr.answers = p.cueAddressee(i)
			}
			if tr.addressee < 0 && i == tr.first {
				tr.addressee, tr.answers = p.turnedTo(i)
			}
			if m := p.info[i].m; m.kind == pronounMention && m.gender == lexicon.Self {
				tr.self = true
			}
		}
	}
	return turns
}

// findNarrator returns the entity of a first-person narrator, -1 if the
// novel has none: many turns are tagged “I said”. The narrator's name is
// the one the other speakers most often address in the turns next to the
// narrator's own.
func (p *pass) findNarrator(turns []turn) int {
	self := 0
	for _, tr := range turns {
		if tr.self {
			self++
		}
	}
	if self < 5 || 30*self < len(turns) {
		return -1
	}
	named := map[int]bool{}
	for i := range p.info {
		if p.info[i].m.kind == nameMention && p.info[i].entity >= 0 && isTagRule(p.info[i].rule) {
			named[p.ents.find(p.info[i].entity)] = true
		}
	}
	votes := map[int]int{}
	best, bestVotes := -1, 0
	for t, tr := range turns {
		if !tr.self {
			continue
		}
		for _, u := range [2]int{t - 1, t + 1} {
			if u < 0 || u >= len(turns) || turns[u].self || turns[u].addressee < 0 || turns[u].conv != tr.conv {
				continue
			}
			a := p.ents.find(turns[u].addressee)
			if named[a] {
				continue // someone the text tags by name is not the one who says “I”
			}
			votes[a]++
			if votes[a] > bestVotes || (votes[a] == bestVotes && a < best) {
				best, bestVotes = a, votes[a]
			}
		}
	}
	if bestVotes >= 2 {
		p.nameNarratorFully(best, votes)
		return best
	}
	return p.ents.addFixed(entity{core: narratorName, words: 1, kind: core.SpeakerPerson, titles: map[string]bool{}})
}

// forwardTurn settles the tags of turn t and, failing them, predicts its
// speaker from what came before.
func (p *pass) forwardTurn(turns []turn, t, narrator int) {
	tr := &turns[t]
	for i := tr.first; i <= tr.last; i++ {
		inf := &p.info[i]
		if p.collectFiction != nil {
			p.collectFictionExamples(turns, t, i)
		}
		if inf.entity < 0 && inf.m.ok() {
			p.resolveInDialogue(turns, t, i, narrator)
		}
		if inf.entity >= 0 && !tr.tagged {
			tr.speaker, tr.tagged = p.ents.find(inf.entity), true
		}
	}
	if tr.tagged {
		p.learnFamily(turns, t)
		return
	}
	p.predictTurn(turns, t)
	if g, described := p.tagGender(tr); g != lexicon.GenderUnknown {
		// “…?” he persisted, or “…,” said the old gentleman, the tag
		// left unresolved: the turn rules may not give it to a woman.
		if tr.speaker < 0 || !p.fits(tr.speaker, g) {
			tr.speaker, tr.hops = p.speakerOfSex(turns, t, g, described), noHops
		}
		return
	}
	if g := p.pronounBefore(turns, t); g != lexicon.GenderUnknown && (tr.speaker < 0 || !p.fits(tr.speaker, g)) {
		// “He frowned at the board. “…””: the narration before the
		// turn, led by “he”, rules out a woman the turn rules gave.
		id := p.fictionSubject(p.nearStart(tr.first), p.quotes[tr.first].Span.Start, g, tr.addressee)
		if id < 0 {
			id = p.lastSpeakerOf(turns, t, g, tr.addressee)
		}
		if id >= 0 {
			// No turn of alternation is reckoned from it: the
			// narration may be a pause in one speaker's talk.
			tr.speaker, tr.hops = p.ents.find(id), noHops
			p.setTurnRule(tr, RuleParagraphSubject, 0.45)
		}
	}
	p.learnFamily(turns, t)
}

// speakerOfSex is who may speak turn t when an unresolved tag of gender
// g marks it: the nearest other speaker of the conversation of that
// gender; else, for a pronoun (a description names no one just heard:
// see justNamed), the subject of the narration before, else the last
// speaker of that gender; -1 if none.
func (p *pass) speakerOfSex(turns []turn, t int, g lexicon.Gender, described bool) int {
	tr := &turns[t]
	if t > 0 && turns[t-1].conv == tr.conv {
		if id := p.otherSpeaker(turns, t-1, -1, tr.addressee, g); id >= 0 {
			return id
		}
		if described {
			return -1
		}
	}
	if id := p.fictionSubject(p.nearStart(tr.first), p.quotes[tr.first].Span.Start, g, tr.addressee); id >= 0 {
		return p.ents.find(id)
	}
	if id := p.lastSpeakerOf(turns, t, g, tr.addressee); id >= 0 {
		return p.ents.find(id)
	}
	return -1
}

// tagGender is the gender of a “he”, “she” or person description that
// tags a quote of turn tr but was resolved to no one (the turn is
// untagged), and whether it is a description; GenderUnknown if none.
func (p *pass) tagGender(tr *turn) (g lexicon.Gender, described bool) {
	for i := tr.first; i <= tr.last; i++ {
		m := p.info[i].m
		if g, ok := p.anaphorGender(m); ok && (g == lexicon.Male || g == lexicon.Female) {
			return g, m.kind == nominalMention
		}
	}
	return lexicon.GenderUnknown, false
}

// pronounBefore is the gender of the “he” or “she” that leads the last
// sentence of the narration before turn t's first quote, in its paragraph
// or, failing that, in a paragraph of narration just before it (not the
// narration after the turn before's quote: “…,” he said. She laughed.);
// GenderUnknown if none does.
func (p *pass) pronounBefore(turns []turn, t int) lexicon.Gender {
	a, b, _ := p.narrationOpening(turns, t)
	if b-a < 2 {
		return lexicon.GenderUnknown
	}
	toks := p.withoutQuoted(tokenize(p.bufB[:0], p.text, max(a, b-narrationWindow), b, p.lx))
	p.bufB = toks
	for start, end := range sentencesBack(toks) {
		if end == start {
			continue
		}
		for _, g := range [2]lexicon.Gender{lexicon.Male, lexicon.Female} {
			if pronounLeads(toks[start:end], g) {
				return g
			}
		}
		break
	}
	return lexicon.GenderUnknown
}

// predictTurn predicts the speaker of untagged turn t from what came
// before: the narration before it, the person the turn before addressed,
// alternation.
func (p *pass) predictTurn(turns []turn, t int) {
	tr := &turns[t]
	tr.hops = noHops
	if id := p.listenedTo(turns, t); id >= 0 && id != tr.addressee {
		tr.speaker = id
		p.setTurnRule(tr, RulePreviousParagraph, 0.5)
		return
	}
	if id := p.previousNarrationSubject(turns, t); id >= 0 && id != tr.addressee {
		tr.speaker = id
		p.setTurnRule(tr, RulePreviousParagraph, 0.5)
		return
	}
	if t == 0 || turns[t-1].conv != tr.conv {
		return
	}
	prev := &turns[t-1]
	// Someone the narration after the last turn brings in speaks next
	// (“…,” said Foker. Just then Mr. Pecksniff came in. ¶ “…”).
	if id := p.trailingSubject(prev, lexicon.GenderUnknown, tr.addressee); id >= 0 && (prev.speaker < 0 || p.ents.find(id) != p.ents.find(prev.speaker)) && prev.lastPara+1 == tr.para {
		tr.speaker = id
		p.setTurnRule(tr, RulePreviousParagraph, 0.5)
		return
	}
	if prev.addressee >= 0 && prev.answers && prev.addressee != prev.speaker && prev.addressee != tr.addressee {
		tr.speaker = p.ents.find(prev.addressee)
		tr.hops = 0
		p.setTurnRule(tr, RuleAddressee, 0.5)
		return
	}
	if id := p.entryParty(turns, t); id >= 0 {
		tr.speaker, tr.hops = id, prev.hops+1
		p.setTurnRule(tr, RuleAlternation, 0.4)
		return
	}
	if id := p.otherSpeaker(turns, t-1, -1, tr.addressee, lexicon.GenderUnknown); id >= 0 {
		tr.speaker, tr.hops = id, prev.hops+1
		p.setTurnRule(tr, RuleAlternation, 0.4)
	}
}

// entryParty is, for untagged turn t right after turn t-1 that opens a run
// of turns after narration, the person the narration before t-1's quote in
// its own paragraph names nearest, other than t-1's speaker: the one the
// exchange opens with (“Dr Messinger called Rosa over to them. “…,” said
// Dr Messinger. ¶ “…””: Rosa, not whoever spoke before the narration);
// -1 if none.
func (p *pass) entryParty(turns []turn, t int) int {
	prev, tr := &turns[t-1], &turns[t]
	if prev.speaker < 0 || prev.lastPara+1 != tr.para || (t >= 2 && turns[t-2].conv == prev.conv && turns[t-2].lastPara+1 >= prev.para) {
		return -1
	}
	a, b := p.narrationBefore(prev.first)
	if b-a < 2 {
		return -1
	}
	toks := p.withoutQuoted(tokenize(p.bufB[:0], p.text, max(a, b-narrationWindow), b, p.lx))
	p.bufB = toks
	for start, end := range sentencesBack(toks) {
		if id := p.sentenceName(toks[start:end], lexicon.GenderUnknown, p.ents.find(prev.speaker), false); id >= 0 && id != tr.addressee {
			return p.ents.find(id)
		}
	}
	return -1
}

// backwardTurn revisits an untagged turn from the one after it: a turn
// just before a tagged one is spoken by the person that one addresses, or
// by the other party of the exchange. A speaker the forward reading gave
// stands when it was reckoned from a nearer turn, and when narration
// stands between the two turns (“They drank a lot. ¶ Tony did most of the
// talking. “…,” he said”: one speaker may go on after a pause).
func (p *pass) backwardTurn(turns []turn, t int) {
	tr, next := &turns[t], &turns[t+1]
	if tr.tagged || next.conv != tr.conv || next.speaker < 0 || (tr.speaker >= 0 && tr.speaker != next.speaker) {
		return
	}
	if tr.speaker >= 0 && (next.hops+1 > tr.hops || next.para > tr.lastPara+1) && !p.answeredByName(turns, t) {
		return
	}
	g, _ := p.tagGender(tr)
	if next.addressee >= 0 && next.answers && next.addressee != next.speaker && next.addressee != tr.addressee && (g == lexicon.GenderUnknown || p.fits(next.addressee, g)) {
		tr.speaker, tr.hops = p.ents.find(next.addressee), 0
		p.setTurnRule(tr, RuleAddressee, 0.45)
		return
	}
	if id := p.otherSpeaker(turns, t+1, 1, tr.addressee, g); id >= 0 {
		tr.speaker, tr.hops = id, next.hops+1
		p.setTurnRule(tr, RuleAlternation, 0.4)
	}
}

// answeredByName reports that untagged turn t ends with its quote and the
// next paragraph opens with a quote that a name tags as turn t's speaker:
// two turns back to back are two speakers, so a forward reading that gave
// turn t to that person (“…, Harriet?” ¶ “…” ¶ “…,” said Harriet: the one
// addressed did not answer first) yields to the backward one.
func (p *pass) answeredByName(turns []turn, t int) bool {
	tr := &turns[t]
	if tr.speaker < 0 || p.namedNext(turns, t) != p.ents.find(tr.speaker) {
		return false
	}
	a, b := p.narrationAfter(tr.last)
	return strings.TrimSpace(p.text[a:b]) == ""
}

// noHops marks a turn whose speaker no tag, addressee or alternation
// from one has given: the reading after it may take its place.
const noHops = 1 << 20

// otherSpeaker walks the conversation from turn t (backward when dir is
// -1, forward when 1) for the nearest speaker who is not turn t's, not
// skip, and fits gender g.
func (p *pass) otherSpeaker(turns []turn, t, dir, skip int, g lexicon.Gender) int {
	cur := turns[t].speaker
	for u, steps := t+dir, 0; u >= 0 && u < len(turns) && steps < 10; u, steps = u+dir, steps+1 {
		if turns[u].conv != turns[t].conv {
			break
		}
		s := turns[u].speaker
		if s >= 0 && s != cur && s != skip && p.fits(s, g) {
			return s
		}
	}
	for _, s := range turns[t].people {
		if s != cur && s != skip && p.fits(s, g) {
			return s
		}
	}
	return -1
}

// peopleWindow bounds the narration read for a conversation's parties,
// narrationWindow the narration read for the subject before a turn.
const (
	peopleWindow    = 400
	narrationWindow = 500
)

// peopleBefore lists the characters named in the narration before quote
// i (in its paragraph and the one before), nearest first.
func (p *pass) peopleBefore(i int) []int {
	a := p.para(max(0, p.paraOf[i]-1)).Start
	if i > 0 {
		a = max(a, p.quotes[i-1].Span.End)
	}
	a = max(a, p.quotes[i].Span.Start-peopleWindow)
	return p.peopleIn(a, p.quotes[i].Span.Start)
}

// peopleIn lists the characters named in text[a:b], last first.
func (p *pass) peopleIn(a, b int) []int {
	toks := tokenize(p.bufB[:0], p.text, a, b, p.lx)
	p.bufB = toks
	var people []int
	for k := len(toks) - 1; k >= 0; k-- {
		if !p.isNameWord(toks[k]) || (k > 0 && p.isNameWord(toks[k-1])) {
			continue
		}
		m := p.mentionAfter(toks, k)
		if m.kind != nameMention {
			continue
		}
		c := p.cast.lookup(m)
		if c < 0 || !p.cast.chars[c].person && !p.cast.chars[c].spoke {
			continue
		}
		id := p.castEntity(c)
		seen := false
		for _, q := range people {
			seen = seen || q == id
		}
		if !seen {
			people = append(people, id)
		}
	}
	return people
}

// setTurnRule records a predicted speaker's rule on every quote of a turn
// that has no speaker of its own.
func (p *pass) setTurnRule(tr *turn, rule string, conf float64) {
	for i := tr.first; i <= tr.last; i++ {
		if inf := &p.info[i]; !inf.m.ok() || inf.entity < 0 {
			inf.rule, inf.conf = rule, conf
		}
	}
}

// settleTurn gives each quote of a turn without a speaker of its own the
// speaker of the nearest tagged quote in its paragraph, else the turn's.
func (p *pass) settleTurn(tr *turn) {
	for i := tr.first; i <= tr.last; i++ {
		inf := &p.info[i]
		if inf.entity >= 0 {
			continue
		}
		from := -1
		for j := i - 1; j >= tr.first && from < 0; j-- {
			if p.info[j].entity >= 0 && p.info[j].m.ok() {
				from = j
			}
		}
		for j := i + 1; j <= tr.last && from < 0; j++ {
			if p.info[j].entity >= 0 && p.info[j].m.ok() {
				from = j
			}
		}
		switch {
		case from >= 0:
			inf.entity, inf.rule, inf.conf = p.info[from].entity, RuleSameParagraph, 0.6*p.info[from].conf
		case tr.speaker >= 0:
			inf.entity = tr.speaker
			if inf.rule == "" {
				inf.rule, inf.conf = RuleAlternation, 0.4
			}
		}
	}
}

// resolveInDialogue resolves quote i's pronoun or description (“he”, “the
// girl”, “the other”, “I”) among the people of the conversation.
func (p *pass) resolveInDialogue(turns []turn, t, i, narrator int) {
	inf := &p.info[i]
	m := inf.m
	g, ok := p.anaphorGender(m)
	if !ok {
		return
	}
	skip := turns[t].addressee
	if skip < 0 {
		// “It is very beautiful, mother,” she said: not the mother.
		skip = p.kinAddressee(turns, t)
	}
	id, ranked := p.anaphorIn(turns, t, i, narrator, g, skip)
	if id >= 0 && m.kind == pronounMention && p.namedAfterPronoun(i, id) {
		// “…,” she said, as if Katharine had challenged her: a pronoun
		// does not mean the one its own sentence names after it.
		n := p.ents.find(id)
		if id, ranked = p.anaphorIn(turns, t, i, narrator, g, n); id >= 0 && skip >= 0 && p.ents.find(id) == p.ents.find(skip) {
			id = -1
		}
	}
	if id >= 0 && m.kind == pronounMention && p.speaksOf(i, id) {
		// “Frank is getting down to work,” he would cry: no one speaks
		// of themselves by name; the next reading that passes over them
		// (and over the one addressed).
		if other, r := p.anaphorIn(turns, t, i, narrator, g, id); other >= 0 && (skip < 0 || p.ents.find(other) != p.ents.find(skip)) {
			id, ranked = other, r
		}
	}
	if id >= 0 && m.kind == nominalMention {
		switch p.ageOf(m) {
		case ageYoung:
			if p.young == nil {
				p.young = map[int]bool{}
			}
			p.young[p.ents.find(id)] = true
		case ageGrown:
			if y := p.ents.find(id); p.young[y] {
				// “the old gentleman” is not the one “the boy” named:
				// the next reading that passes over them.
				if id, ranked = p.anaphorIn(turns, t, i, narrator, g, y); id >= 0 && p.young[p.ents.find(id)] {
					id = -1
				}
			}
		}
	}
	if id >= 0 && m.kind == nominalMention {
		if n := p.ents.find(id); n == p.justNamed(turns, t) || n == p.namedNext(turns, t) {
			// “…?” inquired Oliver. ¶ “…,” said the old gentleman: a
			// writer who has just named a speaker does not describe
			// them in the next turn's tag, nor describe the one the
			// answer names (“…,” said the stranger. ¶ “…,” observed
			// Mr. Bumble); the turn is left to the turn rules.
			id, ranked = -1, 0
		}
	}
	if id < 0 {
		return
	}
	inf.entity = p.ents.find(id)
	if m.kind == nominalMention {
		if p.described == nil {
			p.described = map[string]int{}
		}
		p.described[descriptionKey(m.core)] = inf.entity
	}
	e := p.ents.get(id)
	if e.gender == lexicon.GenderUnknown && (g == lexicon.Male || g == lexicon.Female) {
		e.gender = g
	}
	if ranked > 0 {
		inf.conf = min(0.9, max(0.4, ranked))
		return
	}
	inf.conf = max(inf.conf, 0.7)
}

// justNamed is the speaker a name tagged in the turn just before turn t,
// when turn t follows it in the next paragraph and opens with its quote;
// -1 otherwise.
func (p *pass) justNamed(turns []turn, t int) int {
	if t == 0 || !p.exchangeGoesOn(turns, t-1, t, 1) {
		return -1
	}
	return p.nameTagOf(&turns[t-1])
}

// namedNext is the speaker a name tags in the turn right after turn t,
// when that turn is the next paragraph and opens with its quote: the
// other party of the exchange; -1 otherwise.
func (p *pass) namedNext(turns []turn, t int) int {
	if t+1 >= len(turns) || !p.exchangeGoesOn(turns, t, t+1, 1) {
		return -1
	}
	return p.nameTagOf(&turns[t+1])
}

// describedBefore is the person a trade describes as the subject of the
// narration just before quote i (“The waiter nodded his head and swept
// the crumbs… ¶ “Badly cogido,” he said”), when the trade is of gender g,
// or the one a description there last named as a tag (describedAs): the
// “he” or “she” of its tag; -1 if none. The narration runs back to
// the quote before, past the sentences that “he” or “she” leads; the
// sentence right before the quote is about someone else too when it holds
// “him” or “her” (“The nurse gave her a handkerchief. ¶ “…,” she
// cried”).
func (p *pass) describedBefore(i int, g lexicon.Gender) int {
	a, b := max(0, p.quotes[i].Span.Start-narrationWindow), p.quotes[i].Span.Start
	if i > 0 {
		a = max(a, p.quotes[i-1].Span.End)
	}
	if b-a < 2 || !strings.Contains(p.text[a:b], "The") {
		return -1 // no sentence opens with “The”: most narration
	}
	toks := tokenize(p.bufB[:0], p.text, a, b, p.lx)
	p.bufB = toks
	last := true
	for start, end := range sentencesBack(toks) {
		if start == end {
			continue
		}
		sent := toks[start:end]
		if pronounLeads(sent, g) {
			last = false
			continue
		}
		if len(sent) < 3 || !equalLower(sent[0].text, "the") || last && holdsObject(sent, g) {
			return -1
		}
		for j := 1; j < len(sent)-1 && j <= 3 && sent[j].word && !sent[j].cap; j++ {
			if tg, trade := p.lx.TradeNouns[sent[j].text]; trade && tg == g && sent[j+1].word {
				id, _ := p.resolve(p.makeMention(nominalMention, sent, 0, j, lexicon.GenderUnknown), i)
				return id
			}
			if id := p.describedAs(sent, j, g); id >= 0 {
				return id
			}
		}
		return -1
	}
	return -1
}

// describedAs is whom a tag with the description sent[:j+1] (“said the
// old man”) last named, when sent opens with it as its subject (“The old
// man struck his hand upon the table. ¶ “…,” he shrieked”) and they may be
// referred to with g; -1 otherwise. A bare “the man”, “the girl” is as
// often a passer-by; a qualified one, or “the other”, is a figure of the
// scene.
func (p *pass) describedAs(sent []token, j int, g lexicon.Gender) int {
	if _, person := p.lx.PersonNouns[sent[j].text]; !person || !sent[j+1].word || j < 2 && sent[j].text != "other" {
		return -1
	}
	if id, ok := p.described[describedKey(sent[:j+1])]; ok && p.fits(id, g) {
		return p.ents.find(id)
	}
	return -1
}

// holdsObject reports “him” (g male) or “her” (g female) in sent.
func holdsObject(sent []token, g lexicon.Gender) bool {
	obj := "him"
	if g == lexicon.Female {
		obj = "her"
	}
	for _, t := range sent {
		if equalLower(t.text, obj) {
			return true
		}
	}
	return false
}

// anaphorIn is the person quote i's mention of gender g points back to,
// and the ranker's confidence when the ranker chose them; skip is never
// chosen.
func (p *pass) anaphorIn(turns []turn, t, i, narrator int, g lexicon.Gender, skip int) (id int, ranked float64) {
	inf := &p.info[i]
	m := inf.m
	tr := &turns[t]
	id = -1
	if m.kind == nominalMention && p.isOtherNoun(m) {
		return p.otherParty(turns, t, i, skip), 0
	}
	if m.kind == nominalMention {
		id = p.capitalisedHead(m, g)
	}
	if id < 0 && m.kind == pronounMention && (g == lexicon.Male || g == lexicon.Female) {
		id = p.describedBefore(i, g)
	}
	if id < 0 && m.kind == pronounMention && (g == lexicon.Male || g == lexicon.Female) {
		id = p.actorBeforeTurn(turns, t, i, g, skip)
	}
	if id < 0 && (g == lexicon.Male || g == lexicon.Female) {
		id, ranked = p.rankFiction(turns, t, i, g)
	}
	if id >= 0 && skip >= 0 && p.ents.find(id) == p.ents.find(skip) {
		id, ranked = -1, 0
	}
	switch {
	case id >= 0:
	case g == lexicon.Self:
		id = narrator
		inf.rule = RuleNarrator
	case p.hasNarrationBefore(i):
		// “Jock turned to Beaver. “Well,” he said”: the paragraph's own
		// narration names the speaker.
		a := p.para(p.paraOf[i]).Start
		id = p.fictionSubject(a, p.quotes[i].Span.Start, g, skip)
	}
	if id < 0 && g != lexicon.Self && t > 0 && turns[t-1].conv == tr.conv && turns[t-1].lastPara+1 == tr.para {
		// A turn right after another: someone the narration after it
		// brings in, the other party, or whoever was just addressed.
		prev := &turns[t-1]
		n := -1
		if m.kind == pronounMention {
			n = p.trailingSubject(prev, g, skip)
		}
		if n >= 0 {
			id = n
		} else if m.kind == pronounMention && p.thoughtTurn(prev) && prev.speaker != skip && p.fits(prev.speaker, g) {
			// “…,” she thought to herself. ¶ “…,” she said: no one
			// answers a thought; the thinker speaks.
			id = p.ents.find(prev.speaker)
		} else if a := prev.addressee; a >= 0 && prev.answers && a != prev.speaker && a != skip && p.fits(a, g) {
			id = p.ents.find(a)
		} else if m.kind == pronounMention && p.goesOnAbout(prev, g) && prev.speaker != skip && p.fits(prev.speaker, g) {
			id = p.ents.find(prev.speaker)
		} else if m.kind == pronounMention {
			if p.hasNarrationBefore(prev.first) {
				// The paragraph before is narration that quotes some
				// words (“…read the words over the inn, “The Green
				// Man”, and smiled”), not a turn of talk another
				// answers: whom the narration names speaks.
				id = p.nearSubject(i, g, skip)
			}
			if id < 0 && p.pairGoesOn(turns, t, g, skip) {
				// “…, Harriet?” ¶ “Not of the dark.” ¶ “I am only
				// afraid…,” she went on: the woman of a pair, not
				// a woman named further back.
				id = p.ents.find(prev.speaker)
			}
			if id < 0 {
				id = p.recentOther(turns, t, g, skip)
			}
		} else {
			id = p.otherSpeaker(turns, t-1, -1, skip, g)
		}
		if id < 0 && prev.speaker >= 0 && prev.speaker != skip && p.fits(prev.speaker, g) && g != lexicon.GenderUnknown {
			id = prev.speaker
		}
	}
	if id < 0 && g != lexicon.Self {
		a := p.nearStart(i)
		id = p.fictionSubject(a, p.quotes[i].Span.Start, g, skip)
		if id < 0 && g != lexicon.GenderUnknown {
			// Whom the scene follows (“He looked at his watch…”, pages
			// after he was named), when one person of the gender leads
			// it; else, as in “She stopped dead… She looked… ¶ “Very
			// well,” she agreed”, a chain of sentences led by the
			// pronoun goes back further to the one who was named; else
			// the last speaker of the gender, before names further back.
			wider := max(p.para(max(0, p.paraOf[i]-4)).Start, m.start-2*antecedentWindow)
			id = p.sceneLead(tr.para, g, skip)
			if id < 0 {
				id = p.fictionSubject(wider, a, g, skip)
			}
			if id < 0 {
				id = p.lastSpeakerOf(turns, t, g, skip)
			}
			if id < 0 {
				widest := max(p.para(max(0, p.paraOf[i]-8)).Start, m.start-4*antecedentWindow)
				id = p.fictionSubject(widest, wider, g, skip)
			}
		}
	}
	return id, ranked
}

// actorBeforeTurn is, for the “he” or “she” of quote i opening turn t of
// a running exchange (the turn before ends in the paragraph just before)
// after narration in its own paragraph, the person of gender g that
// narration is about, read as when the ranker has no answer
// (fictionSubject: a clause's subject first, sentences led by the pronoun
// passed over to the one named before them): “…,” Cassandra cried… She
// hailed a cab and insisted that Katharine should get in. ¶ Katharine
// submitted. “Very well,” she said: Katharine, whom the ranker, reading
// the names around, may pass over for another woman. -1 if none.
func (p *pass) actorBeforeTurn(turns []turn, t, i int, g lexicon.Gender, skip int) int {
	tr := &turns[t]
	if t == 0 || i != tr.first || turns[t-1].conv != tr.conv || turns[t-1].lastPara+1 != tr.para || !p.hasNarrationBefore(i) {
		return -1
	}
	return p.fictionSubject(p.para(p.paraOf[i]).Start, p.quotes[i].Span.Start, g, skip)
}

// pairExchangeTurns bounds the turns read back for who takes part in an
// exchange of two.
const pairExchangeTurns = 4

// pairGoesOn reports, for a pronoun of gender g opening turn t right after
// turn t-1, an exchange of two people of either sex in which turn t-1 went
// to the one of gender g (not skip), by its tag or by the turn rules: its
// last turns spoken by that person and one other whose sex is known and is
// not g. The pronoun then names the one it fits, who goes on, rather than
// someone of that sex seen further back.
func (p *pass) pairGoesOn(turns []turn, t int, g lexicon.Gender, skip int) bool {
	prev := &turns[t-1]
	if prev.speaker < 0 || prev.speaker == skip || !p.fits(prev.speaker, g) {
		return false
	}
	for i := prev.first; i <= prev.last && !prev.tagged; i++ {
		if p.info[i].m.ok() {
			return false // a tag left unresolved: someone else may be meant
		}
	}
	one, other := p.ents.find(prev.speaker), -1
	for u := t - 2; u >= 0 && u >= t-1-pairExchangeTurns && turns[u].conv == turns[t].conv; u-- {
		s := turns[u].speaker
		if s < 0 {
			return false
		}
		switch s = p.ents.find(s); {
		case s == one:
		case other >= 0 && s != other:
			return false
		default:
			other = s
		}
	}
	return other >= 0 && p.ents.get(other).gender != lexicon.GenderUnknown && !p.fits(other, g)
}

// isOtherNoun reports a description headed by “other” (lexicon
// [other-nouns]): “replied the other”.
func (p *pass) isOtherNoun(m mention) bool {
	head, _ := nominalHead(m.core)
	return p.lx.OtherNouns[strings.ToLower(head)]
}

// otherParty is the speaker “the other” tags in quote i of turn t: not
// the person last in view — the narration's subject between the turn
// before and this quote, else the speaker just before — but the one they
// talk with: the speaker just before when the narration showed someone
// else (“…,” said Miss Anne. ¶ Catherine spoke the pleasure she felt.
// ¶ “Oh! yes,” rejoined the other), else the other party of the
// conversation. Never skip; -1 if no one.
func (p *pass) otherParty(turns []turn, t, i, skip int) int {
	tr := &turns[t]
	last, near := -1, -1
	if t > 0 && turns[t-1].conv == tr.conv {
		last = turns[t-1].speaker
	}
	for j := i - 1; j >= tr.first; j-- {
		if e := p.info[j].entity; e >= 0 {
			last = e
			break
		}
	}
	switch {
	case p.hasNarrationBefore(i):
		near = p.fictionSubject(p.para(p.paraOf[i]).Start, p.quotes[i].Span.Start, lexicon.GenderUnknown, skip)
	case t > 0 && turns[t-1].conv == tr.conv && i == tr.first:
		if near = p.trailingSubject(&turns[t-1], lexicon.GenderUnknown, skip); near < 0 {
			near = p.previousNarrationSubject(turns, t)
		}
	}
	if last >= 0 {
		last = p.ents.find(last)
	}
	if near >= 0 {
		near = p.ents.find(near)
		if last >= 0 && near != last && last != skip {
			return last
		}
	}
	if near < 0 {
		near = last
	}
	if near < 0 || t == 0 || turns[t-1].conv != tr.conv {
		return -1
	}
	// The person seen last before, passing over the one in view even in
	// the narration that names them first (“Gino had discovered how
	// things lay… Philip tried to look offended… “…,” he said. ¶
	// “…!” cried the other”: Gino).
	id := p.recentOther(turns, t, lexicon.GenderUnknown, near)
	if id >= 0 && skip >= 0 && id == p.ents.find(skip) {
		return -1
	}
	return id
}

// nearStart is where the near narration reading for quote i's mention
// begins: two paragraphs back, at most antecedentWindow bytes.
func (p *pass) nearStart(i int) int {
	from := p.para(max(0, p.paraOf[i]-2)).Start
	return max(from, p.info[i].m.start-antecedentWindow)
}

// nearSubject is the subject of the near narration before quote i who fits
// g and is not skip, -1 if none.
func (p *pass) nearSubject(i int, g lexicon.Gender, skip int) int {
	return p.fictionSubject(p.nearStart(i), p.quotes[i].Span.Start, g, skip)
}

// anaphorGender tells whether a mention points back to someone in the
// story, and the gender it shows.
func (p *pass) anaphorGender(m mention) (lexicon.Gender, bool) {
	switch m.kind {
	case pronounMention:
		return m.gender, m.gender == lexicon.Male || m.gender == lexicon.Female || m.gender == lexicon.Self
	case nominalMention:
		return p.personNoun(m)
	}
	return 0, false
}

// personNoun reads a description made of a determiner, adjectives and a
// person noun: “the girl”, “the old gentleman”, “her husband”.
func (p *pass) personNoun(m mention) (lexicon.Gender, bool) {
	head, n := nominalHead(m.core)
	if n < 2 || n > 4 {
		return 0, false
	}
	return inLower(p.lx.PersonNouns, head)
}

// capitalisedHead is the person a description names when the book
// writes its person noun capitalised, as the name of one character (“said
// the Grandmother”, “the Grandmother went on”; then “the grandmother”
// too): the cast's person of that name, unless their gender is not g; -1
// otherwise. Such a description is no one of the conversation but that
// character, however far back the narration last named them.
func (p *pass) capitalisedHead(m mention, g lexicon.Gender) int {
	head, _ := nominalHead(m.core)
	if head == "" {
		return -1
	}
	if st := p.cast.seen(head); st == nil || st.capMid == 0 {
		return -1 // the book never writes it capitalised inside a sentence
	}
	if r, size := utf8.DecodeRuneInString(head); !unicode.IsUpper(r) {
		// “the grandmother” too, where the book mostly writes her so
		head = string(unicode.ToUpper(r)) + head[size:]
	}
	c := p.cast.lookup(mention{kind: nameMention, core: head})
	if c < 0 || !p.cast.chars[c].person || p.cast.chars[c].thing {
		return -1
	}
	id := p.castEntity(c)
	if e := p.ents.get(id); g != lexicon.GenderUnknown && e.gender != lexicon.GenderUnknown && e.gender != g {
		return -1
	}
	return id
}

// nominalHead returns the last word of a description and how many words
// it has (up to 5), leaving out the adverb a tag may end with (“said the
// girl thoughtfully”, “said the Coroner dryly”).
func nominalHead(core string) (head string, words int) {
	for k := 0; words <= 4; {
		var w string
		if w, k = nextField(core, k); w == "" {
			break
		}
		if words > 0 && isAdverb(w) {
			continue
		}
		head = w
		words++
	}
	return head, words
}

// isAdverb reports a lower-case word ending in -ly: “thoughtfully”.
func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w[0] >= 'a' && w[0] <= 'z'
}

// hasNarrationBefore reports narration in quote i's paragraph before it.
func (p *pass) hasNarrationBefore(i int) bool {
	a, b := p.narrationBefore(i)
	for _, r := range p.text[a:b] {
		if r != ' ' && r != '\n' && r != '\t' {
			return true
		}
	}
	return false
}

// fits reports whether entity id may be referred to with gender g: a
// known gender must match; an unknown one fits only a person.
func (p *pass) fits(id int, g lexicon.Gender) bool {
	e := p.ents.get(id)
	if e.nominal {
		return false
	}
	if g == lexicon.Male || g == lexicon.Female {
		// “I” tells the story; “he” and “she” are the others.
		return e.gender == g && (p.narrator < 0 || p.ents.find(id) != p.ents.find(p.narrator))
	}
	return true
}

// fictionSubject finds the subject of the nearest sentence in text[a:b]
// that names a character who fits g and is not skip.
func (p *pass) fictionSubject(a, b int, g lexicon.Gender, skip int) int {
	// The nearest narration first: most subjects are found there, and
	// reading it alone saves tokenizing the whole window.
	if near := b - nearNarration; near > a {
		if id := p.subjectBetween(near, b, g, skip); id >= 0 {
			return id
		}
		b = near
	}
	return p.subjectBetween(a, b, g, skip)
}

// nearNarration is the stretch of narration fictionSubject reads first.
const nearNarration = 250

func (p *pass) subjectBetween(a, b int, g lexicon.Gender, skip int) int {
	if b <= a {
		return -1
	}
	toks := p.withoutQuoted(tokenize(p.bufB[:0], p.text, a, b, p.lx))
	p.bufB = toks
	if g == lexicon.GenderUnknown {
		// An untagged turn, with no pronoun's gender to go by: the
		// narration's subject speaks, seldom the one it acts on (“Mrs.
		// Allen put down her work. It was a letter from Henry Tilney.”).
		if id := p.namedIn(toks, g, skip, true); id >= 0 {
			return id
		}
	}
	return p.namedIn(toks, g, skip, false)
}

// withoutQuoted drops from toks, in place, the words inside quotation
// marks, each quoted piece leaving a sentence end: a name spoken in an
// earlier turn (“…that Mr. Palmer was not in the house.”) is no subject of
// the narration.
func (p *pass) withoutQuoted(toks []token) []token {
	if len(toks) == 0 {
		return toks
	}
	q := sort.Search(len(p.quotes), func(j int) bool { return p.quotes[j].Span.End > toks[0].start })
	kept := toks[:0]
	for k := 0; k < len(toks); k++ {
		for q < len(p.quotes) && p.quotes[q].Span.End <= toks[k].start {
			q++
		}
		f := quotedPiece(p.quotes, q, toks[k].start)
		if f.End == 0 {
			kept = append(kept, toks[k])
			continue
		}
		start := toks[k].start
		for k+1 < len(toks) && toks[k+1].start < f.End {
			k++
		}
		kept = append(kept, token{start: start, end: start, text: "."})
	}
	return kept
}

// quotedPiece is the piece of quote q inside quotation marks that holds
// byte pos, a zero span if none does (pos before q, or in the narration
// between the pieces of an interrupted quote).
func quotedPiece(quotes []core.Quote, q, pos int) core.Span {
	if q >= len(quotes) || pos < quotes[q].Span.Start {
		return core.Span{}
	}
	for _, f := range quotes[q].Fragments {
		if f.Start <= pos && pos < f.End {
			return f
		}
	}
	return core.Span{}
}

// namedIn scans toks sentence by sentence from the end for the first
// character who fits g and is not skip; with subjects, only a name that
// opens a clause counts (“Jock stopped to talk to Beaver.”: Jock).
func (p *pass) namedIn(toks []token, g lexicon.Gender, skip int, subjects bool) int {
	for start, end := range sentencesBack(toks) {
		sent := toks[start:end]
		if id := p.describedSpeakerLeads(sent, g); id >= 0 {
			return id
		}
		if pronounLeads(p.mainClause(sent), g) {
			// “She glanced at Mrs. Hilbery.”: the sentence goes on about
			// someone named earlier, not the woman it names.
			continue
		}
		// In a sentence, the subject of a clause before a name it governs
		// (“Turning to Edmund, Julia said”).
		id := p.sentenceName(sent, g, skip, true)
		if id < 0 && !subjects {
			// “…, and he recognised Lawrence Lefferts.”: a name after
			// the pronoun is its object, not who it is.
			id = p.sentenceName(sent[:pronounAt(sent, g)], g, skip, false)
		}
		if id >= 0 {
			return id
		}
	}
	return -1
}

// sentenceName is the first character sent names who fits g and is not
// skip; with subjects, only one whose name opens a clause, and of those
// the subject of the last main clause joined to the one before (“Mr.
// Giles was at a loss; but Harry Maylie understood it at once”: the
// sentence ends on Harry Maylie, who speaks next).
func (p *pass) sentenceName(sent []token, g lexicon.Gender, skip int, subjects bool) int {
	lastEnd, lastOpens := -1, false // the name read last: where it ends, whether it opened a clause
	found := -1
	for s := 0; s < len(sent); s++ {
		if id := p.titleAlone(sent, s); id >= 0 {
			// “The General hastened to lend her his support.”
			if (!subjects || opensClause(sent, s)) && id != skip && p.fits(id, g) {
				if !subjects {
					return id
				}
				found = p.laterSubject(sent, s, id, found)
			}
			s++
			continue
		}
		if !p.isNameWord(sent[s]) {
			continue
		}
		opens := opensClause(sent, s)
		if s == lastEnd+2 && isCoordinator(sent[s-1].text) {
			// “Anne sat between Matthew and Marilla”: a name joined to
			// the one before has its place in the clause.
			opens = lastOpens
		}
		if subjects && !opens && s > 0 && !p.isNameWord(sent[s-1]) {
			lastEnd, lastOpens = s, false
			continue // read no further a name the clause does not open
		}
		m := p.mentionAfter(sent, s)
		if m.kind == nominalMention && isPossessive(sent[s].text) {
			// “Anne's lips quivered.”: the owner is who the sentence is about.
			m = p.makeMention(nameMention, sent, s, s, 0)
		}
		if m.kind != nameMention {
			continue
		}
		start := s
		s = m.last
		lastEnd, lastOpens = s, opens
		// A possessive is no subject, except one opening the sentence
		// (“Hester's lips quivered.”).
		if subjects && (!opens || isPossessive(sent[m.last].text) && start > 0) {
			continue
		}
		c := p.cast.lookup(m)
		if c < 0 || !p.cast.chars[c].person && !p.cast.chars[c].spoke {
			continue
		}
		if id := p.castEntity(c); id != skip && p.fits(id, g) {
			if !subjects {
				return id
			}
			found = p.laterSubject(sent, start, id, found)
		}
	}
	return found
}

// laterSubject is the subject sentenceName keeps when id, whose name
// starts at token k, opens a clause and found was kept before: the first
// subject, or one opening a later coordinate main clause.
func (p *pass) laterSubject(sent []token, k, id, found int) int {
	if found < 0 || p.coordinateClause(sent, k) {
		return id
	}
	return found
}

// coordinateClause reports a name at token k that opens a main clause
// joined to the one before (“…; but Harry Maylie understood it at once”):
// after a semicolon, or a coordinator after a comma or semicolon.
func (p *pass) coordinateClause(sent []token, k int) bool {
	if k >= 1 && sent[k-1].text == ";" {
		return true
	}
	return k >= 2 && (sent[k-2].text == "," || sent[k-2].text == ";") && hasLower(p.lx.ClauseCoordinators, sent[k-1].text)
}

// describedSpeakerLeads is the speaker a capitalised description that
// opens sent names (“The Secretary turned to him with working
// eyebrows.”), when the book tags quotes with that description (“said the
// Secretary”) and it may be referred to with g; -1 otherwise. Such a
// sentence is about that person, not about a name further back. (A
// description in lower case, “the waiter”, “the men”, is too often a
// passing figure, not the one who speaks next.)
func (p *pass) describedSpeakerLeads(sent []token, g lexicon.Gender) int {
	if g != lexicon.Male && g != lexicon.Female {
		return -1
	}
	sent = wordsFrom(sent)
	if len(sent) < 2 || !equalLower(sent[0].text, "the") {
		return -1
	}
	for n := 1; n < len(sent) && n <= 3 && sent[n].word; n++ {
		if !sent[n].cap {
			continue // (“The old Professor”: read on to the capital)
		}
		ids := p.ents.byCore[describedKey(sent[:n+1])]
		if len(ids) == 0 {
			continue
		}
		if c := p.cast.lookup(mention{kind: nameMention, core: sent[n].text}); c >= 0 && p.cast.chars[c].thing {
			return -1 // “The Hilberys”: a family
		}
		id := p.ents.find(ids[0])
		if e := p.ents.get(id); e.gender != lexicon.GenderUnknown && e.gender != g || p.narrator >= 0 && id == p.ents.find(p.narrator) {
			return -1
		}
		return id
	}
	return -1
}

// descriptionKey is describedKey for a description's text: its words in
// lower case, without the adverb a tag may end with (“the child
// thoughtfully” is “the child”).
func descriptionKey(core string) string {
	var b strings.Builder
	for k := 0; ; {
		var w string
		if w, k = nextField(core, k); w == "" {
			break
		}
		if b.Len() > 0 && isAdverb(w) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(lower(w))
	}
	return b.String()
}

// describedKey is the registry's key for the description made of words:
// lower case, one space between words (“the old professor”).
func describedKey(words []token) string {
	var b strings.Builder
	for k, w := range words {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(lower(w.text))
	}
	return b.String()
}

// pronounLeads reports a sentence whose subject is “he” or “she” of
// gender g, among its first words (“She turned…”, “Then he said…”).
func pronounLeads(sent []token, g lexicon.Gender) bool {
	subject := subjectPronoun(g)
	if subject == "" {
		return false
	}
	for k := 0; k < len(sent) && k < leadWords; k++ {
		t := sent[k]
		if !t.word {
			return false
		}
		if equalLower(t.text, subject) {
			return true
		}
		if t.cap && k > 0 {
			return false // a name comes first
		}
	}
	return false
}

// pronounAt is where sent first says “he” or “she” of gender g, len(sent)
// if nowhere: a name after it is that pronoun's object, not its
// antecedent (“They passed under a lamp, and he recognised Lawrence
// Lefferts.”).
func pronounAt(sent []token, g lexicon.Gender) int {
	if subject := subjectPronoun(g); subject != "" {
		for k, t := range sent {
			if t.word && equalLower(t.text, subject) {
				return k
			}
		}
	}
	return len(sent)
}

// subjectPronoun is “he” or “she” for gender g, "" for others.
func subjectPronoun(g lexicon.Gender) string {
	switch g {
	case lexicon.Male:
		return "he"
	case lexicon.Female:
		return "she"
	}
	return ""
}

// leadWords is how far into a sentence its subject is looked for.
const leadWords = 3

// previousNarrationSubject is the character the narration paragraph just
// before turn t is about, -1 if that paragraph holds a quote or names no
// one.
func (p *pass) previousNarrationSubject(turns []turn, t int) int {
	tr := &turns[t]
	if tr.para == 0 || (t > 0 && turns[t-1].lastPara >= tr.para-1) {
		return -1
	}
	prev := p.para(tr.para - 1)
	return p.fictionSubject(max(prev.Start, prev.End-narrationWindow), prev.End, lexicon.GenderUnknown, tr.addressee)
}

// listenedTo is the speaker of untagged turn t when the narration right
// before it shows a character listening (“Mr. Wilcox listened
// attentively.”): the one they listen to, the speaker of the turn before
// when that is someone else, else the other party of the conversation;
// -1 when the narration shows no listener.
func (p *pass) listenedTo(turns []turn, t int) int {
	tr := &turns[t]
	if t == 0 || turns[t-1].conv != tr.conv {
		return -1
	}
	l := p.listenerBefore(turns, t)
	if l < 0 {
		return -1
	}
	prev := &turns[t-1]
	if prev.speaker >= 0 && p.ents.find(prev.speaker) != l {
		return p.ents.find(prev.speaker)
	}
	return p.otherSpeaker(turns, t-1, -1, l, lexicon.GenderUnknown)
}

// listenerBefore is the character the last sentence of the narration
// before turn t's first quote (in its paragraph, else in the paragraph
// before, else after the turn before's last quote) shows listening, by a
// phrase of [listening-phrases] after its opening name; -1 if none.
func (p *pass) listenerBefore(turns []turn, t int) int {
	a, b := p.narrationBeforeTurn(turns, t)
	if b-a < 2 {
		return -1
	}
	toks := tokenize(p.bufB[:0], p.text, max(a, b-narrationWindow), b, p.lx)
	p.bufB = toks
	for start, end := range sentencesBack(toks) {
		if end > start {
			return p.listenerIn(toks[start:end])
		}
	}
	return -1
}

// narrationBeforeTurn is the narration read right before turn t (t > 0):
// narrationOpening, else after the last quote of the turn before.
func (p *pass) narrationBeforeTurn(turns []turn, t int) (int, int) {
	a, b, whole := p.narrationOpening(turns, t)
	if b-a < 2 && !whole {
		a, b = p.narrationAfter(turns[t-1].last)
	}
	return a, b
}

// narrationOpening is the narration in the paragraph of turn t's first
// quote, before it, else the paragraph before when it holds no quote
// (whole reports that one).
func (p *pass) narrationOpening(turns []turn, t int) (a, b int, whole bool) {
	tr := &turns[t]
	a, b = p.narrationBefore(tr.first)
	if b-a < 2 && t > 0 && turns[t-1].lastPara+1 < tr.para {
		prev := p.para(tr.para - 1)
		return prev.Start, prev.End, true
	}
	return a, b, false
}

// listenerIn is the character sent opens with when a listening phrase
// follows their name, past adverbs, or after “but”/“and” joining the
// same subject's next verb (“Edmund looked round at Mr. Rushworth too,
// but had nothing to say.”); -1 otherwise.
func (p *pass) listenerIn(sent []token) int {
	m := p.mentionAfter(sent, 0)
	if m.kind != nameMention {
		return -1
	}
	k := m.last + 1
	for k < len(sent) && sent[k].word && isAdverb(sent[k].text) {
		k++
	}
	if !p.listensAt(sent, k) {
		k = p.joinedPredicate(sent, k)
		if k < 0 || !p.listensAt(sent, k) {
			return -1
		}
	}
	c := p.cast.lookup(m)
	if c < 0 || !p.cast.chars[c].person {
		return -1
	}
	return p.ents.find(p.castEntity(c))
}

// joinedPredicate is where the next verb of a sentence's subject starts
// after “but” or “and” past k, when no other name or pronoun comes before
// it; -1 if none.
func (p *pass) joinedPredicate(sent []token, k int) int {
	for ; k < len(sent); k++ {
		w := sent[k]
		if w.word && (equalLower(w.text, "but") || equalLower(w.text, "and")) {
			return k + 1
		}
		if w.word && (p.isNameWord(w) || isSubjectPronoun(w.text)) {
			return -1
		}
	}
	return -1
}

// listensAt reports a listening phrase at sent[k:].
func (p *pass) listensAt(sent []token, k int) bool {
	for _, ph := range p.lx.ListeningPhrases {
		if k+len(ph) > len(sent) {
			continue
		}
		ok := true
		for j, w := range ph {
			ok = ok && equalLower(sent[k+j].text, w)
		}
		if ok {
			return true
		}
	}
	return false
}

// vocativeWindow bounds the text read at each end of a quote for a name
// said to someone.
const vocativeWindow = 60

// vocativeLead lists words that may come before a name said to someone:
// “Oh, Jane,”, “My dear Jane,”.
func isVocativeLead(w string) bool {
	if len(w) > len("dearest") {
		return false
	}
	switch lower(w) {
	case "oh", "o", "ah", "well", "yes", "no", "my", "dear", "why", "come", "now", "dearest", "poor":
		return true
	}
	return false
}

// addressee returns the character quote i speaks to, named at either end
// of one of its pieces (“Jane, come here.”, “…, Mr. Darcy?”), or -1.
func (p *pass) addressee(i int) (id int, answers bool) {
	for _, f := range p.quotes[i].Fragments {
		head, tail := mayAddress(p.text[f.Start:f.End])
		if !head && !tail {
			continue
		}
		toks := tokenize(p.bufA[:0], p.text, f.Start, min(f.End, f.Start+vocativeWindow), p.lx)
		p.bufA = toks
		k := 0
		for k < len(toks) && (!toks[k].word || isVocativeLead(toks[k].text)) && k < 5 {
			k++
		}
		// “Jane, come here.”, “Jane!”; but “Trinidad.” answers a question.
		if m := p.mentionAfter(toks, k); m.kind == nameMention && m.last+1 < len(toks) && isVocativeEnd(toks[m.last+1].text) && toks[m.last+1].text != "." {
			if id, answers := p.vocativeEntity(m); id >= 0 {
				return id, answers
			}
		}
		if !tail {
			continue
		}
		toks = tokenize(p.bufA[:0], p.text, max(f.Start, f.End-vocativeWindow), f.End, p.lx)
		p.bufA = toks
		k = len(toks) - 1
		for k >= 0 && !toks[k].word {
			k--
		}
		if k+1 >= len(toks) || !isVocativeEnd(toks[k+1].text) {
			continue
		}
		m := p.mentionBefore(toks, k)
		if m.kind == nameMention && m.first > 0 && (toks[m.first-1].text == "," || isVocativeLead(toks[m.first-1].text)) {
			if id, answers := p.vocativeEntity(m); id >= 0 {
				// “Is that house to let again, Powell?”: one asked a
				// question by name answers it, whatever else the book
				// shows of them.
				return id, answers || toks[k+1].text == "?"
			}
		}
	}
	return p.midVocative(i)
}

// midVocative is the character a quote addresses by a name set apart by
// commas inside it (“I tell you, Marilla, that child is…”), -1 if none.
// A capitalised word after a comma is looked for before any tokenizing.
func (p *pass) midVocative(i int) (id int, answers bool) {
	for _, f := range p.quotes[i].Fragments {
		piece := p.text[f.Start:f.End]
		for k := strings.Index(piece, ", "); k >= 0; {
			at := f.Start + k + 2
			if c := p.text[at]; c >= 'A' && c <= 'Z' && !isWordI(piece[k+2:]) && setApart(piece[k+2:]) {
				toks := tokenize(p.bufA[:0], p.text, at, min(f.End, at+vocativeWindow), p.lx)
				p.bufA = toks
				j := 0
				for j < len(toks) && j < 2 && toks[j].word && isVocativeLead(toks[j].text) {
					j++
				}
				if m := p.mentionAfter(toks, j); m.kind == nameMention && m.last+1 < len(toks) && isVocativeEnd(toks[m.last+1].text) && toks[m.last+1].text != "." && !inList(p, toks, m.last+2) {
					if id, answers := p.vocativeEntity(m); id >= 0 {
						return id, answers
					}
				}
			}
			next := strings.Index(piece[k+2:], ", ")
			if next < 0 {
				break
			}
			k += 2 + next
		}
	}
	return -1, false
}

// inList reports a name that goes on a list rather than addresses
// someone: another name or “and”/“or” at toks[k], after its comma
// (“Ronny, Ralph, and Stella”).
func inList(p *pass, toks []token, k int) bool {
	return k < len(toks) && (p.isNameWord(toks[k]) || isCoordinator(toks[k].text))
}

// setApart is a quick look, before any tokenizing, for capitalised
// words alone up to a mark (“Mr. Fielding,”), as a name said to someone
// is written.
func setApart(s string) bool {
	for k := 0; k < len(s) && k < vocativeWindow; k++ {
		switch c := s[k]; {
		case c == ',' || c == '!' || c == '?' || c == ';' || c == '-' || c >= utf8.RuneSelf:
			return true // a mark, or a dash or an ellipsis the tokenizer reads
		case c == ' ' || c == '\n':
			if k+1 < len(s) && s[k+1] >= 'a' && s[k+1] <= 'z' {
				return false // a lower-case word: a clause, not a name
			}
		}
	}
	return false
}

// isWordI reports s starting with the word “I” (“…, I think”), the
// commonest capital after a comma and no name.
func isWordI(s string) bool {
	return s[0] == 'I' && (len(s) == 1 || s[1] == ' ' || s[1] == '\'' || s[1] == '\n' || s[1] >= utf8.RuneSelf)
}

// cueWindow bounds the narration read after a speech verb for the person
// spoken to.
const cueWindow = 80

// cueAddressee is the character quote i's tag says it is spoken to (“said
// to Mrs. Bhattacharya, whose face she liked, “…””, “…,” asked Mr.
// Brownlow, in a low voice, of Monks), -1 if none: “to” or “of” and a
// name in the clause of the speech verb. Like a vocative, it names who
// answers next.
func (p *pass) cueAddressee(i int) (id int, answers bool) {
	inf := &p.info[i]
	if inf.cue.IsZero() || !inf.m.ok() {
		return -1, false
	}
	a, b := p.narrationBefore(i)
	if inf.cue.Start >= p.quotes[i].Span.End {
		a, b = p.narrationAfter(i)
	}
	if inf.cue.End < a || inf.cue.End >= b {
		return -1, false
	}
	toks := tokenize(p.bufA[:0], p.text, inf.cue.End, min(b, inf.cue.End+cueWindow), p.lx)
	p.bufA = toks
	if inf.m.end <= inf.cue.Start && len(toks) > 0 && asksSomeone(p.text[inf.cue.Start:inf.cue.End]) {
		// “…,” she asked Edmund: the name after the verb is its object.
		if m := p.mentionAfter(toks, 0); m.kind == nameMention && !isPossessive(toks[m.last].text) {
			return p.vocativeEntity(m)
		}
	}
	for k := 0; k+1 < len(toks) && !endsSentence(toks, k); k++ {
		if toks[k].start < inf.m.end && toks[k].end > inf.m.start || !toks[k].word {
			continue
		}
		if w := toks[k].text; w != "to" && w != "of" {
			continue
		}
		m := p.mentionAfter(toks, k+1)
		if m.kind != nameMention || isPossessive(toks[m.last].text) {
			return -1, false
		}
		return p.vocativeEntity(m)
	}
	return -1, false
}

// asksSomeone reports a speech verb whose object is the person spoken
// to (“asked Edmund”, “told Mr. Bumble”), not what is said.
func asksSomeone(cue string) bool {
	switch lower(cue) {
	case "asked", "asks", "told", "tells", "answered", "answers", "assured", "begged", "implored", "entreated", "reminded", "warned", "urged", "thanked", "addressed", "interrupted", "questioned", "informed", "bade", "besought":
		return true
	}
	return false
}

// turnedTo is the character the narration sentence right before quote i
// says the speaker turns or speaks to (“Turning to Edmund, Julia said,
// “…””, “He turned to Fanny. “…””), -1 if none: a speech verb or “turn”,
// an adverb at most, “to” and a name.
func (p *pass) turnedTo(i int) (id int, answers bool) {
	a, b := p.narrationBefore(i)
	if b-a < 2 {
		return -1, false
	}
	toks := tokenize(p.bufA[:0], p.text, max(a, b-cueWindow*2), b, p.lx)
	p.bufA = toks
	for k := len(toks) - 2; k >= 1 && !endsSentence(toks, k); k-- {
		if toks[k].text != "to" {
			continue
		}
		v := toks[k-1]
		if isAdverb(v.text) && k >= 2 {
			v = toks[k-2]
		}
		if !v.word || !p.lx.Cues[lower(v.text)] && !isTurnVerb(v.text) {
			continue
		}
		m := p.mentionAfter(toks, k+1)
		if m.kind != nameMention || isPossessive(toks[m.last].text) {
			return -1, false
		}
		if id, answers = p.vocativeEntity(m); id >= 0 && p.info[i].entity >= 0 && p.ents.find(id) == p.ents.find(p.info[i].entity) {
			return -1, false // “…to Fanny, who said”: she speaks
		}
		return id, answers
	}
	return -1, false
}

// isTurnVerb reports a form of “turn”, as one turns to whom one speaks.
func isTurnVerb(w string) bool {
	switch lower(w) {
	case "turn", "turned", "turning", "turns":
		return true
	}
	return false
}

// mayAddress is a quick look, before any tokenizing, for a capitalised
// word right at the head of a quote piece (before its first comma or
// mark) or right after its last comma: where a name said to someone sits.
func mayAddress(piece string) (head, tail bool) {
	words := 0
	window := piece[:min(len(piece), vocativeWindow)]
	for k := 0; ; {
		var w string
		if w, k = nextField(window, k); w == "" {
			break
		}
		w = strings.TrimLeft(w, "\"'“‘«»„‚ ")
		if w == "" {
			continue
		}
		if c := w[0]; c >= 'a' && c <= 'z' && !isVocativeLead(strings.TrimRight(w, ",!?.")) {
			break
		}
		words++
		if breaksPhrase(w) {
			head = words > 0
			break
		}
	}
	// “…, Dr. Aziz,” ends with the comma before the tag, not the one
	// that sets the name apart.
	piece = strings.TrimRight(piece, ",;:!?.\"'”’ \n")
	tailFrom := max(0, len(piece)-vocativeWindow)
	if c := strings.LastIndexByte(piece[tailFrom:], ','); c >= 0 {
		c += tailFrom
		rest := strings.TrimLeft(piece[c+1:], " \n")
		tail = rest != "" && (rest[0] >= 'A' && rest[0] <= 'Z' || rest[0] >= 0x80 || strings.HasPrefix(rest, "my ") || strings.HasPrefix(rest, "dear "))
	}
	return head, tail
}

// breaksPhrase reports a comma, period, question or exclamation mark,
// semicolon or dash in a word.
func breaksPhrase(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case ',', '.', '!', '?', ';':
			return true
		}
	}
	return strings.Contains(w, "—")
}

// nextField returns the next space-separated field of s from byte k (as
// strings.Fields splits), "" at the end, and where to go on from.
func nextField(s string, k int) (string, int) {
	for k < len(s) {
		r, size := rune(s[k]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[k:])
		}
		if !unicode.IsSpace(r) {
			break
		}
		k += size
	}
	start := k
	for k < len(s) {
		r, size := rune(s[k]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[k:])
		}
		if unicode.IsSpace(r) {
			break
		}
		k += size
	}
	return s[start:k], k
}

func isVocativeEnd(s string) bool {
	switch s {
	case ",", ".", "!", "?", ";", "—", "-", "…":
		return true
	}
	return false
}

// vocativeEntity is the entity of a character named in a vocative (being
// spoken to shows a person).
func (p *pass) vocativeEntity(m mention) (id int, answers bool) {
	c := p.cast.lookup(m)
	if c < 0 {
		return -1, false
	}
	return p.castEntity(c), p.cast.chars[c].person || p.cast.chars[c].spoke
}

// titleAlone is the character a title said alone names at token s
// (“the General”, not “the General Perovski”), -1 if none.
func (p *pass) titleAlone(sent []token, s int) int {
	if s+1 >= len(sent) || len(sent[s].text) != len("the") || !equalLower(sent[s].text, "the") || !p.isTitle(sent[s+1]) || s+2 < len(sent) && p.isNameWord(sent[s+2]) {
		return -1
	}
	return p.characterTitled(sent[s+1].text)
}

// titledCharacter resolves a title said alone (“the Count”,
// “Mademoiselle”) to the character most often named with it, -1 if none.
func (p *pass) titledCharacter(m mention) int {
	w, _ := nominalHead(m.core)
	return p.characterTitled(w)
}

// characterTitled is the character most often named with title w, -1 if
// none.
func (p *pass) characterTitled(w string) int {
	if w == "" {
		return -1
	}
	if _, ok := p.lx.Titles[w]; !ok {
		w = strings.ToUpper(w[:1]) + w[1:] // “the count”
		if _, ok := p.lx.Titles[w]; !ok {
			return -1
		}
	}
	c, ok := p.cast.byTitle[normTitle(w)]
	if !ok {
		return -1
	}
	return p.castEntity(c)
}

// RuleIntroduction: the subject of the sentence that introduces a quote
// with a colon or comma (“Cecil bent towards Lucy and said:”).
const RuleIntroduction = "introduction"

// matchFiction reads the looser tags of fiction when the common patterns
// found none: any verb before the speaker after a quote (“…,” mourned
// Anne; “…,” said poor Lucy), any verb after the speaker (“…,” Adela
// went on), and the subject of a sentence that introduces the quote.
func (p *pass) matchFiction(i int) match {
	if r := p.looseTagAfter(i); r.m.ok() {
		return r
	}
	a, b := p.narrationBefore(i)
	toks := p.beforeTokens(i)
	if strings.TrimSpace(p.text[a:b]) == "" && p.paraOf[i] > 0 && (i == 0 || p.lastPara[i-1] < p.paraOf[i]) {
		// The paragraph before ends “…said:”, after any quote of its own
		// (“… signed "your loving brother". He bowed, and said: ¶ “…”).
		a, b = p.para(p.paraOf[i]-1).Start, p.para(p.paraOf[i]-1).End
		if i > 0 && p.lastPara[i-1] == p.paraOf[i]-1 {
			a = max(a, p.quotes[i-1].Span.End)
			if !endsIntroducing(p.text[a:b]) {
				return match{} // mostly the tag of that quote: “…,” said Anne.
			}
		}
		p.bufB = tokenize(p.bufB[:0], p.text, a, b, p.lx)
		toks = p.bufB
	}
	n := len(toks)
	for n > 0 && isDash(toks[n-1].text) {
		n-- // “he said-- ¶”, “the following speech:-- ¶”: the dash leads into the quote
	}
	switch {
	case n == 0:
		return match{}
	case toks[n-1].text == ":" || toks[n-1].text == ",":
		n--
	case (toks[n-1].text == "." || toks[n-1].text == ";") && toks[0].cap && p.endsWithLeadIn(toks[:n-1]):
		// “The Coroner persisted. ¶ “…””, “and she exclaimed; ¶ “…””: the
		// sentence ends on its speech verb (not a quote's own tag: “she
		// continued. ¶”, in lower case, tags the quote before it)
		n--
	case !p.endsWithCue(toks[:n]):
		return match{}
	}
	sent := lastSentence(toks[:n])
	m := p.leadingMention(sent)
	if m.kind != pronounMention || m.gender != lexicon.Self {
		if s := p.introducer(sent); s.ok() {
			m = s
		}
	}
	if m.ok() {
		return match{m: m, rule: RuleIntroduction, conf: 0.7}
	}
	return match{}
}

// endsIntroducing reports narration ending with a colon, a comma or a
// dash, as a sentence that introduces a quote does (“and said:”).
func endsIntroducing(narration string) bool {
	narration = strings.TrimRight(narration, " \t\r\n")
	return strings.HasSuffix(narration, ":") || strings.HasSuffix(narration, ",") || strings.HasSuffix(narration, "-") || strings.HasSuffix(narration, "—")
}

// endsWithCue reports narration that runs into a quote with no mark
// between, ending with a speech verb and its adverbs (“He stopped
// singing, and cried “…””; “and said solemnly ¶ “…””).
func (p *pass) endsWithCue(toks []token) bool {
	k := len(toks) - 1
	for k >= 0 && toks[k].word && isAdverb(toks[k].text) {
		k--
	}
	if k > 0 && toks[k].word && toks[k-1].word && p.lx.IsParticleCue(toks[k-1].text, toks[k].text) {
		return !toks[k-1].cap // “and then went on ¶ “…””
	}
	return k >= 0 && toks[k].word && !toks[k].cap && p.isCue(toks[k].text)
}

// endsWithLeadIn reports a sentence that ends on a speech verb which
// announces the words that follow, and its adverbs or particle (“The
// Coroner persisted.”, “the clever lady broke in.”), not on a gesture
// (“He nodded.”).
func (p *pass) endsWithLeadIn(toks []token) bool {
	k := len(toks) - 1
	for k >= 0 && toks[k].word && (isAdverb(toks[k].text) || p.lx.CueAdverbs[toks[k].text]) {
		k-- // “began again”
	}
	if k > 0 && toks[k].word && toks[k-1].word && (p.lx.IsParticleCue(toks[k-1].text, toks[k].text) || p.lx.IsCueParticle(toks[k-1].text, toks[k].text)) {
		return !toks[k-1].cap // “broke in”, “put in”: speech verbs with their particle
	}
	return k >= 0 && toks[k].word && !toks[k].cap && p.lx.LeadInCues[toks[k].text]
}

// leadingMention is the first name or pronoun among a sentence's first
// words: “I” opens a narrator's introductions (“I replied:”).
func (p *pass) leadingMention(sent []token) mention {
	for k := 0; k < len(sent) && k < 6; k++ {
		var m mention
		switch {
		case p.isNameWord(sent[k]):
			m = p.mentionAfter(sent, k)
		case sent[k].word:
			if _, ok := p.pronounGender(sent[k]); ok {
				m = p.mentionAfter(sent, k)
			}
		}
		if m.kind == nameMention || m.kind == pronounMention {
			return m
		}
	}
	return mention{}
}

// introducer is the subject of the clause that introduces a quote: the
// last name or subject pronoun of the sentence that opens a clause (after
// its start, a comma or a conjunction: “…, and Julia, appearing at it,
// exclaimed,”), not one governed by a verb or preposition (“turned to
// Edmund and said,”), nor one inside an aside (“Isabella, who had been
// talking to James, whispered,”).
func (p *pass) introducer(sent []token) mention {
	var best mention
	aside := false
	for k := 0; k < len(sent); k++ {
		t := sent[k]
		if !t.word {
			if t.text == "," || t.text == ";" {
				aside = k+1 < len(sent) && isAsideWord(sent[k+1].text)
			}
			continue
		}
		var m mention
		switch {
		case isDescriptionStart(t.text):
			// “The beadle drew himself up with great pride, and said,”
			if m = p.describedPerson(sent, k); !m.ok() {
				continue
			}
		case p.isNameWord(t) || isSubjectPronoun(t.text):
			if m = p.mentionAfter(sent, k); m.kind != nameMention && m.kind != pronounMention {
				continue
			}
		default:
			continue
		}
		if !aside && (opensClause(sent, k) || forClause(sent, k)) && !subordinate(sent, k) && !isPossessive(sent[m.last].text) && p.personMention(m) {
			best = m
		}
		k = m.last
	}
	return best
}

// forClause reports a subject pronoun after “for”, which is then the
// conjunction that opens a clause (“for he began with,”), not the
// preposition (“for him”).
func forClause(sent []token, k int) bool {
	return k > 0 && isSubjectPronoun(sent[k].text) && equalLower(sent[k-1].text, "for")
}

// subordinate reports a name that opens a clause of place (“walked to the
// tea-table where Elinor presided, and whispered”, “thrust himself into
// the corner where Katharine was sitting, and exclaimed”): the clause says
// where, and the speech verb after it has the sentence's own subject.
// (Not “that”: in “so startled that he lost his head and cried” the
// clause it opens holds the verb.)
func subordinate(sent []token, k int) bool {
	return k > 0 && equalLower(sent[k-1].text, "where")
}

// personMention reports a pronoun, or a name the cast shows to be a
// person's (not “Constantinople”).
func (p *pass) personMention(m mention) bool {
	if m.kind != nameMention {
		return true
	}
	c := p.cast.lookup(m)
	return c >= 0 && (p.cast.chars[c].person || p.cast.chars[c].spoke)
}

// describedPerson reads a description of a person opening at token k
// (“the girl”, “her elder brother”): a determiner, at most two adjectives
// and a person noun. The words after the noun (“The girl looked…”) are no
// part of it.
func (p *pass) describedPerson(sent []token, k int) mention {
	for j := k + 1; j < len(sent) && j <= k+3; j++ {
		if !sent[j].word || sent[j].cap {
			break
		}
		if g, ok := inLower(p.lx.PersonNouns, sent[j].text); ok {
			return p.makeMention(nominalMention, sent, k, j, g)
		}
	}
	return mention{}
}

// isDescriptionStart reports a word that opens a description of a person
// as the subject of a clause: “The beadle drew himself up…, and said,”,
// “Her brother … soon afterwards said,”.
func isDescriptionStart(w string) bool {
	return equalLower(w, "the") || equalLower(w, "his") || equalLower(w, "her")
}

// isSubjectPronoun reports “he” or “she”.
func isSubjectPronoun(w string) bool {
	return equalLower(w, "he") || equalLower(w, "she")
}

// isAsideWord reports a relative pronoun, which opens an aside after a
// comma: “, who had been talking to James,” (but “, when Mr. Rushworth
// turned to her and said,” may hold the speaker).
func isAsideWord(w string) bool {
	switch strings.ToLower(w) {
	case "who", "whom", "whose", "which":
		return true
	}
	return false
}

// opensClause reports a word at token k that may be a clause's subject:
// first in its sentence, or after a comma, a semicolon, a dash or a
// conjunction (“and Julia”, “when John Thorpe”, “it was Julia”); not
// after “that”, which opens a clause inside another (“reminded her that
// Constantinople was”).
func opensClause(sent []token, k int) bool {
	if k == 0 {
		return true
	}
	prev := sent[k-1]
	if !prev.word {
		return prev.text == "," || prev.text == ";" || isDash(prev.text)
	}
	var buf [len("whereupon")]byte
	if len(prev.text) > len(buf) {
		return false
	}
	w := buf[:copy(buf[:], prev.text)]
	for i, c := range w {
		if 'A' <= c && c <= 'Z' {
			w[i] = c + 'a' - 'A'
		}
	}
	switch string(w) { // lower-cased without allocating
	case "and", "but", "when", "while", "then", "as", "till", "until", "that", "was", "where", "so", "yet", "or", "whereupon", "now":
		return true
	}
	return false
}

// isCoordinator reports “and” or “or”, which join two names.
func isCoordinator(w string) bool {
	return equalLower(w, "and") || equalLower(w, "or")
}

// breaksOff reports whether quote i ends with a comma, dash, question or
// exclamation mark inside its closing mark, as speech does before a tag.
func (p *pass) breaksOff(i int) bool {
	q := p.quotes[i]
	last := q.Fragments[len(q.Fragments)-1]
	inner := strings.TrimRight(p.text[last.Start:last.End], "\"'”’»« ")
	if inner == "" {
		return false
	}
	switch inner[len(inner)-1] {
	case ',', '?', '!', '-':
		return true
	}
	return strings.HasSuffix(inner, "—") || strings.HasSuffix(inner, "–")
}

// isTagVerb reports a lower-case word that can be the verb of a speech
// tag: not a function word, a pronoun or an article.
func (p *pass) isTagVerb(toks []token, k int) bool {
	if k >= len(toks) || !toks[k].word || toks[k].cap {
		return false
	}
	w := toks[k].text
	if p.isCue(w) {
		return true
	}
	if p.lx.StopWords[w] || p.lx.Determiners[w] || p.lx.Stopwords[w] {
		return false
	}
	_, pron := p.lx.Pronouns[w]
	return !pron && len(w) > 2
}

// nameNarratorFully completes a narrator addressed by a given name
// (“Jake”) with the surname others address him by (“Mr. Barnes”,
// “Monsieur Barnes”, “Barnes”), when one of those is said to him twice or
// more: the narrator is then “Jake Barnes”, and those names are his.
func (p *pass) nameNarratorFully(narrator int, votes map[int]int) {
	e := p.ents.get(narrator)
	if e.words != 1 || p.lx.GivenNames[e.core] == lexicon.GenderUnknown {
		return
	}
	surname, best := "", 0
	for a, n := range votes {
		if s := p.titledSurname(p.ents.get(a)); s != "" && n >= 2 && (n > best || n == best && s < surname) && compatible(p.ents.get(a).gender, e.gender) {
			surname, best = s, n
		}
	}
	if surname == "" {
		return
	}
	for a := range votes {
		if a != narrator && p.surnameOf(p.ents.get(a)) == surname {
			p.ents.parent[p.ents.find(a)] = narrator
		}
	}
	e.core, e.words = e.core+" "+surname, 2
}

// titledSurname is the surname of a character named by a title and one
// word (“Mr. Barnes”), "" for any other name.
func (p *pass) titledSurname(e *entity) string {
	f := strings.Fields(e.core)
	if len(f) != 2 {
		return ""
	}
	if _, ok := p.lx.Titles[f[0]]; !ok || p.lx.GivenNames[f[1]] != lexicon.GenderUnknown {
		return ""
	}
	return f[1]
}

// surnameOf is the last word of a character's name that is not a given
// name, or the word after a title (“Mr. Allen”: Allen, a given name too).
func (p *pass) surnameOf(e *entity) string {
	f := strings.Fields(e.core)
	if len(f) == 0 {
		return ""
	}
	if _, titled := p.lx.Titles[f[0]]; titled && len(f) == 2 {
		return f[1]
	}
	if p.lx.GivenNames[f[len(f)-1]] != lexicon.GenderUnknown {
		return ""
	}
	return f[len(f)-1]
}

// trailingSubject is the character the narration after the last quote
// of turn prev names as a clause's subject, when they fit g and are not
// skip: someone it brings in (“…,” said Lady Otway, … the door opened,
// and Mrs. Hilbery came in. ¶ “…,” she exclaimed), or the speaker it goes
// on about, who speaks again (“…,” said Edna. Edna had meant to be cold
// to him… ¶ “…,” she asked). A name the narration acts on (“the bell
// rang for Mr. Pecksniff”) brings no one in.
func (p *pass) trailingSubject(prev *turn, g lexicon.Gender, skip int) int {
	a, b := p.narrationAfter(prev.last)
	return p.clauseSubjectIn(a, b, g, skip)
}

// clauseSubjectIn is the character the narration text[a:b] (its last
// narrationWindow bytes) names last as a clause's subject, when they fit
// g and are not skip; -1 if none.
func (p *pass) clauseSubjectIn(a, b int, g lexicon.Gender, skip int) int {
	if b-a < 2 {
		return -1
	}
	toks := tokenize(p.bufB[:0], p.text, max(a, b-narrationWindow), b, p.lx)
	p.bufB = toks
	return p.namedIn(toks, g, skip, true)
}

// recentOther is, for a pronoun of gender g opening turn t, the person of
// that gender seen last before it who is not the previous turn's speaker
// nor skip: walking back through the conversation, the people the
// narration brings in as subjects, the speakers of the turns and those
// they address by name, latest first (“…,” he whispered. ¶ May gave him
// a glance… Archer, while he helped her on with her cloak, noticed… ¶
// “I'm so sorry…” ¶ “No,” he returned: Archer).
func (p *pass) recentOther(turns []turn, t int, g lexicon.Gender, skip int) int {
	last := turns[t-1].speaker
	ok := func(id int) bool {
		return id >= 0 && id != skip && (last < 0 || p.ents.find(id) != p.ents.find(last)) && p.fits(id, g)
	}
	subject := func(a, b int) int { return p.clauseSubjectIn(a, b, g, skip) }
	for u, steps := t-1, 0; u >= 0 && steps < 8 && turns[u].conv == turns[t].conv; u, steps = u-1, steps+1 {
		tu := &turns[u]
		if id := subject(p.narrationAfter(tu.last)); ok(id) {
			return p.ents.find(id)
		}
		if ok(tu.speaker) {
			return p.ents.find(tu.speaker)
		}
		if tu.answers && ok(tu.addressee) {
			return p.ents.find(tu.addressee)
		}
		if id := subject(p.narrationBefore(tu.first)); ok(id) {
			return p.ents.find(id)
		}
		if u > 0 && turns[u-1].lastPara+1 < tu.para {
			if id := subject(p.para(turns[u-1].lastPara+1).Start, p.para(tu.para-1).End); ok(id) {
				return p.ents.find(id)
			}
		}
	}
	return p.otherSpeaker(turns, t-1, -1, skip, g)
}

// thoughtTurn reports a turn whose tags are all thought cues (“…,” she
// thought; “…,” mused Katharine), at least one.
func (p *pass) thoughtTurn(tr *turn) bool {
	thought := false
	for i := tr.first; i <= tr.last; i++ {
		cue := p.info[i].cue
		if cue.End <= cue.Start {
			continue
		}
		if !p.lx.ThoughtCues[lower(p.text[cue.Start:cue.End])] {
			return false
		}
		thought = true
	}
	return thought
}

// goesOnAbout reports narration right after turn prev, whose speaker a
// tag names, led by the pronoun of g in each sentence after the tag: it
// goes on about the one who spoke, who speaks again (“…,” said Mrs.
// Hilbery. Then she turned her mind to what she had said. ¶ “…,” she
// corrected herself).
func (p *pass) goesOnAbout(prev *turn, g lexicon.Gender) bool {
	tag := p.nameTagEnd(prev)
	if prev.speaker < 0 || tag < 0 {
		return false
	}
	a, b := p.narrationAfter(prev.last)
	pastTag := tag > a && tag < b
	if pastTag {
		a = tag
	}
	if b-a < 2 {
		return false
	}
	toks := tokenize(p.bufB[:0], p.text, a, min(b, a+narrationWindow), p.lx)
	p.bufB = toks
	led := false
	for k, e := 0, 0; k < len(toks); k = e + 1 {
		for e = k; e < len(toks)-1 && !endsSentence(toks, e); e++ {
		}
		if pastTag {
			pastTag = false // the rest of the tag's sentence: “, rising.”
			continue
		}
		sent := wordsFrom(toks[k : e+1])
		if len(sent) == 0 {
			continue
		}
		// Every sentence: “He leant back. Margaret motioned to her
		// brother to go on. Rather diffident, he obeyed her.” is about
		// two men.
		if !pronounLeads(sent, g) {
			return false
		}
		led = true
	}
	return led
}

// wordsFrom is sent from its first word on (past a closing mark).
func wordsFrom(sent []token) []token {
	k := 0
	for k < len(sent) && !sent[k].word {
		k++
	}
	return sent[k:]
}

// nameTagEnd is where the name that tags a quote of turn tr ends (“…,”
// said Tony), -1 if no name tags it: a speaker read from a pronoun or by
// turn-taking may be wrong, and a rule built on it would carry that on.
func (p *pass) nameTagEnd(tr *turn) int {
	for i := tr.last; i >= tr.first; i-- {
		if inf := &p.info[i]; inf.m.kind == nameMention && inf.entity >= 0 {
			return inf.m.end
		}
	}
	return -1
}

// lastSpeakerOf is the speaker of gender g, not skip, of the nearest of
// the eight turns before turn t in its conversation or the one before,
// -1 if none: after a break of narration that names no one of the
// gender, “she said” goes on with the woman who spoke last.
func (p *pass) lastSpeakerOf(turns []turn, t int, g lexicon.Gender, skip int) int {
	for u := t - 1; u >= 0 && u >= t-8 && turns[u].conv >= turns[t].conv-1; u-- {
		if s := turns[u].speaker; s >= 0 && s != skip && p.fits(s, g) {
			return p.ents.find(s)
		}
	}
	return -1
}

// Joining a description to the name it answers to: a book may tag one
// character by a description (“said the Jew”, “said the beadle”) as often
// as by name; the others address that character by name in the turns
// around those tags (“…, Fagin?” ¶ “…,” said the Jew).
const (
	minAnswerVotes = 3 // turns next to the description's tags that address one name
	answerMajority = 2 // that name has at least this many times the votes of all others together
)

// joinAnsweredDescriptions merges each description that tags quotes
// into the character the neighbouring turns address most by name, when
// they address that one far more than any other, the description's own
// turns never address them, and they are not the narrator.
func (p *pass) joinAnsweredDescriptions(turns []turn, narrator int) {
	var votes map[int]map[int]int
	var described []int            // in text order, for a deterministic result
	addresses := map[[2]int]bool{} // the description's own turns address this name: not them
	for u := range turns {
		d := p.describedTagSpeaker(&turns[u])
		if d < 0 {
			continue
		}
		if a := turns[u].addressee; a >= 0 {
			addresses[[2]int{d, p.ents.find(a)}] = true
		}
		for _, v := range [2]int{u - 1, u + 1} {
			if v < 0 || v >= len(turns) || turns[v].conv != turns[u].conv || !turns[v].answers || turns[v].addressee < 0 {
				continue
			}
			if v < u && turns[v].lastPara+1 != turns[u].para || v > u && turns[u].lastPara+1 != turns[v].para {
				continue
			}
			a := p.ents.find(turns[v].addressee)
			if a == d {
				continue
			}
			if votes == nil {
				votes = map[int]map[int]int{}
			}
			if votes[d] == nil {
				votes[d] = map[int]int{}
				described = append(described, d)
			}
			votes[d][a]++
		}
	}
	for _, d := range described {
		byName := votes[d]
		best, bestVotes, total := -1, 0, 0
		for a, n := range byName {
			total += n
			if n > bestVotes || n == bestVotes && a < best {
				best, bestVotes = a, n
			}
		}
		if bestVotes < minAnswerVotes || bestVotes < answerMajority*(total-bestVotes) || addresses[[2]int{d, best}] || narrator >= 0 && best == p.ents.find(narrator) {
			continue
		}
		if !compatible(p.ents.get(d).gender, p.ents.get(best).gender) {
			continue
		}
		head := lastWord(p.ents.get(d).core)
		p.ents.parent[p.ents.find(d)] = p.ents.find(best)
		p.joinHeadName(head, best)
	}
}

// joinHeadName joins to character best the character the cast made of the
// capitalised head of a description joined to best: “cried the Jew,”
// before a quote is read as the name “Jew”, which is Fagin as “the Jew” is.
func (p *pass) joinHeadName(head string, best int) {
	if head == "" || head[0] < 'A' || head[0] > 'Z' {
		return
	}
	c := p.cast.lookup(mention{kind: nameMention, core: head})
	if c < 0 {
		return
	}
	if id := p.ents.find(p.castEntity(c)); id != p.ents.find(best) {
		p.ents.parent[id] = p.ents.find(best)
	}
}

// describedTagSpeaker is the entity of a definite description that
// tags a quote of turn tr (“said the Jew”, “said the old gentleman”), -1
// if none.
func (p *pass) describedTagSpeaker(tr *turn) int {
	for j := tr.first; j <= tr.last; j++ {
		inf := &p.info[j]
		if inf.m.kind != nominalMention || inf.entity < 0 || !isTagRule(inf.rule) || len(inf.m.core) < 5 || !equalLower(inf.m.core[:4], "the ") {
			continue
		}
		return p.ents.find(inf.entity)
	}
	return -1
}

// Ages a description shows (lexicon [young-nouns], [grown-nouns]).
const (
	ageUnknown = iota
	ageYoung
	ageGrown
)

// ageOf is the age description m shows by its head noun: “the boy”
// young, “the old gentleman” grown, “the young man” neither.
func (p *pass) ageOf(m mention) int {
	head, _ := nominalHead(m.core)
	head = strings.ToLower(head)
	switch {
	case p.lx.YoungNouns[head]:
		return ageYoung
	case !p.lx.GrownNouns[head]:
		return ageUnknown
	}
	for k := 0; ; {
		var w string
		if w, k = nextField(m.core, k); w == "" {
			return ageGrown
		}
		if p.lx.YoungNouns[strings.ToLower(w)] {
			return ageUnknown
		}
	}
}

// mainClause is sent from its main clause on when it opens with a
// subordinate clause and a name opens the main clause after the comma
// (“While he was looking, Eeyore coughed”): the pronoun leads only the
// subordinate clause. Otherwise sent.
func (p *pass) mainClause(sent []token) []token {
	w := wordsFrom(sent)
	if len(w) == 0 || !hasLower(p.lx.LeadingSubordinators, w[0].text) {
		return sent
	}
	for k := 1; k < len(w)-1; k++ {
		if w[k].text != "," {
			continue
		}
		if w[k+1].word && w[k+1].cap && !isSubjectPronoun(w[k+1].text) {
			return w[k+1:]
		}
		break
	}
	return sent
}

// maxTagRest bounds the rest of a tag's sentence read after its pronoun.
const maxTagRest = 300

// namedAfterPronoun reports that the sentence of quote i's pronoun tag
// names person id after the pronoun, in narration (“…,” she said, glancing
// at Katharine): the sentence stops at its end, a colon or semicolon, a
// straight quote mark, a curly mark or dash (the byte 0xe2 opens them), or
// “the”, after which a name may be the speaker's own epithet (“was his
// answer, with a warmth which brought all the former Willoughby to her
// mind”).
func (p *pass) namedAfterPronoun(i, id int) bool {
	a := p.info[i].m.end
	if a < p.quotes[i].Span.Start {
		return false // a tag before the quote: its sentence is the quote
	}
	b := a
	for b < len(p.text) && b-a < maxTagRest && !strings.ContainsRune(".!?;:\"", rune(p.text[b])) && p.text[b] != 0xe2 && !p.opensArticle(b) {
		b++
	}
	id = p.ents.find(id)
	for _, q := range p.peopleIn(a, b) {
		if p.ents.find(q) == id {
			return true
		}
	}
	return false
}

// opensArticle reports the word “the” at byte b of the text.
func (p *pass) opensArticle(b int) bool {
	return b > 0 && (p.text[b-1] == ' ' || p.text[b-1] == '\n') && b+4 <= len(p.text) && equalLower(p.text[b:b+3], "the") && (p.text[b+3] == ' ' || p.text[b+3] == '\n')
}
