package attrib

import (
	"iter"
	"strings"
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
	buf, _ = tokenizeUntil(buf, text, a, b, lx, false)
	return buf
}

// tokenizeSentence tokenizes text[a:b] up to the end of its first
// sentence (the mark included), as firstSentence would cut tokenize's
// result; cut reports that it stopped before b.
func tokenizeSentence(buf []token, text string, a, b int, lx *lexicon.Lexicon) (toks []token, cut bool) {
	return tokenizeUntil(buf, text, a, b, lx, true)
}

func tokenizeUntil(buf []token, text string, a, b int, lx *lexicon.Lexicon, oneSentence bool) ([]token, bool) {
	for i := a; i < b; {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII, most of the text: no rune decoding.
			switch {
			case isASCIIWordByte(c):
				j := wordEnd(text, i+1, b)
				buf = appendWord(buf, text, i, j, b, 'A' <= c && c <= 'Z', lx)
				i = buf[len(buf)-1].end
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
				i++
			default:
				buf = append(buf, token{start: i, end: i + 1, text: text[i : i+1]})
				i++
				if oneSentence && (c == '.' || c == '!' || c == '?') {
					return buf, i < b
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:b])
		switch {
		case isWordRune(r):
			j := wordEnd(text, i+size, b)
			buf = appendWord(buf, text, i, j, b, unicode.IsUpper(r), lx)
			i = buf[len(buf)-1].end
		case unicode.IsSpace(r):
			i += size
		default:
			buf = append(buf, token{start: i, end: i + size, text: text[i : i+size]})
			i += size
			if oneSentence && r == '…' {
				return buf, i < b
			}
		}
	}
	return buf, false
}

// wordEnd returns the end of the word whose rest starts at j: word runes,
// and joiners between two of them.
func wordEnd(text string, j, b int) int {
	for j < b {
		c := text[j]
		if c < utf8.RuneSelf && isASCIIWordByte(c) {
			j++
			continue
		}
		r2, s2 := rune(c), 1
		if c >= utf8.RuneSelf {
			r2, s2 = utf8.DecodeRuneInString(text[j:b])
			if isWordRune(r2) {
				j += s2
				continue
			}
		}
		if isJoiner(r2) && j+s2 < b {
			if c3 := text[j+s2]; c3 < utf8.RuneSelf {
				if isASCIIWordByte(c3) {
					j += s2
					continue
				}
			} else if r3, _ := utf8.DecodeRuneInString(text[j+s2 : b]); isWordRune(r3) {
				j += s2
				continue
			}
		}
		break
	}
	return j
}

// appendWord appends the word text[i:j], with the period of a known
// abbreviation (Mr., U.S.) or an initial (C.).
func appendWord(buf []token, text string, i, j, b int, capital bool, lx *lexicon.Lexicon) []token {
	if j < b && text[j] == '.' && (lx.Abbreviations[text[i:j+1]] || isInitial(text[i:j])) {
		j++
	} else if j+len(oneDotLeader) <= b && strings.HasPrefix(text[j:], oneDotLeader) && isInitial(text[i:j]) {
		j += len(oneDotLeader)
	}
	return append(buf, token{start: i, end: j, text: text[i:j], word: true, cap: capital})
}

// oneDotLeader (U+2024) stands for a period in some texts, so that
// software does not end the sentence at an initial: “Sergey M․”.
const oneDotLeader = "\u2024"

// isASCIIWordByte reports an ASCII letter or digit.
func isASCIIWordByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isJoiner reports runes that may sit inside a word: don’t, Florida-based,
// U.S, 1,000, and the underscore of a file name or an identifier
// (wikinews_en_Fan_Expo_Canada.txt is one word, not the name “Fan Expo
// Canada”).
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', '‐', '_':
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

// sentencesBack yields the sentences of toks from the last to the first,
// each as the bounds [start, end) of its tokens. A sentence before the
// last leaves out the mark that ends it.
func sentencesBack(toks []token) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		end := len(toks)
		for k := len(toks) - 1; k >= -1; k-- {
			if k >= 0 && !endsSentence(toks, k) {
				continue
			}
			if !yield(k+1, end) {
				return
			}
			end = k
		}
	}
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
