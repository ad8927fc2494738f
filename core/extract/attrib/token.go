package attrib

import (
	"unicode"
	"unicode/utf8"

	"verbatim/core/extract/lexicon"
)

// token is a word or a punctuation mark in the narration around a quote.
type token struct {
	start, end int    // byte offsets into the document text
	text       string // the token as written
	word       bool   // letters or digits, else one punctuation rune
	cap        bool   // a word starting with an upper-case letter
}

// tokenize splits text[a:b] into tokens, appending to buf. Words keep inner
// apostrophes and hyphens (don’t, Florida-based); a trailing period stays on
// a known abbreviation (Mr., U.S.) or an initial (C.).
func tokenize(buf []token, text string, a, b int, lx *lexicon.Lexicon) []token {
	for i := a; i < b; {
		r, size := utf8.DecodeRuneInString(text[i:b])
		switch {
		case isWordRune(r):
			j := i + size
			for j < b {
				r2, s2 := utf8.DecodeRuneInString(text[j:b])
				if isWordRune(r2) {
					j += s2
					continue
				}
				if isJoiner(r2) && j+s2 < b {
					r3, _ := utf8.DecodeRuneInString(text[j+s2 : b])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
				break
			}
			if j < b && text[j] == '.' && (lx.Abbreviations[text[i:j+1]] || isInitial(text[i:j])) {
				j++
			}
			buf = append(buf, token{start: i, end: j, text: text[i:j], word: true, cap: unicode.IsUpper(r)})
			i = j
		case unicode.IsSpace(r):
			i += size
		default:
			buf = append(buf, token{start: i, end: i + size, text: text[i : i+size]})
			i += size
		}
	}
	return buf
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isJoiner reports runes that may sit inside a word: don’t, Florida-based,
// U.S, 1,000.
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', '‐':
		return true
	}
	return false
}

// isInitial reports a single capital letter or dotted initials ("C", "J.R").
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if size == len(w) {
		return true
	}
	for _, c := range w {
		if c != '.' && !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// endsSentence reports whether tokens[i] is a period, question or
// exclamation mark that ends a sentence.
func endsSentence(toks []token, i int) bool {
	switch toks[i].text {
	case ".", "!", "?", "…":
		return true
	}
	return false
}
