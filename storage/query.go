package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"verbatim/core"
)

// DefaultReviewThreshold is the confidence under which an unreviewed quote
// "needs review".
const DefaultReviewThreshold = 0.7

// QuoteFilter selects quotes. Zero fields do not filter; the zero filter is
// "all quotes" (not rejected).
type QuoteFilter struct {
	TopicID    int64
	SpeakerID  int64
	DocumentID int64
	// Status limits to one status; "" means active and reviewed quotes
	// (everything but rejected ones).
	Status Status
	// NeedsReview keeps unreviewed quotes whose confidence is below
	// ReviewBelow (DefaultReviewThreshold when 0).
	NeedsReview bool
	ReviewBelow float64
	// Search keeps quotes whose text, speaker (name or alias) or document
	// title contain every word given, as a word or the start of one,
	// ignoring case and accents.
	Search string
	// IDs, when set, keeps only these quotes: the researcher's selection,
	// to print, export or copy.
	IDs []int64
}

// QuoteSort orders a quote list.
type QuoteSort int

const (
	SortDocumentOrder QuoteSort = iota // by document (oldest import first), then position
	SortNewestFirst                    // by publication date, newest first, then position
	SortOldestFirst                    // by publication date, oldest first
	SortSpeaker                        // by speaker name, then date
	SortConfidence                     // lowest confidence first
	SortRelevance                      // best search match first (document order without a search)
)

// TopicChip is a topic on a quote, with why it is there.
type TopicChip struct {
	TopicID     int64
	Name        string
	Color       string
	TopicOrigin TopicOrigin // suggested topics are drawn outlined
	LinkOrigin  LinkOrigin
	Reason      string // "assigned by you", "keyword rule: sanctions", …
}

// QuoteRow is a quote as lists, the source pane and sheets show it.
// Positions are byte offsets into the document's text.
type QuoteRow struct {
	ID          int64
	DocumentID  int64
	Span        core.Span
	Fragments   []core.Span
	Text        string // the whole span, marks included
	Paragraph   int    // 1-based number of the paragraph it starts in
	Mention     core.Span
	MentionText string
	Cue         core.Span
	SpeakerID   int64 // 0: unknown
	Speaker     string
	SpeakerKind core.SpeakerKind
	// SpeakerByUser is set when the researcher chose the speaker.
	SpeakerByUser  bool
	MachineSpeaker string // what the engine said, before any change
	Rule           string
	Confidence     float64
	Unclosed       bool
	// NonQuote says what the engine took the quoted string to be when it is
	// probably nobody's words (a title, a term); "" for speech.
	NonQuote  core.NonQuoteKind
	Origin    Origin
	Status    Status
	Note      string
	DocTitle  string
	DocOutlet string
	DocDate   string
	Topics    []TopicChip
}

// NeedsReview reports whether the quote waits for the researcher at the
// given threshold (DefaultReviewThreshold when 0).
func (q QuoteRow) NeedsReview(threshold float64) bool {
	if threshold == 0 {
		threshold = DefaultReviewThreshold
	}
	return q.Status == StatusActive && q.Confidence < threshold
}

const quoteColumns = `q.id, q.doc_id, q.span_start, q.span_end, q.fragments, q.text, q.paragraph,
	q.mention_start, q.mention_end, q.mention, q.cue_start, q.cue_end,
	ifnull(q.speaker_id, 0), ifnull(s.name, ''), ifnull(s.kind, ''), q.speaker_by_user, q.machine_speaker,
	q.rule, q.confidence, q.unclosed, q.non_quote, q.origin, q.status, q.note, d.title, d.outlet, d.date`

// where builds the filter's conditions. Every value is a bound parameter.
// The plan says how the topic and search filters are written (see plan.go).
func (f QuoteFilter) where(p plan) (from string, conds []string, args []any) {
	from = "quotes q"
	if words := ftsWords(f.Search); len(words) > 0 {
		switch p.search {
		case ranked:
			from = "quote_fts JOIN quotes q ON q.id = quote_fts.rowid"
			conds = append(conds, "quote_fts MATCH ?")
		case probe:
			// The unary + keeps SQLite from driving the query with the
			// matches: it builds their set once and tests each quote of the
			// walk against it. (A correlated MATCH would rerun the search
			// for every quote.)
			conds = append(conds, "+q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)")
		default:
			conds = append(conds, "q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)")
		}
		args = append(args, searchQuery(words))
	}
	if f.TopicID != 0 {
		if p.topic == probe {
			conds = append(conds, "EXISTS (SELECT 1 FROM quote_topics x WHERE x.quote_id = q.id AND x.topic_id = ? AND x.assigned = 1)")
		} else {
			conds = append(conds, "q.id IN (SELECT quote_id FROM quote_topics WHERE topic_id = ? AND assigned = 1)")
		}
		args = append(args, f.TopicID)
	}
	if f.SpeakerID != 0 {
		conds = append(conds, "q.speaker_id = ?")
		args = append(args, f.SpeakerID)
	}
	if f.DocumentID != 0 {
		conds = append(conds, "q.doc_id = ?")
		args = append(args, f.DocumentID)
	}
	if len(f.IDs) > 0 {
		// One JSON array parameter, however many quotes are selected.
		ids, _ := json.Marshal(f.IDs)
		conds = append(conds, "q.id IN (SELECT value FROM json_each(?))")
		args = append(args, string(ids))
	}
	switch {
	case f.NeedsReview:
		threshold := f.ReviewBelow
		if threshold == 0 {
			threshold = DefaultReviewThreshold
		}
		conds = append(conds, "q.status = 'active'", "q.confidence < ?")
		args = append(args, threshold)
	case f.Status != "":
		conds = append(conds, "q.status = ?")
		args = append(args, string(f.Status))
	default:
		conds = append(conds, "q.status <> 'rejected'")
	}
	return from, conds, args
}

// searchQuery makes a full-text query from words: every word must occur, as
// a word or the beginning of one.
func searchQuery(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = `"` + w + `"*`
	}
	return strings.Join(parts, " ")
}

func orderBy(s QuoteSort, p plan) string {
	switch s {
	case SortNewestFirst:
		return "q.doc_date DESC, q.doc_id DESC, q.span_start"
	case SortOldestFirst:
		return "q.doc_date, q.doc_id, q.span_start"
	case SortSpeaker:
		return "s.name IS NULL, s.name COLLATE NOCASE, q.doc_date, q.doc_id, q.span_start"
	case SortConfidence:
		return "q.confidence, q.doc_id, q.span_start"
	case SortRelevance:
		if p.search == ranked {
			return "quote_fts.rank, q.id"
		}
	}
	return "q.doc_id, q.span_start"
}

// Quotes returns one page of the quotes f selects, in order s: limit rows
// after skipping offset. Each row carries its topics.
func (l *Library) Quotes(ctx context.Context, f QuoteFilter, s QuoteSort, offset, limit int) ([]QuoteRow, error) {
	p, err := l.plan(ctx, f, s, offset+limit)
	if err != nil {
		return nil, err
	}
	return l.quotesWithPlan(ctx, f, s, p, offset, limit)
}

func (l *Library) quotesWithPlan(ctx context.Context, f QuoteFilter, s QuoteSort, p plan, offset, limit int) ([]QuoteRow, error) {
	from, conds, args := f.where(p)
	query := "SELECT " + quoteColumns + " FROM " + from +
		" JOIN documents d ON d.id = q.doc_id LEFT JOIN speakers s ON s.id = q.speaker_id WHERE " +
		strings.Join(conds, " AND ") + " ORDER BY " + orderBy(s, p) + " LIMIT ? OFFSET ?"
	args = append(args, limit, offset)
	rows, err := l.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, l.readFailed(err)
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		q, err := scanQuote(rows)
		if err != nil {
			return nil, l.readFailed(err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, l.readFailed(err)
	}
	return out, l.addChips(ctx, out)
}

// IsZero reports whether f is the zero filter: all quotes but rejected ones.
func (f QuoteFilter) IsZero() bool { return f.Search == "" && f.onlySearch() }

// onlySearch reports whether f filters by nothing but its search words.
func (f QuoteFilter) onlySearch() bool {
	return f.IDs == nil && f.TopicID == 0 && f.SpeakerID == 0 && f.DocumentID == 0 &&
		f.Status == "" && !f.NeedsReview && f.ReviewBelow == 0
}

// CountQuotes counts the quotes f selects.
func (l *Library) CountQuotes(ctx context.Context, f QuoteFilter) (int, error) {
	if words := ftsWords(f.Search); len(words) > 0 && f.onlySearch() {
		// Matches minus rejected matches: the first the search index
		// counts alone, the second walks the few rejected quotes.
		var n int
		match := searchQuery(words)
		err := l.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM quote_fts WHERE quote_fts MATCH ?) -
			(SELECT count(*) FROM quotes WHERE status = 'rejected' AND +id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?))`,
			match, match).Scan(&n)
		return n, l.readFailed(err)
	}
	from, conds, args := f.where(plan{})
	var n int
	err := l.r.QueryRowContext(ctx, "SELECT count(*) FROM "+from+" WHERE "+strings.Join(conds, " AND "), args...).Scan(&n)
	return n, l.readFailed(err)
}

// Quote returns one quote, whatever its status.
func (l *Library) Quote(ctx context.Context, id int64) (QuoteRow, error) {
	rows, err := l.r.QueryContext(ctx, "SELECT "+quoteColumns+` FROM quotes q JOIN documents d ON d.id = q.doc_id
		LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.id = ?`, id)
	if err != nil {
		return QuoteRow{}, l.readFailed(err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return QuoteRow{}, l.readFailed(err)
		}
		return QuoteRow{}, notFound("quote", id)
	}
	q, err := scanQuote(rows)
	if err != nil {
		return QuoteRow{}, l.readFailed(err)
	}
	rows.Close()
	out := []QuoteRow{q}
	err = l.addChips(ctx, out)
	return out[0], err
}

func scanQuote(rows *sql.Rows) (QuoteRow, error) {
	var q QuoteRow
	var frags, kind, nonQuote, origin, status string
	err := rows.Scan(&q.ID, &q.DocumentID, &q.Span.Start, &q.Span.End, &frags, &q.Text, &q.Paragraph,
		&q.Mention.Start, &q.Mention.End, &q.MentionText, &q.Cue.Start, &q.Cue.End,
		&q.SpeakerID, &q.Speaker, &kind, &q.SpeakerByUser, &q.MachineSpeaker,
		&q.Rule, &q.Confidence, &q.Unclosed, &nonQuote, &origin, &status, &q.Note, &q.DocTitle, &q.DocOutlet, &q.DocDate)
	q.Fragments, q.SpeakerKind, q.Origin, q.Status = decodeSpans(frags), core.SpeakerKind(kind), Origin(origin), Status(status)
	q.NonQuote = core.NonQuoteKind(nonQuote)
	return q, err
}

// addChips loads the topics of a page of quotes in one query.
func (l *Library) addChips(ctx context.Context, quotes []QuoteRow) error {
	if len(quotes) == 0 {
		return nil
	}
	at := make(map[int64]int, len(quotes))
	args := make([]any, len(quotes))
	for i, q := range quotes {
		at[q.ID] = i
		args[i] = q.ID
	}
	rows, err := l.r.QueryContext(ctx, `SELECT l.quote_id, t.id, t.name, t.color, t.origin, l.origin, l.reason
		FROM quote_topics l JOIN topics t ON t.id = l.topic_id
		WHERE l.assigned = 1 AND l.quote_id IN (`+placeholders(len(args))+`)
		ORDER BY t.origin = 'suggested', t.name COLLATE NOCASE`, args...)
	if err != nil {
		return l.readFailed(err)
	}
	defer rows.Close()
	for rows.Next() {
		var qid int64
		var c TopicChip
		var to, lo string
		if err := rows.Scan(&qid, &c.TopicID, &c.Name, &c.Color, &to, &lo, &c.Reason); err != nil {
			return l.readFailed(err)
		}
		c.TopicOrigin, c.LinkOrigin = TopicOrigin(to), LinkOrigin(lo)
		quotes[at[qid]].Topics = append(quotes[at[qid]].Topics, c)
	}
	return l.readFailed(rows.Err())
}

// MentionSiblings returns the quotes of the same document attributed through
// the same mention ("He") to the same speaker as quote id, that quote first:
// what "apply to every quote attributed to 'He' in this document" changes.
func (l *Library) MentionSiblings(ctx context.Context, id int64) ([]int64, error) {
	var docID int64
	var mention string
	var speaker sql.NullInt64
	err := l.r.QueryRowContext(ctx, "SELECT doc_id, mention, speaker_id FROM quotes WHERE id = ?", id).Scan(&docID, &mention, &speaker)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("quote", id)
	} else if err != nil {
		return nil, l.readFailed(err)
	}
	if mention == "" {
		return []int64{id}, nil
	}
	rows, err := l.r.QueryContext(ctx, mentionSiblingsSQL, docID, mention, speaker, id)
	if err != nil {
		return nil, l.readFailed(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var q int64
		if err := rows.Scan(&q); err != nil {
			return nil, l.readFailed(err)
		}
		out = append(out, q)
	}
	return withFirst(out, id), l.readFailed(rows.Err())
}

// withFirst makes sure ids starts with id.
func withFirst(ids []int64, id int64) []int64 {
	if len(ids) > 0 && ids[0] == id {
		return ids
	}
	return append([]int64{id}, ids...)
}
