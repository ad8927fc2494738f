package sheet

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Preview draws page i (from 0) as an image, dpi dots per inch (96 gives an
// A4 page 794 pixels wide), for the print dialog.
//
// The preview is drawn from the same Layout with the same fonts as the PDF,
// rather than by rasterising the PDF: that needs no outside program
// (pdftoppm is missing on most Windows and Mac computers), it cannot differ
// from the PDF in line breaks or page breaks, and it takes milliseconds.
func (l *Layout) Preview(i int, dpi float64) (*image.RGBA, error) {
	if i < 0 || i >= len(l.pages) {
		return nil, fmt.Errorf("the sheet has no page %d (it has %d)", i+1, len(l.pages))
	}
	if dpi <= 0 || dpi > 600 {
		return nil, fmt.Errorf("a preview needs a resolution between 1 and 600 dpi, not %g", dpi)
	}
	scale := dpi / 72
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(l.width*scale)), int(math.Ceil(l.height*scale))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	p := l.pages[i]
	for _, r := range p.rects {
		x0, y0 := int(math.Round(r.x*scale)), int(math.Round(r.y*scale))
		x1, y1 := int(math.Round((r.x+r.w)*scale)), int(math.Round((r.y+r.h)*scale))
		x1, y1 = max(x1, x0+1), max(y1, y0+1) // hairlines stay visible
		draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(toColor(r.c)), image.Point{}, draw.Src)
	}
	faces := map[style]font.Face{}
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	for _, t := range p.texts {
		key := style{font: t.st.font, size: t.st.size}
		fc, ok := faces[key]
		if !ok {
			var err error
			fc, err = opentype.NewFace(l.fonts[t.st.font].font, &opentype.FaceOptions{Size: t.st.size, DPI: dpi, Hinting: font.HintingNone})
			if err != nil {
				return nil, fmt.Errorf("the preview could not use its fonts: %w", err)
			}
			faces[key] = fc
		}
		ink := image.NewUniform(toColor(t.st.color))
		x := t.x
		for _, r := range t.s {
			dot := fixed.Point26_6{X: fixed.Int26_6(x * scale * 64), Y: fixed.Int26_6(t.y * scale * 64)}
			if dr, mask, mp, _, ok := fc.Glyph(dot, r); ok {
				draw.DrawMask(img, dr, ink, image.Point{}, mask, mp, draw.Over)
			}
			// Advance as the PDF does, so that both agree.
			x += l.fonts[t.st.font].advance(r)*t.st.size + t.st.tracking
		}
	}
	return img, nil
}

func toColor(c rgb) color.RGBA {
	r, g, b := c.parts()
	return color.RGBA{r, g, b, 0xff}
}
