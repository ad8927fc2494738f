package topics

import (
	"sort"
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
// matches an existing topic is filed under it; the others become new topics,
// one per key, labelled as most documents write them. Then every quote is
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
	for i, label := range existing {
		m.topics = append(m.topics, LibraryTopic{Label: label, Key: s.languages["en"].labelKey(label), Existing: true})
		for code, l := range s.languages {
			if key := l.labelKey(label); key != "" {
				if _, taken := m.byKey[code][key]; !taken {
					m.byKey[code][key] = i
				}
			}
		}
	}
	return m
}

func (m *merger) language(code string) string {
	if _, ok := m.s.languages[code]; ok {
		return code
	}
	return "en"
}

// propose records a document's suggestion unless an existing topic has it.
func (m *merger) propose(code string, t Topic) {
	if _, ok := m.byKey[m.language(code)][t.Key]; ok {
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
	for _, p := range list {
		for code := range m.byKey {
			if _, taken := m.byKey[code][p.key]; !taken {
				m.byKey[code][p.key] = len(m.topics)
			}
		}
		m.topics = append(m.topics, LibraryTopic{Label: p.label, Key: p.key})
	}
}

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
		own[t.Label] = keys[t.Key]
	}
	for q, as := range d.Quotes {
		for _, a := range as {
			if topic, ok := own[a.Label]; ok {
				add(q, topic, a.Reason)
			}
		}
	}
	for _, p := range d.Phrases {
		topic, ok := keys[p.Key]
		if !ok {
			continue
		}
		// A user's topic takes every quote that mentions it, or whose
		// sentence does; a topic suggested for other documents only quotes
		// that say it themselves, where it could label a topic too.
		closest, existing := InSentence, m.topics[topic].Existing
		if !existing {
			closest = InQuote
		}
		for _, h := range p.Hits {
			if h.Near >= closest && (existing || p.Score > 0) && h.Quote < len(out.Quotes) {
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
		if topic := own[t.Label]; !listed[topic] && quotes[topic] > 0 {
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
