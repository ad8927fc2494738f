// Package paragraph numbers a document's body paragraphs, the unit of
// citations on quote sheets and in exports ("¶ 4").
//
// Convention (see the mockups' README): paragraphs are separated by blank
// lines; a text with no blank line at all has one paragraph per line. Only
// body paragraphs are counted: the dateline at the top ("Monday, January 7,
// 2019"), map-legend lines ("██ Syrian Arab Republic") and lines without a
// single letter or digit are skipped.
package paragraph

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// Paragraph is one paragraph of a text. Number counts body paragraphs from
// 1; it is 0 for a paragraph that is not body text.
type Paragraph struct {
	Span   core.Span
	Number int
}

// Index finds the paragraph of any byte offset in O(log n).
type Index struct {
	paragraphs []Paragraph // in text order, non-overlapping
}

// New splits text into paragraphs and numbers the body paragraphs. It is
// linear in the text.
func New(text string) *Index {
	lines := splitLines(text)
	blankSeparated := false
	for _, l := range lines {
		if isBlank(l.In(text)) {
			blankSeparated = true
			break
		}
	}
	ix := &Index{}
	var current core.Span
	open := false
	flush := func() {
		if open {
			ix.paragraphs = append(ix.paragraphs, Paragraph{Span: current})
			open = false
		}
	}
	for _, l := range lines {
		if isBlank(l.In(text)) {
			flush()
			continue
		}
		if !blankSeparated {
			flush()
		}
		if !open {
			current, open = l, true
		} else {
			current.End = l.End
		}
	}
	flush()
	ix.number(text)
	return ix
}

// number gives body paragraphs their numbers.
func (ix *Index) number(text string) {
	n, first := 0, firstWithText(ix.paragraphs, text)
	for i := range ix.paragraphs {
		p := ix.paragraphs[i].Span.In(text)
		if !isBody(p, i == first) {
			continue
		}
		n++
		ix.paragraphs[i].Number = n
	}
}

func firstWithText(ps []Paragraph, text string) int {
	for i, p := range ps {
		if hasLetterOrDigit(p.Span.In(text)) {
			return i
		}
	}
	return -1
}

// Paragraphs returns every paragraph in text order, body or not.
func (ix *Index) Paragraphs() []Paragraph { return ix.paragraphs }

// NumberAt returns the body paragraph number of the paragraph holding byte
// offset off. An offset in the blank lines between paragraphs belongs to
// the next paragraph. It returns 0 when that paragraph is not body text or
// off lies past the last paragraph.
func (ix *Index) NumberAt(off int) int {
	i := sort.Search(len(ix.paragraphs), func(i int) bool { return ix.paragraphs[i].Span.End > off })
	if i == len(ix.paragraphs) {
		return 0
	}
	return ix.paragraphs[i].Number
}

// splitLines returns each line's span, without its newline.
func splitLines(text string) []core.Span {
	var lines []core.Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			if start < len(text) {
				lines = append(lines, core.Span{Start: start, End: len(text)})
			}
			break
		}
		lines = append(lines, core.Span{Start: start, End: start + end})
		start += end + 1
	}
	return lines
}

func isBlank(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }

// isBody tells body text from the dateline, map legends and ornaments.
func isBody(p string, first bool) bool {
	p = strings.TrimFunc(p, unicode.IsSpace)
	if r, _ := utf8.DecodeRuneInString(p); r >= 0x2580 && r <= 0x259F { // block elements: map legends
		return false
	}
	if !hasLetterOrDigit(p) {
		return false
	}
	return !(first && isDateline(p))
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// isDateline recognises a short first line that carries a year and does not
// read as a sentence: "Monday, January 7, 2019", "7. Januar 2019".
func isDateline(p string) bool {
	if utf8.RuneCountInString(p) > 60 || len(strings.Fields(p)) > 8 {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(p); strings.ContainsRune(".!?", last) || strings.ContainsAny(p, "\"“”«»„") {
		return false
	}
	return hasYear(p)
}

// hasYear reports a four-digit number from 1800 to 2099 standing alone.
func hasYear(p string) bool {
	digits := 0
	for i := 0; i <= len(p); i++ {
		if i < len(p) && p[i] >= '0' && p[i] <= '9' {
			digits++
			continue
		}
		if digits == 4 {
			y := p[i-4 : i]
			if y[:2] == "18" || y[:2] == "19" || y[:2] == "20" {
				return true
			}
		}
		digits = 0
	}
	return false
}
