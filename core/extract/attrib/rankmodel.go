package attrib

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"verbatim/core"
)

// The ranker's weights are learned by go run ./core/extract/train from the
// training splits in ../shared/eval and embedded here, one file per
// language: ranker_en.txt (PolNeAR train), ranker_de.txt (German Wikinews
// train).
//
//go:embed ranker_*.txt
var rankerFiles embed.FS

// Ranker is a linear model over candidate features: a candidate's score is
// the sum of the weights of its features.
type Ranker struct {
	weights []float64
}

func (r *Ranker) score(feats []feature) float64 {
	s := 0.0
	for _, f := range feats {
		s += r.weights[f]
	}
	return s
}

// NewRanker builds a ranker from weights by feature name (FeatureNames);
// features not named weigh 0.
func NewRanker(weights map[string]float64) (*Ranker, error) {
	ids := map[string]int{}
	for id, name := range FeatureNames() {
		ids[name] = id
	}
	r := &Ranker{weights: make([]float64, numFeatures)}
	for name, w := range weights {
		id, ok := ids[name]
		if !ok {
			return nil, fmt.Errorf("unknown ranker feature %q", name)
		}
		r.weights[id] = w
	}
	return r, nil
}

// ParseRanker reads a weights file: "feature weight" per line, # comments.
func ParseRanker(data string) (*Ranker, error) {
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
	r, err := NewRanker(weights)
	if err != nil {
		return nil, err
	}
	return r, sc.Err()
}

// loadRankers reads the embedded weights of every language that has them.
// They are compiled in and tested, so a bad file is a build error.
func loadRankers() map[string]*Ranker {
	out := map[string]*Ranker{}
	entries, _ := rankerFiles.ReadDir(".")
	for _, e := range entries {
		lang := strings.TrimSuffix(strings.TrimPrefix(e.Name(), "ranker_"), ".txt")
		data, err := rankerFiles.ReadFile(e.Name())
		if err == nil {
			out[lang], err = ParseRanker(string(data))
		}
		if err != nil {
			panic("attrib: embedded " + e.Name() + ": " + err.Error())
		}
	}
	return out
}

// WithRankers returns a copy of a that ranks speakers in news text with
// the given models by language (none when empty): the training command
// uses it to learn from the rule patterns alone, then from its own model.
func (a *Attributor) WithRankers(rankers map[string]*Ranker) *Attributor {
	return &Attributor{lexicons: a.lexicons, rankers: rankers}
}

// Candidate is one possible speaker mention of a quote, with the names of
// its features, for training the ranker.
type Candidate struct {
	Mention  core.Span
	Features []int // ids into FeatureNames
}

// Example is one quote of a news document with its candidate speakers.
type Example struct {
	Quote      core.Quote
	Candidates []Candidate
}

// Examples attributes in (which must not be Dialogue) like Attribute and
// returns every quote with the candidates the ranker chose among.
func (a *Attributor) Examples(in Input) []Example {
	var out []Example
	p := a.newPass(in)
	p.collect = func(i int, cands []candidate) {
		ex := Example{Quote: p.quotes[i]}
		for _, c := range cands {
			ids := make([]int, len(c.feats))
			for k, f := range c.feats {
				ids[k] = int(f)
			}
			ex.Candidates = append(ex.Candidates, Candidate{Mention: core.Span{Start: c.m.start, End: c.m.end}, Features: ids})
		}
		out = append(out, ex)
	}
	p.run()
	return out
}
