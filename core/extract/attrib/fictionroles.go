package attrib

import (
	"slices"
	"sort"
	"strings"
)

// A book that tags someone by an office or a trade (“said the chairman”)
// has usually said once who holds it, in an apposition: “Mr. Buttons,
// the chairman,”, “the proprietor, Mr. Turner,”, “Mr. Haq, a police
// inspector”. A careful reader takes the description for that person.

// maxRoleWords bounds the words of a description after its article.
const maxRoleWords = 3

// roleHolder is an apposition's reading: from pos on, and in its
// chapter before it, the description entity means the character's entity.
type roleHolder struct {
	pos, chapter, char int
}

// joinAppositiveRoles gives each description tag that the book writes in
// apposition with a character's name that character: the one of the
// latest such apposition before the tag, else of the first after it in
// the same chapter. An office changes hands, and a tag chapters before the
// book names a holder is someone else's. The appositions are found in one
// sweep over the book's commas; one beside a character of the other sex is
// passed over.
func (p *pass) joinAppositiveRoles() {
	roles := p.describedRoles()
	if len(roles.byWords) == 0 {
		return
	}
	chapters := p.chapterStarts()
	holders := map[int][]roleHolder{} // by description entity, in text order
	for k := 0; ; k++ {
		next := strings.IndexByte(p.text[k:], ',')
		if next < 0 {
			break
		}
		k += next
		if d, c := p.appositionAt(k, roles); d >= 0 && compatible(p.ents.get(d).gender, p.ents.get(c).gender) {
			holders[d] = append(holders[d], roleHolder{k, chapterAt(chapters, k), c})
		}
	}
	for i := range p.info {
		inf := &p.info[i]
		if !p.isRoleTag(inf) {
			continue
		}
		hs := holders[p.ents.find(inf.entity)]
		n := sort.Search(len(hs), func(j int) bool { return hs[j].pos >= inf.m.start })
		switch {
		case n > 0:
			inf.entity = hs[n-1].char
		case n < len(hs) && hs[n].chapter == chapterAt(chapters, inf.m.start):
			inf.entity = hs[n].char
		}
	}
}

// chapterStarts are the byte offsets where the book's chapters and
// scenes begin (isSceneBreak), in text order.
func (p *pass) chapterStarts() []int {
	var starts []int
	for _, para := range p.paras {
		if isSceneBreak(p.text[para.Start:para.End]) {
			starts = append(starts, para.Start)
		}
	}
	return starts
}

// chapterAt is the number of the chapter that holds byte offset pos.
func chapterAt(starts []int, pos int) int {
	return sort.SearchInts(starts, pos+1)
}

// roleIndex maps the words after “the” of each definite description that
// tags a quote and is read as a person of its own (“chairman”, “police
// inspector”) to that entity, and holds their last words, so that the
// sweep reads words only around the commas that may join one.
type roleIndex struct {
	byWords map[string]int
	last    map[string]bool
}

// describedRoles indexes the descriptions that tag quotes.
func (p *pass) describedRoles() roleIndex {
	roles := roleIndex{byWords: map[string]int{}, last: map[string]bool{}}
	for i := range p.info {
		inf := &p.info[i]
		if !p.isRoleTag(inf) {
			continue
		}
		d := p.ents.find(inf.entity)
		words := strings.Fields(lower(inf.m.core[4:]))
		if len(words) > maxRoleWords {
			continue
		}
		roles.byWords[strings.Join(words, " ")] = d
		roles.last[words[len(words)-1]] = true
	}
	return roles
}

// isRoleTag reports a definite description that tags a quote and is read
// as a person of its own.
func (p *pass) isRoleTag(inf *quoteInfo) bool {
	if inf.m.kind != nominalMention || inf.entity < 0 || !isTagRule(inf.rule) || len(inf.m.core) < 5 || !equalLower(inf.m.core[:4], "the ") {
		return false
	}
	return p.ents.get(inf.entity).nominal
}

// appositionAt reads the comma at k as the joint of an apposition between
// a character's name and a description of roles: the name before it and
// “the”, “a” or “an” with the description after it, or the description
// before it and the name after it, closed by a comma. It returns the
// description's entity and the character's, -1 and -1 if none.
func (p *pass) appositionAt(k int, roles roleIndex) (int, int) {
	// Most commas are read no further than the words beside them.
	before := wordEndingAt(p.text, k)
	if isCapitalised(before) && articleAt(p.text, k+1) {
		if d, ok := p.roleAfter(k+1, roles.byWords); ok {
			if c := p.nameEndingAt(k); c >= 0 {
				return d, c
			}
		}
	}
	if !isCapitalised(p.text[skipBlanks(p.text, k+1):]) || !roles.last[lower(before)] {
		return -1, -1
	}
	if d, ok := p.roleEndingAt(k, roles.byWords); ok {
		if c := p.nameStartingAt(k + 1); c >= 0 {
			return d, c
		}
	}
	return -1, -1
}

// roleAfter reads, from i, an article and the words of a described role
// (the longest that is one), ending at a word boundary; the words are
// looked up as written when single spaces part them, with no copy.
func (p *pass) roleAfter(i int, roles map[string]int) (int, bool) {
	i = skipBlanks(p.text, i)
	e := roleWordEnd(p.text, i)
	if !isArticle(p.text[i:e]) {
		return -1, false
	}
	start := skipBlanks(p.text, e)
	if start == e {
		return -1, false
	}
	d, found := -1, false
	end := start
	for n := 0; n < maxRoleWords; n++ {
		from := end
		if n > 0 {
			if end >= len(p.text) || p.text[end] != ' ' {
				break
			}
			from++
		}
		to := roleWordEnd(p.text, from)
		if to == from {
			break
		}
		end = to
		if id, ok := roles[lower(p.text[start:end])]; ok {
			d, found = id, true
		}
	}
	return d, found
}

// skipBlanks is the first byte from i that is no space or line break.
func skipBlanks(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	return i
}

// roleWordEnd is where the word of letters starting at i ends.
func roleWordEnd(text string, i int) int {
	for i < len(text) && isRoleWordByte(text[i]) {
		i++
	}
	return i
}

// roleEndingAt reads “the” and the words of a described role ending at k.
func (p *pass) roleEndingAt(k int, roles map[string]int) (int, bool) {
	words, _ := roleWordsBefore(p.text, k, maxRoleWords+1)
	for n := 1; n < len(words); n++ {
		art := words[len(words)-1-n]
		if !equalLower(art, "the") {
			continue
		}
		if d, ok := roles[lower(strings.Join(words[len(words)-n:], " "))]; ok {
			return d, true
		}
	}
	return -1, false
}

// nameEndingAt is the character whose name, capitalised words after
// their titles, ends at k, -1 if none.
func (p *pass) nameEndingAt(k int) int {
	words, first := roleWordsBefore(p.text, k, maxNameWords)
	start := len(words)
	for start > 0 && isCapitalised(words[start-1]) {
		start--
	}
	if start == 0 && opensQuote(p.text, first) {
		return -1 // “Mr. Ram Chand, the Nawab can decide”: a name called
	}
	return p.castCharacter(words[start:])
}

// opensQuote reports an opening quotation mark right before i (a closing
// one has a space after it): a name there is most often called, not
// described.
func opensQuote(text string, i int) bool {
	return strings.HasSuffix(text[:i], "\"") || strings.HasSuffix(text[:i], "“") || strings.HasSuffix(text[:i], "‘")
}

// nameStartingAt is the character whose name, titles and capitalised
// words, starts at i and is closed by a comma, -1 if none.
func (p *pass) nameStartingAt(i int) int {
	words := roleWordsFrom(p.text, i, maxNameWords)
	n := 0
	for n < len(words) && isCapitalised(words[n]) {
		n++
	}
	if n == 0 || n == len(words) && n == maxNameWords {
		return -1
	}
	end := i
	for _, w := range words[:n] {
		end = strings.Index(p.text[end:], w) + end + len(w)
	}
	if end >= len(p.text) || p.text[end] != ',' {
		return -1
	}
	return p.castCharacter(words[:n])
}

// castCharacter is the entity of the cast's character named by words
// (titles first), -1 if the words are no character's name.
func (p *pass) castCharacter(words []string) int {
	t := 0
	for t < len(words) && p.cast.isTitle(words[t]) {
		t++
	}
	if t == len(words) {
		return -1
	}
	c := p.cast.lookup(mention{kind: nameMention, core: strings.Join(words[t:], " "), titles: words[:t]})
	if c < 0 || p.cast.chars[c].thing {
		return -1
	}
	return p.castEntity(c)
}

// articleAt reports “the”, “a” or “an” after spaces from i.
func articleAt(text string, i int) bool {
	i = skipBlanks(text, i)
	return isArticle(text[i:roleWordEnd(text, i)])
}

// wordEndingAt is the word of letters that ends at k, "" if none.
func wordEndingAt(text string, k int) string {
	j := k
	for j > 0 && isRoleWordByte(text[j-1]) {
		j--
	}
	return text[j:k]
}

// isArticle reports “the”, “a” or “an”.
func isArticle(w string) bool {
	return equalLower(w, "the") || equalLower(w, "a") || equalLower(w, "an")
}

// roleWordsFrom is up to n words of text from i, the first after spaces and
// one line break only; a word is letters, apostrophes, hyphens and a
// title's full stop. Reading stops at any other mark.
func roleWordsFrom(text string, i, n int) []string {
	var words []string
	for len(words) < n {
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\n' || text[j] == '\r') {
			j++
		}
		if j == i && len(words) > 0 || j-i > 3 {
			break
		}
		e := j
		for e < len(text) && isRoleWordByte(text[e]) {
			e++
		}
		if e < len(text) && text[e] == '.' && e > j && isCapitalised(text[j:e]) {
			e++ // “Mr.”
		}
		if e == j {
			break
		}
		words = append(words, text[j:e])
		i = e
	}
	return words
}

// roleWordsBefore is up to n words of text ending at k, in text order,
// read back like roleWordsFrom, and where the first of them starts.
func roleWordsBefore(text string, k, n int) ([]string, int) {
	var rev []string
	for len(rev) < n {
		e := k
		for e > 0 && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\r') {
			e--
		}
		if e == k && len(rev) > 0 || k-e > 3 {
			break
		}
		j := e
		if j > 0 && text[j-1] == '.' {
			j--
		}
		for j > 0 && isRoleWordByte(text[j-1]) {
			j--
		}
		if j == e || text[e-1] == '.' && !isCapitalised(text[j:e]) {
			break
		}
		rev = append(rev, text[j:e])
		k = j
	}
	slices.Reverse(rev)
	return rev, k
}

// isRoleWordByte reports an ASCII letter, an apostrophe or a hyphen.
func isRoleWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '\'' || b == '-'
}
