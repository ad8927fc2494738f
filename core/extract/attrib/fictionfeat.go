package attrib

import (
	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// Features of a candidate speaker in a novel, for the fiction ranker
// (fictionrank.go). Every feature is binary. Base features say how the
// candidate was last seen: speaking in a recent turn, addressed by name,
// named in the narration (as a sentence's subject or not, in the quote's
// paragraph or before it), named in the quote itself; and who they are
// (gender, how often the book names them). Each base feature is also
// crossed with the quote's context, since “he said” right after a
// narration sentence about someone reads differently from “he said” in a
// run of dialogue.

// Base features of a fiction candidate.
const (
	fcGenderUnknown   feature = iota // the book does not show the candidate's gender
	fcSpokeHere                      // spoke an earlier quote of the same paragraph
	fcSpoke1                         // spoke the turn before
	fcSpoke2                         // two turns before
	fcSpoke3                         // three turns before
	fcSpoke4                         // four to eight turns before
	fcSpokeTagged1                   // spoke the turn before, by its tag
	fcSpeakerRank1                   // of the candidates, the one who spoke last
	fcSpeakerRank2                   // the one who spoke before that
	fcSpeakerRank3                   // a third
	fcAddressed1                     // addressed by name in the turn before
	fcAddressed2                     // two turns before
	fcAddressedHere                  // addressed by name in this turn
	fcParty1                         // the first party the narration named as the conversation began
	fcParty2                         // the second
	fcParty3                         // a later one
	fcHereSubject                    // subject of a sentence of the narration before the quote, in its paragraph
	fcHereNamed                      // named there otherwise
	fcHereNearest                    // of the candidates, the one named there nearest the quote
	fcPrevSubject                    // subject of a sentence of the narration before the quote's paragraph
	fcPrevNamed                      // named there otherwise
	fcPrevNearest                    // of the candidates, the one named there nearest the quote
	fcPossessive                     // named in the possessive where last named before the quote
	fcAfterPrep                      // named after a preposition there
	fcPronounSentence                // named in a sentence led by a pronoun of the gender
	fcAfterQuote                     // named in the narration after the quote (an object of the tag)
	fcInQuote                        // named in the quote
	fcMajor                          // one of the two characters the book names most
	fcFrequent                       // one of the ten it names most
	numFictionBase
)

var fictionBaseNames = [numFictionBase]string{"gender-unknown", "spoke-here", "spoke-1", "spoke-2", "spoke-3",
	"spoke-4", "spoke-tagged-1", "speaker-rank-1", "speaker-rank-2", "speaker-rank-3", "addressed-1",
	"addressed-2", "addressed-here", "party-1", "party-2", "party-3", "here-subject", "here-named",
	"here-nearest", "prev-subject", "prev-named", "prev-nearest", "possessive", "after-preposition",
	"pronoun-sentence", "after-quote", "in-quote", "major", "frequent"}

// Contexts of a quote, each crossed with every base feature.
const (
	fxOpen     = iota // the quote opens its paragraph
	fxNarrName        // narration before it in its paragraph names a candidate
	fxNarr            // narration before it names none
	numFictionContexts
)

var fictionContextNames = [numFictionContexts]string{"open", "narration-name", "narration"}

// FictionFeatureNames lists the fiction ranker's features by id, as its
// weights file names them.
func FictionFeatureNames() []string {
	names := append([]string(nil), fictionBaseNames[:]...)
	for _, ctx := range fictionContextNames {
		for _, f := range fictionBaseNames {
			names = append(names, ctx+"&"+f)
		}
	}
	return names
}

// fictionCand is one person who may have said a quote: what was seen of
// them around it, then the features read from that.
type fictionCand struct {
	id          int // registry entity (a root)
	gender      lexicon.Gender
	spokeHere   bool
	spokeAt     int // turns back they last spoke (1–8), 0 if not
	tagged1     bool
	addressedAt int // turns back they were addressed (1–2), 0 if not
	addressed   bool
	party       int // their place among the conversation's parties, from 1; 0 if none
	hereAt      int // bytes from their nearest name in the quote's paragraph to the quote, -1 if none
	prevAt      int // likewise before the paragraph
	hereSubject bool
	hereNamed   bool
	prevSubject bool
	prevNamed   bool
	possessive  bool // their nearest name is a possessive
	afterPrep   bool // or follows a preposition
	pronounSent bool
	afterQuote  bool
	inQuote     bool
	feats       []feature
}

// fictionCandidates gathers the people who may have said quote i of turn
// t, with what was seen of them. The text in mask (a training example's
// name) is not read.
func (p *pass) fictionCandidates(turns []turn, t, i int, g lexicon.Gender, mask core.Span) []fictionCand {
	p.conversationCandidates(turns, t, i)
	p.narrationFacts(i, g, mask)
	p.quoteNameFacts(i)
	return p.fcands
}

// conversationCandidates starts the candidates of quote i of turn t with
// the people of the conversation: who spoke, who was addressed, who the
// narration named as it began. It reads no text.
func (p *pass) conversationCandidates(turns []turn, t, i int) []fictionCand {
	p.fcands = p.fcands[:0]
	tr := &turns[t]
	for j := tr.first; j < i; j++ {
		if e := p.info[j].entity; e >= 0 {
			p.fictionCand(p.ents.find(e)).spokeHere = true
		}
	}
	p.turnFacts(turns, t)
	if a := tr.addressee; a >= 0 {
		p.fictionCand(p.ents.find(a)).addressed = true
	}
	for k, id := range tr.people {
		if c := p.fictionCand(p.ents.find(id)); c.party == 0 {
			c.party = k + 1
		}
	}
	return p.fcands
}

// fictionCand returns candidate id, added when new.
func (p *pass) fictionCand(id int) *fictionCand {
	for c := range p.fcands {
		if p.fcands[c].id == id {
			return &p.fcands[c]
		}
	}
	p.fcands = append(p.fcands, fictionCand{id: id, gender: p.ents.get(id).gender, hereAt: -1, prevAt: -1})
	return &p.fcands[len(p.fcands)-1]
}

// countFitting counts the candidates of gender g.
func countFitting(cands []fictionCand, g lexicon.Gender) int {
	n := 0
	for _, c := range cands {
		if c.gender == g {
			n++
		}
	}
	return n
}

// keepFitting keeps the candidates of gender g, or, when there are none,
// those whose gender the book does not show.
func keepFitting(cands []fictionCand, g lexicon.Gender) []fictionCand {
	for _, want := range [2]lexicon.Gender{g, lexicon.GenderUnknown} {
		if countFitting(cands, want) == 0 {
			continue
		}
		kept := cands[:0]
		for _, c := range cands {
			if c.gender == want {
				kept = append(kept, c)
			}
		}
		return kept
	}
	return cands[:0]
}

// keepFittingOrAtHand is keepFitting for a quote to be resolved: besides
// the candidates of gender g, it keeps one whose gender the book does not
// show but who is at hand, the subject of the narration just before the
// quote or the speaker of the turn before (“Jock stopped to talk to
// Beaver. “Well, old boy,” he said”: Jock, whom no pronoun has followed).
func keepFittingOrAtHand(cands []fictionCand, g lexicon.Gender) []fictionCand {
	if countFitting(cands, g) == 0 {
		return keepFitting(cands, g)
	}
	kept := cands[:0]
	for _, c := range cands {
		if c.gender == g || c.gender == lexicon.GenderUnknown && (c.hereSubject || c.prevSubject || c.spokeAt == 1) {
			kept = append(kept, c)
		}
	}
	return kept
}

// describeFiction turns what was seen of each candidate into features,
// some of them relative to the other candidates (who spoke last, who was
// named nearest).
func (p *pass) describeFiction(i int, cands []fictionCand) {
	hereNearest, prevNearest := -1, -1
	var order [3]int
	nOrder := 0
	for c := range cands {
		cd := &cands[c]
		if cd.hereAt >= 0 && (hereNearest < 0 || cd.hereAt < cands[hereNearest].hereAt) {
			hereNearest = c
		}
		if cd.prevAt >= 0 && (prevNearest < 0 || cd.prevAt < cands[prevNearest].prevAt) {
			prevNearest = c
		}
	}
	// The three candidates who spoke last, latest first.
	for k := 1; k <= 8 && nOrder < 3; k++ {
		for c := range cands {
			if cands[c].spokeAt == k && nOrder < 3 {
				order[nOrder] = c
				nOrder++
			}
		}
	}
	ctx := fxOpen
	switch {
	case hereNearest >= 0:
		ctx = fxNarrName
	case p.hasNarrationBefore(i):
		ctx = fxNarr
	}
	p.ffeats = p.ffeats[:0]
	for c := range cands {
		cd := &cands[c]
		f := p.ffeats
		start := len(f)
		add := func(x feature, on bool) {
			if on {
				f = append(f, x)
			}
		}
		add(fcGenderUnknown, cd.gender == lexicon.GenderUnknown)
		add(fcSpokeHere, cd.spokeHere)
		if cd.spokeAt > 0 {
			f = append(f, fcSpoke1+feature(min(cd.spokeAt, 4)-1))
		}
		add(fcSpokeTagged1, cd.spokeAt == 1 && cd.tagged1)
		for r := range nOrder {
			add(fcSpeakerRank1+feature(r), order[r] == c)
		}
		add(fcAddressed1, cd.addressedAt == 1)
		add(fcAddressed2, cd.addressedAt == 2)
		add(fcAddressedHere, cd.addressed)
		if cd.party > 0 {
			f = append(f, fcParty1+feature(min(cd.party, 3)-1))
		}
		add(fcHereSubject, cd.hereSubject)
		add(fcHereNamed, cd.hereNamed && !cd.hereSubject)
		add(fcHereNearest, c == hereNearest)
		add(fcPrevSubject, cd.prevSubject)
		add(fcPrevNamed, cd.prevNamed && !cd.prevSubject)
		add(fcPrevNearest, c == prevNearest)
		add(fcPossessive, cd.possessive)
		add(fcAfterPrep, cd.afterPrep)
		add(fcPronounSentence, cd.pronounSent)
		add(fcAfterQuote, cd.afterQuote)
		add(fcInQuote, cd.inQuote)
		if r := p.castRank(cd.id); r >= 0 {
			add(fcMajor, r < 2)
			f = append(f, fcFrequent)
		}
		for _, x := range f[start:len(f):len(f)] {
			f = append(f, numFictionBase*feature(1+ctx)+x)
		}
		cd.feats, p.ffeats = f[start:len(f):len(f)], f
	}
}

// turnFacts notes who spoke and who was addressed in the turns of the
// conversation before turn t.
func (p *pass) turnFacts(turns []turn, t int) {
	for u, k := t-1, 1; u >= 0 && k <= 8 && turns[u].conv == turns[t].conv; u, k = u-1, k+1 {
		if k <= 2 && turns[u].addressee >= 0 && turns[u].answers {
			if c := p.fictionCand(p.ents.find(turns[u].addressee)); c.addressedAt == 0 {
				c.addressedAt = k
			}
		}
		if s := turns[u].speaker; s >= 0 {
			if c := p.fictionCand(p.ents.find(s)); c.spokeAt == 0 {
				c.spokeAt, c.tagged1 = k, k == 1 && turns[u].tagged
			}
		}
	}
}

// narrationFacts notes the people named in the narration before quote i
// (its paragraph, and back to two paragraphs before it) and in the
// narration right after it.
func (p *pass) narrationFacts(i int, g lexicon.Gender, mask core.Span) {
	q := p.quotes[i]
	here := p.para(p.paraOf[i]).Start
	a := max(p.para(max(0, p.paraOf[i]-2)).Start, q.Span.Start-rankNarration)
	// The narration pieces between the quotes in [a, q.Start).
	end := q.Span.Start
	for j := i - 1; end > a; j-- {
		from := a
		if j >= 0 && p.quotes[j].Span.End > a {
			from = p.quotes[j].Span.End
		}
		if from < end {
			p.namesIn(from, end, here, q.Span.Start, g, mask)
		}
		if j < 0 || p.quotes[j].Span.End <= a {
			break
		}
		end = p.quotes[j].Span.Start
	}
	// The tag's sentence after the quote, or the narration between the
	// pieces of an interrupted one.
	var toks []token
	if len(q.Fragments) > 1 && p.paraOf[i] == p.lastPara[i] {
		toks = tokenize(p.bufA[:0], p.text, q.Fragments[0].End, q.Fragments[1].Start, p.lx)
		p.bufA = toks
	} else {
		toks = p.afterTokens(i)
	}
	for s := 0; s < len(toks); s++ {
		if m, id := p.castMention(toks, s, mask); id >= 0 {
			p.fictionCand(id).afterQuote = true
			s = m.last
		}
	}
}

// namesIn notes the people named in the narration text[a:b], which lies
// in the quote's paragraph from byte here on; the quote starts at qa.
func (p *pass) namesIn(a, b, here, qa int, g lexicon.Gender, mask core.Span) {
	toks := tokenize(p.bufB[:0], p.text, a, b, p.lx)
	p.bufB = toks
	for start, end := range sentencesBack(toks) {
		sent := toks[start:end]
		pronounLed := pronounLeads(sent, g)
		for s := range sent {
			m, id := mention{}, p.titleAlone(sent, s) // “The General hastened…”
			switch {
			case id >= 0:
				m = mention{start: sent[s].start, end: sent[s+1].end, last: s + 1}
			case !p.isNameWord(sent[s]) || s > 0 && (p.isNameWord(sent[s-1]) || p.isTitle(sent[s-1])):
				continue
			default:
				if m, id = p.castMention(sent, s, mask); id < 0 {
					continue
				}
			}
			c := p.fictionCand(id)
			subject := s < leadWords && !pronounLed
			dist := qa - m.end
			if sent[s].start >= here {
				c.hereSubject, c.hereNamed = c.hereSubject || subject, true
				if c.hereAt < 0 || dist < c.hereAt {
					c.hereAt = dist
				}
			} else {
				c.prevSubject, c.prevNamed = c.prevSubject || subject, true
				if c.prevAt < 0 || dist < c.prevAt {
					c.prevAt = dist
				}
			}
			if c.hereAt == dist || c.hereAt < 0 && c.prevAt == dist {
				c.possessive = isPossessive(sent[m.last].text)
				c.afterPrep = s > 0 && hasLower(p.lx.Prepositions, sent[s-1].text)
			}
			c.pronounSent = c.pronounSent || pronounLed
		}
	}
}

// castMention reads the name starting at token s as a character of the
// cast: its mention and entity, -1 when it names no one of the cast who
// can speak, or lies in mask.
func (p *pass) castMention(toks []token, s int, mask core.Span) (mention, int) {
	if !p.isNameWord(toks[s]) {
		return mention{}, -1
	}
	if s > 0 && p.isTitle(toks[s-1]) {
		s-- // “Mr. Darcy”
	}
	m := p.mentionAfter(toks, s)
	if m.kind == nominalMention {
		// “Marilla's lips twitched”: the owner is named, not the lips.
		if k := possessiveName(p, toks, s); k >= 0 {
			m = p.makeMention(nameMention, toks, s, k, 0)
		}
	}
	if m.kind != nameMention || m.start < mask.End && mask.Start < m.end {
		return m, -1
	}
	c := p.cast.lookup(m)
	if c < 0 || !p.cast.chars[c].person && !p.cast.chars[c].spoke {
		return m, -1
	}
	return m, p.castEntity(c)
}

// possessiveName is the token of the possessive name that starts at token
// s, after a title at most (“Marilla's”, “Mr. Darcy's”), -1 if none.
func possessiveName(p *pass, toks []token, s int) int {
	if s+1 < len(toks) && p.isTitle(toks[s]) {
		s++
	}
	if p.isNameWord(toks[s]) && isPossessive(toks[s].text) {
		return s
	}
	return -1
}

// quoteNameFacts notes the people quote i names in its first words:
// someone spoken to or about, seldom the speaker.
func (p *pass) quoteNameFacts(i int) {
	p.namesInQuote(i, func(_ []token, _ mention, id int) bool {
		p.fictionCand(id).inQuote = true
		return true
	})
}

// speaksOf tells whether quote i, in its first words, names character id
// as someone spoken about (notSpokenOf): “Frank is getting down to work.”
func (p *pass) speaksOf(i, id int) bool {
	id = p.ents.find(id)
	found := false
	p.namesInQuote(i, func(toks []token, m mention, e int) bool {
		found = p.ents.find(e) == id && !p.notSpokenOf(toks, m)
		return !found
	})
	return found
}

// namesInQuote hands visit each character quote i names in its first
// words (its first two pieces, quoteNames bytes of each), with the
// tokens they stand in, until visit returns false.
func (p *pass) namesInQuote(i int, visit func(toks []token, m mention, id int) bool) {
	for n, f := range p.quotes[i].Fragments {
		if n == 2 {
			break
		}
		toks := tokenize(p.bufA[:0], p.text, f.Start, min(f.End, f.Start+quoteNames), p.lx)
		p.bufA = toks
		for s := 0; s < len(toks); s++ {
			if !toks[s].cap || s > 0 && toks[s-1].cap {
				continue
			}
			if m, id := p.castMention(toks, s, core.Span{}); id >= 0 {
				if !visit(toks, m, id) {
					return
				}
				s = m.last
			}
		}
	}
}

// notSpokenOf tells whether the name m in a quote's tokens is not someone
// spoken about: set apart as a vocative, said of the speaker or the one
// spoken to (“I am Rosa”, “You're only Anne”), a name made a common noun
// (“the one Anne”) — lexicon [name-identity-leads] — or a verb opening a
// question (“May I come?”, [question-subjects]).
func (p *pass) notSpokenOf(toks []token, m mention) bool {
	if m.first > 0 {
		if w := toks[m.first-1].text; w == "," || p.lx.NameIdentityLeads[lower(w)] {
			return true
		}
	}
	if m.last+1 >= len(toks) {
		return m.first == 0
	}
	switch w := toks[m.last+1].text; w {
	case ",", "!", "?", ";", ".":
		return true
	default:
		return p.lx.QuestionSubjects[lower(w)]
	}
}

// frequentChars is how many of the characters the book names most
// castRank tells apart.
const frequentChars = 10

// castRank is where entity id stands among the characters the book names
// most (0 for the most named), -1 beyond frequentChars.
func (p *pass) castRank(id int) int {
	if p.topChars == nil {
		p.topChars = p.cast.mostNamed(frequentChars)
	}
	for r, c := range p.topChars {
		if e := p.cast.chars[c].entity; e >= 0 && p.ents.find(e) == id {
			return r
		}
	}
	return -1
}
