package topics

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a document.
type token struct {
	start, end int32 // byte span of the word, a possessive 's excluded
	lower      string
	sentence   int32 // index of its sentence
	// capitalised: the first letter is upper case; acronym: two or more
	// letters, all upper case ("ISIS", "U.S").
	capitalised, acronym bool
	// atCapitalStart: the word stands where any word is capitalised (first in
	// a sentence, a line or a quotation), so its capital says nothing.
	atCapitalStart bool
	// joined: nothing but spaces lies between it and the previous word of the
	// same sentence, so both can belong to one phrase.
	joined bool
	number bool      // no letters at all
	flags  wordFlags // the word lists it is on
	entry  int32     // what the word lists say of it: an index into language.entries
}

// sentence is a byte span [start, end) of the text and the paragraph (line)
// it belongs to.
type sentence struct{ start, end, paragraph int }

// buffers are the arrays a document's reading needs, kept for the next
// document (see Suggester.buffers): a large document needs a few hundred
// kilobytes, which would otherwise be allocated, cleared and collected
// again and again.
type buffers struct {
	tokens    []token
	sentences []sentence
	roles     []role
	keys      []int32
}

// reuse returns s emptied, or a new slice when s holds fewer than n.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// scanState is where the scanner is between two runes.
type scanState int

const (
	betweenWords scanState = iota
	inWord
	// afterSentenceEnd: past a full stop, question or exclamation mark;
	// closing marks still belong to the sentence (`… a big mistake."`).
	afterSentenceEnd
)

// scanner splits a text into words and sentences. It is an explicit state
// machine over runes, in the manner of go/scanner.
type scanner struct {
	lang      *language
	text      string
	tokens    []token
	sentences []sentence

	state     scanState
	wordStart int
	lowerBuf  []byte // a word being lower-cased
	// Since the last word: a mark that separates phrases, a sentence end, a
	// position where capitals are expected.
	pendingBreak, pendingCapital bool
	sentenceStart                int
	paragraph                    int
}

// scan returns the words and sentences of text. Every byte of text belongs
// to exactly one sentence.
func scan(lang *language, text string) ([]token, []sentence) {
	return scanInto(lang, text, &buffers{})
}

// scanInto is scan, reusing the arrays of b, which it may grow.
func scanInto(lang *language, text string, b *buffers) ([]token, []sentence) {
	s := &scanner{lang: lang, text: text, pendingCapital: true,
		tokens: reuse(b.tokens, len(text)/6+1), sentences: reuse(b.sentences, len(text)/80+1)}
	for i, r := range text {
		s.step(i, r)
	}
	s.step(len(text), ' ')
	if s.sentenceStart < len(text) || len(s.sentences) == 0 {
		s.sentences = append(s.sentences, sentence{s.sentenceStart, len(text), s.paragraph})
	}
	return s.tokens, s.sentences
}

func (s *scanner) step(i int, r rune) {
	switch s.state {
	case betweenWords:
		if isWordRune(r) {
			s.state, s.wordStart = inWord, i
			return
		}
		s.punctuation(i, r)
	case inWord:
		if isWordRune(r) || s.joinsWord(i, r) {
			return
		}
		s.endWord(i)
		s.state = betweenWords
		s.punctuation(i, r)
	case afterSentenceEnd:
		if isClosingMark(r) || r == '.' || r == '!' || r == '?' {
			return
		}
		s.endSentence(i)
		s.state = betweenWords
		s.step(i, r)
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joinsWord reports whether r at i continues the current word: a hyphen or
// apostrophe between letters ("de-escalation", "don't"), or a full stop
// inside an abbreviation of single letters ("U.S.").
func (s *scanner) joinsWord(i int, r rune) bool {
	next, _ := utf8.DecodeRuneInString(s.text[min(i+utf8.RuneLen(r), len(s.text)):])
	switch r {
	case '-', '\'', '’', '‐':
		return isWordRune(next)
	case '.':
		prev := s.text[s.wordStart:i]
		last := prev[strings.LastIndexByte(prev, '.')+1:]
		return utf8.RuneCountInString(last) == 1 && unicode.IsLetter(next)
	}
	return false
}

func (s *scanner) endWord(end int) {
	start := s.wordStart
	text := s.text[start:end]
	possessive := false
	for _, suffix := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(text, suffix) && len(text) > len(suffix) {
			text = text[:len(text)-len(suffix)]
			possessive = true
			break
		}
	}
	t := token{
		start: int32(start), end: int32(start + len(text)),
		sentence:       int32(len(s.sentences)),
		atCapitalStart: s.pendingCapital,
		joined:         !s.pendingBreak && len(s.tokens) > 0 && int(s.tokens[len(s.tokens)-1].sentence) == len(s.sentences),
	}
	s.readWord(text, &t)
	t.flags = s.lang.wordFlags[t.entry]
	s.tokens = append(s.tokens, t)
	// A possessive ends a phrase: "NFL Network's Rich Eisen" is two names.
	s.pendingBreak, s.pendingCapital = possessive, false
}

// readWord fills in what t's text word says of itself, in one pass over its
// bytes: lower-cased with apostrophes straight, its entry in the word lists,
// whether it is capitalised, a number or an ordinal ("2019", "16th", "3-2":
// no letters, or digits and at most two letters; never a topic), or an
// acronym (two or more letters, none lower-case: "ISIS", "U.S"). A listed
// word costs no allocation: its text is the list's.
func (s *scanner) readWord(word string, t *token) {
	buf := s.lowerBuf[:0]
	same := true
	letters, digits, lower := 0, 0, false
	h := hashOffset
	for i := 0; i < len(word); {
		if c := word[i]; c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
				same = false
				letters++
			case 'a' <= c && c <= 'z':
				letters++
				lower = true
			case '0' <= c && c <= '9':
				digits++
			}
			if i == 0 {
				t.capitalised = c != word[0]
			}
			buf = append(buf, c)
			h = hashByte(h, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
		if unicode.IsLower(r) {
			lower = true
		}
		if i == 0 {
			t.capitalised = unicode.IsUpper(r)
		}
		n := len(buf)
		switch lr := unicode.ToLower(r); {
		case r == '’':
			buf = append(buf, '\'')
			same = false
		case lr != r || r == utf8.RuneError:
			buf = utf8.AppendRune(buf, lr)
			same = false
		default:
			buf = append(buf, word[i:i+size]...)
		}
		for _, c := range buf[n:] {
			h = hashByte(h, c)
		}
		i += size
	}
	s.lowerBuf = buf
	t.number = letters == 0 || digits > 0 && letters <= 2
	t.acronym = !lower && letters >= 2
	e, ok := s.lang.lookUp(string(buf), h)
	switch {
	case same:
		t.lower, t.entry = word, e
	case ok:
		t.lower, t.entry = s.lang.words[e], e
	default:
		t.lower, t.entry = string(buf), 0
	}
}

// punctuation handles a rune outside words at byte i.
func (s *scanner) punctuation(i int, r rune) {
	switch {
	case r == ' ' || r == '\t' || r == '\u00a0':
	case r == '\n' || r == '\r':
		s.endSentence(i)
		s.paragraph = len(s.sentences)
	case r == '.' && s.abbreviationBefore(i):
	case r == '.' || r == '!' || r == '?':
		s.state = afterSentenceEnd
	case isOpeningMark(r):
		s.pendingBreak, s.pendingCapital = true, true
	default:
		s.pendingBreak = true
	}
}

// abbreviationBefore reports whether the full stop at i ends an abbreviation
// ("Mr.", "Sept.", "U.S.") or a single initial ("George W. Bush").
func (s *scanner) abbreviationBefore(i int) bool {
	if len(s.tokens) == 0 {
		return false
	}
	last := s.tokens[len(s.tokens)-1]
	if int(last.end) != i {
		return false
	}
	return last.flags.has(isAbbreviation) || (utf8.RuneCountInString(last.lower) == 1 && last.capitalised)
}

func (s *scanner) endSentence(end int) {
	s.pendingBreak, s.pendingCapital = true, true
	if end <= s.sentenceStart {
		return
	}
	// A sentence needs a word; stray marks join the next one.
	if len(s.tokens) == 0 || int(s.tokens[len(s.tokens)-1].sentence) != len(s.sentences) {
		return
	}
	s.sentences = append(s.sentences, sentence{s.sentenceStart, end, s.paragraph})
	s.sentenceStart = end
}

func isClosingMark(r rune) bool {
	return strings.ContainsRune("\"”“»«’‘)]}", r)
}

func isOpeningMark(r rune) bool {
	return strings.ContainsRune("\"“„«»‹›‘‚([{—–:", r)
}
