package topics

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"verbatim/core"
)

// How many topics a document gets.
const (
	minTopics = 3
	maxTopics = 7
	// A long document with many quotes ("On the campaign trail") gets one
	// more topic for every quotesPerExtraTopic quotes beyond
	// typicalQuotes, up to maxTopicsLong.
	typicalQuotes       = 15
	quotesPerExtraTopic = 4
	maxTopicsLong       = 12
	// scoreTopics: topics chosen for their score alone, before the rest are
	// chosen to cover quotes that have no topic yet.
	scoreTopics = 6
	// minRelativeScore: a topic chosen for its score scores at least this
	// share of the best one.
	minRelativeScore = 0.3
	// minCoverScore: a topic chosen to cover quotes still scores this share.
	minCoverScore = 0.15
)

// Suggester suggests topics for documents and merges them across a library.
// It holds the loaded word lists and is safe for concurrent use.
type Suggester struct {
	languages map[string]*language
	// codes are the languages' codes, English first: it wins a tie when a
	// document's language is guessed.
	codes []string
	// stopWords tells for each stop word the languages that have it (bit
	// i: codes[i]), to guess a document's language.
	stopWords map[string]uint8
	// buffers keeps *buffers for the next document; concurrent calls take
	// different ones.
	buffers sync.Pool
}

// New loads the word lists of every supported language.
func New() (*Suggester, error) {
	s := &Suggester{languages: map[string]*language{}, codes: []string{"en", "de"}, stopWords: map[string]uint8{}}
	for i, code := range s.codes {
		l, err := loadLanguage(code)
		if err != nil {
			return nil, err
		}
		s.languages[code] = l
		for w := range l.stopWords {
			s.stopWords[w] |= 1 << i
		}
	}
	return s, nil
}

// Topic is a topic suggested for one document.
type Topic struct {
	// Label is how the document writes it: "Syrian refugees", "ISIS".
	Label string
	// Key identifies the topic across documents: its words lower-cased,
	// singular and with proper adjectives replaced by their names ("syria
	// refugee"). Labels with one key are one topic.
	Key   string
	Score float64
	// Quotes are the indices of the quotes about it, ascending.
	Quotes []int
}

// Assignment says that a quote is about a topic, and why.
type Assignment struct {
	Label  string
	Reason string // for the researcher: `the quote mentions “Syrian refugees”`
}

// Phrase is a key phrase of a document with the quotes it occurs around;
// Merge uses phrases to assign quotes to topics suggested elsewhere.
type Phrase struct {
	Key   string
	Label string // as first written in the document
	// Score rates the phrase as a topic label in this document; 0 when it
	// cannot be one (too vague, a speaker's name).
	Score float64
	Count int   // occurrences in the document
	Hits  []Hit // one per quote, by quote index
}

// Hit is a quote whose text or surroundings hold a phrase.
type Hit struct {
	Quote int
	Near  Closeness
	Text  string // the phrase as written there
}

// DocumentTopics is what Document suggests for one document.
type DocumentTopics struct {
	Language string // the word lists used: "en" or "de"
	// Topics are 3–7 labels for a typical article with quotes, most quotes
	// first; fewer when the quotes give too little to go on.
	Topics []Topic
	// Quotes[i] are the topics of the i-th quote given to Document: none,
	// one or several.
	Quotes [][]Assignment
	// Phrases are the document's key phrases that occur in quotes or their
	// sentences, in key order.
	Phrases []Phrase
}

// QuoteError reports a quote that could not be placed in its document.
type QuoteError struct {
	Index int
	Span  core.Span
	Len   int // of the document text
}

func (e *QuoteError) Error() string {
	problem := fmt.Sprintf("lies outside the document's text (%d characters)", e.Len)
	if e.Span.Start >= e.Span.End {
		problem = "ends before it starts"
	}
	return fmt.Sprintf("quote %d (characters %d–%d) %s; it gets no topics", e.Index+1, e.Span.Start, e.Span.End, problem)
}

// Document suggests topics for doc and assigns its quotes to them. Quotes
// are byte spans into doc.Text, as core.Quote has them; a quote's Speaker
// and Mention keep speakers' names out of the labels. A quote whose span
// lies outside the text gets no topics and an error; the others are served.
func (s *Suggester) Document(doc core.Document, quotes []core.Quote) (DocumentTopics, error) {
	lang := s.languageOf(doc)
	if len(quotes) == 0 {
		return DocumentTopics{Language: lang.code}, nil // topics organise quotes
	}
	b, _ := s.buffers.Get().(*buffers)
	if b == nil {
		b = &buffers{}
	}
	defer s.buffers.Put(b) // nothing returned refers to them
	a := newAnalysis(lang, doc, quotes, b)
	var errs []error
	for i, q := range quotes {
		if !a.quotes[i].valid {
			errs = append(errs, &QuoteError{Index: i, Span: q.Span, Len: len(doc.Text)})
		}
	}
	cands := a.candidates()
	var scored []*candidate
	for _, c := range cands {
		if c.closeHits() == 0 {
			continue // no quote says it or stands next to it
		}
		c.key = a.keyOf(c)
		if score, ok := a.score(c); ok {
			c.score = score
			scored = append(scored, c)
		}
	}
	groups := a.choose(scored, len(quotes), topicLimit(len(quotes)))
	out := DocumentTopics{Language: lang.code, Quotes: make([][]Assignment, len(quotes))}
	assigned := a.assign(groups, len(quotes))
	labels, keys := a.labels(groups, titlePhrases(lang, doc.Meta.Title))
	for gi, g := range groups {
		t := Topic{Label: labels[gi], Key: keys[gi], Score: g.label.score}
		for q, hits := range assigned {
			for _, h := range hits {
				if h.group == gi {
					t.Quotes = append(t.Quotes, q)
					out.Quotes[q] = append(out.Quotes[q], Assignment{Label: t.Label, Reason: a.reason(h.hit)})
				}
			}
		}
		if len(t.Quotes) > 0 {
			out.Topics = append(out.Topics, t)
		}
	}
	out.Phrases = a.phrases(cands)
	return out, errors.Join(errs...)
}

// languageOf picks the word lists for doc: its stated language when known,
// else the one whose stop words the text uses most.
func (s *Suggester) languageOf(doc core.Document) *language {
	if l, ok := s.languages[strings.ToLower(doc.Meta.Language)]; ok {
		return l
	}
	hits := make([]int, len(s.codes))
	eachLowerWord(prefix(doc.Text, 4000), maxStopWordBytes, func(w []byte) {
		if langs := s.stopWords[string(w)]; langs != 0 {
			for i := range hits {
				hits[i] += int(langs >> i & 1)
			}
		}
	})
	best := 0
	for i := range hits {
		if hits[i] > hits[best] {
			best = i
		}
	}
	return s.languages[s.codes[best]]
}

// No stop word is longer than this many bytes.
const maxStopWordBytes = 16

// eachLowerWord calls do with every word of text (letters and digits),
// lower-cased, that has at most maxBytes bytes. The slice is reused.
func eachLowerWord(text string, maxBytes int, do func(word []byte)) {
	var lower []byte
	inWord, tooLong := false, false
	for i := 0; i <= len(text); {
		r, size := rune(' '), 1
		if i < len(text) {
			if r = rune(text[i]); r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		i += size
		if isWordRune(r) && (r < utf8.RuneSelf || !unicode.Is(unicode.Mn, r)) {
			if !inWord {
				lower, inWord, tooLong = lower[:0], true, false
			}
			switch {
			case tooLong:
			case r < utf8.RuneSelf:
				lower = append(lower, byte(unicode.ToLower(r)))
			default:
				lower = utf8.AppendRune(lower, unicode.ToLower(r))
			}
			tooLong = len(lower) > maxBytes
			continue
		}
		if inWord && !tooLong {
			do(lower)
		}
		inWord = false
	}
}

// prefix returns at most n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// closeQuotes counts the quotes that say the topic or stand in a sentence
// that does.
func (g *group) closeQuotes(quotes int) int {
	n := 0
	for _, h := range g.closest(quotes) {
		if h.near >= InSentence {
			n++
		}
	}
	return n
}

// topicLimit is the most topics a document with n quotes gets.
func topicLimit(n int) int {
	if n <= typicalQuotes {
		return maxTopics
	}
	return min(maxTopics+(n-typicalQuotes)/quotesPerExtraTopic, maxTopicsLong)
}

// group is a chosen topic: its label phrase and the phrases grouped under it.
type group struct {
	label   *candidate
	members []*candidate // label included
}

// closest returns, per quote, the closest hit of any of the group's phrases.
func (g *group) closest(quotes int) []hit {
	best := make([]hit, quotes)
	for _, m := range g.members {
		for _, h := range m.hits {
			if h.near > best[h.quote].near {
				best[h.quote] = h
			}
		}
	}
	return best
}

// groupHit is the evidence that a quote is about group number group.
type groupHit struct {
	group int
	hit   hit
}

// assign gives every quote the topics its text or sentence mentions; a quote
// with none of them gets those the sentences next to it mention.
func (a *analysis) assign(groups []*group, quotes int) [][]groupHit {
	out := make([][]groupHit, quotes)
	for gi, g := range groups {
		for q, h := range g.closest(quotes) {
			if h.near > 0 {
				out[q] = append(out[q], groupHit{gi, h})
			}
		}
	}
	for q, hits := range out {
		close := hits[:0]
		for _, h := range hits {
			if h.hit.near >= InSentence {
				close = append(close, h)
			}
		}
		if len(close) > 0 {
			out[q] = close
		}
	}
	return out
}

// choose picks the document's topics from scored candidates: first the best
// scored, then those that give quotes without a topic one, grouping related
// phrases ("Syria", "Syrian refugees") under one label.
func (a *analysis) choose(scored []*candidate, quotes, limit int) []*group {
	if len(scored) == 0 {
		return nil
	}
	sort.SliceStable(scored, func(i, j int) bool {
		if scored[i].score != scored[j].score {
			return scored[i].score > scored[j].score
		}
		return scored[i].key < scored[j].key
	})
	var groups []*group
	covered := make([]bool, quotes)
	done := map[*candidate]bool{}
	take := func(c *candidate) {
		done[c] = true
		if !a.group(groups, c) {
			groups = append(groups, &group{label: c, members: []*candidate{c}})
		}
		for _, h := range c.hits {
			covered[h.quote] = true
		}
	}
	best := scored[0].score
	for _, c := range scored {
		if len(groups) >= scoreTopics || c.score < minRelativeScore*best && len(groups) >= minTopics {
			break
		}
		if c.count() > 1 || c.closeHits() > 1 { // said once, it is no theme
			take(c)
		}
	}
	for len(groups) < limit {
		var pick *candidate
		gain := 0
		for _, c := range scored {
			if done[c] || c.score < minCoverScore*best || a.related(groups, c) {
				continue
			}
			n := 0
			for _, h := range c.hits {
				if !covered[h.quote] && h.near >= InSentence {
					n++
				}
			}
			if n > gain {
				pick, gain = c, n
			}
		}
		if pick == nil {
			break
		}
		take(pick)
	}
	for _, c := range scored {
		if len(groups) >= minTopics {
			break
		}
		if !done[c] && !a.related(groups, c) {
			take(c)
		}
	}
	for _, g := range groups {
		if p := a.fuller(g.label, scored); p != nil {
			g.label = p
			g.members = append(g.members, p)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		ni, nj := groups[i].closeQuotes(quotes), groups[j].closeQuotes(quotes)
		if ni != nj {
			return ni > nj
		}
		return groups[i].label.score > groups[j].label.score
	})
	return groups
}

// fullerShare: a longer phrase ending in a topic's label becomes the label
// when the document writes the label inside it at least this share of the
// times ("workers" only ever as "federal workers", "fighters" mostly as
// "ISIS fighters").
const fullerShare = 2.0 / 3

// fuller returns the phrase that says label in full, or nil: the scored
// phrase ending in label's words that holds fullerShare of its occurrences,
// the most often written, then the shortest. The words it adds must be
// specific, and names before a name ("Mitt Romney", not "giant
// Switzerland"); in German, nouns or proper adjectives ("Russischen
// Föderation", not "tiefen Schmerz").
func (a *analysis) fuller(label *candidate, scored []*candidate) *candidate {
	var best *candidate
	n := len(label.words)
	for _, c := range scored {
		extra := len(c.words) - n
		if extra <= 0 || !slices.Equal(c.words[extra:], label.words) || float64(c.count()) < fullerShare*float64(label.count()) ||
			!a.goodAddition(c, extra, a.roles[label.occurrences[0]] == roleName) {
			continue
		}
		if best == nil || c.count() > best.count() || c.count() == best.count() && len(c.words) < len(best.words) {
			best = c
		}
	}
	return best
}

// goodAddition reports whether the first extra words of c may be added to
// a label: no vague word, names before a name, capitals in German.
func (a *analysis) goodAddition(c *candidate, extra int, beforeName bool) bool {
	first := int(c.occurrences[0])
	for i := range extra {
		t := &a.tokens[first+i]
		if a.isVague(c.words[i]) || beforeName && a.roles[first+i] != roleName || a.lang.nounsCapitalised && !t.capitalised {
			return false
		}
	}
	return true
}

// broaderShare: a shorter phrase takes over a topic's label when the
// document says it this many times as often as the label ("Syria" written
// alone far more often than in "Syrian refugees").
const broaderShare = 1.5

// group files c under a chosen topic it is related to and reports whether it
// did. A phrase that contains a topic's label joins it ("Syrian refugees"
// under "Syria"); a part of the label that is said far more often becomes
// the label; any other phrase sharing a specific word is dropped, as the
// topic already covers it.
func (a *analysis) group(groups []*group, c *candidate) bool {
	words := keysOf(a, c.words)
	for _, g := range groups {
		label := keysOf(a, g.label.words)
		switch {
		case containsRun(words, label) || a.adjoins(c, g.label):
			g.members = append(g.members, c)
			return true
		case containsRun(label, words):
			if float64(c.count()) >= broaderShare*float64(g.label.count()) {
				g.members = append(g.members, c)
				g.label = c
			}
			return true
		}
	}
	return a.related(groups, c)
}

// adjoins reports whether the document writes c only right before or after
// label, in one phrase: "hostage" in "hold federal workers hostage" is
// part of what the topic "federal workers" says, not a topic of its own.
func (a *analysis) adjoins(c, label *candidate) bool {
	n, m := len(c.words), len(label.words)
	for _, o := range c.occurrences {
		first := int(o)
		before := first >= m && slices.Equal(a.keys[first-m:first], label.words) && a.tokens[first].joined
		after := first+n+m <= len(a.keys) && slices.Equal(a.keys[first+n:first+n+m], label.words) && a.tokens[first+n].joined
		if !before && !after {
			return false
		}
	}
	return true
}

// related reports whether c shares a specific word, or its root, with a
// chosen topic ("protesters" and "protests").
func (a *analysis) related(groups []*group, c *candidate) bool {
	for _, g := range groups {
		for _, w := range c.words {
			if a.isVague(w) {
				continue
			}
			for _, v := range g.label.words {
				if v == w || a.keyRoot(v) == a.keyRoot(w) {
					return true
				}
			}
		}
	}
	return false
}

// isVague reports whether a word key says nothing on its own.
func (a *analysis) isVague(w int32) bool {
	t, i := a.table(w)
	return t.vague[i]
}

// isVagueToken is isVague for a word of the text.
func (l *language) isVagueToken(t *token) bool {
	if t.entry != 0 {
		return l.entries[t.entry].vague
	}
	return l.isVague(t.lower)
}

// isVague reports whether a word says nothing on its own: a stop word, a
// common or vague word, a title, or a compound of them ("early-morning").
func (l *language) isVague(word string) bool {
	if l.vagueKeys[word] {
		return true
	}
	if !strings.ContainsAny(word, "-.") {
		return false
	}
	for _, part := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '.' }) {
		if !l.isVague(part) && len(part) > 1 {
			return false
		}
	}
	return true
}

func keysOf(a *analysis, words []int32) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = a.keyText(w)
	}
	return out
}

// labels writes the chosen topics' labels and their keys: as the document
// writes them, or as the title says them in full (see titleLabel) where no
// other topic has that key.
func (a *analysis) labels(groups []*group, title [][]titleWord) (labels, keys []string) {
	labels, keys = make([]string, len(groups)), make([]string, len(groups))
	taken := map[string]bool{}
	for i, g := range groups {
		labels[i], keys[i] = a.label(g.label), g.label.key
		taken[keys[i]] = true
	}
	for i, g := range groups {
		if text, key, ok := a.titleLabel(g.label, title); ok && !taken[key] {
			labels[i], keys[i] = text, key
			taken[key] = true
		}
	}
	return labels, keys
}

// label writes c as the document most often does, preferring a writing
// where its capitals mean something, and a name over its adjective ("Syria"
// over "Syrian").
func (a *analysis) label(c *candidate) string {
	weight := map[string]int{}
	var order []string
	for _, first := range c.occurrences {
		text := a.phraseText(int(first), len(c.words))
		w := 4
		if a.tokens[first].atCapitalStart {
			w = 2
		}
		if a.viaPertainym(int(first), len(c.words)) {
			w = 1
		}
		if _, seen := weight[text]; !seen {
			order = append(order, text)
		}
		weight[text] += w
	}
	best := order[0]
	for _, text := range order[1:] {
		if weight[text] > weight[best] {
			best = text
		}
	}
	return a.caseLabel(best, c)
}

// phraseText is the text of n words from token first, spaces tidied, an
// abbreviation's last full stop kept ("U.N.").
func (a *analysis) phraseText(first, n int) string {
	last := &a.tokens[first+n-1]
	end := int(last.end)
	if strings.Contains(last.lower, ".") && strings.HasPrefix(a.text[end:], ".") {
		end++
	}
	raw := a.text[a.tokens[first].start:end]
	if !strings.ContainsAny(raw, "\n\t\r\u00a0") && !strings.Contains(raw, "  ") {
		return raw
	}
	return strings.Join(strings.Fields(raw), " ")
}

func (a *analysis) viaPertainym(first, n int) bool {
	last := first + n - 1
	return a.keyText(a.keys[last]) != singular(a.tokens[last].lower) && !a.lang.nounsCapitalised
}

// caseLabel lower-cases the first letter of an English label that is
// capitalised only because every writing of it starts a sentence, when the
// word is a known common word.
func (a *analysis) caseLabel(label string, c *candidate) string {
	firstWord := a.tokens[c.occurrences[0]].lower
	if e := a.lang.entry(firstWord); a.lang.nounsCapitalised || !e.known || e.usuallyCapitalised() {
		return label
	}
	for _, first := range c.occurrences {
		if !a.tokens[first].atCapitalStart || a.roles[first] == roleName {
			return label
		}
	}
	r, size := utf8.DecodeRuneInString(label)
	return string(unicode.ToLower(r)) + label[size:]
}

// reason tells the researcher why a quote got a topic.
func (a *analysis) reason(h hit) string {
	return mentionReason(h.near, a.phraseText(int(h.first), int(h.words)))
}

// mentionReason is the reason given for an assignment: `the quote mentions
// “Syria”`.
func mentionReason(near Closeness, text string) string {
	return near.String() + " mentions “" + text + "”"
}

// phrases lists the document's key phrases with their quotes, in key order.
func (a *analysis) phrases(cands []*candidate) []Phrase {
	close := make([]int, len(cands))
	phrases, hits := 0, 0
	for i, c := range cands {
		if close[i] = c.closeHits(); close[i] > 0 && !a.allVague(c) {
			phrases++
			hits += close[i]
		}
	}
	out := make([]Phrase, 0, phrases)
	backing := make([]Hit, 0, hits) // the phrases' hits, one array for all
	for i, c := range cands {
		if close[i] == 0 || a.allVague(c) {
			continue
		}
		p := Phrase{Key: c.key, Label: a.phraseText(int(c.occurrences[0]), len(c.words)), Score: c.score, Count: c.count()}
		start := len(backing)
		for _, h := range c.hits {
			if h.near >= InSentence {
				backing = append(backing, Hit{Quote: int(h.quote), Near: h.near, Text: a.phraseText(int(h.first), int(h.words))})
			}
		}
		p.Hits = backing[start:len(backing):len(backing)]
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func (a *analysis) allVague(c *candidate) bool {
	for _, w := range c.words {
		if !a.isVague(w) {
			return false
		}
	}
	return true
}
