package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/core/extract/attrib"
)

// TestFictionTrainingIsReproducible learns the fiction ranker from the
// first novels twice and checks that the weights file parses, carries
// weights, and comes out byte for byte the same.
func TestFictionTrainingIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("training skipped in -short mode")
	}
	evalDir := filepath.Join("..", "..", "..", "..", "shared", "eval")
	if _, err := os.Stat(filepath.Join(evalDir, fictionFile)); err != nil {
		t.Skipf("novels absent: %v (needs ../shared/eval)", err)
	}
	var files [2]string
	for k := range files {
		dir := t.TempDir()
		if err := runFiction(evalDir, dir, 2, io.Discard); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, "fiction_en.txt"))
		if err != nil {
			t.Fatal(err)
		}
		files[k] = string(data)
	}
	if files[0] != files[1] {
		t.Error("fiction_en.txt differs between two runs")
	}
	if _, err := attrib.ParseFictionModel(files[0]); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(files[0], "\n") - strings.Count(files[0], "#"); n < 10 {
		t.Errorf("only %d weights learned", n)
	}
}

// TestReadTextsReadsNoAnnotation checks that the novels are read for
// their text alone: a corpus line's quotes and speakers are not kept.
func TestReadTextsReadsNoAnnotation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.jsonl")
	line := `{"id": "n1", "text": "Some text.", "quotes": [{"start": 0, "end": 4, "speaker": "Emma"}]}` + "\n"
	if err := os.WriteFile(path, []byte(line+line), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readTexts(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != (novel{ID: "n1", Text: "Some text."}) {
		t.Errorf("readTexts = %+v", got)
	}
}
