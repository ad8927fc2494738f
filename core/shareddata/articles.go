package shareddata

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"verbatim/core"
)

// Articles reads the documents of an evaluation corpus in ../shared/eval
// (Articles(t, "polnear", "train.jsonl")) as plain-text articles with their
// title, outlet and date, or skips the test when the corpus is absent.
// Benchmarks build their libraries from them.
func Articles(t testing.TB, elem ...string) []core.Document {
	t.Helper()
	f, err := os.Open(Path(t, append([]string{"eval"}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []core.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var rec struct {
			Title, Text, Publisher string
			Date                   string `json:"publication_date"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, core.Document{Text: rec.Text,
			Meta: core.Meta{Title: rec.Title, Outlet: rec.Publisher, Date: strings.TrimSpace(rec.Date), Format: "txt"}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}
