package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// inView is the content of a vertical scroll that gives Fyne only the
// objects the scroll shows. Fyne draws every object it is given, scrolled
// out of sight or not; with software OpenGL each one costs the window's
// thread a draw of its own (llvmpipe copies 33 KB of state into fresh
// memory for each), and the sidebar's topics, speakers and documents below
// the fold were a third of the window's draws (docs/PERFORMANCE.md 1f).
// The column holds and lays out every object; rows out of view are laid
// out but not drawn, and their texts are not rasterised until they are.
type inView struct {
	widget.BaseWidget
	column *fyne.Container
	scroll *container.Scroll
}

// newInView puts column in a vertical scroll and returns both.
func newInView(column *fyne.Container) (*inView, *container.Scroll) {
	v := &inView{column: column}
	v.ExtendBaseWidget(v)
	v.scroll = container.NewVScroll(v)
	return v, v.scroll
}

// relayout places the column's objects again, for changes of size that
// Fyne would not notice in objects it is not given.
func (v *inView) relayout() {
	if v.column.Layout != nil {
		v.column.Layout.Layout(v.column.Objects, v.column.Size())
	}
}

func (v *inView) CreateRenderer() fyne.WidgetRenderer { return inViewRenderer{v} }

type inViewRenderer struct{ v *inView }

func (r inViewRenderer) Destroy()              {}
func (r inViewRenderer) MinSize() fyne.Size    { return r.v.column.MinSize() }
func (r inViewRenderer) Layout(size fyne.Size) { r.v.column.Resize(size) }
func (r inViewRenderer) Refresh()              { r.v.column.Refresh() }

// Objects are the column's objects from the first to the last that the
// scroll shows at least in part: a run of them, as the column stacks its
// objects in order.
func (r inViewRenderer) Objects() []fyne.CanvasObject {
	objs := r.v.column.Objects
	top := r.v.scroll.Offset.Y
	bottom := top + r.v.scroll.Size().Height
	if bottom <= top {
		return objs // not laid out yet
	}
	first, last := len(objs), -1
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		y := o.Position().Y
		if y+o.Size().Height < top || y > bottom {
			continue
		}
		first, last = min(first, i), i
	}
	if last < 0 {
		return nil
	}
	return objs[first : last+1]
}
