package ui

import (
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestMainWindowHasThreePanes(t *testing.T) {
	a := test.NewTempApp(t)
	m := NewMainWindow(a)
	defer m.Window.Close()
	if got := m.Window.Title(); got != WindowTitle {
		t.Fatalf("title %q, want %q", got, WindowTitle)
	}
	outer, ok := m.Window.Content().(*container.Split)
	if !ok {
		t.Fatalf("content is %T, want a split", m.Window.Content())
	}
	if _, ok := outer.Leading.(*widget.Tree); !ok {
		t.Errorf("left pane is %T, want the sidebar tree", outer.Leading)
	}
	inner, ok := outer.Trailing.(*container.Split)
	if !ok {
		t.Fatalf("right side is %T, want a split of list and source", outer.Trailing)
	}
	if inner.Leading == nil || inner.Trailing == nil {
		t.Fatal("quote list or source pane missing")
	}
	for _, branch := range []string{"Topics", "Speakers", "Documents"} {
		if !m.sidebar.IsBranchOpen(branch) {
			t.Errorf("sidebar section %q is closed", branch)
		}
	}
}
