package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractJSONLUsesCodePoints(t *testing.T) {
	out, errOut, code := runCLI(t, "extract", "testdata/putin.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc extractDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	if doc.File != "testdata/putin.txt" || doc.Lang != "en" || len(doc.Quotes) != 2 {
		t.Fatalf("doc = %+v", doc)
	}
	text := []rune(readFile(t, "testdata/putin.txt"))
	q := doc.Quotes[0]
	if got := string(text[q.Start:q.End]); got != q.Text || !strings.HasPrefix(got, "“We are done,”") {
		t.Errorf("quote 1 span gives %q, text %q", got, q.Text)
	}
	if len(q.Fragments) != 2 || string(text[q.Fragments[1][0]:q.Fragments[1][1]]) != "“and we are leaving.”" {
		t.Errorf("fragments %v", q.Fragments)
	}
	if q.Speaker != "Putin" || q.Mention == nil || string(text[q.Mention.Start:q.Mention.End]) != "Putin" || q.Cue == nil || q.Cue.Text != "said" {
		t.Errorf("attribution %+v mention %+v cue %+v", q, q.Mention, q.Cue)
	}
	q2 := doc.Quotes[1]
	if got := string(text[q2.Start:q2.End]); got != "“Не сейчас.”" || q2.Speaker != "Putin" || q2.Mention.Text != "He" {
		t.Errorf("quote 2 %q speaker %q mention %+v", got, q2.Speaker, q2.Mention)
	}
}

func TestExtractGoesOnAfterABadFile(t *testing.T) {
	out, errOut, code := runCLI(t, "extract", "testdata/missing.txt", "testdata/putin.txt")
	if code != exitFailed {
		t.Fatalf("exit %d, want %d", code, exitFailed)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"error":"The file does not exist (it may have been moved or deleted)."`) || !strings.Contains(lines[1], "Putin") {
		t.Errorf("output %q", out)
	}
	if !strings.Contains(errOut, "missing.txt") {
		t.Errorf("stderr %q does not name the file", errOut)
	}
}

func TestExtractFormatsAndUsage(t *testing.T) {
	for _, format := range []string{"csv", "text"} {
		out, _, code := runCLI(t, "extract", "-format", format, "testdata/putin.txt")
		if code != exitOK || !strings.Contains(out, "Putin") || !strings.Contains(out, "We are done") {
			t.Errorf("%s: exit %d, output %q", format, code, out)
		}
	}
	if _, _, code := runCLI(t, "extract", "-format", "xml", "testdata/putin.txt"); code != exitBadUsage {
		t.Errorf("unknown format: exit %d", code)
	}
	if _, _, code := runCLI(t, "extract"); code != exitBadUsage {
		t.Errorf("no files: exit %d", code)
	}
}

func TestEvalCommand(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "gold.jsonl")
	line := `{"id":"d1","source":"PolNeAR","text":"“We are done,” Putin said.","quotes":[{"start":0,"end":14,"speaker":"Putin","speaker_spans":[[15,20]],"quoted_segments":[[0,14]]}]}`
	if err := os.WriteFile(gold, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "eval", gold)
	if code != exitOK || !strings.Contains(out, "F1 1.000") || !strings.Contains(out, "speaker mention accuracy 1.000") {
		t.Errorf("exit %d, output %q, stderr %q", code, out, errOut)
	}
	if _, _, code := runCLI(t, "eval"); code != exitBadUsage {
		t.Errorf("no gold file: exit %d", code)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The contract: for a UTF-8 text file, offsets are code points into the
// file's own content, however it spaces its paragraphs.
func TestExtractOffsetsIndexTheFileItself(t *testing.T) {
	content := "Monday, 3 March 2025  \n\n\n\nThe minister was blunt.   \n\n\n“Мы не уйдём,” she said, “not now.”\t\n\n\n\n" +
		"Critics disagreed. “It is a café-table idea,” said Jonas Berg.\n"
	path := writeTemp(t, "spaced.txt", content)
	out, errOut, code := runCLI(t, "extract", path)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc extractDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	if len(doc.Quotes) != 2 {
		t.Fatalf("%d quotes, want 2: %+v", len(doc.Quotes), doc.Quotes)
	}
	text := []rune(content)
	for _, q := range doc.Quotes {
		if got := string(text[q.Start:q.End]); got != q.Text {
			t.Errorf("code points %d–%d of the file hold %q, the quote says %q", q.Start, q.End, got, q.Text)
		}
	}
}
