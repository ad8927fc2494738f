package attrib

import (
	"unicode"
	"unicode/utf8"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// A news article in one language may hold a paragraph in another: a
// German article quoting “It’s a Café in Zürich,” she said, “not a naïve
// experiment.” Such a paragraph is read with its own language's lexicon
// and models, so that "she said" is a cue there. A paragraph changes
// language only on clear evidence: its narration (outside quotation
// marks) holds at least minForeignWords frequent words of the other
// language and more than twice as many as of the document's.

const minForeignWords = 2

// maxLanguageWords bounds the narration words read per paragraph: enough
// to tell a language, and the cost per paragraph stays constant.
const maxLanguageWords = 40

// paragraphLanguages holds, per paragraph, the lexicon it is read with
// (nil: the document's), and what to switch to.
type paragraphLanguages struct {
	lexicons []*lexicon.Lexicon // nil when every paragraph is in the document's language
	doc      *lexicon.Lexicon
	a        *Attributor
}

// readParagraphLanguages finds the paragraphs of a news document written in
// another language, in one sweep over paragraphs and quotes; only the
// paragraphs that hold a quote are read.
func (p *pass) readParagraphLanguages(a *Attributor, quotes []core.Quote) {
	p.paraLang = paragraphLanguages{doc: p.lx, a: a}
	if len(a.lexicons) < 2 {
		return
	}
	q := 0
	counts := map[string]int{}
	for k, para := range p.paras {
		for q < len(quotes) && quotes[q].Span.End <= para.Start {
			q++
		}
		if q == len(quotes) || quotes[q].Span.Start >= para.End {
			continue // no quote here: its language does not matter
		}
		clear(counts)
		pos, words := para.Start, 0
		for pos < para.End {
			for q < len(quotes) && quotes[q].Span.End <= pos {
				q++
			}
			end := para.End
			if q < len(quotes) && quotes[q].Span.Start < end {
				end = max(pos, quotes[q].Span.Start)
			}
			if words < maxLanguageWords {
				words += countStopwords(p.text[pos:end], a.lexicons, counts, maxLanguageWords-words)
			}
			pos = end
			if q < len(quotes) && quotes[q].Span.Start <= pos {
				pos = max(pos, min(para.End, quotes[q].Span.End))
			}
		}
		for lang, n := range counts {
			if lang != p.lx.Lang && n >= minForeignWords && n > 2*counts[p.lx.Lang] {
				if p.paraLang.lexicons == nil {
					p.paraLang.lexicons = make([]*lexicon.Lexicon, len(p.paras))
				}
				p.paraLang.lexicons[k] = a.lexicons[lang]
			}
		}
	}
}

// countStopwords adds up the frequent words of each language among the
// first limit words of s, and returns how many words it read.
func countStopwords(s string, lexicons map[string]*lexicon.Lexicon, counts map[string]int, limit int) int {
	n := 0
	for i := 0; i < len(s) && n < limit; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += s2
		}
		for lang, lx := range lexicons {
			if folded(lx.Stopwords, s[i:j]) {
				counts[lang]++
			}
		}
		i = j
		n++
	}
	return n
}

// useParagraphLexicon reads what follows with the lexicon and models of
// paragraph k's language.
func (p *pass) useParagraphLexicon(k int) {
	pl := &p.paraLang
	if pl.lexicons == nil || k < 0 || k >= len(pl.lexicons) {
		return
	}
	lx := pl.lexicons[k]
	if lx == nil {
		lx = pl.doc
	}
	if lx != p.lx {
		p.lx, p.ranker, p.quoteModel = lx, pl.a.rankers[lx.Lang], pl.a.quoteModels[lx.Lang]
	}
}

// sameMarks reports whether two quotes open with marks of one convention:
// the pieces of an interrupted quote do, two people's quotes in „…“ and
// »…« do not.
func sameMarks(text string, a, b core.Quote) bool {
	return markFamily(openingMark(text, a)) == markFamily(openingMark(text, b))
}

// markFamily groups opening marks by convention: straight and curly
// English double marks are one.
func markFamily(r rune) rune {
	switch r {
	case '"', '“', '”', '‟':
		return '“'
	case '\'', '‘', '’', '‛':
		return '‘'
	}
	return r
}
