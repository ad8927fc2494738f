package ui

import (
	"fmt"
	"image"
	"image/draw"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/render"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"verbatim/core/shareddata"
)

// BenchmarkLineTextImages makes the images of lines of article text not
// drawn before, as the OpenGL painter does in the first frame that shows
// them: "line-images" as a drawing does (one image per line, the
// window's kept shaper), "fyne-text" as Fyne 2.7's painter does for a
// canvas.Text per run (its size measured, then shaped with a new shaper
// and rasterised into an NRGBA image that is converted to RGBA for the
// texture; copied here from its internal/painter, which cannot be
// imported).
func BenchmarkLineTextImages(b *testing.B) {
	test.NewTempApp(b)
	var lines []string
	for _, text := range shareddata.Articles(b, "polnear", "train.jsonl")[:40] {
		for _, w := range strings.Fields(text.Text) {
			if n := len(lines); n == 0 || len(lines[n-1]) > 70 {
				lines = append(lines, w)
			} else {
				lines[n-1] += " " + w
			}
		}
	}
	ink := theme.Color(theme.ColorNameForeground)
	b.Run("line-images", func(b *testing.B) {
		d := drawing{measure: newTextMeasurer()}
		t := canvas.NewText("", ink)
		t.TextSize = articleTextSize
		t.Resize(fyne.NewSize(2000, articleLine))
		for i := 0; b.Loop(); i++ {
			t.Text = fmt.Sprint(i, lines[i%len(lines)])
			d.start(t.Size())
			if !d.addText(t, fyne.Position{}) {
				continue
			}
			r := d.object().(*canvas.Raster)
			s := r.Size()
			r.Generator(int(s.Width), int(s.Height))
		}
	})
	b.Run("fyne-text", func(b *testing.B) {
		m := newTextMeasurer()
		face := oneFace{m.face(fyne.TextStyle{})}
		for i := 0; b.Loop(); i++ {
			line := fmt.Sprint(i, lines[i%len(lines)])
			size := fyne.MeasureText(line, articleTextSize, fyne.TextStyle{})
			img := image.NewNRGBA(image.Rect(0, 0, int(size.Width+1), int(size.Height+1)))
			fyneDrawString(img, line, face)
			rgba := image.NewRGBA(img.Rect)
			draw.Draw(rgba, rgba.Rect, img, image.Point{}, draw.Over)
		}
	})
}

// fyneDrawString is Fyne 2.7.1's painter.DrawString for one font, at
// scale 1, without tabs.
func fyneDrawString(dst draw.Image, s string, faces oneFace) {
	r := render.Renderer{FontSize: articleTextSize, PixScale: 1, Color: theme.Color(theme.ColorNameForeground)}
	size := fixed.Int26_6(articleTextSize * 64)
	shaper := &shaping.HarfbuzzShaper{}
	segmenter := &shaping.Segmenter{}
	shaper.Shape(shaping.Input{Text: []rune{' '}, RunEnd: 1, Direction: di.DirectionLTR, Face: faces.face, Size: size})
	runes := []rune(s)
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Face: faces.face, Size: size}
	x, y := 0, -1
	for _, run := range segmenter.Split(in, faces) {
		out := shaper.Shape(run)
		if y < 0 {
			y = out.LineBounds.Ascent.Ceil()
		}
		x = r.DrawShapedRunAt(out, dst, x, y)
	}
}

// BenchmarkArticleLayout lays out articles the window has not shown
// before, 560 units wide, with one measurer kept across them as the
// window keeps it: the work of showing a new article before its first
// frame.
func BenchmarkArticleLayout(b *testing.B) {
	test.NewTempApp(b)
	docs := shareddata.Articles(b, "polnear", "train.jsonl")
	m := newTextMeasurer()
	var bytes int
	for i := 0; b.Loop(); i++ {
		a := newArticleText()
		a.measure = m
		a.setText(docs[i%len(docs)].Text)
		a.width = 560
		a.setMarks(nil)
		bytes += len(a.text)
	}
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/op")
}
