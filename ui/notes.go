package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/storage"
)

// noteDialog edits a note; kept for tests.
type noteDialog struct {
	entry *widget.Entry
	dlg   dialog.Dialog
}

// quoteNoteDialog edits the researcher's note on the current quote. Notes
// print under the quote on quote sheets.
func (m *MainWindow) quoteNoteDialog() {
	row, ok := m.currentQuote()
	if !ok {
		return
	}
	about := ellipsize(displayQuote(row.Text), 460, 13, fyne.TextStyle{Italic: true})
	if row.Speaker != "" {
		about += " — " + row.Speaker
	}
	m.showNoteDialog("Note on this quote", about, "It is printed under the quote on quote sheets.", row.Note,
		func(note string) { m.saveNote(storage.SetQuoteNote{QuoteID: row.ID, Note: note}, note) })
}

// documentNoteDialog edits the researcher's note on the article shown.
func (m *MainWindow) documentNoteDialog() {
	if m.lib == nil || m.source.doc.ID == 0 {
		return
	}
	doc, err := m.lib.Document(context.Background(), m.source.doc.ID)
	if err != nil {
		m.ShowError(err)
		return
	}
	m.showNoteDialog("Note on this article", orFileName(doc.Meta), "", doc.Note,
		func(note string) { m.saveNote(storage.SetDocumentNote{DocumentID: doc.ID, Note: note}, note) })
}

// saveNote applies a note's edit and says so in the researcher's words.
func (m *MainWindow) saveNote(cmd storage.Command, note string) {
	if _, ok := m.do(cmd); ok {
		m.updateStatus(map[bool]string{true: "Note saved", false: "Note removed"}[note != ""])
	}
}

// showNoteDialog asks for a note about something, starting from old; save
// gets the new note ("" removes it) when it changed.
func (m *MainWindow) showNoteDialog(title, about, hint, old string, save func(note string)) {
	d := &noteDialog{entry: widget.NewMultiLineEntry()}
	d.entry.Wrapping = fyne.TextWrapWord
	d.entry.SetMinRowsVisible(5)
	d.entry.SetPlaceHolder("What to remember about it: context, a doubt, where it is cited…")
	d.entry.SetText(old)
	hints := "Leave it empty to remove the note."
	if hint != "" {
		hints = hint + " " + hints
	}
	aboutLabel := widget.NewLabelWithStyle(about, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	aboutLabel.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(aboutLabel, d.entry, captionLabel(hints))
	d.dlg = dialog.NewCustomConfirm(title, "Save", "Cancel", body, func(ok bool) {
		if note := strings.TrimSpace(d.entry.Text); ok && note != strings.TrimSpace(old) {
			save(note)
		}
	}, m.Window)
	d.dlg.Resize(fyne.NewSize(520, 10))
	m.noteDlg = d
	d.dlg.Show()
	m.Window.Canvas().Focus(d.entry)
}

// noteIcon marks quotes and articles that carry a note.
func noteIcon() fyne.Resource {
	return theme.NewColoredResource(theme.DocumentCreateIcon(), theme.ColorNamePlaceHolder)
}

// oneLine is a note shown on one line.
func oneLine(note string) string { return strings.Join(strings.Fields(note), " ") }
