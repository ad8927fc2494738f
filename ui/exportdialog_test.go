package ui

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"verbatim/core/export"
	"verbatim/core/quoteset"
)

// openExportDialog shows the export dialog for set and waits until it has
// counted the quotes.
func openExportDialog(t *testing.T, h *dialogHarness, sel QuoteSelection) *exportDialog {
	t.Helper()
	d := newExportDialog(h.win, sel, h.cfg)
	d.show()
	h.until("the count", func() bool { return !strings.Contains(d.summary.String(), "Reading") })
	return d
}

func TestExportDialogExplainsEachFormat(t *testing.T) {
	h := newDialogHarness(t)
	d := openExportDialog(t, h, selectionOf("Quotes on: Syria withdrawal", articleSet(testArticles(), 1)))
	wantShown(t, h.win.Canvas(), "Export quotes", "Quotes on: Syria withdrawal", "6 quotes from 3 articles",
		"Excel spreadsheet (.csv)", "Opens in Excel, LibreOffice and Google Sheets.",
		"JSON (.json)", "for your own scripts and tools.",
		"REFI-QDA project (.qdpx)", "For NVivo, ATLAS.ti, MAXQDA and QualCoder")
	if d.chosen != 0 || d.radios[0].Selected == "" || d.exportButton.Disabled() {
		t.Errorf("format %d chosen, Export enabled %v; want the spreadsheet, enabled", d.chosen, !d.exportButton.Disabled())
	}
	test.Tap(radioOption(t, d.radios[2]))
	var selected []string
	for _, r := range d.radios {
		selected = append(selected, r.Selected)
	}
	if d.chosen != 2 || selected[0] != "" || selected[1] != "" || selected[2] != "REFI-QDA project (.qdpx)" {
		t.Errorf("after choosing the project: format %d, options selected %q", d.chosen, selected)
	}
}

// radioOption is the tappable option of a one-option radio group.
func radioOption(t *testing.T, r fyne.Widget) fyne.Tappable {
	t.Helper()
	for _, o := range test.WidgetRenderer(r).Objects() {
		if tap, ok := o.(fyne.Tappable); ok {
			return tap
		}
	}
	t.Fatal("the radio group has no tappable option")
	return nil
}

// exportAs exports through the dialog in the given format and returns the
// written file.
func exportAs(t *testing.T, h *dialogHarness, sel QuoteSelection, format int) string {
	t.Helper()
	d := openExportDialog(t, h, sel)
	d.choose(format)
	test.Tap(d.exportButton)
	h.until("the export", func() bool { return strings.Contains(shownText(h.win.Canvas()), "Exported") })
	return h.saved
}

func TestExportWritesEachFormat(t *testing.T) {
	set := articleSet(testArticles(), 1)
	for i, check := range []func(t *testing.T, path string){checkCSV(set), checkJSON, checkQDPX} {
		f := exportFormats()[i]
		t.Run(f.ext, func(t *testing.T) {
			h := newDialogHarness(t)
			path := exportAs(t, h, selectionOf("Quotes on: Syria withdrawal", set), i)
			if filepath.Base(path) != "Quotes on Syria withdrawal"+f.ext {
				t.Errorf("proposed name %q", filepath.Base(path))
			}
			wantShown(t, h.win.Canvas(), "Exported 6 quotes from 3 articles to “"+filepath.Base(path)+"” in "+filepath.Dir(path)+".")
			check(t, path)
		})
	}
}

// checkCSV reads the spreadsheet back and compares it field by field.
func checkCSV(set quoteset.Set) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("\ufeff")) {
			t.Error("no byte-order mark: Excel would not read the file as UTF-8")
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1+len(set.Quotes) || strings.Join(rows[0], "|") != strings.Join(export.CSVColumns(), "|") {
			t.Fatalf("%d rows, header %q", len(rows), rows[0])
		}
		docs := set.DocumentsByID()
		for i, q := range set.Quotes {
			d := docs[q.DocumentID]
			want := map[string]string{"Quote": q.Span.In(d.Text), "Speaker": q.Speaker, "Topics": q.Topics[0],
				"Document title": d.Meta.Title, "Outlet": d.Meta.Outlet, "Date": d.Meta.Date, "Status": q.Status}
			for col, name := range export.CSVColumns() {
				if w, ok := want[name]; ok && rows[i+1][col] != w {
					t.Errorf("row %d, %s: %q, want %q", i+1, name, rows[i+1][col], w)
				}
			}
		}
	}
}

func checkJSON(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Format    string
		Documents []struct{ Title string }
		Quotes    []struct{ Speaker string }
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != export.JSONFormat || len(got.Documents) != 3 || len(got.Quotes) != 6 || got.Quotes[5].Speaker != "Владимир Путин" {
		t.Errorf("JSON export: %+v", got)
	}
}

// checkQDPX unzips the project and validates it against the REFI-QDA
// schema when xmllint is installed.
func checkQDPX(t *testing.T, path string) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("the project is not a zip archive: %v", err)
	}
	defer zr.Close()
	var qde []byte
	sources := 0
	for _, f := range zr.File {
		switch {
		case f.Name == "project.qde":
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			_, err = buf.ReadFrom(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			qde = buf.Bytes()
		case strings.HasPrefix(f.Name, "Sources/"):
			sources++
		}
	}
	if qde == nil || sources != 3 {
		t.Fatalf("project.qde found %v, %d sources; want it and 3", qde != nil, sources)
	}
	if !bytes.Contains(qde, []byte(`name="Quotes on: Syria withdrawal"`)) {
		t.Error("the project is not named after the selection")
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Log("xmllint is not installed (apt-get install libxml2-utils); not validating the project")
		return
	}
	schema := sharedPath(t, "schemas", "refi-qda", "Project.xsd")
	file := filepath.Join(t.TempDir(), "project.qde")
	if err := os.WriteFile(file, qde, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", schema, file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "validates") {
		t.Errorf("project.qde does not validate: %v\n%s", err, out)
	}
}

func TestExportReportsQuotesLeftOut(t *testing.T) {
	h := newDialogHarness(t)
	set := articleSet(testArticles(), 1)
	set.Quotes = append(set.Quotes, quoteset.Quote{ID: "ghost", DocumentID: "gone"})
	d := openExportDialog(t, h, selectionOf("Everything", set))
	wantShown(t, h.win.Canvas(), "6 quotes from 3 articles", `Quote ghost: its article ("gone") is not in the selection`)
	test.Tap(d.exportButton)
	h.until("the export", func() bool { return strings.Contains(shownText(h.win.Canvas()), "Exported") })
	wantShown(t, h.win.Canvas(), "Exported 6 quotes from 3 articles to “Everything.csv” in "+filepath.Dir(h.saved)+".", `Quote ghost: its article ("gone")`)
}

func TestExportNeedsQuotes(t *testing.T) {
	h := newDialogHarness(t)
	sel := QuoteSelection{Title: "Quotes by: Nobody", Scope: quoteset.Scope{Speaker: "Nobody"},
		Load: func(context.Context) (quoteset.Set, error) { return articleSet(testArticles(), 1), nil }}
	d := openExportDialog(t, h, sel)
	wantShown(t, h.win.Canvas(), "0 quotes from 0 articles", "There are no quotes here to export.")
	if !d.exportButton.Disabled() {
		t.Error("Export is enabled with nothing to export")
	}
}

// Cancelling the file dialog keeps the Export dialog, so the researcher
// can choose another format.
func TestCancelledSaveKeepsTheExportDialog(t *testing.T) {
	h := newDialogHarness(t)
	h.cfg.chooseSave = func(_ fyne.Window, _, _ string, chosen func(fyne.URIWriteCloser, error)) { chosen(nil, nil) }
	d := openExportDialog(t, h, selectionOf("Quotes", articleSet(testArticles(), 1)))
	test.Tap(d.exportButton)
	h.settle()
	wantShown(t, h.win.Canvas(), "Export quotes", "REFI-QDA project (.qdpx)")
	if d.exportButton.Disabled() {
		t.Error("Export is disabled after a cancelled save")
	}
}
