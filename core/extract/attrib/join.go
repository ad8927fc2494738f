package attrib

import (
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// maxTagLen bounds the narration between the pieces of an interrupted quote.
const maxTagLen = 160

// joinInterrupted merges “We are done,” he said, “and we leave.” into one
// quote with two fragments: the first piece ends with a comma or dash, the
// narration between is a short speech tag with a cue, ending with a comma
// or colon, in the same paragraph.
func (p *pass) joinInterrupted() {
	if len(p.quotes) < 2 {
		return
	}
	out := p.quotes[:1]
	paraOf, lastPara := p.paraOf[:1], p.lastPara[:1]
	for i := 1; i < len(p.quotes); i++ {
		prev := &out[len(out)-1]
		q := p.quotes[i]
		p.useParagraphLexicon(p.paraOf[i])
		if lastPara[len(lastPara)-1] == p.paraOf[i] && p.interrupted(*prev, q) {
			prev.Fragments = append(prev.Fragments, q.Fragments...)
			prev.Span.End = q.Span.End
			prev.Unclosed = q.Unclosed
			lastPara[len(lastPara)-1] = p.lastPara[i]
			continue
		}
		out = append(out, q)
		paraOf = append(paraOf, p.paraOf[i])
		lastPara = append(lastPara, p.lastPara[i])
	}
	p.quotes, p.paraOf, p.lastPara = out, paraOf, lastPara
}

func (p *pass) interrupted(a, b core.Quote) bool {
	gapStart, gapEnd := a.Span.End, b.Span.Start
	if gapEnd-gapStart > maxTagLen || gapEnd <= gapStart || a.Unclosed || !sameMarks(p.text, a, b) {
		return false
	}
	// The first piece must break off: a comma or dash inside or just
	// after its closing mark.
	last := a.Fragments[len(a.Fragments)-1]
	inner := p.text[last.Start:last.End]
	_, closeSize := utf8.DecodeLastRuneInString(inner)
	inner = inner[:len(inner)-closeSize]
	r, _ := utf8.DecodeLastRuneInString(inner)
	gap := p.text[gapStart:gapEnd]
	first, _ := utf8.DecodeRuneInString(gap)
	if !(r == ',' || r == '—' || r == '–' || r == '-' || r == '…' || first == ',') {
		return false
	}
	toks := tokenize(p.bufA[:0], p.text, gapStart, gapEnd, p.lx)
	p.bufA = toks
	n := len(toks)
	if n < 2 || (toks[n-1].text != "," && toks[n-1].text != ":" && !isDash(toks[n-1].text)) {
		return false
	}
	firstCue := -1
	for k := range toks {
		if endsSentence(toks, k) {
			return false
		}
		if _, _, _, ok := p.cueAt(toks, k, false); !ok {
			continue
		}
		if firstCue < 0 {
			firstCue = k
			continue
		}
		// In news, a later cue with a subject of its own opens a new
		// clause, often a new speaker's: “…“, sagte die Kanzlerin, und die
		// Journalistin fügte hinzu: »…«. (A novel's “…,” said Brenda, and
		// she thought, “…” goes on with the same speaker.)
		if m := p.mentionBefore(toks, p.skipAdverbsBack(toks, k-1)); !p.dialogue && m.ok() && m.first > firstCue {
			return false
		}
	}
	return firstCue >= 0
}

// startsLower reports whether a fragment's text starts with a lower-case
// letter after its opening mark.
func startsLower(text string, f core.Span) bool {
	for _, r := range text[f.Start:f.End] {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}
