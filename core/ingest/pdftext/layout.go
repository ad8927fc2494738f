package pdftext

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line is one line of text on a page.
type Line struct {
	Text                     string
	Left, Right, Top, Bottom float64
	Size                     float64
}

// Text lays a document out as plain text: paragraphs separated by blank
// lines, page headers and footers removed, hyphenated words rejoined.
func Text(doc *Document) string {
	pages := make([][]Line, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = Lines(p.Runs)
	}
	dropRepeatedMargins(pages)
	var paragraphs [][]Line
	for _, lines := range pages {
		paragraphs = append(paragraphs, Paragraphs(lines)...)
	}
	paragraphs = mergeAcrossPages(paragraphs)
	words := hyphenatedForms(paragraphs)
	texts := make([]string, 0, len(paragraphs))
	for _, p := range paragraphs {
		texts = append(texts, joinLines(p, words))
	}
	return strings.Join(texts, "\n\n")
}

// HasText reports whether the document has a text layer worth reading; a
// scanned PDF has none (or only a few stray characters per page).
func HasText(doc *Document) bool {
	chars := 0
	for _, p := range doc.Pages {
		for _, r := range p.Runs {
			chars += utf8.RuneCountInString(strings.TrimSpace(r.Text))
		}
	}
	return chars >= 16*max(1, len(doc.Pages)/4)
}

// Lines groups runs into lines: a run starts a new line when it does not
// overlap the current line vertically or when it jumps back to the left.
func Lines(runs []Run) []Line {
	var lines []Line
	for _, r := range runs {
		text := strings.TrimRight(r.Text, "\r\n")
		if strings.TrimSpace(text) == "" {
			continue
		}
		if n := len(lines); n > 0 && sameLine(lines[n-1], r) {
			l := &lines[n-1]
			if needsSpace(l.Text, text, r.Left-l.Right, max(l.Size, r.Size)) {
				l.Text += " "
			}
			l.Text += text
			l.Right = max(l.Right, r.Right)
			l.Top, l.Bottom = max(l.Top, r.Top), min(l.Bottom, r.Bottom)
			l.Size = max(l.Size, r.Size)
			continue
		}
		lines = append(lines, Line{Text: text, Left: r.Left, Right: r.Right, Top: r.Top, Bottom: r.Bottom, Size: r.Size})
	}
	for i := range lines {
		lines[i].Text = strings.TrimSpace(lines[i].Text)
	}
	return lines
}

func sameLine(l Line, r Run) bool {
	mid := (r.Top + r.Bottom) / 2
	return mid <= l.Top && mid >= l.Bottom && r.Left >= l.Right-1
}

func needsSpace(before, after string, gap, size float64) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	if unicode.IsSpace(last) || unicode.IsSpace(first) {
		return false
	}
	return gap > 0.15*max(size, 1)
}

// Paragraphs splits a page's lines where the vertical gap is clearly larger
// than the page's usual line spacing, where the font size changes, after a
// line that stops well short of the right margin, and after a somewhat
// short line that ends a sentence.
func Paragraphs(lines []Line) [][]Line {
	if len(lines) == 0 {
		return nil
	}
	spacing := usualSpacing(lines)
	columns := rightMargins(lines)
	var paras [][]Line
	current := []Line{lines[0]}
	for i := 1; i < len(lines); i++ {
		prev, l := lines[i-1], lines[i]
		if startsParagraph(prev, l, spacing, columns.of(prev)) {
			paras = append(paras, current)
			current = nil
		}
		current = append(current, l)
	}
	return append(paras, current)
}

func startsParagraph(prev, l Line, spacing, right float64) bool {
	gap := prev.Bottom - l.Top // space between the lines, positive going down
	step := prev.Top - l.Top
	switch {
	case step < 0 || step > 2.5*max(prev.Size, l.Size, 1):
		return true // a new column, or a jump down the page
	case step > 1.3*lineStep(spacing, max(prev.Size, l.Size)) && gap > 0.3*max(l.Size, 1):
		return true
	case math.Abs(prev.Size-l.Size) > 1.5:
		return true
	case prev.Right < right-0.3*(right-prev.Left):
		return true // lines inside a paragraph run (nearly) to the margin
	case prev.Right < right-0.15*(right-prev.Left) && endsSentence(prev.Text):
		return true
	}
	return false
}

// columnWidth is how far apart, in points, the left edges of two lines may
// be for them to count as one column.
const columnWidth = 40

// margins knows, for each column, how far right its lines reach: the
// right margin of a line is the furthest right end of the lines that start
// near it. Columns are found by bucketing left edges, in linear time.
type margins map[int]float64

func rightMargins(lines []Line) margins {
	m := margins{}
	for _, l := range lines {
		b := int(l.Left / columnWidth)
		m[b] = max(m[b], l.Right)
	}
	return m
}

func (m margins) of(l Line) float64 {
	b := int(l.Left / columnWidth)
	return max(m[b-1], m[b], m[b+1], l.Right)
}

// lineStep is the distance between lines of one paragraph: the page's usual
// spacing, unless that is so wide that most lines must be paragraphs of
// their own, in which case single spacing for the font size.
func lineStep(spacing, size float64) float64 {
	single := 1.25 * max(size, 1)
	if spacing <= 0 || spacing > 1.6*max(size, 1) {
		return single
	}
	return spacing
}

// usualSpacing is the median distance between the tops of consecutive lines.
func usualSpacing(lines []Line) float64 {
	var steps []float64
	for i := 1; i < len(lines); i++ {
		if s := lines[i-1].Top - lines[i].Top; s > 0 {
			steps = append(steps, s)
		}
	}
	if len(steps) == 0 {
		return 0
	}
	slices.Sort(steps)
	return steps[len(steps)/2]
}

func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:”\"’»«“", last)
}

// mergeAcrossPages joins a paragraph that a page break cut in two: the
// last paragraph of a page that does not end a sentence continues with the
// first paragraph of the next page when that starts in lower case.
func mergeAcrossPages(paras [][]Line) [][]Line {
	var out [][]Line
	for _, p := range paras {
		if n := len(out); n > 0 && continues(out[n-1], p) {
			out[n-1] = append(out[n-1], p...)
			continue
		}
		out = append(out, p)
	}
	return out
}

func continues(prev, next []Line) bool {
	last, first := prev[len(prev)-1], next[0]
	if first.Top <= last.Top { // the next paragraph is lower on the same page: not a page break
		return false
	}
	r, _ := utf8.DecodeRuneInString(first.Text)
	return !endsSentence(last.Text) && unicode.IsLower(r)
}

// joinLines joins a paragraph's lines with spaces, rejoining words split by
// a hyphen at a line end unless the document spells them with a hyphen
// elsewhere ("well-known").
func joinLines(lines []Line, hyphenated map[string]bool) string {
	var b strings.Builder
	for i, l := range lines {
		text := l.Text
		if i == len(lines)-1 {
			b.WriteString(text)
			break
		}
		next := lines[i+1].Text
		if stem, ok := lineEndHyphen(text); ok {
			// "Schoch-/Spana" keeps its hyphen; "decla-/ration" loses it
			// unless the document writes the word with one elsewhere.
			compound := !startsLower(next) || hyphenated[strings.ToLower(lastWord(stem)+"-"+firstWord(next))]
			b.WriteString(stem)
			if compound {
				b.WriteString("-")
			}
			continue
		}
		b.WriteString(text)
		b.WriteByte(' ')
	}
	return b.String()
}

// lineEndHyphen reports whether a line ends with a letter and a hyphen
// (or PDFium's mark for a hyphen at the line end) and returns it without.
func lineEndHyphen(s string) (string, bool) {
	for _, h := range []string{"-", "\u00AD", "\u2010", "\x02", "\uFFFE"} {
		if stem, ok := strings.CutSuffix(s, h); ok {
			r, _ := utf8.DecodeLastRuneInString(stem)
			return stem, unicode.IsLetter(r)
		}
	}
	return s, false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	return s[i+1:]
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); i >= 0 {
		return s[:i]
	}
	return s
}

// hyphenatedForms collects the hyphenated words that occur inside lines
// (not split at a line end), lower-cased.
func hyphenatedForms(paras [][]Line) map[string]bool {
	forms := map[string]bool{}
	for _, p := range paras {
		for _, l := range p {
			for _, w := range strings.FieldsFunc(l.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
				if strings.Contains(strings.Trim(w, "-"), "-") {
					forms[strings.ToLower(strings.Trim(w, "-"))] = true
				}
			}
		}
	}
	return forms
}

var pageNumber = regexp.MustCompile(`(?i)^(page|seite|p\.|s\.)?\s*[-–(]?\s*\d+\s*[-–)]?(\s*(of|von|/)\s*\d+)?$`)

// dropRepeatedMargins removes page headers and footers: lines among the
// first or last few of a page whose text, with digits ignored, recurs at
// the same height on at least half the pages, and lone page numbers there.
// The height matters: a line that ends articles ("End of Document") recurs
// too, but wherever the article happens to end.
func dropRepeatedMargins(pages [][]Line) {
	const band = 3
	counts := map[string]int{}
	for _, lines := range pages {
		seen := map[string]bool{}
		for _, i := range marginIndexes(len(lines), band) {
			key := marginKey(lines[i])
			if !seen[key] {
				seen[key] = true
				counts[key]++
			}
		}
	}
	needed := max(2, (len(pages)+1)/2)
	for p, lines := range pages {
		drop := map[int]bool{}
		for _, i := range marginIndexes(len(lines), band) {
			if counts[marginKey(lines[i])] >= needed && len(pages) > 1 || pageNumber.MatchString(lines[i].Text) {
				drop[i] = true
			}
		}
		kept := lines[:0]
		for i, l := range lines {
			if !drop[i] {
				kept = append(kept, l)
			}
		}
		pages[p] = kept
	}
}

// marginIndexes lists the indexes of the first and last band lines.
func marginIndexes(n, band int) []int {
	var idx []int
	for i := 0; i < n; i++ {
		if i < band || i >= n-band {
			idx = append(idx, i)
		}
	}
	return idx
}

func marginKey(l Line) string {
	const tolerance = 4 // points
	key := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return unicode.ToLower(r)
	}, l.Text)
	return fmt.Sprintf("%d:%s", int(math.Round(l.Top/tolerance)), key)
}
