package ingest

import "testing"

func TestTitleFromFileName(t *testing.T) {
	cases := []struct{ name, title, date string }{
		{"wikinews_en_2019-10-08_US_President_Trump_announces_troop_withdrawal_from_Syria.txt",
			"US President Trump announces troop withdrawal from Syria", "2019-10-08"},
		{"2020-02-14 WHO names the virus.md", "WHO names the virus", "2020-02-14"},
		{"interview_2019-01-07.txt", "interview 2019-01-07", "2019-01-07"},
		{"Putin_speech.txt", "Putin speech", ""},
		{"notes", "notes", ""},
		{"v1.2_release_notes.txt", "v1.2 release notes", ""},
	}
	for _, c := range cases {
		title, date := titleFromFileName(c.name)
		if title != c.title || date != c.date {
			t.Errorf("%q: got %q, %q; want %q, %q", c.name, title, date, c.title, c.date)
		}
	}
}

func TestHeadline(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Harbour plan splits the council\n\nMayor Anna Berg defended the plan.", "Harbour plan splits the council"},
		{"\n\nHarbour plan splits the council\n\nMayor Anna Berg defended the plan.", "Harbour plan splits the council"},
		{"Tuesday, October 8, 2019\n\nLate on Sunday, the President spoke.", ""}, // a dateline
		{"Late on Sunday, the President spoke.\n\nHe said more.", ""},            // a sentence
		{"Harbour plan splits\nthe council in two on Monday.\n\nMore.", ""},      // runs on
		{"Only line of the file", ""}, // nothing after it
		{"Breaking\n\nText.", ""},     // one word
		{"“We will never give up”\n\nThe minister said so on Monday.", ""}, // a quotation
		{"Merkel: Wir schaffen das\n\n„Wir schaffen das“, sagte die Kanzlerin.", "Merkel: Wir schaffen das"},
	}
	for _, c := range cases {
		if got := headline(c.text); got != c.want {
			t.Errorf("headline(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// A UTF-8 text file's document text is the file's content, line endings
// aside, so that positions in it are positions in the file.
func TestPlainTextKeepsTheFilesText(t *testing.T) {
	content := "Tuesday, October 8, 2019 \n\n\n██ Legend line\n\nTrump  said, \"We are done.\"  \t\n\n\n\nEnd."
	docs, err := Bytes("article.txt", []byte(content), Options{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("import: %v, %d documents", err, len(docs))
	}
	if docs[0].Text != content {
		t.Errorf("text changed on import:\n%q\nwant\n%q", docs[0].Text, content)
	}
	if docs[0].Meta.Date != "2019-10-08" {
		t.Errorf("date %q, want the dateline's 2019-10-08", docs[0].Meta.Date)
	}
	crlf, err := Bytes("article.txt", []byte("\xef\xbb\xbfLine one\r\n\r\nLine two\r\n"), Options{})
	if err != nil || crlf[0].Text != "Line one\n\nLine two\n" {
		t.Errorf("BOM and CRLF: got %q, %v", crlf[0].Text, err)
	}
}
