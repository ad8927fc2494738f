package attrib

import (
	"math"
	"sort"
	"strings"

	"verbatim/core/extract/lexicon"
)

// Who a scene follows. A novel stays with one person through a scene: the
// narration makes them the subject of its sentences again and again
// (“Archer walked…”, “He looked at his watch…”) while the people around
// them are named now and then, mostly as objects. A pronoun whose
// narration names no one of its gender for pages is most often that
// person, not whoever of the gender spoke last. When a pronoun needs it,
// the tracker reads the narration of the last pages before the quote
// (back to the chapter heading or a row of asterisks that starts the
// scene, at most sceneWindow bytes) and weighs who leads its sentences: a
// sentence led by a name counts for that person, one led by “he” or
// “she” (or “his”, “her”) for the person of that gender the sentence
// before was about; recent sentences weigh more.

// sceneTracker is the state of that reading.
type sceneTracker struct {
	para  int // the paragraph the weights were read for, -1 if none
	quote int // the first quote that may lie in the paragraph being read or after it
	sents int // sentences read so far
	lead  map[int]sceneWeight
	about [2]int // per gender slot, whom the last sentences were about; -1
	toks  []token
}

// sceneWeight is a person's weight in the scene as of sentence at.
type sceneWeight struct {
	weight float64
	at     int
}

// sceneDecay is what a sentence weighs one sentence later: the lead of
// a scene is whom the last pages follow (half the weight after about
// fourteen sentences).
const sceneDecay = 0.95

// sceneWindow bounds the narration read for a scene: a sentence read
// that far back (about a hundred sentences) weighs next to nothing.
const sceneWindow = 8000

// minSceneLead is the least weight of a scene's lead: about three
// recent sentences.
const minSceneLead = 3

func newSceneTracker() *sceneTracker {
	return &sceneTracker{para: -1, lead: map[int]sceneWeight{}, about: [2]int{-1, -1}}
}

// genderSlot maps male and female to the tracker's slots; -1 otherwise.
func genderSlot(g lexicon.Gender) int {
	switch g {
	case lexicon.Male:
		return 0
	case lexicon.Female:
		return 1
	}
	return -1
}

// weightNow is w as of the last sentence read.
func (s *sceneTracker) weightNow(w sceneWeight) float64 {
	return w.weight * math.Pow(sceneDecay, float64(s.sents-w.at))
}

// credit adds a sentence led by id.
func (s *sceneTracker) credit(id int) {
	s.lead[id] = sceneWeight{weight: s.weightNow(s.lead[id]) + 1, at: s.sents}
}

// readScene weighs the narration of the scene before paragraph para:
// back from it to the paragraph that opens the scene, at most
// sceneWindow bytes.
func (p *pass) readScene(para int) {
	s := p.scene
	if s.para == para {
		return
	}
	s.para, s.sents, s.about = para, 0, [2]int{-1, -1}
	clear(s.lead)
	from := para
	for from > 0 && p.paras[para-1].End-p.paras[from-1].Start <= sceneWindow {
		prev := p.paras[from-1]
		if isSceneBreak(p.text[prev.Start:prev.End]) {
			break
		}
		from--
	}
	if from == para {
		return
	}
	s.quote = sort.Search(len(p.quotes), func(q int) bool { return p.quotes[q].Span.End > p.paras[from].Start })
	for k := from; k < para; k++ {
		p.readSceneNarration(p.paras[k].Start, p.paras[k].End)
	}
}

// readSceneNarration reads the narration of text[a:b], leaving quotes
// out.
func (p *pass) readSceneNarration(a, b int) {
	s := p.scene
	for s.quote < len(p.quotes) && p.quotes[s.quote].Span.End <= a {
		s.quote++
	}
	afterQuote := false
	for a < b {
		end, next := b, b
		if s.quote < len(p.quotes) && p.quotes[s.quote].Span.Start < b {
			end = max(a, p.quotes[s.quote].Span.Start)
			next = max(end, p.quotes[s.quote].Span.End)
			s.quote++
		}
		p.readSceneSentences(a, end, afterQuote)
		a, afterQuote = next, true
	}
}

// readSceneSentences weighs the sentences of the narration text[a:b];
// after a quote, its first sentence is the quote's tag (“…,” she said.),
// which tells who speaks, not whom the narration follows.
func (p *pass) readSceneSentences(a, b int, afterQuote bool) {
	s := p.scene
	if b-a < 2 {
		return
	}
	s.toks = tokenize(s.toks[:0], p.text, a, b, p.lx)
	start := 0
	for k := 0; k <= len(s.toks); k++ {
		if k < len(s.toks) && !endsSentence(s.toks, k) {
			continue
		}
		if k > start {
			p.weighSentence(s.toks[start:k], afterQuote && start == 0)
		}
		start = k + 1
	}
}

// possessiveLeads reports a sentence that opens with the possessive of
// g (“Her hands lay still in her lap.”): like one led by “she”, it goes
// on about the woman the sentence before was about.
func possessiveLeads(sent []token, g lexicon.Gender) bool {
	if len(sent) == 0 || !sent[0].word {
		return false
	}
	switch g {
	case lexicon.Male:
		return equalLower(sent[0].text, "his")
	case lexicon.Female:
		return equalLower(sent[0].text, "her")
	}
	return false
}

// sceneSubjectWords is how far into a sentence its leading name is read.
const sceneSubjectWords = 6

// weighSentence credits whoever leads sent, and notes whom it is about;
// a quote's tag credits no one.
func (p *pass) weighSentence(sent []token, tag bool) {
	s := p.scene
	s.sents++
	for _, g := range [2]lexicon.Gender{lexicon.Male, lexicon.Female} {
		if pronounLeads(sent, g) || possessiveLeads(sent, g) {
			if id := s.about[genderSlot(g)]; id >= 0 && !tag {
				s.credit(id)
			}
			return
		}
	}
	subject := -1
	if len(sent) > 0 && (p.isNameWord(sent[0]) || p.titleAlone(sent, 0) >= 0) {
		subject = p.sentenceName(sent[:min(len(sent), sceneSubjectWords)], lexicon.GenderUnknown, -1, true)
	}
	if subject >= 0 {
		subject = p.ents.find(subject)
		s.credit(subject)
	}
	// “He” in the next sentence is the man this one is about: its
	// subject, else the man it names.
	for _, g := range [2]lexicon.Gender{lexicon.Male, lexicon.Female} {
		if subject >= 0 && p.fits(subject, g) {
			s.about[genderSlot(g)] = subject
		} else if id := p.sentenceName(sent, g, -1, false); id >= 0 {
			s.about[genderSlot(g)] = p.ents.find(id)
		}
	}
}

// sceneLead is the person of gender g, not skip, who leads the scene
// before paragraph para: of the greatest weight, at least minSceneLead
// and twice anyone else's of g; -1 if none.
func (p *pass) sceneLead(para int, g lexicon.Gender, skip int) int {
	if len(p.paras) == 0 {
		return -1
	}
	p.readScene(para)
	best, bestWeight, second := -1, 0.0, 0.0
	for id, w := range p.scene.lead {
		if id == skip || !p.fits(id, g) {
			continue
		}
		switch n := p.scene.weightNow(w); {
		case n > bestWeight || n == bestWeight && id < best:
			best, bestWeight, second = id, n, max(second, bestWeight)
		case n > second:
			second = n
		}
	}
	if bestWeight < minSceneLead || bestWeight < 2*second {
		return -1
	}
	return best
}

// maxHeading bounds the length of a chapter heading with its title
// (“CHAPTER II. TREATS OF OLIVER TWIST'S GROWTH, EDUCATION, AND BOARD”).
const maxHeading = 200

// isSceneBreak reports a paragraph that opens a new scene: a chapter
// heading (“CHAPTER IV”, “Chapter 12. The Return”, “XIV.”) or a row of
// asterisks.
func isSceneBreak(para string) bool {
	para = strings.TrimSpace(para)
	if para == "" || len(para) > maxHeading {
		return false
	}
	switch para[0] {
	case '*', 'I', 'V', 'X', 'L', 'C', 'c', 'B', 'b', 'P', 'p':
	default:
		return false
	}
	if strings.Trim(para, "* .") == "" || strings.Trim(para, "IVXLC. ") == "" {
		return true
	}
	sp := strings.IndexAny(para, " \n\t")
	if sp < 0 {
		return false
	}
	first := para[:sp]
	if !strings.EqualFold(first, "chapter") && !strings.EqualFold(first, "book") && !strings.EqualFold(first, "part") {
		return false
	}
	if countWords(para) > maxHeading/8 {
		return false
	}
	w := strings.TrimLeft(para[sp:], " \n\t")
	if end := strings.IndexAny(w, " \n\t"); end >= 0 {
		w = w[:end]
	}
	return w[0] >= '0' && w[0] <= '9' || strings.Trim(w, "IVXLCivxlc.") == "" || w[0] >= 'A' && w[0] <= 'Z'
}

// countWords counts the runs of non-space bytes of s.
func countWords(s string) int {
	n, in := 0, false
	for k := 0; k < len(s); k++ {
		space := s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
