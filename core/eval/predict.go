package eval

import (
	"fmt"
	"io"
	"sort"

	"verbatim/core"
	"verbatim/core/textpos"
)

// FromQuotes converts the engine's quotes (byte offsets into text) to
// predictions in code points. Quotes flagged as non-quotes (titles, scare
// quotes) are left out unless includeNonQuotes is set: they are the
// engine's way of dropping a quoted string while keeping it reviewable.
func FromQuotes(text string, quotes []core.Quote, includeNonQuotes bool) []Predicted {
	ix := textpos.New(text)
	span := func(s core.Span) [2]int { return [2]int{ix.RuneOffset(s.Start), ix.RuneOffset(s.End)} }
	var out []Predicted
	for _, q := range quotes {
		if q.NonQuote != "" && !includeNonQuotes {
			continue
		}
		whole := span(q.Span)
		p := Predicted{Start: whole[0], End: whole[1], Speaker: q.Speaker}
		if len(q.Fragments) > 1 {
			for _, f := range q.Fragments {
				p.Fragments = append(p.Fragments, span(f))
			}
		}
		if !q.Mention.IsZero() {
			p.Mention, p.HasMention = span(q.Mention), true
		}
		out = append(out, p)
	}
	return out
}

// WriteTable prints a report as an aligned plain-text table.
func WriteTable(w io.Writer, name string, r *Report) {
	fmt.Fprintf(w, "%s: %d documents\n", name, r.Docs)
	fmt.Fprintf(w, "  quotes    P %.3f  R %.3f  F1 %.3f  (gold %d, predicted %d, matched %d; exact after trim %.3f)\n",
		r.Precision(), r.Recall(), r.F1(), r.Gold, r.Predicted, r.Matched, r.ExactShare())
	if r.Mention.Total > 0 {
		fmt.Fprintf(w, "  speaker mention accuracy %.3f  (%d of %d)\n", r.Mention.Rate(), r.Mention.Correct, r.Mention.Total)
	}
	if len(r.Speaker) > 0 {
		keys := make([]string, 0, len(r.Speaker))
		for k := range r.Speaker {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return speakerKeyOrder(keys[i]) < speakerKeyOrder(keys[j])
		})
		for _, k := range keys {
			c := r.Speaker[k]
			fmt.Fprintf(w, "  speaker name accuracy %-9s %.3f  (%d of %d)\n", k, c.Rate(), c.Correct, c.Total)
		}
	}
}

func speakerKeyOrder(k string) int {
	switch k {
	case "all":
		return 0
	case "Explicit":
		return 1
	case "Anaphoric":
		return 2
	case "Implicit":
		return 3
	}
	return 4
}
