package ui

import (
	"context"
	"iter"
	"path/filepath"
	"runtime"
	"testing"

	"verbatim/core"
	"verbatim/storage"
)

// workersSeen is a store that notes how many workers each import asks for.
type workersSeen struct {
	DocumentStore
	workers []int
}

func (w *workersSeen) Import(ctx context.Context, docs iter.Seq[core.Document], eng storage.Engine, opts storage.ImportOptions) ([]storage.ImportResult, error) {
	w.workers = append(w.workers, opts.Workers)
	return w.DocumentStore.Import(ctx, docs, eng, opts)
}

// The app sizes an import on the machine's processors, which it counts
// before it gives the Go scheduler more (cmd/verbatim); without a count an
// import leaves one of GOMAXPROCS to the window.
func TestImportUsesThePipelinesWorkers(t *testing.T) {
	path, _ := filepath.Abs(filepath.Join("testdata", "articles", "harbour.txt"))
	for _, tc := range []struct {
		workers, want int
	}{
		{workers: 3, want: 3},
		{workers: 0, want: max(1, runtime.GOMAXPROCS(0)-1)},
	} {
		store := &workersSeen{DocumentStore: tempLibrary(t)}
		p := Pipeline{Store: store, Engine: NewEngine(), Workers: tc.workers}
		if s := p.ImportPaths(context.Background(), []string{path}, func(ImportProgress) {}); s.Imported != 1 {
			t.Fatalf("Workers %d: imported %+v", tc.workers, s)
		}
		if len(store.workers) != 1 || store.workers[0] != tc.want {
			t.Errorf("Workers %d: the store was asked for %v workers, want [%d]", tc.workers, store.workers, tc.want)
		}
	}
}
