package extract

import (
	"strings"
	"testing"

	"verbatim/core"
)

// TestBadInput runs the engine on hostile texts; each must finish with a
// sensible result and no panic.
func TestBadInput(t *testing.T) {
	engine := New()
	tests := []struct {
		name    string
		text    string
		atLeast int // quotes expected, at least
	}{
		{"empty", "", 0},
		{"invalid utf-8", "\xff\xfe“Hi\x80,” he said.", 1},
		{"binary", strings.Repeat("\x00\x01\x02\"\xff'", 2000), 0},
		{"5 MB single paragraph", strings.Repeat("He said “yes” and she said “no”. ", 160_000), 100_000},
		{"ten thousand unbalanced marks", strings.Repeat("“", 10_000) + strings.Repeat("\" ", 10_000), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			quotes := engine.Quotes(core.Document{Text: tt.text})
			if len(quotes) < tt.atLeast {
				t.Errorf("%d quotes, want at least %d", len(quotes), tt.atLeast)
			}
			for _, q := range quotes {
				if q.Span.End > len(tt.text) || q.Confidence < 0 || q.Confidence > 1 {
					t.Fatalf("bad quote %+v", q)
				}
			}
		})
	}
}
