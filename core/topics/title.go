package topics

import (
	"strings"

	"verbatim/core"
)

// A headline names its subject in few, well-chosen words: the text of
// "President Trump says he may declare a state of emergency to build border
// wall" writes "border" four times and "wall" twice, but "border wall" only
// in the headline. A topic whose label the title says in a longer phrase
// takes the title's phrase, when the text uses its other words too.

// titleWord is a word of a phrase of the title.
type titleWord struct {
	key, text, lower string
	name             bool // part of a name
	noun             bool // a German noun: capitalised
	connector        bool // "of" inside a name
	head             bool // may end a label: a noun or a name
	vague, title     bool // says nothing alone; an office ("leader")
}

// maxTitleWords is the longest label taken from a title.
const maxTitleWords = 3

// titlePhrases reads the title's runs of words that may stand in a label,
// each in title order.
func titlePhrases(lang *language, title string) [][]titleWord {
	if title == "" {
		return nil
	}
	t := newAnalysis(lang, core.Document{Text: title}, nil, &buffers{})
	var runs [][]titleWord
	for lo := 0; lo < len(t.tokens); {
		if t.roles[lo] == roleBreak {
			lo++
			continue
		}
		hi := lo + 1
		for hi < len(t.tokens) && t.roles[hi] != roleBreak && t.tokens[hi].joined {
			hi++
		}
		run := make([]titleWord, 0, hi-lo)
		for i := lo; i < hi; i++ {
			tok := &t.tokens[i]
			run = append(run, titleWord{key: t.keyText(t.keys[i]), text: title[tok.start:tok.end], lower: tok.lower,
				name: t.roles[i] == roleName, noun: lang.nounsCapitalised && tok.capitalised, connector: t.roles[i] == roleConnector,
				head: t.roles[i] == roleNoun || t.roles[i] == roleName, vague: t.isVague(t.keys[i]), title: tok.flags.has(isTitle)})
		}
		runs = append(runs, run)
		lo = hi
	}
	return runs
}

// titleLabel returns the label and key of the longest phrase of the title
// (up to maxTitleWords words) that contains the label of c and ends where
// its run of words does ("border" → "border wall", "maritime border
// agreement"). Every word it adds must stand in the text read for the
// quotes, be no speaker's name, and be specific, or end it as its head
// ("border agreement"); words before a name must be names. ok is false
// when the title has no such phrase.
func (a *analysis) titleLabel(c *candidate, runs [][]titleWord) (text, key string, ok bool) {
	want := keysOf(a, c.words)
	beforeName := a.roles[c.occurrences[0]] == roleName
	bestLen := len(want)
	for _, run := range runs {
		for at := 0; at+len(want) <= len(run); at++ {
			if !runHasKeys(run[at:], want) {
				continue
			}
			end := len(run) // the phrase ends with the run: at its head
			for start := max(0, end-maxTitleWords); start <= at; start++ {
				if end-start <= bestLen || !a.goodTitleWords(run, start, at, at+len(want), end, beforeName) {
					continue
				}
				text, key, ok, bestLen = a.writeTitleLabel(run[start:end]), joinKeys(run[start:end]), true, end-start
			}
		}
	}
	return text, key, ok
}

func runHasKeys(run []titleWord, keys []string) bool {
	for i, k := range keys {
		if run[i].key != k {
			return false
		}
	}
	return true
}

// goodTitleWords checks the words a title phrase run[start:end] adds
// before (start..from-1) and after (to..end-1) a label.
func (a *analysis) goodTitleWords(run []titleWord, start, from, to, end int, beforeName bool) bool {
	if last := run[end-1]; !last.head || last.title && !last.name || run[start].connector {
		return false // no noun at the end, or an office: "Hong Kong leader"
	}
	for i := start; i < end; i++ {
		w := run[i]
		// A headline's capitals say little: a name is a word the text
		// writes capitalised inside its sentences too.
		w.name = w.name && a.nameWords[w.lower]
		switch {
		case i >= from && i < to:
		case !a.readsKey(w.key) || a.personWords[w.lower] || w.vague && i != end-1:
			return false
		case i < from && (beforeName && !w.name || a.lang.nounsCapitalised && strings.ToLower(w.text) == w.text):
			return false // "giant Switzerland", "tiefen Schmerz"
		case i >= to && (beforeName || w.name || a.headlineVerb(w)):
			return false // a name is whole: "Europe Achilles heel", "anime North"
		}
	}
	return true
}

// headlineVerb reports whether a word after a label may well be the verb of
// a headline rather than its noun: "House panel votes", "court rules". In
// English a headline's verb ends in -s, as do plurals, which it leaves to
// the label.
func (a *analysis) headlineVerb(w titleWord) bool {
	return !a.lang.nounsCapitalised && strings.HasSuffix(w.lower, "s")
}

// readsKey reports whether a word with key k stands in the text read for
// phrases.
func (a *analysis) readsKey(k string) bool {
	id, ok := a.lang.keys.ids[k]
	if !ok {
		if id, ok = a.local.ids[k]; !ok {
			return false
		}
		id += a.local.base
	}
	for _, have := range a.keys {
		if have == id {
			return true
		}
	}
	return false
}

// writeTitleLabel writes the title phrase run[start:end] as the text
// writes its words inside its sentences (the title may be in title case).
func (a *analysis) writeTitleLabel(run []titleWord) string {
	parts := make([]string, len(run))
	for i, w := range run {
		parts[i] = a.writing(w)
	}
	return strings.Join(parts, " ")
}

// writing is how the text writes a word of the title where a capital means
// something; a name or a German noun as the title writes it; else the word
// in lower case.
func (a *analysis) writing(w titleWord) string {
	for i := range a.tokens {
		if t := &a.tokens[i]; t.lower == w.lower && !t.atCapitalStart {
			return a.text[t.start:t.end]
		}
	}
	if w.name || w.noun {
		return w.text
	}
	return w.lower
}

func joinKeys(words []titleWord) string {
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = w.key
	}
	return strings.Join(keys, " ")
}
