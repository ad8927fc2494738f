package attrib

import (
	"strings"

	"verbatim/core"
)

// match is a speaker mention found by a pattern.
type match struct {
	m    mention
	cue  core.Span
	rule string
	conf float64
}

// cueAt reports a speech cue starting at token i: a verb form or a phrase
// ("according to"). next is the index after it.
func (p *pass) cueAt(toks []token, i int, phrasesOnly bool) (span core.Span, next int, phrase, ok bool) {
	if i >= len(toks) || !toks[i].word {
		return core.Span{}, i, false, false
	}
	for _, ph := range p.lx.CuePhrases {
		if i+len(ph) > len(toks) {
			continue
		}
		all := true
		for k, w := range ph {
			if !equalLower(toks[i+k].text, w) {
				all = false
				break
			}
		}
		if all {
			return core.Span{Start: toks[i].start, End: toks[i+len(ph)-1].end}, i + len(ph), true, true
		}
	}
	if !phrasesOnly && p.fiction && i+1 < len(toks) && toks[i+1].word && p.lx.IsParticleCue(toks[i].text, toks[i+1].text) {
		return core.Span{Start: toks[i].start, End: toks[i+1].end}, i + 2, false, true // fiction: “went on”, “broke in”
	}
	if phrasesOnly || !p.isCue(toks[i].text) || p.fiction && hasLower(p.lx.Prepositions, toks[i].text) || p.cueLookalike(toks, i) {
		return core.Span{}, i, false, false // fiction: the “in” of “put in” is no cue (“said in a low voice”)
	}
	if i+1 < len(toks) && toks[i+1].word && p.lx.IsCueParticle(toks[i].text, toks[i+1].text) {
		return core.Span{Start: toks[i].start, End: toks[i+1].end}, i + 2, false, true // “put in”
	}
	return core.Span{Start: toks[i].start, End: toks[i].end}, i + 1, false, true
}

// isCue reports a form of a speech verb: in fiction, of its own speech
// verbs too (“ejaculated”).
func (p *pass) isCue(w string) bool {
	return p.lx.IsCue(w) || p.fiction && p.lx.IsFictionCue(w)
}

// cueLookalike reports a cue word at token i that is no speech verb
// where it stands, in news: the end of a body's name, a counted noun, a
// naming participle (below).
func (p *pass) cueLookalike(toks []token, i int) bool {
	return p.cueEndsName(toks, i) || p.countedNoun(toks, i) || p.namingParticiple(toks, i)
}

// cueEndsName reports, in news, a capitalised cue word that is an
// organisation word right after a name: the end of a body's name (“the
// New York Post published”, “The Daily Telegraph”), not a speech verb.
func (p *pass) cueEndsName(toks []token, i int) bool {
	return p.names != nil && i > 0 && toks[i].cap && p.isNameWord(toks[i-1]) &&
		toks[i-1].end < toks[i].start && folded(p.lx.OrganisationWords, toks[i].text)
}

// countedNoun reports, in English news, a cue word in -s after a count
// and a name: a plural noun the name modifies (“all 50 U.S. states”, “1,000
// Clinton emails”), not a speech verb. (German puts the verb after a time:
// “Um 11:09 Uhr MEZ berichtet …”.)
func (p *pass) countedNoun(toks []token, i int) bool {
	if p.names == nil || p.lx.SubjectAfterCue || toks[i].cap || !strings.HasSuffix(toks[i].text, "s") {
		return false
	}
	j := i - 1
	for j >= 0 && p.isNameWord(toks[j]) {
		j--
	}
	return j >= 0 && j < i-1 && isCount(toks[j].text)
}

// namingParticiple reports, in English news, a cue word in -ed right
// after a thing someone new introduces: “a song called "Day after Day"”,
// “an account named …”. The participle gives the thing's name; the thing
// says nothing. A subject that calls something so is no indefinite noun
// phrase (“Newt Gingrich called "the loudest …"”, “which he called …”).
func (p *pass) namingParticiple(toks []token, i int) bool {
	if p.names == nil || p.lx.SubjectAfterCue || toks[i].cap || !strings.HasSuffix(toks[i].text, "ed") {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-maxNamedNounWords-1; j-- {
		t := toks[j]
		if !t.word || t.cap {
			return false
		}
		if p.lx.IndefiniteDeterminers[t.text] {
			return j < i-1
		}
		if p.lx.StopWords[t.text] || p.lx.IsCue(t.text) {
			return false
		}
	}
	return false
}

// maxNamedNounWords bounds the words of the thing a naming participle
// follows: “a popular play”, “a short film”.
const maxNamedNounWords = 3

// isCount reports a number written in figures that is not a year: “50”.
func isCount(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return s != "" && !isYear(s)
}

func isDash(s string) bool {
	switch s {
	case "—", "–", "―", "-", "--":
		return true
	}
	return false
}

func (p *pass) skipAdverbs(toks []token, k int) int {
	for k < len(toks) && toks[k].word && hasLower(p.lx.CueAdverbs, toks[k].text) {
		k++
	}
	return k
}

func (p *pass) skipAdverbsBack(toks []token, k int) int {
	for k >= 0 && toks[k].word && hasLower(p.lx.CueAdverbs, toks[k].text) {
		k--
	}
	return k
}

// matchAfter reads the narration right after a quote: “…,” said Putin /
// “…,” Putin said / “…,” Putin, the president, said / “…” — Putin, and
// failing those a cue later in the same sentence.
func (p *pass) matchAfter(toks []token) match {
	i, dash := 0, false
	for i < len(toks) && !toks[i].word {
		if isDash(toks[i].text) {
			dash = true
		} else if toks[i].text != "," && toks[i].text != "(" {
			break
		}
		i++
	}
	if cue, next, _, ok := p.cueAt(toks, i, false); ok {
		if m := p.mentionAfter(toks, p.skipAdverbs(toks, next)); m.ok() {
			return match{m: m, cue: cue, rule: RuleCueSpeaker, conf: 0.95}
		}
	}
	if m := p.mentionAfter(toks, i); m.ok() {
		k := p.skipAside(toks, m.last+1)
		k = p.skipAdverbs(toks, k)
		if cue, _, _, ok := p.cueAt(toks, k, false); ok {
			return match{m: m, cue: cue, rule: RuleSpeakerCue, conf: 0.95}
		}
		if dash && m.kind == nameMention {
			return match{m: m, rule: RuleDash, conf: 0.8}
		}
	}
	for k := i; k < len(toks); k++ {
		cue, next, phrase, ok := p.cueAt(toks, k, false)
		if !ok {
			continue
		}
		var m mention
		if !phrase {
			m = p.mentionBefore(toks, p.skipAdverbsBack(toks, k-1))
		}
		if !m.ok() {
			m = p.mentionAfter(toks, p.skipAdverbs(toks, next))
		}
		if m.ok() {
			return match{m: m, cue: cue, rule: RuleSentence, conf: 0.7}
		}
		break
	}
	return match{}
}

// skipAside steps over an apposition or a parenthesis after a mention
// (“Putin, the president, said”, “Chaffetz (R-Utah) said”).
func (p *pass) skipAside(toks []token, k int) int {
	if k >= len(toks) {
		return k
	}
	closer := ""
	switch toks[k].text {
	case ",":
		closer = ","
	case "(":
		closer = ")"
	default:
		return k
	}
	for j := k + 1; j < len(toks) && j <= k+25; j++ {
		if toks[j].text == closer {
			return j + 1
		}
		if endsSentence(toks, j) {
			break
		}
	}
	return k
}

// matchBefore reads the narration before a quote in its sentence: Putin
// said: “…” / Putin told reporters that “…” / according to Putin, “…” /
// Putin: “…”.
func (p *pass) matchBefore(toks []token) match {
	cues := 0
	for k := len(toks) - 1; k >= 0 && cues < 2; k-- {
		cue, next, phrase, ok := p.cueAt(toks, k, false)
		if !ok {
			continue
		}
		cues++
		conf := 0.9
		if len(toks)-next > 4 {
			conf = 0.75
		}
		if phrase {
			if m := p.mentionAfter(toks, next); m.ok() {
				return match{m: m, cue: cue, rule: RuleAccordingTo, conf: conf}
			}
			continue
		}
		var m mention
		if p.lx.SubjectAfterCue {
			m = p.mentionAfter(toks, p.skipAdverbs(toks, next))
		}
		if !m.ok() {
			m = p.mentionBefore(toks, p.skipAdverbsBack(toks, k-1))
		}
		if !m.ok() && !p.lx.SubjectAfterCue {
			m = p.mentionAfter(toks, next)
		}
		if m.ok() {
			return match{m: m, cue: cue, rule: RuleBefore, conf: conf}
		}
	}
	if n := len(toks); n >= 2 && toks[n-1].text == ":" {
		if m := p.mentionBefore(toks, n-2); m.kind == nameMention && m.first == 0 {
			return match{m: m, rule: RuleNameColon, conf: 0.8}
		}
	}
	return match{}
}

// matchColonParagraph handles a quote that opens a paragraph after one
// that ends with a colon: “Putin answered, saying:” ¶ “…”.
func (p *pass) matchColonParagraph(i int) match {
	k := p.paraOf[i]
	if k == 0 {
		return match{}
	}
	prev := p.para(k - 1)
	if prev.End == 0 || p.text[prev.End-1] != ':' && !p.introducesQuote(prev) {
		return match{}
	}
	if i > 0 && p.quotes[i-1].Span.End > prev.Start {
		prev.Start = p.quotes[i-1].Span.End
	}
	p.bufB = tokenize(p.bufB[:0], p.text, prev.Start, prev.End, p.lx)
	r := p.keep(p.matchBefore(lastSentence(p.bufB)))
	if r.m.ok() {
		r.rule, r.conf = RuleColonParagraph, r.conf*0.9
	}
	return r
}

// matchParagraphSubject takes the subject of a narration sentence in the
// quote's own paragraph when no cue names the speaker: “Elizabeth smiled.
// “Yes.”” Weak evidence, so a low confidence.
func (p *pass) matchParagraphSubject(i int) match {
	for _, side := range [2]bool{false, true} {
		toks := p.beforeTokens(i)
		if side {
			toks = p.afterTokensFrom(i)
		}
		start := 0
		for start < len(toks) && !toks[start].word {
			start++
		}
		if start >= len(toks) {
			continue
		}
		m := p.mentionAfter(toks, start)
		if m.kind == nameMention || (m.kind == pronounMention && side) {
			if m.last+1 < len(toks) && toks[m.last+1].word {
				return match{m: m, rule: RuleParagraphSubject, conf: 0.45}
			}
		}
		if !side && p.fiction {
			// “He seemed to waver, but Blenkinsop interposed. “…””
			if n := len(toks); n > 0 && endsSentence(toks, n-1) {
				if m := p.introducer(lastSentence(toks[:n-1])); m.kind == nameMention {
					return match{m: m, rule: RuleParagraphSubject, conf: 0.45}
				}
			}
		}
	}
	return match{}
}
