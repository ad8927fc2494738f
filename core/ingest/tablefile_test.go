package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpreadsheetOfArticles: a CSV export gives one document per row with
// text, its metadata from the other columns, as the rest of import does.
func TestSpreadsheetOfArticles(t *testing.T) {
	sheet := "\uFEFFHeadline;Published;Source;Byline;Body\r\n" +
		"Council approves cycle lanes;2 March 2020;Harbour Herald;Tom Bright;\"“We did it,” said the mayor.\r\n\r\nShopkeepers were less sure.\"\r\n" +
		"No text here;3 March 2020;Harbour Herald;;\r\n" +
		";;;;\"Der Stadtrat hat am Montag mit großer Mehrheit vier neue Radwege beschlossen, sagte die Bürgermeisterin.\"\r\n"
	docs, err := Bytes("Herald export.csv", []byte(sheet), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2 (the row without text passed over)", len(docs))
	}
	first := docs[0]
	if first.Text != "“We did it,” said the mayor.\n\nShopkeepers were less sure." {
		t.Errorf("text %q", first.Text)
	}
	m := first.Meta
	if m.Title != "Council approves cycle lanes" || m.Date != "2020-03-02" || m.Outlet != "Harbour Herald" ||
		m.Author != "Tom Bright" || m.Format != "csv" || m.FileName != "Herald export.csv" || m.Hash == "" {
		t.Errorf("first row's metadata %+v", m)
	}
	second := docs[1].Meta
	if second.Title != "Herald export, line 6" || second.Language != "de" {
		t.Errorf("a row without a title or headline is named by its line, language detected: %+v", second)
	}
}

func TestSpreadsheetWithoutArticlesSaysWhy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.csv")
	if err := os.WriteFile(path, []byte("file,date,title,url\na.txt,2020-01-01,A,https://example.org/a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var results []Result
	err := Import(context.Background(), []string{path}, BatchOptions{}, func(r Result) { results = append(results, r) })
	if err != nil || len(results) != 1 {
		t.Fatalf("%v, %d results", err, len(results))
	}
	var ie *Error
	if r := results[0]; r.Err == nil || len(r.Documents) != 0 {
		t.Fatalf("an index of files imported as %d documents", len(r.Documents))
	} else if !errors.As(r.Err, &ie) || !strings.Contains(ie.Message, "its columns are: file, date, title, url.") {
		t.Errorf("error %v", r.Err)
	}
}
