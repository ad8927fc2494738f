package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"verbatim/core/sheet"
	"verbatim/storage"
)

// writeNote types note into the open note dialog and saves it.
func writeNote(t *testing.T, tw *testWindow, note string) {
	t.Helper()
	if tw.noteDlg == nil {
		t.Fatal("no note dialog opened")
	}
	tw.noteDlg.entry.SetText("")
	test.Type(tw.noteDlg.entry, note)
	test.Tap(inDialog(t, tw.Window, buttonLabelled("Save")))
}

// rowRenderer draws the listed quote id as the list would.
func rowRenderer(t *testing.T, tw *testWindow, id int64) *quoteRowRenderer {
	t.Helper()
	i := tw.list.pager.indexOf(id)
	row, ok := tw.list.pager.row(i)
	if !ok {
		t.Fatalf("quote %d is not listed", id)
	}
	r := newQuoteRow(tw.list)
	r.Resize(fyne.NewSize(440, rowHeight))
	r.show(i, row)
	return test.WidgetRenderer(r).(*quoteRowRenderer)
}

func TestQuoteNotesAreWrittenShownAndPrinted(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	q := tw.selectQuote("bring jobs")
	if !rowRenderer(t, tw, q.ID).note.Hidden {
		t.Error("a quote without a note shows the note mark")
	}
	if item := menuItem(t, tw.quoteMenu(q), "Add note"); item.Action == nil {
		t.Fatal("the quote's menu cannot add a note")
	}

	// Ctrl+Shift+N, as the Edit menu says.
	shortcutOn(tw.Window.Canvas(), shortcut(fyne.KeyN, primaryMod|fyne.KeyModifierShift))
	writeNote(t, tw, "Ask Berg's office for the full speech")
	const note = "Ask Berg's office for the full speech"
	if got := tw.reread(q.ID).Note; got != note {
		t.Fatalf("note stored as %q", got)
	}
	if !tw.source.note.Visible() || tw.source.note.text != "Note: "+note {
		t.Errorf("the quote's strip shows %q (visible %v)", tw.source.note.text, tw.source.note.Visible())
	}
	if rowRenderer(t, tw, q.ID).note.Hidden {
		t.Error("the quote's row should carry the note mark")
	}

	// The sheet prints it: the library hands it over with the quote.
	set, err := tw.lib.QuoteSet(context.Background(), storage.QuoteFilter{IDs: []int64{q.ID}}, storage.SortDocumentOrder)
	if err != nil {
		t.Fatal(err)
	}
	s, problems := sheet.Build(set, sheet.Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	printed := ""
	for _, g := range s.Groups {
		for _, sq := range g.Quotes {
			printed += sq.Note
		}
	}
	if printed != note {
		t.Errorf("the sheet prints the note %q", printed)
	}

	// Edited from the menu, then removed by emptying it; undo brings it back.
	menuItem(t, tw.quoteMenu(tw.reread(q.ID)), "Edit note").Action()
	if tw.noteDlg.entry.Text != note {
		t.Errorf("the dialog starts from %q", tw.noteDlg.entry.Text)
	}
	writeNote(t, tw, "  ")
	if got := tw.reread(q.ID).Note; got != "" {
		t.Errorf("an emptied note stays as %q", got)
	}
	if tw.source.note.Visible() {
		t.Error("the strip still shows a removed note")
	}
	tw.Undo()
	if got := tw.reread(q.ID).Note; got != note {
		t.Errorf("undo gave back %q", got)
	}
}

func TestDocumentNoteFromTheSourceHeader(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.selectQuote("bring jobs")
	if !tw.source.docNoteBtn.Visible() || tw.source.docNote.Visible() || tw.source.docNoteBtn.Text != "Add article note" {
		t.Fatalf("header offers %q (note shown %v)", tw.source.docNoteBtn.Text, tw.source.docNote.Visible())
	}
	test.Tap(tw.source.docNoteBtn)
	writeNote(t, tw, "Local paper;\nthe council vote is on 12 March")
	doc, err := tw.lib.Document(context.Background(), tw.source.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Note != "Local paper;\nthe council vote is on 12 March" {
		t.Errorf("article note stored as %q", doc.Note)
	}
	if !tw.source.docNote.Visible() || tw.source.docNote.text != "Note: Local paper; the council vote is on 12 March" ||
		tw.source.docNoteBtn.Text != "Edit article note" {
		t.Errorf("header shows %q, button %q", tw.source.docNote.text, tw.source.docNoteBtn.Text)
	}
	if !strings.Contains(tw.undoItem.Label, "Note") {
		t.Errorf("Edit menu offers %q", tw.undoItem.Label)
	}
}
