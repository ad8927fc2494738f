package attrib

import (
	"strings"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// A news article names a body once and describes it after: “Hasbro
// hosted a panel … Asked about sustainability, the company noted”. A
// researcher wants those quotes under Hasbro, not under “The company”.
// The description's head noun gives the kind of body (lexicon
// [body-kinds]); the body is the nearest one of that kind named in the
// narration before it, in this paragraph and the one before, sentence by
// sentence from the nearest. A body whose name shows its kind (“Turkish
// Ministry of Foreign Affairs”, “Acme Inc.”, “Hasbro, a toy company,”)
// may stand anywhere in its sentence; one whose name shows no kind stands
// in only for the kinds that allow it (“the company”, “the group”) and
// only as its sentence's subject. Two bodies of the kind in one sentence,
// or a sentence that describes another body of the kind (“the trade group
// for the Blue Cross Blue Shield plans”), leave the description as it is.
// On PolNeAR train and dev this resolves 7 quotes' descriptions, all
// rightly (docs/EVAL.md, “News, 0.18”); mentions are unchanged.

// bodyDescription resolves a definite description of a kind of body to
// the body it refers back to; ok is false when none is clearly named.
func (p *pass) bodyDescription(m mention, i int) (id int, ok bool) {
	kind := p.bodyKindOf(m)
	if kind == nil {
		return -1, false
	}
	b, found := p.bodyBefore(m, i, kind)
	if !found {
		return -1, false
	}
	id = p.nameEntity(b)
	e := p.ents.get(id)
	e.kind, e.last = core.SpeakerOrganisation, m.start
	return id, true
}

// maxBodyDescriptionWords bounds a description of a body: “the company”,
// “the Chinese tech company”.
const maxBodyDescriptionWords = 4

// bodyKindOf returns the kind of body a description names: “the company”,
// “the tech firm”; nil for anything else (“a company”, “the company's
// chief executive”, “the Company”).
func (p *pass) bodyKindOf(m mention) *lexicon.BodyKind {
	if p.names == nil || len(p.lx.BodyKinds) == 0 || m.kind != nominalMention {
		return nil
	}
	words := strings.Fields(m.core)
	if len(words) < 2 || len(words) > maxBodyDescriptionWords || lower(words[0]) != "the" {
		return nil
	}
	for _, w := range words[1:] {
		if w != lower(w) {
			return nil
		}
	}
	return p.lx.BodyKinds[words[len(words)-1]]
}

// bodyBefore walks the narration before description m of quote i, the
// nearest piece first, for the body it refers back to.
func (p *pass) bodyBefore(m mention, i int, kind *lexicon.BodyKind) (mention, bool) {
	for a, b := range p.narrationPieces(i, m.start) {
		if body, verdict := p.bodyIn(a, b, kind); verdict != bodyNone {
			return body, verdict == bodyFound
		}
	}
	return mention{}, false
}

// bodyVerdict is what a stretch of narration shows of a body.
type bodyVerdict uint8

const (
	bodyNone      bodyVerdict = iota // no body of the kind: read on
	bodyFound                        // one
	bodyAmbiguous                    // two in one sentence: give up
)

// bodyIn reads text[a:b] sentence by sentence from the end for a body of
// the kind.
func (p *pass) bodyIn(a, b int, kind *lexicon.BodyKind) (mention, bodyVerdict) {
	if b <= a {
		return mention{}, bodyNone
	}
	toks := tokenize(p.bufB[:0], p.text, a, b, p.lx)
	p.bufB = toks
	for start, end := range sentencesBack(toks) {
		if found, verdict := p.bodyInSentence(toks, start, end, kind); verdict != bodyNone {
			return found, verdict
		}
	}
	return mention{}, bodyNone
}

// bodyInSentence looks for the body of the kind among the names of
// toks[s:end], one sentence.
func (p *pass) bodyInSentence(toks []token, s, end int, kind *lexicon.BodyKind) (mention, bodyVerdict) {
	var found mention
	verdict, first, other := bodyNone, s, false
	for ; s < end; s++ {
		if !p.isNameWord(toks[s]) {
			other = other || p.otherDescription(toks, s, kind)
			continue
		}
		m := p.mentionAfter(toks, s)
		if m.kind != nameMention || m.last >= end {
			continue
		}
		// The subject opens its sentence, after a determiner at most:
		// “Hasbro hosted a panel”, not “Carrying placards, the crowd —
		// which rallied at Temple University —”.
		subject := s == first || s == first+1 && p.isDeterminer(toks[first])
		if match := p.bodyMatches(toks, m, kind, subject); match && verdict == bodyNone {
			found, verdict = m, bodyFound
		} else if match && !strings.EqualFold(m.core, found.core) {
			return mention{}, bodyAmbiguous
		}
		s = m.last
	}
	if verdict == bodyNone && other {
		return mention{}, bodyAmbiguous // “the trade group for the Blue Cross Blue Shield plans”
	}
	return found, verdict
}

// otherDescription reports a noun of the kind at toks[s] in a description
// that may be another body's: “the trade group”, “a rival company”, “its
// parent company”. A bare “the company” is the same body again.
func (p *pass) otherDescription(toks []token, s int, kind *lexicon.BodyKind) bool {
	t := toks[s]
	if !t.word || t.cap || !kind.Nouns[trimPossessive(t.text)] {
		return false
	}
	return s == 0 || !strings.EqualFold(toks[s-1].text, "the")
}

// bodyMatches reports a name that can be the body a description of the
// kind refers back to: one whose name or introduction shows the kind, or,
// for a kind that allows it, the sentence's subject when it is a body
// whose name shows no other kind.
func (p *pass) bodyMatches(toks []token, m mention, kind *lexicon.BodyKind, subject bool) bool {
	if p.names.inHeadline(m.start) || p.isPlace(m.core) || !p.isBody(m) {
		return false
	}
	if p.showsKind(toks, m, kind) {
		return true
	}
	return kind.AnyBody && subject && !p.showsAnyKind(m)
}

// isBody reports a name that the article shows to be a body's: an
// organisation word in it, a speaker already known as a body, or, for a
// name with no sign of a person, the way news refers back to it (“it”,
// “its”, “their”).
func (p *pass) isBody(m mention) bool {
	if isOrganisation(p, m) {
		return true
	}
	if ids := p.ents.byCore[lower(m.core)]; len(ids) > 0 && p.ents.get(ids[0]).kind == core.SpeakerOrganisation {
		return true
	}
	f := p.names.forms[m.core]
	if f == nil || f.org {
		return f != nil
	}
	_, given := p.lx.GivenNames[f.words[0]]
	return f.bodies > 0 && !given && f.male+f.female == 0 && !p.names.person(m.core)
}

// showsKind reports a name that shows the kind: a marker among its words
// (“Ministry”, “Inc.”), or a noun of the kind right before it (“toy
// company Hasbro”) or in an apposition after it (“Hasbro, a toy company,”).
func (p *pass) showsKind(toks []token, m mention, kind *lexicon.BodyKind) bool {
	for _, w := range strings.Fields(m.core) {
		if kind.Markers[lower(trimPossessive(w))] {
			return true
		}
	}
	if m.first > 0 && toks[m.first-1].word && kind.Nouns[toks[m.first-1].text] {
		return true
	}
	return p.appositiveKind(toks, m.last+1, kind)
}

// maxAppositiveWords bounds the words of an apposition that introduces
// a body: “, a toy company,”; “, an online firearms marketplace”.
const maxAppositiveWords = 5

// appositiveKind reports an apposition at toks[k:] led by an indefinite
// determiner whose words hold a noun of the kind.
func (p *pass) appositiveKind(toks []token, k int, kind *lexicon.BodyKind) bool {
	if k+1 >= len(toks) || toks[k].text != "," || !p.lx.IndefiniteDeterminers[lower(toks[k+1].text)] {
		return false
	}
	for j := k + 2; j < len(toks) && j < k+2+maxAppositiveWords && toks[j].word; j++ {
		if kind.Nouns[toks[j].text] {
			return true
		}
	}
	return false
}

// showsAnyKind reports a name that holds the marker of some kind: “Democratic
// Party” is no company.
func (p *pass) showsAnyKind(m mention) bool {
	for _, w := range strings.Fields(m.core) {
		for _, k := range p.lx.BodyKinds {
			if k.Markers[lower(trimPossessive(w))] {
				return true
			}
		}
	}
	return false
}
