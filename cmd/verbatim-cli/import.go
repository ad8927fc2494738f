package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"

	"verbatim/core"
	"verbatim/core/ingest"
	"verbatim/storage"
)

// runImport adds article files (and every file inside folders) to the
// library, with progress on stderr. Files are read while earlier ones are
// analysed and stored, as in the app, so a batch of thousands never sits
// in memory at once; Ctrl-C stops it with what was stored kept.
func runImport(e *env, args []string) int {
	flags, dir := newFlags(e, "import", "import [--library DIR] FILE|DIR...")
	paths, err := parseArgs(flags, args)
	if err != nil {
		return exitBadUsage
	}
	if len(paths) == 0 {
		flags.Usage()
		return exitBadUsage
	}
	eng, ok := engine(e)
	if !ok {
		return exitFailed
	}
	l, ok := openLibrary(e, *dir)
	if !ok {
		return exitFailed
	}
	defer l.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	log := &importLog{out: e.stderr}
	readCtx, stopReading := context.WithCancel(ctx)
	docs := make(chan core.Document)
	read := make(chan error, 1)
	go func() {
		defer close(docs)
		read <- ingest.Import(readCtx, paths, ingest.BatchOptions{}, func(r ingest.Result) {
			log.fileRead(r)
			for _, d := range r.Documents {
				log.documentRead(r, d)
				select {
				case docs <- d:
				case <-readCtx.Done():
					return
				}
			}
		})
	}()
	_, err = l.Import(ctx, func(yield func(core.Document) bool) {
		for d := range docs {
			if !yield(d) {
				return
			}
		}
	}, eng, storage.ImportOptions{Progress: log.stored})
	stopReading()
	for range docs { // let the reader see the stop and end
	}
	if readErr := <-read; err == nil && readErr != nil && ctx.Err() == nil {
		err = readErr
	}
	return log.finish(ctx, err)
}

// importLog prints an import's progress. Files are read on one goroutine
// and stored on another; both write here.
type importLog struct {
	mu  sync.Mutex
	out io.Writer
	// docs labels each document by its position in the library's input.
	docs                                 []docLabel
	imported, duplicates, quotes, failed int
}

type docLabel struct {
	name        string
	done, total int // the file's position in the batch
}

// fileRead reports a file that could not be read.
func (g *importLog) fileRead(r ingest.Result) {
	if r.Err == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.failed++
	fmt.Fprintf(g.out, "[%d/%d] %v\n", r.Done, r.Total, r.Err)
}

// documentRead labels the next document handed to the library.
func (g *importLog) documentRead(r ingest.Result, d core.Document) {
	name := d.Meta.FilePath
	if name == "" {
		name = r.Path
	}
	if len(r.Documents) > 1 { // an export or a spreadsheet: which article
		name += " — " + d.Meta.Title
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.docs = append(g.docs, docLabel{name: name, done: r.Done, total: r.Total})
}

func (g *importLog) stored(r storage.ImportResult) {
	g.mu.Lock()
	defer g.mu.Unlock()
	d := docLabel{name: r.Title}
	if r.Index < len(g.docs) {
		d = g.docs[r.Index]
	}
	prefix := fmt.Sprintf("[%d/%d] %s", d.done, d.total, d.name)
	switch r.Status {
	case storage.Imported:
		g.imported++
		g.quotes += r.Quotes
		fmt.Fprintf(g.out, "%s: %s\n", prefix, plural(r.Quotes, "quote"))
	case storage.Duplicate:
		g.duplicates++
		fmt.Fprintf(g.out, "%s: duplicate, already in the library\n", prefix)
	default:
		g.failed++
		fmt.Fprintf(g.out, "%s: %v\n", prefix, r.Err)
	}
}

// finish prints the summary and gives the exit status.
func (g *importLog) finish(ctx context.Context, err error) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	stopped := ctx.Err() != nil
	if err != nil && !stopped {
		fmt.Fprintf(g.out, "verbatim-cli: %v\n", err)
		g.failed++
	}
	fmt.Fprintf(g.out, "Imported %s with %s; %s already in the library; %s failed.\n",
		plural(g.imported, "document"), plural(g.quotes, "quote"), plural(g.duplicates, "document"), plural(g.failed, "file"))
	if stopped {
		fmt.Fprintln(g.out, "Stopped: the documents imported so far are in the library.")
	}
	if g.failed > 0 || stopped {
		return exitFailed
	}
	return exitOK
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
