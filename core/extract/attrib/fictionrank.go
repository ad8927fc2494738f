package attrib

import (
	_ "embed"
	"math"
	"strings"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// The fiction ranker. A tag's “he” or “she” is one of a handful of
// people: those who spoke in the last turns, the one just addressed, those
// the narration around the quote names. A linear model scores each of
// them from where and how they were last seen (fictionfeat.go), and the
// best one speaks. The model learns from the novels' own text, with no
// annotation (go run ./core/extract/train -fiction): a quote tagged with a
// name (“…,” said Elinor) is a quote tagged “she said” whose answer is
// known; its candidates are gathered with the name masked, and the model
// learns which of them the name was.

// fictionModelFile holds the weights learned by the training command.
//
//go:embed fiction_en.txt
var fictionModelFile string

// loadFictionModel reads the embedded weights; nil when there are none
// (the rules of dialogue.go then resolve every pronoun).
func loadFictionModel() *Model {
	m, err := parseModel(FictionFeatureNames(), fictionModelFile)
	if err != nil {
		panic("attrib: embedded fiction_en.txt: " + err.Error())
	}
	for _, w := range m.weights {
		if w != 0 {
			return m
		}
	}
	return nil
}

// ParseFictionModel reads a fiction ranker's weights file, in the format
// of ParseRanker.
func ParseFictionModel(data string) (*Model, error) {
	return parseModel(FictionFeatureNames(), data)
}

// NewFictionModel builds a fiction ranker from weights by feature name
// (FictionFeatureNames).
func NewFictionModel(weights map[string]float64) (*Model, error) {
	return newModel(FictionFeatureNames(), weights)
}

// Bounds of the narration read for candidates: the window before a quote
// (in its paragraph and the two before it) and the part of a quote read
// for the names it says.
const (
	rankNarration = 600
	quoteNames    = 300
)

// rankFiction picks the speaker of quote i, in turn t, referred to with
// gender g (by a pronoun, or a description: “the girl”), among the people of the conversation who fit g: -1 when the
// model is missing or leaves the choice to the rules of dialogue.go. The
// model reads the narration better than those rules, but a run of bare
// dialogue (the quote opens its paragraph) goes by turns, which the rules
// follow better: there it picks only when one person alone fits.
func (p *pass) rankFiction(turns []turn, t, i int, g lexicon.Gender) (id int, conf float64) {
	if p.fictionModel == nil {
		return -1, 0
	}
	narration := p.hasNarrationBefore(i)
	owner := p.kinOwner(turns, t, i)
	if owner < 0 && !narration && countFitting(p.conversationCandidates(turns, t, i), g) > 1 {
		return -1, 0 // before reading any text: more people will not make fewer
	}
	cands := withoutAddressee(keepFittingOrAtHand(p.fictionCandidates(turns, t, i, g, core.Span{}), g), p.ents, turns[t].addressee)
	cands = withoutAddressee(cands, p.ents, p.narrator) // “I” tells the story: never “he”
	if id := p.kinTitled(owner, i, g); id >= 0 && (turns[t].addressee < 0 || id != p.ents.find(turns[t].addressee)) {
		return id, 0.6
	}
	if id := p.kinLearnt(owner, i, g); id >= 0 && (turns[t].addressee < 0 || id != p.ents.find(turns[t].addressee)) {
		return id, 0.6
	}
	if id := p.kinOf(owner, cands); id >= 0 {
		return id, 0.6
	}
	if len(cands) == 0 || len(cands) > 1 && !narration {
		return -1, 0
	}
	if len(cands) == 1 && (chainObject(&cands[0]) || seenOnlyAfter(&cands[0])) {
		return -1, 0
	}
	p.describeFiction(i, cands)
	best, bestScore := -1, math.Inf(-1)
	scores := p.scores[:0]
	for c := range cands {
		s := p.fictionModel.score(cands[c].feats)
		scores = append(scores, s)
		if s > bestScore {
			best, bestScore = c, s
		}
	}
	p.scores = scores
	total := 0.0
	for _, s := range scores {
		total += math.Exp(s - bestScore)
	}
	return cands[best].id, 1 / total
}

// withoutAddressee drops the person the turn addresses by name (“You're
// old enough to pray for yourself, Anne,” she said): no one speaks to
// themselves.
func withoutAddressee(cands []fictionCand, ents *registry, addressee int) []fictionCand {
	if addressee < 0 {
		return cands
	}
	a := ents.find(addressee)
	kept := cands[:0]
	for _, c := range cands {
		if ents.find(c.id) != a {
			kept = append(kept, c)
		}
	}
	return kept
}

// Kinds of training examples of the fiction ranker.
const (
	// A quote tagged with a name, among the candidates of its gender.
	ExampleName = "name"
	// A quote tagged with a name or a pronoun where one candidate alone
	// has the tag's gender: that one, among all the candidates.
	ExampleGender = "gender"
)

// collectFictionExamples hands the training command quote i, tagged with
// a name or a pronoun, as the examples it makes (ExampleName,
// ExampleGender).
func (p *pass) collectFictionExamples(turns []turn, t, i int) {
	inf := &p.info[i]
	if !isTagRule(inf.rule) {
		return
	}
	answer, g, mask := -1, lexicon.GenderUnknown, core.Span{}
	switch inf.m.kind {
	case nameMention:
		if inf.entity < 0 {
			return
		}
		answer = p.ents.find(inf.entity)
		g, mask = p.ents.get(answer).gender, core.Span{Start: inf.m.start, End: inf.m.end}
	case pronounMention:
		g = inf.m.gender
	}
	if g != lexicon.Male && g != lexicon.Female {
		return
	}
	cands := p.fictionCandidates(turns, t, i, g, mask)
	if unique := p.onlyFitting(cands, g); unique >= 0 && (answer < 0 || answer == unique) {
		p.describeFiction(i, cands)
		p.collectFiction(ExampleGender, cands, unique)
	}
	if answer >= 0 {
		cands = keepFitting(cands, g)
		p.describeFiction(i, cands)
		p.collectFiction(ExampleName, cands, answer)
	}
}

// onlyFitting returns the one candidate of gender g when there are others
// and all show their gender, else -1.
func (p *pass) onlyFitting(cands []fictionCand, g lexicon.Gender) int {
	if len(cands) < 2 {
		return -1
	}
	found := -1
	for _, c := range cands {
		switch {
		case c.gender == lexicon.GenderUnknown:
			return -1
		case c.gender != g:
		case found >= 0:
			return -1
		default:
			found = c.id
		}
	}
	return found
}

// isTagRule reports the rules of a tag next to the quote, whose mention
// could as well have been a pronoun.
func isTagRule(rule string) bool {
	switch rule {
	case RuleSpeakerCue, RuleCueSpeaker, RuleInterrupted, RuleBefore:
		return true
	}
	return false
}

// FictionExample is one quote of a novel tagged with a name, for training
// the fiction ranker: its candidates' features (ids into
// FictionFeatureNames) and which candidate the name was.
type FictionExample struct {
	Kind       string // ExampleName or ExampleGender
	Candidates [][]int
	Right      []bool
}

// FictionExamples attributes in (read as fiction) like Attribute and
// returns every quote tagged with a name as a training example; none when
// in does not read as fiction.
func (a *Attributor) FictionExamples(in Input) []FictionExample {
	var out []FictionExample
	p := a.newPass(in)
	p.collectFiction = func(kind string, cands []fictionCand, answer int) {
		ex := FictionExample{Kind: kind}
		for _, c := range cands {
			ex.Candidates = append(ex.Candidates, ids(c.feats))
			ex.Right = append(ex.Right, c.id == answer)
		}
		out = append(out, ex)
	}
	p.run()
	return out
}

// WithFictionModel returns a copy of a that ranks fiction's pronoun tags
// with m (none when nil): the training command learns with the rules
// alone, then with its own model in place.
func (a *Attributor) WithFictionModel(m *Model) *Attributor {
	b := *a
	b.fictionModel = m
	return &b
}

// chainObject reports a candidate the narration names only inside
// sentences led by the tag's pronoun, never as a subject (“He had last
// seen Rodney… He looked along the road… ¶ “…,” he remarked”): the
// pronoun there is someone else, named before the chain.
func chainObject(c *fictionCand) bool {
	return c.pronounSent && !c.hereSubject && !c.prevSubject && !c.spokeHere
}

// seenOnlyAfter reports a candidate seen nowhere before the quote: not
// speaking, addressed or named in the narration before it, only in the
// quote or the narration after it.
func seenOnlyAfter(c *fictionCand) bool {
	return !c.spokeHere && c.spokeAt == 0 && c.addressedAt == 0 && c.party == 0 && c.hereAt < 0 && c.prevAt < 0
}

// kinOwner is, for a tag that describes the speaker by kinship to
// someone (“said her mother”, “cried his father”), the one the
// possessive points to: the speaker of the turn before, when of its
// gender; else whom the narration just before names (“…talk to Mrs.
// Pontellier. ¶ “…,” instructed her husband”, after a man's turn); -1
// if none.
func (p *pass) kinOwner(turns []turn, t, i int) int {
	m := p.info[i].m
	if m.kind != nominalMention || t == 0 || turns[t-1].conv != turns[t].conv || turns[t-1].speaker < 0 {
		return -1
	}
	sp := strings.IndexByte(m.core, ' ')
	if sp < 0 {
		return -1
	}
	pg := possessiveGender(lower(m.core[:sp]))
	if _, person := p.personNoun(m); !person || pg != lexicon.Male && pg != lexicon.Female {
		return -1
	}
	if owner := p.ents.find(turns[t-1].speaker); p.fits(owner, pg) {
		return owner
	}
	if owner := p.nearSubject(i, pg, -1); owner >= 0 {
		return p.ents.find(owner)
	}
	return -1
}

// kinOf is the one candidate who shares the surname of owner, the person
// a kinship tag's possessive points to; -1 if not exactly one: a family
// in a novel shares a name (Mrs. Honeychurch is Lucy Honeychurch's
// mother).
func (p *pass) kinOf(owner int, cands []fictionCand) int {
	if owner < 0 {
		return -1
	}
	surname := p.surnameOf(p.ents.get(owner))
	if surname == "" {
		return -1
	}
	kin := -1
	for _, c := range cands {
		if c.id == owner || p.surnameOf(p.ents.get(c.id)) != surname {
			continue
		}
		if kin >= 0 {
			return -1
		}
		kin = c.id
	}
	return kin
}

// kinTitled is the character a kinship tag names through the title its
// relation implies and the surname of owner, the person the possessive
// points to (“said her mother” after Marianne Dashwood: Mrs. Dashwood),
// -1 if the book names no one so. It comes before kinOf: a sister shares
// the surname too, and the parent is often not among the candidates,
// seen last pages before.
func (p *pass) kinTitled(owner, i int, g lexicon.Gender) int {
	if owner < 0 {
		return -1
	}
	m := p.info[i].m
	head, _ := nominalHead(m.core)
	titles, ok := p.lx.KinTitles[lower(head)]
	surname := p.surnameOf(p.ents.get(owner))
	if !ok || surname == "" {
		return -1
	}
	if titles[1] != "" && p.titledChar(titles[1], surname, lexicon.GenderUnknown, m.start) != p.ents.find(owner) {
		return -1
	}
	if id := p.titledChar(titles[0], surname, g, m.start); id != p.ents.find(owner) {
		return id
	}
	return -1
}

// titledChar is the entity of the person the book names with title and
// surname (“Mrs. Dashwood”) where a mention at pos would name them, -1 if
// none or not of gender g.
func (p *pass) titledChar(title, surname string, g lexicon.Gender, pos int) int {
	c := p.cast.formChar(p.cast.forms[title+" "+surname], mention{gender: g, start: pos})
	if c < 0 || p.cast.chars[c].thing || !p.cast.chars[c].person && !p.cast.chars[c].spoke {
		return -1
	}
	if id := p.castEntity(c); g == lexicon.GenderUnknown || p.fits(id, g) {
		return id
	}
	return -1
}
