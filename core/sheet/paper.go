package sheet

import (
	_ "embed"
	"fmt"
	"strings"
)

// Paper is a page size.
type Paper int

const (
	A4 Paper = iota
	Letter
)

func (p Paper) String() string {
	if p == Letter {
		return "Letter"
	}
	return "A4"
}

// size is the page's width and height in points (1/72 inch).
func (p Paper) size() (w, h float64) {
	if p == Letter {
		return 612, 792
	}
	return 595.28, 841.89
}

// ParsePaper reads "a4" or "letter", in any case.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4":
		return A4, nil
	case "letter", "us-letter", "usletter":
		return Letter, nil
	}
	return A4, fmt.Errorf("“%s” is not a paper size Verbatim prints on; use A4 or Letter", s)
}

//go:embed letter-territories.txt
var letterTerritoriesData string

// PaperForLocale picks the default paper from the POSIX locale variables,
// read through getenv (os.Getenv): LC_ALL, then LC_PAPER, then LANG.
// "en_US.UTF-8" gives Letter, "de_DE.UTF-8" A4; no locale gives A4.
func PaperForLocale(getenv func(string) string) Paper {
	for _, name := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		if v := getenv(name); v != "" {
			if isLetterTerritory(territory(v)) {
				return Letter
			}
			return A4
		}
	}
	return A4
}

// territory extracts "US" from "en_US.UTF-8@euro"; "" when there is none.
func territory(locale string) string {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	_, t, ok := strings.Cut(locale, "_")
	if !ok {
		return ""
	}
	return strings.ToUpper(t)
}

func isLetterTerritory(t string) bool {
	if t == "" {
		return false
	}
	for _, line := range strings.Split(letterTerritoriesData, "\n") {
		if strings.TrimSpace(line) == t {
			return true
		}
	}
	return false
}
