package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/core/extract/attrib"
)

// TestTrainingIsReproducible trains on the first articles of each corpus
// twice and checks that the weights files are written, parse, carry
// non-zero weights and come out byte for byte the same.
func TestTrainingIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("training skipped in -short mode")
	}
	evalDir := filepath.Join("..", "..", "..", "..", "shared", "eval")
	if _, err := os.Stat(filepath.Join(evalDir, "polnear", "train.jsonl")); err != nil {
		t.Skipf("training data absent: %v (needs ../shared/eval)", err)
	}
	var outs [2]string
	for k := range outs {
		outs[k] = t.TempDir()
		if err := run(evalDir, outs[k], 25, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"ranker_en.txt", "quotes_en.txt", "ranker_de.txt", "quotes_de.txt"} {
		a, err := os.ReadFile(filepath.Join(outs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(outs[1], name))
		if string(a) != string(b) {
			t.Errorf("%s differs between two runs", name)
		}
		parse := attrib.ParseQuoteModel
		if strings.HasPrefix(name, "ranker_") {
			parse = attrib.ParseRanker
		}
		if _, err := parse(string(a)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if lines := strings.Count(string(a), "\n"); lines < 20 {
			t.Errorf("%s has %d lines: too few weights learned", name, lines)
		}
	}
}
