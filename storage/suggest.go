package storage

import (
	"database/sql"
	"sync"

	"verbatim/core"
	"verbatim/core/extract"
	"verbatim/core/topics"
)

// StandardEngine is the engine the app and the command line run on imported
// documents: core/extract's quotes and core/topics' suggestions, filed under
// the library's topics.
func StandardEngine() (Engine, error) {
	s, err := topics.New()
	if err != nil {
		return Engine{}, err
	}
	x := extract.New()
	return Engine{Version: extract.Version, Quotes: x.Quotes, Language: x.Language, Suggester: s}, nil
}

// suggest runs the engine's topic suggestion on one document's quotes. It
// runs in parallel with other documents; filing the result under the
// library's topics waits for the writer (see filerCache).
func (e Engine) suggest(doc core.Document, quotes []core.Quote) (topics.DocumentTopics, []SuggestedTopic) {
	if doc.Meta.Language == "" && e.Language != nil {
		doc.Meta.Language = e.Language(doc)
	}
	switch {
	case e.Suggester != nil:
		// Document serves every quote it can place; a quote outside the
		// text is refused with its document by checkDocument.
		dt, _ := e.Suggester.Document(doc, quotes)
		return dt, nil
	case e.Topics != nil:
		return topics.DocumentTopics{}, e.Topics(doc, quotes)
	}
	return topics.DocumentTopics{}, nil
}

// filerCache keeps the topics.Filer that files documents' suggestions under
// the library's topics, so that an import of 10,000 documents reads the
// topics once rather than once per document. The filer must always know
// exactly the topics the database has: every transaction that may change
// topics otherwise (an edit, undo, redo, a rolled-back import, suggested
// topics left without quotes and removed) resets it, and the next document
// filed reads the topics afresh inside its own transaction. Since the
// library has a single writer connection, no change can slip in between.
type filerCache struct {
	mu        sync.Mutex
	suggester *topics.Suggester
	filer     *topics.Filer
}

// reset forgets the filer; the next file call reads the topics again.
func (c *filerCache) reset() {
	c.mu.Lock()
	c.filer = nil
	c.mu.Unlock()
}

// file files one document's suggestions (from s) inside w and returns them
// as links to make: library labels per quote.
func (c *filerCache) file(w *writeTx, s *topics.Suggester, dt topics.DocumentTopics) ([]SuggestedTopic, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.filer == nil || c.suggester != s {
		existing, err := existingTopics(w)
		if err != nil {
			return nil, err
		}
		c.filer, c.suggester = s.NewFiler(existing), s
	}
	var out []SuggestedTopic
	for q, as := range c.filer.File(dt).Quotes {
		for _, a := range as {
			out = append(out, SuggestedTopic{Quote: q, Label: a.Label, Reason: a.Reason})
		}
	}
	return out, nil
}

// existingTopics lists the library's topics, oldest first, with the names
// merged into them, then the names of deleted topics, for a filer.
func existingTopics(w *writeTx) ([]topics.ExistingTopic, error) {
	rows, err := w.query(`SELECT 0 AS deleted, t.id, t.name, t.origin, n.id AS nid, n.name FROM topics t LEFT JOIN topic_names n ON n.topic_id = t.id
		UNION ALL SELECT 1, NULL, n.name, '', n.id, NULL FROM topic_names n WHERE n.topic_id IS NULL
		ORDER BY deleted, 2, nid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []topics.ExistingTopic
	last := int64(-1)
	for rows.Next() {
		var deleted int
		var id, nameID sql.NullInt64
		var name, origin string
		var merged sql.NullString
		if err := rows.Scan(&deleted, &id, &name, &origin, &nameID, &merged); err != nil {
			return nil, err
		}
		switch {
		case !id.Valid:
			out = append(out, topics.ExistingTopic{Label: name, Dismissed: true})
		case id.Int64 != last:
			out = append(out, topics.ExistingTopic{Label: name, Suggested: origin == string(TopicSuggested)})
			last = id.Int64
		}
		if merged.Valid {
			out[len(out)-1].Also = append(out[len(out)-1].Also, merged.String)
		}
	}
	return out, rows.Err()
}

// fileSuggestions turns what the engine suggested for a document into the
// links to make, inside w.
func (l *Library) fileSuggestions(w *writeTx, eng Engine, dt topics.DocumentTopics, given []SuggestedTopic) ([]SuggestedTopic, error) {
	if eng.Suggester == nil {
		return given, nil
	}
	return l.filers.file(w, eng.Suggester, dt)
}

// dropEmptySuggestions removes suggested topics that no quote carries any
// more (their documents were extracted again and no longer suggest them)
// and that the researcher has given nothing: no rule, no sub-topic, no
// decision on a quote.
func (l *Library) dropEmptySuggestions(w *writeTx) error {
	res, err := w.exec(`DELETE FROM topics WHERE origin = 'suggested'
		AND NOT EXISTS (SELECT 1 FROM quote_topics x WHERE x.topic_id = topics.id)
		AND NOT EXISTS (SELECT 1 FROM topic_rules r WHERE r.topic_id = topics.id)
		AND id NOT IN (SELECT parent_id FROM topics WHERE parent_id IS NOT NULL)`)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		l.filers.reset()
	}
	return nil
}
