package ingest

import (
	"slices"
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/extract"
)

// articleFixtures are the texts every format is tested with.
var articleFixtures = []struct{ file, title string }{
	{"wikinews/trump-emergency.txt", "President Trump says he can and may put US into state of emergency"},
	{"wikinews/covid-name-typographic.txt", "World Health Organization names new coronavirus COVID-19"},
	{"unicode.txt", "Mixed scripts and marks"},
}

// formatBuilders make a file of each format from a title and paragraphs.
var formatBuilders = []struct {
	format Format
	ext    string
	build  func(t testing.TB, title string, paras []string) []byte
}{
	{FormatText, ".txt", func(_ testing.TB, _ string, paras []string) []byte { return []byte(strings.Join(paras, "\r\n\r\n")) }},
	{FormatHTML, ".html", func(_ testing.TB, title string, paras []string) []byte { return buildHTML(title, paras) }},
	{FormatDOCX, ".docx", buildDOCX},
	{FormatODT, ".odt", buildODT},
	{FormatEPUB, ".epub", buildEPUB},
	{FormatRTF, ".rtf", func(_ testing.TB, title string, paras []string) []byte { return buildRTF(title, paras) }},
}

// clutter is text the fixtures hide in places a reader must skip.
var clutter = []string{"DELETED WORDS", "PAGE", "A FOOTNOTE", "STYLE TEXT", "Running header", "cookies",
	"Related stories", "Celebrity chef", "do not import", "All rights reserved", "Someone", "By Jane Reporter", "Contents:"}

func TestFormatsKeepArticleText(t *testing.T) {
	for _, fx := range articleFixtures {
		paras := paragraphsOf(readFixture(t, fx.file))
		plain := importOne(t, "plain.txt", []byte(strings.Join(paras, "\n\n")))
		for _, fb := range formatBuilders {
			t.Run(fx.file+fb.ext, func(t *testing.T) {
				data := fb.build(t, fx.title, paras)
				doc := importOne(t, "article"+fb.ext, data)
				if doc.Meta.Format != string(fb.format) {
					t.Errorf("format = %q, want %q", doc.Meta.Format, fb.format)
				}
				assertParagraphsIntact(t, doc.Text, paras)
				if strings.Contains(doc.Text, "\t") {
					t.Errorf("text has a tab the article does not have: %.200q", doc.Text)
				}
				for _, c := range clutter {
					if strings.Contains(doc.Text, c) && !strings.Contains(plain.Text, c) {
						t.Errorf("text contains %q, which is not article text", c)
					}
				}
				assertSameQuotes(t, plain, doc)
				if fb.format != FormatText && !strings.Contains(doc.Meta.Title, fx.title) {
					t.Errorf("title = %q, want it to contain %q", doc.Meta.Title, fx.title)
				}
			})
		}
	}
}

func importOne(t testing.TB, name string, data []byte) core.Document {
	t.Helper()
	docs, err := Bytes(name, data, Options{})
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	if len(docs) != 1 {
		t.Fatalf("import %s: %d documents, want 1", name, len(docs))
	}
	return docs[0]
}

// assertParagraphsIntact checks that every paragraph comes out whole, as
// its own paragraph, with its characters (quotation marks included)
// unchanged.
func assertParagraphsIntact(t *testing.T, text string, paras []string) {
	t.Helper()
	got := map[string]bool{}
	for _, p := range paragraphsOf(text) {
		got[foldSpace(p)] = true
	}
	for _, p := range paras {
		if !got[foldSpace(p)] {
			t.Errorf("paragraph not intact: %q\nin text:\n%s", p, text)
			return
		}
	}
}

func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// assertSameQuotes runs the quote engine on both documents and compares
// the quotes' texts. Both are given the same language, which the engine may
// use to choose its rules: the test is about the text.
func assertSameQuotes(t *testing.T, want, got core.Document) {
	t.Helper()
	want.Meta.Language = got.Meta.Language
	engine := extract.New()
	texts := func(doc core.Document) []string {
		var out []string
		for _, q := range engine.Quotes(doc) {
			out = append(out, foldSpace(q.Text(doc.Text)))
		}
		return out
	}
	w, g := texts(want), texts(got)
	if !slices.Equal(w, g) {
		t.Errorf("quotes differ from the plain text's:\n got %q\nwant %q", g, w)
	}
	if len(w) == 0 && strings.ContainsAny(want.Text, "\"“„«") {
		t.Errorf("no quotes found in a text with quotation marks")
	}
}

func TestTextEncodings(t *testing.T) {
	want := "“Yes,” he said, ‘no’ – café."
	tests := []struct {
		name string
		data []byte
	}{
		{"utf8.txt", []byte(want)},
		{"bom.txt", append([]byte("\xef\xbb\xbf"), want...)},
		{"cp1252.txt", []byte("\x93Yes,\x94 he said, \x91no\x92 \x96 caf\xe9.")},
		{"utf16.txt", []byte{0xFF, 0xFE, 0x1C, 0x20, 'Y', 0, 'e', 0, 's', 0, ',', 0, 0x1D, 0x20, ' ', 0, 'h', 0, 'e', 0, ' ', 0, 's', 0, 'a', 0, 'i', 0, 'd', 0, ',', 0, ' ', 0,
			0x18, 0x20, 'n', 0, 'o', 0, 0x19, 0x20, ' ', 0, 0x13, 0x20, ' ', 0, 'c', 0, 'a', 0, 'f', 0, 0xE9, 0, '.', 0}},
	}
	for _, tt := range tests {
		if doc := importOne(t, tt.name, tt.data); doc.Text != want {
			t.Errorf("%s: text = %q, want %q", tt.name, doc.Text, want)
		}
	}
}

func TestHTMLMetadata(t *testing.T) {
	paras := paragraphsOf(readFixture(t, "wikinews/trump-emergency.txt"))
	doc := importOne(t, "story.html", buildHTML("Trump may declare emergency", paras))
	got := doc.Meta
	if got.Title != "Trump may declare emergency" || got.Author != "Jane Reporter" || got.Outlet != "The Daily Example" ||
		got.Date != "2019-01-07" || got.URL != "https://news.example.org/2019/01/07/story.html" || got.Language != "en" {
		t.Errorf("meta = %+v", got)
	}
	if strings.Contains(doc.Text, "Politics") || strings.Contains(doc.Text, "Home") {
		t.Errorf("navigation left in the text: %.200q", doc.Text)
	}
}

// A page saved by a browser in Windows-1252, declared in a meta tag.
func TestHTMLLegacyCharset(t *testing.T) {
	page := "<!-- saved from url=(0034)https://example.org/old-story.htm -->\n" +
		"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Old story</title></head>" +
		"<body><p>\x93We will not give up,\x94 the mayor of K\xf6ln said on Tuesday.</p></body></html>"
	doc := importOne(t, "old.htm", []byte(page))
	if !strings.Contains(doc.Text, "“We will not give up,” the mayor of Köln said on Tuesday.") || doc.Meta.URL != "https://example.org/old-story.htm" {
		t.Errorf("text %q, meta %+v", doc.Text, doc.Meta)
	}
}
