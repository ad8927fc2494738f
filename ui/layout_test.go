package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// textsIn is the text o shows, one piece per canvas text, leaving out
// hidden objects.
func textsIn(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			if w.Text != "" {
				out = append(out, w.Text)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		case *fyne.Container:
			for _, child := range w.Objects {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}

// At the window's usual size the source pane names the current quote's
// speaker in full: its caption and actions give way, not the name.
func TestSourceStripShowsTheWholeSpeakerName(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	for _, words := range []string{"assurances from the US", "We must always have the backs"} {
		q := tw.selectQuote(words)
		if got := strings.Join(textsIn(tw.source.speaker), ""); got != q.Speaker {
			t.Errorf("the strip shows the speaker as %q, want %q", got, q.Speaker)
		}
		if !tw.source.change.Visible() || tw.source.change.Size().Width < tw.source.change.MinSize().Width {
			t.Errorf("%q: the Change speaker button is hidden or cut", words)
		}
	}
}
