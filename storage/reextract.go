package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"verbatim/core"
	"verbatim/core/ingest"
	"verbatim/core/paragraph"
)

// ReextractResult reports what a new extraction did to one document.
type ReextractResult struct {
	DocumentID int64
	Kept       int // stored quotes found again; every decision on them carried over
	Added      int // quotes the engine found that were not stored
	Removed    int // stored quotes no longer found and never touched by the researcher
	Retained   int // quotes no longer found but kept: the researcher worked on them
	Lost       int // of those, quotes whose words are no longer in the text
	Err        error
}

// Reextract runs eng on a stored document again and merges its quotes with
// the stored ones: a quote found again keeps its id, speaker change, status,
// note and topics; quotes the researcher added, rejected or otherwise worked
// on stay even when the engine no longer finds them.
func (l *Library) Reextract(ctx context.Context, docID int64, eng Engine) (ReextractResult, error) {
	return l.reextract(ctx, docID, nil, eng, true)
}

// ReplaceDocument replaces a stored document's text and metadata with doc (a
// new import of the same article, say by a better importer) and extracts it
// again. Stored quotes are found in the new text by their words near their
// old place, so edits survive text that moved.
func (l *Library) ReplaceDocument(ctx context.Context, docID int64, doc core.Document, eng Engine) (ReextractResult, error) {
	if doc.Meta.Hash == "" {
		doc.Meta.Hash = ingest.ContentHash(doc.Text)
	}
	return l.reextract(ctx, docID, &doc, eng, true)
}

// ReextractOutdated extracts again every document whose quotes came from an
// engine version other than eng.Version, one transaction per document.
func (l *Library) ReextractOutdated(ctx context.Context, eng Engine, progress func(ReextractResult)) ([]ReextractResult, error) {
	rows, err := l.r.QueryContext(ctx, "SELECT id FROM documents WHERE engine <> ? ORDER BY id", eng.Version)
	if err != nil {
		return nil, l.readFailed(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, l.readFailed(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	defer l.narrowWriterCache(ctx)()
	var out []ReextractResult
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return out, errors.Join(err, l.tidySuggestions(context.WithoutCancel(ctx)))
		}
		// Suggested topics left without quotes are removed once at the
		// end rather than after each document: removing topics makes the
		// next document read the library's topics again.
		r, err := l.reextract(ctx, id, nil, eng, false)
		r.Err = err
		out = append(out, r)
		if progress != nil {
			progress(r)
		}
	}
	return out, l.tidySuggestions(ctx)
}

// narrowWriterCache gives the writer the readers' page cache while a pass
// over the whole library runs, and returns what puts its own back. The
// pass reads each document's pages once, so the writer's larger cache,
// kept for imports, only filled with pages not read again: updating the
// 14,000-document library, verbatim-cli peaked at 103 MB, now 84 MB, in
// the same time (docs/PERFORMANCE.md 1e).
func (l *Library) narrowWriterCache(ctx context.Context) (restore func()) {
	_, _ = l.w.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", readerCacheKiB))
	return func() {
		ctx := context.WithoutCancel(ctx)
		_, _ = l.w.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", writerCacheKiB))
		_, _ = l.w.ExecContext(ctx, "PRAGMA shrink_memory")
	}
}

// outdatedCountSQL counts the documents of engines other than its
// parameter from the index on documents(engine), without their text.
const outdatedCountSQL = "SELECT count(*) FROM documents WHERE engine <> ?"

// OutdatedDocuments counts the documents whose quotes came from an engine
// version other than version: those ReextractOutdated would extract again.
func (l *Library) OutdatedDocuments(ctx context.Context, version string) (int, error) {
	var n int
	err := l.r.QueryRowContext(ctx, outdatedCountSQL, version).Scan(&n)
	return n, l.readFailed(err)
}

// tidySuggestions removes suggested topics no quote carries any more.
func (l *Library) tidySuggestions(ctx context.Context) error {
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return l.writeFailed(err)
	}
	defer tx.Rollback()
	if err := l.dropEmptySuggestions(&writeTx{ctx: ctx, tx: tx, unjournaled: true}); err != nil {
		l.filers.reset()
		return l.writeFailed(err)
	}
	return l.writeFailed(tx.Commit())
}

// reextract extracts one document again in one transaction; with tidy,
// suggested topics left without quotes go too.
func (l *Library) reextract(ctx context.Context, docID int64, replacement *core.Document, eng Engine, tidy bool) (res ReextractResult, err error) {
	res = ReextractResult{DocumentID: docID}
	old, err := l.loadDocument(ctx, docID)
	if err != nil {
		return res, err
	}
	doc := old
	if replacement != nil {
		doc = *replacement
	}
	fresh, dt, given, err := runEngine(eng, doc)
	if err != nil {
		return res, importError(err)
	}
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return res, l.writeFailed(err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			l.filers.reset() // it may know topics the rollback took away
		}
	}()
	w := &writeTx{ctx: ctx, tx: tx, unjournaled: true}
	if replacement != nil {
		if err := replaceText(w, docID, doc); err != nil {
			return res, l.editFailed(err)
		}
	}
	suggested, err := l.fileSuggestions(w, eng, dt, given)
	if err != nil {
		return res, l.writeFailed(err)
	}
	if err := mergeQuotes(w, docID, old.Text, doc, fresh, suggested, &res); err != nil {
		return res, l.editFailed(err)
	}
	if _, err := w.exec("UPDATE documents SET engine = ? WHERE id = ?", eng.Version, docID); err != nil {
		return res, l.writeFailed(err)
	}
	if tidy {
		if err := l.dropEmptySuggestions(w); err != nil {
			return res, l.writeFailed(err)
		}
	}
	return res, l.writeFailed(tx.Commit())
}

func (l *Library) loadDocument(ctx context.Context, id int64) (core.Document, error) {
	var d core.Document
	m := &d.Meta
	err := l.r.QueryRowContext(ctx, `SELECT text, hash, title, outlet, author, date, url, language, format, file_name, file_path
		FROM documents WHERE id = ?`, id).Scan(&d.Text, &m.Hash, &m.Title, &m.Outlet, &m.Author, &m.Date, &m.URL,
		&m.Language, &m.Format, &m.FileName, &m.FilePath)
	if errors.Is(err, sql.ErrNoRows) {
		return d, notFound("document", id)
	}
	return d, l.readFailed(err)
}

func replaceText(w *writeTx, docID int64, doc core.Document) error {
	var other int64
	err := w.queryRow("SELECT id FROM documents WHERE hash = ? AND id <> ?", doc.Meta.Hash, docID).Scan(&other)
	if err == nil {
		return invalid("The new text is already in the library as another document (number %d).", other)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	m := doc.Meta
	if err := w.update("documents", docID, map[string]any{
		"hash": m.Hash, "title": m.Title, "outlet": m.Outlet, "author": m.Author, "date": m.Date, "url": m.URL,
		"language": m.Language, "format": m.Format, "file_name": m.FileName, "file_path": m.FilePath, "text": doc.Text,
	}); err != nil {
		return err
	}
	_, err = w.exec("UPDATE quotes SET doc_date = ? WHERE doc_id = ?", m.Date, docID)
	return err
}

// mergeQuotes brings a document's stored quotes in line with fresh, the
// engine's quotes for doc, keeping every decision of the researcher.
func mergeQuotes(w *writeTx, docID int64, oldText string, doc core.Document, fresh []core.Quote,
	suggested []SuggestedTopic, res *ReextractResult) error {
	old, err := loadStored(w, docID)
	if err != nil {
		return err
	}
	for i := range fresh {
		if len(fresh[i].Fragments) == 0 {
			fresh[i].Fragments = []core.Span{fresh[i].Span}
		}
		if err := checkQuote(doc.Text, fresh[i]); err != nil {
			return fmt.Errorf("quote %d: %v", i+1, err)
		}
	}
	placed := anchorAll(oldText, doc.Text, old)
	quoted := make([]string, len(old))
	for i, q := range old {
		quoted[i] = q.quoted
	}
	byNew := match(placed, fresh, oldText, doc.Text, quoted)
	paras := paragraph.New(doc.Text)
	ids := make([]int64, len(fresh))
	kept := make([]bool, len(old))
	for n, q := range fresh {
		o := byNew[n]
		if o < 0 {
			speaker, err := speakerFor(w, q.Speaker, q.SpeakerKind)
			if err != nil {
				return err
			}
			if ids[n], err = w.insert("quotes", quoteRow(docID, doc.Meta.Date, doc.Text, q, paras, speaker)); err != nil {
				return err
			}
			res.Added++
			continue
		}
		kept[o], ids[n] = true, old[o].id
		res.Kept++
		if old[o].origin == OriginUser {
			// The researcher's own span stands; only the text may have moved.
			if err := movePositions(w, old[o].id, doc.Text, placed[o], paras); err != nil {
				return err
			}
			continue
		}
		speaker, err := speakerFor(w, q.Speaker, q.SpeakerKind)
		if err != nil {
			return err
		}
		row := quoteRow(docID, doc.Meta.Date, doc.Text, q, paras, speaker)
		row["non_quote"] = string(q.NonQuote) // the engine may have changed its mind
		delete(row, "doc_id")
		if old[o].speakerByUser {
			delete(row, "speaker_id")
		}
		if err := w.update("quotes", old[o].id, row); err != nil {
			return err
		}
		// Suggestions and rules are made afresh below; user links stay.
		if _, err := w.exec("DELETE FROM quote_topics WHERE quote_id = ? AND origin <> 'user'", old[o].id); err != nil {
			return err
		}
	}
	for o, q := range old {
		switch {
		case kept[o]:
		case !q.touched():
			if _, err := w.exec("DELETE FROM quotes WHERE id = ?", q.id); err != nil {
				return err
			}
			res.Removed++
		default:
			res.Retained++
			if !placed[o].found {
				res.Lost++
				continue
			}
			if err := movePositions(w, q.id, doc.Text, placed[o], paras); err != nil {
				return err
			}
		}
	}
	if err := linkSuggestions(w, ids, suggested); err != nil {
		return err
	}
	return applyRules(w, nil, ruleScopeDoc, docID)
}

// movePositions stores where a quote now lies in text.
func movePositions(w *writeTx, id int64, text string, a anchored, paras *paragraph.Index) error {
	return w.update("quotes", id, map[string]any{
		"span_start": a.span.Start, "span_end": a.span.End, "fragments": encodeSpans(a.fragments),
		"text": a.span.In(text), "paragraph": paras.NumberAt(a.span.Start),
		"mention_start": a.mention.Start, "mention_end": a.mention.End, "mention": a.mention.In(text),
		"cue_start": a.cue.Start, "cue_end": a.cue.End,
	})
}

func loadStored(w *writeTx, docID int64) ([]storedQuote, error) {
	rows, err := w.query(`SELECT id, span_start, span_end, fragments, mention_start, mention_end, cue_start, cue_end,
		origin, status, speaker_by_user, note, text, mention,
		EXISTS (SELECT 1 FROM quote_topics t WHERE t.quote_id = quotes.id AND t.origin = 'user')
		FROM quotes WHERE doc_id = ? ORDER BY span_start, id`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedQuote
	for rows.Next() {
		var q storedQuote
		var frags, origin, status string
		if err := rows.Scan(&q.id, &q.span.Start, &q.span.End, &frags, &q.mention.Start, &q.mention.End,
			&q.cue.Start, &q.cue.End, &origin, &status, &q.speakerByUser, &q.note, &q.quoted, &q.mentionText,
			&q.userLinks); err != nil {
			return nil, err
		}
		q.fragments, q.origin, q.status = decodeSpans(frags), Origin(origin), Status(status)
		out = append(out, q)
	}
	return out, rows.Err()
}
