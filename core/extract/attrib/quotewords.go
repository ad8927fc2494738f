package attrib

import (
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// wordFeatures describes a quote by its own words, for the quote
// classifier: a first- or second-person word (“I”, “we”, “you”) marks
// someone's own words; a figure marks a number quoted from a report;
// capitals on every word but function words mark a title (“State of the
// Union”), none at all a term (“liquidating trust”).
func (p *pass) wordFeatures(q core.Quote, f []feature) []feature {
	personal, number := false, false
	caps, function, other := 0, 0, 0
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
				w := text[i:j]
				personal = personal || folded(p.lx.SpeechPronouns, w)
				switch {
				case unicode.IsUpper(r):
					caps++
				case p.lx.StopWords[w] || p.lx.Prepositions[w] || p.lx.Determiners[w]:
					function++
				default:
					other++
				}
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
	if caps >= 2 && function > 0 && other == 0 {
		f = append(f, qTitleCaseLoose)
	}
	if caps == 0 && other > 0 && other+function <= maxTermWords {
		f = append(f, qAllLower)
	}
	return f
}

// titleWordFollows reports a title word among the first two words after
// a quote: “Keepin' It Real” radio program, “Commander-in-Chief Forum”
// sponsored by …
func (p *pass) titleWordFollows(after []token) bool {
	for k := 0; k < len(after) && k < 2 && after[k].word; k++ {
		if p.lx.TitleContext[lower(after[k].text)] {
			return true
		}
	}
	return false
}
