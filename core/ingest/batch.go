package ingest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"verbatim/core"
)

// Result is the outcome of importing one file of a batch.
type Result struct {
	Path      string
	Documents []core.Document
	// Err is nil when the file was imported, else an *Error with one
	// sentence for the researcher.
	Err error
	// Done and Total report progress: files finished so far, this one
	// included, out of all files the batch found.
	Done, Total int
}

// BatchOptions configure Import.
type BatchOptions struct {
	Options
	// Workers is how many files are read at once; 0 means the number of
	// CPUs, at most 4.
	Workers int
}

func (o BatchOptions) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return min(runtime.GOMAXPROCS(0), 4)
}

// Import imports every file in paths; folders are walked recursively (see
// Walk). It calls each with one Result per file, in the order the files
// were found, from one goroutine at a time, so each may update a progress
// bar or store documents directly. A file that fails gets a Result with
// its Err and the batch goes on. When ctx is cancelled Import stops soon,
// without calling each again, and returns ctx.Err(); otherwise it returns
// nil, however many files failed.
func Import(ctx context.Context, paths []string, opts BatchOptions, each func(Result)) error {
	var files []Result
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			files = append(files, Result{Path: root, Err: &Error{File: root, Message: openMessage(err), Err: err}})
			continue
		}
		if !info.IsDir() {
			files = append(files, Result{Path: root})
			continue
		}
		err = Walk(ctx, root, func(path string, problem error) error {
			files = append(files, Result{Path: path, Err: problem})
			return nil
		})
		if err != nil {
			return err
		}
	}
	startPDFIfNamed(files)
	return importFiles(ctx, files, opts, each)
}

// startPDFIfNamed starts the PDF reader in the background, while the first
// files are read, when one of files is named as a PDF: starting it takes a
// quarter of a second of processor time and 15 MB, which an import without
// PDFs does not need. A PDF named otherwise starts it when it is read.
func startPDFIfNamed(files []Result) {
	for _, f := range files {
		if f.Err == nil && strings.EqualFold(filepath.Ext(f.Path), ".pdf") {
			go func() { _ = StartPDF() }()
			return
		}
	}
}

// importFiles reads files with a few workers and hands the results to each
// in order. A result waits for the ones before it, so at most a few
// workers' worth of documents are held at once.
func importFiles(ctx context.Context, files []Result, opts BatchOptions, each func(Result)) error {
	ctx, cancel := context.WithCancel(ctx)
	results := make([]chan Result, len(files))
	for i := range results {
		results[i] = make(chan Result, 1)
	}
	slots := make(chan struct{}, opts.workers())
	var wg sync.WaitGroup
	dispatched := make(chan struct{})
	defer func() {
		cancel()
		<-dispatched // no worker starts after this
		wg.Wait()
	}()
	go func() {
		defer close(dispatched)
		for i, f := range files {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				if f.Err == nil {
					f.Documents, f.Err = FileContext(ctx, f.Path, opts.Options)
				}
				results[i] <- f
			}()
		}
	}()
	for i := range files {
		var r Result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-slots
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r.Done, r.Total = i+1, len(files)
		each(r)
	}
	return nil
}
