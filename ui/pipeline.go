package ui

import (
	"context"
	"errors"
	"iter"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"verbatim/core"
	"verbatim/core/extract"
	"verbatim/core/ingest"
	"verbatim/storage"
)

// DocumentStore is the part of the library an import writes to, and that
// brings documents read by an older quote engine up to date.
type DocumentStore interface {
	Import(ctx context.Context, docs iter.Seq[core.Document], eng storage.Engine, opts storage.ImportOptions) ([]storage.ImportResult, error)
	Document(ctx context.Context, id int64) (storage.DocumentInfo, error)
	OutdatedDocuments(ctx context.Context, version string) (int, error)
	ReextractOutdated(ctx context.Context, eng storage.Engine, progress func(storage.ReextractResult)) ([]storage.ReextractResult, error)
}

// Pipeline is the app's Importer: core/ingest reads the files, the engine
// finds each document's quotes and topics, and the store keeps them.
type Pipeline struct {
	Store   DocumentStore
	Engine  storage.Engine
	Options ingest.Options
	lazy    *lazyEngine // see LazyPipeline
	turn    *windowTurn // the window's: the workers wait while it has a turn
}

// givingWay is an Importer whose workers can give way to the window.
type givingWay interface {
	givingWayTo(turn *windowTurn) Importer
}

// givingWayTo is p with workers that wait while the window has a turn.
func (p Pipeline) givingWayTo(turn *windowTurn) Importer {
	p.turn = turn
	return p
}

// LazyPipeline is a Pipeline with NewEngine's engine, made when the first
// import or update needs it, in that import's goroutine: the topic word
// lists take a good part of a second to load, which the window's start
// need not wait for.
func LazyPipeline(store DocumentStore) Pipeline {
	return Pipeline{Store: store, lazy: &lazyEngine{version: extract.Version}}
}

// lazyEngine makes NewEngine's engine once.
type lazyEngine struct {
	version string // NewEngine's, known before it is made
	once    sync.Once
	engine  storage.Engine
}

// engine is the engine to run, made now when it is lazy.
func (p Pipeline) engine() storage.Engine {
	if p.lazy == nil {
		return p.Engine
	}
	p.lazy.once.Do(func() { p.lazy.engine = NewEngine() })
	return p.lazy.engine
}

// engineVersion is the engine's version, without making a lazy one.
func (p Pipeline) engineVersion() string {
	if p.lazy == nil {
		return p.Engine.Version
	}
	return p.lazy.version
}

// NewEngine is the engine the app runs on imported documents: the quote
// engine and topic suggestion, as the command line runs them. Should the
// topic word lists fail to load, quotes are still found, without topics.
func NewEngine() storage.Engine {
	eng, err := storage.StandardEngine()
	if err != nil {
		return storage.Engine{Version: extract.Version, Quotes: extract.New().Quotes}
	}
	return eng
}

// importRun gathers what one import did; its methods may be called from
// the reading and the storing goroutine at once.
type importRun struct {
	mu       sync.Mutex
	summary  ImportSummary
	progress ImportProgress
	names    []string // by document index: what to call it in a message
	report   func(ImportProgress)
}

func (r *importRun) fileRead(path string, done, total int, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.progress.FilesDone, r.progress.FilesTotal = done, total
	if err != nil {
		r.summary.Failed = append(r.summary.Failed, ImportProblem{Name: filepath.Base(path), Reason: reasonOf(err)})
	}
	r.send()
}

func (r *importRun) documentRead(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
}

func (r *importRun) stored(res storage.ImportResult) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch res.Status {
	case storage.Imported:
		r.summary.Imported++
		r.summary.Quotes += res.Quotes
	case storage.Duplicate:
		r.summary.Duplicates++
	default:
		name := res.Title
		if res.Index < len(r.names) {
			name = r.names[res.Index]
		}
		r.summary.Failed = append(r.summary.Failed, ImportProblem{Name: name, Reason: reasonOf(res.Err)})
		return
	}
	if r.summary.FirstDocument == 0 {
		r.summary.FirstDocument = res.DocumentID
	}
	r.progress.Documents++
	r.send()
}

func (r *importRun) send() {
	if r.report != nil {
		r.report(r.progress)
	}
}

func (r *importRun) finish(ctx context.Context, err error) ImportSummary {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ctx.Err() != nil {
		r.summary.Cancelled = true
	} else if err != nil {
		r.summary.Failed = append(r.summary.Failed, ImportProblem{Name: "Library", Reason: reasonOf(err)})
	}
	return r.summary
}

// reasonOf is the sentence to show for err, without the file name that the
// summary already shows.
func reasonOf(err error) string {
	var ie *ingest.Error
	if errors.As(err, &ie) {
		return ie.Message
	}
	var se *storage.Error
	if errors.As(err, &se) {
		return se.Message
	}
	if err == nil {
		return "It could not be imported."
	}
	return err.Error()
}

// ImportPaths reads the files (folders recursively) and stores their
// documents while later files are still being read.
func (p Pipeline) ImportPaths(ctx context.Context, paths []string, progress func(ImportProgress)) ImportSummary {
	run := &importRun{report: progress}
	readCtx, stopReading := context.WithCancel(ctx)
	docs := make(chan core.Document)
	var reading sync.WaitGroup
	reading.Add(1)
	go func() {
		defer reading.Done()
		defer close(docs)
		_ = ingest.Import(readCtx, paths, ingest.BatchOptions{Options: p.Options, Workers: importWorkers()}, func(res ingest.Result) {
			run.fileRead(res.Path, res.Done, res.Total, res.Err)
			for _, d := range res.Documents {
				run.documentRead(documentName(res.Path, d))
				p.turn.wait(readCtx)
				select {
				case docs <- d:
				case <-readCtx.Done():
					return
				}
			}
		})
	}()
	_, err := p.Store.Import(ctx, p.afterWindowTurns(ctx, channelSeq(docs)), p.engine(), storage.ImportOptions{Workers: importWorkers(), Progress: run.stored})
	stopReading()
	reading.Wait()
	return run.finish(ctx, err)
}

// ImportBytes imports one file's contents.
func (p Pipeline) ImportBytes(ctx context.Context, name string, data []byte, progress func(ImportProgress)) ImportSummary {
	run := &importRun{report: progress}
	found, err := ingest.BytesContext(ctx, name, data, p.Options)
	run.fileRead(name, 1, 1, err)
	for _, d := range found {
		run.documentRead(documentName(name, d))
	}
	_, err = p.Store.Import(ctx, slices.Values(found), p.engine(), storage.ImportOptions{Workers: importWorkers(), Progress: run.stored})
	return run.finish(ctx, err)
}

// importWorkers leaves one processor to the window, so that it stays
// responsive while an import reads and analyses files on the others.
func importWorkers() int { return max(1, runtime.GOMAXPROCS(0)-1) }

// documentName names a document in messages: its title, else its file.
func documentName(path string, d core.Document) string {
	if d.Meta.Title != "" {
		return d.Meta.Title
	}
	return filepath.Base(path)
}

// afterWindowTurns yields docs, each once the window's turn, if any, has
// ended.
func (p Pipeline) afterWindowTurns(ctx context.Context, docs iter.Seq[core.Document]) iter.Seq[core.Document] {
	if p.turn == nil {
		return docs
	}
	return func(yield func(core.Document) bool) {
		for d := range docs {
			p.turn.wait(ctx)
			if !yield(d) {
				return
			}
		}
	}
}

func channelSeq(docs <-chan core.Document) iter.Seq[core.Document] {
	return func(yield func(core.Document) bool) {
		for d := range docs {
			if !yield(d) {
				return
			}
		}
	}
}

// UpdateOutdated extracts again, with the pipeline's engine, every document
// that an older version of the quote engine read; the library carries every
// decision of the researcher over to the new quotes. progress counts
// documents (FilesDone of FilesTotal) and is not called at all when every
// document is up to date. A stop leaves the rest for the next time.
func (p Pipeline) UpdateOutdated(ctx context.Context, progress func(ImportProgress)) ImportSummary {
	var sum ImportSummary
	total, err := p.Store.OutdatedDocuments(ctx, p.engineVersion())
	if err != nil {
		sum.Update.Failed = append(sum.Update.Failed, ImportProblem{Name: "Library", Reason: reasonOf(err)})
		return sum
	}
	if total == 0 {
		return sum
	}
	prog := ImportProgress{FilesTotal: total}
	progress(prog)
	_, err = p.Store.ReextractOutdated(ctx, p.engine(), func(r storage.ReextractResult) {
		prog.FilesDone++
		switch {
		case r.Err != nil && ctx.Err() != nil: // stopped half-way: left as it was
		case r.Err != nil:
			sum.Update.Failed = append(sum.Update.Failed, ImportProblem{Name: p.documentName(ctx, r.DocumentID), Reason: reasonOf(r.Err)})
		default:
			sum.Update.add(r)
			prog.Documents++
		}
		progress(prog)
		p.turn.wait(ctx) // the next document waits for the window's turn
	})
	switch {
	case ctx.Err() != nil:
		sum.Update.Left = total - sum.Update.Documents - len(sum.Update.Failed)
	case err != nil:
		sum.Update.Failed = append(sum.Update.Failed, ImportProblem{Name: "Library", Reason: reasonOf(err)})
	}
	return sum
}

// documentName names a stored document in messages.
func (p Pipeline) documentName(ctx context.Context, id int64) string {
	if d, err := p.Store.Document(ctx, id); err == nil {
		return orFileName(d.Meta)
	}
	return "An article"
}
