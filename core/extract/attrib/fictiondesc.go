package attrib

import (
	"slices"
	"sort"
	"strings"

	"verbatim/core/extract/lexicon"
)

// A description tag (“said the child”) is often first read before the
// book names the one it describes, and given to whoever the narration
// shows then, or to no one; once the bearer is named, most later tags
// with those words go to them. The readings of the whole book settle each
// description.

// descVote is one reading of a description: its words in lower case and
// the entity it named.
type descVote struct {
	key string
	id  int
}

// minDescReadings is how many readings a description needs before they
// settle it.
const minDescReadings = 3

// settleDescriptions gives each description tag the person most of that
// description's tags in the book were read as, when more than half of at
// least minDescReadings were, and with it the turn the tag settled; a
// tag read as no one settles its turn.
func (p *pass) settleDescriptions(turns []turn) map[string]int {
	keys := make([]string, len(p.info))
	votes := map[descVote]int{}
	totals := map[string]int{}
	for i := range p.info {
		inf := &p.info[i]
		if inf.m.kind != nominalMention {
			continue
		}
		keys[i] = descriptionKey(inf.m.core)
		if inf.entity >= 0 {
			votes[descVote{keys[i], p.ents.find(inf.entity)}]++
			totals[keys[i]]++
		}
	}
	settled := map[string]int{}
	for v, n := range votes {
		if total := totals[v.key]; total >= minDescReadings && 2*n > total {
			settled[v.key] = v.id
		}
	}
	if len(settled) == 0 {
		return nil
	}
	for t := range turns {
		tr := &turns[t]
		for i := tr.first; i <= tr.last; i++ {
			id, ok := settled[keys[i]]
			if !ok || keys[i] == "" {
				continue
			}
			inf := &p.info[i]
			if inf.entity < 0 {
				inf.entity = id
				if inf.conf < 0.4 {
					inf.conf = 0.4
				}
				if !tr.tagged {
					tr.speaker, tr.tagged = id, true
				}
				continue
			}
			if was := p.ents.find(inf.entity); was != id {
				inf.entity = id
				if tr.speaker >= 0 && p.ents.find(tr.speaker) == was {
					tr.speaker = id
				}
			}
		}
	}
	return settled
}

// maxAlternationHops bounds how many turns of one party, either way, the
// alternation is followed for a name.
const maxAlternationHops = 3

// nameDescribedParties gives a description tag (“said the stranger”) the
// name that tags the same party's turns in the same exchange: in a run of
// paragraphs each opening with a quote, two people alternate, so the
// turns two, four or six paragraphs away are the described one's own.
// The turn next to the description's must be tagged by the other party's
// name, and the nearest turn of the described party tagged by a name
// (“…,” said Mr. Monks) gives that name, if no turn of the other party
// bears it and it fits the description's sex. Readings the book settled
// before the sweep (named) stay.
func (p *pass) nameDescribedParties(turns []turn, named []bool) {
	for t := range turns {
		i := p.descriptionTag(&turns[t])
		if i < 0 || named[i] {
			continue
		}
		id := p.alternateName(turns, t, 1)
		if id < 0 {
			id = p.alternateName(turns, t, -1)
		}
		inf := &p.info[i]
		if id < 0 || !p.fits(id, p.descriptionGender(inf.m)) {
			continue // (“the old lady” is not the Mr. Fang of the turns around)
		}
		if p.namedBeside(turns, t, inf.m.core, id) {
			continue // (“Mrs. Pike and the vicar sat by the fire”: two people)
		}
		if tr := &turns[t]; tr.speaker < 0 || inf.entity < 0 || p.ents.find(tr.speaker) == p.ents.find(inf.entity) {
			tr.speaker, tr.tagged = id, true
		}
		inf.entity = id
	}
}

// besideWindow bounds the narration read back from a description tag for
// a sentence that writes it beside a name.
const besideWindow = 1500

// namedBeside reports that a sentence of narration shortly before turn t
// writes the description beside person id's name (“Mrs. Pike and the
// vicar sat by the fire”): they are two of the people present, and the
// alternation of two parties does not make the description that name.
func (p *pass) namedBeside(turns []turn, t int, description string, id int) bool {
	end := p.quotes[turns[t].first].Span.Start
	a := max(0, end-besideWindow)
	low := strings.ToLower(description)
	if !strings.Contains(strings.ToLower(p.text[a:end]), low) {
		return false
	}
	toks := tokenize(nil, p.text, a, end, p.lx) // (peopleIn uses the pass's buffer)
	for s, e := range sentencesBack(toks) {
		for s < e && !toks[s].word {
			s++ // the closing mark of the quote before
		}
		if s >= e {
			continue
		}
		from, to := toks[s].start, toks[e-1].end
		if !strings.Contains(strings.ToLower(p.text[from:to]), low) || p.overlapsQuote(from, to) {
			continue // (the description inside a quote, or a tag's sentence)
		}
		return slices.Contains(p.peopleIn(from, to), id)
	}
	return false
}

// overlapsQuote reports that a quote lies partly in text[from:to].
func (p *pass) overlapsQuote(from, to int) bool {
	k := sort.Search(len(p.quotes), func(k int) bool { return p.quotes[k].Span.End > from })
	return k < len(p.quotes) && p.quotes[k].Span.Start < to
}

// descriptionTag is the quote of turn tr tagged by a definite description
// of a person (“the stranger”, “the old lady”, “the housebreaker”), read
// or not, -1 if none.
func (p *pass) descriptionTag(tr *turn) int {
	for j := tr.first; j <= tr.last; j++ {
		inf := &p.info[j]
		if inf.m.kind != nominalMention || inf.entity >= 0 && !isTagRule(inf.rule) {
			continue
		}
		if len(inf.m.core) < 5 || !equalLower(inf.m.core[:4], "the ") {
			continue
		}
		head, words := nominalHead(inf.m.core)
		if head == "" || head[0] < 'a' || head[0] > 'z' {
			continue // “the Professor”, “the Jew”: a name's
		}
		if words == 2 && p.isBareTrade(head) {
			continue // “the turnkey”: a minor character's trade
		}
		return j
	}
	return -1
}

// alternateName follows turn t's exchange in direction dir (1 or -1) and
// returns the name tagging the nearest turn of t's party, -1 if the
// exchange breaks first, the turn next to t is tagged by no name, or a
// turn of the other party is tagged with that name.
func (p *pass) alternateName(turns []turn, t, dir int) int {
	var others [maxAlternationHops]int
	for k, u := 0, t; k < 2*maxAlternationHops; k++ {
		next := u + dir
		if next < 0 || next >= len(turns) || !p.exchangeGoesOn(turns, u, next, dir) {
			return -1
		}
		u = next
		id := p.nameTagOf(&turns[u])
		if k%2 == 0 {
			if k == 0 && id < 0 {
				return -1 // the other party is not named
			}
			others[k/2] = id
			continue
		}
		if id >= 0 && !slices.Contains(others[:k/2+1], id) {
			return id
		}
		if id >= 0 {
			return -1
		}
	}
	return -1
}

// exchangeGoesOn reports that turns a and b (b = a+dir) are next to each
// other in one exchange: the same conversation, the next paragraph, and
// the later one opening with its quote.
func (p *pass) exchangeGoesOn(turns []turn, a, b, dir int) bool {
	if dir < 0 {
		a, b = b, a
	}
	return turns[a].conv == turns[b].conv && turns[a].lastPara+1 == turns[b].para && !p.hasNarrationBefore(turns[b].first)
}

// nameTagOf is the entity a name tags turn tr with, -1 if none.
func (p *pass) nameTagOf(tr *turn) int {
	for j := tr.first; j <= tr.last; j++ {
		if inf := &p.info[j]; inf.entity >= 0 && inf.m.kind == nameMention && isTagRule(inf.rule) {
			return p.ents.find(inf.entity)
		}
	}
	return -1
}

// namedDescriptions marks the description tags read as a named person
// before the dialogue sweep (“the doctor”: Doctor Losberne by his title;
// “the beadle”, joined to the name the turns around address).
func (p *pass) namedDescriptions() []bool {
	named := make([]bool, len(p.info))
	for i := range p.info {
		if inf := &p.info[i]; inf.m.kind == nominalMention && inf.entity >= 0 {
			named[i] = !p.ents.get(p.ents.find(inf.entity)).nominal
		}
	}
	return named
}

// descriptionGender is the sex a description's head shows, as a person
// noun (“the old lady”) or a trade (“the matron”); GenderUnknown if none.
func (p *pass) descriptionGender(m mention) lexicon.Gender {
	if g, ok := p.personNoun(m); ok {
		return g
	}
	head, _ := nominalHead(m.core)
	g, _ := inLower(p.lx.TradeNouns, head)
	return g
}

// isBareTrade reports a trade or office (lexicons [trade-nouns],
// [speaker-nouns]) that is not a person noun: “turnkey”, “judge”, not
// “stranger”.
func (p *pass) isBareTrade(head string) bool {
	if _, person := p.lx.PersonNouns[head]; person {
		return false
	}
	_, trade := p.lx.TradeNouns[head]
	return trade || p.lx.SpeakerNouns[head]
}

// shortenedDescriptions gives a bare description tag (“said the
// gentleman”) the reading of the one qualified description with that head
// (“asked the old gentleman”) that tags turns of the same conversation: a
// writer shortens the description of someone already described. A head
// qualified in two ways there, or read as two people, gives nothing; nor
// does it override a bare description the whole book settled (settled)
// on someone the conversation names (“the girl”: Nancy, in her scenes).
func (p *pass) shortenedDescriptions(turns []turn, settled map[string]int) {
	full := map[string]int{} // head → the qualified description's reader, -1 if two; per conversation
	present := map[int]bool{}
	for start := 0; start < len(turns); {
		end := start + 1
		for end < len(turns) && turns[end].conv == turns[start].conv {
			end++
		}
		clear(full)
		clear(present)
		p.shortenIn(turns[start:end], settled, full, present)
		start = end
	}
}

// shortenIn is shortenedDescriptions for the turns of one conversation.
func (p *pass) shortenIn(conv []turn, settled, full map[string]int, present map[int]bool) {
	for t := range conv {
		i := p.descriptionTag(&conv[t])
		if i < 0 || p.info[i].entity < 0 {
			continue
		}
		head, words := nominalHead(p.info[i].m.core)
		if words < 3 || p.othered(p.info[i].m.core) {
			continue // (“the other man” is someone else)
		}
		id := p.ents.find(p.info[i].entity)
		if was, ok := full[lower(head)]; ok && was != id {
			id = -1
		}
		full[lower(head)] = id
	}
	if len(full) == 0 {
		return
	}
	p.conversationParties(conv, present)
	for t := range conv {
		i := p.descriptionTag(&conv[t])
		if i < 0 {
			continue
		}
		head, words := nominalHead(p.info[i].m.core)
		id, ok := full[lower(head)]
		if words != 2 || !ok || id < 0 {
			continue
		}
		if sid, known := settled[descriptionKey(p.info[i].m.core)]; known && present[sid] {
			continue // (“the girl”, settled by the whole book, and Nancy here)
		}
		inf, tr := &p.info[i], &conv[t]
		if tr.speaker < 0 || inf.entity < 0 || p.ents.find(tr.speaker) == p.ents.find(inf.entity) {
			tr.speaker, tr.tagged = id, true
		}
		inf.entity = id
	}
}

// othered reports a description qualified by an other-noun (lexicon
// [other-nouns]: “the other man”): not the one described before.
func (p *pass) othered(core string) bool {
	for k := 0; ; {
		var w string
		if w, k = nextField(core, k); w == "" {
			return false
		}
		if hasLower(p.lx.OtherNouns, w) {
			return true
		}
	}
}

// conversationParties marks in present the conversation's parties: the
// names that tag its turns and the people named as it begins.
func (p *pass) conversationParties(conv []turn, present map[int]bool) {
	for t := range conv {
		if id := p.nameTagOf(&conv[t]); id >= 0 {
			present[id] = true
		}
	}
	for _, s := range conv[0].people {
		present[p.ents.find(s)] = true
	}
}
