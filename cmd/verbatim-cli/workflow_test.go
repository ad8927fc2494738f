package main

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"verbatim/core/printing"
	"verbatim/core/printing/printtest"
	"verbatim/core/shareddata"
)

// wikinewsLibrary imports the Wikinews articles of ../shared/eval/articles
// into a new library, through the import command, and returns its folder.
func wikinewsLibrary(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(sharedPath(t, "eval", "articles"), "wikinews_*.txt"))
	if len(files) == 0 {
		t.Skip("no Wikinews articles in ../shared/eval/articles")
	}
	lib := t.TempDir()
	_, errOut, code := runCLI(t, append([]string{"import", "--library", lib}, files...)...)
	if code != exitOK || !strings.Contains(errOut, "Imported 15 documents") {
		t.Fatalf("import: code %d\n%s", code, errOut)
	}
	return lib
}

func topicRecords(t *testing.T, args ...string) []topicRecord {
	t.Helper()
	out, errOut, code := runCLI(t, append([]string{"topics", "--format", "jsonl"}, args...)...)
	if code != exitOK {
		t.Fatalf("topics %v: code %d, %s", args, code, errOut)
	}
	var recs []topicRecord
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var r topicRecord
		if err := dec.Decode(&r); err == io.EOF {
			return recs
		} else if err != nil {
			t.Fatalf("topics output: %v\n%s", err, out)
		}
		recs = append(recs, r)
	}
}

func TestTopicsCommand(t *testing.T) {
	lib := wikinewsLibrary(t)
	listed := topicRecords(t, "--library", lib)
	all := topicRecords(t, "--library", lib, "--all")
	if len(listed) < 5 || len(all) <= len(listed) {
		t.Fatalf("%d topics listed, %d in all", len(listed), len(all))
	}
	for _, r := range listed {
		if r.Origin != "suggested" || r.Quotes == 0 || r.Documents == 0 || r.Rules == nil || !slices.ContainsFunc(all, func(a topicRecord) bool { return a.ID == r.ID && a.Quotes == r.Quotes }) {
			t.Errorf("listed topic %+v", r)
		}
		// The counts are those of the quotes the topic selects.
		if got := quoteLines(t, "--library", lib, "--topic", r.Name); len(got) != r.Quotes {
			t.Errorf("topic %q counts %d quotes, lists %d", r.Name, r.Quotes, len(got))
		}
	}
	if _, errOut, code := runCLI(t, "topic", "add", "Epidemic", "--rule", "coronavirus, virus", "--library", lib); code != exitOK {
		t.Fatalf("topic add: %s", errOut)
	}
	var epidemic *topicRecord
	for _, r := range topicRecords(t, "--library", lib) {
		if r.Name == "Epidemic" {
			epidemic = &r
		}
	}
	if epidemic == nil || epidemic.Origin != "user" || epidemic.Quotes == 0 ||
		len(epidemic.Rules) != 1 || !slices.Equal(epidemic.Rules[0].Terms, []string{"coronavirus", "virus"}) || epidemic.Rules[0].All {
		t.Fatalf("user topic %+v", epidemic)
	}
	out, _, code := runCLI(t, "topics", "--library", lib)
	if code != exitOK || !strings.Contains(out, "Epidemic\tuser\t") || !strings.Contains(out, "rules: coronavirus or virus") ||
		!strings.Contains(out, listed[0].Name+"\tsuggested\t") {
		t.Errorf("text output:\n%s", out)
	}
	for _, args := range [][]string{{"--format", "xml"}, {"extra"}} {
		if _, errOut, code := runCLI(t, append([]string{"topics", "--library", lib}, args...)...); code != exitBadUsage || !strings.Contains(errOut, "verbatim-cli topics") {
			t.Errorf("topics %v: code %d, %q", args, code, errOut)
		}
	}
}

func TestExtractSuggestsTopics(t *testing.T) {
	article := filepath.Join(sharedPath(t, "eval", "articles"), "wikinews_en_2019-09-06_Hong_Kong_leader_announces_withdrawal_of_extradition_bill.txt")
	out, errOut, code := runCLI(t, "extract", article)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc extractDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Topics) < 3 || !slices.Contains(doc.Topics, "Hong Kong") {
		t.Errorf("document topics %q", doc.Topics)
	}
	with := 0
	for _, q := range doc.Quotes {
		for _, label := range q.Topics {
			if !slices.Contains(doc.Topics, label) {
				t.Errorf("quote %s: topic %q is not one of the document's", q.ID, label)
			}
		}
		if len(q.Topics) > 0 {
			with++
		}
	}
	if with*2 < len(doc.Quotes) {
		t.Errorf("%d of %d quotes have a topic", with, len(doc.Quotes))
	}
	// Without topics, the arrays are there and empty.
	out, _, _ = runCLI(t, "extract", "testdata/putin.txt")
	if !strings.Contains(out, `"topics":[`) || strings.Contains(out, `"topics":null`) {
		t.Errorf("putin.txt: %s", out)
	}
}

// busiestTopic is the listed topic with the most quotes.
func busiestTopic(t *testing.T, lib string) topicRecord {
	t.Helper()
	recs := topicRecords(t, "--library", lib)
	slices.SortStableFunc(recs, func(a, b topicRecord) int { return b.Quotes - a.Quotes })
	return recs[0]
}

func TestSheetFromLibrary(t *testing.T) {
	lib := wikinewsLibrary(t)
	topic := busiestTopic(t, lib)
	dir := t.TempDir()
	for _, sel := range [][]string{{"--topic", strings.ToUpper(topic.Name)}, {}, {"--search", "police"}, {"--document", "3", "--group-by", "none"}} {
		path := filepath.Join(dir, "sheet.pdf")
		out, errOut, code := runCLI(t, append([]string{"sheet", "--library", lib, "--paper", "a4", "-o", path}, sel...)...)
		m := regexp.MustCompile(`Saved a (\d+)-page quote sheet \(A4\)`).FindStringSubmatch(out)
		if code != exitOK || m == nil {
			t.Fatalf("sheet %v: code %d, %q, %q", sel, code, out, errOut)
		}
		if pages := printtest.Pages(t, path); itoa(int64(pages)) != m[1] {
			t.Errorf("sheet %v: %d pages in the PDF, %s said", sel, pages, m[1])
		}
		if _, err := exec.LookPath("pdftotext"); err == nil && len(sel) > 0 && sel[0] == "--topic" {
			text, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil || !strings.Contains(string(text), "Quotes on: "+topic.Name) {
				t.Errorf("sheet text lacks the title “Quotes on: %s” (%v)", topic.Name, err)
			}
		}
	}
	for _, tt := range []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"--topic", "Knitting"}, exitFailed, "There is no topic called “Knitting” in the library."},
		{[]string{"--speaker", "Nobody Atall"}, exitFailed, "There is no speaker called “Nobody Atall”"},
		{[]string{"--document", "999"}, exitFailed, "There is no document number 999 in the library."},
		{[]string{"--document", "third"}, exitFailed, "“third” is not a document number"},
	} {
		_, errOut, code := runCLI(t, append([]string{"sheet", "--library", lib, "-o", filepath.Join(dir, "x.pdf")}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.say) {
			t.Errorf("sheet %v: code %d, %q; want %d, %q", tt.args, code, errOut, tt.code, tt.say)
		}
	}
}

func TestExportFromLibrary(t *testing.T) {
	lib := wikinewsLibrary(t)
	topic := busiestTopic(t, lib)
	want := quoteLines(t, "--library", lib, "--topic", topic.Name)
	if _, errOut, code := runCLI(t, "reject", itoa(want[0].ID), "--library", lib); code != exitOK {
		t.Fatal(errOut)
	}
	want = want[1:] // rejected quotes are left out
	dir := t.TempDir()

	path := filepath.Join(dir, "quotes.csv")
	if out, errOut, code := runCLI(t, "export", "--library", lib, "--topic", topic.Name, "-o", path); code != exitOK || !strings.Contains(out, "Exported ") {
		t.Fatalf("csv: %d %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != len(want)+1 {
		t.Fatalf("CSV: %d rows for %d quotes, %v", len(rows), len(want), err)
	}
	for i, q := range want {
		row := rows[i+1]
		if row[0] != q.Text || row[1] != q.Speaker || !strings.Contains(row[3], topic.Name) || row[4] != q.Title {
			t.Errorf("row %d %q, quote %+v", i+1, row[:5], q)
		}
	}

	path = filepath.Join(dir, "quotes.json")
	if _, errOut, code := runCLI(t, "export", "--library", lib, "--search", "police", "--format", "json", "-o", path); code != exitOK {
		t.Fatalf("json: %s", errOut)
	}
	var exported struct {
		Documents []struct{ ID, Text string }
		Quotes    []struct {
			Text      string
			Paragraph int
		}
	}
	data, _ = os.ReadFile(path)
	if err := json.Unmarshal(data, &exported); err != nil {
		t.Fatal(err)
	}
	police := quoteLines(t, "--library", lib, "--search", "police")
	if len(exported.Quotes) != len(police) || len(exported.Quotes) == 0 {
		t.Fatalf("JSON has %d quotes, the search %d", len(exported.Quotes), len(police))
	}
	for i, q := range exported.Quotes {
		if q.Text != police[i].Text || q.Paragraph != police[i].Paragraph {
			t.Errorf("quote %d: %q ¶%d, library %q ¶%d", i, q.Text, q.Paragraph, police[i].Text, police[i].Paragraph)
		}
	}

	path = filepath.Join(dir, "project.qdpx")
	if _, errOut, code := runCLI(t, "export", "--library", lib, "-o", path); code != exitOK {
		t.Fatalf("qdpx: %s", errOut)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open("project.qde")
	if err != nil {
		t.Fatal(err)
	}
	qde := filepath.Join(dir, "project.qde")
	b, _ := io.ReadAll(f)
	f.Close()
	if err := os.WriteFile(qde, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils); skipping REFI-QDA schema validation")
	}
	schema := filepath.Join(sharedPath(t, "schemas", "refi-qda"), "Project.xsd")
	if out, err := exec.Command("xmllint", "--noout", "--schema", schema, qde).CombinedOutput(); err != nil || !strings.Contains(string(out), "validates") {
		t.Fatalf("project.qde does not validate: %v\n%s", err, out)
	}
}

// keepingPrinter is a fake printer that keeps a copy of what it is sent.
type keepingPrinter struct {
	dir  string
	jobs []printing.Job
}

func (p *keepingPrinter) Print(_ context.Context, job printing.Job) (string, error) {
	data, err := os.ReadFile(job.File)
	if err != nil {
		return "", err
	}
	job.File = filepath.Join(p.dir, itoa(int64(len(p.jobs)))+".pdf")
	p.jobs = append(p.jobs, job)
	return "Fake-1", os.WriteFile(job.File, data, 0o644)
}

func TestPrintFromLibrary(t *testing.T) {
	lib := wikinewsLibrary(t)
	topic := busiestTopic(t, lib)
	fake := &keepingPrinter{dir: t.TempDir()}
	out, errOut, code := runWith(t, func(e *env, args []string) int { return runPrint(e, args, libraryQuotes, fake) },
		"--library", lib, "--topic", topic.Name, "--printer", "Fake", "--copies", "2", "--paper", "letter")
	m := regexp.MustCompile(`Sent a (\d+)-page quote sheet to Fake \(job Fake-1\)`).FindStringSubmatch(out)
	if code != exitOK || m == nil || len(fake.jobs) != 1 {
		t.Fatalf("print: code %d, %q, %q", code, out, errOut)
	}
	job := fake.jobs[0]
	if job.Copies != 2 || job.Paper != "Letter" || job.Title != "Quotes on: "+topic.Name || itoa(int64(printtest.Pages(t, job.File))) != m[1] {
		t.Errorf("job %+v for a %s-page sheet", job, m[1])
	}

	// A real CUPS queue, when there is one (CI sets up cups-pdf).
	queue := printtest.PDFQueue(t)
	out, errOut, code = runCLI(t, "print", "--library", lib, "--topic", topic.Name, "--printer", queue)
	m = regexp.MustCompile(`Sent a (\d+)-page quote sheet to \S+ \(job (\S+)\)`).FindStringSubmatch(out)
	if code != exitOK || m == nil {
		t.Fatalf("print on %s: code %d, %q, %q", queue, code, out, errOut)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	printed := printtest.WaitForPrintedPDF(t, ctx, printtest.JobNumber(t, queue, m[2]))
	defer os.Remove(printed)
	if got := printtest.Pages(t, printed); itoa(int64(got)) != m[1] {
		t.Errorf("printed copy %s has %d pages, the sheet %s", printed, got, m[1])
	}
	_, errOut, code = runCLI(t, "print", "--library", lib, "--printer", "No-Such-Printer-42")
	if code != exitFailed || !strings.Contains(errOut, "No-Such-Printer-42") {
		t.Errorf("missing printer: code %d, %q", code, errOut)
	}
}

// sharedPath is ../shared/elem… beside the repository, or skips the test.
func sharedPath(t *testing.T, elem ...string) string { return shareddata.Path(t, elem...) }
