package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFilePickerImportsSeveralFiles(t *testing.T) {
	tw := newTestWindow(t)
	dir, _ := filepath.Abs(filepath.Join("testdata", "articles"))
	var got []string
	p := newFilePicker(tw.MainWindow, filepath.Dir(dir), func(paths []string) { got = paths })
	p.show()
	if !p.open.Disabled() {
		t.Error("Import should wait until something is ticked")
	}
	// Folders come first; tapping one opens it.
	if len(p.entries) == 0 || !p.entries[0].IsDir() {
		t.Fatalf("entries %v", p.entries)
	}
	for i, e := range p.entries {
		if e.Name() == "articles" {
			p.activate(i)
		}
	}
	if p.dir != dir {
		t.Fatalf("in %s, want %s", p.dir, dir)
	}
	for i, e := range p.entries {
		if e.Name() == "harbour.txt" || e.Name() == "library.txt" {
			p.activate(i)
		}
	}
	if p.open.Text != "Import 2 items" {
		t.Errorf("button says %q", p.open.Text)
	}
	test.Tap(p.open)
	want := []string{filepath.Join(dir, "harbour.txt"), filepath.Join(dir, "library.txt")}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("picked %q, want %q", got, want)
	}
}
