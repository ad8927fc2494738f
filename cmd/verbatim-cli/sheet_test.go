package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/core"
	"verbatim/core/printing"
	"verbatim/core/quoteset"
)

// testLibrary stands in for the library: the commands' own logic, without
// storage (library_test.go runs them on a real library).
func testLibrary(dir string, sc quoteset.Scope) (quoteset.Set, quoteset.Scope, error) {
	if dir == "broken" {
		return quoteset.Set{}, sc, errors.New("the library in “broken” could not be opened")
	}
	text := `Pelosi said "We are committed." Путин сказал: «Мы не уйдём».`
	q := func(id, sub, speaker, topic string) quoteset.Quote {
		i := strings.Index(text, sub)
		out := quoteset.Quote{ID: id, DocumentID: "d1", Topics: []string{topic}}
		out.Span = core.Span{Start: i, End: i + len(sub)}
		out.Fragments = []core.Span{out.Span}
		out.Speaker = speaker
		return out
	}
	return quoteset.Set{
		Documents: []quoteset.Document{{ID: "d1", Document: core.Document{Text: text, Meta: core.Meta{Title: "Shutdown", Outlet: "Wikinews", Date: "2019-01-07"}}}},
		Quotes:    []quoteset.Quote{q("q1", `"We are committed."`, "Nancy Pelosi", "Wall"), q("q2", "«Мы не уйдём»", "Vladimir Putin", "Syria")},
	}.Select(sc), sc, nil
}

func runWith(t *testing.T, cmd func(*env, []string) int, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cmd(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func sheetCmd(e *env, args []string) int  { return runSheet(e, args, testLibrary) }
func exportCmd(e *env, args []string) int { return runExport(e, args, testLibrary) }

func TestSheetCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	out, errOut, code := runWith(t, sheetCmd, "--topic", "Wall", "--paper", "letter", "-o", path)
	if code != exitOK || !strings.Contains(out, "Saved a 1-page quote sheet (Letter) to "+path) {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	tests := []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"--topic", "Wall"}, exitBadUsage, "-o FILE.pdf"},
		{[]string{"--group-by", "outlet", "-o", path}, exitBadUsage, "“outlet” is not a way to group quotes"},
		{[]string{"--paper", "legal", "-o", path}, exitBadUsage, "“legal” is not a paper size"},
		{[]string{"--library", "broken", "-o", path}, exitFailed, "could not be opened"},
		{[]string{"-o", path, "extra"}, exitBadUsage, `unexpected argument "extra"`},
		{[]string{"--no-such-flag"}, exitBadUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		_, errOut, code := runWith(t, sheetCmd, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.say) {
			t.Errorf("sheet %q: code %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.say)
		}
	}
}

func TestExportCommand(t *testing.T) {
	out, errOut, code := runWith(t, exportCmd, "--format", "csv", "--speaker", "Vladimir Putin", "-o", "-")
	if code != exitOK {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "«Мы не уйдём»" {
		t.Fatalf("CSV rows %q, %v", rows, err)
	}
	path := filepath.Join(t.TempDir(), "project.qdpx")
	if out, errOut, code := runWith(t, exportCmd, "-o", path); code != exitOK || !strings.Contains(out, "Exported 2 quotes") {
		t.Fatalf("qdpx: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if _, err := zr.Open("project.qde"); err != nil {
		t.Errorf("no project.qde in the archive: %v", err)
	}
	for _, tt := range []struct {
		args []string
		say  string
	}{
		{[]string{"--format", "xml", "-o", "x.xml"}, "“xml” is not an export format"},
		{[]string{"--format", "qdpx", "-o", "-"}, "zip archive"},
		{[]string{"--format", "json"}, "-o FILE"},
	} {
		if _, errOut, code := runWith(t, exportCmd, tt.args...); code != exitBadUsage || !strings.Contains(errOut, tt.say) {
			t.Errorf("export %q: code %d, stderr %q", tt.args, code, errOut)
		}
	}
}

type fakePrinter struct {
	jobs []printing.Job
	err  error
}

func (f *fakePrinter) Print(_ context.Context, job printing.Job) (string, error) {
	if _, err := os.Stat(job.File); err != nil {
		return "", err
	}
	f.jobs = append(f.jobs, job)
	return "Office-12", f.err
}

func TestPrintCommand(t *testing.T) {
	fp := &fakePrinter{}
	printCmd := func(e *env, args []string) int { return runPrint(e, args, testLibrary, fp) }
	out, errOut, code := runWith(t, printCmd, "--printer", "Office", "--copies", "2", "--paper", "a4", "--topic", "Syria")
	if code != exitOK || !strings.Contains(out, "Sent a 1-page quote sheet to Office (job Office-12)") {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out, errOut)
	}
	if len(fp.jobs) != 1 || fp.jobs[0].Copies != 2 || fp.jobs[0].Paper != "A4" || fp.jobs[0].Title != "Quotes on: Syria" {
		t.Errorf("jobs %+v", fp.jobs)
	}
	fp.err = &printing.Error{Kind: printing.PrinterStopped, Message: "The printer “Office” is paused."}
	if _, errOut, code := runWith(t, printCmd, "--printer", "Office"); code != exitFailed || !strings.Contains(errOut, "The printer “Office” is paused.") {
		t.Errorf("paused printer: code %d, stderr %q", code, errOut)
	}
}
