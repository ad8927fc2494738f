package topics

import (
	"sort"
	"strings"
)

// LibraryTopic is a topic of the whole library.
type LibraryTopic struct {
	Label string
	// Key identifies the topic (see Topic.Key); an existing topic's key is
	// that of its label in English.
	Key string
	// Existing: one of the labels given to Merge, kept exactly as given.
	// Otherwise a new suggestion.
	Existing bool
	// Documents and Quotes count the merged documents and quotes about it.
	Documents, Quotes int
}

// LibraryDocument is one merged document's share of the library topics.
type LibraryDocument struct {
	// Topics are the library labels of the document's quotes: its own
	// suggestions first, in their order, then other library topics its
	// quotes mention, by label.
	Topics []string
	// Quotes[i] are the library topics of the document's i-th quote.
	Quotes [][]Assignment
}

// Library is the result of Merge.
type Library struct {
	// Topics are the existing topics, in the order given, then the new
	// suggestions: those of more documents first, then of more quotes, then
	// by label.
	Topics []LibraryTopic
	// Documents are the merged documents, in the order given.
	Documents []LibraryDocument
}

// Merge brings the suggestions of several documents into the library's
// topics. existing are the labels of the topics the library already has;
// they are never renamed or dropped. A document's suggestion whose key
// matches an existing topic is filed under it, as is one whose key holds
// the key of a topic ("Syrian refugees" under "Syria"); the others become
// new topics, one per key, labelled as most documents write them, and filed
// under one another in the same way. Then every quote is
// also assigned to each existing topic whose key phrase its text or sentence
// holds, and to each suggested topic whose key phrase it says itself (where
// the phrase is specific enough to be a label), so that a topic suggested
// for one document gathers the quotes of all of them.
//
// The result depends only on existing and the set of documents' suggestions,
// not on the documents' order.
func (s *Suggester) Merge(existing []string, docs []DocumentTopics) Library {
	m := newMerger(s, existing)
	for _, d := range docs {
		for _, t := range d.Topics {
			m.propose(d.Language, t)
		}
	}
	m.settleNewTopics()
	var lib Library
	for _, d := range docs {
		lib.Documents = append(lib.Documents, m.assign(d))
	}
	lib.Topics = m.topics
	suggested := lib.Topics[len(existing):]
	sort.SliceStable(suggested, func(i, j int) bool {
		a, b := suggested[i], suggested[j]
		if a.Documents != b.Documents {
			return a.Documents > b.Documents
		}
		if a.Quotes != b.Quotes {
			return a.Quotes > b.Quotes
		}
		return a.Label < b.Label || a.Label == b.Label && a.Key < b.Key
	})
	return lib
}

// merger holds the library topics while Merge builds them.
type merger struct {
	s      *Suggester
	topics []LibraryTopic
	// broad[i]: topic i takes every quote whose sentence names it, as the
	// researcher's own topics do; other topics only quotes that say it.
	broad []bool
	// byKey finds a topic by language and key.
	byKey map[string]map[string]int
	// proposals are the labels documents suggest for each new key, with the
	// number of documents that suggest each.
	proposals map[string]map[string]int
}

func newMerger(s *Suggester, existing []string) *merger {
	m := &merger{s: s, byKey: map[string]map[string]int{}, proposals: map[string]map[string]int{}}
	for code := range s.languages {
		m.byKey[code] = map[string]int{}
	}
	for _, label := range existing {
		m.addExisting(label, true)
	}
	return m
}

// addExisting adds a topic the library has, found by the key of its label
// in every language.
func (m *merger) addExisting(label string, broad bool) {
	m.add(LibraryTopic{Label: label, Key: m.s.languages["en"].labelKey(label), Existing: true}, broad)
	for code, l := range m.s.languages {
		m.register(code, l.labelKey(label))
	}
}

// add appends a topic; register then makes keys find it.
func (m *merger) add(t LibraryTopic, broad bool) {
	m.topics = append(m.topics, t)
	m.broad = append(m.broad, broad)
}

// register files key, in language code, under the newest topic unless an
// older topic has it.
func (m *merger) register(code, key string) { m.registerAs(code, key, len(m.topics)-1) }

func (m *merger) registerAs(code, key string, topic int) {
	if key == "" {
		return
	}
	if _, taken := m.byKey[code][key]; !taken {
		m.byKey[code][key] = topic
	}
}

// registerLabels files the keys of labels, in every language, under topic
// (or as dismissed) where no topic has them yet.
func (m *merger) registerLabels(topic int, labels []string) {
	for _, label := range labels {
		for code, l := range m.s.languages {
			m.registerAs(code, l.labelKey(label), topic)
		}
	}
}

func (m *merger) language(code string) string {
	if _, ok := m.s.languages[code]; ok {
		return code
	}
	return "en"
}

// propose records a document's suggestion unless an existing topic has it,
// or a broader one (see fileUnderBroader).
func (m *merger) propose(code string, t Topic) {
	code = m.language(code)
	if _, ok := m.byKey[code][t.Key]; ok || m.fileUnderBroader(code, t.Key) {
		return
	}
	if m.proposals[t.Key] == nil {
		m.proposals[t.Key] = map[string]int{}
	}
	m.proposals[t.Key][t.Label]++
}

// settleNewTopics turns the proposals into new topics, each labelled as most
// documents write it, in an order that does not depend on the documents'
// order.
func (m *merger) settleNewTopics() {
	type proposal struct {
		key, label string
		documents  int
	}
	var list []proposal
	for key, labels := range m.proposals {
		p := proposal{key: key}
		for label, n := range labels {
			p.documents += n
			if p.label == "" || n > labels[p.label] || n == labels[p.label] && label < p.label {
				p.label = label
			}
		}
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].documents != list[j].documents {
			return list[i].documents > list[j].documents
		}
		if list[i].label != list[j].label {
			return list[i].label < list[j].label
		}
		return list[i].key < list[j].key
	})
	// Broader keys first, so that narrower ones can be filed under them.
	sort.SliceStable(list, func(i, j int) bool { return keyWords(list[i].key) < keyWords(list[j].key) })
	for _, p := range list {
		if m.fileUnderBroader("", p.key) {
			continue
		}
		m.add(LibraryTopic{Label: p.label, Key: p.key}, false)
		for code := range m.byKey {
			m.register(code, p.key)
		}
	}
}

// fileUnderBroader files a suggestion's key under the library topic whose
// key is the longest run of its words, if there is one: "Syrian refugees"
// under "Syria", "ISIS fighters" under "ISIS". The library's topics are
// shared by its documents; a narrower topic of one document would only
// split them. code "" looks the key up in every language.
func (m *merger) fileUnderBroader(code, key string) bool {
	words := strings.Fields(key)
	for n := len(words) - 1; n > 0; n-- {
		for start := 0; start+n <= len(words); start++ {
			run := strings.Join(words[start:start+n], " ")
			for _, c := range m.s.codes {
				if code != "" && c != code {
					continue
				}
				if topic, ok := m.byKey[c][run]; ok && topic != dismissed {
					m.registerAs(c, key, topic)
					return true
				}
			}
		}
	}
	return false
}

// keyWords counts the words of a key.
func keyWords(key string) int { return strings.Count(key, " ") + 1 }

// assign maps one document's quotes to library topics and counts them.
func (m *merger) assign(d DocumentTopics) LibraryDocument {
	keys := m.byKey[m.language(d.Language)]
	out := LibraryDocument{Quotes: make([][]Assignment, len(d.Quotes))}
	given := map[int]map[int]bool{} // quote → topics it has
	add := func(q, topic int, reason string) {
		if given[q] == nil {
			given[q] = map[int]bool{}
		}
		if !given[q][topic] {
			given[q][topic] = true
			out.Quotes[q] = append(out.Quotes[q], Assignment{Label: m.topics[topic].Label, Reason: reason})
		}
	}
	own := map[string]int{} // document label → library topic
	for _, t := range d.Topics {
		if topic, ok := keys[t.Key]; ok && topic != dismissed {
			own[t.Label] = topic
		}
	}
	for q, as := range d.Quotes {
		for _, a := range as {
			if topic, ok := own[a.Label]; ok {
				add(q, topic, a.Reason)
			}
		}
	}
	best := 0.0
	for _, t := range d.Topics {
		best = max(best, t.Score)
	}
	for _, p := range d.Phrases {
		topic, ok := keys[p.Key]
		if !ok || topic == dismissed {
			continue
		}
		// A user's topic takes every quote that mentions it, or whose
		// sentence does; a topic suggested for other documents only quotes
		// that say it themselves, where it could label a topic too.
		closest, broad := InSentence, m.broad[topic]
		if !broad {
			closest = InQuote
		}
		for _, h := range p.Hits {
			if h.Near >= closest && (broad || p.Score > 0 && p.Score >= minCoverScore*best) && h.Quote < len(out.Quotes) {
				add(h.Quote, topic, mentionReason(h.Near, h.Text))
			}
		}
	}
	out.Topics = m.documentTopics(d, own, given)
	return out
}

// documentTopics lists the document's library labels and counts the topics'
// documents and quotes.
func (m *merger) documentTopics(d DocumentTopics, own map[string]int, given map[int]map[int]bool) []string {
	quotes := map[int]int{}
	for _, topics := range given {
		for topic := range topics {
			quotes[topic]++
		}
	}
	var order []int
	listed := map[int]bool{}
	for _, t := range d.Topics {
		if topic, ok := own[t.Label]; ok && !listed[topic] && quotes[topic] > 0 {
			listed[topic] = true
			order = append(order, topic)
		}
	}
	var others []int
	for topic := range quotes {
		if !listed[topic] {
			others = append(others, topic)
		}
	}
	sort.Slice(others, func(i, j int) bool { return m.topics[others[i]].Label < m.topics[others[j]].Label })
	var labels []string
	for _, topic := range append(order, others...) {
		labels = append(labels, m.topics[topic].Label)
		m.topics[topic].Documents++
		m.topics[topic].Quotes += quotes[topic]
	}
	return labels
}

// Filer files documents one at a time under a library's topics, as an import
// stores them: each document is filed under the topics there are by then,
// and the topics it brings are there for the documents after it. The result
// depends only on the existing topics and the documents' order. A Filer is
// not safe for concurrent use.
type Filer struct{ m *merger }

// ExistingTopic is a topic the library has, for NewFiler.
type ExistingTopic struct {
	Label string
	// Suggested: a topic the library suggested and the researcher has not
	// made their own. It takes only quotes that say its key phrase; the
	// researcher's topics also take quotes whose sentence does.
	Suggested bool
	// Also are further labels of the topic: those of topics the researcher
	// merged into it. Suggestions with their keys are filed under it.
	Also []string
	// Dismissed: the researcher deleted the topic. It takes no quotes, and
	// suggestions with its key (or those of Also) are dropped rather than
	// made a topic again. Filer.Topics does not list it.
	Dismissed bool
}

// NewFiler starts filing under existing, the library's topics, oldest
// first: where two have one key, the older one gets its quotes. A topic's
// own label finds it before any label in Also, and every topic the
// library has before a dismissed one.
func (s *Suggester) NewFiler(existing []ExistingTopic) *Filer {
	m := newMerger(s, nil)
	for _, t := range existing {
		if !t.Dismissed {
			m.addExisting(t.Label, !t.Suggested)
		}
	}
	live := 0
	for _, t := range existing {
		if !t.Dismissed {
			m.registerLabels(live, t.Also)
			live++
		}
	}
	for _, t := range existing {
		if t.Dismissed {
			m.registerLabels(dismissed, append([]string{t.Label}, t.Also...))
		}
	}
	return &Filer{m: m}
}

// dismissed is the topic index of keys whose topic the researcher deleted.
const dismissed = -1

// File files one document. A suggestion whose key a library topic has, or
// whose key holds the key of one (see fileUnderBroader), is filed under
// that topic, which keeps its label; any other becomes a new
// suggested topic labelled as this document writes it. Then the document's
// quotes also join the library topics their key phrases name, as in Merge.
// The returned labels are library labels.
func (f *Filer) File(d DocumentTopics) LibraryDocument {
	m := f.m
	code := m.language(d.Language)
	// Broader keys first, as Merge files them (see fileUnderBroader).
	order := make([]Topic, len(d.Topics))
	copy(order, d.Topics)
	sort.SliceStable(order, func(i, j int) bool { return keyWords(order[i].Key) < keyWords(order[j].Key) })
	for _, t := range order {
		if _, ok := m.byKey[code][t.Key]; ok || len(t.Quotes) == 0 || m.fileUnderBroader(code, t.Key) {
			continue
		}
		m.add(LibraryTopic{Label: t.Label, Key: t.Key}, false)
		m.register(code, t.Key)
		for c, l := range m.s.languages {
			m.register(c, l.labelKey(t.Label))
		}
	}
	return m.assign(d)
}

// Topics are the library's topics as filed so far: the existing ones in
// the order given, then the new ones in the order they came, with the
// documents and quotes filed under each.
func (f *Filer) Topics() []LibraryTopic { return f.m.topics }
