package topics

import (
	"sort"
	"strings"

	"verbatim/core"
)

// maxWords is the longest label, in words.
const maxWords = 4

// role is what a word can do in a topic label.
type role byte

const (
	roleBreak     role = iota // cannot be in a label: it splits phrases
	roleModifier              // may stand before a noun ("nuclear", "Syrian")
	roleNoun                  // may end a label
	roleName                  // part of a name; names are never split
	roleConnector             // "of" inside a name ("Bank of England")
)

// analysis is one document being read for topics.
type analysis struct {
	lang      *language
	text      string
	tokens    []token
	sentences []sentence
	roles     []role
	// keys are per token the number of its normalised form: below
	// len(lang.keys.text) a key of the word lists, above one of this
	// document (in local).
	keys  []int32
	local keyTable
	// nameWords are lower-cased words the document writes capitalised where
	// a capital means something: names.
	nameWords map[string]bool
	// personWords are words of the names of people who speak in the
	// document (or are named with a title): never a topic on their own.
	personWords map[string]bool
	// organisationWords are words of the names of organisations that speak
	// in the document, by the quotes' speaker kinds.
	organisationWords map[string]bool
	// titleWords are the keys of the words of the document's title.
	titleWords map[string]bool
	quotes     []quoteContext
	// quotesBySentence lists, per sentence, the quotes whose context covers
	// it and how closely.
	quotesBySentence [][]quoteRef
}

// Closeness is how near to a quote a phrase stands.
type Closeness int8

const (
	NextSentence Closeness = iota + 1 // the sentence before or after the quote's
	InSentence                        // the sentence the quote stands in
	InQuote                           // inside its quotation marks
)

func (c Closeness) String() string {
	switch c {
	case InQuote:
		return "the quote"
	case InSentence:
		return "the sentence around the quote"
	case NextSentence:
		return "the sentence next to the quote"
	}
	return "nowhere near the quote"
}

// quoteRef is a quote whose context covers a sentence.
type quoteRef struct {
	quote int32
	near  Closeness // InSentence or NextSentence
}

// neighbours is how many sentences before and after a quote's own count as
// its wider context, used when its own sentence names no topic ("He
// resisted." after a sentence about the shutdown).
const neighbours = 1

// quoteContext is where a quote and its surrounding sentences lie.
type quoteContext struct {
	valid     bool
	fragments []core.Span
}

// newAnalysis reads doc for topics, in the arrays of b.
func newAnalysis(lang *language, doc core.Document, quotes []core.Quote, b *buffers) *analysis {
	text := doc.Text
	tokens, sentences := scanInto(lang, text, b)
	b.tokens, b.sentences = tokens, sentences
	a := &analysis{lang: lang, text: text, tokens: tokens, sentences: sentences}
	markHeadlines(lang, tokens, sentences)
	a.nameWords = map[string]bool{}
	for _, t := range tokens {
		if t.capitalised && !t.atCapitalStart && !t.flags.has(isStop) {
			a.nameWords[t.lower] = true
		}
	}
	a.placeQuotes(quotes)
	relevant := a.nearQuotes()
	b.roles = reuse(b.roles, len(tokens))[:len(tokens)]
	clear(b.roles)
	a.roles = b.roles
	for i := range tokens {
		if relevant[tokens[i].sentence] {
			a.roles[i] = a.role(i)
		}
	}
	// "of" belongs to a name only between two of its words.
	for i, r := range a.roles {
		if r == roleConnector && (i == 0 || i+1 == len(tokens) || a.roles[i-1] != roleName || a.roles[i+1] != roleName || !tokens[i].joined || !tokens[i+1].joined) {
			a.roles[i] = roleBreak
		}
	}
	b.keys = reuse(b.keys, len(tokens))[:len(tokens)]
	a.keys = b.keys
	a.normalise()
	a.findPersons(quotes)
	for _, w := range foldWords(doc.Meta.Outlet) {
		a.personWords[w] = true // the outlet reports; it is not a topic
	}
	a.titleWords = map[string]bool{}
	titleTokens, _ := scan(lang, doc.Meta.Title)
	for i := range titleTokens {
		a.titleWords[a.lang.wordKey(&titleTokens[i])] = true
	}
	return a
}

// Only the text near quotes is read for phrases: the sentences within
// window of a quote's, and the first leadSentences (headline and lead),
// which say what the article is about. The rest cannot name a quote's topic
// and would only cost time.
const (
	window        = 5
	leadSentences = 3
)

// nearQuotes marks the sentences to read for phrases.
func (a *analysis) nearQuotes() []bool {
	near := make([]bool, len(a.sentences))
	for s := 0; s < min(leadSentences, len(near)); s++ {
		near[s] = true
	}
	for s, refs := range a.quotesBySentence {
		for _, ref := range refs {
			if ref.near == InSentence {
				for n := max(s-window, 0); n <= min(s+window, len(near)-1); n++ {
					near[n] = true
				}
				break
			}
		}
	}
	return near
}

// markHeadlines treats a line written in title case ("Outrage, but Few
// Options on the Table") like the start of a sentence: its capitals say
// nothing about names.
func markHeadlines(lang *language, tokens []token, sentences []sentence) {
	for lo := 0; lo < len(tokens); {
		paragraph := sentences[tokens[lo].sentence].paragraph
		hi, words, capitals := lo, 0, 0
		for ; hi < len(tokens) && sentences[tokens[hi].sentence].paragraph == paragraph; hi++ {
			if t := &tokens[hi]; !t.number && !t.flags.has(isStop) {
				words++
				if t.capitalised {
					capitals++
				}
			}
		}
		if words >= minHeadlineWords && float64(capitals) >= headlineCapitals*float64(words) {
			for i := lo; i < hi; i++ {
				tokens[i].atCapitalStart = true
			}
		}
		lo = hi
	}
}

// A line of at least minHeadlineWords words, at least headlineCapitals of
// them capitalised, is a headline.
const (
	minHeadlineWords = 3
	headlineCapitals = 0.75
)

// isName reports whether token i is (part of) a name.
func (a *analysis) isName(i int) bool {
	t := &a.tokens[i]
	if !t.capitalised {
		return false
	}
	if t.acronym {
		// A stop word in capitals is a name only alone ("US troops"), not in
		// a shouted line ("THE USA IS GREAT").
		return !t.flags.has(isStop) || !(a.acronymAt(i-1) || a.acronymAt(i+1))
	}
	if t.flags.has(isStop) {
		return false
	}
	return !t.atCapitalStart || a.lang.traits[t.entry].usuallyCapitalised || a.nameWords[t.lower]
}

func (a *analysis) acronymAt(i int) bool {
	return i >= 0 && i < len(a.tokens) && a.tokens[i].acronym
}

func (a *analysis) role(i int) role {
	t := &a.tokens[i]
	l := a.lang
	switch {
	case t.number || t.flags.has(isCue):
		return roleBreak
	case a.isName(i):
		if l.nounsCapitalised && !t.acronym {
			return roleNoun
		}
		return roleName
	case t.flags.has(isConnector) && !t.capitalised:
		return roleConnector
	case t.flags.has(isStop) || t.flags.has(isGeneric) || t.acronym:
		return roleBreak // "Turkey must face sanctions" is two phrases
	case l.nounsCapitalised:
		return a.germanRole(t)
	}
	traits := l.traits[t.entry]
	if t.entry == 0 {
		traits.class = a.compoundClass(t.lower)
	}
	switch traits.class {
	case classVerb, classAdverb:
		return roleBreak
	case classAdjective:
		return roleModifier
	}
	if strings.HasSuffix(t.lower, "ly") && !traits.inBackground {
		return roleBreak // an unknown adverb
	}
	if t.entry == 0 && strings.Contains(t.lower, "'") {
		return roleBreak // an unknown contraction, or a piece of one ("[W]e're")
	}
	if strings.HasSuffix(t.lower, "ing") && !a.nounAfter(i) {
		return roleBreak // "leaving Syria", not "the bombing"
	}
	return roleNoun
}

// compoundClass is the class of an unlisted hyphenated word: that of its
// last part, so that "non-existent" modifies a noun and cannot be a label
// alone, while "weight-loss" is a noun.
func (a *analysis) compoundClass(word string) wordClass {
	i := strings.LastIndexByte(word, '-')
	if i < 0 {
		return classNoun
	}
	return a.lang.traits[a.lang.vocabulary[word[i+1:]]].class
}

// nounAfter reports whether the word before token i makes it a noun: a
// determiner or a word of the same phrase.
func (a *analysis) nounAfter(i int) bool {
	if i == 0 || !a.tokens[i].joined {
		return false
	}
	prev := &a.tokens[i-1]
	return prev.flags.has(isDeterminer) || (!prev.flags.has(isStop) && a.lang.traits[prev.entry].class == classNoun && !prev.number)
}

// germanRole: German capitalises nouns, so a capitalised word at the start of
// a sentence is a noun and a lower-case one is at most an adjective before
// one ("syrische Regierung").
func (a *analysis) germanRole(t *token) role {
	if t.capitalised {
		return roleNoun
	}
	for _, ending := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(t.lower, ending) {
			return roleModifier
		}
	}
	return roleBreak
}

// normalise gives every word a key: lower case, singular (English) or
// stemmed (German), a proper adjective replaced by its name ("Syrian" →
// "syria"), so that forms of one word group.
func (a *analysis) normalise() {
	a.local = keyTable{base: int32(len(a.lang.keys.text)), ids: map[string]int32{}}
	for i := range a.tokens {
		t := &a.tokens[i]
		switch e := &a.lang.entries[t.entry]; {
		case a.roles[i] == roleBreak:
			a.keys[i] = -1 // in no phrase
		case t.entry != 0 && t.capitalised:
			a.keys[i] = e.nameKeyID
		case t.entry != 0:
			a.keys[i] = e.keyID
		default:
			k := a.wordKey(i)
			id, ok := a.lang.keys.ids[k]
			if !ok {
				id = a.local.number(a.lang, k)
			}
			a.keys[i] = id
		}
	}
}

// table returns the key table that numbers key id.
func (a *analysis) table(id int32) (*keyTable, int32) {
	if id < a.local.base {
		return &a.lang.keys, id
	}
	return &a.local, id - a.local.base
}

// keyText is the text of key id.
func (a *analysis) keyText(id int32) string {
	t, i := a.table(id)
	return t.text[i]
}

// keyRoot is the root of key id (see language.root).
func (a *analysis) keyRoot(id int32) string {
	t, i := a.table(id)
	return t.root[i]
}

func (a *analysis) wordKey(i int) string { return a.lang.wordKey(&a.tokens[i]) }

// wordKey is the normalised form of a word that groups its forms.
func (l *language) wordKey(t *token) string {
	switch e := &l.entries[t.entry]; {
	case t.entry == 0:
		return l.computeKey(t.lower, t.capitalised)
	case t.capitalised:
		return e.nameKey
	default:
		return e.key
	}
}

func (l *language) computeKey(lower string, capitalised bool) string {
	if l.nounsCapitalised {
		return germanStem(lower)
	}
	w := singular(lower)
	if capitalised {
		if name, ok := l.pertainyms[w]; ok {
			return name
		}
	}
	return w
}

// labelKey is the key of a label as a researcher wrote it ("Syrian
// refugees" → "syria refugee"), to match it with key phrases.
func (l *language) labelKey(label string) string {
	tokens, _ := scan(l, label)
	keys := make([]string, len(tokens))
	for i := range tokens {
		keys[i] = l.wordKey(&tokens[i])
	}
	return strings.Join(keys, " ")
}

// findPersons collects the words of speakers' names: from the quotes, from
// names next to a speech verb ("said Graham", "Kino Gabriel said") and from
// names after a title ("Senator Lindsey Graham").
func (a *analysis) findPersons(quotes []core.Quote) {
	a.personWords = map[string]bool{}
	type name struct {
		text    string
		mention bool
	}
	seen := map[name]bool{} // speakers come again and again
	// What an organisation says may well be about it ("NATO"): only
	// persons who speak are never topics.
	a.organisationWords = map[string]bool{}
	for _, q := range quotes {
		if q.SpeakerKind == core.SpeakerOrganisation {
			for _, w := range foldWords(q.Speaker) {
				a.organisationWords[w] = true
			}
		}
	}
	for _, q := range quotes {
		if q.SpeakerKind == core.SpeakerOrganisation {
			continue
		}
		for _, n := range []name{{q.Speaker, false}, {q.Mention.In(a.text), true}} {
			if n.text != "" && !seen[n] {
				seen[n] = true
				a.markSpeaker(n.text, n.mention)
			}
		}
	}
	for i, t := range a.tokens {
		switch {
		case t.flags.has(isCue):
			if t.joined {
				a.markNameRun(i-1, -1, 2) // "Kino Gabriel said"
			} else {
				a.markNameRun(i+1, +1, 3) // `…," said Graham`
			}
		case t.flags.has(isTitle) && a.roles[i] != roleBreak:
			a.markNameRun(i+1, +1, 3) // "Senator Lindsey Graham"
		case t.flags.has(opensCuePhrase):
			if end := a.matchWords(i+1, a.lang.cuePhrases[t.lower]); end > 0 {
				if end < len(a.tokens) && a.tokens[end].flags.has(isDeterminer) {
					end++
				}
				a.markNameRun(end, +1, 3) // "according to the BBC"
			}
		}
	}
}

// matchWords returns the index after words if they follow from token i in
// the same phrase, else 0.
func (a *analysis) matchWords(i int, words []string) int {
	for _, w := range words {
		if i >= len(a.tokens) || !a.tokens[i].joined || a.tokens[i].lower != w {
			return 0
		}
		i++
	}
	return i
}

// markSpeaker marks the words of a speaker's name. A mention ("South Korean
// President Park Geun-hye", "Victor Cha, a Korea scholar") gives its first
// run of capitalised words that is not a title; a canonical name is all
// name but for the common words of a description ("a protester": what the
// protesters say is about protests).
func (a *analysis) markSpeaker(name string, mention bool) {
	tokens, _ := scan(a.lang, name)
	run := 0
	for i := range tokens {
		t := &tokens[i]
		switch {
		case !mention && (t.capitalised || t.entry == 0):
			a.personWords[t.lower] = true
		case mention && t.capitalised && !t.flags.has(isStop) && !t.flags.has(isTitle) && !t.number:
			a.personWords[t.lower] = true
			run++
		case mention && run > 0:
			return
		}
	}
}

// markNameRun marks the name words from token i on, in direction dir, as a
// person's name: at most limit of them, all in one phrase.
func (a *analysis) markNameRun(i, dir, limit int) {
	for n := 0; n < limit && i >= 0 && i < len(a.tokens); n, i = n+1, i+dir {
		t := &a.tokens[i]
		if a.roles[i] != roleName && !(a.lang.nounsCapitalised && t.capitalised && a.roles[i] != roleBreak) || n == 0 && dir > 0 && !t.joined {
			return
		}
		switch {
		case t.flags.has(isTitle):
			n-- // "said Sen. Lindsey Graham": the title is not the name
		case t.acronym || a.organisationWords[t.lower]:
			// "NATO said": an organisation, which may be a topic.
		default:
			a.personWords[t.lower] = true
		}
		// The next word in this direction must be of the same phrase.
		if dir > 0 && (i+1 >= len(a.tokens) || !a.tokens[i+1].joined) || dir < 0 && !t.joined {
			return
		}
	}
}

// placeQuotes finds the sentences each quote's context covers: the
// sentences it stands in, and their neighbours.
func (a *analysis) placeQuotes(quotes []core.Quote) {
	a.quotes = make([]quoteContext, len(quotes))
	a.quotesBySentence = make([][]quoteRef, len(a.sentences))
	for qi, q := range quotes {
		if q.Span.Start < 0 || q.Span.End > len(a.text) || q.Span.Start >= q.Span.End {
			continue
		}
		frags := q.Fragments
		if len(frags) == 0 {
			frags = []core.Span{q.Span}
		}
		a.quotes[qi] = quoteContext{valid: true, fragments: frags}
		first, last := a.sentenceAt(q.Span.Start), a.sentenceAt(q.Span.End-1)
		for s := max(first-neighbours, 0); s <= min(last+neighbours, len(a.sentences)-1); s++ {
			switch {
			case s >= first && s <= last:
				a.quotesBySentence[s] = append(a.quotesBySentence[s], quoteRef{int32(qi), InSentence})
			default:
				a.quotesBySentence[s] = append(a.quotesBySentence[s], quoteRef{int32(qi), NextSentence})
			}
		}
	}
}

// sentenceAt returns the index of the sentence holding byte offset.
func (a *analysis) sentenceAt(offset int) int {
	return sort.Search(len(a.sentences), func(i int) bool { return a.sentences[i].end > offset })
}

// InQuote reports whether byte offset lies inside quote qi's marks.
func (a *analysis) insideMarks(qi int32, offset int) bool {
	for _, f := range a.quotes[qi].fragments {
		if offset >= f.Start && offset < f.End {
			return true
		}
	}
	return false
}

// singular folds an English plural to its singular, closely enough for
// grouping ("sanctions" → "sanction", "policies" → "policy").
func singular(w string) string {
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"), strings.HasSuffix(w, "'s"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// germanStem is a light German stemmer for grouping: umlauts folded and one
// inflection ending removed ("Sanktionen" → "sanktion", "Länder" → "land").
func germanStem(w string) string {
	w = strings.Map(foldUmlaut, w)
	if strings.Contains(w, "ß") {
		w = strings.ReplaceAll(w, "ß", "ss")
	}
	for _, ending := range []string{"ern", "en", "er", "es", "em", "e", "n", "s"} {
		if strings.HasSuffix(w, ending) && len(w)-len(ending) >= 4 {
			return w[:len(w)-len(ending)]
		}
	}
	return w
}

func foldUmlaut(r rune) rune {
	switch r {
	case 'ä':
		return 'a'
	case 'ö':
		return 'o'
	case 'ü':
		return 'u'
	}
	return r
}

// root strips common derivational endings from a word key, to tell related
// words ("protest", "protester"; "Kurd", "Kurdish"). It only groups, so it
// may be rough.
func (l *language) root(key string) string {
	endings := []string{"ers", "er", "ing", "ions", "ion", "ists", "ist", "ism", "ish", "ments", "ment"}
	if l.nounsCapitalised {
		endings = []string{"ungen", "ung", "innen", "in", "isch", "ische", "er"}
	}
	for _, e := range endings {
		if strings.HasSuffix(key, e) && len(key)-len(e) >= 4 {
			return key[:len(key)-len(e)]
		}
	}
	return key
}
