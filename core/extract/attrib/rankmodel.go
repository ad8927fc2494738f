package attrib

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"verbatim/core"
)

// The learned models' weights come from go run ./core/extract/train, which
// reads the training splits in ../shared/eval; they are embedded here, one
// file per model and language: ranker_en.txt, quotes_en.txt (PolNeAR
// train), ranker_de.txt, quotes_de.txt (German Wikinews train).
//
//go:embed ranker_*.txt quotes_*.txt
var modelFiles embed.FS

// Model is a linear model over binary features: the score of a set of
// features is the sum of their weights. The speaker ranker (rank.go) and
// the quote classifier (quoteclass.go) are both Models, over different
// feature names (FeatureNames, QuoteFeatureNames).
type Model struct {
	weights []float64
}

// Ranker is the speaker ranker's model.
type Ranker = Model

func (r *Model) score(feats []feature) float64 {
	s := 0.0
	for _, f := range feats {
		s += r.weights[f]
	}
	return s
}

// NewRanker builds a ranker from weights by feature name (FeatureNames);
// features not named weigh 0.
func NewRanker(weights map[string]float64) (*Ranker, error) {
	return newModel(FeatureNames(), weights)
}

// NewQuoteModel builds a quote classifier from weights by feature name
// (QuoteFeatureNames).
func NewQuoteModel(weights map[string]float64) (*Model, error) {
	return newModel(QuoteFeatureNames(), weights)
}

func newModel(names []string, weights map[string]float64) (*Model, error) {
	ids := map[string]int{}
	for id, name := range names {
		ids[name] = id
	}
	r := &Model{weights: make([]float64, len(names))}
	for name, w := range weights {
		id, ok := ids[name]
		if !ok {
			return nil, fmt.Errorf("unknown feature %q", name)
		}
		r.weights[id] = w
	}
	return r, nil
}

// ParseRanker reads a ranker weights file: "feature weight" per line, #
// comments.
func ParseRanker(data string) (*Ranker, error) {
	return parseModel(FeatureNames(), data)
}

// ParseQuoteModel reads a quote classifier weights file, in the same
// format.
func ParseQuoteModel(data string) (*Model, error) {
	return parseModel(QuoteFeatureNames(), data)
}

func parseModel(names []string, data string) (*Model, error) {
	weights := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			return nil, fmt.Errorf("line %d: want FEATURE WEIGHT", n)
		}
		w, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		weights[fields[0]] = w
	}
	r, err := newModel(names, weights)
	if err != nil {
		return nil, err
	}
	return r, sc.Err()
}

// loadModels reads the embedded weights of one model (file name prefix
// "ranker_" or "quotes_") for every language that has them. They are
// compiled in and tested, so a bad file is a build error.
func loadModels(prefix string, names []string) map[string]*Model {
	out := map[string]*Model{}
	entries, _ := modelFiles.ReadDir(".")
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		lang := strings.TrimSuffix(strings.TrimPrefix(e.Name(), prefix), ".txt")
		data, err := modelFiles.ReadFile(e.Name())
		if err == nil {
			out[lang], err = parseModel(names, string(data))
		}
		if err != nil {
			panic("attrib: embedded " + e.Name() + ": " + err.Error())
		}
	}
	return out
}

func loadRankers() map[string]*Ranker { return loadModels("ranker_", FeatureNames()) }

// WithModels returns a copy of a that uses the given speaker rankers and
// quote classifiers (by language; none when nil) in news text: the
// training command uses it to learn from the rule patterns alone, then
// from its own models.
func (a *Attributor) WithModels(rankers, quoteModels map[string]*Model) *Attributor {
	return &Attributor{lexicons: a.lexicons, rankers: rankers, quoteModels: quoteModels}
}

// Candidate is one possible speaker mention of a quote, with the names of
// its features, for training the ranker.
type Candidate struct {
	Mention  core.Span
	Features []int // ids into FeatureNames
}

// Example is one quote of a news document with its candidate speakers and
// the features the quote classifier reads (ids into QuoteFeatureNames).
type Example struct {
	Quote         core.Quote
	Candidates    []Candidate
	QuoteFeatures []int
}

// Examples attributes in (which must not be Dialogue) like Attribute and
// returns every quote (as Attribute returns it) with the candidates the ranker chose among and the
// quote classifier's features.
func (a *Attributor) Examples(in Input) []Example {
	var out []Example
	p := a.newPass(in)
	at := func(i int) *Example {
		for len(out) <= i {
			out = append(out, Example{})
		}
		out[i].Quote = p.quotes[i]
		return &out[i]
	}
	p.collect = func(i int, cands []candidate) {
		ex := at(i)
		for _, c := range cands {
			ex.Candidates = append(ex.Candidates, Candidate{Mention: core.Span{Start: c.m.start, End: c.m.end}, Features: ids(c.feats)})
		}
	}
	p.collectQuote = func(i int, feats []feature) { at(i).QuoteFeatures = ids(feats) }
	p.run()
	for i := range out {
		out[i].Quote = p.quotes[i] // as attributed and classified in the end
	}
	return out
}

func ids(feats []feature) []int {
	out := make([]int, len(feats))
	for k, f := range feats {
		out[k] = int(f)
	}
	return out
}
