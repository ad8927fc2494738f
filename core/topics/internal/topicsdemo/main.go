// Command topicsdemo prints the topics suggested for real articles, to read
// them: plain text files (quotes found by the extract engine) or an
// evaluation JSONL file (its gold quotes).
//
//	go run ./core/topics/internal/topicsdemo ../shared/eval/articles/*.txt
//	go run ./core/topics/internal/topicsdemo -quotes ../shared/eval/polnear/dev.jsonl
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"verbatim/core"
	"verbatim/core/extract"
	"verbatim/core/textpos"
	"verbatim/core/topics"
)

func main() {
	showQuotes := flag.Bool("quotes", false, "print every quote with its topics")
	flag.Parse()
	s, err := topics.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, path := range flag.Args() {
		if strings.HasSuffix(path, ".jsonl") {
			if err := showCorpus(s, path, *showQuotes); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		doc := core.Document{Text: string(b), Meta: core.Meta{Language: "en", FileName: filepath.Base(path), Title: titleOf(path)}}
		show(s, doc, extract.New().Quotes(doc), *showQuotes)
	}
}

// titleOf looks the article up in the index.csv next to it.
func titleOf(path string) string {
	f, err := os.Open(filepath.Join(filepath.Dir(path), "index.csv"))
	if err != nil {
		return ""
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return ""
	}
	for _, row := range rows {
		if len(row) > 2 && row[0] == filepath.Base(path) {
			return row[2]
		}
	}
	return ""
}

func showCorpus(s *topics.Suggester, path string, showQuotes bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct {
			ID, Lang, Title, Text string
			Quotes                []struct {
				Start, End int
				Speaker    string
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return err
		}
		ix := textpos.New(rec.Text)
		doc := core.Document{Text: rec.Text, Meta: core.Meta{Language: rec.Lang, Title: rec.Title, FileName: rec.ID}}
		var quotes []core.Quote
		for _, q := range rec.Quotes {
			span := core.Span{Start: ix.ByteOffset(q.Start), End: ix.ByteOffset(q.End)}
			quotes = append(quotes, core.Quote{Span: span, Fragments: []core.Span{span}, Speaker: q.Speaker})
		}
		show(s, doc, quotes, showQuotes)
	}
	return sc.Err()
}

func show(s *topics.Suggester, doc core.Document, quotes []core.Quote, showQuotes bool) {
	dt, err := s.Document(doc, quotes)
	with := 0
	for _, a := range dt.Quotes {
		if len(a) > 0 {
			with++
		}
	}
	fmt.Printf("== %s (%d quotes, %d with a topic)\n", doc.Meta.FileName, len(quotes), with)
	if err != nil {
		fmt.Println("   error:", err)
	}
	for _, t := range dt.Topics {
		fmt.Printf("   %-32s %2d quotes  score %.2f  [%s]\n", t.Label, len(t.Quotes), t.Score, t.Key)
	}
	if !showQuotes {
		return
	}
	for i, q := range quotes {
		text := strings.Join(strings.Fields(q.Span.In(doc.Text)), " ")
		if r := []rune(text); len(r) > 90 {
			text = string(r[:90]) + "…"
		}
		fmt.Printf("   - %s\n", text)
		for _, a := range dt.Quotes[i] {
			fmt.Printf("       %s: %s\n", a.Label, a.Reason)
		}
	}
}
