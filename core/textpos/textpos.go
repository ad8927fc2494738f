// Package textpos converts between byte offsets (Verbatim's internal unit)
// and Unicode code point offsets (the unit of the CLI's JSON, the evaluation
// data and REFI-QDA).
package textpos

import "unicode/utf8"

// checkpointEvery is how many runes lie between two stored checkpoints; a
// conversion scans at most this many runes after a binary search.
const checkpointEvery = 64

// Index converts offsets for one text. Building it is linear in the text;
// each conversion costs O(log n + checkpointEvery). For pure ASCII text it
// stores nothing and converts by identity.
type Index struct {
	text  string
	ascii bool
	// bytePos[i] is the byte offset of rune i*checkpointEvery.
	bytePos []int
}

// New builds an Index over text. Invalid UTF-8 bytes count as one code point
// each, as utf8.DecodeRuneInString reports them.
func New(text string) *Index {
	ix := &Index{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ix.ascii = false
			break
		}
	}
	if ix.ascii {
		return ix
	}
	runes := 0
	for b := 0; b < len(text); {
		if runes%checkpointEvery == 0 {
			ix.bytePos = append(ix.bytePos, b)
		}
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
		runes++
	}
	return ix
}

// RuneOffset converts a byte offset to a code point offset. A byte offset
// inside a multi-byte rune counts as that rune's start; offsets are clamped to
// [0, len(text)].
func (ix *Index) RuneOffset(byteOff int) int {
	byteOff = clamp(byteOff, len(ix.text))
	if ix.ascii {
		return byteOff
	}
	// Last checkpoint at or before byteOff.
	lo, hi := 0, len(ix.bytePos)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if ix.bytePos[mid] <= byteOff {
			lo = mid
		} else {
			hi = mid
		}
	}
	runes := lo * checkpointEvery
	for b := ix.bytePos[lo]; b < byteOff; {
		_, size := utf8.DecodeRuneInString(ix.text[b:])
		if b+size > byteOff {
			break
		}
		b += size
		runes++
	}
	return runes
}

// ByteOffset converts a code point offset to a byte offset, clamped to
// [0, len(text)].
func (ix *Index) ByteOffset(runeOff int) int {
	if runeOff <= 0 {
		return 0
	}
	if ix.ascii {
		return clamp(runeOff, len(ix.text))
	}
	cp := runeOff / checkpointEvery
	if cp >= len(ix.bytePos) {
		cp = len(ix.bytePos) - 1
	}
	b := ix.bytePos[cp]
	for r := cp * checkpointEvery; r < runeOff && b < len(ix.text); r++ {
		_, size := utf8.DecodeRuneInString(ix.text[b:])
		b += size
	}
	return b
}

func clamp(v, hi int) int {
	if v < 0 {
		return 0
	}
	if v > hi {
		return hi
	}
	return v
}
