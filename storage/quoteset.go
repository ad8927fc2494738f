package storage

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"

	"verbatim/core"
	"verbatim/core/quoteset"
)

// quoteSetPage is how many quotes QuoteSet reads at a time, and how many
// documents or speakers one query fetches.
const quoteSetPage = 500

// Status words on sheets and in exports.
const (
	statusWordReviewed    = "reviewed"
	statusWordNeedsReview = "needs review"
	statusWordFound       = "found"
	statusWordRejected    = "rejected"
)

// QuoteSet loads the quotes f selects, in order s, as the plain set that
// quote sheets and exports take: each quote as the researcher left it
// (speaker, status, note, topics), the documents they come from in import
// order, and the topics and speakers they use. The library picks the quotes
// (its search included); only the documents the quotes need are read, each
// once, so memory holds the selection rather than the library. Quote and
// document IDs are the library's numbers, written in decimal.
func (l *Library) QuoteSet(ctx context.Context, f QuoteFilter, s QuoteSort) (quoteset.Set, error) {
	var set quoteset.Set
	docs := map[int64]bool{}
	speakers := map[int64]bool{}
	topics := map[string]TopicChip{}
	for offset := 0; ; offset += quoteSetPage {
		page, err := l.Quotes(ctx, f, s, offset, quoteSetPage)
		if err != nil {
			return quoteset.Set{}, err
		}
		for _, q := range page {
			set.Quotes = append(set.Quotes, setQuote(q))
			docs[q.DocumentID] = true
			if q.SpeakerID != 0 {
				speakers[q.SpeakerID] = true
			}
			for _, c := range q.Topics {
				topics[c.Name] = c
			}
		}
		if len(page) < quoteSetPage {
			break
		}
	}
	var err error
	if set.Documents, err = l.setDocuments(ctx, sortedIDs(docs)); err != nil {
		return quoteset.Set{}, err
	}
	if set.Speakers, err = l.setSpeakers(ctx, sortedIDs(speakers)); err != nil {
		return quoteset.Set{}, err
	}
	for _, c := range topics {
		set.Topics = append(set.Topics, quoteset.Topic{Name: c.Name, Color: c.Color})
	}
	sort.Slice(set.Topics, func(i, j int) bool { return set.Topics[i].Name < set.Topics[j].Name })
	return set, nil
}

func setQuote(q QuoteRow) quoteset.Quote {
	out := quoteset.Quote{
		ID: strconv.FormatInt(q.ID, 10), DocumentID: strconv.FormatInt(q.DocumentID, 10),
		Quote: core.Quote{Span: q.Span, Fragments: q.Fragments, Mention: q.Mention, Cue: q.Cue,
			Speaker: q.Speaker, SpeakerKind: q.SpeakerKind, Rule: q.Rule, Confidence: q.Confidence, Unclosed: q.Unclosed,
			NonQuote: q.NonQuote},
		Topics: []string{},
		Status: statusWord(q),
		Note:   q.Note,
	}
	for _, c := range q.Topics {
		out.Topics = append(out.Topics, c.Name)
	}
	return out
}

func statusWord(q QuoteRow) string {
	switch {
	case q.Status == StatusReviewed:
		return statusWordReviewed
	case q.Status == StatusRejected:
		return statusWordRejected
	case q.NeedsReview(0):
		return statusWordNeedsReview
	}
	return statusWordFound
}

func sortedIDs(set map[int64]bool) []int64 {
	ids := make([]int64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// inChunks calls load with the ids, a page at a time, as bound arguments.
func inChunks(ids []int64, load func(args []any) error) error {
	for start := 0; start < len(ids); start += quoteSetPage {
		chunk := ids[start:min(start+quoteSetPage, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := load(args); err != nil {
			return err
		}
	}
	return nil
}

// setDocuments reads the documents with the given ids (ascending), texts
// included.
func (l *Library) setDocuments(ctx context.Context, ids []int64) ([]quoteset.Document, error) {
	var out []quoteset.Document
	err := inChunks(ids, func(args []any) error {
		rows, err := l.r.QueryContext(ctx, `SELECT `+documentColumns+`, d.text FROM documents d
			WHERE d.id IN (`+placeholders(len(args))+`) ORDER BY d.id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDocument(rows)
			if err != nil {
				return err
			}
			out = append(out, quoteset.Document{ID: strconv.FormatInt(d.ID, 10), Document: core.Document{Text: d.Text, Meta: d.Meta}})
		}
		return rows.Err()
	})
	return out, l.readFailed(err)
}

// setSpeakers reads the speakers with the given ids and their aliases.
func (l *Library) setSpeakers(ctx context.Context, ids []int64) ([]quoteset.Speaker, error) {
	var out []quoteset.Speaker
	err := inChunks(ids, func(args []any) error {
		rows, err := l.r.QueryContext(ctx, `SELECT s.name, `+speakerAliases+`
			FROM speakers s WHERE s.id IN (`+placeholders(len(args))+`) ORDER BY s.name COLLATE NOCASE`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sp quoteset.Speaker
			var aliases string
			if err := rows.Scan(&sp.Name, &aliases); err != nil {
				return err
			}
			_ = json.Unmarshal([]byte(aliases), &sp.Aliases)
			out = append(out, sp)
		}
		return rows.Err()
	})
	return out, l.readFailed(err)
}
