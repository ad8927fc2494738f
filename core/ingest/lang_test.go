package ingest

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The city council voted on Monday to build four new cycle lanes, and the mayor said that it was the most important decision of the year.", "en"},
		{"Der Stadtrat hat am Montag mit großer Mehrheit vier neue Radwege beschlossen, sagte die Bürgermeisterin, und die Opposition ist nicht zufrieden.", "de"},
		{"Le conseil municipal a voté lundi pour la construction de quatre nouvelles pistes cyclables dans la vieille ville, selon le maire.", "fr"},
		{"Путин заявил, что Россия не хочет войны, и Зеленский ответил, что Украина будет защищаться.", ""},
		{"Too short.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.40q…) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\r\n\r\nTitle  \r\nline\rnext\n\n\n\nPara\u00ADgraph\x00 end \n\n", "Title\nline\nnext\n\nParagraph end"},
		{"Cafe\u0301", "Café"}, // NFC
		{"a\u200Bb\tc", "ab\tc"},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"a.txt", "%PDF-1.4 rest", FormatPDF},
		{"notes.txt", "How to spot a PDF: it starts with %PDF- and a version.", FormatText},
		{"a.pdf", "{\\rtf1 x}", FormatRTF},
		{"a.txt", "<!DOCTYPE html><html><body>x</body></html>", FormatHTML},
		{"a.dat", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", FormatHTML},
		{"a.htm", "<p>A fragment of a page</p>", FormatHTML},
		{"a.html", "Just text, saved with the wrong name.", FormatText},
		{"a.md", "# Heading\n\nText with <b>bold</b>.", FormatText},
		{"a", "\x93Windows text\x94 with curly quotes", FormatText},
		{"a", "\xff\xfeH\x00i\x00", FormatText},
		{"articles.csv", "title,text\nA,B\n", FormatTable},
		{"Articles.TSV", "title\ttext\nA\tB\n", FormatTable},
		{"a.csv", "%PDF-1.4 rest", FormatPDF},
		{"notes.txt", "title,text\nA,B\n", FormatText},
	}
	for _, tt := range tests {
		if got, problem := Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%s, %.30q) = %q (%s), want %q", tt.name, tt.data, got, problem, tt.want)
		}
	}
}

func TestTextDateline(t *testing.T) {
	doc := importOne(t, "trump.txt", []byte(readFixture(t, "wikinews/trump-emergency.txt")))
	if doc.Meta.Date != "2019-01-07" || doc.Meta.Language != "en" || doc.Meta.Title != "trump" || doc.Meta.Format != "txt" {
		t.Errorf("meta = %+v", doc.Meta)
	}
}

// A file whose name promises a format its contents lack is said to be
// damaged, not of an unknown kind.
func TestDetectSaysANamedFormatIsDamaged(t *testing.T) {
	garbage := []byte("\x00\x01\x02\x03\xfe\xff binary \x00\x00 left over from a cut download")
	tests := []struct{ name, want string }{
		{"report.pdf", "named as a PDF but its contents are not"},
		{"Report.DOCX", "named as a Word document"},
		{"notes.bin", "not a supported article format"},
	}
	for _, tt := range tests {
		if _, problem := Detect(tt.name, garbage); !strings.Contains(problem, tt.want) {
			t.Errorf("Detect(%s) says %q, want %q", tt.name, problem, tt.want)
		}
	}
}
