package topics

import (
	"bufio"
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"math"
	"sort"
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
	opensCuePhrase                       // "according" (to): see language.cuePhrases
	isRhetorical                         // "plea", "mistake", "disgusting": a speech act or a judgement
)

func (w wordFlags) has(f wordFlags) bool { return w&f != 0 }

// vague: the word says nothing on its own.
func (w wordFlags) vague() bool {
	return w.has(isStop | isGeneric | isVagueNoun | isTitle | isRhetorical)
}

// wordInfo is what WordNet and the background corpora say about one
// lower-cased word; the zero value is an unknown word.
type wordInfo struct {
	class wordClass
	backgroundWord
	// senseWeight: see wordEntry; 0 stands for 1.
	senseWeight float64
}

// wordEntry is everything the word lists say of one lower-cased word,
// worked out once at load time so that reading a document looks each word
// up once. Entry 0 is the unknown word.
type wordEntry struct {
	flags wordFlags
	// known: the generated lists (background, word classes) have the word.
	known bool
	info  wordInfo
	// vague: the word says nothing on its own (see language.isVague).
	vague bool
	// key is the word's key (see language.wordKey) written lower-case;
	// nameKey capitalised, where a proper adjective becomes its name. Both
	// are numbered in language.keys.
	key, nameKey     string
	keyID, nameKeyID int32
	// The statistics of specificity, newsworthiness and topicality, and
	// the burstiness behind topicality, measured alone.
	specificity, newsworthiness, topicality, burstiness float64
	// senseWeight is how far the word, as a noun, is trusted as a label
	// (see data/en/sense-weights.txt): 1 unless its commonest sense is a
	// body part, a quality, a span of time ….
	senseWeight float64
}

// language is the loaded word lists of one language. It is read-only after
// loading.
type language struct {
	code string
	// vocabulary finds the entry of every word on any list: a few tens of
	// thousands, looked up once for every word of a text.
	vocabulary map[string]int32
	entries    []wordEntry
	// stopWords are the function words, by which a text's language is
	// guessed.
	stopWords map[string]bool
	// wordFlags and words repeat the entries' flags and words, which every
	// word of a text needs, densely and commonest first.
	wordFlags []wordFlags
	words     []string
	traits    []wordTraits
	// keys numbers the keys of the listed words.
	keys keyTable
	hot  [1 << hotBits]hotSlot
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

// entry returns what the lists say of a lower-cased word; the unknown entry
// when they say nothing.
func (l *language) entry(w string) *wordEntry { return &l.entries[l.vocabulary[w]] }

func (l *language) is(w string, f wordFlags) bool { return l.entry(w).flags.has(f) }

func loadLanguage(code string) (*language, error) {
	l := &language{code: code, nounsCapitalised: code == "de", cuePhrases: map[string][]string{}}
	flags, words := map[string]wordFlags{}, map[string]wordInfo{}
	lists := []struct {
		file string
		flag wordFlags
	}{
		{"stopwords.txt", isStop},
		{"generic.txt", isGeneric},
		{"vague-nouns.txt", isVagueNoun},
		{"rhetoric.txt", isRhetorical},
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
				flags[words[0]] |= opensCuePhrase
				return nil
			}
			flags[w] |= list.flag
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// The generated list of common words (generic.txt) has a few words that
	// name topics after all: "bill", "fire", "research".
	err := eachLine(code, "topical.txt", func(line string) error {
		flags[strings.ToLower(line)] &^= isGeneric
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.vagueKeys = map[string]bool{}
	for w, f := range flags {
		if f.vague() {
			l.vagueKeys[w] = true
			l.vagueKeys[l.computeKey(w, false)] = true
		}
	}
	if err := l.readBackground(words); err != nil {
		return nil, err
	}
	l.pertainyms = map[string]string{}
	senseWeights := map[string]float64{}
	if code == "en" {
		err := readTable(code, "sense-weights.txt", func(sense, value string) error {
			w, err := strconv.ParseFloat(value, 64)
			if err != nil || w < 0 || w > 1 {
				return fmt.Errorf("weight %q is not a number from 0 to 1", value)
			}
			senseWeights[sense] = w
			return nil
		})
		if err == nil {
			err = readTable(code, "nounsenses.tsv", func(word, sense string) error {
				if info, listed := words[word]; listed && senseWeights[sense] > 0 {
					info.senseWeight = senseWeights[sense]
					words[word] = info
				}
				return nil
			})
		}
		if err != nil {
			return nil, err
		}
		err = readTable(code, "wordclass.tsv", func(word, value string) error {
			if len(value) != 1 || strings.IndexByte("AVR", value[0]) < 0 {
				return fmt.Errorf("word class %q is not A, V or R", value)
			}
			info := words[word]
			info.class = wordClass(value[0])
			words[word] = info
			return nil
		})
		if err == nil {
			err = readTable(code, "pertainyms.tsv", func(word, noun string) error {
				l.pertainyms[word] = noun
				return nil
			})
		}
		if err != nil {
			return nil, err
		}
	}
	l.buildVocabulary(flags, words)
	return l, nil
}

// buildVocabulary gives every listed word an entry with its statistics
// worked out, commonest first (then in alphabetical order, so that loading
// is deterministic).
func (l *language) buildVocabulary(flags map[string]wordFlags, words map[string]wordInfo) {
	all := make([]string, 0, len(words)+len(flags))
	for w := range words {
		all = append(all, w)
	}
	for w := range flags {
		if _, ok := words[w]; !ok {
			all = append(all, w)
		}
	}
	// Commonest first, so that the entries a text needs lie together.
	sort.Slice(all, func(i, j int) bool {
		di, dj := words[all[i]].documents, words[all[j]].documents
		return di > dj || di == dj && all[i] < all[j]
	})
	// The words' letters lie together too, commonest first.
	arena := strings.Join(all, "")
	for i, off := 0, 0; i < len(all); i++ {
		all[i], off = arena[off:off+len(all[i])], off+len(all[i])
	}
	l.vocabulary = make(map[string]int32, len(all))
	l.stopWords = map[string]bool{}
	l.entries = make([]wordEntry, 1, len(all)+1)
	l.entries[0] = l.newEntry("", 0, wordInfo{}, false)
	l.wordFlags, l.words = make([]wordFlags, 1, len(all)+1), make([]string, 1, len(all)+1)
	l.traits = make([]wordTraits, 1, len(all)+1)
	for _, w := range all {
		info, known := words[w]
		l.vocabulary[w] = int32(len(l.entries))
		l.entries = append(l.entries, l.newEntry(w, flags[w], info, known))
		l.wordFlags = append(l.wordFlags, flags[w])
		l.words = append(l.words, w)
		l.traits = append(l.traits, wordTraits{info.class, info.capitalised >= usuallyCapitalised, info.documents > 0})
		if flags[w].has(isStop) {
			l.stopWords[w] = true
		}
	}
	l.keys = keyTable{ids: map[string]int32{}}
	for i := range l.entries {
		e := &l.entries[i]
		e.keyID, e.nameKeyID = l.keys.number(l, e.key), l.keys.number(l, e.nameKey)
	}
	for e := len(l.entries) - 1; e > 0; e-- { // commonest last, so they win a slot
		h := wordHash(l.words[e])
		l.hot[h&hotMask] = hotSlot{uint32(h >> 32), int32(e)}
	}
}

// keyTable numbers word keys, from base on, and keeps what each says.
type keyTable struct {
	base  int32
	ids   map[string]int32
	text  []string
	vague []bool   // the key says nothing on its own
	root  []string // see language.root
}

// number returns the number of key k, numbering it when new.
func (t *keyTable) number(l *language, k string) int32 {
	id, ok := t.ids[k]
	if !ok {
		id = t.base + int32(len(t.text))
		t.ids[k] = id
		t.text = append(t.text, k)
		t.vague = append(t.vague, l.isVague(k))
		t.root = append(t.root, l.root(k))
	}
	return id
}

// wordTraits is what reading a text asks of every listed word, kept
// densely.
type wordTraits struct {
	class              wordClass
	usuallyCapitalised bool // see wordEntry.usuallyCapitalised
	inBackground       bool // some background document has it
}

// hotSlot is a place in the direct-mapped table of common words: the high
// half of a word's hash, and its entry.
type hotSlot struct {
	hash  uint32
	entry int32
}

// The table of common words has 1<<hotBits places: small enough to stay
// in the processor's cache, so that most words of a text are found without
// a trip through the large vocabulary map.
const (
	hotBits = 14
	hotMask = 1<<hotBits - 1
)

// wordHash is FNV-1a over a word's bytes; hashOffset starts it and
// hashByte adds a byte, so that the scanner hashes as it lower-cases.
func wordHash(w string) uint64 {
	h := hashOffset
	for i := 0; i < len(w); i++ {
		h = hashByte(h, w[i])
	}
	return h
}

const (
	hashOffset uint64 = 14695981039346656037
	hashPrime  uint64 = 1099511628211
)

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * hashPrime }

// lookUp finds the entry of a lower-cased word, whose wordHash is h: 0
// when unlisted.
func (l *language) lookUp(w string, h uint64) (int32, bool) {
	if s := &l.hot[h&hotMask]; s.hash == uint32(h>>32) && l.words[s.entry] == w {
		return s.entry, true
	}
	e, ok := l.vocabulary[w]
	return e, ok
}

func (l *language) newEntry(w string, flags wordFlags, info wordInfo, known bool) wordEntry {
	return wordEntry{flags: flags, known: known, info: info, vague: w != "" && l.isVague(w),
		key: l.computeKey(w, false), nameKey: l.computeKey(w, true),
		specificity: l.specificity(info.backgroundWord), newsworthiness: l.newsworthiness(info.backgroundWord),
		topicality: l.topicality(info.backgroundWord), burstiness: l.burstiness(info.backgroundWord), senseWeight: cmp.Or(info.senseWeight, 1)}
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

func (l *language) readBackground(words map[string]wordInfo) error {
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
			info := words[word]
			info.backgroundWord = backgroundWord{int32(n[0]), int8(n[1]), int8(n[2]), int16(n[3])}
			words[word] = info
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
func (l *language) specificity(b backgroundWord) float64 {
	n := float64(l.documents)
	return math.Log((n+1)/(float64(b.documents)+1)) / math.Log(n+1)
}

// newsworthiness tells, from 0.3 to 1, how much more a word belongs to news
// than to everyday talk: news writes "border", "sanctions", "Syria" far
// more often than people say them, while quotes are full of colourful
// everyday words ("legs", "suckers", "hostage") that name no topic. It
// compares the word's share of background news documents with its Zipf
// value in spoken English; a word unknown to speech counts as news.
func (l *language) newsworthiness(b backgroundWord) float64 {
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

// burstiness tells, from minTopicality to 1, whether a word comes in bursts
// as topics do: a document about sanctions says "sanctions" again and
// again, while "approach" or "lack" come once. Unknown words, and words of
// fewer than minBurstDocuments documents, count as bursty.
func (l *language) burstiness(b backgroundWord) float64 {
	if b.burst == 0 || b.documents < minBurstDocuments {
		return 1
	}
	return min(1, max(minTopicality, minTopicality+(float64(b.burst)/10-1)/burstSpan))
}

// topicality is burstiness trusted as far as the background corpus can
// tell: a word few background documents have says little about its bursts
// ("shutdown" or "extradition" once in each of five documents of 2015–16),
// so its burstiness is trusted in proportion to its documents,
// documents/(documents+burstTrust), and it counts as bursty for the rest.
func (l *language) topicality(b backgroundWord) float64 {
	trust := float64(b.documents) / (float64(b.documents) + burstTrust)
	return trust*l.burstiness(b) + (1 - trust)
}

// A word repeated burstSpan+1 times per document that has it is fully
// bursty; one said once per document keeps minTopicality. Burstiness from
// fewer than minBurstDocuments documents is noise; that of burstTrust
// documents is trusted half.
const (
	burstSpan         = 1.5
	minTopicality     = 0.2
	minBurstDocuments = 3
	burstTrust        = 10
)

// usuallyCapitalised reports whether the background corpus mostly writes
// the word with a capital inside a sentence: a name, or a German noun.
func (e *wordEntry) usuallyCapitalised() bool { return e.info.capitalised >= usuallyCapitalised }

// A word written capitalised this percentage of times inside sentences, or
// more, is usually capitalised.
const usuallyCapitalised = 50

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
