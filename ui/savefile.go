package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
)

// showSaveDialog is Fyne's file save dialog, proposing name and showing
// only files ending in ext.
func showSaveDialog(win fyne.Window, name, ext string, chosen func(fyne.URIWriteCloser, error)) {
	d := dialog.NewFileSave(chosen, win)
	d.SetFileName(name)
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{ext}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// fileNameFor turns a title into a file name that every system accepts:
// "Quotes on: Syria withdrawal" gives "Quotes on Syria withdrawal.pdf".
func fileNameFor(title, ext string) string {
	var b strings.Builder
	for _, r := range title {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r) || unicode.IsControl(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Join(strings.Fields(b.String()), " ")
	name = strings.TrimRight(name, ". ") // Windows drops trailing dots and spaces
	if runes := []rune(name); len(runes) > 100 {
		name = strings.TrimSpace(string(runes[:100]))
	}
	if name == "" {
		name = "Quotes"
	}
	return name + ext
}

// writeChosen writes into the file the researcher chose. The content is
// made in memory first, so that a failure leaves no half-written file: the
// file is removed instead.
func writeChosen(w fyne.URIWriteCloser, write func(io.Writer) error) error {
	var buf bytes.Buffer
	err := write(&buf)
	if err == nil {
		_, err = w.Write(buf.Bytes())
		if err != nil {
			err = fmt.Errorf("%s could not be written: %w", placeOf(w.URI()), err)
		}
	}
	if cerr := w.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("%s could not be saved: %w", placeOf(w.URI()), cerr)
	}
	if err != nil {
		if derr := fstorage.Delete(w.URI()); derr != nil && !errors.Is(derr, fstorage.ErrNotExists) {
			err = fmt.Errorf("%w (and the unfinished file %s could not be removed)", err, placeOf(w.URI()))
		}
	}
	return err
}

// placeOf is where a file is, as people read it: its path when it has one.
func placeOf(u fyne.URI) string {
	if u.Scheme() == "file" {
		return u.Path()
	}
	return u.String()
}

// namedPlace says where a saved file went: "“Quotes.pdf” in /home/ana/Documents".
func namedPlace(u fyne.URI) string {
	if u.Scheme() != "file" {
		return u.String()
	}
	return "“" + u.Name() + "” in " + filepath.Dir(u.Path())
}
