package main

// The fiction ranker (core/extract/attrib/fictionrank.go) learns from the
// novels' text alone, with no annotation: every quote the engine finds
// tagged with a name (“…,” said Elinor) is an example of a quote tagged
// “she said”, whose candidates are gathered with the name masked and whose
// right answer is the character the name resolves to. Only the text field
// of ../shared/eval/pdnc/dev.jsonl is read (readTexts): its gold speakers
// never are. Trained twice, like the news ranker: with the rules alone,
// then with the first model in place (a candidate's features read the
// speakers of the turns before, which the model helps to find).

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"verbatim/core"
	"verbatim/core/extract"
	"verbatim/core/extract/attrib"
)

// fictionFile is the corpus whose texts the fiction ranker reads, and
// fictionL2 the strength of its L2 penalty.
const (
	fictionFile = "pdnc/dev.jsonl"
	fictionL2   = 0.001
)

// fictionKinds are the kinds of examples the fiction ranker learns from.
// A quote tagged with a name is a poor example of one tagged “he said”:
// a writer names the speaker where “he” would point to someone else (the
// subject of the narration just before, the other party), so a ranker
// that learns from names (attrib.ExampleName) learns to avoid whom a
// pronoun means (PDNC dev, engine 0.8: Anaphoric 0.581 against 0.620;
// 0.609 learning from both kinds). Where one candidate alone has the
// tag's gender, the tag's own word tells who speaks: a sample of tags as
// they are written.
var fictionKinds = map[string]bool{attrib.ExampleGender: true}

// novel is what the training reads of a corpus line: its text, nothing of
// its annotation.
type novel struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// readTexts reads the id and text of every document of a JSONL corpus.
func readTexts(path string, limit int) ([]novel, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []novel
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<28)
	for n := 1; sc.Scan(); n++ {
		var d novel
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s line %d: %v", path, n, err)
		}
		out = append(out, d)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out, sc.Err()
}

// runFiction learns the fiction ranker and writes fiction_en.txt.
func runFiction(evalDir, outDir string, limit int, log io.Writer) error {
	novels, err := readTexts(filepath.Join(evalDir, fictionFile), limit)
	if err != nil {
		return err
	}
	engine := extract.New()
	names := attrib.FictionFeatureNames()
	var model *attrib.Model
	for round := 0; round < 2; round++ {
		set := &dataset{}
		for _, d := range novels {
			exs, ok := engine.FictionExamples(core.Document{Text: d.Text, Meta: core.Meta{Language: "en"}}, model)
			if !ok {
				continue
			}
			for _, ex := range exs {
				if !fictionKinds[ex.Kind] {
					continue
				}
				set.quotes++
				e := example{feats: ex.Candidates, good: ex.Right, weight: 1}
				for _, r := range ex.Right {
					if r {
						set.covered++
						set.examples = append(set.examples, e)
						break
					}
				}
			}
		}
		weights := fit(set, len(names), fictionL2)
		stats := set.stats(weights)
		fmt.Fprintf(log, "%s fiction ranker round %d: %s\n", fictionFile, round, stats)
		if model, err = attrib.NewFictionModel(named(names, weights)); err != nil {
			return err
		}
		if round == 1 {
			file := filepath.Join(outDir, "fiction_en.txt")
			if err := write(file, fictionFile+" (its texts only, with -fiction)", stats, names, weights); err != nil {
				return err
			}
			fmt.Fprintf(log, "wrote %s\n", file)
		}
	}
	return nil
}
