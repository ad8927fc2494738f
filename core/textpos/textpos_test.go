package textpos

import (
	"testing"
	"unicode/utf8"
)

func TestRoundTripMixedScripts(t *testing.T) {
	texts := []string{
		"",
		"plain ascii \"quote\" here",
		"“Мы не угрожаем,” сказал Путин. «Ça va», dit-il — „gut“ ’90s O’Brien",
		"\xff\xfe broken “utf8” \xc3",
	}
	for _, text := range texts {
		// Build the truth by walking the text rune by rune.
		var starts []int
		for b := 0; b < len(text); {
			starts = append(starts, b)
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
		}
		starts = append(starts, len(text))
		ix := New(text)
		for r, b := range starts {
			if got := ix.RuneOffset(b); got != r {
				t.Errorf("%q: RuneOffset(%d) = %d, want %d", text, b, got, r)
			}
			if got := ix.ByteOffset(r); got != b {
				t.Errorf("%q: ByteOffset(%d) = %d, want %d", text, r, got, b)
			}
		}
	}
}

func TestLongTextCrossesCheckpoints(t *testing.T) {
	var text string
	for i := 0; i < 1000; i++ {
		text += "ab“Ж”"
	}
	ix := New(text)
	// Rune 5*k+2 is the opening curly quote of repetition k.
	for k := 0; k < 1000; k += 37 {
		r := 5*k + 2
		b := ix.ByteOffset(r)
		if got, _ := utf8.DecodeRuneInString(text[b:]); got != '“' {
			t.Fatalf("ByteOffset(%d) lands on %q", r, got)
		}
		if back := ix.RuneOffset(b); back != r {
			t.Fatalf("RuneOffset(ByteOffset(%d)) = %d", r, back)
		}
	}
	if got := ix.RuneOffset(len(text)); got != 5000 {
		t.Fatalf("rune count %d, want 5000", got)
	}
}

func TestOffsetInsideRuneAndClamping(t *testing.T) {
	ix := New("aЖb")
	if got := ix.RuneOffset(2); got != 1 { // middle of Ж
		t.Errorf("RuneOffset inside rune = %d, want 1", got)
	}
	if got := ix.RuneOffset(99); got != 3 {
		t.Errorf("RuneOffset past end = %d, want 3", got)
	}
	if got := ix.ByteOffset(-4); got != 0 {
		t.Errorf("ByteOffset negative = %d, want 0", got)
	}
	if got := ix.ByteOffset(10); got != 4 {
		t.Errorf("ByteOffset past end = %d, want 4", got)
	}
}
