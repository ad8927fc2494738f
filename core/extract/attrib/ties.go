package attrib

import (
	"verbatim/core"
)

// Which news speakers a researcher should see. The ranker gives almost
// every quoted string someone nearby, and for speech that is the point: a
// quote paragraph's speaker is often named a sentence or a paragraph away.
// Two kinds of pick make no sense without a speech cue, though: a speaker
// for a quoted string that is no one's words (a title, a term, a scare
// quote: “On the night of May 25, attendees could catch “Pokemon
// Biology””, not said by “the night”), and a place as the speaker
// (“Toronto”, “USA”): a place speaks only as its government, through a
// speech verb (“Turkey said”). Such quotes keep their speaker only when a
// cue ties it to them; a continuation keeps it when the quote it continues
// did.

// speakerTied reports whether a speech cue ties quote i to its speaker:
// a cue by the mention (by the place's own name, for a place: not a
// pronoun that found it), or a continuation of a quote so tied to the
// same speaker (“Turkey said: “…”” ¶ “…”); prevTied is the answer for
// quote i-1.
func (p *pass) speakerTied(i int, prevTied bool) bool {
	inf := p.info[i]
	if inf.entity < 0 {
		return false
	}
	if inf.rule == RuleContinuation {
		return i > 0 && prevTied && p.info[i-1].entity >= 0 && p.ents.find(p.info[i-1].entity) == p.ents.find(inf.entity)
	}
	return !inf.cue.IsZero() && (inf.m.kind == nameMention || !p.isPlace(p.ents.get(inf.entity).core))
}

// speakerStands reports whether quote i, whose verdict is nonQuote and
// whose speaker a cue does not tie to it, keeps its speaker anyway: in
// news, a quote's speaker found without a cue is the ranker's best guess,
// but neither a title or term nor a place has one.
func (p *pass) speakerStands(i int, nonQuote core.NonQuoteKind) bool {
	inf := p.info[i]
	if p.dialogue || inf.entity < 0 {
		return true
	}
	return nonQuote == "" && !p.isPlace(p.ents.get(inf.entity).core)
}

// unattribute takes the speaker off a quote, as if none was found.
func unattribute(q *core.Quote) {
	q.Mention, q.Cue, q.Speaker, q.SpeakerKind, q.Rule, q.Confidence = core.Span{}, core.Span{}, "", core.SpeakerUnknown, "", 0
}
