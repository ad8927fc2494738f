package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"verbatim/core/printing"
	"verbatim/storage"
)

// until runs what the dialogs' background work hands back to the main
// goroutine until cond holds, and fails after a minute.
func (tw *testWindow) until(what string, cond func() bool) {
	tw.t.Helper()
	timeout := time.After(time.Minute)
	for !cond() {
		select {
		case f := <-tw.main:
			f()
		case <-timeout:
			tw.t.Fatalf("waited a minute for %s", what)
		}
	}
}

func TestCtrlCCopiesTheSelectedQuoteWithItsCitation(t *testing.T) {
	tw := newTestWindow(t)
	tw.UseSheetDialogs(tw.lib, &fakePrinter{})
	tw.importFiles("harbour.txt")
	q := tw.selectQuote("bring jobs to the whole town")
	clip := tw.app.Clipboard()
	clip.SetContent("")

	shortcutOn(tw.Window.Canvas(), &fyne.ShortcutCopy{Clipboard: clip})
	tw.until("the copy", func() bool { return clip.Content() != "" })
	got := clip.Content()
	if !strings.Contains(got, "The harbour will bring jobs to the whole town") || !strings.Contains(got, "\n— ") ||
		!strings.Contains(got, q.DocTitle) {
		t.Errorf("clipboard holds %q; want the quote, then a citation line naming %q", got, q.DocTitle)
	}
}

func TestUndoShortcutInTheSearchFieldLeavesTheLibraryAlone(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	q := tw.selectQuote("bring jobs to the whole town")
	tw.rejectOrRestore()
	if tw.reread(q.ID).Status != storage.StatusRejected {
		t.Fatal("the quote was not rejected")
	}

	tw.Window.Canvas().Focus(tw.search)
	tw.undoItem.Action() // what Ctrl+Z does through the main menu
	if got := tw.reread(q.ID).Status; got != storage.StatusRejected {
		t.Errorf("Ctrl+Z while typing a search undid a library edit (status %s)", got)
	}

	tw.Window.Canvas().Unfocus()
	tw.undoItem.Action()
	if got := tw.reread(q.ID).Status; got == storage.StatusRejected {
		t.Error("Ctrl+Z outside a text field did not undo the rejection")
	}
}

func TestPrintOpensTheSheetDialogForWhatTheListShows(t *testing.T) {
	tw := newTestWindow(t)
	tw.UseSheetDialogs(tw.lib, &fakePrinter{printers: []printing.Printer{{Name: "Office", Default: true}}})
	tw.importFiles("harbour.txt")
	tw.search.SetText("harbour")
	tw.printSheet()
	tw.until("the print dialog with its quotes", func() bool {
		return strings.Contains(shownText(tw.Window.Canvas()), "Page 1 of")
	})
	wantShown(t, tw.Window.Canvas(), "Print quote sheet", "Quotes matching: “harbour”")
}
