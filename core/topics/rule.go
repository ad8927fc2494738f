// Package topics suggests the topics that organise quotes and applies the
// keyword rules a researcher gives a topic.
package topics

import (
	"strings"
	"unicode"
)

// Rule is a topic's keyword rule: a quote matches when any (or, with All,
// every) term occurs in its text as whole words, ignoring case. A term may be
// a phrase of several words.
type Rule struct {
	Terms []string
	All   bool
}

// Matches reports whether text satisfies the rule. A rule without terms
// matches nothing.
func (r Rule) Matches(text string) bool {
	words := foldWords(text)
	matched := 0
	for _, term := range r.Terms {
		tw := foldWords(term)
		if len(tw) == 0 {
			continue
		}
		if containsRun(words, tw) {
			if !r.All {
				return true
			}
			matched++
		} else if r.All {
			return false
		}
	}
	return r.All && matched > 0
}

// foldWords splits s into lower-cased words of letters and digits.
func foldWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		ok := true
		for j := range run {
			if words[i+j] != run[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
