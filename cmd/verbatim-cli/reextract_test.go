package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/ingest"
	"verbatim/storage"
)

// olderLibrary imports the test articles into a new library with an older
// quote engine, which misses each document's last quote, and changes the
// first quote's speaker.
func olderLibrary(t *testing.T) (dir string, changed int64) {
	t.Helper()
	dir = t.TempDir()
	ctx := context.Background()
	eng, err := storage.StandardEngine()
	if err != nil {
		t.Fatal(err)
	}
	quotes := eng.Quotes
	eng.Version = "0.1-test"
	eng.Quotes = func(d core.Document) []core.Quote {
		q := quotes(d)
		return q[:max(0, len(q)-1)]
	}
	var docs []core.Document
	for _, f := range []string{"testdata/library/harbour.txt", "testdata/library/sub/café.txt"} {
		got, err := ingest.File(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, got...)
	}
	l, err := storage.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.Import(ctx, slices.Values(docs), eng, storage.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := l.Quotes(ctx, storage.QuoteFilter{}, storage.SortDocumentOrder, 0, 1)
	if err != nil || len(rows) == 0 {
		t.Fatalf("the older engine found no quotes (%v)", err)
	}
	if _, err := l.Do(ctx, storage.SetSpeaker{QuoteID: rows[0].ID, NewName: "Pia Lund"}); err != nil {
		t.Fatal(err)
	}
	return dir, rows[0].ID
}

func TestReextractUpdatesOutdatedDocumentsKeepingEdits(t *testing.T) {
	lib, changed := olderLibrary(t)
	before := quoteLines(t, "--library", lib)

	out, errOut, code := runCLI(t, "reextract", "--library", lib)
	if code != exitOK {
		t.Fatalf("reextract: code %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"[1/2]", "[2/2]", "1 new quote"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("progress on stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "Updated 2 documents to quote engine") || !strings.Contains(out, "2 new quotes") {
		t.Errorf("summary %q", out)
	}
	after := quoteLines(t, "--library", lib)
	if len(after) != len(before)+2 {
		t.Errorf("%d quotes after reextract, %d before; want the 2 the older engine missed", len(after), len(before))
	}
	for _, q := range after {
		if q.ID == changed && q.Speaker != "Pia Lund" {
			t.Errorf("the researcher's speaker became %q", q.Speaker)
		}
	}

	out, _, code = runCLI(t, "reextract", "--library", lib)
	if code != exitOK || !strings.Contains(out, "nothing to do") {
		t.Errorf("second run: code %d, %q", code, out)
	}
	out, errOut, code = runCLI(t, "reextract", "--all", "--library", lib)
	if code != exitOK || !strings.Contains(errOut, "[2/2]") || !strings.Contains(out, "Updated 2 documents") || !strings.Contains(out, "no change") {
		t.Errorf("--all: code %d, %q\n%s", code, out, errOut)
	}
	if got := quoteLines(t, "--library", lib); len(got) != len(after) {
		t.Errorf("--all with the same engine changed the quotes: %d, then %d", len(after), len(got))
	}
}

func TestReextractUsage(t *testing.T) {
	_, errOut, code := runCLI(t, "reextract", "--library", t.TempDir(), "extra")
	if code != exitBadUsage || !strings.Contains(errOut, "Usage: verbatim-cli reextract") {
		t.Errorf("extra argument: code %d, %q", code, errOut)
	}
}
