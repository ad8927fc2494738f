package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	"github.com/go-text/render"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

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
