package attrib

import (
	"strings"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// Fiction tags its dialogue more loosely than news, and its narration
// holds many nouns that a news pattern would take for a speaker (“said in
// a low voice”, “was the firm reply of Mr. Limbkins”, “repeat her aunt's
// words”). These checks run only on text read as fiction.

// RuleSpeechNoun: a quote named as someone's reply (“…” was Lady
// Bertram's placid reply / was the firm reply of Mr. Limbkins).
const RuleSpeechNoun = "speech-noun"

// fictionAfter checks what the common patterns found after quote i: a
// quote named as someone's reply comes first, then a tag right after the
// quote (“…,” Katharine counted) over a cue later in the sentence, and a
// speaker must be someone.
func (p *pass) fictionAfter(i int, r match) match {
	if r.rule == RuleSpeakerCue && p.deniedCue(r) {
		return match{} // “…” Mr. McBryde did not speak much
	}
	if r.rule == RuleCueSpeaker || r.rule == RuleSpeakerCue {
		r.m = p.withoutAdverbs(r.m)
		return r
	}
	toks := p.afterTokens(i)
	if s := p.matchSpeechNoun(toks); s.m.ok() {
		return s
	}
	if r.rule == RuleSentence {
		if s := p.looseTagAfter(i); s.m.ok() {
			return s
		}
		return match{}
	}
	return p.keep(r)
}

// deniedCue reports a negation between a tag's speaker and its cue
// (“…” Mr. Bolton did not speak much): the sentence tells who kept
// silent, so it tags no quote.
func (p *pass) deniedCue(r match) bool {
	if r.m.end >= r.cue.Start {
		return false
	}
	for _, w := range strings.Fields(p.text[r.m.end:r.cue.Start]) {
		if p.lx.Negations[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// weakAfterTag reports a loose match for a quote that follows, in its
// paragraph, a quote tagged by its speaker's name or pronoun: one speaker
// to a paragraph, so the tag holds (“…,” said Mrs. Denham. “…” Here some
// family joke exploded).
func (p *pass) weakAfterTag(i int, r match) bool {
	if i == 0 || p.lastPara[i-1] != p.paraOf[i] || !r.m.ok() {
		return false
	}
	switch r.rule {
	case RuleColonParagraph, RuleParagraphSubject, RuleIntroduction:
	case RuleBefore:
		if r.m.kind == nameMention || r.m.kind == pronounMention {
			return false // “…,” said Anne. Marilla answered, “…”
		}
	default:
		return false
	}
	prev := &p.info[i-1]
	if r.rule == RuleIntroduction && p.newClauseAfterTag(i, prev.m, r.m) {
		// A new subject after that tag introduces this quote (“…?” he
		// asked; and she looked at him, and answered: “…”).
		return false
	}
	switch prev.rule {
	case RuleCueSpeaker, RuleSpeakerCue, RuleInterrupted, RuleSpeechNoun:
		return prev.m.kind == nameMention || prev.m.kind == pronounMention
	}
	return false
}

// newClauseAfterTag reports an introducer of quote i that stands after
// the quote before it and its tag, past a sentence end or a semicolon
// (“…,” said Catherine. He made no answer; but … burst out with, “…”),
// not in the tag's own clause (“said she, seating herself between Elinor
// and Marianne, “…”).
func (p *pass) newClauseAfterTag(i int, tag, intro mention) bool {
	from := p.quotes[i-1].Span.End
	if intro.start < from || tag.end > intro.start {
		return false
	}
	if tag.start < p.quotes[i-1].Span.Start {
		return true // the tag stood before that quote
	}
	return strings.ContainsAny(p.text[max(from, tag.end):intro.start], ".;!?")
}

// keep drops, in fiction, a match whose mention cannot be a speaker: a
// description away from the cue that names no person (“repeat her
// aunt's words,”; “in the porch, and said:”). Right before the cue (“the
// croupier said”) any description may speak.
func (p *pass) keep(r match) match {
	if !p.fiction || !r.m.ok() {
		return r
	}
	if !p.nextToCue(r) && !p.speakerLike(r.m) || p.afterPreposition(r.m) || p.nounCue(r) {
		return match{}
	}
	r.m = p.withoutAdverbs(r.m)
	return r
}

// withoutAdverbs ends a description before the adverbs a tag adds to it:
// “said the policeman slowly”, “cried the Nawab Bahadur quite rudely”.
func (p *pass) withoutAdverbs(m mention) mention {
	if m.kind != nominalMention {
		return m
	}
	text := p.text[m.start:m.end]
	for {
		sp := strings.LastIndexAny(text, " \n")
		if sp < 0 {
			break
		}
		w := text[sp+1:]
		if !isAdverb(w) && !hasLower(p.lx.CueAdverbs, w) {
			break
		}
		text = strings.TrimRight(text[:sp], " \n")
	}
	text = p.descriptionBeforeTrailer(text)
	m.end = m.start + len(text)
	m.core = text
	return m
}

// descriptionBeforeTrailer ends a description at its person noun when the
// tag goes on after it with a participle or a trailer word (lexicon
// [tag-trailers]): “the girl placing both hands upon” is “the girl”,
// “his aunt soon afterwards” “his aunt”. “the other” may head a longer
// description (“the other magistrate”), so it ends none.
func (p *pass) descriptionBeforeTrailer(text string) string {
	head := false
	for k := 0; ; {
		w, next := nextField(text, k)
		if w == "" {
			return text
		}
		if head && w[0] >= 'a' && w[0] <= 'z' && (len(w) > 4 && strings.HasSuffix(w, "ing") || p.lx.TagTrailers[w]) {
			return strings.TrimRight(text[:k], " \n")
		}
		head = k > 0 && p.isDescriptionHead(w)
		k = next
	}
}

// isDescriptionHead reports a person, trade or voice noun that may end a
// description (“girl”, “doctor”, “voice”), not “other”.
func (p *pass) isDescriptionHead(w string) bool {
	if hasLower(p.lx.OtherNouns, w) {
		return false
	}
	if _, person := inLower(p.lx.PersonNouns, w); person {
		return true
	}
	if _, trade := inLower(p.lx.TradeNouns, w); trade {
		return true
	}
	return hasLower(p.lx.VoiceNouns, w)
}

// newcomer resolves, in a novel, someone a description introduces (“a
// looker-on”, “a great lubberly fellow”): a new person, not anyone of the
// conversation, shown as the story would name them again (“the
// looker-on”).
func (p *pass) newcomer(m mention) (id int, ok bool) {
	if !p.fiction || m.kind != nominalMention {
		return -1, false
	}
	first, rest, _ := strings.Cut(m.core, " ")
	if rest == "" || !equalLower(first, "a") && !equalLower(first, "an") {
		return -1, false
	}
	name := "the " + strings.Join(strings.Fields(rest), " ")
	if ids := p.ents.byCore[strings.ToLower(name)]; len(ids) > 0 {
		return p.ents.find(ids[0]), true
	}
	return p.ents.add(entity{core: name, words: 1, nominal: true, kind: core.SpeakerPerson, titles: map[string]bool{}, last: m.start}), true
}

// afterPreposition reports a mention governed by a preposition, which no
// speaker is: “exclaimed with a deep sigh”, “said to Mr. Bumble” (but
// “by”, the agent, may name one, and so may a relative clause: “showed
// the letter to Jock, who said,”).
func (p *pass) afterPreposition(m mention) bool {
	w := p.wordBefore(m.start)
	if !hasLower(p.lx.Prepositions, w) || hasLower(p.lx.AgentPrepositions, w) {
		return false
	}
	rest := strings.TrimLeft(p.text[m.end:min(len(p.text), m.end+8)], ", \n")
	return !strings.HasPrefix(rest, "who")
}

// wordBefore returns the word that ends right before byte pos, with only
// spaces between, "" if there is none.
func (p *pass) wordBefore(pos int) string {
	k := pos
	for k > 0 && (p.text[k-1] == ' ' || p.text[k-1] == '\n') {
		k--
	}
	end := k
	for k > 0 && ('a' <= p.text[k-1]|0x20 && p.text[k-1]|0x20 <= 'z') {
		k--
	}
	return p.text[k:end]
}

// laterIntroducer prefers, to a tag whose cue stands well before the
// quote (“Mr. Yates, indeed, exclaimed against his tameness; and the day
// came at last, when Mr. Rushworth turned to her and said,”), the subject
// of the clause that introduces the quote, when the narration ends with a
// comma or colon.
func (p *pass) laterIntroducer(before []token, r match) match {
	n := len(before)
	if n == 0 || before[n-1].text != "," && before[n-1].text != ":" {
		return r
	}

	if m := p.introducer(lastSentence(before[:n-1])); m.ok() && m.start > r.cue.End {
		return match{m: m, rule: RuleIntroduction, conf: 0.7}
	}
	return r
}

// nounCue reports a cue that is a noun after a description: “made the
// almost invariable reply:”, “sprang the following question”. A tag's
// verb after a description is in the past (“the croupier said”, “the
// Marchioness continued”).
func (p *pass) nounCue(r match) bool {
	if r.m.kind != nominalMention || !p.nextToCue(r) {
		return false
	}
	cue := p.text[r.cue.Start:r.cue.End]
	if sp := strings.IndexByte(cue, ' '); sp >= 0 {
		cue = cue[:sp] // “put in”
	}
	return !strings.HasSuffix(cue, "ed") && !p.lx.PastCues[strings.ToLower(cue)]
}

// nextToCue reports a mention with only spaces between it and the cue
// after it (“the Marchioness continued:”); one after its cue may be its
// object (“repeat her aunt's words,”).
func (p *pass) nextToCue(r match) bool {
	a, b := r.m.end, r.cue.Start
	if r.cue.IsZero() || b < a {
		return false
	}
	for k := a; k < b; k++ {
		if c := p.text[k]; c != ' ' && c != '\n' {
			return false
		}
	}
	return true
}

// speakerLike reports a mention that can name a speaker in a story: a
// name, a pronoun, or a description of a person (“the old gentleman”,
// “the Count”, “his colleague”), not “a loud voice” or “her aunt's words”.
func (p *pass) speakerLike(m mention) bool {
	if m.kind != nominalMention {
		return m.ok()
	}
	head, _ := nominalHead(m.core)
	if head == "" {
		return false
	}
	if _, ok := inLower(p.lx.PersonNouns, head); ok {
		return true
	}
	if hasLower(p.lx.SpeakerNouns, head) {
		return true
	}
	_, title := p.lx.Titles[head]
	return title || p.titledCharacter(m) >= 0
}

// matchSpeechNoun reads “was Lady Bertram's placid reply”, “was her
// answer”, “was the firm reply of Mr. Limbkins” right after a quote: a
// speech word used as a noun, with its owner.
func (p *pass) matchSpeechNoun(toks []token) match {
	k := 0
	for k < len(toks) && !toks[k].word && (toks[k].text == "," || isDash(toks[k].text)) {
		k++
	}
	if k >= len(toks) || !equalLower(toks[k].text, "was") {
		return match{}
	}
	var owner mention
	for j := k + 1; j < len(toks) && j <= k+6 && toks[j].word; j++ {
		t := toks[j]
		if !t.cap && p.isCue(t.text) && j > k+1 {
			if !owner.ok() && j+2 < len(toks) && equalLower(toks[j+1].text, "of") {
				owner = p.mentionAfter(toks, j+2)
			}
			if owner.kind == nameMention || owner.kind == pronounMention {
				return match{m: owner, cue: core.Span{Start: t.start, End: t.end}, rule: RuleSpeechNoun, conf: 0.85}
			}
			return match{}
		}
		if owner.ok() && !t.cap && (j+1 == len(toks) || !toks[j+1].word) {
			// “was Marilla's response.”: the noun that ends the clause.
			return match{m: owner, cue: core.Span{Start: t.start, End: t.end}, rule: RuleSpeechNoun, conf: 0.8}
		}
		switch {
		case t.cap && isPossessive(t.text):
			owner = p.mentionBefore(toks, j)
		case t.cap && j+2 < len(toks) && toks[j+1].text == "s" && toks[j+1].start == t.end+1:
			// “was Mr. Allen s consolation”: a plain-text edition that
			// lost the apostrophe.
			owner = p.mentionBefore(toks, j)
			owner.end = toks[j+1].end
			j++
		case possessiveGender(t.text) != lexicon.GenderUnknown:
			owner = p.makeMention(pronounMention, toks, j, j, possessiveGender(t.text))
		}
	}
	return match{}
}

// looseTagAfter reads a tag of any verb right after a quote that breaks
// off: “…,” mourned Anne / said poor Lucy / Adela went on.
func (p *pass) looseTagAfter(i int) match {
	if !p.breaksOff(i) {
		return match{}
	}
	return p.looseTag(p.afterTokens(i))
}

// looseTag reads a tag of any verb at the start of toks, the narration
// after a quote that breaks off or between the pieces of an interrupted
// one (“…,” asseverated the General, “…”).
func (p *pass) looseTag(toks []token) match {
	k := 0
	for k < len(toks) && !toks[k].word && (toks[k].text == "," || isDash(toks[k].text)) {
		k++
	}
	if p.isTagVerb(toks, k) {
		j := k + 1
		if j+1 < len(toks) && isTagParticle(toks[j].text) && toks[j+1].cap {
			j++ // “broke in Davis”
		}
		if m := p.bareNoun(toks, j); m.ok() && p.isCue(toks[k].text) {
			return match{m: m, cue: core.Span{Start: toks[k].start, End: toks[k].end}, rule: RuleCueSpeaker, conf: 0.7}
		}
		for n := 0; n < 2 && j < len(toks) && (p.isTagVerb(toks, j) || p.lx.IsCueParticle(toks[j-1].text, toks[j].text)) && !p.isNameWord(toks[j]); n++ {
			j++ // “said poor Lucy”, “put in Fielding”
		}
		if j+1 < len(toks) && isNameParticle(toks[j].text) && p.isNameWord(toks[j+1]) {
			j++ // “said de Worms”
		}
		if m := p.mentionAfter(toks, j); m.kind == nameMention || m.kind == pronounMention || p.personDescription(toks, j, m) {
			return match{m: p.withoutAdverbs(m), cue: core.Span{Start: toks[k].start, End: toks[k].end}, rule: RuleCueSpeaker, conf: 0.8}
		}
	}
	m := p.mentionAfter(toks, k)
	if m.kind != nameMention && m.kind != pronounMention {
		return match{}
	}
	v := m.last + 1
	for v < len(toks) && toks[v].word && !toks[v].cap && isAdverb(toks[v].text) {
		v++ // “he presently added,”, “she hesitatingly replied,”
	}
	if m.kind == nameMention && p.isTagVerb(toks, v) || m.kind == pronounMention && v > m.last+1 && v < len(toks) && toks[v].word && p.isCue(toks[v].text) {
		return match{m: m, cue: core.Span{Start: toks[v].start, End: toks[v].end}, rule: RuleSpeakerCue, conf: 0.8}
	}
	return match{}
}

// personDescription reports a description of a person that starts with
// a determiner at token j: “the officer”, “the General” (not “the
// table”).
func (p *pass) personDescription(toks []token, j int, m mention) bool {
	return m.kind == nominalMention && j < len(toks) && p.isDeterminer(toks[j]) && p.speakerLike(p.withoutAdverbs(m))
}

// titledName reports, in a novel, a capitalised word right after a title
// that the book also writes as a common word: “Mr Last”, “Mrs Price”.
func (p *pass) titledName(toks []token, k int) bool {
	if p.cast == nil || k == 0 || !toks[k].word || !toks[k].cap || !p.isTitle(toks[k-1]) {
		return false
	}
	w := toks[k].text
	return w != "I" && !isRomanNumeral(w) && !isContraction(w)
}

// isTagParticle reports the particle of a phrasal speech verb: “broke
// in”, “went on”, “called out”.
func isTagParticle(w string) bool {
	switch w {
	case "in", "on", "out", "up", "back", "forth":
		return true
	}
	return false
}

// bareNoun reads a speaker named by a lone common noun after a cue, as a
// household calls its servants: “…,” said nanny.
func (p *pass) bareNoun(toks []token, j int) mention {
	if j+1 >= len(toks) || !toks[j].word || toks[j].cap || toks[j+1].word || len(toks[j].text) < 3 || isAdverb(toks[j].text) {
		return mention{}
	}
	w := toks[j].text
	if hasLower(p.lx.StopWords, w) || hasLower(p.lx.Stopwords, w) || p.isDeterminer(toks[j]) || p.isCue(w) {
		return mention{}
	}
	if _, pron := p.lx.Pronouns[w]; pron {
		return mention{}
	}
	return p.makeMention(nominalMention, toks, j, j, 0)
}

// introducesQuote reports, in a novel, a narration paragraph that runs on
// into the quote after it, its dash lost in the plain-text edition: “and
// then the Secretary said” ¶ “…”.
func (p *pass) introducesQuote(para core.Span) bool {
	if !p.fiction || para.End <= para.Start {
		return false
	}
	c := p.text[para.End-1]
	return c == ',' || 'a' <= c && c <= 'z'
}

// possessiveGender is the gender of a possessive pronoun that owns a
// reply (“was her reply”, “was my first remark”), else GenderUnknown.
func possessiveGender(w string) lexicon.Gender {
	switch w {
	case "his":
		return lexicon.Male
	case "her":
		return lexicon.Female
	case "my":
		return lexicon.Self
	}
	return lexicon.GenderUnknown
}
