// Package rtf reads the text of Rich Text Format files, as written by Word,
// WordPad, LibreOffice and the news databases (Nexis, Factiva).
//
// It is a scanner over the RTF token stream with a stack of group states:
// text in the document body is kept, destinations that are not body text
// (font and colour tables, style sheets, pictures, headers, footers, field
// instructions, anything marked \*) are skipped, and characters are decoded
// from \uN escapes and from \'hh bytes in the code page that \ansicpg,
// \fcharset or \cpg selects.
package rtf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
)

// Document is what an RTF file yields.
type Document struct {
	Text   string // paragraphs separated by "\n\n"; line breaks within a paragraph "\n"
	Title  string // from the \info group
	Author string
	Date   string // creation time from \info (\creatim), "2006-01-02"
}

// MaxDepth bounds group nesting; deeper groups are read as text-less.
const MaxDepth = 512

// ErrNotRTF is returned for data that does not start like an RTF file.
var ErrNotRTF = errors.New("not an RTF file")

// SyntaxError describes malformed RTF at a byte offset.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("rtf: offset %d: %s", e.Offset, e.Msg) }

// IsRTF reports whether data starts like an RTF file.
func IsRTF(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf"), []byte(`{\rtf`))
}

// Read extracts the text and document information of an RTF file.
// Malformed input is read as far as it makes sense; errors reports the
// problems found along the way (unbalanced groups, truncated escapes).
func Read(data []byte) (Document, []error) {
	if !IsRTF(data) {
		return Document{}, []error{ErrNotRTF}
	}
	r := newReader(data)
	r.run()
	return r.document(), r.errs
}

// sink says where the text of a group goes.
type sink int

const (
	sinkBody sink = iota
	sinkSkip
	sinkFontName // inside the font table: font definitions
	sinkTitle
	sinkAuthor
	sinkInfo // inside \info, outside a captured field
	sinkCreated
)

// group is the state one RTF group { … } carries.
type group struct {
	sink        sink
	beforeUpr   sink // the sink outside an \upr group, for its \ud part
	unicodeSkip int  // \ucN: bytes to skip after a \uN
	font        int
	ignorable   bool // set by \* for the next control word
}

type reader struct {
	data []byte
	pos  int
	errs []error

	stack []group
	cur   group

	defaultCodePage int
	defaultFont     int
	fontCodePage    map[int]int // font number -> code page, from \fcharset / \cpg
	tableFont       int         // font being defined in the font table

	body, title, author strings.Builder
	created             [3]int // year, month, day
	pendingBytes        []byte // \'hh bytes awaiting decoding together
	pendingHigh         rune   // first half of a \u surrogate pair
	skipAfterUnicode    int
}

func newReader(data []byte) *reader {
	return &reader{
		data:            data,
		cur:             group{unicodeSkip: 1},
		defaultCodePage: 1252,
		fontCodePage:    map[int]int{},
	}
}

func (r *reader) document() Document {
	r.flushBytes()
	d := Document{
		Text:   r.body.String(),
		Title:  strings.TrimSpace(r.title.String()),
		Author: strings.TrimSpace(r.author.String()),
	}
	if y, m, day := r.created[0], r.created[1], r.created[2]; y > 0 && m >= 1 && m <= 12 && day >= 1 && day <= 31 {
		d.Date = fmt.Sprintf("%04d-%02d-%02d", y, m, day)
	}
	return d
}

func (r *reader) errorf(format string, args ...any) {
	const maxErrors = 20
	if len(r.errs) < maxErrors {
		r.errs = append(r.errs, &SyntaxError{Offset: r.pos, Msg: fmt.Sprintf(format, args...)})
	}
}

func (r *reader) run() {
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch c {
		case '{':
			r.pos++
			r.openGroup()
		case '}':
			r.pos++
			r.closeGroup()
		case '\\':
			r.controlSequence()
		case '\r', '\n':
			r.pos++ // line breaks in RTF source carry no meaning
		default:
			r.pos++
			if r.skipping() {
				continue
			}
			r.emitByte(c)
		}
	}
	if len(r.stack) > 0 {
		r.errorf("%d group(s) not closed at end of file", len(r.stack))
	}
}

// skipping consumes one character of the \ucN fallback after a \uN escape.
func (r *reader) skipping() bool {
	if r.skipAfterUnicode > 0 {
		r.skipAfterUnicode--
		return true
	}
	return false
}

func (r *reader) openGroup() {
	r.flushBytes()
	r.skipAfterUnicode = 0
	if len(r.stack) >= MaxDepth {
		if len(r.stack) == MaxDepth {
			r.errorf("groups nested more than %d deep; inner text ignored", MaxDepth)
		}
		r.stack = append(r.stack, r.cur)
		r.cur.sink = sinkSkip
		return
	}
	r.stack = append(r.stack, r.cur)
	r.cur.ignorable = false
}

func (r *reader) closeGroup() {
	r.flushBytes()
	r.skipAfterUnicode = 0
	if len(r.stack) == 0 {
		r.errorf("unbalanced closing brace")
		return
	}
	r.cur = r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
}

// controlSequence reads a backslash sequence at r.pos.
func (r *reader) controlSequence() {
	start := r.pos
	r.pos++ // the backslash
	if r.pos >= len(r.data) {
		r.errorf("file ends in a backslash")
		return
	}
	c := r.data[r.pos]
	if !isLetter(c) {
		r.pos++
		r.controlSymbol(c, start)
		return
	}
	wordStart := r.pos
	for r.pos < len(r.data) && isLetter(r.data[r.pos]) && r.pos-wordStart < 32 {
		r.pos++
	}
	word := string(r.data[wordStart:r.pos])
	param, hasParam := r.readParam()
	if r.pos < len(r.data) && r.data[r.pos] == ' ' {
		r.pos++ // the delimiting space belongs to the control word
	}
	if word == "bin" && hasParam {
		r.pos = min(len(r.data), r.pos+max(param, 0)) // raw binary data
		return
	}
	if r.skipping() {
		return
	}
	r.controlWord(word, param, hasParam)
}

func (r *reader) readParam() (int, bool) {
	neg := false
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		neg = true
		r.pos++
	}
	digitsStart := r.pos
	n := 0
	for r.pos < len(r.data) && isDigit(r.data[r.pos]) {
		if r.pos-digitsStart < 10 {
			n = n*10 + int(r.data[r.pos]-'0')
		}
		r.pos++
	}
	if r.pos == digitsStart {
		if neg {
			r.pos-- // a lone '-' is not part of the word
		}
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

func (r *reader) controlSymbol(c byte, start int) {
	switch c {
	case '\'':
		if r.pos+2 > len(r.data) {
			r.errorf("truncated \\' escape")
			r.pos = len(r.data)
			return
		}
		hi, ok1 := unhex(r.data[r.pos])
		lo, ok2 := unhex(r.data[r.pos+1])
		if !ok1 || !ok2 {
			r.pos = start + 2
			r.errorf("bad hex digits after \\'")
			return
		}
		r.pos += 2
		if r.skipping() {
			return
		}
		if r.cur.sink != sinkSkip {
			r.pendingBytes = append(r.pendingBytes, hi<<4|lo)
		}
		return
	case '*':
		r.cur.ignorable = true
		return
	}
	if r.skipping() {
		return
	}
	switch c {
	case '\\', '{', '}':
		r.emitRune(rune(c))
	case '~':
		r.emitRune('\u00A0')
	case '_':
		r.emitRune('-')
	case '-':
		// optional hyphen: invisible unless a line breaks there
	case '\r', '\n':
		r.paragraph()
	case '\t':
		r.emitRune('\t')
	}
}

func (r *reader) controlWord(word string, param int, hasParam bool) {
	r.flushBytes() // bytes before a control word are decoded in the state before it
	if r.cur.ignorable {
		r.cur.ignorable = false
		if !knownDestination(word) {
			r.cur.sink = sinkSkip
			return
		}
	}
	switch word {
	case "upr":
		// {\upr{ANSI text}{\*\ud{Unicode text}}}: keep only the Unicode one
		r.cur.beforeUpr = r.cur.sink
		r.cur.sink = sinkSkip
		return
	case "ud":
		r.cur.sink = r.cur.beforeUpr
		return
	}
	if d, ok := destinationSink(word, r.cur.sink); ok {
		r.cur.sink = d
		return
	}
	if s, ok := symbolText(word); ok {
		r.emitString(s)
		return
	}
	switch word {
	case "par", "sect", "page":
		r.paragraph()
	case "line", "row":
		r.emitRune('\n')
	case "cell", "nestcell":
		r.emitRune('\t')
	case "u":
		r.unicode(param)
	case "uc":
		r.cur.unicodeSkip = max(param, 0)
	case "ansicpg":
		r.defaultCodePage = param
	case "ansi":
		r.defaultCodePage = 1252
	case "mac":
		r.defaultCodePage = 10000
	case "pc":
		r.defaultCodePage = 437
	case "pca":
		r.defaultCodePage = 850
	case "deff":
		r.defaultFont = param
		r.cur.font = param
	case "f":
		if r.cur.sink == sinkFontName {
			r.tableFont = param
		} else {
			r.cur.font = param
		}
	case "fcharset":
		if r.cur.sink == sinkFontName {
			if cp, ok := charsetCodePage(param); ok {
				r.fontCodePage[r.tableFont] = cp
			}
		}
	case "cpg":
		if r.cur.sink == sinkFontName && hasParam {
			r.fontCodePage[r.tableFont] = param
		}
	case "plain":
		r.cur.font = r.defaultFont
	case "yr":
		r.setCreated(0, param)
	case "mo":
		r.setCreated(1, param)
	case "dy":
		r.setCreated(2, param)
	}
}

func (r *reader) setCreated(field, value int) {
	if r.cur.sink == sinkCreated {
		r.created[field] = value
	}
}

func (r *reader) unicode(param int) {
	r.flushBytes()
	u := rune(param)
	if u < 0 {
		u += 65536
	}
	r.skipAfterUnicode = r.cur.unicodeSkip
	switch {
	case utf16.IsSurrogate(u) && u < 0xDC00:
		r.pendingHigh = u
		return
	case utf16.IsSurrogate(u) && r.pendingHigh != 0:
		u = utf16.DecodeRune(r.pendingHigh, u)
	}
	r.pendingHigh = 0
	r.emitRune(u)
}

func (r *reader) paragraph() {
	r.flushBytes()
	if r.cur.sink == sinkBody {
		r.body.WriteString("\n\n")
	}
}

func (r *reader) emitByte(c byte) {
	if c == '\t' {
		r.emitRune('\t')
		return
	}
	if c < 0x20 {
		return
	}
	if c >= 0x80 {
		// raw 8-bit bytes are text in the current code page
		r.pendingBytes = append(r.pendingBytes, c)
		return
	}
	r.emitRune(rune(c))
}

func (r *reader) emitRune(c rune) {
	r.flushBytes()
	if w := r.writer(); w != nil {
		w.WriteRune(c)
	}
}

func (r *reader) emitString(s string) {
	r.flushBytes()
	if w := r.writer(); w != nil {
		w.WriteString(s)
	}
}

func (r *reader) writer() *strings.Builder {
	switch r.cur.sink {
	case sinkBody:
		return &r.body
	case sinkTitle:
		return &r.title
	case sinkAuthor:
		return &r.author
	}
	return nil
}

// flushBytes decodes the pending \'hh bytes together, so that double-byte
// code pages (Japanese, Chinese, Korean) decode whole characters.
func (r *reader) flushBytes() {
	if len(r.pendingBytes) == 0 {
		return
	}
	raw := r.pendingBytes
	r.pendingBytes = r.pendingBytes[:0]
	w := r.writer()
	if w == nil {
		return
	}
	enc := codePageEncoding(r.codePage())
	text, err := decodeWith(enc, raw)
	if err != nil {
		text = strings.Repeat("\uFFFD", len(raw))
	}
	w.WriteString(text)
}

func decodeWith(enc encoding.Encoding, raw []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", err
	}
	return string(bytes.ToValidUTF8(out, []byte("\uFFFD"))), nil
}

func (r *reader) codePage() int {
	if cp, ok := r.fontCodePage[r.cur.font]; ok && cp != 0 {
		return cp
	}
	return r.defaultCodePage
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
