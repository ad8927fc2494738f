// Command train learns the weights of the engine's two news models from
// the training splits in ../shared/eval and writes them to
// core/extract/attrib/ranker_LANG.txt and quotes_LANG.txt, which the engine
// embeds. Run it from the repository root:
//
//	go run ./core/extract/train
//
// The speaker ranker (core/extract/attrib/rank.go): for each quote the
// engine finds in a training article, the candidates whose mention overlaps
// the gold speaker span are the right answers; the model is a conditional
// logit (softmax over a quote's candidates). It is trained twice: first
// with the rule patterns alone, then with the first model in place (a
// candidate's features depend on the previous quote's chosen speaker).
//
// The quote classifier (quoteclass.go): every quote the engine finds, with
// the final ranker in place, is an example, right when it matches a gold
// quote as the scorer matches them; the model is a logistic regression (the
// same conditional logit, between the quote's features and nothing).
//
// Both are fitted by full-batch gradient descent with an L2 penalty, so the
// result is deterministic.
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"verbatim/core"
	"verbatim/core/eval"
	"verbatim/core/extract"
	"verbatim/core/extract/attrib"
	"verbatim/core/textpos"
)

// corpus is one language's training split, with the strength of the L2
// penalty: stronger for the smaller German corpus (700 articles, about 600
// quotes) than for PolNeAR (840 articles, about 5,000 quotes).
type corpus struct {
	lang, file string
	l2         float64
}

func main() {
	evalDir := flag.String("eval", "../shared/eval", "folder of the evaluation corpora")
	out := flag.String("out", "core/extract/attrib", "folder the weights files are written to")
	limit := flag.Int("limit", 0, "read only the first N articles of each corpus (0: all); for quick tests")
	folds := flag.Int("folds", 0, "instead of writing weights, cross-validate: train on all folds but one, score the one left out, for each of N folds")
	fiction := flag.Bool("fiction", false, "learn the fiction ranker from the novels' texts instead of the news models")
	flag.Parse()
	var err error
	switch {
	case *fiction:
		err = runFiction(*evalDir, *out, *limit, os.Stdout)
	case *folds > 1:
		err = crossValidate(*evalDir, *limit, *folds, os.Stdout)
	default:
		err = run(*evalDir, *out, *limit, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(evalDir, outDir string, limit int, log io.Writer) error {
	engine := extract.New()
	for _, c := range corpora {
		docs, err := readCorpus(evalDir, c, limit)
		if err != nil {
			return err
		}
		m, err := train(engine, docs, c, log)
		if err != nil {
			return err
		}
		for _, w := range []struct {
			prefix, stats string
			names         []string
			weights       []float64
		}{{"ranker_", m.rankerStats, attrib.FeatureNames(), m.rankerWeights}, {"quotes_", m.quoteStats, attrib.QuoteFeatureNames(), m.quoteWeights}} {
			file := filepath.Join(outDir, w.prefix+c.lang+".txt")
			if err := write(file, c.file, w.stats, w.names, w.weights); err != nil {
				return err
			}
			fmt.Fprintf(log, "wrote %s\n", file)
		}
	}
	return nil
}

// crossValidate measures how the models do on articles they did not
// learn from: article i belongs to fold i mod k; for each fold the models
// are trained on the other folds and the engine, with them, is scored on
// that fold as the evaluation scores it (quote P/R/F1, speaker mention).
func crossValidate(evalDir string, limit, k int, log io.Writer) error {
	engine := extract.New()
	for _, c := range corpora {
		docs, err := readCorpus(evalDir, c, limit)
		if err != nil {
			return err
		}
		pooled := eval.NewReport()
		for fold := 0; fold < k; fold++ {
			var learn, held []eval.GoldDoc
			for i := range docs {
				if i%k == fold {
					held = append(held, docs[i])
				} else {
					learn = append(learn, docs[i])
				}
			}
			m, err := train(engine, learn, c, io.Discard)
			if err != nil {
				return err
			}
			report := eval.NewReport()
			for i := range held {
				d := &held[i]
				exs, _ := engine.Examples(core.Document{Text: d.Text, Meta: core.Meta{Language: c.lang}},
					map[string]*attrib.Model{c.lang: m.ranker}, map[string]*attrib.Model{c.lang: m.quoteModel})
				quotes := make([]core.Quote, len(exs))
				for q, ex := range exs {
					quotes[q] = ex.Quote
				}
				preds := eval.FromQuotes(d.Text, quotes, false)
				report.Add(d, preds, eval.Options{})
				pooled.Add(d, preds, eval.Options{})
			}
			fmt.Fprintf(log, "%s fold %d/%d: %s\n", c.file, fold+1, k, summary(report))
		}
		fmt.Fprintf(log, "%s all %d folds: %s\n", c.file, k, summary(pooled))
	}
	return nil
}

func summary(r *eval.Report) string {
	return fmt.Sprintf("quotes P %.3f R %.3f F1 %.3f (gold %d, predicted %d, matched %d), speaker mention %.3f (%d of %d)",
		r.Precision(), r.Recall(), r.F1(), r.Gold, r.Predicted, r.Matched, r.Mention.Rate(), r.Mention.Correct, r.Mention.Total)
}

// corpora are the training splits, one per language.
var corpora = []corpus{{"en", "polnear/train.jsonl", 0.0005}, {"de", "de-wikinews/train.jsonl", 0.005}}

func readCorpus(evalDir string, c corpus, limit int) ([]eval.GoldDoc, error) {
	docs, err := eval.ReadCorpusFile(filepath.Join(evalDir, c.file))
	if err != nil {
		return nil, err
	}
	if limit > 0 && len(docs) > limit {
		docs = docs[:limit]
	}
	return docs, nil
}

// models are one language's learned weights, with how well each model
// fits its training examples.
type models struct {
	rankerWeights, quoteWeights []float64
	rankerStats, quoteStats     string
	ranker, quoteModel          *attrib.Model
}

// train learns the speaker ranker (two rounds: the rule patterns alone,
// then with the first model in place) and then the quote classifier with
// the final ranker in place.
func train(engine *extract.Engine, docs []eval.GoldDoc, c corpus, log io.Writer) (*models, error) {
	m := &models{}
	var err error
	for round := 0; round < 2; round++ {
		var rankers map[string]*attrib.Model
		if m.ranker != nil {
			rankers = map[string]*attrib.Model{c.lang: m.ranker}
		}
		speakers, _ := collect(engine, docs, c.lang, rankers)
		m.rankerWeights = fit(speakers, len(attrib.FeatureNames()), c.l2)
		m.rankerStats = speakers.stats(m.rankerWeights)
		fmt.Fprintf(log, "%s speaker ranker round %d: %s\n", c.file, round, m.rankerStats)
		if m.ranker, err = attrib.NewRanker(named(attrib.FeatureNames(), m.rankerWeights)); err != nil {
			return nil, err
		}
	}
	_, quotes := collect(engine, docs, c.lang, map[string]*attrib.Model{c.lang: m.ranker})
	m.quoteWeights = fit(quotes, len(attrib.QuoteFeatureNames()), c.l2)
	m.quoteStats = quotes.stats(m.quoteWeights)
	fmt.Fprintf(log, "%s quote classifier: %s\n", c.file, m.quoteStats)
	if m.quoteModel, err = attrib.NewQuoteModel(named(attrib.QuoteFeatureNames(), m.quoteWeights)); err != nil {
		return nil, err
	}
	return m, nil
}

// example is one quote: its candidates' feature ids and which are right.
type example struct {
	feats  [][]int
	good   []bool
	weight float64 // how many scored segments the example stands for
}

// dataset is one model's examples: quotes with a gold speaker and their
// candidates (ranker), or every quote found (classifier).
type dataset struct {
	examples []example
	quotes   int // examples before dropping those with no right answer
	covered  int // of which some choice is right
}

// collect runs the engine over docs and labels every candidate speaker
// and every quote.
func collect(engine *extract.Engine, docs []eval.GoldDoc, lang string, rankers map[string]*attrib.Model) (speakers, quoteSet *dataset) {
	speakers, quoteSet = &dataset{}, &dataset{}
	for i := range docs {
		d := &docs[i]
		exs, ok := engine.Examples(core.Document{Text: d.Text, Meta: core.Meta{Language: lang}}, rankers, nil)
		if !ok {
			continue
		}
		quotes := make([]core.Quote, len(exs))
		for k, ex := range exs {
			quotes[k] = ex.Quote
		}
		gold := eval.MatchGold(d, eval.FromQuotes(d.Text, quotes, true))
		ix := textpos.New(d.Text)
		for k, ex := range exs {
			g := gold[k]
			quoteSet.quotes++
			quoteSet.covered++
			quoteSet.examples = append(quoteSet.examples, example{feats: [][]int{ex.QuoteFeatures, nil}, good: []bool{g != nil, g == nil},
				weight: float64(len(ex.Quote.Fragments))})
			if g == nil || len(g.SpeakerSpans) == 0 {
				continue
			}
			set := speakers
			set.quotes++
			e := example{weight: 1}
			anyGood := false
			for _, c := range ex.Candidates {
				a, b := ix.RuneOffset(c.Mention.Start), ix.RuneOffset(c.Mention.End)
				good := false
				for _, s := range g.SpeakerSpans {
					good = good || (a < s[1] && s[0] < b)
				}
				anyGood = anyGood || good
				e.feats = append(e.feats, c.Features)
				e.good = append(e.good, good)
			}
			if anyGood {
				set.covered++
				set.examples = append(set.examples, e)
			}
		}
	}
	return speakers, quoteSet
}

// fit learns weights by gradient descent (Adam) on the negative log
// likelihood of the right candidates, with an L2 penalty.
func fit(set *dataset, n int, l2 float64) []float64 {
	const (
		iterations = 600
		rate       = 0.05
		beta1      = 0.9
		beta2      = 0.999
	)
	w := make([]float64, n)
	m := make([]float64, n)
	v := make([]float64, n)
	grad := make([]float64, n)
	var scores, probs []float64
	total := 0.0
	for _, e := range set.examples {
		total += e.weight
	}
	for it := 1; it <= iterations; it++ {
		for j := range grad {
			grad[j] = l2 * w[j] * total
		}
		for _, e := range set.examples {
			scores = scores[:0]
			top := math.Inf(-1)
			for _, f := range e.feats {
				s := 0.0
				for _, id := range f {
					s += w[id]
				}
				scores = append(scores, s)
				top = max(top, s)
			}
			probs = probs[:0]
			sum, good := 0.0, 0.0
			for c, s := range scores {
				p := math.Exp(s - top)
				probs = append(probs, p)
				sum += p
				if e.good[c] {
					good += p
				}
			}
			// d(-log(good/total))/ds_c = p_c/total - [c good] p_c/good
			for c, f := range e.feats {
				g := probs[c] / sum
				if e.good[c] {
					g -= probs[c] / good
				}
				for _, id := range f {
					grad[id] += g * e.weight
				}
			}
		}
		scale := 1 / total
		for j := range w {
			g := grad[j] * scale
			m[j] = beta1*m[j] + (1-beta1)*g
			v[j] = beta2*v[j] + (1-beta2)*g*g
			mh := m[j] / (1 - math.Pow(beta1, float64(it)))
			vh := v[j] / (1 - math.Pow(beta2, float64(it)))
			w[j] -= rate * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return w
}

// stats reports how often the top candidate is right.
func (set *dataset) stats(w []float64) string {
	right := 0
	for _, e := range set.examples {
		best, bestScore := -1, math.Inf(-1)
		for c, f := range e.feats {
			s := 0.0
			for _, id := range f {
				s += w[id]
			}
			if s > bestScore {
				best, bestScore = c, s
			}
		}
		if e.good[best] {
			right++
		}
	}
	return fmt.Sprintf("%d examples, %d with a right answer among the choices (%.3f), model right on %d (%.3f of all)",
		set.quotes, set.covered, float64(set.covered)/float64(max(1, set.quotes)), right, float64(right)/float64(max(1, set.quotes)))
}

func named(names []string, w []float64) map[string]float64 {
	out := map[string]float64{}
	for id, name := range names {
		if w[id] != 0 {
			out[name] = w[id]
		}
	}
	return out
}

// write saves the weights, rounded, sorted by name, with a header saying
// where they come from.
func write(file, source, stats string, names []string, w []float64) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Weights learned by `go run ./core/extract/train`\n")
	fmt.Fprintf(&b, "# from ../shared/eval/%s (do not edit by hand).\n# %s\n", source, stats)
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return names[order[a]] < names[order[b]] })
	for _, id := range order {
		if r := math.Round(w[id]*1e4) / 1e4; r != 0 {
			fmt.Fprintf(&b, "%s %.4f\n", names[id], r)
		}
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		return err
	}
	return nil
}
