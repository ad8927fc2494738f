package topics

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
)

// data holds one folder of word lists per language; data/README.md says
// where each list comes from.
//
//go:embed data/en/* data/de/*
var data embed.FS

// wordClass tells what a word can be when it cannot be a noun.
type wordClass byte

const (
	classNoun      wordClass = 0 // noun, or unknown (rare words usually are)
	classAdjective wordClass = 'A'
	classVerb      wordClass = 'V'
	classAdverb    wordClass = 'R'
)

// wordFlags say which hand-made or generated lists a word is on.
type wordFlags uint16

const (
	isStop         wordFlags = 1 << iota // function word: splits phrases
	isGeneric                            // common word: never starts or ends a label
	isVagueNoun                          // "people", "plan": may end a label, never stand alone
	isTitle                              // "senator", "president": precedes names
	isCue                                // "said", "told": ties names to quotes
	isAbbreviation                       // "mr", "sept": its full stop ends no sentence
	isDeterminer                         // "the", "their": an -ing word after it is a noun
	isConnector                          // "of", "für": may stand inside a name
)

func (w wordFlags) has(f wordFlags) bool { return w&f != 0 }

// vague: the word says nothing on its own.
func (w wordFlags) vague() bool { return w.has(isStop | isGeneric | isVagueNoun | isTitle) }

// wordInfo is what WordNet and the background corpora say about one
// lower-cased word; the zero value is an unknown word.
type wordInfo struct {
	class wordClass
	backgroundWord
}

// language is the loaded word lists of one language. It is read-only after
// loading.
type language struct {
	code string
	// flags holds the hand-made and stop word lists: a few thousand words,
	// looked up for every word of a text.
	flags map[string]wordFlags
	// words holds what the large generated lists say of a word.
	words map[string]wordInfo
	// vagueKeys are the keys of all vague words ("prasident" for
	// "Präsidenten").
	vagueKeys map[string]bool
	// cuePhrases are cues of several words by their first word: "according"
	// → "to". A name after one is a source ("according to the BBC").
	cuePhrases map[string][]string
	pertainyms map[string]string // "syrian" → "syria"
	documents  int               // in the background corpus
	// nounsCapitalised: German writes every noun with a capital letter, so a
	// lower-case word never ends a topic label.
	nounsCapitalised bool
}

func (l *language) word(w string) wordInfo { return l.words[w] }

func (l *language) is(w string, f wordFlags) bool { return l.flags[w].has(f) }

func loadLanguage(code string) (*language, error) {
	l := &language{code: code, nounsCapitalised: code == "de", flags: map[string]wordFlags{}, words: map[string]wordInfo{}, cuePhrases: map[string][]string{}}
	lists := []struct {
		file string
		flag wordFlags
	}{
		{"stopwords.txt", isStop},
		{"generic.txt", isGeneric},
		{"vague-nouns.txt", isVagueNoun},
		{"titles.txt", isTitle},
		{"cues.txt", isCue},
		{"abbreviations.txt", isAbbreviation},
		{"determiners.txt", isDeterminer},
		{"connectors.txt", isConnector},
	}
	for _, list := range lists {
		err := eachLine(code, list.file, func(line string) error {
			w := strings.ToLower(line)
			if words := strings.Fields(w); list.flag == isCue && len(words) > 1 {
				l.cuePhrases[words[0]] = words[1:]
				return nil
			}
			l.flags[w] |= list.flag
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	l.vagueKeys = map[string]bool{}
	for w, flags := range l.flags {
		if flags.vague() {
			l.vagueKeys[w] = true
			l.vagueKeys[l.wordKey(&token{lower: w})] = true
		}
	}
	if err := l.readBackground(); err != nil {
		return nil, err
	}
	l.pertainyms = map[string]string{}
	if code != "en" {
		return l, nil
	}
	err := readTable(code, "wordclass.tsv", func(word, value string) error {
		if len(value) != 1 || strings.IndexByte("AVR", value[0]) < 0 {
			return fmt.Errorf("word class %q is not A, V or R", value)
		}
		info := l.words[word]
		info.class = wordClass(value[0])
		l.words[word] = info
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, readTable(code, "pertainyms.tsv", func(word, noun string) error {
		l.pertainyms[word] = noun
		return nil
	})
}

// backgroundWord is what the background corpora say of a word.
type backgroundWord struct {
	documents int32 // how many background documents have it
	// capitalised is the percentage of its occurrences inside a sentence
	// that are capitalised: high for names.
	capitalised int8
	// spoken is ten times its Zipf value in everyday spoken English: 60 for
	// "people", 37 for "squirrel", 28 for "Syria"; 0 when unknown.
	spoken int8
	// burst is ten times the occurrences per background document that has
	// it: topic words come in bursts ("sanctions" 30), others once
	// ("approach" 11). 0 when unknown.
	burst int16
}

func (l *language) readBackground() error {
	err := readTable(l.code, "background.tsv", func(word, value string) error {
		var n [4]int
		f := strings.Split(value, "\t")
		for i := range n {
			var err error
			if len(f) != len(n) {
				err = fmt.Errorf("%d columns", len(f)+1)
			} else {
				n[i], err = strconv.Atoi(f[i])
			}
			if err != nil || n[i] < 0 || i == 1 && n[i] > 100 || i == 2 && n[i] > 100 || i == 3 && n[i] > 10000 {
				return fmt.Errorf("%q is not a document count, a percentage, a Zipf value and a burstiness", value)
			}
		}
		if word == "=documents" { // the size of the corpus
			l.documents = n[0]
		} else {
			info := l.words[word]
			info.backgroundWord = backgroundWord{int32(n[0]), int8(n[1]), int8(n[2]), int16(n[3])}
			l.words[word] = info
		}
		return nil
	})
	if err == nil && l.documents == 0 {
		err = fmt.Errorf("topics data %s/background.tsv: no \"=documents\" line", l.code)
	}
	return err
}

// specificity is how much a word says about a document, in [0, 1]: 1 for a
// word no background document has, near 0 for one that every document has.
func (l *language) specificity(word string) float64 {
	n := float64(l.documents)
	return math.Log((n+1)/(float64(l.words[word].documents)+1)) / math.Log(n+1)
}

// newsworthiness tells, from 0.3 to 1, how much more a word belongs to news
// than to everyday talk: news writes "border", "sanctions", "Syria" far
// more often than people say them, while quotes are full of colourful
// everyday words ("legs", "suckers", "hostage") that name no topic. It
// compares the word's share of background news documents with its Zipf
// value in spoken English; a word unknown to speech counts as news.
func (l *language) newsworthiness(word string) float64 {
	b := l.words[word]
	if b.spoken == 0 {
		return 1
	}
	share := max(float64(b.documents), 0.5) / float64(l.documents)
	newsZipf := math.Log10(share * 1e9)
	return min(1, max(minNewsworthiness, (newsZipf-float64(b.spoken)/10-newsBase)/newsSpan))
}

// A word whose news Zipf exceeds its spoken Zipf by newsBase+newsSpan or
// more is fully newsworthy; by newsBase or less, it keeps
// minNewsworthiness.
const (
	newsBase          = 1.5
	newsSpan          = 2.0
	minNewsworthiness = 0.3
)

// topicality tells, from minTopicality to 1, whether a word comes in bursts
// as topics do: a document about sanctions says "sanctions" again and
// again, while "approach" or "lack" come once. Unknown words count as
// topical.
func (l *language) topicality(word string) float64 {
	b := l.words[word]
	if b.burst == 0 || b.documents < minBurstDocuments {
		return 1
	}
	return min(1, max(minTopicality, minTopicality+(float64(b.burst)/10-1)/burstSpan))
}

// A word repeated burstSpan+1 times per document that has it is fully
// topical; one said once per document keeps minTopicality. Burstiness from
// fewer than minBurstDocuments documents is noise.
const (
	burstSpan         = 1.5
	minTopicality     = 0.2
	minBurstDocuments = 3
)

// usuallyCapitalised reports whether the background corpus mostly writes
// word with a capital inside a sentence: a name, or a German noun.
func (l *language) usuallyCapitalised(word string) bool {
	return l.words[word].capitalised >= 50
}

// readTable reads lines of "word<TAB>value".
func readTable(code, file string, add func(word, value string) error) error {
	return eachLine(code, file, func(line string) error {
		word, value, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("no tab in %q", line)
		}
		return add(word, value)
	})
}

func eachLine(code, file string, do func(line string) error) error {
	path := "data/" + code + "/" + file
	f, err := data.Open(path)
	if err != nil {
		return fmt.Errorf("topics data %s: %w", path, err)
	}
	defer f.Close()
	return scanLines(f, path, do)
}

func scanLines(f fs.File, path string, do func(line string) error) error {
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := do(line); err != nil {
			return fmt.Errorf("topics data %s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}
