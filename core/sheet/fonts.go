package sheet

import (
	"fmt"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"verbatim/assets"
)

// fontID names one of the sheet's six faces.
type fontID int

const (
	serif fontID = iota
	serifItalic
	serifBold
	sans
	sansBold
	sansItalic
	fontCount
)

// faceFiles and faceNames give each face's embedded file and its family and
// style for the PDF writer.
var faceFiles = [fontCount]struct{ file, family, style string }{
	serif:       {assets.SerifRegular, "NotoSerif", ""},
	serifItalic: {assets.SerifItalic, "NotoSerif", "I"},
	serifBold:   {assets.SerifBold, "NotoSerif", "B"},
	sans:        {assets.SansRegular, "NotoSans", ""},
	sansBold:    {assets.SansBold, "NotoSans", "B"},
	sansItalic:  {assets.SansItalic, "NotoSans", "I"},
}

// Runes whose advances are measured once at load: Latin, Greek, Cyrillic
// below tabledRunes and General Punctuation (dashes, curly quotes) from
// punctFirst to punctEnd. Others are measured when met.
const (
	tabledRunes = 0x0530
	punctFirst  = 0x2000
	punctEnd    = 0x2070
)

// face is one loaded font with its metrics in font units.
type face struct {
	data      []byte
	font      *sfnt.Font
	unitsPerE float64
	ascent    float64   // above the baseline, in em
	descent   float64   // below the baseline, in em (positive)
	advances  []float64 // runes below tabledRunes
	punct     []float64 // runes from punctFirst
}

// fonts holds the six faces. It is read-only after loading and so safe for
// concurrent use.
type fonts [fontCount]*face

func loadFonts() (*fonts, error) {
	var fs fonts
	for id, ff := range faceFiles {
		data, err := assets.Font(ff.file)
		if err != nil {
			return nil, err
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("the font %s could not be read: %w", ff.file, err)
		}
		fc := &face{data: data, font: f, unitsPerE: float64(f.UnitsPerEm())}
		var buf sfnt.Buffer
		m, err := f.Metrics(&buf, fixed.I(int(f.UnitsPerEm())), 0)
		if err != nil {
			return nil, fmt.Errorf("the font %s has no usable metrics: %w", ff.file, err)
		}
		fc.ascent = float64(m.Ascent) / 64 / fc.unitsPerE
		fc.descent = float64(m.Descent) / 64 / fc.unitsPerE
		fc.advances = make([]float64, tabledRunes)
		for r := range rune(tabledRunes) {
			fc.advances[r] = fc.measure(&buf, r)
		}
		fc.punct = make([]float64, punctEnd-punctFirst)
		for r := rune(punctFirst); r < punctEnd; r++ {
			fc.punct[r-punctFirst] = fc.measure(&buf, r)
		}
		fs[id] = fc
	}
	return &fs, nil
}

// measure returns r's advance in em; a rune the font lacks gets the advance
// of the font's "missing glyph" box, as the PDF viewer will draw it.
func (fc *face) measure(buf *sfnt.Buffer, r rune) float64 {
	gi, err := fc.font.GlyphIndex(buf, r)
	if err != nil {
		return 0
	}
	adv, err := fc.font.GlyphAdvance(buf, gi, fixed.I(int(fc.unitsPerE)), 0)
	if err != nil {
		return 0
	}
	// Round to whole font units like the PDF's width table does.
	return float64((adv+32)>>6) / fc.unitsPerE
}

// advance is r's width in em.
func (fc *face) advance(r rune) float64 {
	switch {
	case r >= 0 && r < tabledRunes:
		return fc.advances[r]
	case r >= punctFirst && r < punctEnd:
		return fc.punct[r-punctFirst]
	}
	var buf sfnt.Buffer
	return fc.measure(&buf, r)
}

// width is the width of s in points for style st.
func (fs *fonts) width(s string, st style) float64 {
	fc := fs[st.font]
	w, n := 0.0, 0
	for _, r := range s {
		w += fc.advance(r)
		n++
	}
	return w*st.size + float64(n)*st.tracking
}
