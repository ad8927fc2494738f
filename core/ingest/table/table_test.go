package table

import (
	"errors"
	"strings"
	"testing"
)

// longParagraph is longer than minTextRunes, as an article's text is.
const longParagraph = "The council voted on Tuesday to build four new cycle lanes through the centre of town, " +
	"after a debate that lasted most of the evening and drew more residents than any meeting this year. " +
	"Shopkeepers on the high street said they feared for their deliveries."

func TestReadFindsColumnsByTheirHeaders(t *testing.T) {
	tests := []struct {
		name  string
		sheet string
		comma rune
		want  []Article
	}{{
		name: "media monitor export",
		sheet: "stories_id,publish_date,title,url,media_name,text\n" +
			"7,2020-03-02,Council approves cycle lanes,https://example.org/a,Harbour Herald,\"“We did it,” she said.\n\nMore later.\"\n" +
			"8,2020-03-03,Second story,https://example.org/b,Harbour Herald,Plain text.\n",
		want: []Article{
			{Line: 2, Text: "“We did it,” she said.\n\nMore later.", Title: "Council approves cycle lanes", Date: "2020-03-02",
				URL: "https://example.org/a", Outlet: "Harbour Herald"},
			{Line: 5, Text: "Plain text.", Title: "Second story", Date: "2020-03-03", URL: "https://example.org/b", Outlet: "Harbour Herald"},
		},
	}, {
		name:  "German spreadsheet with semicolons",
		sheet: "Titel;Datum;Quelle;Autor;Volltext\nNeue Radwege;2. März 2020;Rheinische Zeitung;Anna Berg;„Das ist gut“, sagte sie.\n",
		want: []Article{{Line: 2, Text: "„Das ist gut“, sagte sie.", Title: "Neue Radwege", Date: "2. März 2020",
			Outlet: "Rheinische Zeitung", Author: "Anna Berg"}},
	}, {
		name:  "tab-separated, headers in any case and spacing, first of two text columns",
		sheet: "Head Line\tFull_Text\tBody\tLANG\nA title\tThe text.\tnot this\tde\n",
		comma: '\t',
		want:  []Article{{Line: 2, Text: "The text.", Title: "A title", Language: "de"}},
	}, {
		name:  "rows without text passed over",
		sheet: "title,body\nEmpty,\nFull,Some text.\n,   \n",
		want:  []Article{{Line: 3, Text: "Some text.", Title: "Full"}},
	}, {
		name:  "no header: the column of long paragraphs",
		sheet: "2020-03-02,Harbour Herald,\"" + longParagraph + "\"\n2020-03-03,Harbour Herald,\"" + longParagraph + "\"\n",
		want:  []Article{{Line: 1, Text: longParagraph}, {Line: 2, Text: longParagraph}},
	}, {
		name:  "no header, a short first article",
		sheet: "2020-03-01,Harbour Herald,The mayor resigned.\n2020-03-02,Harbour Herald,\"" + longParagraph + "\"\n2020-03-03,Harbour Herald,\"" + longParagraph + "\"\n",
		want:  []Article{{Line: 1, Text: "The mayor resigned."}, {Line: 2, Text: longParagraph}, {Line: 3, Text: longParagraph}},
	}, {
		name:  "headers Verbatim does not know, over the column of long paragraphs",
		sheet: "Day,Paper,Story\n2020-03-02,Harbour Herald,\"" + longParagraph + "\"\n",
		want:  []Article{{Line: 2, Text: longParagraph}},
	}, {
		name:  "byte-order mark before the header",
		sheet: "\uFEFFheadline,content\nH,C.\n",
		want:  []Article{{Line: 2, Text: "C.", Title: "H"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.sheet, tt.comma)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d articles, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("article %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestReadSaysWhyASheetHasNoArticles(t *testing.T) {
	tests := []struct{ name, sheet, want string }{
		{"an index of files", "file,date,title,url,approx_quote_pairs,chars,license,words,notes\na.txt,2020-01-01,A,https://x,3,100,CC,20,\n",
			"its columns are: file, date, title, url, approx_quote_pairs, chars, license, words, …"},
		{"no header, short cells", "a,b,c\nd,e,f\n", "has no column of article text"},
		{"empty text column", "title,text\nA,\nB, \n", "empty in every row"},
		{"empty", "", "is empty"},
		{"Verbatim's quote export", "\uFEFFQuote,Speaker,Mention,Topics,Document title\n\"“Hi”\",Anna,she,,A\n", "lists quotes"},
		{"the command line's quote list", "id,document,title,text,speaker\n1,2,A,“Hi”,Anna\n", "lists quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.sheet, 0)
			var te *Error
			if !errors.As(err, &te) || !strings.Contains(te.Message, tt.want) {
				t.Fatalf("got %+v, %v; want an error saying %q", got, err, tt.want)
			}
		})
	}
}

func TestGuessComma(t *testing.T) {
	for line, want := range map[string]rune{
		"a,b,c":              ',',
		"a;b;c":              ';',
		"a\tb\tc":            '\t',
		`"x;y;z",b`:          ',', // separators inside quotes do not count
		"single":             ',',
		"Titel;Datum, Ort;X": ';',
	} {
		if got := guessComma(line); got != want {
			t.Errorf("guessComma(%q) = %q, want %q", line, got, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{"title,text\nA,B\n", "\"a\n", "a;\"b\"\"c\";d\n", "x\t\"\ty\n\n\n", "\uFEFF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		articles, err := Read(s, 0)
		if err == nil && len(articles) == 0 {
			t.Fatal("no articles and no error")
		}
		for _, a := range articles {
			if strings.TrimSpace(a.Text) == "" || a.Line < 1 {
				t.Fatalf("article %+v", a)
			}
		}
	})
}
