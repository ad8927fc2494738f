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
	flag.Parse()
	if err := run(*evalDir, *out, *limit, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(evalDir, outDir string, limit int, log io.Writer) error {
	engine := extract.New()
	for _, c := range []corpus{{"en", "polnear/train.jsonl", 0.0005}, {"de", "de-wikinews/train.jsonl", 0.005}} {
		path := filepath.Join(evalDir, c.file)
		docs, err := eval.ReadCorpusFile(path)
		if err != nil {
			return err
		}
		if limit > 0 && len(docs) > limit {
			docs = docs[:limit]
		}
		var ranker *attrib.Model
		var weights []float64
		var stats string
		for round := 0; round < 3; round++ {
			var rankers map[string]*attrib.Model
			if ranker != nil {
				rankers = map[string]*attrib.Model{c.lang: ranker}
			}
			speakers, quotes := collect(engine, docs, c.lang, rankers)
			if round == 2 {
				// The ranker is final: learn the quote classifier.
				weights = fit(quotes, len(attrib.QuoteFeatureNames()), c.l2)
				stats = quotes.stats(weights)
				fmt.Fprintf(log, "%s quote classifier: %s\n", c.file, stats)
				if err := write(filepath.Join(outDir, "quotes_"+c.lang+".txt"), c.file, stats, attrib.QuoteFeatureNames(), weights); err != nil {
					return err
				}
				fmt.Fprintf(log, "wrote %s\n", filepath.Join(outDir, "quotes_"+c.lang+".txt"))
				break
			}
			weights = fit(speakers, len(attrib.FeatureNames()), c.l2)
			stats = speakers.stats(weights)
			fmt.Fprintf(log, "%s speaker ranker round %d: %s\n", c.file, round, stats)
			if ranker, err = attrib.NewRanker(named(attrib.FeatureNames(), weights)); err != nil {
				return err
			}
			if round == 1 {
				if err := write(filepath.Join(outDir, "ranker_"+c.lang+".txt"), c.file, stats, attrib.FeatureNames(), weights); err != nil {
					return err
				}
				fmt.Fprintf(log, "wrote %s\n", filepath.Join(outDir, "ranker_"+c.lang+".txt"))
			}
		}
	}
	return nil
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
