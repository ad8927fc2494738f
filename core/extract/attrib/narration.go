package attrib

// The narration next to a quote is read by several patterns in turn (the
// common tags, fiction's looser tags, the paragraph's subject): it is
// tokenized once per quote, and after a quote only as far as its first
// sentence, which is all the patterns there read.

// window is a stretch of narration and its tokens.
type window struct {
	a, b  int
	valid bool
	cut   bool // toks stop at the end of the first sentence, before b
	toks  []token
}

// afterTokens returns the first sentence of the narration after quote i
// in its paragraph: firstSentence of its tokens.
func (p *pass) afterTokens(i int) []token {
	a, b := p.narrationAfter(i)
	w := &p.afterWin
	if !w.valid || w.a != a || w.b != b {
		w.toks, w.cut = tokenizeSentence(w.toks[:0], p.text, a, b, p.lx)
		w.a, w.b, w.valid = a, b, true
	}
	return w.toks
}

// afterTokensFrom returns the narration after quote i from its first
// word on, at least to the end of that word's sentence.
func (p *pass) afterTokensFrom(i int) []token {
	toks := p.afterTokens(i)
	if !p.afterWin.cut || hasWord(toks) {
		return toks
	}
	a, b := p.narrationAfter(i)
	p.bufA = tokenize(p.bufA[:0], p.text, a, b, p.lx)
	return p.bufA
}

// beforeTokens returns the tokens of the narration before quote i in its
// paragraph.
func (p *pass) beforeTokens(i int) []token {
	a, b := p.narrationBefore(i)
	w := &p.beforeWin
	if !w.valid || w.a != a || w.b != b {
		w.toks = tokenize(w.toks[:0], p.text, a, b, p.lx)
		w.a, w.b, w.valid = a, b, true
	}
	return w.toks
}

func hasWord(toks []token) bool {
	for _, t := range toks {
		if t.word {
			return true
		}
	}
	return false
}
