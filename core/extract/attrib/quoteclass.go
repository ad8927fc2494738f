package attrib

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// The news quote classifier. Whether a quoted string is someone's words
// or a title, a term, a headline's fragment or a quoted transcript depends
// on many weak signs at once (its length and case, the word before it, a
// cue in its sentence, where the speaker search found a speaker, its marks
// compared with the rest of the article); a logistic model learned from
// the training splits (go run ./core/extract/train) weighs them, the rule
// verdict of nonquote.go among them. In dialogue the rules alone decide.

// Quote classifier features (binary).
const (
	qBias feature = iota // always on
	qDoubleCurly
	qStraightDouble
	qSingle
	qGerman // „ or ‚
	qGuillemet
	qSingleAmongDouble // single marks in an article whose other quotes take double marks
	qWords1
	qWords2to4
	qWords5to8
	qWords9to20
	qWords21
	qTitleCase
	qEndsLikeSpeech
	qStartsLower
	qHeadline // in the first paragraph
	qOpensParagraph
	qMidSentence
	qWholeParagraph
	qMultiParagraph
	qUnclosed
	qInterruptedQ
	qTranscript // PENCE: …
	qPrevTitleWord
	qPrevTermWord
	qPrevPossessive
	qPrevPreposition
	qPrevDeterminer
	qPrevCue
	qPrevColon
	qPrevComma
	qAbbreviationAfter
	qSourceBefore // laut „…“, according to “…”
	qCueInSentence
	qHasMention
	qMentionName
	qMentionPronoun
	qMentionNominal
	qHasCue
	qConfLow
	qConfHigh
	qRuleTitle
	qRuleTerm
	qNextNoun           // a lower-case word follows: the “fact-checking” website
	qNextCue            // a cue follows
	qAfterColonPara     // the paragraph before ends with a colon
	qStraightAmongCurly // straight marks in an article whose other quotes take curly ones: pasted text
	qPersonal           // holds I, we or you: someone's own words
	qNumber             // holds a figure: “3,210 shooting victims”
	qTitleCaseLoose     // capitalised but for function words: “State of the Union”
	qAllLower           // no capital at all: “liquidating trust”
	qNextTitleWord      // a title word follows: “Keepin' It Real” radio program
	qRuleFirst          // per-rule features, quoteRuleNames order
)

var quoteRuleNames = [...]string{RuleSpeakerCue, RuleCueSpeaker, RuleInterrupted, RuleBefore, RuleAccordingTo, RuleSentence,
	RuleColonParagraph, RuleNameColon, RuleDash, RuleParagraphSubject, RuleRanked, RuleContinuation}

var quoteBaseNames = [...]string{"bias", "double-curly", "straight-double", "single", "german", "guillemet",
	"single-among-double", "words-1", "words-2-4", "words-5-8", "words-9-20", "words-21+", "title-case",
	"ends-like-speech", "starts-lower", "headline", "opens-paragraph", "mid-sentence", "whole-paragraph",
	"multi-paragraph", "unclosed", "interrupted", "transcript", "prev-title-word", "prev-term-word",
	"prev-possessive", "prev-preposition", "prev-determiner", "prev-cue", "prev-colon", "prev-comma",
	"abbreviation-after", "source-before", "cue-in-sentence", "has-mention", "mention-name", "mention-pronoun",
	"mention-nominal", "has-cue", "confidence-low", "confidence-high", "rule-title", "rule-term",
	"next-noun", "next-cue", "after-colon-paragraph", "straight-among-curly", "personal", "number",
	"title-case-loose", "all-lower", "next-title-word"}

// quoteShapeFeats and quoteContextFeats are crossed with each other.
var (
	quoteShapeFeats   = [...]feature{qWords1, qWords2to4, qWords5to8, qWords9to20, qWords21, qTitleCase, qEndsLikeSpeech, qStartsLower, qSingle, qPersonal, qTitleCaseLoose, qAllLower}
	quoteContextFeats = [...]feature{qMidSentence, qOpensParagraph, qHasCue, qCueInSentence, qHeadline, qHasMention, qRuleTitle, qRuleTerm, qNextNoun, qPrevDeterminer,
		qPrevPossessive, qPrevPreposition, qStraightAmongCurly, qAfterColonPara, qNextTitleWord}
)

const (
	numQuoteBase     = qRuleFirst + feature(len(quoteRuleNames))
	numQuoteFeatures = numQuoteBase + feature(len(quoteShapeFeats)*len(quoteContextFeats))
)

// QuoteFeatureNames lists the quote classifier's features by id.
func QuoteFeatureNames() []string {
	names := append([]string(nil), quoteBaseNames[:]...)
	for _, r := range quoteRuleNames {
		names = append(names, "rule:"+r)
	}
	for _, s := range quoteShapeFeats {
		for _, c := range quoteContextFeats {
			names = append(names, names[s]+"&"+names[c])
		}
	}
	return names
}

func loadQuoteModels() map[string]*Model { return loadModels("quotes_", QuoteFeatureNames()) }

// markCounts counts the article's quotes by their opening mark, once per
// pass: double marks (curly among them) and single ones.
type markCounts struct{ double, curly, single int }

func (p *pass) markCounts() markCounts {
	var c markCounts
	for _, q := range p.quotes {
		switch r := openingMark(p.text, q); {
		case isSingleMark(r):
			c.single++
		case r == '“' || r == '”':
			c.curly++
			c.double++
		default:
			c.double++
		}
	}
	return c
}

// openingMark is a quote's opening mark; two apostrophes (”) stand for a
// straight double mark, as in some newspaper archives.
func openingMark(text string, q core.Quote) rune {
	if strings.HasPrefix(text[q.Span.Start:], "''") {
		return '"'
	}
	r, _ := utf8.DecodeRuneInString(text[q.Span.Start:])
	return r
}

func isSingleMark(r rune) bool {
	switch r {
	case '\'', '‘', '’', '‚', '‹', '›':
		return true
	}
	return false
}

// quoteFeatures describes quote i for the classifier; ruleKind is the rule
// verdict of nonQuote.
func (p *pass) quoteFeatures(i int, ruleKind core.NonQuoteKind, marks markCounts, f []feature) []feature {
	q := p.quotes[i]
	inf := p.info[i]
	f = append(f, qBias)
	mark := openingMark(p.text, q)
	switch {
	case isSingleMark(mark):
		f = append(f, qSingle)
		if marks.double > 0 {
			f = append(f, qSingleAmongDouble)
		}
	case mark == '"':
		f = append(f, qStraightDouble)
		if 2*marks.curly > marks.double {
			f = append(f, qStraightAmongCurly)
		}
	case mark == '„':
		f = append(f, qGerman)
	case mark == '«' || mark == '»':
		f = append(f, qGuillemet)
	default:
		f = append(f, qDoubleCurly)
	}
	if mark == '‚' {
		f = append(f, qGerman)
	}
	words, capWords, endsLikeSpeech := p.quoteShape(q)
	f = append(f, bucket(words, [...]int{1, 4, 8, 20}, [...]feature{qWords1, qWords2to4, qWords5to8, qWords9to20, qWords21}))
	if words > 0 && capWords == words {
		f = append(f, qTitleCase)
	}
	if endsLikeSpeech {
		f = append(f, qEndsLikeSpeech)
	}
	if startsLower(p.text, q.Fragments[0]) {
		f = append(f, qStartsLower)
	}
	f = p.wordFeatures(q, f)
	if p.paraOf[i] == 0 {
		f = append(f, qHeadline)
	}
	f = p.placeFeatures(i, f)
	if p.lastPara[i] > p.paraOf[i] {
		f = append(f, qMultiParagraph)
	}
	if q.Unclosed {
		f = append(f, qUnclosed)
	}
	if len(q.Fragments) > 1 && p.lastPara[i] == p.paraOf[i] {
		f = append(f, qInterruptedQ)
	}
	for _, fr := range q.Fragments {
		if isTranscriptLine(p.text[fr.Start:fr.End]) {
			f = append(f, qTranscript)
			break
		}
	}
	f = p.attributionFeatures(inf, f)
	switch ruleKind {
	case core.NonQuoteTitle:
		f = append(f, qRuleTitle)
	case core.NonQuoteTerm:
		f = append(f, qRuleTerm)
	}
	n := len(f)
	for _, a := range f[:n] {
		for si, s := range quoteShapeFeats {
			if a != s {
				continue
			}
			for _, b := range f[:n] {
				for ci, c := range quoteContextFeats {
					if b == c {
						f = append(f, numQuoteBase+feature(si*len(quoteContextFeats)+ci))
					}
				}
			}
		}
	}
	return f
}

// placeFeatures describes where quote i stands in its paragraph and what
// words surround it.
func (p *pass) placeFeatures(i int, f []feature) []feature {
	q := p.quotes[i]
	a, b := p.narrationBefore(i)
	p.bufA = tokenize(p.bufA[:0], p.text, max(a, b-120), b, p.lx)
	before := p.bufA
	para := p.para(p.paraOf[i])
	_, afterEnd := p.narrationAfter(i)
	paraStart := a == para.Start && len(before) == 0
	if paraStart {
		f = append(f, qOpensParagraph)
		if strings.TrimSpace(p.text[q.Span.End:afterEnd]) == "" {
			f = append(f, qWholeParagraph)
		}
	}
	if len(before) > 0 && !p.opensSentence(before) {
		f = append(f, qMidSentence)
	}
	if n := len(before); n > 0 {
		last := before[n-1]
		low := lower(last.text)
		switch {
		case last.text == ":":
			f = append(f, qPrevColon)
		case last.text == ",":
			f = append(f, qPrevComma)
		case !last.word:
		case p.lx.TitleContext[low]:
			f = append(f, qPrevTitleWord)
		case p.lx.TermContext[low]:
			f = append(f, qPrevTermWord)
		case isPossessive(last.text):
			f = append(f, qPrevPossessive)
		case p.lx.Prepositions[low]:
			f = append(f, qPrevPreposition)
		case p.lx.Determiners[low]:
			f = append(f, qPrevDeterminer)
		case p.lx.IsCue(low):
			f = append(f, qPrevCue)
		}
		if last.word && p.takesSourceAfter(before) {
			f = append(f, qSourceBefore)
		}
		if p.sentenceHasCue(i, before) {
			f = append(f, qCueInSentence)
		}
	} else if p.sentenceHasCue(i, before) {
		f = append(f, qCueInSentence)
	}
	if p.abbreviationFollows(q) {
		f = append(f, qAbbreviationAfter)
	}
	a, b = p.narrationAfter(i)
	p.bufB = tokenize(p.bufB[:0], p.text, a, min(b, a+40), p.lx)
	if p.titleWordFollows(p.bufB) {
		f = append(f, qNextTitleWord)
	}
	if len(p.bufB) > 0 && p.bufB[0].word {
		w := p.bufB[0]
		switch low := lower(w.text); {
		case p.lx.IsCue(low):
			f = append(f, qNextCue)
		case !w.cap && !p.lx.StopWords[low] && !p.lx.Prepositions[low]:
			f = append(f, qNextNoun)
		}
	}
	if k := p.paraOf[i]; paraStart && k > 0 {
		if prev := p.para(k - 1); prev.End > prev.Start && p.text[prev.End-1] == ':' {
			f = append(f, qAfterColonPara)
		}
	}
	return f
}

// attributionFeatures describes what the speaker search found.
func (p *pass) attributionFeatures(inf quoteInfo, f []feature) []feature {
	if inf.m.ok() {
		f = append(f, qHasMention)
		switch inf.m.kind {
		case nameMention:
			f = append(f, qMentionName)
		case pronounMention:
			f = append(f, qMentionPronoun)
		default:
			f = append(f, qMentionNominal)
		}
	}
	if !inf.cue.IsZero() {
		f = append(f, qHasCue)
	}
	switch {
	case inf.conf < 0.3:
		f = append(f, qConfLow)
	case inf.conf >= 0.6:
		f = append(f, qConfHigh)
	}
	for k, r := range quoteRuleNames {
		if r == inf.rule {
			f = append(f, qRuleFirst+feature(k))
		}
	}
	return f
}

// isTranscriptLine reports a quoted piece that opens with a speaker label
// in capitals, as transcripts print them: “WALLACE: …”.
func isTranscriptLine(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	s = s[size:]
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == ':':
			return letters >= 2
		case r == ' ' || r == '.' || r == '-':
		default:
			return false
		}
	}
	return false
}

// transcriptLines counts the pieces of quote i that open with a speaker
// label: a quoted transcript (“WALLACE: … ¶ “PENCE: …) holds the words of
// several people, so it is no one's quotation as a whole.
func (p *pass) transcriptLines(i int) int {
	n := 0
	for _, fr := range p.quotes[i].Fragments {
		if isTranscriptLine(p.text[fr.Start:fr.End]) {
			n++
		}
	}
	return n
}

// classify decides with the news quote model whether quote i is a
// non-quote; ruleKind is the rule verdict, kept as the kind when the model
// agrees.
func (p *pass) classify(i int, ruleKind core.NonQuoteKind, marks markCounts) core.NonQuoteKind {
	p.qfeats = p.quoteFeatures(i, ruleKind, marks, p.qfeats[:0])
	if p.collectQuote != nil {
		p.collectQuote(i, p.qfeats)
	}
	if p.transcriptLines(i) >= 2 || p.dataField(i) {
		return core.NonQuotePassage
	}
	if p.webAddress(i) {
		return core.NonQuoteTitle
	}
	if p.lonePronoun(i) || p.nicknameInName(i) {
		return core.NonQuoteTerm
	}
	if p.titleByContext(i) {
		return core.NonQuoteTitle
	}
	if p.quoteModel == nil {
		return ruleKind
	}
	if prob := 1 / (1 + math.Exp(-p.quoteModel.score(p.qfeats))); prob >= 0.5 {
		return ""
	}
	if ruleKind != "" {
		return ruleKind
	}
	if words, _, _ := p.quoteShape(p.quotes[i]); words <= maxTermWords {
		return core.NonQuoteTerm
	}
	return core.NonQuotePassage
}
