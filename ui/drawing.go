package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/vector"
)

// drawing paints a widget's texts and shapes (topic chips, dots) into one
// image. With software OpenGL every object Fyne draws is a draw call of
// its own, and llvmpipe copies 33 KB of state into freshly allocated
// memory for each: a quote row of five texts and four chips cost some
// fifteen such calls and now costs one (docs/PERFORMANCE.md 1f). Its
// texts are shaped with the window's kept shaper and made of letters
// rasterised once (glyphCache): Fyne shapes each new canvas.Text with a
// new HarfBuzz font, measures it again and rasterises every letter, a
// third of the window thread's time in the frame that showed a new
// article (1b, 1e). The widget keeps laying out its canvas objects as
// models; the drawing paints what they describe, and is made again only
// when that changes.
type drawing struct {
	measure   *textMeasurer
	origin    fyne.Position // where the items' coordinates start, in the widget
	size      fyne.Size
	items     []drawItem // what img shows
	next      []drawItem // being collected for the next image
	shaped    [][]shaping.Output
	models    []fyne.CanvasObject // what the items were collected from (tests read them)
	img       *canvas.Raster
	drawnSize fyne.Size     // d.size when img was made
	drawnAt   fyne.Position // where in it img starts
}

type itemKind uint8

const (
	itemText itemKind = iota
	itemPill          // a rectangle with round ends: a chip
	itemDot           // a circle
	itemBox           // a rectangle with corners of the item's radius
)

// drawItem is one text or shape of a drawing, in Fyne units from the
// drawing's top left.
type drawItem struct {
	kind        itemKind
	at          fyne.Position
	size        fyne.Size
	text        string
	textSize    float32
	style       fyne.TextStyle
	fill        color.RGBA // a text's ink
	stroke      color.RGBA
	strokeWidth float32
	radius      float32 // of a box's corners, or a pill's (0: half its height)
}

// start begins collecting the items of the next image, size large.
func (d *drawing) start(size fyne.Size) {
	d.size = size
	d.next, d.models = d.next[:0], d.models[:0]
	d.shaped = d.shaped[:0]
}

// addText adds t as it is placed; false when the measurer cannot draw its
// letters (another script, emoji, tabs), so that Fyne draws t itself.
// Empty and hidden texts add nothing.
func (d *drawing) addText(t *canvas.Text, at fyne.Position) bool {
	if t.Text == "" || t.Hidden {
		return true
	}
	if d.measure == nil || t.Alignment != fyne.TextAlignLeading {
		return false
	}
	item := drawItem{kind: itemText, at: at.Add(t.Position()), size: t.Size(), text: t.Text,
		textSize: t.TextSize, style: t.TextStyle, fill: rgbaOf(t.Color)}
	var out []shaping.Output
	if i := len(d.next); i < len(d.items) && d.items[i] == item && d.img != nil {
		out = nil // unchanged: the image stays, and is not painted again
	} else {
		var ok bool
		if out, ok = d.measure.shapeRuns(t.Text, t.TextSize, t.TextStyle); !ok {
			return false
		}
	}
	d.next = append(d.next, item)
	d.shaped = append(d.shaped, out)
	d.models = append(d.models, t)
	return true
}

// addShape adds a pill or a dot filling the box at, size; a colour nil
// or transparent is not painted.
func (d *drawing) addShape(kind itemKind, at fyne.Position, size fyne.Size, fill, stroke color.Color, strokeWidth float32) {
	d.addRounded(kind, at, size, fill, stroke, strokeWidth, 0)
}

// addRounded is addShape for a box or a pill whose corners have radius.
func (d *drawing) addRounded(kind itemKind, at fyne.Position, size fyne.Size, fill, stroke color.Color, strokeWidth, radius float32) {
	item := drawItem{kind: kind, at: at, size: size, fill: rgbaOf(fill), stroke: rgbaOf(stroke), strokeWidth: strokeWidth, radius: radius}
	if item.fill.A == 0 && (item.stroke.A == 0 || strokeWidth == 0) {
		return
	}
	d.next = append(d.next, item)
	d.shaped = append(d.shaped, nil)
}

// mark and rollback take back the items added after the mark.
type drawMark struct{ items, models int }

func (d *drawing) mark() drawMark { return drawMark{len(d.next), len(d.models)} }

func (d *drawing) rollback(m drawMark) {
	d.next, d.shaped, d.models = d.next[:m.items], d.shaped[:m.items], d.models[:m.models]
}

// object is the image of the items collected since start, made again
// when they changed; nil when there is nothing to paint.
func (d *drawing) object() fyne.CanvasObject {
	if len(d.next) == 0 {
		d.release()
		d.items = d.items[:0]
		return nil
	}
	if d.img != nil && slices.Equal(d.items, d.next) && d.size == d.drawnSize {
		d.img.Move(d.origin.Add(d.drawnAt))
		return d.img
	}
	d.release()
	d.items = append(d.items[:0], d.next...)
	d.drawnSize = d.size
	items, shaped, m := slices.Clone(d.items), slices.Clone(d.shaped), d.measure
	for i, it := range items {
		if it.kind == itemText && shaped[i] == nil {
			shaped[i], _ = m.shapeRuns(it.text, it.textSize, it.style)
		}
	}
	// The image covers what is painted, not the whole widget: llvmpipe
	// shades every pixel of an image, clear or not.
	box := m.paintedBox(items, shaped).Intersect(image.Rect(0, 0, int(math.Ceil(float64(d.size.Width))), int(math.Ceil(float64(d.size.Height)))))
	if box.Empty() {
		return nil
	}
	at := fyne.NewPos(float32(box.Min.X), float32(box.Min.Y))
	for i := range items {
		items[i].at = items[i].at.Subtract(at)
	}
	width := float32(box.Dx())
	d.img = canvas.NewRaster(func(w, h int) image.Image {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		if w == 0 {
			return img
		}
		scale := float32(math.Round(float64(w)/float64(width)*100) / 100)
		for i, it := range items {
			m.paint(img, it, shaped[i], scale)
		}
		return img
	})
	// Painted at the size it is shown at: sampling the nearest pixel is
	// exact, and for llvmpipe a quarter of the work of smoothing four.
	d.img.ScaleMode = canvas.ImageScalePixels
	d.img.Resize(fyne.NewSize(width, float32(box.Dy())))
	d.drawnAt = at
	d.img.Move(d.origin.Add(at))
	return d.img
}

// paintedBox is the box, in whole units, that items paint in: shapes
// their own, texts from the pen's start to its end (a unit more either
// side for letters that reach past it) over the height of a line.
func (m *textMeasurer) paintedBox(items []drawItem, shaped [][]shaping.Output) image.Rectangle {
	var box image.Rectangle
	for i, it := range items {
		x0, y0 := it.at.X, it.at.Y
		x1, y1 := x0+it.size.Width, y0+it.size.Height
		if it.kind == itemText {
			var advance float32
			for _, out := range shaped[i] {
				advance += float32(out.Advance) / 64
			}
			tb := m.textBox(it.textSize)
			top := y0 + max(0, (it.size.Height-tb.height)/2)
			x0, x1 = x0-1, x0+advance+1
			y0, y1 = top, top+tb.height
		}
		r := image.Rect(int(math.Floor(float64(x0))), int(math.Floor(float64(y0))),
			int(math.Ceil(float64(x1))), int(math.Ceil(float64(y1))))
		box = box.Union(r)
	}
	return box
}

// release frees the texture of the image shown so far.
func (d *drawing) release() {
	if d.img != nil {
		releaseImages([]fyne.CanvasObject{d.img})
		d.img = nil
	}
}

// paint draws one item at the pixel scale.
func (m *textMeasurer) paint(img *image.RGBA, it drawItem, shaped []shaping.Output, scale float32) {
	switch it.kind {
	case itemText:
		box := m.textBox(it.textSize)
		top := it.at.Y + max(0, (it.size.Height-box.height)/2)
		y := int(math.Round(float64(top*scale))) + int(math.Ceil(float64(box.ascent*scale)))
		x := float32(math.Round(float64(it.at.X * scale)))
		ink := image.NewUniform(it.fill)
		for _, out := range shaped {
			x = m.glyphs.drawRun(img, ink, out, it.textSize, scale, x, y)
		}
	case itemPill, itemDot, itemBox:
		paintRounded(img, it, scale)
	}
}

// paintRounded fills a pill (a rectangle with half-circle ends) or a
// circle, then strokes its edge inside, smoothed as Fyne's shaders do.
func paintRounded(img *image.RGBA, it drawItem, scale float32) {
	x0, y0 := it.at.X*scale, it.at.Y*scale
	x1, y1 := x0+it.size.Width*scale, y0+it.size.Height*scale
	if it.kind == itemBox && it.radius == 0 {
		// Square boxes (underlines, their dots) on whole pixels, at least
		// one wide: smoothed, a line 1.5 pixels high is two pale ones.
		w, h := x1-x0, y1-y0
		x0, y0 = snap(x0), snap(y0)
		x1, y1 = x0+max(1, floor(w)), y0+max(1, floor(h))
	}
	b := image.Rect(int(math.Floor(float64(x0))), int(math.Floor(float64(y0))),
		int(math.Ceil(float64(x1))), int(math.Ceil(float64(y1)))).Intersect(img.Rect)
	if b.Empty() {
		return
	}
	z := vector.NewRasterizer(b.Dx(), b.Dy())
	ox, oy := float32(b.Min.X), float32(b.Min.Y)
	radius := min(x1-x0, y1-y0) / 2
	if it.kind == itemBox || it.kind == itemPill && it.radius > 0 {
		radius = min(radius, it.radius*scale)
	}
	shape := func(inset float32, reverse bool) {
		roundedPath(z, x0+inset-ox, y0+inset-oy, x1-inset-ox, y1-inset-oy, max(0, radius-inset), reverse)
	}
	if it.fill.A > 0 {
		shape(0, false)
		z.DrawOp = draw.Over
		z.Draw(img, b, image.NewUniform(it.fill), image.Point{})
	}
	if w := it.strokeWidth * scale; it.stroke.A > 0 && w > 0 {
		z.Reset(b.Dx(), b.Dy())
		shape(0, false)
		shape(w, true) // the inner edge, the other way round: a ring
		z.DrawOp = draw.Over
		z.Draw(img, b, image.NewUniform(it.stroke), image.Point{})
	}
}

func snap(v float32) float32  { return float32(math.Round(float64(v))) }
func floor(v float32) float32 { return float32(math.Floor(float64(v))) }

// roundedPath adds the outline of the box with corners rounded by r: a
// pill when r is half its height, a circle in a square box.
func roundedPath(z *vector.Rasterizer, x0, y0, x1, y1, r float32, reverse bool) {
	if x1 <= x0 || y1 <= y0 {
		return
	}
	// Four quarter circles as cubic curves (k: the usual 0.5523 handle).
	const k = 0.5523
	type pt struct{ x, y float32 }
	corners := []struct{ from, c1, c2, to pt }{
		{pt{x1 - r, y0}, pt{x1 - r + k*r, y0}, pt{x1, y0 + r - k*r}, pt{x1, y0 + r}},
		{pt{x1, y1 - r}, pt{x1, y1 - r + k*r}, pt{x1 - r + k*r, y1}, pt{x1 - r, y1}},
		{pt{x0 + r, y1}, pt{x0 + r - k*r, y1}, pt{x0, y1 - r + k*r}, pt{x0, y1 - r}},
		{pt{x0, y0 + r}, pt{x0, y0 + r - k*r}, pt{x0 + r - k*r, y0}, pt{x0 + r, y0}},
	}
	if !reverse {
		z.MoveTo(corners[0].from.x, corners[0].from.y)
		for _, c := range corners {
			z.LineTo(c.from.x, c.from.y)
			z.CubeTo(c.c1.x, c.c1.y, c.c2.x, c.c2.y, c.to.x, c.to.y)
		}
		z.ClosePath()
		return
	}
	z.MoveTo(corners[3].to.x, corners[3].to.y)
	for i := len(corners) - 1; i >= 0; i-- {
		c := corners[i]
		z.LineTo(c.to.x, c.to.y)
		z.CubeTo(c.c2.x, c.c2.y, c.c1.x, c.c1.y, c.from.x, c.from.y)
	}
	z.ClosePath()
}

// rgbaOf is c as premultiplied 8-bit RGBA; nil is transparent.
func rgbaOf(c color.Color) color.RGBA {
	if c == nil {
		return color.RGBA{}
	}
	return color.RGBAModel.Convert(c).(color.RGBA)
}
