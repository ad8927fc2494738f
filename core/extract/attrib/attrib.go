// Package attrib attributes quotations to their speakers: it finds speech
// cues and speaker mentions around each quote (on both sides, in the
// narration between the pieces of an interrupted quote, in a paragraph
// ending with a colon), resolves pronouns and descriptions to the person
// they refer to, clusters a document's aliases into one canonical speaker,
// carries a speaker over untagged continuation paragraphs (news) or
// alternating turns (fiction), and flags quoted strings that are titles or
// scare quotes rather than anyone's words.
//
// Every step looks at a bounded window around a quote, so the work is linear
// in the length of the document.
package attrib

import (
	"strings"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// Rules, as reported in core.Quote.Rule.
const (
	RuleSpeakerCue       = "speaker-cue"        // “…,” Putin said
	RuleCueSpeaker       = "cue-speaker"        // “…,” said Putin
	RuleInterrupted      = "interrupted"        // “…,” he said, “…”
	RuleBefore           = "speaker-cue-before" // Putin said: “…”
	RuleAccordingTo      = "according-to"       // according to Putin, “…”
	RuleSentence         = "same-sentence"      // a cue elsewhere in the quote's sentence
	RuleColonParagraph   = "colon-paragraph"    // Putin answered, saying: ¶ “…”
	RuleNameColon        = "name-colon"         // Putin: “…” (headlines)
	RuleDash             = "dash"               // “…” — Putin
	RuleParagraphSubject = "paragraph-subject"  // Putin smiled. “…”
	RuleContinuation     = "continuation"       // an untagged paragraph going on with the last speaker
	RuleAlternation      = "alternation"        // an untagged turn in a dialogue
)

// Attributor attributes quotes in documents. It is read-only after New and
// safe for concurrent use.
type Attributor struct {
	lexicons map[string]*lexicon.Lexicon
	rankers  map[string]*Ranker // news speaker rankers by language (rank.go)
	// news quote classifiers by language (quoteclass.go)
	quoteModels map[string]*Model
	// the fiction ranker of pronoun tags (fictionrank.go), English
	fictionModel *Model
}

// New returns an attributor over the given lexicons (by language code).
func New(lexicons map[string]*lexicon.Lexicon) *Attributor {
	return &Attributor{lexicons: lexicons, rankers: loadRankers(), quoteModels: loadQuoteModels(), fictionModel: loadFictionModel()}
}

// Input is one document to attribute.
type Input struct {
	Text       string
	Lang       string      // a language with a lexicon; others fall back to English
	Paragraphs []core.Span // in order, not overlapping
	Quotes     []core.Quote
	// Dialogue marks fiction-like text, where untagged quotes alternate
	// between two speakers instead of continuing the last one.
	Dialogue bool
}

// Attribute returns in's quotes with interrupted quotes joined, and with
// mention, cue, speaker, rule and confidence filled in.
func (a *Attributor) Attribute(in Input) []core.Quote {
	p := a.newPass(in)
	p.run()
	return p.quotes
}

func (a *Attributor) newPass(in Input) *pass {
	lx := a.lexicons[in.Lang]
	if lx == nil {
		lx = a.lexicons["en"]
	}
	p := &pass{text: in.Text, lx: lx, paras: in.Paragraphs, dialogue: in.Dialogue, ents: newRegistry(), narrator: -1}
	if lx.Lang == "en" {
		p.fictionModel = a.fictionModel
	}
	if !in.Dialogue {
		p.ranker = a.rankers[lx.Lang]
		p.quoteModel = a.quoteModels[lx.Lang]
		if len(in.Quotes) > 0 {
			p.names = buildNewsNames(in.Text, lx)
			p.readParagraphLanguages(a, in.Quotes)
		}
	}
	p.quotes = append([]core.Quote(nil), in.Quotes...)
	return p
}

func (p *pass) run() {
	p.locate()
	p.joinInterrupted()
	p.startFiction()
	p.info = make([]quoteInfo, len(p.quotes))
	for i := range p.quotes {
		p.attribute(i)
	}
	if p.fiction {
		p.dialogueSweep()
	} else {
		p.fillUntagged()
	}
	p.finish()
}

// quoteInfo is what the pass learned about one quote.
type quoteInfo struct {
	m      mention
	cue    core.Span
	rule   string
	conf   float64
	entity int // -1 when unknown
}

// pass is one document's attribution.
type pass struct {
	text     string
	lx       *lexicon.Lexicon
	paras    []core.Span
	dialogue bool
	quotes   []core.Quote
	paraOf   []int // paragraph index of each quote's start
	lastPara []int // paragraph index of each quote's end
	info     []quoteInfo
	ents     *registry
	fiction  bool  // a novel: see dialogue.go
	cast     *cast // a novel's characters; nil for news
	bufA     []token
	bufB     []token
	// the narration after and before the quote being attributed
	afterWin, beforeWin window
	// The news speaker ranker (rank.go): nil in dialogue; collect, when
	// set, receives every quote's candidates (training).
	ranker  *Ranker
	collect func(i int, cands []candidate)
	win     rankWindow
	cands   []candidate
	cued    []bool
	scores  []float64
	// The news quote classifier (quoteclass.go), likewise.
	quoteModel   *Model
	collectQuote func(i int, feats []feature)
	qfeats       []feature
	// A news article's names (newsnames.go); nil in dialogue.
	names *newsNames
	// Paragraphs in another language than the document's (paralang.go).
	paraLang paragraphLanguages
	// The fiction ranker (fictionrank.go), its candidates and the most
	// named characters; collectFiction, when set, receives training
	// examples.
	fictionModel   *Model
	fcands         []fictionCand
	ffeats         []feature // the candidates' features, one after another
	topChars       []int
	collectFiction func(kind string, cands []fictionCand, answer int)
	// scene follows whom a novel's narration is about (scene.go).
	scene *sceneTracker
	// young marks the people a description of a child (“the boy”)
	// has named: no description of a grown man or woman names them.
	young map[int]bool
	// described is the character a description tag (“said the child”)
	// was last resolved to, by its words in lower case (“the child”).
	described map[string]int
	// family is whom a character called by a relation word (“Mother”),
	// learnt from the dialogue (fictionkin.go).
	family map[kinKey]int // how many turns showed each
	// narrator is a novel's first-person narrator (dialogue.go), -1 when
	// there is none: never “he” or “she”.
	narrator int
}

// locate finds each quote's first and last paragraph, in one sweep.
func (p *pass) locate() {
	p.paraOf = make([]int, len(p.quotes))
	p.lastPara = make([]int, len(p.quotes))
	k := 0
	for i, q := range p.quotes {
		for k+1 < len(p.paras) && p.paras[k].End <= q.Span.Start {
			k++
		}
		p.paraOf[i] = k
		e := k
		for e+1 < len(p.paras) && p.paras[e].End < q.Span.End {
			e++
		}
		p.lastPara[i] = e
	}
}

func (p *pass) para(i int) core.Span {
	if len(p.paras) == 0 {
		return core.Span{Start: 0, End: len(p.text)}
	}
	return p.paras[i]
}

// narrationBefore is the narration in quote i's paragraph before it.
func (p *pass) narrationBefore(i int) (int, int) {
	start := p.para(p.paraOf[i]).Start
	if i > 0 && p.lastPara[i-1] == p.paraOf[i] {
		start = max(start, p.quotes[i-1].Span.End)
	}
	return start, max(start, p.quotes[i].Span.Start)
}

// narrationAfter is the narration in quote i's last paragraph after it.
func (p *pass) narrationAfter(i int) (int, int) {
	end := p.para(p.lastPara[i]).End
	if i+1 < len(p.quotes) && p.paraOf[i+1] == p.lastPara[i] {
		end = min(end, p.quotes[i+1].Span.Start)
	}
	return p.quotes[i].Span.End, max(end, p.quotes[i].Span.End)
}

// attribute finds quote i's speaker from the text around it.
func (p *pass) attribute(i int) {
	inf := &p.info[i]
	inf.entity = -1
	p.useParagraphLexicon(p.paraOf[i])
	q := p.quotes[i]
	var r match
	if len(q.Fragments) > 1 && p.paraOf[i] == p.lastPara[i] {
		// The narration between the pieces of an interrupted quote.
		p.bufA = tokenize(p.bufA[:0], p.text, q.Fragments[0].End, q.Fragments[1].Start, p.lx)
		r = p.matchAfter(p.bufA)
		if !r.m.ok() && p.fiction {
			r = p.looseTag(p.bufA)
		}
		if r.m.ok() {
			r.rule = RuleInterrupted
			if p.fiction {
				r.m = p.withoutAdverbs(r.m) // “said the Secretary stiffly, “…””
			}
		}
	}
	if !r.m.ok() {
		r = p.matchAfter(p.afterTokens(i))
		if p.fiction {
			r = p.fictionAfter(i, r)
		}
	}
	if !r.m.ok() {
		a, _ := p.narrationBefore(i)
		before := p.beforeTokens(i)
		r = p.keep(p.matchBefore(lastSentence(before)))
		if p.fiction && r.rule == RuleBefore && r.conf < 0.9 {
			r = p.laterIntroducer(before, r)
		}
		if !r.m.ok() && a == p.para(p.paraOf[i]).Start && len(before) == 0 {
			r = p.matchColonParagraph(i)
		}
	}
	if !r.m.ok() && p.fiction {
		r = p.matchFiction(i)
	}
	if !r.m.ok() {
		r = p.matchParagraphSubject(i)
	}
	if p.fiction && p.weakAfterTag(i, r) {
		r = match{}
	}
	if !p.dialogue {
		r = p.rank(i, r)
	}
	if !r.m.ok() {
		return
	}
	inf.m, inf.cue, inf.rule, inf.conf = r.m, r.cue, r.rule, r.conf
	ent, resolved := p.resolve(r.m, i)
	inf.entity = ent
	if !resolved {
		inf.conf *= 0.6
	}
}

// firstSentence cuts tokens after the first sentence end.
func firstSentence(toks []token) []token {
	for i := range toks {
		if endsSentence(toks, i) {
			return toks[:i+1]
		}
	}
	return toks
}

// lastSentence keeps the tokens after the last sentence end.
func lastSentence(toks []token) []token {
	for i := len(toks) - 1; i >= 0; i-- {
		if endsSentence(toks, i) {
			return toks[i+1:]
		}
	}
	return toks
}

// fillUntagged gives untagged quotes that open a paragraph the speaker of
// the ongoing exchange: the last speaker in news, the other one of a
// dialogue's two speakers in fiction.
func (p *pass) fillUntagged() {
	for i := range p.quotes {
		inf := &p.info[i]
		if inf.entity >= 0 || i == 0 {
			continue
		}
		if p.dialogue {
			p.alternate(i)
			continue
		}
		prev := &p.info[i-1]
		if prev.entity < 0 || p.paraOf[i]-p.lastPara[i-1] > 2 {
			continue
		}
		inf.entity, inf.m, inf.rule, inf.conf = prev.entity, prev.m, RuleContinuation, 0.7*prev.conf
	}
}

// alternate attributes an untagged dialogue turn to the speaker before the
// last one.
func (p *pass) alternate(i int) {
	inf := &p.info[i]
	prev := -1
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if p.paraOf[j] == p.paraOf[i] || p.info[j].entity < 0 {
			continue
		}
		if prev < 0 {
			prev = p.ents.find(p.info[j].entity)
			continue
		}
		if e := p.ents.find(p.info[j].entity); e != prev {
			inf.entity, inf.rule, inf.conf = e, RuleAlternation, 0.4
			return
		}
	}
}

// finish writes the attributions into the quotes.
func (p *pass) finish() {
	var marks markCounts
	if !p.dialogue {
		marks = p.markCounts()
	}
	tied := false
	for i := range p.quotes {
		p.useParagraphLexicon(p.paraOf[i])
		q := &p.quotes[i]
		inf := p.info[i]
		q.Rule, q.Confidence = inf.rule, inf.conf
		if inf.m.ok() {
			q.Mention = core.Span{Start: inf.m.start, End: inf.m.end}
		}
		q.Cue = inf.cue
		if inf.entity >= 0 {
			e := p.ents.get(inf.entity)
			q.Speaker = p.speakerName(e)
			q.SpeakerKind = e.kind
		}
		q.NonQuote = p.nonQuote(i)
		if !p.dialogue {
			q.NonQuote = p.classify(i, q.NonQuote, marks)
		}
		if tied = p.speakerTied(i, tied); !tied && !p.speakerStands(i, q.NonQuote) {
			unattribute(q)
		}
		if q.NonQuote != "" {
			q.Confidence = min(q.Confidence, 0.2)
		}
	}
}

func lower(s string) string { return strings.ToLower(s) }
