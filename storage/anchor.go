package storage

import (
	"sort"
	"strings"

	"verbatim/core"
)

// This file decides, when a document is extracted again, which stored quote
// each newly found quote is, so that decisions made on the old quote carry
// over. Stored quotes are first anchored in the (possibly changed) text by
// their words and position, then matched one-to-one with the new quotes by
// how much they overlap.

// storedQuote is what matching needs of a quote already in the library.
type storedQuote struct {
	id                  int64
	span                core.Span
	fragments           []core.Span
	mention, cue        core.Span
	origin              Origin
	status              Status
	speakerByUser       bool
	note                string
	userLinks           bool // the researcher put a topic on it or took one off
	mentionText, quoted string
}

// touched reports whether the researcher has made any decision about q; such
// a quote is never dropped by a new extraction.
func (q storedQuote) touched() bool {
	return q.origin == OriginUser || q.status != StatusActive || q.speakerByUser || q.note != "" || q.userLinks
}

// anchored is a stored quote placed in the new text.
type anchored struct {
	span, mention, cue core.Span
	fragments          []core.Span
	found              bool // false: its words are no longer in the text
}

// anchorWindow is where the search for a moved quote starts, either side of
// where it is expected; it doubles until the whole text is covered.
const anchorWindow = 4096

// anchorAll places stored quotes (in document order) in newText. The shift
// of the previous quote predicts the next one's, so a passage inserted near
// the top moves every later quote without a search through the whole text.
func anchorAll(oldText, newText string, quotes []storedQuote) []anchored {
	out := make([]anchored, len(quotes))
	shift := 0
	for i, q := range quotes {
		a := anchored{span: q.span, mention: q.mention, cue: q.cue, fragments: q.fragments, found: true}
		if oldText != newText {
			start, ok := locate(newText, q.quoted, q.span.Start+shift)
			if ok {
				d := start - q.span.Start
				shift = d
				a.span = shifted(q.span, d)
				a.fragments = shiftSpans(q.fragments, d)
				a.mention = relocate(newText, q.mentionText, q.mention, d)
				a.cue = relocate(newText, oldTextIn(oldText, q.cue), q.cue, d)
			} else {
				a = anchored{span: clampSpan(q.span, len(newText)), fragments: []core.Span{clampSpan(q.span, len(newText))}}
			}
		}
		out[i] = a
	}
	return out
}

func oldTextIn(text string, s core.Span) string { return s.In(text) }

// locate finds needle in text nearest to byte offset near.
func locate(text, needle string, near int) (int, bool) {
	if needle == "" {
		return 0, false
	}
	if near >= 0 && near+len(needle) <= len(text) && text[near:near+len(needle)] == needle {
		return near, true
	}
	for w := anchorWindow; ; w *= 2 {
		lo, hi := max(0, near-w), min(len(text), near+w+len(needle))
		if lo < hi {
			if at, ok := nearest(text[lo:hi], needle, near-lo); ok {
				return lo + at, true
			}
		}
		if lo == 0 && hi == len(text) {
			return 0, false
		}
	}
}

// nearest returns the occurrence of needle in s closest to offset near.
func nearest(s, needle string, near int) (int, bool) {
	best, found := 0, false
	for from := 0; ; {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			return best, found
		}
		at := from + i
		if !found || abs(at-near) < abs(best-near) {
			best, found = at, true
		}
		if at > near {
			return best, found
		}
		from = at + 1
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// relocate moves a mention or cue by d, or finds its words close by when the
// text around it changed; the zero span when they are gone.
func relocate(text, words string, s core.Span, d int) core.Span {
	if s.IsZero() || words == "" {
		return core.Span{}
	}
	if at, ok := locate(text, words, s.Start+d); ok && abs(at-(s.Start+d)) <= anchorWindow {
		return core.Span{Start: at, End: at + len(words)}
	}
	return core.Span{}
}

func shiftSpans(spans []core.Span, d int) []core.Span {
	out := make([]core.Span, len(spans))
	for i, s := range spans {
		out[i] = shifted(s, d)
	}
	return out
}

func shifted(s core.Span, d int) core.Span { return core.Span{Start: s.Start + d, End: s.End + d} }

func clampSpan(s core.Span, n int) core.Span {
	s.Start, s.End = min(max(s.Start, 0), n), min(max(s.End, 0), n)
	return s
}

// match pairs anchored stored quotes with new quotes one-to-one, the best
// matches first. It returns, for each new quote, the index of its stored
// quote or -1.
func match(old []anchored, fresh []core.Quote, oldText, newText string, quoted []string) []int {
	type pair struct {
		o, n  int
		score float64
	}
	order := make([]int, len(fresh))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return fresh[order[a]].Span.Start < fresh[order[b]].Span.Start })
	// maxLen bounds how far before a stored quote an overlapping new quote
	// can start, so that the scan below stays local.
	maxLen := 0
	for _, q := range fresh {
		maxLen = max(maxLen, q.Span.Len())
	}
	var pairs []pair
	for o, a := range old {
		if !a.found {
			continue
		}
		first := sort.Search(len(order), func(i int) bool { return fresh[order[i]].Span.Start >= a.span.Start-maxLen })
		for _, n := range order[first:] {
			s := fresh[n].Span
			if s.Start >= a.span.End {
				break
			}
			if score := matchScore(a.span, s, quoted[o], s.In(newText)); score > 0 {
				pairs = append(pairs, pair{o, n, score})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	byNew := make([]int, len(fresh))
	for i := range byNew {
		byNew[i] = -1
	}
	usedOld := make([]bool, len(old))
	for _, p := range pairs {
		if byNew[p.n] < 0 && !usedOld[p.o] {
			byNew[p.n], usedOld[p.o] = p.o, true
		}
	}
	return byNew
}

// matchScore rates how surely two spans are the same quote: the same span
// beats the same words, which beat a large overlap; one span inside the
// other still counts (an engine that joins or splits quotes). 0: no match.
func matchScore(a, b core.Span, aText, bText string) float64 {
	over := min(a.End, b.End) - max(a.Start, b.Start)
	if over <= 0 {
		return 0
	}
	union := max(a.End, b.End) - min(a.Start, b.Start)
	jaccard := float64(over) / float64(union)
	switch {
	case a == b:
		return 4
	case trimQuote(aText) == trimQuote(bText):
		return 3 + jaccard
	case 2*over >= a.Len() && 2*over >= b.Len():
		return 2 + jaccard
	case over == a.Len() || over == b.Len():
		return 1 + jaccard
	}
	return 0
}

// trimQuote drops quotation marks, spaces and closing punctuation at both
// ends, as the evaluation does when it compares quotes.
func trimQuote(s string) string {
	return strings.Trim(s, " \t\n\"'“”‘’„‚«»‹›「」『』,.;:!?—–")
}
