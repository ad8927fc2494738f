package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The real save dialog proposes the name, and saving writes there.
func TestSaveDialogProposesTheName(t *testing.T) {
	h := newDialogHarness(t)
	dir := t.TempDir()
	// Fyne's file dialog opens in the folder it used last.
	h.app.Preferences().SetString("fyne:fileDialogLastFolder", fstorage.NewFileURI(dir).String())
	var got fyne.URIWriteCloser
	showSaveDialog(h.win, "Quotes on Syria withdrawal.pdf", ".pdf", func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			t.Error(err)
		}
		got = w
	})
	var name *widget.Entry
	var save *widget.Button
	for _, o := range visibleObjects(h.win.Canvas()) {
		switch w := o.(type) {
		case *widget.Entry:
			if w.Text == "Quotes on Syria withdrawal.pdf" {
				name = w
			}
		case *widget.Button:
			if w.Text == "Save" {
				save = w
			}
		}
	}
	if name == nil || save == nil {
		t.Fatalf("the save dialog has no name field with the proposed name (%v) or no Save button (%v)", name != nil, save != nil)
	}
	test.Tap(save)
	if got == nil {
		t.Fatal("saving handed over no file")
	}
	if want := filepath.Join(dir, "Quotes on Syria withdrawal.pdf"); got.URI().Path() != want {
		t.Errorf("saving to %s, want %s", got.URI().Path(), want)
	}
	if err := writeChosen(got, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.7"); return err }); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(got.URI().Path()); err != nil || string(data) != "%PDF-1.7" {
		t.Errorf("file holds %q (%v)", data, err)
	}
}

func TestFailedWriteRemovesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	w, err := fstorage.Writer(fstorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	err = writeChosen(w, func(out io.Writer) error {
		io.WriteString(out, "%PDF-half")
		return errors.New("the fonts could not be read")
	})
	if err == nil || err.Error() != "the fonts could not be read" {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s left behind (%v)", path, err)
	}
}
