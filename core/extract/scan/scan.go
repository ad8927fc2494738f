// Package scan finds quotation spans in text. It is an explicit state
// machine over runes, in the style of go/scanner: it walks the text once,
// keeps a small stack of open quotation marks, and reports positions (byte
// offsets) for every quote and every problem it meets.
//
// It knows the common mark conventions (“…” ‘…’ "…" '…' «…» ‹…› „…“ ‚…‘ »…«
// 「…」 『…』), nesting, apostrophes (don’t, ’90s, rock ’n’ roll), mixed
// straight and curly marks, and the news convention for quotes that run over
// several paragraphs (no closing mark at a paragraph's end, an opening mark
// of the same kind at the next one's start). A quote still open at its
// paragraph's end, with no continuation, ends there and is flagged Unclosed,
// unless it holds quotations in marks of the other kind (a pasted passage
// an editor opened with a straight mark): those are then the quotes.
//
// Interrupted quotes ("We are done," he said, "and we leave.") come out as
// two quotes here; joining them needs to know that the narration between is
// a speech tag, which is the attribution step's business.
package scan

import (
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// Quote is one quotation as marked in the text.
type Quote struct {
	// Span runs from the opening mark to the closing mark (or to the end
	// of the last paragraph when unclosed).
	Span core.Span
	// Fragments holds one piece per paragraph, marks included.
	Fragments []core.Span
	// Unclosed is set when the quote's last paragraph ends with the quote
	// still open and the next paragraph does not continue it.
	Unclosed bool
	// Single is set when the quote was opened with a single mark (‘ ' ‚ ‹).
	Single bool
}

// Error is a problem found at a position: an unbalanced mark, for example.
type Error struct {
	Pos int // byte offset
	Msg string
}

func (e Error) Error() string { return e.Msg }

// Result is what Scan finds in one text.
type Result struct {
	Quotes []Quote
	// Paragraphs are the text's paragraphs, trimmed of surrounding space.
	Paragraphs []core.Span
	// Wrapped tells whether the text is hard-wrapped (single line breaks
	// inside paragraphs, blank lines between them).
	Wrapped bool
	Errors  []Error
}

// maxDepth bounds nesting; deeper opening marks are treated as stray.
const maxDepth = 8

type openMark struct {
	r    rune
	pos  int
	info *markInfo
}

// state is one Scan call's machine.
type state struct {
	sc   *Scanner
	text string
	res  Result

	stack []openMark
	cur   Quote // the outermost quote being built, when stack is not empty
	// inner holds the quotes closed right inside cur in marks of the
	// other kind, in case cur is never closed (see keepInner).
	inner     []Quote
	fragStart int
	paraStart int
}

// Scan finds the quotations in text. It never fails: problems are listed in
// Result.Errors and scanning goes on. Time and memory are linear in the
// text's length.
func (sc *Scanner) Scan(text string) Result {
	st := &state{sc: sc, text: text, paraStart: -1}
	st.res.Wrapped = IsWrapped(text)
	for i := 0; i < len(text); {
		b := text[i]
		if !interesting[b] {
			if st.paraStart < 0 && !isSpaceByte(b) {
				st.paraStart = i
			}
			i++
			continue
		}
		if b == '\n' {
			i = st.newline(i)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if st.paraStart < 0 && !unicode.IsSpace(r) {
			st.paraStart = i
		}
		if info := sc.marks[r]; info != nil {
			st.mark(i, r, info)
		}
		i += size
	}
	st.paragraphEnd(len(text), len(text))
	return st.res
}

// interesting marks the bytes the main loop must look at: line breaks, the
// straight marks and the lead bytes of every multi-byte mark used here.
var interesting = func() (t [256]bool) {
	for _, b := range []byte{'\n', '"', '\'', 0xC2, 0xE2, 0xE3} {
		t[b] = true
	}
	return t
}()

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// newline handles the line break at i and returns where to go on.
func (st *state) newline(i int) int {
	if st.res.Wrapped {
		// A single break inside a hard-wrapped paragraph is a space.
		j := i + 1
		for j < len(st.text) && (st.text[j] == ' ' || st.text[j] == '\t' || st.text[j] == '\r') {
			j++
		}
		if j < len(st.text) && st.text[j] != '\n' {
			return i + 1
		}
	}
	next := i
	for next < len(st.text) && isSpaceByte(st.text[next]) {
		next++
	}
	return st.paragraphEnd(i, next)
}

// paragraphEnd closes the paragraph ending at end (a break or the text's
// end); next is where the following paragraph starts. It returns where the
// main loop goes on.
func (st *state) paragraphEnd(end, next int) int {
	end = st.trimRight(end)
	if st.paraStart >= 0 && st.paraStart < end {
		st.res.Paragraphs = append(st.res.Paragraphs, core.Span{Start: st.paraStart, End: end})
	}
	st.paraStart = -1
	if len(st.stack) == 0 {
		return next
	}
	outer := st.stack[0]
	if next < len(st.text) {
		r, size := utf8.DecodeRuneInString(st.text[next:])
		if info := st.sc.marks[r]; info != nil && info.opens && info.family == outer.info.family && info.straight == outer.info.straight {
			// The news convention: the quote goes on in this paragraph.
			st.cur.Fragments = append(st.cur.Fragments, core.Span{Start: st.fragStart, End: end})
			st.stack = append(st.stack[:0], openMark{r: r, pos: next, info: info})
			st.fragStart = next
			st.paraStart = next
			return next + size
		}
	}
	if len(st.inner) > 0 {
		st.res.Errors = append(st.res.Errors, Error{Pos: outer.pos,
			Msg: "this quotation mark is never closed and holds quotations in other marks; it is taken for a stray mark and the quotations inside it are kept"})
		st.res.Quotes = append(st.res.Quotes, st.inner...)
		st.stack, st.cur, st.inner = st.stack[:0], Quote{}, st.inner[:0]
		return next
	}
	st.res.Errors = append(st.res.Errors, Error{Pos: outer.pos,
		Msg: "this quotation mark is never closed; the quote is taken to end with its paragraph"})
	st.cur.Unclosed = true
	st.finish(end)
	return next
}

func (st *state) trimRight(end int) int {
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(st.text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// mark handles the quotation mark r at i.
func (st *state) mark(i int, r rune, info *markInfo) {
	prev, _ := utf8.DecodeLastRuneInString(st.text[:i])
	if i == 0 {
		prev = 0
	}
	next, _ := utf8.DecodeRuneInString(st.text[i+utf8.RuneLen(r):])
	if i+utf8.RuneLen(r) >= len(st.text) {
		next = 0
	}
	if info.family == "single" && st.sc.isApostrophe(st.text, i, r, prev, next, st.singleOpen()) {
		return
	}
	canOpen, canClose := flank(info, prev, next)
	if !canOpen && info.opens && len(st.stack) == 0 && st.paraStart == i && next == ' ' {
		canOpen = true // a paragraph opening “” … what I learned”: a spaced mark, nothing before it
	}
	if !canClose && unicode.IsSpace(prev) && (next == 0 || unicode.IsSpace(next)) && st.closesAfterSpace(i) {
		canClose = true // “… the term 'African American outreach,' " he told”
	}
	if !canClose && !canOpen && st.closesBeforeNarration(i, info) {
		canClose = true // "The question is " She checked herself. (a lost dash)
	}
	if canClose && info.closes {
		for k := len(st.stack) - 1; k >= 0; k-- {
			if st.sc.accepts(st.stack[k], r, info) {
				st.closeTo(k, i+utf8.RuneLen(r))
				return
			}
		}
		if k := len(st.stack) - 1; !canOpen && k >= 0 && st.stack[k].info.family == info.family {
			// A mark shaped to open that cannot open here closes what
			// is open: “Mostly False.“
			st.closeTo(k, i+utf8.RuneLen(r))
			return
		}
	}
	if canOpen && info.opens {
		st.open(i, r, info)
		return
	}
	if canClose && info.closes && info.family != "single" && len(st.stack) == 0 {
		st.res.Errors = append(st.res.Errors, Error{Pos: i, Msg: "this closing quotation mark has no opening mark"})
	}
}

// closesAfterSpace reports whether a mark at i, with spaces on both sides,
// comes right after the end of a quoted phrase or sentence (a closing
// single mark or . , ! ?): typesetters leave a space between a nested
// closing mark and the outer one.
func (st *state) closesAfterSpace(i int) bool {
	if len(st.stack) == 0 {
		return false
	}
	j := i
	for j > 0 && (st.text[j-1] == ' ' || st.text[j-1] == '\t') {
		j--
	}
	if j == i || j == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(st.text[:j])
	switch r {
	case '\'', '’', ',', '.', '!', '?':
		return true
	}
	return false
}

// closesBeforeNarration reports whether a straight double mark at i, with
// spaces before it and one after it, ends the one quote open: a word ends
// before it and another follows (“"The question is " She checked
// herself.”). Plain-text editions drop the dash of a broken-off sentence
// and leave the closing mark spaced off; read as stray, it would pair every
// later mark of the paragraph the wrong way round.
func (st *state) closesBeforeNarration(i int, info *markInfo) bool {
	if !info.straight || info.family == "single" || len(st.stack) != 1 || st.stack[0].info != info {
		return false
	}
	j := i
	for j > 0 && st.text[j-1] == ' ' {
		j--
	}
	if j == i || j == 0 || i+2 >= len(st.text) || st.text[i+1] != ' ' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(st.text[:j])
	after, _ := utf8.DecodeRuneInString(st.text[i+2:])
	return unicode.IsLetter(before) && unicode.IsLetter(after)
}

func (st *state) singleOpen() bool {
	for _, m := range st.stack {
		if m.info.family == "single" {
			return true
		}
	}
	return false
}

func (st *state) open(i int, r rune, info *markInfo) {
	if len(st.stack) >= maxDepth {
		st.res.Errors = append(st.res.Errors, Error{Pos: i, Msg: "quotation marks are nested too deeply here; this one is ignored"})
		return
	}
	if len(st.stack) == 0 {
		st.cur = Quote{Single: info.family == "single"}
		st.inner = st.inner[:0]
		st.fragStart = i
	}
	st.stack = append(st.stack, openMark{r: r, pos: i, info: info})
}

// closeTo closes the open mark at depth k (and any left open inside it);
// end is just past the closing mark.
func (st *state) closeTo(k, end int) {
	if k == 1 && st.stack[1].info.straight != st.stack[0].info.straight {
		st.keepInner(st.stack[1], end)
	}
	st.stack = st.stack[:k]
	if k == 0 {
		st.finish(end)
	}
}

// keepInner remembers a quotation closed right inside the outermost one
// with marks of the other kind (curly inside straight, or straight inside
// curly), in case the outer mark is never closed: text that mixes the two
// kinds was put together by two hands, and a paragraph an editor opened
// with a straight mark around a pasted passage never closes it. The pasted
// text's own quotations are then what the article quotes.
func (st *state) keepInner(m openMark, end int) {
	span := core.Span{Start: m.pos, End: end}
	st.inner = append(st.inner, Quote{Span: span, Fragments: []core.Span{span}, Single: m.info.family == "single"})
}

// finish ends the outermost quote at end.
func (st *state) finish(end int) {
	st.stack = st.stack[:0]
	if end > st.fragStart {
		st.cur.Fragments = append(st.cur.Fragments, core.Span{Start: st.fragStart, End: end})
	}
	if len(st.cur.Fragments) == 0 || !hasContent(st.text, st.cur.Fragments) {
		return
	}
	st.cur.Span = core.Span{Start: st.cur.Fragments[0].Start, End: st.cur.Fragments[len(st.cur.Fragments)-1].End}
	st.res.Quotes = append(st.res.Quotes, st.cur)
	st.cur = Quote{}
}

// hasContent reports whether any fragment holds a letter or digit; "" and
// " — " are not quotes.
func hasContent(text string, frags []core.Span) bool {
	for _, f := range frags {
		for _, r := range text[f.Start:f.End] {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// flank decides from the neighbouring runes whether a mark can open (text
// follows it, and it starts a word) and whether it can close (text precedes
// it). Curly and angle marks carry their direction in their shape, so only
// straight marks need the word-boundary test; guillemets may have inner
// spaces (« Bonjour »).
func flank(info *markInfo, prev, next rune) (canOpen, canClose bool) {
	nextText := next != 0 && !unicode.IsSpace(next)
	prevText := prev != 0 && !unicode.IsSpace(prev)
	if info.spaced {
		return next != 0, prev != 0
	}
	if !info.straight {
		return nextText, prevText
	}
	return nextText && leftBoundary(prev), prevText
}

// leftBoundary reports whether prev may stand before an opening mark.
func leftBoundary(prev rune) bool {
	if prev == 0 || unicode.IsSpace(prev) {
		return true
	}
	switch prev {
	case '(', '[', '{', '—', '–', '-', '/', ':', ',', ';', '…':
		return true
	}
	return false
}
