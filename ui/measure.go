package ui

import (
	"bytes"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// textMeasurer measures text as fyne.MeasureText does, to the same width,
// but keeps its shaper and fonts: Fyne makes both anew for every text it
// has not measured yet, which made laying out a newly imported article
// (thousands of new words) take a tenth of a second. Text the theme's font
// cannot draw alone (other scripts, emoji) or with tabs goes to
// fyne.MeasureText. A measurer belongs to one widget and its goroutine.
type textMeasurer struct {
	shaper    shaping.HarfbuzzShaper
	segmenter shaping.Segmenter
	faces     map[fyne.TextStyle]*font.Face // nil: the theme's font could not be read
	widths    map[measureKey]float32
	glyphs    glyphCache // letters rasterised for drawings
	prepared  *preparedFaces
}

// maxMeasured bounds the widths a measurer remembers.
const maxMeasured = 100000

type measureKey struct {
	text  string
	size  float32
	style fyne.TextStyle
}

// oneFace is a shaping.Fontmap of one font.
type oneFace struct{ face *font.Face }

func (f oneFace) ResolveFace(rune) *font.Face { return f.face }

func newTextMeasurer() *textMeasurer {
	m := &textMeasurer{faces: map[fyne.TextStyle]*font.Face{}, widths: map[measureKey]float32{},
		glyphs: glyphCache{}}
	m.shaper.SetFontCacheSize(8) // its fonts are kept only when told how many
	return m
}

// width is fyne.MeasureText(text, size, style).Width; a nil measurer
// asks Fyne.
func (m *textMeasurer) width(text string, size float32, style fyne.TextStyle) float32 {
	if m == nil {
		return fyne.MeasureText(text, size, style).Width
	}
	key := measureKey{text, size, style}
	if w, ok := m.widths[key]; ok {
		return w
	}
	// A word is often cut from a whole article: kept as it is, it would
	// keep the article's text in memory.
	key.text = strings.Clone(text)
	w, ok := m.shape(text, size, style)
	if !ok {
		w = fyne.MeasureText(text, size, style).Width
	}
	if len(m.widths) >= maxMeasured {
		clear(m.widths) // words of articles read long ago
	}
	m.widths[key] = w
	return w
}

// absorb takes widths another measurer of the same fonts measured, in a
// background goroutine (articleWidths).
func (m *textMeasurer) absorb(widths map[measureKey]float32) {
	if m == nil {
		return
	}
	if len(m.widths)+len(widths) > maxMeasured {
		clear(m.widths)
	}
	for k, w := range widths {
		if _, ok := m.widths[k]; !ok {
			k.text = strings.Clone(k.text)
			m.widths[k] = w
		}
	}
}

// shape measures text with the theme's font for style, when it has every
// glyph of it.
func (m *textMeasurer) shape(text string, size float32, style fyne.TextStyle) (float32, bool) {
	runs, ok := m.shapeRuns(text, size, style)
	if !ok {
		return 0, false
	}
	var advance fixed.Int26_6
	for _, run := range runs {
		advance += run.Advance
	}
	return float32(float64(advance) / 64), true
}

// shapeRuns shapes text with the theme's font for style, when it has
// every glyph of it and no tabs (Fyne draws those by its own rules).
func (m *textMeasurer) shapeRuns(text string, size float32, style fyne.TextStyle) ([]shaping.Output, bool) {
	if !m.drawable(text, style) {
		return nil, false
	}
	face := m.face(style)
	runes := []rune(text)
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Face: face,
		Size: fixed.Int26_6(float64(size) * 64)}
	runs := []shaping.Input{in}
	if !latinOnly(runes) {
		runs = m.segmenter.Split(in, oneFace{face})
	}
	var out []shaping.Output
	for _, run := range runs {
		shaped := m.shaper.Shape(run)
		for _, g := range shaped.Glyphs {
			if g.GlyphID == 0 {
				return nil, false
			}
		}
		out = append(out, shaped)
	}
	return out, true
}

// drawable reports whether the theme's font for style has every letter of
// text and text has no tabs (Fyne draws those by its own rules); false
// for a nil measurer.
func (m *textMeasurer) drawable(text string, style fyne.TextStyle) bool {
	if m == nil {
		return false
	}
	face := m.face(style)
	if face == nil || style.Monospace || style.Symbol || strings.ContainsAny(text, "\t\r") {
		return false
	}
	for _, r := range text {
		if _, ok := face.NominalGlyph(r); !ok {
			return false
		}
	}
	return true
}

// latinOnly reports whether text is all Latin letters and common marks
// (punctuation, digits, currency): one left-to-right run of one script,
// which the segmenter would give back whole after a costly look at it.
func latinOnly(text []rune) bool {
	for _, r := range text {
		switch {
		case r < 0x250:
		case r >= 0x200e && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return false // marks that change the direction
		case r >= 0x2000 && r <= 0x20cf:
		default:
			return false
		}
	}
	return true
}

// face is the theme's font for style, read once.
func (m *textMeasurer) face(style fyne.TextStyle) *font.Face {
	if f, ok := m.faces[style]; ok {
		return f
	}
	f, ok := m.prepared.take(style)
	if !ok {
		f = parseFace(style)
	}
	m.faces[style] = f
	return f
}

// parseFace reads the theme's font for style; nil if it cannot.
func parseFace(style fyne.TextStyle) *font.Face {
	f, err := font.ParseTTF(bytes.NewReader(theme.Font(style).Content()))
	if err != nil {
		return nil
	}
	return f
}

// preparedFaces are the window's fonts, read in the background as the
// window is made: about 5 ms each, which the frames that first showed
// bold or italic text in an import's first view paid.
type preparedFaces struct {
	done  chan struct{}
	faces map[fyne.TextStyle]*font.Face
}

// prepareFaces starts reading the fonts of the styles the window draws.
func (m *textMeasurer) prepareFaces() {
	p := &preparedFaces{done: make(chan struct{}), faces: map[fyne.TextStyle]*font.Face{}}
	m.prepared = p
	go func() {
		defer close(p.done)
		for _, s := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}} {
			p.faces[s] = parseFace(s)
		}
	}()
}

// take is the font for style if it has been read; it does not wait.
func (p *preparedFaces) take(style fyne.TextStyle) (*font.Face, bool) {
	if p == nil {
		return nil, false
	}
	select {
	case <-p.done:
		f, ok := p.faces[style]
		return f, ok
	default:
		return nil, false
	}
}
