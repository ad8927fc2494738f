package attrib

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// The news speaker ranker. In a news article the speaker of a quote is
// often not where the rule patterns look: a partial quote's speaker is the
// subject of a clause several words before it (“Trump tweeted in the early
// morning hours that Machado was “disgusting””), a German speaker follows
// the verb ("kritisierte der Vorsitzende … scharf: „…“"), a quote paragraph
// continues a speaker named a paragraph earlier. So every mention in the
// quote's sentence, its neighbours and the previous paragraph is a
// candidate; a linear model learned from the training splits of the news
// corpora (go run ./core/extract/train) scores each candidate from its
// features (rankfeat.go), the rule patterns' own pick among them, and the
// best one is the speaker mention.

// RuleRanked is the rule reported when the ranker picked a mention that no
// rule pattern found.
const RuleRanked = "ranked"

// Bounds of the window searched for candidates, in bytes around the quote:
// they keep the work per quote constant.
const (
	rankBefore = 600
	rankAfter  = 300
)

// quoteToken is the text of the placeholder token that stands for a
// quoted piece in a window's token stream.
const quoteToken = "\x00quote"

// candidate is one possible speaker mention of a quote.
type candidate struct {
	m     mention
	cue   core.Span // the cue it is the subject or object of, if any
	loc   feature
	feats []feature
}

// rankWindow is the token stream around one quote, quotes replaced by
// placeholders, with sentence and paragraph numbers per token.
type rankWindow struct {
	toks   []token
	low    []string // each token lower-cased
	cue    []bool   // each token is a cue word
	sent   []int
	para   []int
	qa, qb int // first and last placeholder of the quote being ranked
}

// buildWindow tokenizes the text around quote i.
func (p *pass) buildWindow(i int, w *rankWindow) {
	q := p.quotes[i]
	start := p.para(p.paraOf[i]).Start
	if a, b := p.narrationBefore(i); strings.TrimSpace(p.text[a:b]) == "" && p.paraOf[i] > 0 && a == start {
		start = p.para(p.paraOf[i] - 1).Start // the quote opens its paragraph: look at the one before
	}
	start = max(start, q.Span.Start-rankBefore)
	end := min(p.para(p.lastPara[i]).End, q.Span.End+rankAfter)
	end = max(end, q.Span.End)
	j := i
	for j > 0 && p.quotes[j-1].Span.End > start {
		j--
	}
	w.toks = w.toks[:0]
	w.qa, w.qb = -1, -1
	cursor := start
	for ; j < len(p.quotes) && p.quotes[j].Span.Start < end; j++ {
		for _, f := range p.quotes[j].Fragments {
			if f.Start > cursor {
				w.toks = tokenize(w.toks, p.text, cursor, min(f.Start, end), p.lx)
			}
			if f.Start >= end {
				break
			}
			if j == i {
				if w.qa < 0 {
					w.qa = len(w.toks)
				}
				w.qb = len(w.toks)
			}
			w.toks = append(w.toks, token{start: f.Start, end: f.End, text: quoteToken})
			cursor = max(cursor, f.End)
		}
	}
	if cursor < end {
		w.toks = tokenize(w.toks, p.text, cursor, end, p.lx)
	}
	p.number(w)
}

// number assigns sentence and paragraph numbers to a window's tokens, and
// looks each up once.
func (p *pass) number(w *rankWindow) {
	w.sent, w.para, w.low, w.cue = w.sent[:0], w.para[:0], w.low[:0], w.cue[:0]
	sent, para := 0, 0
	for k, t := range w.toks {
		low := t.text
		if t.cap {
			low = lower(low)
		}
		w.low = append(w.low, low)
		w.cue = append(w.cue, t.word && p.lx.Cues[low] && !p.cueLookalike(w.toks, k))
		if k > 0 {
			prev := w.toks[k-1]
			if strings.IndexByte(p.text[prev.end:t.start], '\n') >= 0 {
				para++
				sent++
			} else if endsSentence(w.toks, k-1) || (prev.text == quoteToken && p.quoteEndsSentence(prev) && (t.cap || t.text == quoteToken)) {
				sent++
			}
		}
		w.sent = append(w.sent, sent)
		w.para = append(w.para, para)
	}
}

// quoteEndsSentence reports a quoted piece ending in . ! ? or … inside its
// closing mark.
func (p *pass) quoteEndsSentence(t token) bool {
	inner := p.text[t.start:t.end]
	_, size := utf8.DecodeLastRuneInString(inner)
	r, _ := utf8.DecodeLastRuneInString(inner[:len(inner)-size])
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// candidates collects the mentions in a window, with their features.
func (p *pass) candidates(i int, w *rankWindow, rule match, out []candidate) []candidate {
	toks := w.toks
	for s := 0; s < len(toks); s++ {
		if !toks[s].word {
			continue
		}
		low := w.low[s]
		if p.lx.Complementizers[low] {
			continue // "that" opens a clause here, not a description
		}
		if _, pron := p.lx.Pronouns[low]; !toks[s].cap && !pron && !p.lx.Determiners[low] && !p.lx.SpeakerNouns[low] &&
			!strings.ContainsAny(low, "'’") {
			continue // no mention starts with this word: spare the look-up
		}
		m := p.mentionAfter(toks, s)
		if g, ok := p.contractedPronoun(toks[s]); ok && m.kind != pronounMention {
			m = p.makeMention(pronounMention, toks, s, s, g)
		}
		if !m.ok() {
			continue
		}
		out = append(out, candidate{m: m, loc: w.location(m.first, m.last)})
		s = m.last
	}
	if i > 0 && len(toks) > 0 {
		if prev := p.info[i-1].m; prev.ok() && prev.end <= toks[0].start {
			prev.first, prev.last = -1, -1
			out = append(out, candidate{m: prev, loc: locPrevQuote})
		}
	}
	p.describe(i, w, rule, out)
	return out
}

// location tells where tokens first..last stand relative to the quote.
func (w *rankWindow) location(first, last int) feature {
	switch {
	case first > w.qa && last < w.qb:
		return locGap
	case last < w.qa:
		switch {
		case w.sent[last] == w.sent[w.qa]:
			return locBefore
		case w.para[last] != w.para[w.qa]:
			return locPrevPara
		case w.sent[last] == w.sent[w.qa]-1:
			return locPrevSent
		}
		return locEarlier
	case w.sent[first] == w.sent[w.qb]:
		return locAfter
	}
	return locNext
}

// describe fills in every candidate's features.
func (p *pass) describe(i int, w *rankWindow, rule match, cands []candidate) {
	toks := w.toks
	var quoteCtx []feature
	if w.qa == 0 || w.para[w.qa-1] != w.para[w.qa] {
		quoteCtx = append(quoteCtx, fQOpensPara)
	} else if w.sent[w.qa-1] == w.sent[w.qa] {
		quoteCtx = append(quoteCtx, fQMixed)
	}
	if w.qb+1 < len(toks) && w.sent[w.qb+1] == w.sent[w.qb] && toks[w.qb+1].text != quoteToken {
		quoteCtx = append(quoteCtx, fQNarrAfter)
	}
	if len(p.quotes[i].Fragments) > 1 {
		quoteCtx = append(quoteCtx, fQInterrupted)
	}
	prevCore := ""
	if i > 0 && p.info[i-1].m.ok() {
		prevCore = lower(p.info[i-1].m.core)
	}
	cued := p.cuedCandidates(w, cands)
	for c := range cands {
		cd := &cands[c]
		f := cd.feats[:0]
		f = append(f, cd.loc)
		f = p.mentionFeatures(w, cd.m, f)
		if cd.m.first >= 0 {
			f = p.contextFeatures(w, cd, cands, c, f)
			f = p.competitionFeatures(w, cands, cued, c, f)
		}
		if prevCore != "" && lower(cd.m.core) == prevCore {
			f = append(f, fSameAsPrev)
		}
		if rule.m.ok() && cd.m.start < rule.m.end && rule.m.start < cd.m.end {
			f = append(f, fRuleAny)
			for k, r := range ruleNames {
				if r == rule.rule {
					f = append(f, fRuleFirst+feature(k))
				}
			}
			if cd.cue.IsZero() {
				cd.cue = rule.cue
			}
		}
		f = append(f, quoteCtx...)
		for _, b := range f {
			for k, x := range crossed {
				if x == b {
					f = append(f, cross(cd.loc, k))
				}
			}
		}
		cd.feats = f
	}
}

// mentionFeatures describes the mention itself.
func (p *pass) mentionFeatures(w *rankWindow, m mention, f []feature) []feature {
	switch m.kind {
	case nameMention:
		f = append(f, fName)
		if _, ok := p.lx.GivenNames[firstWord(m.core)]; ok {
			f = append(f, fGivenName)
		}
	case pronounMention:
		f = append(f, fPronoun)
	default:
		f = append(f, fNominal)
	}
	text := p.text[m.start:m.end]
	if isPossessive(text) || isPossessive(firstWord(text)) {
		f = append(f, fPossessive)
	}
	if m.kind != pronounMention && isOrganisation(p, m) {
		f = append(f, fOrganisation)
	}
	if len(m.titles) > 0 {
		f = append(f, fTitled)
	}
	head, first := lower(lastWord(m.core)), lower(firstWord(text))
	if m.first >= 0 {
		head, first = w.low[m.last], w.low[m.first] // the same words, lower-cased once
	}
	if p.lx.SpeakerNouns[head] {
		f = append(f, fSpeakerNoun)
	}
	if strings.ContainsRune(strings.TrimSpace(m.core), ' ') {
		f = append(f, fMultiWord)
	}
	if p.lx.ObliqueDeterminers[first] {
		f = append(f, fOblique)
	}
	return f
}

// contextFeatures describes a candidate's neighbourhood in the window.
func (p *pass) contextFeatures(w *rankWindow, cd *candidate, cands []candidate, c int, f []feature) []feature {
	toks := w.toks
	m := cd.m
	k := p.skipAdverbs(toks, p.skipAside(toks, m.last+1))
	if k < len(toks) && w.cue[k] {
		f = append(f, fCueRight)
		cd.cue = core.Span{Start: toks[k].start, End: toks[k].end}
	}
	if b := p.skipAdverbsBack(toks, m.first-1); b >= 0 && w.cue[b] {
		f = append(f, fCueLeft)
		cd.cue = core.Span{Start: toks[b].start, End: toks[b].end}
	}
	if span, ok := p.phraseBefore(w, m.first); ok {
		f = append(f, fPhraseLeft)
		cd.cue = span
	}
	if m.last+1 < len(toks) && toks[m.last+1].text == ":" {
		f = append(f, fColonRight)
	}
	if m.first >= 2 && isDash(toks[m.first-1].text) && toks[m.first-2].text == quoteToken {
		f = append(f, fDashLeft)
	}
	sent := w.sent[m.first]
	near, inSent := false, false
	for j := m.first - 1; j >= 0 && w.sent[j] == sent; j-- {
		if w.cue[j] {
			inSent = true
			near = near || m.first-j <= 4
		}
	}
	for j := m.last + 1; j < len(toks) && w.sent[j] == sent; j++ {
		if w.cue[j] {
			inSent = true
			near = near || j-m.last <= 4
		}
	}
	if near {
		f = append(f, fCueNear)
	}
	if inSent {
		f = append(f, fCueInSentence)
	}
	first := 0
	for first = m.first; first > 0 && w.sent[first-1] == sent && !toks[first-1].word && toks[first-1].text != quoteToken; first-- {
	}
	if first == 0 || w.sent[first-1] != sent {
		f = append(f, fSentInitial)
	}
	if c == 0 || cands[c-1].m.first < 0 || w.sent[cands[c-1].m.last] != sent {
		f = append(f, fFirstInSent)
	}
	if m.first > 0 && toks[m.first-1].word {
		before := w.low[m.first-1]
		if p.lx.Prepositions[before] {
			f = append(f, fAfterPrep)
		}
		if p.lx.Complementizers[before] {
			f = append(f, fAfterThat)
		}
		if p.lx.AgentPrepositions[before] {
			f = append(f, fAfterBy)
		}
	}
	// Distance to the quote, and rank among the candidates on that side.
	var dist, rank int
	if m.last < w.qa {
		dist = w.qa - m.last - 1
		for j := c + 1; j < len(cands) && cands[j].m.first >= 0 && cands[j].m.last < w.qa; j++ {
			rank++
		}
	} else {
		dist = max(0, m.first-w.qb-1)
		for j := c - 1; j >= 0 && cands[j].m.first > w.qb; j-- {
			rank++
		}
	}
	switch rank {
	case 0:
		f = append(f, fNearest)
	case 1:
		f = append(f, fSecond)
	}
	f = append(f, bucket(dist, [...]int{2, 5, 10, 20}, [...]feature{fDist2, fDist5, fDist10, fDist20, fDistFar}))
	return f
}

// bucket returns the feature of the first limit that n does not exceed, or
// the last one.
func bucket(n int, limits [4]int, feats [5]feature) feature {
	for k, l := range limits {
		if n <= l {
			return feats[k]
		}
	}
	return feats[len(feats)-1]
}

// phraseBefore reports a cue phrase or source cue ending right before
// token k: according to Putin, laut Reuters.
func (p *pass) phraseBefore(w *rankWindow, k int) (core.Span, bool) {
	toks := w.toks
	if k > 0 && toks[k-1].word && p.lx.SourceCues[w.low[k-1]] {
		return core.Span{Start: toks[k-1].start, End: toks[k-1].end}, true
	}
phrases:
	for _, ph := range p.lx.CuePhrases {
		s := k - len(ph)
		if s < 0 {
			continue
		}
		for j, word := range ph {
			if w.low[s+j] != word {
				continue phrases
			}
		}
		return core.Span{Start: toks[s].start, End: toks[k-1].end}, true
	}
	return core.Span{}, false
}

// contractedPronoun reports a pronoun with a contracted verb: He’s,
// they’re, I’d.
func (p *pass) contractedPronoun(t token) (lexicon.Gender, bool) {
	i := strings.IndexAny(t.text, "'’")
	if !t.word || i <= 0 {
		return 0, false
	}
	return p.pronounGender(token{text: t.text[:i], word: true})
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// colonTag reports a rule match whose subject stands before its cue and
// whose cue ends right before quote i with a colon, but for one word (a
// particle, an object): Putin told reporters: “…”; „…“, sagte die
// Kanzlerin, und die Journalistin fügte hinzu: »…«. A speaker who
// introduces the quote so is its speaker, whoever else the sentence names.
func (p *pass) colonTag(i int, r match) bool {
	if r.rule != RuleBefore || !r.m.ok() || r.cue.IsZero() {
		return false
	}
	if r.m.start >= r.cue.End {
		// A name right after the cue is its subject where the language
		// puts it there (entgegnete Suttner empört:); elsewhere, and a
		// description in any language, may be the object (told Fox News:,
		// sagte der Zeitung:).
		return p.lx.SubjectAfterCue && r.m.kind == nameMention && strings.TrimSpace(p.text[r.cue.End:r.m.start]) == "" &&
			colonAfter(p.text[r.m.end:max(r.m.end, p.quotes[i].Span.Start)])
	}
	if r.m.end > r.cue.Start {
		return false
	}
	if !colonAfter(p.text[r.cue.End:max(r.cue.End, p.quotes[i].Span.Start)]) {
		return false
	}
	// The mention is the cue's subject: right before it (adverbs aside),
	// and not the object of a preposition or of another verb (in einer
	// Rede verkündet; emailed supporters saying).
	p.bufB = tokenize(p.bufB[:0], p.text, r.m.end, r.cue.Start, p.lx)
	if len(p.bufB) != p.skipAdverbs(p.bufB, 0) {
		return false
	}
	a, _ := p.narrationBefore(i)
	p.bufB = tokenize(p.bufB[:0], p.text, max(a, r.m.start-40), r.m.start, p.lx)
	if n := len(p.bufB); n > 0 && p.bufB[n-1].word {
		low := lower(p.bufB[n-1].text)
		return !p.lx.Prepositions[low] && !p.lx.IsCue(low)
	}
	return true
}

// colonAfter reports narration that is a colon, after at most one word
// (a particle, an adverb, an object): " hinzu:", " empört:", " reporters:".
func colonAfter(s string) bool {
	rest, colon := strings.CutSuffix(strings.TrimSpace(s), ":")
	return colon && !strings.ContainsAny(rest, " ,;.")
}

// rank lets the ranker pick quote i's speaker mention among the
// candidates; rule is what the rule patterns found.
func (p *pass) rank(i int, rule match) match {
	if p.ranker == nil && p.collect == nil {
		return rule
	}
	p.buildWindow(i, &p.win)
	if p.win.qa < 0 {
		return rule
	}
	p.cands = p.candidates(i, &p.win, rule, p.cands[:0])
	if p.collect != nil {
		p.collect(i, p.cands)
	}
	if len(p.cands) == 0 || p.ranker == nil || p.colonTag(i, rule) {
		return rule
	}
	best, bestScore, total := -1, math.Inf(-1), 0.0
	scores := p.scores[:0]
	for c := range p.cands {
		s := p.ranker.score(p.cands[c].feats)
		scores = append(scores, s)
		if s > bestScore {
			best, bestScore = c, s
		}
	}
	for _, s := range scores {
		total += math.Exp(s - bestScore)
	}
	p.scores = scores
	cd := p.cands[best]
	out := match{m: cd.m, cue: cd.cue, rule: RuleRanked, conf: 1 / total}
	if rule.m.ok() && cd.m.start < rule.m.end && rule.m.start < cd.m.end {
		out.rule, out.m = rule.rule, rule.m
		out.conf = max(out.conf, rule.conf)
	} else if cd.loc == locPrevQuote || (i > 0 && p.info[i-1].m.start == cd.m.start && p.info[i-1].m.ok()) {
		out.rule = RuleContinuation
	}
	return out
}
