package topics

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"verbatim/core"
	"verbatim/core/textpos"
)

// Helpers that read the evaluation data in ../shared/eval next to the
// repository. Tests that need it skip when it is absent.

// evalDir returns the evaluation folder, or skips the test.
func evalDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
	eval := filepath.Join(dir, "..", "shared", "eval")
	if _, err := os.Stat(eval); err != nil {
		t.Skipf("evaluation data not found at %s; it lies next to the repository in the development setup", eval)
	}
	return eval
}

// evalDoc is a document of the evaluation data with its gold quotes.
type evalDoc struct {
	id     string
	doc    core.Document
	quotes []core.Quote
}

// readCorpus reads a JSONL evaluation file; gold quote offsets (code points)
// become byte spans and the gold speaker mention the quote's Speaker.
func readCorpus(t testing.TB, path string) []evalDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("evaluation file missing: %v", err)
	}
	defer f.Close()
	var docs []evalDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var rec struct {
			ID, Lang, Title, Text string
			Quotes                []struct {
				Start, End int
				Speaker    string
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ix := textpos.New(rec.Text)
		d := evalDoc{id: rec.ID, doc: core.Document{Text: rec.Text, Meta: core.Meta{Language: rec.Lang, Title: rec.Title}}}
		for _, q := range rec.Quotes {
			span := core.Span{Start: ix.ByteOffset(q.Start), End: ix.ByteOffset(q.End)}
			d.quotes = append(d.quotes, core.Quote{Span: span, Fragments: []core.Span{span}, Speaker: q.Speaker})
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return docs
}

// readArticles reads the plain Wikinews articles with their titles. Their
// quotes are the straight-quote pairs of each paragraph, found here so that
// the tests do not depend on the quote engine, which changes.
func readArticles(t testing.TB) []evalDoc {
	t.Helper()
	dir := filepath.Join(evalDir(t), "articles")
	f, err := os.Open(filepath.Join(dir, "index.csv"))
	if err != nil {
		t.Skipf("articles index missing: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var docs []evalDoc
	for _, row := range rows[1:] {
		b, err := os.ReadFile(filepath.Join(dir, row[0]))
		if os.IsNotExist(err) {
			continue // kept aside for independent measurement
		} else if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		docs = append(docs, evalDoc{id: row[0], doc: core.Document{Text: text, Meta: core.Meta{Title: row[2], Language: "en"}}, quotes: straightQuotes(text)})
	}
	return docs
}

// straightQuotes pairs straight double quotes within each paragraph.
func straightQuotes(text string) []core.Quote {
	var quotes []core.Quote
	offset := 0
	for _, para := range strings.SplitAfter(text, "\n") {
		open := -1
		for i := 0; i < len(para); i++ {
			if para[i] != '"' {
				continue
			}
			if open < 0 {
				open = i
				continue
			}
			span := core.Span{Start: offset + open, End: offset + i + 1}
			quotes = append(quotes, core.Quote{Span: span, Fragments: []core.Span{span}})
			open = -1
		}
		offset += len(para)
	}
	return quotes
}

// sharedSuggester loads the word lists once for all tests.
var sharedSuggester = sync.OnceValues(New)

func suggester(t testing.TB) *Suggester {
	t.Helper()
	s, err := sharedSuggester()
	if err != nil {
		t.Fatal(err)
	}
	return s
}
