package ui

import (
	"context"
	"fmt"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"verbatim/storage"
)

func TestReopeningRestoresLibrarySelectionAndLayout(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	tw := openTestWindow(t, a, dir)
	tw.importFiles("harbour.txt", "library.txt")
	sp := storage.Speaker{ID: tw.quoteWith("bring jobs").SpeakerID}
	if sp.ID == 0 {
		t.Fatal("the engine gave the mayor's quote no speaker")
	}
	tw.sidebar.selectKey(speakerKey(sp.ID))
	tw.sortSelect.SetSelectedIndex(int(storage.SortSpeaker))
	tw.list.selectIndex(tw.list.pager.count - 1)
	current := tw.list.current
	tw.Window.Resize(fyne.NewSize(1100, 700))
	tw.outer.SetOffset(0.25)
	tw.inner.SetOffset(0.5)
	tw.saveLayout()
	tw.close()

	again := openTestWindow(t, a, dir)
	if again.selection != speakerKey(sp.ID) || !again.sidebar.rows[speakerKey(sp.ID)].look.selected {
		t.Errorf("selection %q after reopening, want the speaker", again.selection)
	}
	if again.list.current != current || again.source.current.ID != current {
		t.Errorf("current quote %d after reopening, want %d", again.list.current, current)
	}
	if again.currentSort() != storage.SortSpeaker {
		t.Errorf("sort %d after reopening", again.currentSort())
	}
	if math.Abs(again.outer.Offset-0.25) > 0.001 || math.Abs(again.inner.Offset-0.5) > 0.001 {
		t.Errorf("splits %.3f/%.3f after reopening", again.outer.Offset, again.inner.Offset)
	}
	var w, h float32
	v, _ := again.lib.Setting(context.Background(), settingWindow)
	if _, err := fmt.Sscan(v, &w, &h); err != nil || w != 1100 || h != 700 {
		t.Errorf("window size saved as %q", v)
	}
}

func TestToolbarAndSidebarFitAt1280x800(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	if min := tw.Window.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
		t.Errorf("the window needs %v, more than 1280×800", min)
	}
	tw.Window.Resize(fyne.NewSize(1280, 800))
	// Fixed labels must show whole: the list title and the sort menu.
	for _, l := range []fyne.CanvasObject{tw.listTitle, tw.sortSelect, tw.open, tw.importFolder, tw.print, tw.export} {
		if l.Size().Width < l.MinSize().Width {
			t.Errorf("%T is %v wide, needs %v", l, l.Size().Width, l.MinSize().Width)
		}
	}
	for i, name := range sortNames() {
		tw.sortSelect.SetSelectedIndex(i)
		if tw.sortSelect.Size().Width < tw.sortSelect.MinSize().Width {
			t.Errorf("the sort menu cuts %q", name)
		}
	}
	if w := fyne.MeasureText(tw.listTitle.Text, 18, fyne.TextStyle{Bold: true}).Width; tw.listTitle.Size().Width < w {
		t.Errorf("list title %q cut to %v (needs %v)", tw.listTitle.Text, tw.listTitle.Size().Width, w)
	}
}

func TestSidebarAndArticleFillInFromTheBackground(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	tw := openTestWindow(t, a, dir)
	tw.importFiles("harbour.txt", "library.txt")
	rows, err := tw.lib.Quotes(context.Background(), storage.QuoteFilter{}, storage.SortDocumentOrder, 0, 1000)
	if err != nil || len(rows) < 2 {
		t.Fatalf("%d quotes: %v", len(rows), err)
	}
	chosen := rows[len(rows)-1] // not the list's first: restored, not chosen anew
	if !tw.list.selectID(chosen.ID) {
		t.Fatal("the last quote is not in the list")
	}
	tw.saveLayout()
	tw.close()

	lib, err := storage.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	main := make(chan func(), 4)
	m := newMainWindow(a, lib, nil, func(f func()) { main <- f }, false)
	defer m.Window.Close()
	if m.list.pager.count == 0 || m.list.current != chosen.ID {
		t.Fatalf("the quotes should show at once, quote %d current (shows %d quotes, quote %d)",
			chosen.ID, m.list.pager.count, m.list.current)
	}
	if len(m.sidebar.speakers) != 0 || m.source.doc.ID != 0 {
		t.Fatal("the sidebar or the article was read on the main goroutine before the first frame")
	}
	// The event loop runs what the background reads hand it.
	for turn := 0; len(m.sidebar.speakers) == 0 || m.source.doc.ID == 0; turn++ {
		if turn == 10 {
			t.Fatal("the sidebar and the article did not come in 10 turns of the event loop")
		}
		(<-main)()
	}
	if len(m.sidebar.documents) != 2 {
		t.Errorf("after the background read the sidebar lists %d documents", len(m.sidebar.documents))
	}
	if m.source.doc.ID != chosen.DocumentID || m.source.current.ID != chosen.ID {
		t.Errorf("the source pane shows document %d quote %d, want %d and %d",
			m.source.doc.ID, m.source.current.ID, chosen.DocumentID, chosen.ID)
	}
	m.saver.flush()
}

// Quitting tells the app that closing begins (it starts its watch over a
// stuck close there), and the layout is still saved.
func TestQuitSaysClosingBeginsAndSavesTheLayout(t *testing.T) {
	tw := newTestWindow(t)
	saved := func() string {
		v, err := tw.lib.Setting(context.Background(), settingWindow)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	var layoutThen []string
	tw.OnClosing(func() { layoutThen = append(layoutThen, saved()) })
	tw.Window.Resize(fyne.NewSize(1111, 777))
	tw.Quit()
	if len(layoutThen) != 1 {
		t.Fatalf("quitting said closing begins %d times, want once", len(layoutThen))
	}
	if layoutThen[0] == "1111 777" {
		t.Error("the layout was saved before the app heard that closing begins")
	}
	if got := saved(); got != "1111 777" {
		t.Errorf("after quitting the window's size is saved as %q", got)
	}
}
