package topics

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// candidate is a phrase of one to maxWords words that could label a topic,
// with every place the document uses it.
type candidate struct {
	words       []int32 // key ids of its words
	occurrences []int32 // first token of each occurrence, in text order
	hits        []hit   // one per quote whose context has it
	key         string
	score       float64
}

// hit is a quote whose context holds the phrase.
type hit struct {
	quote int32
	near  Closeness
	first int32 // first token of the occurrence that counts
	words int32 // its length in words
}

func (c *candidate) count() int { return len(c.occurrences) }

// candidates lists the phrases of the document that could label a topic:
// those that occur in a sentence a quote stands in, for only they can be
// near a quote (see candidate.closeHits), with all their occurrences. The
// occurrences and hits of all candidates share two arrays, so that a
// document costs a few allocations, not one per phrase.
func (a *analysis) candidates() []*candidate {
	quoted := make([]bool, len(a.sentences))
	for s, refs := range a.quotesBySentence {
		for _, ref := range refs {
			quoted[s] = quoted[s] || ref.near == InSentence
		}
	}
	index := map[[maxWords]int32]int32{}
	var firsts []occurrence // per candidate, an occurrence
	var near, far []occurrence
	// Phrases of quoted sentences become candidates; elsewhere they only
	// add occurrences to candidates.
	for _, inQuoted := range []bool{true, false} {
		a.eachPhrase(quoted, inQuoted, func(s, e int) {
			var k [maxWords]int32
			for i := range k {
				k[i] = -1
			}
			copy(k[:], a.keys[s:e+1])
			o := occurrence{0, int32(s), int32(e - s + 1)}
			id, ok := index[k]
			switch {
			case ok:
				o.candidate = id
			case !inQuoted:
				return
			default:
				o.candidate = int32(len(firsts))
				index[k] = o.candidate
				firsts = append(firsts, o)
			}
			if inQuoted {
				near = append(near, o)
			} else {
				far = append(far, o)
			}
		})
	}
	return a.gather(firsts, mergeOccurrences(near, far))
}

// eachPhrase calls do with the first and last token of every phrase that
// could be a label, in text order, in the sentences where quoted is want.
func (a *analysis) eachPhrase(quoted []bool, want bool, do func(s, e int)) {
	for lo := 0; lo < len(a.tokens); {
		if a.roles[lo] == roleBreak {
			lo++
			continue
		}
		hi := lo + 1 // a run of words, all in one sentence
		for hi < len(a.tokens) && a.roles[hi] != roleBreak && a.tokens[hi].joined {
			hi++
		}
		if quoted[a.tokens[lo].sentence] == want {
			for s := lo; s < hi; s++ {
				for e := s; e < hi && e < s+maxWords; e++ {
					if a.isPhrase(lo, hi, s, e) {
						do(s, e)
					}
				}
			}
		}
		lo = hi
	}
}

// mergeOccurrences merges two lists of occurrences in text order.
func mergeOccurrences(x, y []occurrence) []occurrence {
	out := make([]occurrence, 0, len(x)+len(y))
	for len(x) > 0 && len(y) > 0 {
		if x[0].first < y[0].first || x[0].first == y[0].first && x[0].words < y[0].words {
			out, x = append(out, x[0]), x[1:]
		} else {
			out, y = append(out, y[0]), y[1:]
		}
	}
	return append(append(out, x...), y...)
}

// occurrence is one place a candidate stands: its first token and length.
type occurrence struct{ candidate, first, words int32 }

// gather makes the candidates from their occurrences, with the hits of the
// quotes whose context holds them.
func (a *analysis) gather(firsts, all []occurrence) []*candidate {
	cands := make([]candidate, len(firsts))
	list := make([]*candidate, len(firsts))
	occurrences, hits := make([]int, len(firsts)), make([]int, len(firsts))
	for _, o := range all {
		occurrences[o.candidate]++
		hits[o.candidate] += len(a.quotesBySentence[a.tokens[o.first].sentence])
	}
	occBacking := make([]int32, 0, len(all))
	var hitBacking []hit
	if n := sum(hits); n > 0 {
		hitBacking = make([]hit, 0, n)
	}
	for i, f := range firsts {
		c := &cands[i]
		c.words = a.keys[f.first : f.first+f.words]
		c.occurrences = occBacking[len(occBacking) : len(occBacking) : len(occBacking)+occurrences[i]]
		occBacking = occBacking[:len(occBacking)+occurrences[i]]
		c.hits = hitBacking[len(hitBacking) : len(hitBacking) : len(hitBacking)+hits[i]]
		hitBacking = hitBacking[:len(hitBacking)+hits[i]]
		list[i] = c
	}
	for _, o := range all {
		c := &cands[o.candidate]
		c.occurrences = append(c.occurrences, o.first)
		t := &a.tokens[o.first]
		for _, ref := range a.quotesBySentence[t.sentence] {
			near := ref.near
			if near == InSentence && a.insideMarks(ref.quote, int(t.start)) {
				near = InQuote
			}
			c.addHit(hit{quote: ref.quote, near: near, first: o.first, words: o.words})
		}
	}
	return list
}

func sum(counts []int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// isPhrase reports whether tokens s..e of the chunk lo..hi-1 can form a label:
// it ends in a noun or name, splits no name, and neither starts nor ends
// with a common word ("new sanctions" is "sanctions").
func (a *analysis) isPhrase(lo, hi, s, e int) bool {
	r := a.roles
	if r[e] != roleNoun && r[e] != roleName || r[s] == roleConnector {
		return false
	}
	inName := func(i int) bool { return r[i] == roleName || r[i] == roleConnector }
	if s > lo && r[s] == roleName && inName(s-1) && !a.tokens[s-1].flags.has(isTitle) {
		return false
	}
	if e+1 < hi && r[e] == roleName && inName(e+1) {
		return false
	}
	return (r[s] == roleName || !a.tokens[s].flags.has(isGeneric)) &&
		(r[e] == roleName || !a.tokens[e].flags.has(isGeneric))
}

// addHit records h, keeping one hit per quote, the closest.
func (c *candidate) addHit(h hit) {
	for i := len(c.hits) - 1; i >= 0; i-- {
		if c.hits[i].quote == h.quote {
			if h.near > c.hits[i].near {
				c.hits[i] = h
			}
			return
		}
	}
	c.hits = append(c.hits, h)
}

// closeHits counts the quotes that say c or stand in a sentence that does.
func (c *candidate) closeHits() int {
	n := 0
	for _, h := range c.hits {
		if h.near >= InSentence {
			n++
		}
	}
	return n
}

// keyOf is a candidate's normalised text: its word keys joined by spaces.
func (a *analysis) keyOf(c *candidate) string {
	parts := make([]string, len(c.words))
	for i, w := range c.words {
		parts[i] = a.keyText(w)
	}
	return strings.Join(parts, " ")
}

// Label quality knobs, tuned by reading suggestions for real articles (see
// docs/TOPICS.md).
const (
	// minSpecificity: a label whose words are on average more common in the
	// background corpus is too vague ("campaign" in political news). 0.3 is
	// a word in about one background document in eight.
	minSpecificity = 0.3
	// Weights of a phrase's evidence: a quote that says it, a quote whose
	// sentence says it, a quote next to a sentence that says it, and each time the
	// document says it again (up to maxRepeats times).
	weightInQuote      = 1.0
	weightInSentence   = 0.6
	weightNextSentence = 0.15
	weightRepeated     = 0.4
	maxRepeats         = 6
	// phraseBonus favours a repeated phrase of several words over its parts.
	phraseBonus = 0.25
	// titleBonus favours what the headline is about.
	titleBonus = 1.5
	// minModifierTopicality: a phrase said once that starts with a less
	// bursty adjective ("vast", "final", "real", "disgusting") is no label;
	// "nuclear", "military" or "foreign" start labels.
	minModifierTopicality = 0.6
)

// score rates c as a topic label; ok is false when c must not be one.
func (a *analysis) score(c *candidate) (score float64, ok bool) {
	if c.closeHits() == 0 {
		return 0, false
	}
	first := int(c.occurrences[0])
	var specific, topical float64
	newsworthy := 1.0
	content := 0
	for i := range c.words {
		t := &a.tokens[first+i]
		key := a.keyText(c.words[i])
		word := &a.lang.entries[t.entry]
		switch {
		case a.personWords[t.lower] || a.personWords[key]:
		case a.isVague(c.words[i]) || a.lang.isVagueToken(t) || a.roles[first+i] == roleConnector:
		default:
			content++
			// The commoner of the word as written and its key: "elections"
			// is as vague as "election".
			specific = max(specific, min(word.specificity, a.lang.entry(key).specificity))
			topical = max(topical, word.topicality)
			if a.roles[first+i] != roleName {
				newsworthy = min(newsworthy, word.newsworthiness)
			}
		}
	}
	if content == 0 {
		return 0, false // vague, or a speaker's name ("President Trump")
	}
	last := first + len(c.words) - 1
	if a.rhetorical(c, first) || a.office(last) {
		return 0, false
	}
	if len(c.words) == 1 && !a.goodSingleWord(&a.tokens[first]) {
		return 0, false
	}
	if a.roles[first] == roleModifier && c.count() < 2 && a.lang.entries[a.tokens[first].entry].burstiness < minModifierTopicality {
		// Said once, "vast majority" or "final month" is a turn of
		// phrase, not a theme as "nuclear weapons" is.
		return 0, false
	}
	if specific < minSpecificity {
		return 0, false
	}
	evidence := weightRepeated * float64(min(c.count()-1, maxRepeats))
	for _, h := range c.hits {
		switch h.near {
		case InQuote:
			evidence += weightInQuote
		case InSentence:
			evidence += weightInSentence
		default:
			evidence += weightNextSentence
		}
	}
	if len(c.words) > 1 && c.count() > 1 {
		evidence *= 1 + phraseBonus*float64(len(c.words)-1)
	}
	if a.inTitle(c) {
		evidence *= titleBonus
	}
	if a.roles[last] != roleName {
		// "legs", "season": the head noun's kind of meaning.
		evidence *= a.lang.entries[a.tokens[last].entry].senseWeight
	}
	return math.Sqrt(specific) * newsworthy * topical * evidence, true
}

// rhetorical reports whether c names a speech act or a judgement rather
// than a subject ("plea", "biggest lie", "disgusting fraud"): it has a
// rhetorical word anywhere but at its end after a noun ("budget impasse").
func (a *analysis) rhetorical(c *candidate, first int) bool {
	last := len(c.words) - 1
	for i := range c.words {
		if a.tokens[first+i].flags.has(isRhetorical) && (i < last || i == 0 || a.roles[first+i-1] == roleModifier) {
			return true
		}
	}
	return false
}

// office reports whether a phrase ending with token last names an office
// rather than a topic: it ends with a title ("vice president", "mexikanische
// Präsident", "Senate Minority Leader") that is not usually part of a name
// ("Martin Luther King").
func (a *analysis) office(last int) bool {
	t := &a.tokens[last]
	return t.flags.has(isTitle) && (a.roles[last] != roleName || !a.lang.traits[t.entry].usuallyCapitalised)
}

// inTitle reports whether every word of c is in the document's title.
func (a *analysis) inTitle(c *candidate) bool {
	for _, w := range c.words {
		if !a.titleWords[a.keyText(w)] {
			return false
		}
	}
	return true
}

// goodSingleWord rejects one-word labels that read badly: single letters,
// short lower-case words.
func (a *analysis) goodSingleWord(t *token) bool {
	n := utf8.RuneCountInString(t.lower)
	if t.acronym {
		return n >= 2
	}
	return n >= 3 && strings.IndexFunc(t.lower, unicode.IsLetter) >= 0
}
