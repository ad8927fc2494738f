package attrib

// Ranker features that compare a candidate with the text and the other
// candidates around it (rankfeat.go lists them): whether it is the tag of
// another quote, whether a candidate nearer the quote has a cue of its own,
// and whether a new clause stands between it and the quote. Together they tell “„…“, sagte die Kanzlerin, und die Journalistin
// fügte hinzu: »…«” apart: the second quote is the journalist's.

// maxTagGap bounds the tokens between a quote and its tag's mention: a
// comma and a cue (“…,” said Putin).
const maxTagGap = 3

// cuedCandidates marks the candidates that stand right by a cue (Putin
// said, said Putin), in p.cued.
func (p *pass) cuedCandidates(w *rankWindow, cands []candidate) []bool {
	out := p.cued[:0]
	for _, cd := range cands {
		m := cd.m
		ok := false
		if m.first >= 0 {
			k := p.skipAdverbs(w.toks, p.skipAside(w.toks, m.last+1))
			b := p.skipAdverbsBack(w.toks, m.first-1)
			ok = k < len(w.toks) && w.cue[k] || b >= 0 && w.cue[b]
		}
		out = append(out, ok)
	}
	p.cued = out
	return out
}

// competitionFeatures adds fOtherQuoteTag and fNearerCued for candidate c.
func (p *pass) competitionFeatures(w *rankWindow, cands []candidate, cued []bool, c int, f []feature) []feature {
	m := cands[c].m
	for j, n := m.first-1, 0; j >= 0 && n < maxTagGap; j, n = j-1, n+1 {
		t := w.toks[j]
		if t.text == quoteToken {
			if j < w.qa || j > w.qb {
				f = append(f, fOtherQuoteTag)
			}
			break
		}
		if t.word && !w.cue[j] {
			break
		}
	}
	before := m.last < w.qa
	if a, b := m.last+1, w.qa; before && p.clauseBetween(w, a, b) || !before && m.first > w.qb && p.clauseBetween(w, w.qb+1, m.first) {
		f = append(f, fClauseBetween)
	}
	for d := range cands {
		o := cands[d].m
		if d == c || !cued[d] || o.first < 0 {
			continue
		}
		if before && o.first > m.last && o.last < w.qa || !before && m.first > w.qb && o.first > w.qb && o.last < m.first {
			return append(f, fNearerCued)
		}
	}
	return f
}

// clauseBetween reports a clause boundary among tokens a..b-1 of the
// window: a semicolon, or a comma before a conjunction (“, and”, “, und”).
func (p *pass) clauseBetween(w *rankWindow, a, b int) bool {
	for k := a; k < b; k++ {
		switch w.toks[k].text {
		case ";":
			return true
		case ",":
			if k+1 < b && p.lx.ClauseConjunctions[w.low[k+1]] {
				return true
			}
		}
	}
	return false
}
