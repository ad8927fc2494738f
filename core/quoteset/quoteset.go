// Package quoteset is the plain input of quote sheets and exports: documents,
// their quotes with the user's decisions, topics and speakers. The library
// (storage) fills a Set; core never reads storage itself.
package quoteset

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"verbatim/core"
)

// Document is one article with the library's stable ID.
type Document struct {
	ID string
	core.Document
}

// Quote is one quotation as the user sees it: the engine's result with the
// user's corrections applied, plus topics, status and note.
type Quote struct {
	ID         string
	DocumentID string
	core.Quote
	Topics []string // topic names, as in Set.Topics
	Status string   // the library's review status, shown as is ("accepted", "needs review", …)
	Note   string   // the user's note, "" when none
}

// Topic is a label grouping quotes.
type Topic struct {
	Name        string
	Color       string // "#RRGGBB", "" when none
	Description string
}

// Speaker is a canonical speaker. Role is the short description shown next
// to the name on sheets ("Speaker of the House"), "" when unknown.
type Speaker struct {
	Name    string
	Role    string
	Aliases []string
}

// Set is a selection of quotes with everything needed to print or export
// them. Documents keep the order the caller gives (the "document order").
type Set struct {
	Documents []Document
	Quotes    []Quote
	Topics    []Topic
	Speakers  []Speaker
}

// Problem is a quote that cannot be used, worded for the researcher.
type Problem struct {
	QuoteID string
	Message string
}

func (p *Problem) Error() string { return "quote " + p.QuoteID + ": " + p.Message }

// Checked returns the set without the quotes that cannot be printed or
// exported (unknown document, span outside the text), and one Problem for
// each quote left out. Fragments are put in text order; those outside the
// quote's span or overlapping another are dropped; a quote without usable
// fragments gets its span as its only fragment.
func (s Set) Checked() (Set, []error) {
	docs := s.DocumentsByID()
	var problems []error
	out := s
	out.Quotes = make([]Quote, 0, len(s.Quotes))
	for _, q := range s.Quotes {
		doc, ok := docs[q.DocumentID]
		if !ok {
			problems = append(problems, &Problem{q.ID, fmt.Sprintf("its article (%q) is not in the selection, so it was left out.", q.DocumentID)})
			continue
		}
		if !inside(q.Span, len(doc.Text)) || q.Span.Len() == 0 {
			problems = append(problems, &Problem{q.ID, fmt.Sprintf("its position lies outside the text of “%s”, so it was left out.", doc.Meta.Title)})
			continue
		}
		q.Fragments = usableFragments(q.Quote)
		out.Quotes = append(out.Quotes, q)
	}
	return out, problems
}

func inside(sp core.Span, n int) bool { return sp.Start >= 0 && sp.End <= n && sp.Start <= sp.End }

// usableFragments keeps the fragments inside the quote's span, in text
// order, without overlaps.
func usableFragments(q core.Quote) []core.Span {
	sorted := slices.Clone(q.Fragments)
	slices.SortFunc(sorted, func(a, b core.Span) int { return cmp.Compare(a.Start, b.Start) })
	var frags []core.Span
	for _, f := range sorted {
		overlaps := len(frags) > 0 && f.Start < frags[len(frags)-1].End
		if f.Len() > 0 && f.Start >= q.Span.Start && f.End <= q.Span.End && !overlaps {
			frags = append(frags, f)
		}
	}
	if len(frags) == 0 {
		return []core.Span{q.Span}
	}
	return frags
}

// DocumentsByID indexes the documents.
func (s Set) DocumentsByID() map[string]*Document {
	m := make(map[string]*Document, len(s.Documents))
	for i := range s.Documents {
		m[s.Documents[i].ID] = &s.Documents[i]
	}
	return m
}

// SpeakersByName indexes the speakers.
func (s Set) SpeakersByName() map[string]Speaker {
	m := make(map[string]Speaker, len(s.Speakers))
	for _, sp := range s.Speakers {
		m[sp.Name] = sp
	}
	return m
}

// Scope says which quotes to keep. Empty fields do not filter; set fields
// must all match.
type Scope struct {
	Topic      string   // topic name
	Speaker    string   // canonical speaker name
	DocumentID string   // one document
	Search     string   // words found in the quote's text, speaker or note, case folded
	QuoteIDs   []string // the user's current selection
}

// Title names the quotes the scope keeps, as sheets, dialogs and saved
// files call them ("Quotes on: Syria withdrawal"); "" when it keeps every
// quote, or one document (whose title the caller knows).
func (sc Scope) Title() string {
	switch {
	case sc.Topic != "":
		return "Quotes on: " + sc.Topic
	case sc.Speaker != "":
		return "Quotes by: " + sc.Speaker
	case sc.Search != "":
		return "Quotes matching: “" + sc.Search + "”"
	case len(sc.QuoteIDs) > 0:
		return "Selected quotes"
	}
	return ""
}

// Select keeps the quotes in scope and the documents they come from, in the
// set's order. Topics and speakers are kept whole.
func (s Set) Select(sc Scope) Set {
	var ids map[string]bool
	if len(sc.QuoteIDs) > 0 {
		ids = make(map[string]bool, len(sc.QuoteIDs))
		for _, id := range sc.QuoteIDs {
			ids[id] = true
		}
	}
	docs := s.DocumentsByID()
	search := strings.Fields(strings.ToLower(sc.Search))
	out := s
	out.Quotes = nil
	used := make(map[string]bool)
	for _, q := range s.Quotes {
		if ids != nil && !ids[q.ID] ||
			sc.Topic != "" && !hasTopic(q, sc.Topic) ||
			sc.Speaker != "" && !strings.EqualFold(q.Speaker, sc.Speaker) ||
			sc.DocumentID != "" && q.DocumentID != sc.DocumentID ||
			len(search) > 0 && !matches(q, docs[q.DocumentID], search) {
			continue
		}
		out.Quotes = append(out.Quotes, q)
		used[q.DocumentID] = true
	}
	out.Documents = nil
	for _, d := range s.Documents {
		if used[d.ID] {
			out.Documents = append(out.Documents, d)
		}
	}
	return out
}

func hasTopic(q Quote, topic string) bool {
	for _, t := range q.Topics {
		if strings.EqualFold(t, topic) {
			return true
		}
	}
	return false
}

func matches(q Quote, doc *Document, words []string) bool {
	var text string
	if doc != nil {
		text = q.Span.In(doc.Text)
	}
	hay := strings.ToLower(text + "\n" + q.Speaker + "\n" + q.Note)
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
