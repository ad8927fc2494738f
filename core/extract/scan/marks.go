package scan

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed marks.txt
var marksData string

//go:embed elisions_en.txt
var elisionsData string

// markInfo is what the scanner knows about one quotation mark.
type markInfo struct {
	opens, closes bool
	straight      bool // " and ': the same glyph opens and closes
	spaced        bool // guillemets, which may have spaces inside
	family        string
}

// Scanner holds the mark table and the elision list. It is read-only after
// New and safe for concurrent use.
type Scanner struct {
	marks map[rune]*markInfo
	pairs map[[2]rune]bool
	// elisions maps a word written after an apostrophe ('tis) to whether
	// its capitalised form counts too.
	elisions map[string]bool
}

// New builds a scanner from the embedded mark and elision tables.
func New() *Scanner {
	sc, err := parse(marksData, elisionsData)
	if err != nil {
		// The tables are compiled in and tested; this is a build error.
		panic("scan: embedded data: " + err.Error())
	}
	return sc
}

// parse reads the tables; errors name the line.
func parse(marks, elisions string) (*Scanner, error) {
	sc := &Scanner{marks: map[rune]*markInfo{}, pairs: map[[2]rune]bool{}, elisions: map[string]bool{}}
	err := eachLine(marks, func(n int, f []string) error {
		if len(f) != 3 || utf8.RuneCountInString(f[0]) != 1 || utf8.RuneCountInString(f[1]) != 1 {
			return fmt.Errorf("marks.txt line %d: want OPEN CLOSE FAMILY, one mark each", n)
		}
		open, _ := utf8.DecodeRuneInString(f[0])
		closer, _ := utf8.DecodeRuneInString(f[1])
		for _, r := range []rune{open, closer} {
			info := sc.marks[r]
			if info == nil {
				info = &markInfo{family: f[2], straight: r == '"' || r == '\'', spaced: r == '«' || r == '»' || r == '‹' || r == '›'}
				sc.marks[r] = info
			}
			if info.family != f[2] {
				return fmt.Errorf("marks.txt line %d: %q is already in family %s", n, r, info.family)
			}
		}
		sc.marks[open].opens = true
		sc.marks[closer].closes = true
		sc.pairs[[2]rune{open, closer}] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(elisions, func(n int, f []string) error {
		if len(f) > 2 || (len(f) == 2 && f[1] != "*") {
			return fmt.Errorf("elisions line %d: want WORD or WORD *", n)
		}
		sc.elisions[f[0]] = len(f) == 2
		return nil
	})
	return sc, err
}

// eachLine calls fn with the fields of every line that is not blank or a
// # comment.
func eachLine(data string, fn func(lineNo int, fields []string) error) error {
	s := bufio.NewScanner(strings.NewReader(data))
	for n := 1; s.Scan(); n++ {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, strings.Fields(line)); err != nil {
			return err
		}
	}
	return s.Err()
}

// accepts reports whether closing mark r (with info) closes the open mark m:
// a listed pair, or a straight mark standing in for a curly one of the same
// family.
func (sc *Scanner) accepts(m openMark, r rune, info *markInfo) bool {
	if m.info.family != info.family {
		return false
	}
	return sc.pairs[[2]rune{m.r, r}] || m.info.straight || info.straight
}

// isApostrophe decides whether a single mark at i is an apostrophe: inside
// a word (don’t, O’Brien), before a year ('90s), before an elision ('tis,
// 'n'), or a plural possessive (the students’ union) with no single quote
// open that it could close.
func (sc *Scanner) isApostrophe(text string, i int, r, prev, next rune, singleOpen bool) bool {
	letterBefore := unicode.IsLetter(prev)
	letterAfter := unicode.IsLetter(next)
	switch {
	case letterBefore && letterAfter:
		return true
	case unicode.IsDigit(prev) && (next == 's' || unicode.IsDigit(next)):
		return true
	case unicode.IsDigit(next) && !letterBefore:
		return !singleOpen
	}
	if letterAfter && !letterBefore {
		word := text[i+utf8.RuneLen(r):]
		end := strings.IndexFunc(word, func(c rune) bool { return !unicode.IsLetter(c) })
		if end >= 0 {
			word = word[:end]
		}
		lower := strings.ToLower(word)
		if capsToo, ok := sc.elisions[lower]; ok && (word == lower || capsToo) {
			return true
		}
	}
	if (prev == 's' || prev == 'S') && next == ' ' {
		// students’ union: a possessive when a lower-case word follows.
		after, _ := utf8.DecodeRuneInString(text[min(len(text), i+utf8.RuneLen(r)+1):])
		return !singleOpen || unicode.IsLower(after)
	}
	return false
}
