package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLibreOfficeFiles reads files a real office program wrote: each must
// give the paragraphs of the text it was made from, and the same quotes.
func TestLibreOfficeFiles(t *testing.T) {
	tests := []struct {
		file, source string
		format       Format
	}{
		{"covid.docx", "wikinews/covid-name-typographic.txt", FormatDOCX},
		{"covid.rtf", "wikinews/covid-name-typographic.txt", FormatRTF},
		{"covid.pdf", "wikinews/covid-name-typographic.txt", FormatPDF},
		{"unicode.pdf", "unicode.txt", FormatPDF},
		{"unicode.odt", "unicode.txt", FormatODT},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if tt.format == FormatPDF && testing.Short() {
				t.Skip("PDF reader start-up takes seconds; skipped with -short")
			}
			paras := paragraphsOf(readFixture(t, tt.source))
			plain := importOne(t, "plain.txt", []byte(strings.Join(paras, "\n\n")))
			doc := importOne(t, tt.file, []byte(readFixture(t, filepath.Join("made-with-libreoffice", tt.file))))
			if doc.Meta.Format != string(tt.format) {
				t.Errorf("format = %q, want %q", doc.Meta.Format, tt.format)
			}
			assertParagraphsIntact(t, doc.Text, paras)
			assertSameQuotes(t, plain, doc)
		})
	}
}

// TestExportsInEveryContainer splits the same news-database export whether
// it comes as text, DOCX, RTF or PDF.
func TestExportsInEveryContainer(t *testing.T) {
	tests := []struct {
		file   string
		kind   string
		titles []string
	}{
		{"../newsexport/testdata/nexis-uni.txt", "nexis", []string{"Council approves new cycle lanes after heated debate", "Storm closes harbour for second day", "Stadtrat beschließt neue Radwege"}},
		{"made-with-libreoffice/nexis.docx", "nexis", nil},
		{"made-with-libreoffice/nexis.rtf", "nexis", nil},
		{"made-with-libreoffice/nexis.pdf", "nexis", nil},
		{"../newsexport/testdata/factiva-plain.txt", "factiva", []string{"Council approves new cycle lanes after heated debate", "Storm closes harbour for second day"}},
		{"made-with-libreoffice/factiva.docx", "factiva", nil},
		{"made-with-libreoffice/factiva.pdf", "factiva", nil},
	}
	var want map[string][]string
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if strings.HasSuffix(tt.file, ".pdf") && testing.Short() {
				t.Skip("PDF reader start-up takes seconds; skipped with -short")
			}
			docs, err := File(filepath.Join("testdata", tt.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Meta.Title)
				if d.Meta.Format != tt.kind || d.Meta.Date == "" || d.Meta.Outlet == "" || d.Meta.Hash == "" {
					t.Errorf("document %q: incomplete metadata %+v", d.Meta.Title, d.Meta)
				}
				if strings.Contains(d.Text, "End of Document") || strings.Contains(d.Text, "Load-Date") {
					t.Errorf("document %q: export lines left in the text", d.Meta.Title)
				}
			}
			if tt.titles != nil {
				if want == nil {
					want = map[string][]string{}
				}
				want[tt.kind] = tt.titles
			}
			if strings.Join(titles, "|") != strings.Join(want[tt.kind], "|") {
				t.Errorf("titles = %q, want %q", titles, want[tt.kind])
			}
		})
	}
}

// TestExportMetadata checks the fields of one split article in detail.
func TestExportMetadata(t *testing.T) {
	docs, err := File("testdata/made-with-libreoffice/nexis.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}
	got := docs[2].Meta
	got.Hash, got.FilePath = "", ""
	want := struct{ Title, Outlet, Author, Date, Language, Format, FileName string }{
		"Stadtrat beschließt neue Radwege", "Rheinische Tageszeitung", "Jonas Weber", "2020-03-02", "de", "nexis", "nexis.docx"}
	if g := (struct{ Title, Outlet, Author, Date, Language, Format, FileName string }{
		got.Title, got.Outlet, got.Author, got.Date, got.Language, got.Format, got.FileName}); g != want {
		t.Errorf("meta = %+v, want %+v", g, want)
	}
	if !strings.HasPrefix(docs[2].Text, "Der Stadtrat hat am Montag") || !strings.HasSuffix(docs[2].Text, "„Symbolpolitik“.") {
		t.Errorf("body = %q", docs[2].Text)
	}
}
