package extract

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"verbatim/core"
	"verbatim/core/cputime"
	"verbatim/core/eval"
)

func loadNovels(b *testing.B) []core.Document {
	b.Helper()
	path := filepath.Join(sharedEval(b), "pdnc", "dev.jsonl")
	gold, err := eval.ReadCorpusFile(path)
	if err != nil || len(gold) == 0 {
		b.Skipf("PDNC novels absent at %s: %v", path, err)
	}
	docs := make([]core.Document, len(gold))
	for i, g := range gold {
		docs[i] = core.Document{Text: g.Text}
	}
	return docs
}

// BenchmarkQuotesNovels runs the full pipeline over whole PDNC novels;
// the MB/s column is the engine's speed on one core. On a shared machine
// wall-clock time includes waiting for a core: cpu-MB/s divides the text
// by the CPU time the process used instead (garbage collection included).
func BenchmarkQuotesNovels(b *testing.B) {
	docs := loadNovels(b)
	engine := New()
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	runtime.GC() // the corpus file's garbage is not the engine's
	b.ResetTimer()
	cpu0 := cputime.Process()
	for b.Loop() {
		for _, d := range docs {
			engine.Quotes(d)
		}
	}
	reportCPU(b, total, cpu0)
}

// reportCPU adds the cpu-MB/s metric: bytes per loop over the process CPU
// time since cpu0.
func reportCPU(b *testing.B, bytes int, cpu0 time.Duration) {
	if cpu1 := cputime.Process(); cpu1 > cpu0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/(cpu1-cpu0).Seconds(), "cpu-MB/s")
	}
}

// BenchmarkQuotesScaling runs one novel once and ten times over, to show
// that cost grows linearly with length (compare ns/op, or MB/s).
func BenchmarkQuotesScaling(b *testing.B) {
	docs := loadNovels(b)
	engine := New()
	for _, times := range []int{1, 10} {
		text := strings.Repeat(docs[0].Text+"\n\n", times)
		b.Run(map[int]string{1: "x1", 10: "x10"}[times], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			cpu0 := cputime.Process()
			for b.Loop() {
				engine.Quotes(core.Document{Text: text})
			}
			reportCPU(b, len(text), cpu0)
		})
	}
}
