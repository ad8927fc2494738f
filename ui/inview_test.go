package ui

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"verbatim/core"
	"verbatim/storage"
)

// rowsOf makes n rows 20 high, named by their number.
func rowsOf(n int) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, n)
	for i := range rows {
		r := canvas.NewText(fmt.Sprint(i), color.Black)
		r.SetMinSize(fyne.NewSize(100, 20))
		rows[i] = r
	}
	return rows
}

func TestInViewGivesOnlyTheRowsTheScrollShows(t *testing.T) {
	test.NewTempApp(t)
	column := container.NewVBox(rowsOf(100)...)
	view, scroll := newInView(column)
	scroll.Resize(fyne.NewSize(120, 200))
	for _, offset := range []float32{0, 500, 1234} {
		scroll.ScrollToOffset(fyne.NewPos(0, offset))
		given := test.WidgetRenderer(view).Objects()
		inSight := map[fyne.CanvasObject]bool{}
		for _, o := range column.Objects {
			y := o.Position().Y
			if y+o.Size().Height >= scroll.Offset.Y && y <= scroll.Offset.Y+scroll.Size().Height {
				inSight[o] = true
			}
		}
		if len(inSight) == 0 || len(inSight) > 12 {
			t.Fatalf("at %v the scroll shows %d rows; the test expects a few", offset, len(inSight))
		}
		if len(given) != len(inSight) {
			t.Errorf("at %v Fyne is given %d rows, the scroll shows %d", offset, len(given), len(inSight))
		}
		for _, o := range given {
			if !inSight[o] {
				t.Errorf("at %v row %q is given but out of sight", offset, o.(*canvas.Text).Text)
			}
		}
	}
}

func TestInViewLeavesOutHiddenRowsAtItsEdgesAndFollowsTheColumn(t *testing.T) {
	test.NewTempApp(t)
	rows := rowsOf(30)
	column := container.NewVBox(rows...)
	view, scroll := newInView(column)
	scroll.Resize(fyne.NewSize(120, 100))
	rows[0].Hide()
	column.Refresh()
	given := test.WidgetRenderer(view).Objects()
	if len(given) == 0 || given[0] != rows[1] {
		t.Fatalf("with the first row hidden, the first row given should be the second; got %d rows", len(given))
	}
	// Rows added to the column show once the view is refreshed.
	column.Objects = append(rowsOf(3), column.Objects...)
	view.Refresh()
	scroll.Refresh()
	given = test.WidgetRenderer(view).Objects()
	if given[0].(*canvas.Text).Text != "0" || given[0] == rows[0] {
		t.Errorf("after rows were put first, the first given is %q", given[0].(*canvas.Text).Text)
	}
	if got := view.MinSize().Height; got < 32*20 {
		t.Errorf("the view is %v high for 32 rows of 20", got)
	}
}

// The sidebar of a library with many topics gives Fyne the rows in view,
// and the documents at its end once scrolled there.
func TestSidebarGivesOnlyTheRowsInView(t *testing.T) {
	test.NewTempApp(t)
	sb := newSidebar(nil)
	sb.measure = newTextMeasurer()
	var topics []storage.Topic
	for i := range 40 {
		topics = append(topics, storage.Topic{ID: int64(i + 1), Name: fmt.Sprintf("Topic %d", i+1), Color: "#1c7ed6", Count: 40 - i})
	}
	docs := []storage.DocumentInfo{{ID: 7, Meta: core.Meta{Title: "The last document"}, Quotes: 3}}
	sb.show(sidebarData{counts: storage.Counts{Documents: 1, Quotes: 820}, topics: topics, documents: docs})
	w := test.NewWindow(sb.object())
	defer w.Close()
	w.Resize(fyne.NewSize(240, 500))
	given := func() map[fyne.CanvasObject]bool {
		out := map[fyne.CanvasObject]bool{}
		for _, o := range test.WidgetRenderer(sb.view).Objects() {
			out[o] = true
		}
		return out
	}
	last := sb.rows[documentKey(7)]
	if n, all := len(given()), len(sb.box.Objects); n == 0 || n > all/2 || given()[last] {
		t.Fatalf("at the top the sidebar gives Fyne %d of its %d objects (the last document among them: %v)", n, all, given()[last])
	}
	sb.scroll.ScrollToBottom()
	if !given()[last] {
		t.Error("scrolled to the end, the last document's row is not given to Fyne")
	}
}
