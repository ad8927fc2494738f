package extract

import (
	"path/filepath"
	"testing"

	"verbatim/core"
	"verbatim/core/eval"
)

// BenchmarkQuotesNews runs the full pipeline, learned news models included,
// over the PolNeAR and German Wikinews dev articles.
func BenchmarkQuotesNews(b *testing.B) {
	var docs []core.Document
	total := 0
	for _, file := range []string{"polnear/dev.jsonl", "de-wikinews/dev.jsonl"} {
		gold, err := eval.ReadCorpusFile(filepath.Join(sharedEval(b), file))
		if err != nil || len(gold) == 0 {
			b.Skipf("news articles absent: %v", err)
		}
		for _, g := range gold {
			docs = append(docs, core.Document{Text: g.Text})
			total += len(g.Text)
		}
	}
	engine := New()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			engine.Quotes(d)
		}
	}
}
