package attrib

import (
	"os"
	"path/filepath"
	"testing"

	"verbatim/core/eval"
	"verbatim/core/extract/lexicon"
)

// BenchmarkCast builds the cast of each PDNC dev novel: the one sweep of
// the fiction reading over a whole book.
func BenchmarkCast(b *testing.B) {
	dir, _ := os.Getwd()
	for dir != filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	path := filepath.Join(dir, "..", "shared", "eval", "pdnc", "dev.jsonl")
	docs, err := eval.ReadCorpusFile(path)
	if err != nil || len(docs) == 0 {
		b.Skipf("PDNC novels absent at %s: %v", path, err)
	}
	lx := lexicon.MustLoadAll()["en"]
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			buildCast(d.Text, lx)
		}
	}
}
