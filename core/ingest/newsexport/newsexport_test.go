package newsexport

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files")

type golden struct {
	Kind     Kind
	Articles []Article
}

// TestSplitGolden splits each export fixture and compares with its golden
// file (reviewed by hand when written with -update).
func TestSplitGolden(t *testing.T) {
	tests := []struct {
		file     string
		kind     Kind
		articles int
	}{
		{"nexis-uni.txt", Nexis, 3},
		{"lexis-classic.txt", Nexis, 2},
		{"factiva-plain.txt", Factiva, 2},
		{"factiva-coded.txt", Factiva, 2},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			arts, kind := Split(string(data))
			if kind != tt.kind || len(arts) != tt.articles {
				t.Fatalf("got %d articles of kind %q, want %d of %q", len(arts), kind, tt.articles, tt.kind)
			}
			got, _ := json.MarshalIndent(golden{kind, arts}, "", "  ")
			goldenPath := filepath.Join("testdata", strings.TrimSuffix(tt.file, ".txt")+".golden.json")
			if *update {
				if err := os.WriteFile(goldenPath, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
				t.Errorf("split differs from %s:\n%s", goldenPath, got)
			}
		})
	}
}

// The body of every article ends before the export's own lines.
func TestSplitBodiesExcludeExportLines(t *testing.T) {
	for _, file := range []string{"nexis-uni.txt", "lexis-classic.txt", "factiva-plain.txt", "factiva-coded.txt"} {
		data, _ := os.ReadFile(filepath.Join("testdata", file))
		arts, _ := Split(string(data))
		for _, a := range arts {
			for _, marker := range []string{"End of Document", "Load-Date", "LOAD-DATE", "Document RIVGAZ", "Document COASTH", "Length:", "Body\n", "rvcity"} {
				if strings.Contains(a.Text, marker) {
					t.Errorf("%s: article %q body contains %q", file, a.Title, marker)
				}
			}
			if a.Text == "" || a.Title == "" || a.Date == "" {
				t.Errorf("%s: incomplete article %+v", file, a)
			}
		}
	}
}

func TestSplitIgnoresOrdinaryArticles(t *testing.T) {
	for _, text := range []string{
		"",
		"Council approves new cycle lanes\n\nThe council voted on Monday.\n\n“Yes,” she said.",
		"A story about a document.\n\nEnd of Document\n\nNothing else here.",
		"Document ABCDEF1234567890\n\nJust text.",
	} {
		if arts, kind := Split(text); arts != nil {
			t.Errorf("Split(%q) = %d articles of %q, want none", text, len(arts), kind)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, file := range []string{"nexis-uni.txt", "lexis-classic.txt", "factiva-plain.txt", "factiva-coded.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, text string) {
		arts, _ := Split(text)
		total := 0
		for _, a := range arts {
			total += len(a.Text)
			if utf8.ValidString(text) && !utf8.ValidString(a.Text) {
				t.Fatalf("invalid UTF-8 body from valid input")
			}
		}
		if total > len(text) {
			t.Fatalf("bodies hold %d bytes, more than the %d bytes of input", total, len(text))
		}
	})
}
