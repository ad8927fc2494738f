// Package dates reads publication dates as news sites and databases print
// them and writes them as ISO 8601.
package dates

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

//go:embed months.txt
var monthsFile string

// monthNames maps a lower-case month name or abbreviation to its number,
// from the embedded months.txt.
var monthNames = sync.OnceValue(func() map[string]int {
	months := map[string]int{}
	for line := range strings.Lines(monthsFile) {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		n, err := strconv.Atoi(fields[0])
		if err != nil {
			panic("ingest: bad line in months.txt: " + line)
		}
		for _, name := range fields[1:] {
			months[name] = n
		}
	}
	return months
})

// Normalise reads a publication date as news sites and databases print
// it ("January 7, 2019 Monday", "7. Januar 2019", "2019-01-07T10:00:00Z",
// "07.01.2019", "1/7/2019") and returns it as ISO 8601 "2006-01-02", or ""
// when s holds no complete, valid date. Purely numeric dates with slashes
// are read month first, as the US databases write them, unless the first
// number cannot be a month.
func Normalise(s string) string {
	tokens := dateTokens(s)
	if len(tokens) == 0 {
		return ""
	}
	if y, m, d, ok := namedMonthDate(tokens); ok {
		return isoDate(y, m, d)
	}
	if y, m, d, ok := numericDate(tokens); ok {
		return isoDate(y, m, d)
	}
	return ""
}

type dateToken struct {
	text string
	sep  rune // the separator that followed it, 0 at the end
}

// dateTokens splits s into runs of letters and runs of digits, each with
// the punctuation that follows it.
func dateTokens(s string) []dateToken {
	const maxTokens = 40
	var tokens []dateToken
	start, startClass := -1, 0
	for i, r := range s + " " {
		class := runeClass(r)
		if start >= 0 && class != startClass {
			sep := r
			if class != 0 {
				sep = ' '
			}
			tokens = append(tokens, dateToken{text: strings.ToLower(s[start:i]), sep: sep})
			start = -1
			if len(tokens) >= maxTokens {
				break
			}
		} else if class == 0 && len(tokens) > 0 && tokens[len(tokens)-1].sep == ' ' {
			tokens[len(tokens)-1].sep = r // "7 . Januar": the dot matters more than the space
		}
		if start < 0 && class != 0 {
			start, startClass = i, class
		}
	}
	return tokens
}

// runeClass is 1 for letters, 2 for digits and 0 for anything else.
func runeClass(r rune) int {
	switch {
	case unicode.IsLetter(r):
		return 1
	case unicode.IsDigit(r):
		return 2
	}
	return 0
}

// namedMonthDate finds "7 January 2019" or "January 7, 2019" in any order.
func namedMonthDate(tokens []dateToken) (y, m, d int, ok bool) {
	months := monthNames()
	for i, t := range tokens {
		month, isMonth := months[t.text]
		if !isMonth {
			continue
		}
		y, d = 0, 0
		for j, u := range tokens {
			n, err := strconv.Atoi(u.text)
			if err != nil || j == i {
				continue
			}
			switch {
			case len(u.text) == 4 && y == 0:
				y = n
			case len(u.text) <= 2 && n >= 1 && n <= 31 && d == 0 && abs(j-i) <= 2:
				d = n
			}
		}
		if y != 0 && d != 0 {
			return y, month, d, true
		}
	}
	return 0, 0, 0, false
}

// numericDate reads the first run of three numbers: Y-M-D, D.M.Y or M/D/Y.
func numericDate(tokens []dateToken) (y, m, d int, ok bool) {
	for i := 0; i+2 < len(tokens); i++ {
		a, errA := strconv.Atoi(tokens[i].text)
		b, errB := strconv.Atoi(tokens[i+1].text)
		c, errC := strconv.Atoi(tokens[i+2].text)
		if errA != nil || errB != nil || errC != nil {
			continue
		}
		sep := tokens[i].sep
		switch {
		case len(tokens[i].text) == 4:
			return a, b, c, true
		case len(tokens[i+2].text) != 4:
			continue
		case sep == '.' || sep == '-' || a > 12:
			return c, b, a, true
		case sep == '/':
			return c, a, b, true
		}
	}
	return 0, 0, 0, false
}

func isoDate(y, m, d int) string {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "" // 31 February and the like
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
