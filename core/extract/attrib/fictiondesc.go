package attrib

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
func (p *pass) settleDescriptions(turns []turn) {
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
		return
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
}
