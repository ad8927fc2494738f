package sheet

import (
	"strings"
	"unicode/utf8"
)

// rgb is a colour as 0xRRGGBB.
type rgb uint32

func (c rgb) parts() (r, g, b uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

// style is how a piece of text looks. Sizes are in points; tracking is the
// extra space after every character, in points.
type style struct {
	font     fontID
	size     float64
	color    rgb
	tracking float64
}

// run is text in one style, before line breaking.
type run struct {
	s  string
	st style
}

// placedRun is text in one style placed on a line, x from the line's start.
type placedRun struct {
	x  float64
	s  string
	st style
}

// textLine is one line after breaking.
type textLine []placedRun

// token is a word (no breaking spaces inside) with its style.
type token struct {
	s           string
	st          style
	spaceBefore bool
}

// tokens splits runs into words at ordinary spaces. Non-breaking spaces
// (U+00A0) stay inside words, as in "7 Jan 2019" and "¶ 4".
func tokens(runs []run) []token {
	var out []token
	space := false
	for _, r := range runs {
		rest := r.s
		for rest != "" {
			i := strings.IndexAny(rest, " \t\n")
			if i == 0 {
				space = true
				rest = rest[1:]
				continue
			}
			word := rest
			if i > 0 {
				word, rest = rest[:i], rest[i:]
			} else {
				rest = ""
			}
			out = append(out, token{word, r.st, space})
			space = false
		}
	}
	return out
}

// wrap breaks runs into lines no wider than maxW, greedily. A word wider
// than a whole line is cut between characters (long web addresses).
func (fs *fonts) wrap(runs []run, maxW float64) []textLine {
	var lines []textLine
	var cur textLine
	x := 0.0
	for _, tk := range tokens(runs) {
		w := fs.width(tk.s, tk.st)
		gap := 0.0
		if tk.spaceBefore && len(cur) > 0 {
			gap = fs.width(" ", tk.st)
		}
		if len(cur) > 0 && tk.spaceBefore && x+gap+w > maxW {
			lines, cur, x, gap = append(lines, cur), nil, 0, 0
		}
		for len(cur) == 0 && w > maxW {
			head, tail := fs.cut(tk.s, tk.st, maxW)
			lines = append(lines, textLine{{0, head, tk.st}})
			tk.s = tail
			w = fs.width(tail, tk.st)
		}
		if tk.s == "" {
			continue
		}
		if n := len(cur); n > 0 && cur[n-1].st == tk.st {
			if gap > 0 {
				cur[n-1].s += " "
			}
			cur[n-1].s += tk.s
		} else {
			cur = append(cur, placedRun{x + gap, tk.s, tk.st})
		}
		x += gap + w
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// cut splits s so that head fits in maxW (at least one character).
func (fs *fonts) cut(s string, st style, maxW float64) (head, tail string) {
	w := 0.0
	for i, r := range s {
		w += fs[st.font].advance(r)*st.size + st.tracking
		if w > maxW && i > 0 {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// truncate shortens s with an ellipsis so that it fits in maxW.
func (fs *fonts) truncate(s string, st style, maxW float64) string {
	if fs.width(s, st) <= maxW {
		return s
	}
	head, _ := fs.cut(s, st, maxW-fs.width("…", st))
	for head != "" && fs.width(head+"…", st) > maxW {
		_, size := utf8.DecodeLastRuneInString(head)
		head = head[:len(head)-size]
	}
	return strings.TrimRight(head, " ") + "…"
}
