package attrib

import (
	"strings"
	"unicode/utf8"
)

// Word lists are keyed in lower case, and most words looked up are short
// and ASCII: folding them into a stack buffer saves the allocation of
// strings.ToLower for every capitalised word.

// maxFoldBytes is the longest word folded on the stack.
const maxFoldBytes = 32

// inLower looks w up in m, whose keys are lower case: m[strings.ToLower(w)].
func inLower[V any](m map[string]V, w string) (V, bool) {
	var buf [maxFoldBytes]byte
	if b, ok := foldASCII(buf[:0], w); ok {
		v, found := m[string(b)]
		return v, found
	}
	v, found := m[strings.ToLower(w)]
	return v, found
}

// hasLower reports m[strings.ToLower(w)] for a set keyed in lower case.
func hasLower(m map[string]bool, w string) bool {
	v, _ := inLower(m, w)
	return v
}

// equalLower reports whether strings.ToLower(w) == low.
func equalLower(w, low string) bool {
	if len(w) != len(low) {
		// Only non-ASCII changes length: an ASCII word of another length
		// differs without lower-casing it (which allocates).
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return strings.ToLower(w) == low
			}
		}
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w) == low
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

// foldASCII appends w in lower case to b when w is short and ASCII; ok is
// false otherwise.
func foldASCII(b []byte, w string) ([]byte, bool) {
	if len(w) > maxFoldBytes {
		return b, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return b, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}
