package attrib

import (
	"verbatim/core/extract/lexicon"
)

// A family learnt from the dialogue: whoever calls the one they answer
// “Mother” or “Papa” is that person's child. The title and surname that
// kinTitled reads never reach a parent the book names by a given name
// alone, nor the child of a mother whose daughter has no surname; the
// vocative does.

// kinKey is a relation of one person: their mother, their father, as
// one turn of dialogue showed it.
type kinKey struct {
	child    int    // entity, as found when learnt
	relation string // the relation noun: “mother”, “father”
	parent   int    // entity, as found when learnt
}

// learnFamily records, when turn t calls someone by a relation word
// (“Oh, mother, do come!”), the speaker of the turn before as that
// relation of turn t's speaker.
func (p *pass) learnFamily(turns []turn, t int) {
	tr := &turns[t]
	if len(p.lx.KinVocatives) == 0 || tr.speaker < 0 || t == 0 || turns[t-1].conv != tr.conv || turns[t-1].speaker < 0 {
		return
	}
	child, parent := p.ents.find(tr.speaker), p.ents.find(turns[t-1].speaker)
	if parent == child {
		return
	}
	rel := p.turnKinVocative(tr)
	if rel == "" {
		return
	}
	if g, ok := p.lx.PersonNouns[rel]; ok && g != lexicon.GenderUnknown && !p.fits(parent, g) {
		return
	}
	if p.family == nil {
		p.family = map[kinKey]int{}
	}
	p.family[kinKey{child, rel, parent}]++
}

// turnKinVocative is the relation noun turn tr calls someone by
// (kinVocative of its first quote that has one), read once per turn: a
// pronoun tag's reading and learnFamily both ask.
func (p *pass) turnKinVocative(tr *turn) string {
	if !tr.kinRead {
		for i := tr.first; i <= tr.last && tr.kin == ""; i++ {
			tr.kin = p.kinVocative(i)
		}
		tr.kinRead = true
	}
	return tr.kin
}

// kinVocative is the relation noun quote i calls someone by at either
// end of one of its pieces (“Mother, come here!”, “…, papa?”), "" if
// none.
func (p *pass) kinVocative(i int) string {
	for _, f := range p.quotes[i].Fragments {
		toks := tokenize(p.bufA[:0], p.text, f.Start, min(f.End, f.Start+vocativeWindow), p.lx)
		p.bufA = toks
		// “Mother, do come!”, “My dear mother, …”; not “My mother, I
		// meant.” The relation word is looked for first: most quotes
		// have none.
		k := 0
		for k < len(toks) && k < 5 && (!toks[k].word || p.lx.KinVocatives[toks[k].text] == "") {
			k++
		}
		if k+1 < len(toks) && k < 5 && isVocativeEnd(toks[k+1].text) && toks[k+1].text != "." && (k == 0 || !equalLower(toks[k-1].text, "my")) && onlyLeads(toks[:k]) {
			return p.lx.KinVocatives[toks[k].text]
		}
		toks = tokenize(p.bufA[:0], p.text, max(f.Start, f.End-vocativeWindow), f.End, p.lx)
		p.bufA = toks
		k = len(toks) - 1
		for k >= 0 && !toks[k].word {
			k--
		}
		if k < 1 || k+1 >= len(toks) || !isVocativeEnd(toks[k+1].text) {
			continue
		}
		// “…, mother.”, “…, dear papa!”; not “…told my mother.”
		if toks[k-1].text != "," && !(isVocativeLead(toks[k-1].text) && k >= 2 && toks[k-2].text == ",") {
			continue
		}
		if rel := p.lx.KinVocatives[toks[k].text]; rel != "" {
			return rel
		}
	}
	return ""
}

// kinLearnt is the relation a kinship tag names (“said her mother”)
// of owner, the one its possessive points to, as the dialogue taught it:
// the one owner most often called “Mother”; or, for a child noun (“said
// his son”), the one of gender g who most often called owner by a
// relation word; -1 if none, or a tie.
func (p *pass) kinLearnt(owner, i int, g lexicon.Gender) int {
	if owner < 0 || len(p.family) == 0 {
		return -1
	}
	head, _ := nominalHead(p.info[i].m.core)
	head = lower(head)
	child := p.lx.ChildNouns[head]
	owner = p.ents.find(owner)
	votes := map[int]int{}
	for k, n := range p.family {
		switch {
		case child && p.ents.find(k.parent) == owner && p.fits(k.child, g):
			votes[p.ents.find(k.child)] += n
		case !child && k.relation == head && p.ents.find(k.child) == owner:
			votes[p.ents.find(k.parent)] += n
		}
	}
	return mostVoted(votes)
}

// kinAddressee is the one turn t calls by a relation word (“…, you see,
// mother, …”), as the family learnt so far knows them: the person most
// often called so; -1 if the turn calls no one so, the family knows no
// one, or two are called so equally often.
func (p *pass) kinAddressee(turns []turn, t int) int {
	if len(p.family) == 0 {
		return -1
	}
	rel := p.turnKinVocative(&turns[t])
	if rel == "" {
		return -1
	}
	votes := map[int]int{}
	for k, n := range p.family {
		if k.relation == rel {
			votes[p.ents.find(k.parent)] += n
		}
	}
	return mostVoted(votes)
}

// mostVoted is the key with the most votes, -1 if none or a tie.
func mostVoted(votes map[int]int) int {
	best, bestVotes, tie := -1, 0, false
	for id, n := range votes {
		switch {
		case n > bestVotes:
			best, bestVotes, tie = id, n, false
		case n == bestVotes:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// onlyLeads reports whether toks hold no word but those that may come
// before a vocative (“Oh, dear …”).
func onlyLeads(toks []token) bool {
	for _, tk := range toks {
		if tk.word && !isVocativeLead(tk.text) {
			return false
		}
	}
	return true
}
