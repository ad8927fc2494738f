package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// maxTermWords is the longest quoted string that can be a bare term or
// scare quote when no speech cue stands in its sentence.
const maxTermWords = 4

// nonQuote decides whether quote i is a title or a term rather than
// someone's words. Evidence for speech wins: an interrupted quote, or one
// whose speaker came from a speech cue, is kept unless a title word stands
// right before it.
func (p *pass) nonQuote(i int) core.NonQuoteKind {
	q := p.quotes[i]
	inf := p.info[i]
	words, capWords, endsLikeSpeech := p.quoteShapeUpTo(q, maxTermWords*2)
	titleCase := words > 0 && capWords == words
	p.bufA = tokenize(p.bufA[:0], p.text, max(p.para(p.paraOf[i]).Start, q.Span.Start-80), q.Span.Start, p.lx)
	before := p.bufA
	prevWord := ""
	if n := len(before); n > 0 && before[n-1].word {
		prevWord = before[n-1].text
	}
	if prevWord != "" {
		low := lower(prevWord)
		switch {
		case p.lx.TermContext[low]:
			return core.NonQuoteTerm
		case p.lx.TitleContext[low] && (titleCase || words <= maxTermWords+2):
			return core.NonQuoteTitle
		case isPossessive(prevWord) && titleCase && !endsLikeSpeech:
			return core.NonQuoteTitle
		}
	}
	if p.abbreviationFollows(q) && titleCase {
		return core.NonQuoteTitle // „Koalition für Einheit“ (CUD)
	}
	if len(q.Fragments) > 1 || words > maxTermWords*2 {
		return ""
	}
	if prevWord != "" && p.takesSourceAfter(before) {
		return core.NonQuoteTitle // laut „Reuters“, according to “The Post”
	}
	cued := inf.cue != (core.Span{}) || inf.rule == RuleNameColon || inf.rule == RuleDash || p.sentenceHasCue(i, before)
	if cued && !(titleCase && !endsLikeSpeech && words > 1 && inf.rule == RuleSentence) {
		return ""
	}
	midSentence := len(before) > 0 && !p.opensSentence(before)
	if r, _ := utf8.DecodeRuneInString(p.text[q.Span.Start:]); words <= maxTermWords && (r == '\'' || r == '‘' || r == '‚') {
		return core.NonQuoteTerm // a single-quoted word where speech takes double marks
	}
	if words <= maxTermWords && midSentence {
		if titleCase {
			return core.NonQuoteTitle
		}
		return core.NonQuoteTerm
	}
	if titleCase && words > 1 && !endsLikeSpeech && midSentence {
		return core.NonQuoteTitle
	}
	return ""
}

// opensSentence reports whether the narration before a quote leaves it at
// the start of a sentence or after a colon (where speech is introduced).
func (p *pass) opensSentence(before []token) bool {
	last := before[len(before)-1]
	switch last.text {
	case ":", ".", "!", "?", "—", "–":
		return true
	}
	return false
}

// quoteShape counts the words of a quote, those capitalised, and whether
// it ends like speech (with . ! ? inside the marks, or a comma before a
// cue).
func (p *pass) quoteShape(q core.Quote) (words, capWords int, endsLikeSpeech bool) {
	return p.quoteShapeUpTo(q, -1)
}

// quoteShapeUpTo is quoteShape that may stop counting once more than
// limit words are seen and one of them is not capitalised (limit -1: count
// all): enough for tests of a few words or title case.
func (p *pass) quoteShapeUpTo(q core.Quote, limit int) (words, capWords int, endsLikeSpeech bool) {
	for _, f := range q.Fragments {
		if limit >= 0 && words > limit && capWords < words {
			break
		}
		inWord := false
		for _, r := range p.text[f.Start:f.End] {
			if limit >= 0 && words > limit && capWords < words {
				break
			}
			var letter bool
			if r < utf8.RuneSelf {
				letter = isASCIIWordByte(byte(r))
			} else {
				letter = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
			if letter && !inWord {
				words++
				if unicode.IsUpper(r) || unicode.IsDigit(r) {
					capWords++
				}
			}
			inWord = letter || (inWord && (r == '\'' || r == '’' || r == '-'))
		}
	}
	last := q.Fragments[len(q.Fragments)-1]
	inner := p.text[last.Start:last.End]
	_, size := utf8.DecodeLastRuneInString(inner)
	if !q.Unclosed {
		inner = inner[:len(inner)-size]
	}
	r, _ := utf8.DecodeLastRuneInString(inner)
	endsLikeSpeech = r == '.' || r == '!' || r == '?' || r == '…'
	return words, capWords, endsLikeSpeech
}

// sentenceHasCue reports a speech cue anywhere in the sentence around quote
// i: “Trump tweeted that Machado was “disgusting” and “a con”.”
func (p *pass) sentenceHasCue(i int, before []token) bool {
	if p.hasCue(lastSentence(before)) {
		return true
	}
	a, b := p.narrationAfter(i)
	p.bufB, _ = tokenizeSentence(p.bufB[:0], p.text, a, min(b, a+200), p.lx)
	return p.hasCue(firstSentence(p.bufB))
}

// hasCue reports a speech cue among toks; a body's name (“the New York
// Post”) and a counted noun (“50 U.S. states”) hold none.
func (p *pass) hasCue(toks []token) bool {
	for k, t := range toks {
		if t.word && p.lx.IsCue(t.text) && !(t.cap && p.cueEndsName(toks, k)) && !p.countedNoun(toks, k) {
			return true
		}
	}
	return false
}

// takesSourceAfter reports narration ending in a cue that names its source
// next ("laut", "according to"): the quoted string is that source's name.
func (p *pass) takesSourceAfter(before []token) bool {
	n := len(before)
	for _, ph := range p.lx.CuePhrases {
		if n >= len(ph) {
			if _, _, phrase, ok := p.cueAt(before, n-len(ph), false); ok && phrase {
				return true
			}
		}
	}
	return p.lx.SourceCues[lower(before[n-1].text)]
}

// abbreviationFollows reports a quote followed by a bracketed abbreviation:
// „Partij voor de Vrijheid“ (PVV).
func (p *pass) abbreviationFollows(q core.Quote) bool {
	rest := p.text[q.Span.End:min(len(p.text), q.Span.End+12)]
	rest = strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	end := strings.IndexByte(rest, ')')
	if end < 2 {
		return false
	}
	for _, r := range rest[1:end] {
		if !unicode.IsUpper(r) && r != '-' && r != '.' {
			return false
		}
	}
	return true
}
