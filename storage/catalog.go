package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"verbatim/core"
	"verbatim/core/topics"
)

// Topic is a sidebar entry.
type Topic struct {
	ID       int64
	Name     string
	Color    string // "#RRGGBB"
	ParentID int64  // 0: top level
	Origin   TopicOrigin
	Rules    []topics.Rule
	Count    int // quotes (not rejected) carrying the topic
	// Documents is how many documents those quotes come from.
	Documents int
}

// Which suggested topics the sidebar lists. A library of 10,000 articles
// has thousands of suggestions, most of them about a single article: listed
// all, they would bury the researcher's own topics. A suggestion is listed
// when its quotes come from at least suggestedMinDocuments documents, which
// is what makes it a topic of the library rather than of one article. While
// fewer than suggestedFloor suggestions qualify, the best of the others fill
// the list up to that many, so that a library of one or two articles still
// shows their topics. At most suggestedCap are listed, those of most
// documents (then quotes) first. The others keep their quotes, show on them,
// are found by name (FindTopic) and listed by AllTopics, and join the list
// once quotes of another document carry them. The researcher's own topics,
// and suggestions they nested, are always listed.
const (
	suggestedMinDocuments = 2
	suggestedFloor        = 12
	suggestedCap          = 60
)

// Topics lists the sidebar's topics with their quote counts: every topic of
// the researcher's and the suggestions worth showing (see
// suggestedMinDocuments). Parents come before their children, user topics
// before suggestions, then by name.
func (l *Library) Topics(ctx context.Context) ([]Topic, error) {
	all, err := l.AllTopics(ctx)
	if err != nil {
		return nil, err
	}
	return sidebarTopics(all), nil
}

// sidebarTopics keeps, of all topics, those the sidebar lists, in order.
func sidebarTopics(all []Topic) []Topic {
	nested := map[int64]bool{}
	var loose []Topic // suggestions outside any nesting
	for _, t := range all {
		if t.ParentID != 0 {
			nested[t.ID], nested[t.ParentID] = true, true
		}
	}
	for _, t := range all {
		if t.Origin == TopicSuggested && !nested[t.ID] && t.Count > 0 {
			loose = append(loose, t)
		}
	}
	sort.SliceStable(loose, func(i, j int) bool {
		a, b := loose[i], loose[j]
		if a.Documents != b.Documents {
			return a.Documents > b.Documents
		}
		return a.Count > b.Count
	})
	listed := map[int64]bool{}
	for i, t := range loose {
		if i >= suggestedCap || t.Documents < suggestedMinDocuments && i >= suggestedFloor {
			break
		}
		listed[t.ID] = true
	}
	var out []Topic
	for _, t := range all {
		if t.Origin == TopicUser || nested[t.ID] || listed[t.ID] {
			out = append(out, t)
		}
	}
	return out
}

// AllTopics lists every topic, suggestions about a single document
// included, in the order of Topics.
func (l *Library) AllTopics(ctx context.Context) ([]Topic, error) {
	return l.listTopics(ctx, "", nil)
}

// listTopics lists the topics that cond (a condition on topics t, with
// bound args) selects, with their counts and rules. Quote counts are links
// minus those of rejected quotes: both read an index alone.
func (l *Library) listTopics(ctx context.Context, cond string, args []any) ([]Topic, error) {
	where := ""
	if cond != "" {
		where = " WHERE " + cond
	}
	rows, err := l.r.QueryContext(ctx, `SELECT t.id, t.name, t.color, ifnull(t.parent_id, 0), t.origin,
		(SELECT count(*) FROM quote_topics x WHERE x.topic_id = t.id AND x.assigned = 1) -
		(SELECT count(*) FROM quotes q JOIN quote_topics x ON x.quote_id = q.id
		  WHERE q.status = 'rejected' AND x.topic_id = t.id AND x.assigned = 1),
		(SELECT count(DISTINCT q.doc_id) FROM quote_topics x JOIN quotes q ON q.id = x.quote_id
		  WHERE x.topic_id = t.id AND x.assigned = 1 AND q.status <> 'rejected')
		FROM topics t LEFT JOIN topics p ON p.id = t.parent_id`+where+`
		ORDER BY ifnull(p.origin, t.origin) = 'suggested', ifnull(p.name, t.name) COLLATE NOCASE, t.parent_id IS NOT NULL,
		         t.origin = 'suggested', t.name COLLATE NOCASE`, args...)
	if err != nil {
		return nil, l.readFailed(err)
	}
	var out []Topic
	at := map[int64]int{}
	for rows.Next() {
		var t Topic
		var origin string
		if err := rows.Scan(&t.ID, &t.Name, &t.Color, &t.ParentID, &origin, &t.Count, &t.Documents); err != nil {
			rows.Close()
			return nil, l.readFailed(err)
		}
		t.Origin = TopicOrigin(origin)
		at[t.ID] = len(out)
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, l.readFailed(err)
	}
	rules, err := l.r.QueryContext(ctx, "SELECT topic_id, terms, match_all FROM topic_rules ORDER BY id")
	if err != nil {
		return nil, l.readFailed(err)
	}
	defer rules.Close()
	for rules.Next() {
		var id int64
		var terms string
		var r topics.Rule
		if err := rules.Scan(&id, &terms, &r.All); err != nil {
			return nil, l.readFailed(err)
		}
		if json.Unmarshal([]byte(terms), &r.Terms) == nil {
			if i, ok := at[id]; ok {
				out[i].Rules = append(out[i].Rules, r)
			}
		}
	}
	return out, l.readFailed(rules.Err())
}

// Speaker is a canonical speaker with the names it goes by.
type Speaker struct {
	ID      int64
	Name    string
	Kind    core.SpeakerKind
	Aliases []string
	Count   int // quotes (not rejected); within the document when filtered by one
}

// SpeakerFilter selects speakers.
type SpeakerFilter struct {
	// Match keeps speakers whose name or an alias has a word starting with
	// Match ("m" finds "Mike Pence" and "Brett McGurk"), ignoring case.
	Match string
	// DocumentID keeps speakers quoted in that document and counts their
	// quotes there (the change-speaker dialog's "In this document").
	DocumentID int64
	Offset     int
	Limit      int // 0: no limit
}

// Speakers lists speakers, most quoted first.
func (l *Library) Speakers(ctx context.Context, f SpeakerFilter) ([]Speaker, error) {
	// Counts come from indexes alone: all of a speaker's quotes minus the
	// rejected ones; within a document, from the document's few quotes.
	from := `(SELECT s.*, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) -
		(SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id AND q.status = 'rejected') AS n FROM speakers s) s`
	var conds []string
	var args []any
	if f.DocumentID != 0 {
		from = `(SELECT s.*, c.n FROM (SELECT speaker_id, count(*) AS n FROM quotes
			WHERE doc_id = ? AND status <> 'rejected' AND speaker_id IS NOT NULL GROUP BY speaker_id) c
			JOIN speakers s ON s.id = c.speaker_id) s`
		args = append(args, f.DocumentID)
	}
	if m := strings.TrimSpace(f.Match); m != "" {
		var alts []string
		for _, p := range wordStartPatterns(m) {
			alts = append(alts, `s.name LIKE ? ESCAPE '\'`,
				`EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = s.id AND a.alias LIKE ? ESCAPE '\')`)
			args = append(args, p, p)
		}
		conds = append(conds, "("+strings.Join(alts, " OR ")+")")
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	query := `SELECT s.id, s.name, s.kind, s.n,
		` + speakerAliases + `
		FROM ` + from + where + ` ORDER BY s.n DESC, s.name COLLATE NOCASE LIMIT ? OFFSET ?`
	rows, err := l.r.QueryContext(ctx, query, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, l.readFailed(err)
	}
	defer rows.Close()
	var out []Speaker
	for rows.Next() {
		var s Speaker
		var kind, aliases string
		if err := rows.Scan(&s.ID, &s.Name, &kind, &s.Count, &aliases); err != nil {
			return nil, l.readFailed(err)
		}
		s.Kind = core.SpeakerKind(kind)
		_ = json.Unmarshal([]byte(aliases), &s.Aliases)
		out = append(out, s)
	}
	return out, l.readFailed(rows.Err())
}

// speakerAliases is a column of speakers s: its aliases as a JSON array.
const speakerAliases = `ifnull((SELECT json_group_array(alias) FROM (SELECT alias FROM speaker_aliases a WHERE a.speaker_id = s.id ORDER BY alias)), '[]')`

// wordStartPatterns makes LIKE patterns for "a word starts with m": at the
// start, or after a space or a hyphen.
func wordStartPatterns(m string) []string {
	esc := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(m)
	return []string{esc + "%", "% " + esc + "%", "%-" + esc + "%"}
}

// DocumentInfo describes a stored document; Text is filled only by Document.
type DocumentInfo struct {
	ID         int64
	Meta       core.Meta
	Text       string
	ImportedAt time.Time
	Engine     string // version of the engine that made its quotes
	Note       string
	Quotes     int // not rejected
}

// DocumentSort orders the document list.
type DocumentSort int

const (
	DocumentsNewestFirst DocumentSort = iota // by publication date
	DocumentsByTitle
	DocumentsByImport // oldest import first
)

// Documents lists documents without their text.
func (l *Library) Documents(ctx context.Context, s DocumentSort, offset, limit int) ([]DocumentInfo, error) {
	order := "d.date DESC, d.id DESC"
	switch s {
	case DocumentsByTitle:
		order = "d.title COLLATE NOCASE, d.id"
	case DocumentsByImport:
		order = "d.id"
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := l.r.QueryContext(ctx, `SELECT `+documentColumns+`, '' FROM documents d ORDER BY `+order+` LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, l.readFailed(err)
	}
	defer rows.Close()
	var out []DocumentInfo
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, l.readFailed(err)
		}
		out = append(out, d)
	}
	return out, l.readFailed(rows.Err())
}

// Document returns one document with its text.
func (l *Library) Document(ctx context.Context, id int64) (DocumentInfo, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+documentColumns+`, d.text FROM documents d WHERE d.id = ?`, id)
	if err != nil {
		return DocumentInfo{}, l.readFailed(err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return DocumentInfo{}, l.readFailed(err)
		}
		return DocumentInfo{}, notFound("document", id)
	}
	d, err := scanDocument(rows)
	return d, l.readFailed(err)
}

const documentColumns = `d.id, d.hash, d.title, d.outlet, d.author, d.date, d.url, d.language, d.format, d.file_name,
	d.file_path, d.imported_at, d.engine, d.note,
	(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id AND q.status <> 'rejected')`

func scanDocument(rows *sql.Rows) (DocumentInfo, error) {
	var d DocumentInfo
	m := &d.Meta
	var imported string
	err := rows.Scan(&d.ID, &m.Hash, &m.Title, &m.Outlet, &m.Author, &m.Date, &m.URL, &m.Language, &m.Format,
		&m.FileName, &m.FilePath, &imported, &d.Engine, &d.Note, &d.Quotes, &d.Text)
	d.ImportedAt, _ = time.Parse(time.RFC3339, imported)
	return d, err
}

// Counts are the library's totals, for the status bar and the sidebar.
type Counts struct {
	Documents, Quotes, NeedsReview, Rejected, Speakers, Topics int
}

// Counts returns the library's totals; NeedsReview uses threshold
// (DefaultReviewThreshold when 0).
func (l *Library) Counts(ctx context.Context, threshold float64) (Counts, error) {
	if threshold == 0 {
		threshold = DefaultReviewThreshold
	}
	var c Counts
	err := l.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM quotes) - (SELECT count(*) FROM quotes WHERE status = 'rejected'),
		(SELECT count(*) FROM quotes WHERE status = 'active' AND confidence < ?),
		(SELECT count(*) FROM quotes WHERE status = 'rejected'),
		(SELECT count(*) FROM speakers),
		(SELECT count(*) FROM topics)`, threshold).
		Scan(&c.Documents, &c.Quotes, &c.NeedsReview, &c.Rejected, &c.Speakers, &c.Topics)
	return c, l.readFailed(err)
}

// Setting returns the value stored under key ("" when there is none). The
// app keeps its UI state here: selection, window layout, sort order.
func (l *Library) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := l.r.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, l.readFailed(err)
}

// SetSetting stores value under key; settings are not journaled.
func (l *Library) SetSetting(ctx context.Context, key, value string) error {
	_, err := l.w.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
	return l.writeFailed(err)
}

// FindSpeaker returns the speaker with name (or alias) name, ignoring case.
func (l *Library) FindSpeaker(ctx context.Context, name string) (Speaker, error) {
	var id int64
	err := l.r.QueryRowContext(ctx, `SELECT id FROM speakers WHERE name = ?
		UNION ALL SELECT speaker_id FROM speaker_aliases WHERE alias = ? LIMIT 1`, cleanName(name), cleanName(name)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Speaker{}, errorf(CodeNotFound, nil, "There is no speaker called “%s” in the library.", name)
	} else if err != nil {
		return Speaker{}, l.readFailed(err)
	}
	all, err := l.Speakers(ctx, SpeakerFilter{Match: cleanName(name)})
	for _, s := range all {
		if s.ID == id {
			return s, err
		}
	}
	return Speaker{ID: id, Name: cleanName(name)}, err
}

// FindTopic returns the topic called name, ignoring case, whether the
// sidebar lists it or not.
func (l *Library) FindTopic(ctx context.Context, name string) (Topic, error) {
	found, err := l.listTopics(ctx, "t.name = ?", []any{cleanName(name)})
	if err != nil {
		return Topic{}, err
	}
	if len(found) == 0 {
		// SQLite folds case in ASCII only: “ÖKOLOGIE” is found here.
		all, err := l.AllTopics(ctx)
		if err != nil {
			return Topic{}, err
		}
		for _, t := range all {
			if strings.EqualFold(t.Name, cleanName(name)) {
				return t, nil
			}
		}
		return Topic{}, errorf(CodeNotFound, nil, "There is no topic called “%s” in the library.", name)
	}
	return found[0], nil
}
