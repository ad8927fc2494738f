package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-text/render"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// textRun is a piece of text to draw in one style, x units from the left
// of the line it belongs to.
type textRun struct {
	text  string
	x     float32
	style fyne.TextStyle
}

// textLineRaster draws a line of runs as one image, shaped with the
// measurer's kept shaper and fonts, each letter rasterised once (as Fyne
// rasterises a canvas.Text, with go-text/render) and then copied from the
// measurer's glyphs. Fyne shapes each new canvas.Text with a new HarfBuzz
// font, measures it the same way again for its size and rasterises every
// letter of it: in the frame that shows a new article, with software
// OpenGL, that was a third or more of the window thread's time
// (docs/PERFORMANCE.md 1b, 1e). ok is false when a run needs what only Fyne's painter does
// (another font for some of its letters, tabs): draw that line with
// canvas.Text.
func (m *textMeasurer) textLineRaster(runs []textRun, size, height float32, ink color.Color) (r *canvas.Raster, ok bool) {
	shaped := make([][]shaping.Output, len(runs))
	var width float32
	for i, run := range runs {
		out, ok := m.shapeRuns(run.text, size, run.style)
		if !ok {
			return nil, false
		}
		shaped[i] = out
		end := run.x
		for _, o := range out {
			end += float32(o.Advance) / 64
		}
		width = max(width, end)
	}
	box := m.textBox(size)
	r = canvas.NewRaster(func(w, h int) image.Image {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		if w == 0 {
			return img
		}
		// The pixel scale, to the hundredth: scales are such (1, 1.25,
		// 2), and the letters kept are by size in pixels.
		scale := float32(math.Round(float64(w)/float64(width+2)*100) / 100)
		// Where Fyne puts a canvas.Text of this height: centred, and
		// its baseline the ascent below the text's top.
		top := max(0, (height-box.height)/2)
		y := int(math.Round(float64(top*scale))) + int(math.Ceil(float64(box.ascent*scale)))
		src := image.NewUniform(ink)
		for i, run := range runs {
			x := float32(math.Round(float64(run.x * scale)))
			for _, out := range shaped[i] {
				x = m.glyphs.drawRun(img, src, out, size, scale, x, y)
			}
		}
		return img
	})
	r.ScaleMode = canvas.ImageScalePixels // painted at the size shown (see drawing.object)
	r.Resize(fyne.NewSize(width+2, max(height, box.height)))
	return r, true
}

// textBox is the height Fyne gives a line of text of size and the
// distance from its top to the baseline.
type textBox struct{ height, ascent float32 }

func (m *textMeasurer) textBox(size float32) textBox {
	out, ok := m.shapeRuns(" ", size, fyne.TextStyle{})
	if !ok || len(out) == 0 {
		return textBox{height: size * 1.36, ascent: size}
	}
	b := out[0].LineBounds
	return textBox{height: float32(b.LineThickness()) / 64, ascent: float32(b.Ascent) / 64}
}

// glyphCache keeps each letter rasterised, by font, size and where within
// a pixel it starts (in quarters: a letter moved by less than an eighth
// of a pixel looks the same), as a coverage mask whose point (0, 0) is
// the pen on the baseline.
type glyphCache map[glyphKey]glyphMask

// glyphMask is a letter's coverage, its top left corner off from the pen.
type glyphMask struct {
	*image.Alpha
	off image.Point
}

type glyphKey struct {
	face  *font.Face
	id    font.GID
	size  float32 // in pixels: the text size times the pixel scale
	phase uint8   // quarters of a pixel
}

// maxGlyphs bounds the letters kept (a few hundred per font and size in
// practice).
const maxGlyphs = 20000

// drawRun draws a shaped run with its pen starting x pixels from the
// left on baseline y, and returns where the pen ends.
func (c glyphCache) drawRun(dst draw.Image, src image.Image, run shaping.Output, size, scale, x float32, y int) float32 {
	for _, g := range run.Glyphs {
		gx := x + float32(g.XOffset)/64*scale
		ix := float32(math.Floor(float64(gx)))
		phase := uint8(math.Round(float64((gx - ix) * 4)))
		if phase == 4 {
			ix, phase = ix+1, 0
		}
		mask := c.glyph(run.Face, g.GlyphID, size*scale, phase)
		at := image.Pt(int(ix), y-int(math.Round(float64(g.YOffset)/64*float64(scale))))
		draw.DrawMask(dst, mask.Rect.Add(at.Add(mask.off)), src, image.Point{}, mask.Alpha, image.Point{}, draw.Over)
		x += float32(g.XAdvance) / 64 * scale
	}
	return x
}

// glyph is the mask of one letter, rasterised the first time it is asked
// for.
func (c glyphCache) glyph(face *font.Face, id font.GID, px float32, phase uint8) glyphMask {
	key := glyphKey{face, id, px, phase}
	if m, ok := c[key]; ok {
		return m
	}
	if len(c) >= maxGlyphs {
		clear(c)
	}
	// The letter's extent around the pen (or its advance, if wider), two
	// pixels more on every side for smoothing and the quarter-pixel shift.
	ext, _ := face.GlyphExtents(id)
	perUnit := px / float32(face.Upem())
	left := int(math.Floor(float64(min(0, ext.XBearing)*perUnit))) - 2
	right := int(math.Ceil(float64(max(ext.XBearing+ext.Width, float32(face.HorizontalAdvance(id)))*perUnit))) + 2
	top := -int(math.Ceil(float64(max(ext.YBearing, 0)*perUnit))) - 2
	bottom := int(math.Ceil(float64(max(-(ext.YBearing+ext.Height), 0)*perUnit))) + 2
	mask := glyphMask{image.NewAlpha(image.Rect(0, 0, right-left, bottom-top)), image.Pt(left, top)}
	pen := render.Renderer{FontSize: px, PixScale: 1, Color: color.Opaque}
	glyph := shaping.Glyph{GlyphID: id, XOffset: fixed.Int26_6(int(phase) * 16)}
	pen.DrawShapedRunAt(shaping.Output{Glyphs: []shaping.Glyph{glyph}, Face: face}, mask.Alpha, -left, -top)
	c[key] = mask
	return mask
}
