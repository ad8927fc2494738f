package attrib

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"verbatim/core"
	"verbatim/core/extract/lexicon"
)

// A novel's cast is built in one pass over its whole text, before any
// quote is attributed. The pass counts how each word is written (a word
// seen in lower case is no name, even when a sentence starts with it:
// “Stupid Harriet!”, “When Marilla…”), collects every run of capitalised
// words with its titles, and clusters those forms into characters:
// “Poirot” and “Hercule Poirot” are one man, “Mrs Beaver” is not her son
// “John Beaver”, whom a bare “Beaver” means. Each character is shown by its
// fullest name. Nothing here is quadratic: one sweep, then work per
// distinct form.

// wordCase counts how a word (keyed lower-case) is written in a document.
type wordCase struct {
	lower   int32 // in lower case
	capMid  int32 // capitalised inside a sentence
	capInit int32 // capitalised where a sentence, paragraph or quotation opens
	cue     uint8 // a speech verb next to a name (isNameCue): 0 not known yet, cueYes, cueNo
}

const (
	cueYes = 1
	cueNo  = 2
)

// nameCue reports, for a lower-case word and its counts, isNameCue,
// looked up once per distinct word.
func (c *cast) nameCue(st *wordCase, w string) bool {
	if st.cue == 0 {
		st.cue = cueNo
		if isNameCue(c.lx, w) {
			st.cue = cueYes
		}
	}
	return st.cue == cueYes
}

// nameForm is one way a name is written: its titles and its words.
type nameForm struct {
	key    string   // its formKey
	titles []string // normalised: “Mr” for “Mr.” and “Mr”
	words  []string // as written
	uses   int
	cued   int // next to a speech verb: “said Poirot”, “Poirot asked”
	placed int // after “in” or “at”: “in London”, “at Mansfield”
	common int // after “a” or “an”: “an Indian”, “a Frenchman”
	male   int // followed by “he”/“his” before anyone else is named
	female int
	char   int // the character it names; -1 until clustered
}

// character is one person, or a place: person and spoke tell them apart.
type character struct {
	display string
	gender  lexicon.Gender
	person  bool // a title, a given name or speech verbs show a person
	spoke   bool // named in a speech tag of this text
	thing   bool // a place or a family: never a speaker, “he” or “she”
	count   int
	entity  int // registry entity, -1 until a quote needs it
}

// cast is a document's characters and the forms that name them.
type cast struct {
	lx    *lexicon.Lexicon
	cases foldTable // how each word is written
	// short counts the words of one to three ASCII letters apart, by
	// their letters: half a book's words, without hashing.
	short []wordCase
	forms map[string]*nameForm // by formKey
	// runForms caches the forms read from each distinct run of words.
	runForms map[string][]*nameForm
	newForms []*nameForm
	// byTitle is, per title, the character most often named with it:
	// “the Count”, “Mademoiselle” alone.
	byTitle map[string]int
	// titleAlone counts, per title, how often the book writes it alone
	// after “the”: “the General”, “the Professor”.
	titleAlone map[string]int
	key        []byte   // scratch for form keys
	parts      []string // scratch for a run's words
	chars      []character
	// ambiguous lists, for a single name that fits several characters'
	// full names (“John”: John Beaver, John Andrew), those characters;
	// seenAt holds where each of them is named unambiguously, in text
	// order. Such a name means the one named last.
	ambiguous map[*nameForm][]int
	seenAt    map[int][]int32
}

// maxNameWords bounds a run of capitalised words taken as one name.
const maxNameWords = 6

// wordScanner walks the words of a text in one pass.
type wordScanner struct {
	text       string
	lx         *lexicon.Lexicon
	pos        int
	start, end int
	hash       uint64 // foldHash of the word
	capital    bool   // the word starts with an upper-case letter
	initial    bool   // the word opens a sentence, paragraph or quotation
	adjacent   bool   // only spaces and at most one line break since the previous word
	quoteMark  bool   // a quotation mark stands between the previous word and this one
}

// next advances to the next word; false at the end of the text.
func (s *wordScanner) next() bool {
	text := s.text
	s.initial, s.adjacent, s.quoteMark = s.pos == 0, true, false
	newlines := 0
	for s.pos < len(text) {
		c := text[s.pos]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9':
				s.scanWord()
				return true
			case c == ' ':
			case c == '\n':
				newlines++
				if newlines > 1 {
					s.initial, s.adjacent = true, false
				}
			case c == '\t' || c == '\r':
			case c == '.' || c == '!' || c == '?' || c == ':':
				s.initial, s.adjacent = true, false
			case c == '"':
				s.initial, s.adjacent, s.quoteMark = true, false, true
			default:
				s.adjacent = false
			}
			s.pos++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[s.pos:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			s.scanWord()
			return true
		case r == '“' || r == '”' || r == '«' || r == '»' || r == '„':
			s.initial, s.adjacent, s.quoteMark = true, false, true
		case r == '…':
			s.initial, s.adjacent = true, false
		case unicode.IsSpace(r):
		default:
			s.adjacent = false
		}
		s.pos += size
	}
	return false
}

// FNV-1a, for foldHash.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// scanWord reads the word at s.pos: letters and digits, with inner
// apostrophes and hyphens, and the period of an abbreviation or initial.
// It hashes the word as foldHash does, in the same sweep.
func (s *wordScanner) scanWord() {
	text := s.text
	s.start = s.pos
	i, h := s.pos, uint64(fnvOffset)
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch lc := c | 0x20; {
			case 'a' <= lc && lc <= 'z':
				c = lc
			case '0' <= c && c <= '9':
			case (c == '\'' || c == '-') && i+1 < len(text) && isWordByteAt(text, i+1):
			default:
				goto done
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '’' && i+size < len(text) && isWordByteAt(text, i+size))) {
			break
		}
		h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		i += size
	}
done:
	if i < len(text) && text[i] == '.' && (i-s.start == 1 && text[s.start] >= 'A' && text[s.start] <= 'Z' || s.lx.Abbreviations[text[s.start:i+1]]) {
		i++
	} else if strings.HasPrefix(text[i:], oneDotLeader) && i-s.start == 1 && text[s.start] >= 'A' && text[s.start] <= 'Z' {
		i += len(oneDotLeader) // “Sergey M․”: an initial whose period is written so
	}
	s.end, s.pos, s.hash = i, i, h
	c := text[s.start]
	s.capital = 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && isCapitalised(text[s.start:i])
}

func isWordByteAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameRun is a run of capitalised words (with inner particles): its byte
// span in the text, whether a speech verb stands next to it, and the
// gender of the first pronoun after it.
type nameRun struct {
	start, end int32
	words      uint8
	cued       bool
	placed     bool // right after “in” or “at”
	common     bool // right after “a” or “an”
	afterThe   bool // right after a lower-case “the”
	// right after a preposition (“did not call for Potapitch; for that
	// she was too preoccupied”): an object, whom the pronoun after it
	// seldom means, so it casts no vote for the name's gender
	object bool
	gender lexicon.Gender
}

// buildCast reads text once for word case and name runs, then clusters.
func buildCast(text string, lx *lexicon.Lexicon) *cast {
	c := &cast{lx: lx, forms: map[string]*nameForm{}, runForms: map[string][]*nameForm{}, short: make([]wordCase, shortWords)}
	c.cases.reserve(min(len(text)/bytesPerDistinctWord, maxReservedWords))
	runs := make([]nameRun, 0, len(text)/bytesPerNameRun)
	var cur nameRun
	lastEnd := int32(0) // end of cur's last capitalised word
	open := false       // cur is being extended
	pending := -1       // the last closed run, waiting for a pronoun
	lastLower := ""     // the latest lower-case word
	lastLowerEnd := -1  // and where it ends
	lastLowerCue := false
	closeRun := func(nextCue bool) {
		if !open {
			return
		}
		open = false
		cur.end = lastEnd // drop a trailing particle
		if isPossessive(text[cur.start:cur.end]) {
			cur.placed = false // “in Lucy's eyes”
		}
		cur.cued = cur.cued || nextCue
		runs = append(runs, cur)
		pending = len(runs) - 1
	}
	s := &wordScanner{text: text, lx: lx}
	for s.next() {
		if s.quoteMark {
			pending = -1
		}
		st := c.wordCase(text[s.start:s.end], s.hash)
		if s.capital {
			if s.initial {
				st.capInit++
			} else {
				st.capMid++
			}
			if open && s.adjacent && cur.words < maxNameWords {
				cur.words++
				lastEnd = int32(s.end)
				continue
			}
			closeRun(false)
			cur = nameRun{start: int32(s.start), words: 1, cued: s.adjacent && lastLowerCue, placed: s.adjacent && (lastLower == "in" || lastLower == "at") && lastLowerEnd == s.start-1,
				common:   s.adjacent && (lastLower == "a" || lastLower == "an") && lastLowerEnd == s.start-1,
				afterThe: s.adjacent && lastLower == "the" && lastLowerEnd == s.start-1,
				object:   s.adjacent && lastLowerEnd == s.start-1 && lx.Prepositions[lastLower]}
			lastEnd = int32(s.end)
			open = true
			continue
		}
		st.lower++
		w := text[s.start:s.end]
		if open && s.adjacent && cur.words < maxNameWords && isNameParticle(w) {
			cur.words++
			continue
		}
		cue := c.nameCue(st, w)
		closeRun(s.adjacent && cue)
		lastLower, lastLowerEnd, lastLowerCue = w, s.end, cue
		if pending >= 0 {
			if g := pronounGenderOf(w); g != lexicon.GenderUnknown {
				if !runs[pending].object {
					runs[pending].gender = g
				}
				pending = -1
			}
		}
	}
	closeRun(false)
	formsOf := make([][]*nameForm, len(runs))
	for i := range runs {
		formsOf[i] = c.addRun(text, &runs[i])
		c.countTitleAlone(text, &runs[i])
	}
	c.cluster()
	c.placeAmbiguous(runs, formsOf)
	return c
}

// placeAmbiguous fills seenAt for the characters an ambiguous name may
// mean, from the runs of names in text order.
func (c *cast) placeAmbiguous(runs []nameRun, formsOf [][]*nameForm) {
	if len(c.ambiguous) == 0 {
		return
	}
	c.seenAt = map[int][]int32{}
	for _, ids := range c.ambiguous {
		for _, id := range ids {
			c.seenAt[id] = nil
		}
	}
	for i, forms := range formsOf {
		for _, f := range forms {
			if _, amb := c.ambiguous[f]; amb {
				continue
			}
			if at, cand := c.seenAt[f.char]; cand {
				c.seenAt[f.char] = append(at, runs[i].start)
			}
		}
	}
}

// lastNamed returns the character among ids, fitting g, named last
// before byte pos; -1 if none of them was named before.
func (c *cast) lastNamed(ids []int, g lexicon.Gender, pos int) int {
	best, bestAt := -1, int32(-1)
	for _, id := range ids {
		if !compatible(c.chars[id].gender, g) {
			continue
		}
		at := c.seenAt[id]
		k := sort.Search(len(at), func(k int) bool { return int(at[k]) >= pos })
		if k > 0 && at[k-1] > bestAt {
			best, bestAt = id, at[k-1]
		}
	}
	return best
}

// isNameCue reports a speech verb (lower case) next to a name: a cue
// that is not also a preposition (the “in” of “put in”: “in London”).
// The cast is a novel's, so fiction's own speech verbs count.
func isNameCue(lx *lexicon.Lexicon, w string) bool {
	return (lx.Cues[w] || lx.FictionCues[w]) && !lx.Prepositions[w]
}

// shortIndex numbers a word of one to three ASCII letters, any case; -1
// for other words.
func shortIndex(w string) int {
	if len(w) > 3 {
		return -1
	}
	idx := 0
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' {
			return -1
		}
		idx = idx*27 + int(c-'a'+1)
	}
	return idx
}

// shortWords is the size of cast.short: 27³ indices.
const shortWords = 27 * 27 * 27

// wordCase returns the counts of w (with hash, its foldHash), adding them.
func (c *cast) wordCase(w string, hash uint64) *wordCase {
	if i := shortIndex(w); i >= 0 {
		return &c.short[i]
	}
	return c.cases.get(hash)
}

// seen returns the counts of w, nil if the sweep never met it.
func (c *cast) seen(w string) *wordCase {
	if i := shortIndex(w); i >= 0 {
		if st := &c.short[i]; *st != (wordCase{}) {
			return st
		}
		return nil
	}
	return c.cases.find(foldHash(w))
}

// foldTable maps a word's foldHash to its counts: an open-addressing
// table, since this lookup runs once per word of a book.
type foldTable struct {
	slots []foldSlot // a power of two long; hash 0 marks a free slot
	used  int
}

type foldSlot struct {
	hash uint64
	wordCase
}

// Sizes to reserve for a text, from the novels of the evaluation corpus:
// one distinct word (of four letters or more) per 50–110 bytes, one run
// of capitalised words (any word opening a sentence too) per 30–65 bytes.
// Distinct words grow slower than the text, hence the cap.
const (
	bytesPerDistinctWord = 48
	maxReservedWords     = 1 << 15
	bytesPerNameRun      = 40
)

// reserve makes room for n words without growing.
func (t *foldTable) reserve(n int) {
	size := 1 << 12
	for size < 2*(n+1) {
		size *= 2
	}
	if size > len(t.slots) {
		t.grow(size)
	}
}

// get returns the counts for hash, adding them if new.
func (t *foldTable) get(hash uint64) *wordCase {
	if 2*(t.used+1) > len(t.slots) {
		t.grow(max(1<<12, 2*len(t.slots)))
	}
	i, found := t.probe(hash)
	if !found {
		t.slots[i].hash = hash | 1
		t.used++
	}
	return &t.slots[i].wordCase
}

// find returns the counts for hash, nil if the word was never seen.
func (t *foldTable) find(hash uint64) *wordCase {
	if len(t.slots) == 0 {
		return nil
	}
	if i, found := t.probe(hash); found {
		return &t.slots[i].wordCase
	}
	return nil
}

// probe returns the slot holding hash, or the free slot where it would go.
func (t *foldTable) probe(hash uint64) (int, bool) {
	hash |= 1
	mask := uint64(len(t.slots) - 1)
	for i := hash & mask; ; i = (i + 1) & mask {
		switch t.slots[i].hash {
		case hash:
			return int(i), true
		case 0:
			return int(i), false
		}
	}
}

func (t *foldTable) grow(size int) {
	old := t.slots
	t.slots = make([]foldSlot, size)
	mask := uint64(len(t.slots) - 1)
	for _, sl := range old {
		if sl.hash == 0 {
			continue
		}
		i := sl.hash & mask
		for t.slots[i].hash != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = sl
	}
}

// foldHash hashes a word with its case folded and an abbreviation's period
// dropped (FNV-1a). Collisions between two words of one book are too rare
// to matter for counts.
func foldHash(w string) uint64 {
	w = strings.TrimSuffix(w, ".")
	h := uint64(fnvOffset)
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		i += size
	}
	return h
}

// pronounGenderOf tells the gender of a third-person pronoun.
func pronounGenderOf(w string) lexicon.Gender {
	switch w {
	case "he", "him", "his", "himself":
		return lexicon.Male
	case "she", "her", "hers", "herself":
		return lexicon.Female
	}
	return lexicon.GenderUnknown
}

// proper reports whether a capitalised word is a name in this text: it is
// never written in lower case, or mostly capitalised inside sentences.
func (c *cast) proper(w string) bool {
	if isContraction(w) {
		return false // “I'm”, “What'll”
	}
	st := c.seen(w)
	if st == nil {
		return true // not seen by the sweep: no evidence against it
	}
	if st.lower == 0 || st.capMid >= 10 {
		return true // never lower-case, or often capitalised mid-sentence: “May”
	}
	if _, given := c.lx.GivenNames[w]; given {
		return st.capMid*20 >= st.lower
	}
	return st.capMid >= 2 && st.capMid*4 >= st.lower
}

// givenName reports a given name that is also a common word (“May”,
// “Will”) and that this book writes capitalised inside its sentences
// more often than in lower case: May Welland, not the month of May.
func (c *cast) givenName(w string) bool {
	if _, given := c.lx.GivenNames[w]; !given {
		return false
	}
	st := c.seen(w)
	return st != nil && st.capMid >= minGivenNameUses && st.capMid >= st.lower
}

// minGivenNameUses is how often a given name that is also a common word
// must be written capitalised inside sentences to name someone.
const minGivenNameUses = 10

// isContraction reports a word with an apostrophe before a lower-case
// ending: “I'm”, “Don't”; not “O'Brien”, nor a possessive.
func isContraction(w string) bool {
	for i := 0; i < len(w); i++ {
		rest := ""
		switch {
		case w[i] == '\'':
			rest = w[i+1:]
		case strings.HasPrefix(w[i:], "’"):
			rest = w[i+len("’"):]
		default:
			continue
		}
		return rest != "s" && rest != "" && rest[0] >= 'a' && rest[0] <= 'z'
	}
	return false
}

// normTitle writes a title the same way whether or not it has a period.
func normTitle(t string) string { return strings.TrimSuffix(t, ".") }

// formKey is a form's key in cast.forms: normalised titles, then words.
func formKey(titles, words []string) string { return string(appendFormKey(nil, titles, words)) }

func appendFormKey(b []byte, titles, words []string) []byte {
	for _, t := range titles {
		b = append(b, normTitle(t)...)
		b = append(b, ' ')
	}
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return b
}

// addRun splits a run of capitalised words into name forms: common words
// break it (“When Marilla”), titles are set apart and start a new name
// (“Mr. Lawrence Mr. John”).
func (c *cast) addRun(text string, run *nameRun) []*nameForm {
	key := text[run.start:run.end]
	if forms, seen := c.runForms[key]; seen {
		for _, f := range forms {
			f.count(run)
		}
		return forms
	}
	c.newForms = c.newForms[:0]
	c.splitRun(text, run)
	forms := append([]*nameForm(nil), c.newForms...)
	c.runForms[key] = forms
	return forms
}

// splitRun reads a run's words into forms.
func (c *cast) splitRun(text string, run *nameRun) {
	// c.parts holds the titles, then the words, of the name being read.
	parts, nt := c.parts[:0], 0
	ws := wordScanner{text: text[:run.end], lx: c.lx, pos: int(run.start)}
	flush := func() {
		if len(parts) > nt && isCapitalised(parts[len(parts)-1]) {
			c.addForm(parts[:nt], parts[nt:], run) // not “Marquis de” alone
		}
		parts, nt = parts[:0], 0
	}
	for ws.next() {
		w := text[ws.start:ws.end]
		possessive := isPossessive(w)
		if possessive {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		}
		switch {
		case w == "":
		case !isCapitalised(w):
			if len(parts) > nt || nt > 0 && isNameParticle(w) {
				parts = append(parts, w) // a particle: Van der Luyden, Professor de Worms
			}
		case c.isTitle(w) || isInitialWord(w):
			// “M. Poirot”, “J. Smith”: an initial sits apart like a title.
			if len(parts) > nt {
				flush()
			}
			parts = append(parts, w)
			nt++
		case w == "I" || isRomanNumeral(w):
			flush()
		case (c.lx.NotNames[w] && !c.givenName(w) || !c.proper(w)) && (nt == 0 || len(parts) > nt):
			flush() // but a common word right after a title names someone: “Mr Last”
		default:
			parts = append(parts, w)
		}
		if possessive {
			flush() // “Tony Last's”
		}
	}
	flush()
	c.parts = parts
}

// isInitialWord reports an initial with its period: “J.”, “M.”.
func isInitialWord(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

// dropSentenceOpeners takes the first word off a name written once whose
// first word is never capitalised inside a sentence: “Presently Lucy”,
// “Meanwhile Hamidullah” (but “Hercule Poirot”, written twice, stays).
func (c *cast) dropSentenceOpeners() {
	var openers []string
	for key, f := range c.forms {
		if f.uses == 1 && len(f.titles) == 0 && len(f.words) >= 2 && c.onlyOpensSentences(f.words[0]) {
			openers = append(openers, key)
		}
	}
	sort.Strings(openers)
	for _, key := range openers {
		f := c.forms[key]
		delete(c.forms, key)
		rest := formKey(nil, f.words[1:])
		g := c.forms[rest]
		if g == nil {
			g = &nameForm{key: rest, words: f.words[1:], char: -1}
			c.forms[rest] = g
		}
		g.uses += f.uses
		g.cued += f.cued
		g.placed += f.placed
		g.common += f.common
		g.male += f.male
		g.female += f.female
	}
}

// onlyOpensSentences reports a word never capitalised inside a sentence.
func (c *cast) onlyOpensSentences(w string) bool {
	st := c.seen(w)
	return st != nil && st.capMid == 0
}

func (c *cast) isTitle(w string) bool {
	_, ok := c.lx.Titles[w]
	return ok
}

func (c *cast) addForm(titles, words []string, run *nameRun) {
	c.key = appendFormKey(c.key[:0], titles, words)
	f := c.forms[string(c.key)]
	if f == nil {
		f = &nameForm{key: string(c.key), titles: append([]string(nil), titles...), words: append([]string(nil), words...), char: -1}
		c.forms[f.key] = f
	}
	c.newForms = append(c.newForms, f)
	f.count(run)
}

// count adds one use of the form, in run.
func (f *nameForm) count(run *nameRun) {
	f.uses++
	if run.placed {
		f.placed++
	}
	if run.common {
		f.common++
	}
	if run.cued {
		f.cued++
	}
	switch run.gender {
	case lexicon.Male:
		f.male++
	case lexicon.Female:
		f.female++
	}
}

// titleGender is the gender the titles of a form show.
func (c *cast) titleGender(titles []string) lexicon.Gender {
	for _, t := range titles {
		if g := c.lx.Titles[t]; g == lexicon.Male || g == lexicon.Female {
			return g
		}
	}
	return lexicon.GenderUnknown
}

// formGender is what a form's titles or given name show of its gender.
func (c *cast) formGender(f *nameForm) lexicon.Gender {
	if g := c.titleGender(f.titles); g != lexicon.GenderUnknown {
		return g
	}
	return c.lx.GivenNames[f.words[0]]
}

// cluster groups the forms into characters: full names first, then
// titled names, then single words.
func (c *cast) cluster() {
	c.dropSentenceOpeners()
	forms := make([]*nameForm, 0, len(c.forms))
	for _, f := range c.forms {
		forms = append(forms, f)
	}
	// Deterministic order: more words first, untitled first, then more
	// frequent, then by key.
	sort.Slice(forms, func(i, j int) bool {
		a, b := forms[i], forms[j]
		if len(a.words) != len(b.words) {
			return len(a.words) > len(b.words)
		}
		if len(a.titles) != len(b.titles) {
			return len(a.titles) < len(b.titles)
		}
		if a.uses != b.uses {
			return a.uses > b.uses
		}
		return a.key < b.key
	})
	full := map[string][]int{}         // words of a name of two words or more → characters
	first := map[string][]int{}        // first word of such a name → characters
	last := map[string][]int{}         // last word → characters
	titled := map[string][]*nameForm{} // “Darcy” → “Mr Darcy”, “Colonel Darcy”
	// how often each character's full names start or end with a word
	fullUses := map[wordChar]int{}
	titlesOf := map[int][]string{} // the titles written with a full name

	for _, f := range forms {
		g := c.formGender(f)
		if g == lexicon.GenderUnknown {
			g = voteGender(f.male, f.female) // “Newland Archer … he”, before “Mrs Newland Archer” joins
		}
		switch {
		case len(f.words) >= 2:
			wordsKey := strings.Join(f.words, " ")
			f.char = c.pick(full[wordsKey], g)
			if f.char >= 0 && c.wifeOf(f, f.char) {
				// “Mrs Julius Beaufort” is Julius Beaufort's wife.
				f.char = c.newChar(lexicon.Female)
				break
			}
			if f.char < 0 {
				f.char = c.newChar(g)
				full[wordsKey] = append(full[wordsKey], f.char)
				first[f.words[0]] = append(first[f.words[0]], f.char)
				last[f.words[len(f.words)-1]] = append(last[f.words[len(f.words)-1]], f.char)
			}
			fullUses[wordChar{f.words[0], f.char}] += f.uses
			fullUses[wordChar{f.words[len(f.words)-1], f.char}] += f.uses
			for _, t := range f.titles {
				titlesOf[f.char] = append(titlesOf[f.char], normTitle(t))
			}
		case len(f.titles) > 0:
			w := f.words[0]
			if len(last[w]) == 0 && (len(first[w]) > 0 || c.lx.GivenNames[w] != lexicon.GenderUnknown) {
				// “Sir Walter”, “Aunt Harriet”: a title with a given name,
				// of someone never named with another title (Sir John is
				// not Mr. John Dashwood).
				f.char = c.pick(sameTitles(first[w], titlesOf, f.titles), g)
			}
			if f.char < 0 {
				f.char = c.newChar(g)
			}
			titled[w] = append(titled[w], f)
		default:
			continue
		}
		c.grow(f, g)
	}
	c.learnGender(forms)
	// Single words last: a given name goes with the one full name it
	// starts, a bare surname with the one man who bears it, else with
	// “Mr” and that name.
	for _, f := range forms {
		if f.char >= 0 {
			continue
		}
		w := f.words[0]
		g := c.formGender(f)
		cands := first[w]
		if c.lx.GivenNames[w] == lexicon.GenderUnknown {
			for _, id := range last[w] {
				if compatible(c.chars[id].gender, lexicon.Male) && compatible(c.chars[id].gender, g) {
					cands = append(cands[:len(cands):len(cands)], id)
				}
			}
			// A surname goes with the man the book names in full with
			// it most (Berry Hamilton), not with the one whose given
			// name alone it writes most (his son Joe).
			f.char = c.pickBy(cands, g, func(id int) int { return fullUses[wordChar{w, id}] })
		} else {
			f.char = c.pick(cands, g)
		}
		c.noteAmbiguous(f, cands, g, fullUses)
		if f.char < 0 {
			f.char = c.manTitled(titled[w])
		}
		if f.char < 0 {
			f.char = c.newChar(g)
		}
		c.grow(f, g)
	}
	c.joinTitledNames(forms, first, titlesOf)
	c.joinMisspellings(forms)
	c.learnGender(forms)
	c.findPlaces(forms)
	c.findFamilies(forms)
	c.findKinds(forms)
	c.chooseDisplay(forms)
	c.indexTitles(forms)
	c.showByTitle()
}

// joinTitledNames gives a titled name left a character of its own to
// the character its bare word names, when the book writes the bare word
// more often (the title is then the same name said politely): a man's
// surname (“Mr. Fielding”, “Monsieur Poirot”, when a full name took the
// bare “Fielding” from “Cyril Fielding”), or a given name under any title
// (“Lady Brenda”, “Aunt Marilla”) of someone whose full names carry no
// other title (Sir Edmund is not Mr. Edmund Bertram). A titled surname
// written more often than the bare one stays apart: it is how the book
// names a father whose son has the full name (“Mr. Emerson”, George
// Emerson). A woman's or a rank's title with a surname stays apart too:
// a wife, or an uncle, shares the surname (“Mrs. Beaufort”, “Admiral
// Crawford”).
func (c *cast) joinTitledNames(forms []*nameForm, first map[string][]int, titlesOf map[int][]string) {
	for _, f := range forms {
		if len(f.titles) != 1 || len(f.words) != 1 || c.chars[f.char].count != f.uses {
			continue
		}
		w := f.words[0]
		bare := c.forms[w]
		if bare == nil || bare.char == f.char || bare.uses <= f.uses || !compatible(c.chars[bare.char].gender, c.formGender(f)) {
			continue
		}
		given := c.lx.GivenNames[w] != lexicon.GenderUnknown || len(first[w]) > 0
		if given && len(sameTitles([]int{bare.char}, titlesOf, f.titles)) == 0 {
			continue
		}
		if !given && c.titleGender(f.titles) != lexicon.Male {
			continue
		}
		c.chars[f.char].count -= f.uses
		f.char = bare.char
		c.chars[bare.char].count += f.uses
	}
}

// manTitled is the character a bare surname means when no full name
// has it: the one a title not a woman's is written with far more often
// than any other (“Inspector Ratcliffe”, not the “Mr. Ratcliffe” written
// once; “M. Riviere”), else “Mr” and that name; -1 if none.
func (c *cast) manTitled(forms []*nameForm) int {
	var best *nameForm
	second, mr := 0, -1
	for _, f := range forms {
		if c.titleGender(f.titles) == lexicon.Female {
			continue
		}
		if normTitle(f.titles[0]) == "Mr" {
			mr = f.char
		}
		switch {
		case best == nil:
			best = f
		case f.uses > best.uses:
			second, best = best.uses, f
		default:
			second = max(second, f.uses)
		}
	}
	if best != nil && best.uses >= 2*second {
		return best.char
	}
	return mr
}

// wifeOf reports a form that names, by “Mrs” and her husband's full name
// (“Mrs Julius Beaufort”, “Mrs Charles Musgrove”), the wife of character
// id: someone the book names untitled by that full name, not known to be
// a woman.
func (c *cast) wifeOf(f *nameForm, id int) bool {
	if c.chars[id].gender == lexicon.Female || !slices.ContainsFunc(f.titles, func(t string) bool { return normTitle(t) == "Mrs" }) {
		return false
	}
	return c.forms[strings.Join(f.words, " ")] != nil
}

// Bounds of joinMisspellings: a misprint is written at most
// maxMisprintUses times, beside a name written minSpelledUses times or
// more, of at least minMisprintLen letters.
const (
	maxMisprintUses = 2
	minSpelledUses  = 10
	minMisprintLen  = 5
)

// joinMisspellings gives a name the book writes once or twice, one letter
// away from a name it writes often with the same titles and first words
// (“Mr. Browlow” beside “Mr. Brownlow”, “Mrs. Maylies”, “Charly”), to that
// name's character: a misprint, not someone new. Forms are grouped by
// their titles, first words and the first letter of the last, so each is
// compared with a handful.
func (c *cast) joinMisspellings(forms []*nameForm) {
	often := map[string][]*nameForm{}
	for _, f := range forms {
		if f.uses >= minSpelledUses {
			k := misprintKey(f)
			often[k] = append(often[k], f)
		}
	}
	if len(often) == 0 {
		return
	}
	for _, f := range forms {
		last := f.words[len(f.words)-1]
		if f.uses > maxMisprintUses || len(last) < minMisprintLen || c.chars[f.char].count > maxMisprintUses {
			continue
		}
		for _, g := range often[misprintKey(f)] {
			if g.char != f.char && oneEditApart(last, g.words[len(g.words)-1]) && compatible(c.chars[g.char].gender, c.formGender(f)) {
				c.chars[f.char].count -= f.uses
				f.char = g.char
				c.chars[g.char].count += f.uses
				break
			}
		}
	}
}

// misprintKey groups forms by titles, first words and the first letter
// of the last word.
func misprintKey(f *nameForm) string {
	var b strings.Builder
	for _, t := range f.titles {
		b.WriteString(normTitle(t))
		b.WriteByte(0)
	}
	for _, w := range f.words[:len(f.words)-1] {
		b.WriteString(w)
		b.WriteByte(0)
	}
	b.WriteByte(f.words[len(f.words)-1][0])
	return b.String()
}

// oneEditApart reports two different words that one inserted, deleted or
// changed letter turns into each other.
func oneEditApart(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if a == b || len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// sameTitles keeps the characters whose full names were written with no
// title, or with one of titles.
func sameTitles(ids []int, titlesOf map[int][]string, titles []string) []int {
	var out []int
	for _, id := range ids {
		ok := true
		for _, t := range titlesOf[id] {
			ok = ok && slices.ContainsFunc(titles, func(u string) bool { return normTitle(u) == t })
		}
		if ok {
			out = append(out, id)
		}
	}
	return out
}

// wordChar is a word of a character's full name.
type wordChar struct {
	word string
	char int
}

// minRivalUses is how often a full name must be written with a word for
// its character to compete for that word said alone: not “Brenda John”
// written once (“Brenda, John…”), nor a “John Willoughby” whom the book
// calls Willoughby.
const minRivalUses = 3

// noteAmbiguous records a single name that fits two characters or more.
func (c *cast) noteAmbiguous(f *nameForm, cands []int, g lexicon.Gender, fullUses map[wordChar]int) {
	var fit []int
	for _, id := range cands {
		if compatible(c.chars[id].gender, g) && fullUses[wordChar{f.words[0], id}] >= minRivalUses {
			fit = append(fit, id)
		}
	}
	if len(fit) < 2 {
		return
	}
	if c.ambiguous == nil {
		c.ambiguous = map[*nameForm][]int{}
	}
	c.ambiguous[f] = fit
}

// countTitleAlone counts a run that is a title alone after “the” (“the
// General”, “The Professor”): no one's name, but how the book may name
// the one person who bears that title.
func (c *cast) countTitleAlone(text string, run *nameRun) {
	w := text[run.start:run.end]
	switch {
	case run.words == 1 && run.afterThe:
	case run.words == 2 && strings.HasPrefix(w, "The "):
		w = w[len("The "):]
	default:
		return
	}
	if !c.isTitle(w) {
		return
	}
	if c.titleAlone == nil {
		c.titleAlone = map[string]int{}
	}
	c.titleAlone[normTitle(w)]++
}

// minTitleAloneUses is how often a title must be written alone after
// “the” to show a character.
const minTitleAloneUses = 3

// showByTitle shows a character whom the book calls “the General”, “the
// Professor” more often than by any name (“General Perovski”, written
// once) by that title.
func (c *cast) showByTitle() {
	titles := make([]string, 0, len(c.titleAlone))
	for t := range c.titleAlone {
		titles = append(titles, t)
	}
	sort.Strings(titles)
	for _, t := range titles {
		n := c.titleAlone[t]
		id, ok := c.byTitle[t]
		if !ok || n < minTitleAloneUses || n <= c.chars[id].count {
			continue
		}
		c.chars[id].display = "the " + t
	}
}

// indexTitles fills byTitle.
func (c *cast) indexTitles(forms []*nameForm) {
	c.byTitle = map[string]int{}
	uses := map[string]int{}
	for _, f := range forms {
		if len(f.titles) != 1 {
			continue
		}
		t := normTitle(f.titles[0])
		if f.uses > uses[t] {
			c.byTitle[t], uses[t] = f.char, f.uses
		}
	}
}

// pick returns the candidate of a fitting gender that stands out: the
// only one, or one written at least twice as often as any other (“Hercule
// Poirot”, not “Papa Poirot”); else -1.
func (c *cast) pick(ids []int, g lexicon.Gender) int {
	return c.pickBy(ids, g, func(id int) int { return c.chars[id].count })
}

// pickBy is pick with the candidates weighed by weight.
func (c *cast) pickBy(ids []int, g lexicon.Gender, weight func(int) int) int {
	best, bestN, second := -1, 0, 0
	for _, id := range ids {
		if !compatible(c.chars[id].gender, g) {
			continue
		}
		n := weight(id)
		switch {
		case best < 0:
			best, bestN = id, n
		case n > bestN:
			second, best, bestN = bestN, id, n
		default:
			second = max(second, n)
		}
	}
	if best < 0 || (second > 0 && bestN < 2*second) {
		return -1
	}
	return best
}

func (c *cast) newChar(g lexicon.Gender) int {
	c.chars = append(c.chars, character{gender: g, entity: -1})
	return len(c.chars) - 1
}

// grow adds a form's evidence to its character.
func (c *cast) grow(f *nameForm, g lexicon.Gender) {
	ch := &c.chars[f.char]
	ch.count += f.uses
	if ch.gender == lexicon.GenderUnknown {
		ch.gender = g
	}
	if f.cued >= 2 || c.titleGender(f.titles) != lexicon.GenderUnknown || c.lx.GivenNames[f.words[0]] != lexicon.GenderUnknown {
		ch.person = true
	}
}

// learnGender takes a character's gender from the pronouns that follow
// its names, when no title or given name showed it.
func (c *cast) learnGender(forms []*nameForm) {
	votes := make([][2]int, len(c.chars))
	for _, f := range forms {
		if f.char >= 0 {
			votes[f.char][0] += f.male
			votes[f.char][1] += f.female
		}
	}
	for id, v := range votes {
		if ch := &c.chars[id]; ch.gender == lexicon.GenderUnknown {
			ch.gender = voteGender(v[0], v[1])
		}
	}
}

// findPlaces unmarks as persons the names written after “in” or “at” now
// and then (“in London”, “at Mansfield”): places, which neither speak nor
// are “he” or “she”. A person is written so almost never (“in Lucy” but
// “in Lucy's eyes”; “looked at Anne”, one use in many). So are words for
// a kind of people written after “a” or “an” (“an Indian”, “a
// Frenchman”). A title or a given name still shows a person.
func (c *cast) findPlaces(forms []*nameForm) {
	placed := make([]int, len(c.chars))
	named := make([]bool, len(c.chars))
	for _, f := range forms {
		placed[f.char] += f.placed + f.common
		if c.titleGender(f.titles) != lexicon.GenderUnknown || c.lx.GivenNames[f.words[0]] != lexicon.GenderUnknown {
			named[f.char] = true
		}
	}
	for id, n := range placed {
		if ch := &c.chars[id]; !named[id] && n >= minPlaceUses && n*placeShare >= ch.count {
			ch.person, ch.gender, ch.thing = false, lexicon.GenderUnknown, true
		}
	}
}

// findFamilies unmarks as persons the names of families: a surname in
// the plural (“the Mingotts”, “the Lovell Mingotts”) of a surname the
// book writes in full names (“Mrs. Lovell Mingott”). A family neither
// speaks nor is “he” or “she”. A given name is no plural (“Frances”
// beside “Anatole France”), nor a form the book writes more often than
// the singular (“Mr. Peters” beside one “Simon Peter”).
func (c *cast) findFamilies(forms []*nameForm) {
	surnames := map[string]bool{}
	singular := map[string]int{} // uses of the forms ending in each word
	for _, f := range forms {
		last := f.words[len(f.words)-1]
		if len(f.words) >= 2 {
			surnames[last] = true
		}
		singular[last] += f.uses
	}
	plural := make([]int, len(c.chars))
	for _, f := range forms {
		w := f.words[len(f.words)-1]
		sing := strings.TrimSuffix(w, "s")
		if len(w) > 2 && sing != w && surnames[sing] && singular[sing] >= f.uses && c.lx.GivenNames[w] == lexicon.GenderUnknown {
			plural[f.char] += f.uses
		}
	}
	for id, n := range plural {
		if ch := &c.chars[id]; 2*n > ch.count {
			ch.person, ch.gender, ch.thing = false, lexicon.GenderUnknown, true
		}
	}
}

// findKinds unmarks as persons the plural of a word for a kind of people
// (“Hindus”, “Moslems”): a bare capitalised word in -s whose singular the
// book writes as a kind (after “a”/“an”: “a Hindu”). A group neither
// speaks nor is “he” or “she”.
func (c *cast) findKinds(forms []*nameForm) {
	kinds := map[string]bool{}
	for _, f := range forms {
		if len(f.words) == 1 && len(f.titles) == 0 && f.char >= 0 && c.chars[f.char].thing {
			kinds[f.words[0]] = true
		}
	}
	for _, f := range forms {
		if len(f.words) != 1 || len(f.titles) > 0 || f.char < 0 {
			continue
		}
		w := f.words[0]
		if len(w) > 3 && w[len(w)-1] == 's' && kinds[w[:len(w)-1]] {
			if ch := &c.chars[f.char]; ch.count <= f.uses {
				ch.person, ch.gender, ch.thing = false, lexicon.GenderUnknown, true
			}
		}
	}
}

// A place is written after “in” or “at” at least minPlaceUses times and
// in one of its uses in placeShare or more.
const (
	minPlaceUses = 2
	placeShare   = 20
)

// voteGender reads a gender from the pronouns that followed a name: at
// least two, and twice as many of one kind.
func voteGender(male, female int) lexicon.Gender {
	switch {
	case male+female < 2:
		return lexicon.GenderUnknown
	case male >= 2*female:
		return lexicon.Male
	case female >= 2*male:
		return lexicon.Female
	}
	return lexicon.GenderUnknown
}

// chooseDisplay shows a character the way the book names it: by its
// full name when the text uses it again and again (“Bill Sikes”, “Jane
// Andrews”), else by its most used name (“Marianne” rather than a
// “Marianne Dashwood” written three times, “Miss Bartlett”, “Monks”). A
// name with a common word in it (“Pooh Bear”, “Hotel Montoya”) is no full
// name.
func (c *cast) chooseDisplay(forms []*nameForm) {
	best := make([]*nameForm, len(c.chars))
	for _, f := range forms {
		if b := best[f.char]; b == nil || c.fuller(f, b) {
			best[f.char] = f
		}
	}
	// the most used form with one title and the words of a character's
	// best form
	titled := make([]*nameForm, len(c.chars))
	for _, f := range forms {
		if b, t := best[f.char], titled[f.char]; len(f.titles) == 1 && slices.Equal(f.words, b.words) && (t == nil || f.uses > t.uses) {
			titled[f.char] = f
		}
	}
	for id, f := range best {
		if t := titled[id]; f != nil && t != nil && c.showsTitle(f, t) {
			f = t
		}
		if f != nil {
			c.chars[id].display = strings.Join(append(append([]string(nil), f.titles...), f.words...), " ")
		}
	}
}

// showsTitle reports whether a character shown by a bare surname (“Das”,
// “Godbole”) or a full name (“Panna Lal”) should be shown with the title
// the book writes with it (“Mr. Das”, “Professor Godbole”, “Dr. Panna
// Lal”): when one use in titleShare or more of that name carries the title
// (not “Mr. Monks” among a hundred “Monks”); a full name, in most of its
// uses. A given name alone keeps no title (“Sir Walter” is a character of
// its own).
func (c *cast) showsTitle(bare, titled *nameForm) bool {
	if len(bare.titles) > 0 || !slices.Equal(bare.words, titled.words) {
		return false
	}
	if len(bare.words) > 1 {
		// A full name is rare beside the short names: the title must
		// be written with it more often than not.
		return titled.uses > bare.uses
	}
	return c.lx.GivenNames[bare.words[0]] == lexicon.GenderUnknown && titleShare*titled.uses >= bare.uses+titled.uses
}

// titleShare: see showsTitle.
const titleShare = 4

// fuller reports whether form a names its character better than b.
func (c *cast) fuller(a, b *nameForm) bool {
	if ra, rb := c.displayRank(a), c.displayRank(b); ra != rb {
		return ra > rb
	}
	if a.uses != b.uses {
		return a.uses > b.uses
	}
	return a.key < b.key
}

// minFullNameUses is how often a full name must be written to show its
// character.
const minFullNameUses = 2

// displayRank puts full names written often first.
func (c *cast) displayRank(f *nameForm) int {
	if len(f.words) < 2 || len(f.titles) > 0 || f.uses < minFullNameUses {
		return 0
	}
	for _, w := range f.words {
		if isCapitalised(w) && c.commonWord(w) {
			return 0
		}
	}
	return 1
}

// commonWord reports a capitalised word, not a given name, that the text
// also writes in lower case now and then: “Bear”, “Hotel”, “Hills” (but
// “Bill”, “Rose”).
func (c *cast) commonWord(w string) bool {
	if c.lx.GivenNames[w] != lexicon.GenderUnknown {
		return false
	}
	st := c.seen(w)
	return st != nil && st.lower >= minCommonUses
}

// minCommonUses is how often a word must be written in lower case to be a
// common word.
const minCommonUses = 3

// lookup finds the character a name mention refers to, -1 if none: by
// its titles and name, its name, its last word, its first word. A name
// mention's core is its words joined by single spaces (makeMention), so
// the keys are cut from it without splitting.
func (c *cast) lookup(m mention) int {
	name := m.core
	if name == "" {
		return -1
	}
	c.key = c.key[:0]
	for _, t := range m.titles {
		c.key = append(append(c.key, normTitle(t)...), ' ')
	}
	c.key = append(c.key, name...)
	if id := c.formChar(c.forms[string(c.key)], m); id >= 0 {
		return id
	}
	firstEnd, lastStart := len(name), 0
	if sp := strings.IndexByte(name, ' '); sp >= 0 {
		firstEnd, lastStart = sp, strings.LastIndexByte(name, ' ')+1
	}
	for _, key := range [3]string{name, name[lastStart:], name[:firstEnd]} {
		if id := c.formChar(c.forms[key], m); id >= 0 {
			return id
		}
	}
	return -1
}

// formChar is the character form f names where mention m stands, if it
// fits m's gender, else -1: an ambiguous name means the one of its
// characters named last.
func (c *cast) formChar(f *nameForm, m mention) int {
	if f == nil {
		return -1
	}
	if ids, amb := c.ambiguous[f]; amb {
		if id := c.lastNamed(ids, m.gender, m.start); id >= 0 {
			return id
		}
	}
	if compatible(c.chars[f.char].gender, m.gender) {
		return f.char
	}
	return -1
}

// nameEntity resolves a name mention to a registry entity: through the
// cast in a novel, else by the registry's own alias clustering.
func (p *pass) nameEntity(m mention) int {
	if p.cast != nil {
		if c := p.cast.lookup(m); c >= 0 {
			return p.castEntity(c)
		}
	}
	id := p.ents.name(m, p.titleGender(m))
	if m.body {
		p.ents.get(id).kind = core.SpeakerOrganisation // shown whole, as written
	}
	return id
}

// castEntity is the registry entity of character c, made on first use.
func (p *pass) castEntity(c int) int {
	ch := &p.cast.chars[c]
	if ch.entity < 0 {
		ch.entity = p.ents.addFixed(entity{core: ch.display, words: len(strings.Fields(ch.display)),
			gender: ch.gender, kind: core.SpeakerPerson, titles: map[string]bool{}})
	}
	return p.ents.find(ch.entity)
}

// addFixed adds an entity whose name is settled (a novel's character): it
// is not indexed for the registry's alias matching.
func (r *registry) addFixed(e entity) int {
	id := len(r.ents)
	r.ents = append(r.ents, e)
	r.parent = append(r.parent, id)
	return id
}

// mostNamed returns the n persons the book names most, most named first.
func (c *cast) mostNamed(n int) []int {
	var ids []int
	for id, ch := range c.chars {
		if ch.person || ch.spoke {
			ids = append(ids, id)
		}
	}
	sort.SliceStable(ids, func(a, b int) bool { return c.chars[ids[a]].count > c.chars[ids[b]].count })
	return ids[:min(n, len(ids)):min(n, len(ids))]
}
