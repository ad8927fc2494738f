package eval

import (
	"sort"
	"strings"
	"unicode"
)

// Predicted is one quote the engine found, in code points.
type Predicted struct {
	Start, End int
	// Fragments are the pieces inside quotation marks; when empty the
	// whole [Start, End) is one piece.
	Fragments [][2]int
	// Mention is the speaker mention; HasMention is false when unknown.
	Mention    [2]int
	HasMention bool
	// Speaker is the canonical speaker name, "" when unknown.
	Speaker string
}

// Count is a share: Correct of Total.
type Count struct{ Correct, Total int }

// Rate is Correct/Total, 0 when Total is 0.
func (c Count) Rate() float64 { return ratio(c.Correct, c.Total) }

// Finding is one scoring difference, for reading errors.
type Finding struct {
	Kind  string // "missed", "spurious", "mention", "speaker"
	DocID string
	// Start, End locate the segment (gold for missed/mention/speaker,
	// predicted for spurious), in code points.
	Start, End int
	Gold, Got  string // the expected and the predicted speaker (or mention)
}

// Report holds the metrics of the README for one corpus.
type Report struct {
	Docs      int
	Gold      int // gold segments
	Predicted int // predicted segments
	Matched   int
	Exact     int // matches equal after the trim
	// Mention: of matched quotes with a gold speaker span, those whose
	// predicted mention overlaps it (news corpora).
	Mention Count
	// Speaker: of matched quotes, those whose predicted canonical speaker
	// equals the gold speaker, main name or an alias (PDNC), overall under
	// "all" and by quote type.
	Speaker map[string]*Count
	// Findings lists every difference when Options.Findings is set.
	Findings []Finding
}

// Precision, Recall and F1 of segment matches.
func (r *Report) Precision() float64  { return ratio(r.Matched, r.Predicted) }
func (r *Report) Recall() float64     { return ratio(r.Matched, r.Gold) }
func (r *Report) ExactShare() float64 { return ratio(r.Exact, r.Matched) }
func (r *Report) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// SpeakerRate returns the canonical speaker accuracy for a quote type, or
// "all"; ok is false when no quote of that type was matched.
func (r *Report) SpeakerRate(quoteType string) (rate float64, ok bool) {
	c := r.Speaker[quoteType]
	if c == nil || c.Total == 0 {
		return 0, false
	}
	return c.Rate(), true
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Options change what Score records.
type Options struct {
	Findings bool // record every difference in Report.Findings
}

// NewReport returns an empty report to add documents to.
func NewReport() *Report { return &Report{Speaker: map[string]*Count{}} }

type goldSegment struct {
	span  [2]int // trimmed
	quote *GoldQuote
	used  bool
}

type predSegment struct {
	span  [2]int // trimmed
	quote *Predicted
}

// Add scores one document's predictions into r.
func (r *Report) Add(doc *GoldDoc, preds []Predicted, opts Options) {
	text := []rune(doc.Text)
	r.Docs++
	golds := goldSegments(doc, text)
	predSegs := predictedSegments(preds, text)
	r.Gold += len(golds)
	r.Predicted += len(predSegs)
	maxGoldLen := 0
	for _, g := range golds {
		maxGoldLen = max(maxGoldLen, g.span[1]-g.span[0])
	}
	for _, p := range predSegs {
		g := bestMatch(golds, p.span, maxGoldLen)
		if g == nil {
			if opts.Findings {
				r.Findings = append(r.Findings, Finding{Kind: "spurious", DocID: doc.ID, Start: p.span[0], End: p.span[1], Got: p.quote.Speaker})
			}
			continue
		}
		g.used = true
		r.Matched++
		if g.span == p.span {
			r.Exact++
		}
		r.scoreMention(doc, g, p, text, opts)
		r.scoreSpeaker(doc, g, p, opts)
	}
	if opts.Findings {
		for _, g := range golds {
			if !g.used {
				r.Findings = append(r.Findings, Finding{Kind: "missed", DocID: doc.ID, Start: g.span[0], End: g.span[1], Gold: g.quote.Speaker})
			}
		}
	}
}

func (r *Report) scoreMention(doc *GoldDoc, g *goldSegment, p predSegment, text []rune, opts Options) {
	if len(g.quote.SpeakerSpans) == 0 {
		return
	}
	r.Mention.Total++
	if p.quote.HasMention {
		for _, s := range g.quote.SpeakerSpans {
			if p.quote.Mention[0] < s[1] && s[0] < p.quote.Mention[1] {
				r.Mention.Correct++
				return
			}
		}
	}
	if opts.Findings {
		got := ""
		if p.quote.HasMention {
			got = runeSlice(text, p.quote.Mention)
		}
		r.Findings = append(r.Findings, Finding{Kind: "mention", DocID: doc.ID, Start: g.span[0], End: g.span[1], Gold: g.quote.Speaker, Got: got})
	}
}

func (r *Report) scoreSpeaker(doc *GoldDoc, g *goldSegment, p predSegment, opts Options) {
	if doc.Source != "PDNC" {
		return
	}
	qtype := g.quote.QuoteType
	switch qtype {
	case "Explicit", "Anaphoric", "Implicit":
	default:
		qtype = "other"
	}
	correct := speakerMatches(p.quote.Speaker, g.quote)
	for _, key := range []string{"all", qtype} {
		c := r.Speaker[key]
		if c == nil {
			c = &Count{}
			r.Speaker[key] = c
		}
		c.Total++
		if correct {
			c.Correct++
		}
	}
	if !correct && opts.Findings {
		r.Findings = append(r.Findings, Finding{Kind: "speaker", DocID: doc.ID, Start: g.span[0], End: g.span[1], Gold: g.quote.SpeakerMainName + " [" + qtype + "]", Got: p.quote.Speaker})
	}
}

// speakerMatches compares names with case and punctuation folded.
func speakerMatches(got string, q *GoldQuote) bool {
	f := FoldName(got)
	if f == "" {
		return false
	}
	if f == FoldName(q.Speaker) || f == FoldName(q.SpeakerMainName) {
		return true
	}
	for _, alias := range q.SpeakerMentions {
		if f == FoldName(alias) {
			return true
		}
	}
	return false
}

// FoldName lower-cases a name, drops punctuation and collapses spaces, so
// that "Mrs. Beaver" and "mrs beaver" compare equal.
func FoldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// bestMatch finds the unused gold segment with the largest overlap that
// covers at least half of both spans.
func bestMatch(golds []goldSegment, p [2]int, maxGoldLen int) *goldSegment {
	first := sort.Search(len(golds), func(i int) bool { return golds[i].span[0] >= p[0]-maxGoldLen })
	var best *goldSegment
	bestOverlap := 0
	for i := first; i < len(golds) && golds[i].span[0] < p[1]; i++ {
		g := &golds[i]
		if g.used {
			continue
		}
		ov := min(g.span[1], p[1]) - max(g.span[0], p[0])
		if ov <= 0 || 2*ov < g.span[1]-g.span[0] || 2*ov < p[1]-p[0] {
			continue
		}
		if ov > bestOverlap {
			best, bestOverlap = g, ov
		}
	}
	return best
}

func goldSegments(doc *GoldDoc, text []rune) []goldSegment {
	var out []goldSegment
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		for _, s := range q.segments(doc.Source) {
			out = append(out, goldSegment{span: trim(text, s), quote: q})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span[0] < out[j].span[0] })
	return out
}

func predictedSegments(preds []Predicted, text []rune) []predSegment {
	var out []predSegment
	for i := range preds {
		p := &preds[i]
		if len(p.Fragments) == 0 {
			out = append(out, predSegment{span: trim(text, [2]int{p.Start, p.End}), quote: p})
			continue
		}
		for _, f := range p.Fragments {
			out = append(out, predSegment{span: trim(text, f), quote: p})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span[0] < out[j].span[0] })
	return out
}

// trim removes quotation marks, spaces and , . ; : ! ? — – at both ends, as
// the README prescribes. Spans are clamped to the text.
func trim(text []rune, s [2]int) [2]int {
	a, b := max(0, s[0]), min(len(text), s[1])
	for a < b && trimmable(text[a]) {
		a++
	}
	for b > a && trimmable(text[b-1]) {
		b--
	}
	if a >= b {
		return [2]int{a, a}
	}
	return [2]int{a, b}
}

func trimmable(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case ',', '.', ';', ':', '!', '?', '—', '–',
		'"', '\'', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '「', '」', '『', '』':
		return true
	}
	return false
}

func runeSlice(text []rune, s [2]int) string {
	a, b := max(0, s[0]), min(len(text), s[1])
	if a >= b {
		return ""
	}
	return string(text[a:b])
}
