package sheet

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed marks.txt
var marksData string

// markPair is an opening and a closing quotation mark.
type markPair struct{ open, close string }

// quoteStyle is how one language writes quotations.
type quoteStyle struct{ outer, nested markPair }

// Typographer re-types text for print: straight quotation marks become the
// language's curly marks, a quotation nested in another gets the nested
// marks, apostrophes become ’ and typewriter dashes become real dashes. It
// never changes a word, only marks. Safe for concurrent use.
type Typographer struct {
	styles map[string]quoteStyle
}

// NewTypographer loads the quotation-mark conventions.
func NewTypographer() (*Typographer, error) {
	t := &Typographer{styles: make(map[string]quoteStyle)}
	for n, line := range strings.Split(marksData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("marks.txt line %d: want 5 tab-separated columns, got %d", n+1, len(f))
		}
		t.styles[f[0]] = quoteStyle{markPair{f[1], f[2]}, markPair{f[3], f[4]}}
	}
	if _, ok := t.styles["*"]; !ok {
		return nil, fmt.Errorf("marks.txt: the default style \"*\" is missing")
	}
	return t, nil
}

func (t *Typographer) style(lang string) quoteStyle {
	if s, ok := t.styles[strings.ToLower(lang)]; ok {
		return s
	}
	return t.styles["*"]
}

var dashes = strings.NewReplacer(" -- ", " — ", "--", "—", " - ", " – ")

// Typeset re-types s, a text in language lang (ISO 639-1, "" for unknown).
func (t *Typographer) Typeset(s, lang string) string {
	st := t.style(lang)
	s = dashes.Replace(s)
	var b strings.Builder
	b.Grow(len(s) + 16)
	var stack []openQuote
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		next := rune(-1)
		if i < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == '\'':
			if opensHere(prev, next) {
				b.WriteRune('‘')
			} else {
				b.WriteRune('’')
			}
		case isDoubleMark(r):
			stack = t.double(&b, stack, st, r, prev, next)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// openQuote is a quotation opened and not yet closed.
type openQuote struct {
	closers string // original marks that close it
	output  string // mark to write when it closes; "" keeps the original
}

// double handles one double quotation mark (straight, curly or guillemet),
// tracking nesting on stack. A mark that could open or close closes only
// when it cannot open here.
func (t *Typographer) double(b *strings.Builder, stack []openQuote, st quoteStyle, r, prev, next rune) []openQuote {
	top := len(stack) - 1
	opens := opensHere(prev, next) && closersOf(r) != ""
	closes := top >= 0 && strings.ContainsRune(stack[top].closers, r)
	switch {
	case closes && !opens:
		if out := stack[top].output; out != "" {
			b.WriteString(out)
		} else {
			b.WriteRune(r)
		}
		return stack[:top]
	case opens:
		level := len(stack) + 1
		oq := openQuote{closers: closersOf(r)}
		if r == '"' || level%2 == 0 {
			p := pairFor(st, level)
			b.WriteString(p.open)
			oq.output = p.close
		} else {
			b.WriteRune(r)
		}
		return append(stack, oq)
	case r == '"': // a stray straight mark: close the current level's way
		b.WriteString(pairFor(st, max(len(stack), 1)).close)
	default:
		b.WriteRune(r)
	}
	return stack
}

// pairFor gives the marks of nesting level (1 = outermost).
func pairFor(st quoteStyle, level int) markPair {
	if level%2 == 0 {
		return st.nested
	}
	return st.outer
}

func isDoubleMark(r rune) bool { return strings.ContainsRune("\"“”„«»", r) }

func closersOf(open rune) string {
	switch open {
	case '"':
		return "\"”“"
	case '“':
		return "”\""
	case '„':
		return "“”\""
	case '«':
		return "»"
	}
	return ""
}

// opensHere reports whether a mark between prev and next opens a quotation:
// it follows a space, an opening bracket, a dash or another opening mark,
// or the start of the text, and is not followed by a space.
func opensHere(prev, next rune) bool {
	if next == -1 || unicode.IsSpace(next) {
		return false
	}
	return prev == -1 || unicode.IsSpace(prev) || strings.ContainsRune("([{/—–-“‘«„‚\"'", prev)
}

// Quoted typesets a quotation's text and adds the outer marks it lacks (a
// quote the user marked by hand, or one left open at its paragraph's end).
func (t *Typographer) Quoted(s, lang string, first, last bool) string {
	s = t.Typeset(s, lang)
	st := t.style(lang)
	if r, _ := utf8.DecodeRuneInString(s); first && s != "" && !isOpeningMark(r) {
		s = st.outer.open + s
	}
	if r, _ := utf8.DecodeLastRuneInString(s); last && s != "" && !isClosingMark(r) {
		s += st.outer.close
	}
	return s
}

func isOpeningMark(r rune) bool { return strings.ContainsRune("“‘„‚«‹\"'", r) }
func isClosingMark(r rune) bool { return strings.ContainsRune("”’“‘»›\"'", r) }
