package scan

import (
	"testing"
	"unicode/utf8"
)

// FuzzScan checks that any input scans without panicking into quotes that
// lie inside the text, in order, each starting with a quotation mark.
func FuzzScan(f *testing.F) {
	for _, seed := range []string{
		`“We are done,” he said, “and we leave.”`, "„Ja“ und »nein« und « oui »", "''''\"\"\"“““”””",
		"“open\n\n“continued\n\nnot", "\xff\xfe“bad utf8\x80”", "‘don’t ’90s rock ’n’ roll’", "「『」』",
	} {
		f.Add(seed)
	}
	sc := New()
	f.Fuzz(func(t *testing.T, text string) {
		res := sc.Scan(text)
		prevEnd := 0
		for _, q := range res.Quotes {
			if q.Span.Start < prevEnd || q.Span.End > len(text) || q.Span.Start >= q.Span.End {
				t.Fatalf("quote %v out of order or bounds (prev end %d, len %d)", q.Span, prevEnd, len(text))
			}
			prevEnd = q.Span.End
			r, _ := utf8.DecodeRuneInString(text[q.Span.Start:])
			if sc.marks[r] == nil {
				t.Fatalf("quote %v starts with %q, not a mark", q.Span, r)
			}
			for _, fr := range q.Fragments {
				if fr.Start < q.Span.Start || fr.End > q.Span.End || fr.Start >= fr.End {
					t.Fatalf("fragment %v outside quote %v", fr, q.Span)
				}
			}
		}
		for _, e := range res.Errors {
			if e.Pos < 0 || e.Pos > len(text) || e.Msg == "" {
				t.Fatalf("bad error %+v", e)
			}
		}
	})
}
