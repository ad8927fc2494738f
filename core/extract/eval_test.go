package extract

import (
	"os"
	"path/filepath"
	"testing"

	"verbatim/core"
	"verbatim/core/eval"
	"verbatim/core/shareddata"
)

func scoreCorpus(t *testing.T, path string) *eval.Report {
	t.Helper()
	docs, err := eval.ReadCorpusFile(path)
	if os.IsNotExist(err) || (err != nil && len(docs) == 0) {
		t.Skipf("evaluation data %s is absent (%v); the dev evaluation needs ../shared/eval", path, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	engine := New()
	report := eval.NewReport()
	for i := range docs {
		d := &docs[i]
		quotes := engine.Quotes(core.Document{Text: d.Text, Meta: core.Meta{Title: d.Title}})
		report.Add(d, eval.FromQuotes(d.Text, quotes, false), eval.Options{})
	}
	return report
}

// target is one threshold of the issue; the test fails below it.
type target struct {
	name string
	get  func(*eval.Report) float64
	min  float64
}

func speakerRate(kind string) func(*eval.Report) float64 {
	return func(r *eval.Report) float64 { v, _ := r.SpeakerRate(kind); return v }
}

// TestDevEvaluation runs the engine on the dev splits and checks the
// issue's targets (docs/EVAL.md gives the figures).
func TestDevEvaluation(t *testing.T) {
	if testing.Short() {
		t.Skip("dev evaluation skipped in -short mode")
	}
	f1 := func(r *eval.Report) float64 { return r.F1() }
	mention := func(r *eval.Report) float64 { return r.Mention.Rate() }
	corpora := []struct {
		file    string
		targets []target
	}{
		{"polnear/dev.jsonl", []target{{"quote F1", f1, 0.97}, {"speaker mention accuracy", mention, 0.90}}},
		{"de-wikinews/dev.jsonl", []target{{"quote F1", f1, 0.80}, {"speaker mention accuracy", mention, 0.75}}},
		{"pdnc/dev.jsonl", []target{{"quote F1", f1, 0.95}, {"speaker accuracy Explicit", speakerRate("Explicit"), 0.92},
			{"speaker accuracy Anaphoric", speakerRate("Anaphoric"), 0.75}, {"speaker accuracy overall", speakerRate("all"), 0.65}}},
	}
	root := sharedEval(t)
	for _, c := range corpora {
		t.Run(c.file, func(t *testing.T) {
			r := scoreCorpus(t, filepath.Join(root, c.file))
			for _, tg := range c.targets {
				got := tg.get(r)
				t.Logf("%s: %.3f (target %.2f)", tg.name, got, tg.min)
				if got < tg.min {
					t.Errorf("%s %s = %.3f, below the target %.2f", c.file, tg.name, got, tg.min)
				}
			}
		})
	}
}

// sharedEval is ../shared/eval beside the repository, or skips the test.
func sharedEval(t testing.TB) string { return shareddata.Path(t, "eval") }
