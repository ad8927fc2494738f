package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// quoteLines runs the quotes command and decodes its JSON lines.
func quoteLines(t *testing.T, args ...string) []quoteRecord {
	t.Helper()
	out, errOut, code := runCLI(t, append([]string{"quotes"}, args...)...)
	if code != exitOK {
		t.Fatalf("quotes %v: code %d, %s", args, code, errOut)
	}
	var recs []quoteRecord
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r quoteRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestLibraryCommands(t *testing.T) {
	lib := t.TempDir()
	t.Setenv("VERBATIM_LIBRARY", lib)
	_, errOut, code := runCLI(t, "import", "testdata/library", "--library", lib)
	if code != exitOK {
		t.Fatalf("import: code %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "[2/2]") || !strings.Contains(errOut, "Imported 2 documents") || strings.Contains(errOut, "hidden") {
		t.Errorf("import progress:\n%s", errOut)
	}
	_, errOut, code = runCLI(t, "import", "testdata/library/harbour.txt", "testdata/missing.txt")
	if code != exitFailed || !strings.Contains(errOut, "duplicate") || !strings.Contains(errOut, "missing.txt: The file does not exist") {
		t.Errorf("second import: code %d\n%s", code, errOut)
	}

	all := quoteLines(t)
	if len(all) < 3 {
		t.Fatalf("only %d quotes found in the test articles", len(all))
	}
	// Offsets are code points: the café article's quotes come after "é"s.
	for _, r := range all {
		data, err := os.ReadFile(filepath.Join("testdata/library", map[bool]string{true: "sub/café.txt", false: "harbour.txt"}[strings.HasPrefix(strings.ToLower(r.Title), "caf")]))
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(string(data))
		if r.End > len(runes) || string(runes[r.Start:r.End]) != r.Text {
			t.Errorf("quote %d: code points %d–%d do not hold %q", r.ID, r.Start, r.End, r.Text)
		}
	}

	// Names the articles do not contain, so that the engine's own
	// attributions cannot satisfy the checks.
	first := all[0]
	out, errOut, code := runCLI(t, "speaker", "set", itoa(first.ID), "Pia Lund")
	if code != exitOK || !strings.Contains(out, "“Pia Lund”") {
		t.Fatalf("speaker set: %d %q %q", code, out, errOut)
	}
	if got := quoteLines(t, "--speaker", "pia lund"); len(got) != 1 || got[0].ID != first.ID {
		t.Errorf("quotes --speaker: %+v", got)
	}
	runCLI(t, "speaker", "set", itoa(all[1].ID), "Harbour Master Lund")
	if out, errOut, code := runCLI(t, "speaker", "merge", "Pia Lund", "Harbour Master Lund"); code != exitOK {
		t.Fatalf("speaker merge: %d %q %q", code, out, errOut)
	}
	if got := quoteLines(t, "--speaker", "Harbour Master Lund"); len(got) != 2 {
		t.Errorf("quotes by alias after merge: %d", len(got))
	}

	if _, errOut, code := runCLI(t, "topic", "add", "Harbour", "--rule", "port, harbour"); code != exitOK {
		t.Fatalf("topic add: %s", errOut)
	}
	runCLI(t, "topic", "assign", "harbour", itoa(all[len(all)-1].ID))
	onTopic := quoteLines(t, "--topic", "Harbour")
	if len(onTopic) < 2 {
		t.Errorf("topic quotes (rule + assignment): %+v", onTopic)
	}
	out, _, _ = runCLI(t, "topic", "list")
	if !strings.Contains(out, "Harbour\tuser") || !strings.Contains(out, "rules: port or harbour") {
		t.Errorf("topic list:\n%s", out)
	}
	runCLI(t, "topic", "unassign", "harbour", itoa(all[len(all)-1].ID))
	if got := quoteLines(t, "--topic", "Harbour"); len(got) != len(onTopic)-1 {
		t.Errorf("after unassign: %d quotes on topic, want %d", len(got), len(onTopic)-1)
	}

	if _, errOut, code := runCLI(t, "reject", itoa(first.ID)); code != exitOK {
		t.Fatalf("reject: %s", errOut)
	}
	if got := quoteLines(t); len(got) != len(all)-1 {
		t.Errorf("after reject: %d quotes, want %d", len(got), len(all)-1)
	}
	if got := quoteLines(t, "--rejected"); len(got) != 1 || got[0].Status != "rejected" {
		t.Errorf("rejected: %+v", got)
	}
	out, _, code = runCLI(t, "undo")
	if want := "Undone: Rejected “" + strings.TrimRight(strings.Trim(first.Text, "“”\""), ",") + "”.\n"; code != exitOK || out != want {
		t.Errorf("undo: %d %q, want %q", code, out, want)
	}
	if got := quoteLines(t); len(got) != len(all) {
		t.Errorf("after undo: %d quotes, want %d", len(got), len(all))
	}
	if out, _, code := runCLI(t, "redo"); code != exitOK || !strings.HasPrefix(out, "Redone:") {
		t.Errorf("redo: %d %q", code, out)
	}

	if got := quoteLines(t, "--search", "cafe"); len(got) != 2 {
		t.Errorf("search without accents found %d quotes, want the café article's 2", len(got))
	}
	out, _, code = runCLI(t, "quotes", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != exitOK || err != nil || len(rows) != len(all) || rows[0][0] != "id" || !utf8.ValidString(out) {
		t.Errorf("csv: code %d, %d rows, %v", code, len(rows), err)
	}
}

func TestLibraryCommandUsage(t *testing.T) {
	lib := t.TempDir()
	cases := [][]string{
		{"import"},
		{"quotes", "--format", "xml"},
		{"quotes", "extra"},
		{"speaker"},
		{"speaker", "set", "1"},
		{"topic", "assign", "x"},
		{"reject"},
		{"reject", "abc"},
		{"undo", "now"},
	}
	for _, args := range cases {
		_, errOut, code := runCLI(t, append(args, "--library", lib)...)
		if code != exitBadUsage || !strings.Contains(errOut, "verbatim-cli") {
			t.Errorf("%v: code %d, stderr %q", args, code, errOut)
		}
	}
	_, errOut, code := runCLI(t, "undo", "--library", lib)
	if code != exitFailed || !strings.Contains(errOut, "nothing to undo") {
		t.Errorf("undo on a new library: %d %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "quotes", "--speaker", "Nobody", "--library", lib)
	if code != exitFailed || !strings.Contains(errOut, "no speaker called “Nobody”") {
		t.Errorf("unknown speaker: %d %q", code, errOut)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestImportSpreadsheet: each row of a spreadsheet of articles is a
// document, named by its title in the progress.
func TestImportSpreadsheet(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "export.csv")
	rows := "title,date,text\n" +
		"Council approves cycle lanes,2020-03-02,\"“It is a good day,” said Mayor Anna Berg.\"\n" +
		"Harbour to close,2020-03-03,\"“We have no choice,” said Tom Bright, the harbour master.\"\n"
	if err := os.WriteFile(sheet, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLI(t, "import", "--library", filepath.Join(dir, "lib"), sheet)
	if code != exitOK {
		t.Fatalf("import: code %d\n%s", code, errOut)
	}
	for _, want := range []string{"export.csv — Council approves cycle lanes: 1 quote", "export.csv — Harbour to close: 1 quote", "Imported 2 documents"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("progress lacks %q:\n%s", want, errOut)
		}
	}
}

// TestQuotesSayWhatIsProbablyNoSpeech: the quote list tells a title from
// speech, as the window does.
func TestQuotesSayWhatIsProbablyNoSpeech(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "anime.txt")
	text := "Anime fans gathered in Toronto on Saturday.\n\n" +
		"On the night of May 25, for example, attendees could catch \"Pokemon Biology\", \"Kimono Obi Tying\", and more.\n\n" +
		"\"It was a good day,\" said Anya Jenkins, a visitor.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(dir, "lib")
	if _, errOut, code := runCLI(t, "import", "--library", lib, article); code != exitOK {
		t.Fatalf("import: code %d\n%s", code, errOut)
	}
	kinds := map[string]string{}
	for _, r := range quoteLines(t, "--library", lib) {
		kinds[r.Text] = r.NonQuote
	}
	if kinds[`"Pokemon Biology"`] != "title" || kinds[`"It was a good day,"`] != "" {
		t.Errorf("kinds %q: want the panel's name a title, Anya Jenkins's words speech", kinds)
	}
}
