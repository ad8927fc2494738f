package attrib

import (
	"strings"
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

// lonePronoun reports a quote that is one pronoun: the word itself is
// talked about (“because "she" is a "he"”), nobody says it.
func (p *pass) lonePronoun(i int) bool {
	q := p.quotes[i]
	p.bufB = p.bufB[:0]
	for _, fr := range q.Fragments {
		p.bufB = tokenize(p.bufB, p.text, fr.Start, fr.End, p.lx)
	}
	words := 0
	pronoun := false
	for _, t := range p.bufB {
		if t.word {
			words++
			_, pronoun = p.lx.Pronouns[lower(t.text)]
		}
	}
	return words == 1 && pronoun
}

// nicknameInName reports a quote of one or two capitalised words written
// inside a person's name: Rep. Robert C. "Bobby" Scott, Jeremy "Spike"
// Cohen.
func (p *pass) nicknameInName(i int) bool {
	q := p.quotes[i]
	if len(q.Fragments) > 1 || q.Unclosed {
		return false
	}
	words, capWords, endsLikeSpeech := p.quoteShapeUpTo(q, 2)
	if words == 0 || words > 2 || capWords != words || endsLikeSpeech {
		return false
	}
	before := strings.TrimRight(p.text[max(0, q.Span.Start-1):q.Span.Start], " ")
	after := p.text[q.Span.End:min(len(p.text), q.Span.End+1)]
	if before != "" || after != " " {
		return false // one space on each side, no punctuation
	}
	a, b := p.narrationBefore(i)
	p.bufA = tokenize(p.bufA[:0], p.text, max(a, b-30), b, p.lx)
	c, d := p.narrationAfter(i)
	p.bufB = tokenize(p.bufB[:0], p.text, c, min(d, c+30), p.lx)
	n := len(p.bufA)
	if n == 0 || len(p.bufB) == 0 || !p.isNameWord(p.bufA[n-1]) {
		return false
	}
	// The surname after it may open the next sentence too (“Cohen.”), so
	// any capitalised word that is not a common sentence opener will do.
	next := p.bufB[0]
	return next.word && next.cap && !p.lx.NotNames[next.text] && !hasLower(p.lx.StopWords, next.text) &&
		!strings.ContainsAny(next.text, "'’")
}

// titleByContext reports a quote in title case whose words before it make
// it the name of a thing, whatever the classifier says:
//   - a role in a work or a part of one, and "of" (the lexicon's
//     [work-roles]): the author of “Going Viral”, the host of “The Nightly
//     Show”, an episode of “The Steve Harvey Morning Show”;
//   - its owner's capitalised possessive: CNN's “State of the Union”,
//     Rand's “Atlas Shrugged”; not when the quotation goes on right after
//     it ("…," he said on NBC's "Meet the Press." "And …"), where the tag
//     sits inside one quotation, which news corpora annotate whole;
//   - a determiner or possessive and a year: his 1994 “Contract with
//     America”, the 2010 “Expulsion Initiative”;
//   - in news, a thing introduced and named (namingParticiple): a song
//     called “Day after Day”. PolNeAR annotates such names as quotes (7 in
//     train, none in dev), a researcher sees them as titles.
func (p *pass) titleByContext(i int) bool {
	q := p.quotes[i]
	if len(q.Fragments) > 1 || q.Unclosed {
		return false
	}
	a, b := p.narrationBefore(i)
	p.bufA = tokenize(p.bufA[:0], p.text, max(a, b-40), b, p.lx)
	n := len(p.bufA)
	if n == 0 {
		return false
	}
	last, lead := p.bufA[n-1].text, ""
	if n >= 2 {
		lead = p.bufA[n-2].text
	}
	var named bool
	switch {
	case lower(last) == "of":
		named = p.lx.WorkRoles[lower(lead)]
	case p.bufA[n-1].cap && isPossessive(last):
		next := i + 1
		named = next >= len(p.quotes) || p.paraOf[next] != p.lastPara[i] || p.quotes[next].Span.Start-q.Span.End > 40
	case isYear(last):
		named = p.lx.Determiners[lower(lead)] || isPossessive(lead)
	default:
		named = p.namingParticiple(p.bufA, n-1) // a song called “Day after Day”
	}
	return named && p.inTitleCase(q.Span)
}

// isYear reports a year of the last two centuries written in figures.
func isYear(s string) bool {
	if len(s) != 4 || !(strings.HasPrefix(s, "18") || strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) {
		return false
	}
	return s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'
}

// inTitleCase reports a span of at most eight words, the first and every
// word but function words capitalised: “State of the Union”.
func (p *pass) inTitleCase(s core.Span) bool {
	if s.End-s.Start > 200 {
		return false // longer than any title of eight words
	}
	p.bufB = tokenize(p.bufB[:0], p.text, s.Start, s.End, p.lx)
	words := 0
	for _, t := range p.bufB {
		if !t.word {
			continue
		}
		words++
		low := lower(t.text)
		function := p.lx.StopWords[low] || p.lx.Prepositions[low] || p.lx.Determiners[low]
		if words > 2*maxTermWords || !t.cap && (words == 1 || !function) {
			return false
		}
	}
	return words > 0
}

// dataField reports a quote that is a field of comma-separated data, as a
// spreadsheet writes one: a comma right before its opening mark, a comma
// or the line's end right after its closing mark, and two more commas
// glued to the next field in its line (`2019-09-02,"Fan Expo Canada 2019
// offers celebrities, cosplay, panels","https://…",13`). Such marks quote
// a value, not anyone's words.
func (p *pass) dataField(i int) bool {
	q := p.quotes[i]
	if len(q.Fragments) > 1 || q.Unclosed || q.Span.Start == 0 || p.text[q.Span.Start-1] != ',' {
		return false
	}
	if q.Span.End < len(p.text) && p.text[q.Span.End] != ',' && p.text[q.Span.End] != '\n' && p.text[q.Span.End] != '\r' {
		return false
	}
	para := p.para(p.paraOf[i])
	return gluedCommas(p.text[para.Start:q.Span.Start])+gluedCommas(p.text[q.Span.End:para.End]) >= 3
}

// gluedCommas counts the commas in s with no space after them.
func gluedCommas(s string) int {
	n := 0
	for k := 0; k+1 < len(s); k++ {
		if s[k] == ',' && s[k+1] != ' ' && s[k+1] != '\n' {
			n++
		}
	}
	return n
}

// webAddress reports a quote that is a web address: “https://…”,
// “www.…”. A link is no one's words.
func (p *pass) webAddress(i int) bool {
	q := p.quotes[i]
	if len(q.Fragments) > 1 || q.Span.End-q.Span.Start > 2000 {
		return false
	}
	inner := strings.TrimFunc(p.text[q.Span.Start:q.Span.End], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return !strings.ContainsAny(inner, " \n\t") &&
		(strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "www."))
}
