package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"time"

	"verbatim/core"
	"verbatim/core/ingest"
	"verbatim/core/paragraph"
	"verbatim/core/topics"
)

// Engine is what the library runs on a document: the quote engine and,
// optionally, topic suggestion. Tests swap in other engines to check that user
// edits survive an engine change.
type Engine struct {
	// Version names the engine's rules (extract.Version). A document whose
	// quotes came from another version is outdated (see ReextractOutdated).
	Version string
	// Quotes finds a document's quotes, in document order. It must be safe
	// for concurrent use.
	Quotes func(core.Document) []core.Quote
	// Language, when set, names the language Quotes reads a document in
	// when the document does not say; topic suggestion then reads it in
	// the same one. Two guesses could differ on a text that mixes
	// languages, and German words would become English topics.
	Language func(core.Document) string
	// Topics, when set, suggests topics for the quotes: each suggestion
	// names a quote by its index in the slice Quotes returned, and its label
	// is the library topic's name (a topic of that name is made when there
	// is none). Tests use it; the standard engine uses Suggester.
	Topics func(core.Document, []core.Quote) []SuggestedTopic
	// Suggester, when set, suggests topics instead of Topics. Documents get
	// their suggestions in parallel; the library then files them, one
	// document at a time in input order, under its topics by key, so that
	// “Syrian” joins an existing “Syria”, no topic is ever renamed, and the
	// same documents imported in the same order give the same topics. See
	// topics.Filer.
	Suggester *topics.Suggester
}

// SuggestedTopic proposes that quote number Quote (an index into the
// document's quotes) is about the topic Label, for Reason.
type SuggestedTopic struct {
	Quote  int
	Label  string
	Reason string
}

// ImportStatus says what became of one document.
type ImportStatus string

const (
	Imported  ImportStatus = "imported"
	Duplicate ImportStatus = "duplicate" // the library already holds this text
	Failed    ImportStatus = "failed"
)

// ImportResult reports one document of an import, in input order.
type ImportResult struct {
	Index      int    // position in the input
	Title      string // the document's title or file name, for messages
	DocumentID int64  // the new (or, for a duplicate, the existing) document
	Quotes     int
	Status     ImportStatus
	Err        error // for Failed: a sentence for the researcher
}

// ImportOptions tune an import.
type ImportOptions struct {
	// Workers run the engine in parallel; 0 means one per processor.
	Workers int
	// Progress, when set, is called (from the importing goroutine) for
	// each document, in input order, once its batch is committed (at least
	// every quarter second).
	Progress func(ImportResult)
}

// batchSize and batchTime bound how much one commit holds: each document is
// still atomic (see batchWriter), but committing many at once keeps a
// 10,000-article import from paying one disk flush per article.
const (
	batchSize = 64
	batchTime = 250 * time.Millisecond
)

// Import extracts the quotes of each document with eng and stores it with
// them, atomically per document: after a crash each document is there with
// all its quotes or not at all. A document whose text the library already
// holds is reported as Duplicate. Keyword rules of existing topics are
// applied to the new quotes. On cancellation, documents already stored stay
// and the results so far are returned with ctx's error.
func (l *Library) Import(ctx context.Context, docs iter.Seq[core.Document], eng Engine, opts ImportOptions) ([]ImportResult, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan extractJob)
	done := make(chan extractJob, workers)
	// window bounds the documents in flight, so that results can be put
	// back in input order with little memory.
	window := make(chan struct{}, 4*workers)
	go l.feed(ctx, docs, jobs, window)
	go runWorkers(workers, eng, jobs, done)

	// Writes ignore cancellation: a cancelled import still commits the
	// documents already stored, each whole.
	wctx := context.WithoutCancel(ctx)
	w := &batchWriter{l: l, eng: eng, progress: opts.Progress}
	defer w.abort()
	var failure error
	pending := map[int]extractJob{}
	next := 0
	for job := range done {
		if failure != nil || ctx.Err() != nil {
			continue // drain the workers
		}
		pending[job.index] = job
		for j, ok := pending[next]; ok && failure == nil; j, ok = pending[next] {
			delete(pending, next)
			next++
			<-window
			failure = w.add(wctx, j)
		}
		if failure == nil {
			failure = w.flushIfDue(wctx, false)
		}
		if failure != nil {
			cancel()
		}
	}
	if failure == nil {
		failure = w.flushIfDue(wctx, true)
	}
	if w.total > 0 {
		// Fresh statistics keep list queries on their indexes as the
		// library grows.
		_, _ = l.w.ExecContext(wctx, "PRAGMA optimize")
	}
	if failure != nil {
		return w.results, failure
	}
	return w.results, ctx.Err()
}

type extractJob struct {
	index     int
	doc       core.Document
	quotes    []core.Quote
	suggested topics.DocumentTopics // from eng.Suggester, filed when stored
	topics    []SuggestedTopic      // from eng.Topics
	duplicate int64                 // existing document with the same text
	err       error
}

// feed hands documents to the workers, marking known texts as duplicates so
// that the engine does not run on them.
func (l *Library) feed(ctx context.Context, docs iter.Seq[core.Document], jobs chan<- extractJob, window chan struct{}) {
	defer close(jobs)
	i := 0
	for doc := range docs {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return
		}
		if doc.Meta.Hash == "" {
			doc.Meta.Hash = ingest.ContentHash(doc.Text)
		}
		job := extractJob{index: i, doc: doc}
		i++
		err := l.r.QueryRowContext(ctx, "SELECT id FROM documents WHERE hash = ?", doc.Meta.Hash).Scan(&job.duplicate)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			job.err = err
		}
		select {
		case jobs <- job:
		case <-ctx.Done():
			return
		}
	}
}

func runWorkers(n int, eng Engine, jobs <-chan extractJob, done chan<- extractJob) {
	finished := make(chan struct{})
	for range n {
		go func() {
			defer func() { finished <- struct{}{} }()
			for job := range jobs {
				if job.duplicate == 0 && job.err == nil {
					job.quotes, job.suggested, job.topics, job.err = runEngine(eng, job.doc)
				}
				done <- job
			}
		}()
	}
	for range n {
		<-finished
	}
	close(done)
}

// runEngine runs eng on doc, turning a panic inside the engine into an
// error for this document alone.
func runEngine(eng Engine, doc core.Document) (quotes []core.Quote, dt topics.DocumentTopics, given []SuggestedTopic, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the quote engine failed on this document: %v", p)
		}
	}()
	quotes = eng.Quotes(doc)
	dt, given = eng.suggest(doc, quotes)
	return quotes, dt, given, nil
}

// batchWriter stores documents, committing many in one transaction. Each
// document is still atomic: everything that can go wrong with one document
// is checked before it is written, and any other failure rolls back the whole
// batch. (A savepoint per document would do the same, but makes the
// full-text index flush at every document, which triples the import time.)
type batchWriter struct {
	l        *Library
	eng      Engine
	progress func(ImportResult)
	tx       *sql.Tx
	w        *writeTx
	batch    []ImportResult // the batch's outcomes, reported once committed
	n        int            // documents written in this batch
	total    int            // documents written in all batches
	started  time.Time
	firstID  int64 // first quote id of the batch, for the keyword rules
	links    linkBatch
	results  []ImportResult
}

func (b *batchWriter) begin(ctx context.Context) error {
	tx, err := b.l.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	b.tx, b.w, b.n, b.started = tx, &writeTx{ctx: ctx, tx: tx, unjournaled: true}, 0, time.Now()
	return tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) + 1 FROM quotes").Scan(&b.firstID)
}

// add stores one document in the current batch. An error means the batch
// is lost and the import must stop.
func (b *batchWriter) add(ctx context.Context, j extractJob) error {
	r := ImportResult{Index: j.index, Title: docLabel(j.doc.Meta), DocumentID: j.duplicate}
	defer func() { b.batch = append(b.batch, r) }()
	switch {
	case j.err != nil:
		r.Status, r.Err = Failed, importError(j.err)
		return nil
	case j.duplicate != 0:
		r.Status = Duplicate
		return nil
	}
	if b.tx == nil {
		if err := b.begin(ctx); err != nil {
			r.Status, r.Err = Failed, importError(err)
			return b.fail(err)
		}
	}
	if dup, err := checkDocument(b.w, j.doc, j.quotes); err != nil {
		r.Status, r.Err = Failed, importError(err)
		return nil
	} else if dup != 0 {
		r.Status, r.DocumentID = Duplicate, dup
		return nil
	}
	suggested, err := b.l.fileSuggestions(b.w, b.eng, j.suggested, j.topics)
	if err != nil {
		r.Status, r.Err = Failed, importError(err)
		return b.fail(err)
	}
	id, quoteIDs, err := insertDocument(b.w, j.doc, j.quotes, b.eng.Version)
	if err == nil {
		err = b.links.add(b.w, quoteIDs, suggested)
	}
	if err != nil {
		r.Status, r.Err = Failed, importError(err)
		return b.fail(err)
	}
	b.n++
	b.total++
	r.Status, r.DocumentID, r.Quotes = Imported, id, len(j.quotes)
	return nil
}

// fail rolls the batch back; its documents are reported as not imported.
func (b *batchWriter) fail(cause error) error {
	b.abort()
	for i := range b.batch {
		if b.batch[i].Status == Imported {
			b.batch[i].Status, b.batch[i].DocumentID, b.batch[i].Err = Failed, 0, importError(cause)
		}
	}
	return b.l.writeFailed(cause)
}

// flushIfDue commits the batch when it is full or old enough, or always with
// force, and reports its documents. Keyword rules run on the batch's new
// quotes just before.
func (b *batchWriter) flushIfDue(ctx context.Context, force bool) error {
	if !(force || b.n >= batchSize || time.Since(b.started) >= batchTime) {
		return nil
	}
	if b.tx != nil {
		if err := b.links.write(b.w); err != nil {
			return b.fail(err)
		}
		if err := applyRules(b.w, nil, ruleScopeFrom, b.firstID); err != nil {
			return b.fail(err)
		}
		err := b.tx.Commit()
		b.tx, b.w = nil, nil
		if err != nil {
			return b.fail(err)
		}
	}
	for _, r := range b.batch {
		b.results = append(b.results, r)
		if b.progress != nil {
			b.progress(r)
		}
	}
	b.batch = b.batch[:0]
	return nil
}

func (b *batchWriter) abort() {
	b.links.reset()
	if b.tx != nil {
		b.tx.Rollback()
		b.tx, b.w = nil, nil
		b.l.filers.reset() // it may know topics the rollback took away
	}
}

func importError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: CodeUnusable, Message: "This document could not be stored: " + err.Error(), Err: err}
}

func docLabel(m core.Meta) string {
	if m.Title != "" {
		return m.Title
	}
	return m.FileName
}

// checkDocument finds what would make storing doc fail before anything is
// written: a text the library already holds (its id is returned) or quotes
// that do not fit the text.
func checkDocument(w *writeTx, doc core.Document, quotes []core.Quote) (int64, error) {
	var existing int64
	err := w.queryRow("SELECT id FROM documents WHERE hash = ?", doc.Meta.Hash).Scan(&existing)
	if err == nil {
		return existing, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	for i, q := range quotes {
		if len(q.Fragments) == 0 {
			q.Fragments = []core.Span{q.Span}
		}
		if err := checkQuote(doc.Text, q); err != nil {
			return 0, errorf(CodeInvalid, err, "The quote engine made a mistake on this document (quote %d: %v), so it was not imported.", i+1, err)
		}
	}
	return 0, nil
}

// insertDocument stores doc with its quotes and returns the ids of the
// document and of its quotes; check it with checkDocument first.
func insertDocument(w *writeTx, doc core.Document, quotes []core.Quote, engine string) (int64, []int64, error) {
	m := doc.Meta
	docID, err := w.insert("documents", map[string]any{
		"hash": m.Hash, "title": m.Title, "outlet": m.Outlet, "author": m.Author, "date": m.Date, "url": m.URL,
		"language": m.Language, "format": m.Format, "file_name": m.FileName, "file_path": m.FilePath,
		"text": doc.Text, "imported_at": now(), "engine": engine})
	if err != nil {
		return 0, nil, err
	}
	ids, err := insertQuotes(w, docID, doc, quotes)
	if err != nil {
		return 0, nil, err
	}
	return docID, ids, nil
}

// insertQuotes stores machine-found quotes of a document (checked with
// checkQuote) and returns their ids, in the order given.
func insertQuotes(w *writeTx, docID int64, doc core.Document, quotes []core.Quote) ([]int64, error) {
	paras := paragraph.New(doc.Text)
	ids := make([]int64, len(quotes))
	for i, q := range quotes {
		if len(q.Fragments) == 0 {
			q.Fragments = []core.Span{q.Span}
		}
		speaker, err := speakerFor(w, q.Speaker, q.SpeakerKind)
		if err != nil {
			return nil, err
		}
		if ids[i], err = w.insert("quotes", quoteRow(docID, doc.Meta.Date, doc.Text, q, paras, speaker)); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// linkSuggestions puts the suggested topics on quotes that may already
// carry topics: a stronger link (the researcher's, a rule's) wins.
func linkSuggestions(w *writeTx, quoteIDs []int64, suggested []SuggestedTopic) error {
	topics := topicCache{}
	for _, s := range suggested {
		quote, topic, reason, ok, err := topics.resolve(w, quoteIDs, s)
		if err != nil {
			return err
		}
		if ok {
			if _, err := link(w, quote, topic, LinkSuggested, reason); err != nil {
				return err
			}
		}
	}
	return nil
}

// topicCache finds suggested topics by label within one transaction,
// making those the library lacks.
type topicCache map[string]int64

// resolve returns the quote, topic and reason of suggestion s on the quotes
// quoteIDs; ok is false for a suggestion that names no quote or no topic.
func (c topicCache) resolve(w *writeTx, quoteIDs []int64, s SuggestedTopic) (quote, topic int64, reason string, ok bool, err error) {
	if s.Quote < 0 || s.Quote >= len(quoteIDs) || cleanName(s.Label) == "" {
		return 0, 0, "", false, nil
	}
	topic, known := c[s.Label]
	if !known {
		if topic, err = suggestedTopic(w, s.Label); err != nil {
			return 0, 0, "", false, err
		}
		c[s.Label] = topic
	}
	reason = s.Reason
	if reason == "" {
		reason = "suggested"
	}
	return quoteIDs[s.Quote], topic, reason, true, nil
}

// linkBatch gathers the suggested topics of a batch's new quotes and writes
// them with a few statements when the batch ends, rather than one statement
// per link. The quotes are new, so that nothing outranks a suggestion and
// no link needs looking up first.
type linkBatch struct {
	topics topicCache
	rows   []any // quote, topic, reason of each link
	// perStatement is the most links one statement writes; 0 means
	// linksPerStatement.
	perStatement int
}

// add puts suggested on the new quotes quoteIDs, once the batch is written.
func (b *linkBatch) add(w *writeTx, quoteIDs []int64, suggested []SuggestedTopic) error {
	if b.topics == nil {
		b.topics = topicCache{}
	}
	for _, s := range suggested {
		quote, topic, reason, ok, err := b.topics.resolve(w, quoteIDs, s)
		if err != nil {
			return err
		}
		if ok {
			b.rows = append(b.rows, quote, topic, reason)
		}
	}
	return nil
}

// linksPerStatement keeps a statement's parameters well below SQLite's
// limit (32,766).
const linksPerStatement = 500

// write stores the gathered links and starts afresh, as for a new
// transaction.
func (b *linkBatch) write(w *writeTx) error {
	defer b.reset()
	const row = "(?, ?, 'suggested', ?, 1)"
	most := b.perStatement
	if most <= 0 {
		most = linksPerStatement
	}
	for rows := b.rows; len(rows) > 0; {
		n := min(len(rows)/3, most)
		_, err := w.exec("INSERT INTO quote_topics (quote_id, topic_id, origin, reason, assigned) VALUES "+
			strings.Repeat(row+", ", n-1)+row+" ON CONFLICT DO NOTHING", rows[:3*n]...)
		if err != nil {
			return err
		}
		rows = rows[3*n:]
	}
	return nil
}

// reset forgets the gathered links and the topics found, which a rolled
// back transaction may have taken away.
func (b *linkBatch) reset() {
	b.rows, b.topics = b.rows[:0], nil
}

// quoteRow is the quotes row of q, machine fields only. non_quote is
// left to its default, the empty string, for speech, so that a new row of speech is the
// same in every schema version (an update must set it: see mergeQuotes).
func quoteRow(docID int64, docDate, text string, q core.Quote, paras *paragraph.Index, speaker int64) map[string]any {
	row := map[string]any{
		"doc_id": docID, "doc_date": docDate,
		"span_start": q.Span.Start, "span_end": q.Span.End, "fragments": encodeSpans(q.Fragments),
		"text": q.Span.In(text), "paragraph": paras.NumberAt(q.Span.Start),
		"mention_start": q.Mention.Start, "mention_end": q.Mention.End, "mention": q.Mention.In(text),
		"cue_start": q.Cue.Start, "cue_end": q.Cue.End,
		"machine_speaker": cleanName(q.Speaker), "machine_kind": string(q.SpeakerKind),
		"speaker_id": nullID(speaker), "rule": q.Rule, "confidence": q.Confidence, "unclosed": q.Unclosed,
	}
	if q.NonQuote != "" {
		row["non_quote"] = string(q.NonQuote)
	}
	return row
}

func encodeSpans(spans []core.Span) string {
	pairs := make([][2]int, len(spans))
	for i, s := range spans {
		pairs[i] = [2]int{s.Start, s.End}
	}
	b, _ := json.Marshal(pairs)
	return string(b)
}

func decodeSpans(s string) []core.Span {
	var pairs [][2]int
	if json.Unmarshal([]byte(s), &pairs) != nil {
		return nil
	}
	out := make([]core.Span, len(pairs))
	for i, p := range pairs {
		out[i] = core.Span{Start: p[0], End: p[1]}
	}
	return out
}
