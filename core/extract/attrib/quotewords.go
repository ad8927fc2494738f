package attrib

import (
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// wordFeatures describes a quote by its own words, for the quote
// classifier: a first- or second-person word (“I”, “we”, “you”) marks
// someone's own words; a figure marks a number quoted from a report.
func (p *pass) wordFeatures(q core.Quote, f []feature) []feature {
	personal, number := false, false
	for _, fr := range q.Fragments {
		text := p.text[fr.Start:fr.End]
		for i := 0; i < len(text) && !(personal && number); {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsDigit(r):
				number = true
				i += size
			case unicode.IsLetter(r):
				j := i + size
				for j < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) { // “I’m” reads as “I” and “m”
						break
					}
					j += s2
				}
				personal = personal || p.lx.SpeechPronouns[lower(text[i:j])]
				i = j
			default:
				i += size
			}
		}
	}
	if personal {
		f = append(f, qPersonal)
	}
	if number {
		f = append(f, qNumber)
	}
	return f
}
