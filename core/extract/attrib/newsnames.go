package attrib

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"verbatim/core/extract/lexicon"
)

// A news article names a person in full once ("United States President
// Donald Trump", "Brett McGurk, who was …") and by surname after ("Trump",
// "McGurk later wrote"); a researcher wants all of that person's quotes
// under the fullest name. Before attribution, one sweep over the article
// (the word scanner of characters.go) counts how each word is written and
// collects its runs of capitalised words. Each run is split into names:
// titles set apart ("President", a lower-case "president" or "host" before
// the run), a body's name kept whole ("Syrian Democratic Forces"), a
// person's name after a body's ("the United Nations Nikki Haley"). The
// attribution then shows each speaker by the fullest name the article
// gives it, resolves a description ("the president") to the person last
// named with that title, and prefers people to places as the antecedent of
// "he" and "she". One sweep, then work per distinct name: linear.

// newsName is one way the article writes a name.
type newsName struct {
	words  []string
	uses   int
	first  int  // byte offset of the first use
	titled int  // written after a title or office: President, host
	org    bool // a body: its last word is an organisation word
	male   int  // followed by "he"/"his" before another name
	female int
	// bodies counts the uses followed, before the next name, by "it",
	// "its" or "their" and by no "he" or "she": how news refers back to a
	// body (“Hasbro hosted a panel about their Star Wars products”).
	bodies int
	gender lexicon.Gender // from a title or given name
}

// titledUse is one place where a name was written after a title.
type titledUse struct {
	pos   int
	title string // lower-cased
	mods  string // lower-cased words before the title in its run: "russian"
	name  *newsName
}

// newsNames is an article's names.
type newsNames struct {
	lx     *lexicon.Lexicon
	cases  foldTable
	forms  map[string]*newsName   // by words, space-separated
	byLast map[string][]*newsName // names of two words or more, by last word
	titled []titledUse            // in text order
	// headlines are the lines written in title case, in text order.
	headlines [][2]int
	// named holds the words (by foldHash) that the article shows to be
	// names: written in a run of two capitalised words or more (“Brett”
	// of “Brett McGurk”), or right before a speech verb (“Trump tweeted”).
	named map[uint64]bool
	// runParts holds the names of each run, by its text and context.
	runParts map[string][]runPart
	words    []string // scratch
}

// newsRun is a run of capitalised words, with the lower-case word right
// before it and the gender of the first pronoun after it.
type newsRun struct {
	start, end int
	lastStart  int // of the last word
	words      int
	before     string
	gender     lexicon.Gender
	bodyPron   bool   // "it", "its" or "their" followed, before the next name
	firstHash  uint64 // foldHash of the first word
	// participle: the first word opens a sentence and reads as a
	// participle (“Injecting Clinton’s marital troubles …”), so the run
	// does not show it to be a name.
	participle bool
	// afterTitle: the run is the object of a title, a preposition and
	// at most one more word between (“Mayor of London Sadiq Khan”).
	afterTitle bool
}

// buildNewsNames reads an article's names in one sweep.
func buildNewsNames(text string, lx *lexicon.Lexicon) *newsNames {
	n := &newsNames{lx: lx, forms: map[string]*newsName{}, byLast: map[string][]*newsName{}, runParts: map[string][]runPart{}, named: map[uint64]bool{}}
	// A table sized by the text: an article has a distinct word per eight
	// bytes or fewer, and the table is kept half empty (it grows if need
	// be).
	size := 64
	for size < len(text)/4 && size < 1<<12 {
		size *= 2
	}
	n.cases.slots = make([]foldSlot, size)
	var runs []newsRun
	var cur newsRun
	open, pending := false, -1
	before := ""
	titleEnd, gap := false, 0 // the last run ends with a title; lower-case words since
	// The current line: where it starts, its first run, its words.
	lineStart, lineRuns, caps, lowers, prevEnd := 0, 0, 0, 0, 0
	endLine := func() {
		if caps >= minHeadlineWords && lowers == 0 {
			// A headline in title case: its capitals are no names.
			runs, pending = runs[:lineRuns], -1
			if open && cur.start >= lineStart {
				open = false
			}
			n.headlines = append(n.headlines, [2]int{lineStart, prevEnd})
		}
		caps, lowers = 0, 0
	}
	s := &wordScanner{text: text, lx: lx}
	for s.next() {
		if strings.IndexByte(text[prevEnd:s.start], '\n') >= 0 {
			endLine()
			lineStart, lineRuns = s.start, len(runs)
		}
		prevEnd = s.end
		st := n.cases.get(s.hash)
		if s.quoteMark {
			pending = -1
		}
		if s.capital {
			caps++
			if s.initial {
				st.capInit++
			} else {
				st.capMid++
			}
			if open && s.adjacent && cur.words < maxNewsRunWords {
				if cur.words == 1 && !cur.participle {
					n.named[cur.firstHash] = true
				}
				n.named[s.hash] = true
				cur.end, cur.lastStart = s.end, s.start
				cur.words++
				continue
			}
			if open {
				runs = append(runs, cur)
				pending = len(runs) - 1
				titleEnd, gap = false, 0
			}
			if !s.adjacent || s.initial {
				before = ""
			}
			afterTitle := titleEnd && gap <= 2 && (lx.Prepositions[before] || lx.Determiners[before])
			cur, open = newsRun{start: s.start, end: s.end, lastStart: s.start, words: 1, before: before, afterTitle: afterTitle, firstHash: s.hash,
				participle: s.initial && isParticiple(text[s.start:s.end])}, true
			continue
		}
		st.lower++
		w := text[s.start:s.end]
		if lowers == 0 && !lx.StopWords[w] && !lx.Prepositions[w] && !lx.Determiners[w] && !lx.Complementizers[w] {
			lowers++
		}
		if open && s.adjacent && isNameParticle(w) {
			continue // Ludwig van Beethoven; a trailing particle is left out by cur.end
		}
		if open {
			if s.adjacent && lx.Cues[w] {
				n.named[cur.firstHash] = true
			}
			runs = append(runs, cur)
			pending, open = len(runs)-1, false
			_, titleEnd = lx.Titles[trimPossessive(text[cur.lastStart:cur.end])]
			gap = 0
		}
		if !s.adjacent {
			titleEnd = false
		}
		gap++
		before = w
		if pending >= 0 {
			if g := pronounGenderOf(w); g != lexicon.GenderUnknown {
				runs[pending].gender, pending = g, -1
			} else if bodyPronoun(w) {
				runs[pending].bodyPron = true
			}
		}
	}
	endLine()
	if open {
		runs = append(runs, cur)
	}
	for _, r := range runs {
		n.addRun(text, r)
	}
	return n
}

// bodyPronoun reports a pronoun news uses for a body: “it”, “its”,
// “their”. “They” is left out: news uses it for people as often.
func bodyPronoun(w string) bool {
	return w == "its" || w == "it" || w == "their"
}

// isParticiple reports a word that reads as a present participle:
// “Citing”, “Injecting”; not a short name such as “Ming”.
func isParticiple(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing")
}

// runPart is one name a run of capitalised words holds, with the title
// written before it and that title's modifiers.
type runPart struct {
	name        *newsName
	title, mods string
}

// addRun counts the names in a run of capitalised words. Runs written the
// same way are split once: a news article repeats its names.
func (n *newsNames) addRun(text string, r newsRun) {
	title := ""
	if n.isOffice(r.before) {
		title = r.before // “Turkish president Erdoğan”, “host Vladimir Solovyov”
	}
	key := text[r.start:r.end]
	if title != "" || r.afterTitle {
		key = fmt.Sprint(title, "\x00", r.afterTitle, "\x00", key)
	}
	parts, ok := n.runParts[key]
	if !ok {
		parts = n.splitRun(text, r, title)
		n.runParts[key] = parts
	}
	for _, pt := range parts {
		n.use(pt, r)
	}
}

// splitRun reads a run's words into names: titles set apart, a body's
// name kept whole, a person's name after a body's or a place's.
func (n *newsNames) splitRun(text string, r newsRun, title string) []runPart {
	words := n.words[:0]
	ws := wordScanner{text: text[:r.end], lx: n.lx, pos: r.start}
	for ws.next() {
		words = append(words, text[ws.start:ws.end])
	}
	n.words = words
	var out []runPart
	if len(words) == 0 {
		return out
	}
	if last := trimPossessive(words[len(words)-1]); folded(n.lx.OrganisationWords, last) {
		first := 0
		for first < len(words)-1 && (n.lx.NotNames[words[first]] && n.lx.Determiners[lower(words[first])] || n.isTitleWord(words[first])) {
			first++
		}
		return append(out, runPart{name: n.form(words[first:], true)})
	}
	if r.afterTitle && len(words) >= 3 && n.proper(words[len(words)-2]) {
		// “Mayor of London Sadiq Khan”: the office's place, then the person.
		out = append(out, runPart{name: n.form(words[:len(words)-2], false)})
		words = words[len(words)-2:]
	}
	var parts []string
	mods := ""
	flush := func() {
		if len(parts) > 0 {
			pt := runPart{name: n.form(parts, false), title: title}
			if title != "" {
				pt.mods = mods
			}
			out = append(out, pt)
		}
		if title != "" {
			mods = ""
		}
		parts, title = nil, ""
	}
	for i, w := range words {
		possessive := isPossessive(w)
		w = trimPossessive(w)
		_, isTitle := n.lx.Titles[w]
		switch {
		case isTitle || folded(n.lx.Offices, w):
			compound := ""
			if len(parts) > 0 {
				mods = lower(strings.Join(parts, " ")) // “United States President …”
			} else if title != "" {
				compound = title + " " // “Vice President”
			}
			flush()
			title = compound + lower(w)
		case w == "I" || n.lx.NotNames[w] || !n.proper(w):
			flush()
			mods = lower(w) // “Russian President Vladimir Putin”
		case folded(n.lx.OrganisationWords, w) && i+1 < len(words):
			// “United Nations Nikki Haley”: the body's name, then a person's.
			parts = append(parts, w)
			out = append(out, runPart{name: n.form(parts, true)})
			parts, title = nil, ""
			continue
		default:
			parts = append(parts, w)
		}
		if possessive {
			flush()
		}
	}
	flush()
	return out
}

// form returns the name written as words, made on first use.
func (n *newsNames) form(words []string, org bool) *newsName {
	if !org {
		words = n.fromGivenName(words)
	}
	key := strings.Join(words, " ")
	f := n.forms[key]
	if f == nil {
		f = &newsName{words: append([]string(nil), words...), org: org}
		if !org {
			f.gender = n.lx.GivenNames[words[0]]
		}
		n.forms[key] = f
		if len(words) >= 2 {
			last := words[len(words)-1]
			n.byLast[last] = append(n.byLast[last], f)
		}
	}
	return f
}

// use counts one use of a name, in run r.
func (n *newsNames) use(pt runPart, r newsRun) {
	f := pt.name
	if f.uses == 0 {
		f.first = r.start
	}
	f.uses++
	switch r.gender {
	case lexicon.Male:
		f.male++
	case lexicon.Female:
		f.female++
	default:
		if r.bodyPron {
			f.bodies++
		}
	}
	if pt.title != "" {
		f.titled++
		if g := n.titleGender(pt.title); g != lexicon.GenderUnknown && f.gender == lexicon.GenderUnknown {
			f.gender = g
		}
		n.titled = append(n.titled, titledUse{pos: r.start, title: pt.title, mods: pt.mods, name: f})
	}
}

// fromGivenName drops the words before a person's given name that are not
// names themselves: “Crooked Hillary Clinton”, “Rip Donald Trump”.
func (n *newsNames) fromGivenName(words []string) []string {
	for k := len(words) - 2; k > 0; k-- {
		if n.lx.GivenNames[words[k]] != lexicon.GenderUnknown {
			if n.lx.GivenNames[words[k-1]] != lexicon.GenderUnknown || isInitialWord(words[k-1]) {
				return words // Mary Jane Smith
			}
			return words[k:]
		}
	}
	return words
}

func trimPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

// isTitleWord reports a capitalised title or office: President, Sen.,
// Spokeswoman.
func (n *newsNames) isTitleWord(w string) bool {
	_, ok := n.lx.Titles[w]
	return ok || folded(n.lx.Offices, w)
}

// isOffice reports a lower-case title or speaker noun: president, host.
func (n *newsNames) isOffice(w string) bool { return n.lx.Offices[w] }

func (n *newsNames) titleGender(title string) lexicon.Gender {
	for _, t := range [2]string{title, strings.ToUpper(title[:1]) + title[1:]} {
		if g := n.lx.Titles[t]; g == lexicon.Male || g == lexicon.Female {
			return g
		}
	}
	return lexicon.GenderUnknown
}

// proper reports whether a capitalised word can be a name in this
// article: not a function word ("During"), and not a word the article
// writes capitalised only where a sentence opens, unless it is a given name
// or shown to be a name (see named): "Fitness", "Early", "Backlash".
func (n *newsNames) proper(w string) bool {
	hash := foldHash(w)
	st := n.cases.find(hash)
	if st != nil && st.capMid > 0 && st.lower == 0 {
		return true // the common case: a name written as a name
	}
	lx := n.lx
	if folded(lx.StopWords, w) || folded(lx.Prepositions, w) || folded(lx.Determiners, w) || folded(lx.Complementizers, w) || folded(lx.CueAdverbs, w) {
		return false
	}
	if _, pron := lx.Pronouns[lower(w)]; pron {
		return false
	}
	if st == nil || st.capMid > 0 {
		return true
	}
	_, given := lx.GivenNames[w]
	return given || st.lower == 0 && n.named[hash]
}

// genderOf is what a name's titles, given name or the pronouns after it
// show of its gender.
func (f *newsName) genderOf() lexicon.Gender {
	switch {
	case f.gender != lexicon.GenderUnknown:
		return f.gender
	case f.male > f.female:
		return lexicon.Male
	case f.female > f.male:
		return lexicon.Female
	}
	return lexicon.GenderUnknown
}

// fullest returns the fullest name the article gives to the person named
// core: a full name written elsewhere that ends with core's last word and
// holds all its words (“Donald Trump” for “Trump”), when one person stands
// out among those that fit; else core. One stands out by being written
// twice as often as any other, or, among people named alike about as
// often, by being introduced first under a given name: news names its
// principal in full first and a relative after (“Joe Biden”, then
// “Hunter Biden”), and the bare surname is the principal's. On PolNeAR
// train and dev, a bare surname that two such names share is the first
// one's in 37 of the 39 quotes whose referent is clear (docs/EVAL.md,
// “News, 0.16”).
func (n *newsNames) fullest(core string, g lexicon.Gender) string {
	words := strings.Fields(core)
	if len(words) == 0 {
		return core
	}
	groups := n.surnameGroups(words, g)
	if len(groups) == 0 {
		return n.fromGiven(words, g, core)
	}
	sort.SliceStable(groups, func(a, b int) bool { return groups[a].uses > groups[b].uses })
	if len(groups) > 1 && groups[0].uses < 2*groups[1].uses {
		best := firstIntroduced(groups, n.lx)
		if best == nil {
			return core
		}
		return strings.Join(best.words, " ")
	}
	return strings.Join(groups[0].best.words, " ")
}

// fromGiven returns the full name that a lone given name (lexicon) starts
// (“Hillary” of “Hillary Clinton”, “Sergey” of “Sergey M.”), when the
// article writes the word as no one's surname and all such names share
// their last word; else core. It reads all the article's names: a lone
// given name with no surname group is rare.
func (n *newsNames) fromGiven(words []string, g lexicon.Gender, core string) string {
	if _, given := n.lx.GivenNames[words[0]]; !given || len(words) != 1 || len(n.byLast[words[0]]) > 0 {
		return core // “Trump” of “Trump Train”, “Capitol” of “Capitol Hill”
	}
	var best *newsName
	for _, f := range n.forms {
		if f.org || len(f.words) < 2 || f.words[0] != words[0] || !compatible(f.genderOf(), g) {
			continue
		}
		if best != nil && f.words[len(f.words)-1] != best.words[len(best.words)-1] {
			return core // “Chelsea Clinton” and “Chelsea Manning”
		}
		if best == nil || moreUsed(f, best) {
			best = f
		}
	}
	if best == nil {
		return core
	}
	return strings.Join(best.words, " ")
}

// moreUsed orders two forms of a name: more uses, then more words, then
// the text, so that a map's order never decides.
func moreUsed(a, b *newsName) bool {
	if a.uses != b.uses {
		return a.uses > b.uses
	}
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	return strings.Join(a.words, " ") < strings.Join(b.words, " ")
}

// nameGroup is the names of one person: the forms that fit a core and
// share a first word (“Donald Trump”, “Donald J. Trump”).
type nameGroup struct {
	best  *newsName
	uses  int
	first int // offset of the group's first use
}

// surnameGroups groups the names that fit core's words and gender by
// their first word: “Donald Trump” and “Donald J. Trump” are one man,
// “Melania Trump” another.
func (n *newsNames) surnameGroups(words []string, g lexicon.Gender) []nameGroup {
	var groups []nameGroup
	for _, f := range n.byLast[words[len(words)-1]] {
		if len(f.words) <= len(words) || !containsInOrder(f.words, words) || !compatible(f.genderOf(), g) {
			continue
		}
		k := 0
		for k < len(groups) && groups[k].best.words[0] != f.words[0] {
			k++
		}
		if k == len(groups) {
			groups = append(groups, nameGroup{best: f, first: f.first})
		}
		gr := &groups[k]
		gr.uses += f.uses
		gr.first = min(gr.first, f.first)
		if f.uses > gr.best.uses || f.uses == gr.best.uses && len(f.words) > len(gr.best.words) {
			gr.best = f
		}
	}
	return groups
}

// firstIntroduced returns the best name of the group introduced first
// among those led by a given name (“Understated Perez”, a headline's
// adjective, is no one's full name); nil when no group is.
func firstIntroduced(groups []nameGroup, lx *lexicon.Lexicon) *newsName {
	var best *nameGroup
	for k := range groups {
		gr := &groups[k]
		if _, given := lx.GivenNames[gr.best.words[0]]; given && (best == nil || gr.first < best.first) {
			best = gr
		}
	}
	if best == nil {
		return nil
	}
	return best.best
}

// knownPart returns the longest part of a name that the article writes as
// a name outside its headlines: “Donald Trump” of “Rip Donald Trump” (a
// headline in title case), “Obama” of “Obama Sees”; core itself when the
// article knows it or no part of it.
func (n *newsNames) knownPart(core string) string {
	if n.forms[core] != nil {
		return core
	}
	words := strings.Fields(core)
	for l := len(words) - 1; l >= 1; l-- {
		for _, part := range [2][]string{words[len(words)-l:], words[:l]} {
			key := strings.Join(part, " ")
			if f := n.forms[key]; f != nil && !f.org {
				return key
			}
		}
	}
	return core
}

// containsInOrder reports whether all of words appear in name, in order.
func containsInOrder(name, words []string) bool {
	k := 0
	for _, w := range name {
		if k < len(words) && w == words[k] {
			k++
		}
	}
	return k == len(words)
}

// person reports whether the article shows a name to be a person's: a
// title or office before it, a given name, a pronoun after it, or a fuller
// name elsewhere.
func (n *newsNames) person(core string) bool {
	f := n.forms[core]
	if f == nil || f.org {
		return false
	}
	if f.titled > 0 || f.genderOf() != lexicon.GenderUnknown {
		return true
	}
	return len(f.words) == 1 && n.fullest(core, lexicon.GenderUnknown) != core
}

// titledBefore returns the name last written after title before pos, one
// with the modifier mod ("russian") first when mod is set; nil if none.
// It looks back over a bounded number of titled names.
func (n *newsNames) titledBefore(title, mod string, pos int) *newsName {
	k := sort.Search(len(n.titled), func(i int) bool { return n.titled[i].pos >= pos })
	var found *newsName
	for j := k - 1; j >= 0 && j >= k-maxTitledLookBack; j-- {
		t := n.titled[j]
		if t.title != title {
			continue
		}
		if mod == "" || strings.Contains(t.mods, mod) {
			return t.name
		}
		if found == nil {
			found = t.name
		}
	}
	return found
}

// maxNewsRunWords bounds a run of capitalised words: news stacks offices
// and bodies before a name (“Republican National Committee Research
// Director Raj Shah”).
const maxNewsRunWords = 10

// minHeadlineWords is the least number of capitalised words, and no
// lower-case word but function words, that make a line a headline.
const minHeadlineWords = 3

// inHeadline reports whether the byte offset pos lies in a headline.
func (n *newsNames) inHeadline(pos int) bool {
	k := sort.Search(len(n.headlines), func(i int) bool { return n.headlines[i][1] > pos })
	return k < len(n.headlines) && n.headlines[k][0] <= pos
}

// maxTitledLookBack bounds the titled names searched for a description.
const maxTitledLookBack = 100

// folded reports whether set holds w lower-cased; a short ASCII word is
// folded on the stack, since this runs for most capitalised words.
func folded(set map[string]bool, w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return set[lower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[lower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}
