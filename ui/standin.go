package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// textStandIns draws a renderer's texts as line images made with the
// window's measurer (textLineRaster) instead of giving Fyne the
// canvas.Text objects themselves: Fyne measures and shapes every text it
// has not drawn before with a new HarfBuzz font, and the list's and the
// sidebar's rows show new names, titles and quotes all through an import.
// The renderer keeps laying out its canvas.Text objects as models (text,
// size, style, colour, place); Objects gives what stands in for them.
type textStandIns struct {
	measure *textMeasurer
	drawn   map[*canvas.Text]standIn
}

// standIn is the image drawn for a text, and what it was drawn from.
type standIn struct {
	look textLook
	obj  *canvas.Raster
}

type textLook struct {
	text   string
	size   float32
	height float32
	style  fyne.TextStyle
	ink    [4]uint32
}

func lookOf(t *canvas.Text) textLook {
	var ink [4]uint32
	if t.Color != nil {
		r, g, b, a := t.Color.RGBA()
		ink = [4]uint32{r, g, b, a}
	}
	return textLook{t.Text, t.TextSize, t.Size().Height, t.TextStyle, ink}
}

// objects are what to draw for texts: each one's image, made again when
// its look changed, or the text itself where the measurer cannot draw it.
// Empty and hidden texts are left out.
func (s *textStandIns) objects(texts ...*canvas.Text) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(texts))
	for _, t := range texts {
		if t.Text == "" || t.Hidden {
			continue
		}
		if o := s.standInFor(t); o != nil {
			out = append(out, o)
		} else {
			out = append(out, t)
		}
	}
	return out
}

// standInFor is the image of t, placed where t is, or nil.
func (s *textStandIns) standInFor(t *canvas.Text) fyne.CanvasObject {
	if s.measure == nil || t.Alignment != fyne.TextAlignLeading || t.TextSize == 0 {
		return nil
	}
	if s.drawn == nil {
		s.drawn = map[*canvas.Text]standIn{}
	}
	look := lookOf(t)
	in, ok := s.drawn[t]
	if !ok || in.look != look {
		if ok {
			releaseImages([]fyne.CanvasObject{in.obj})
		}
		ink := t.Color
		if ink == nil {
			ink = color.Black
		}
		r, drawable := s.measure.textLineRaster([]textRun{{text: t.Text, style: t.TextStyle}}, t.TextSize, look.height, ink)
		if !drawable {
			delete(s.drawn, t)
			return nil
		}
		in = standIn{look, r}
		s.drawn[t] = in
	}
	in.obj.Move(t.Position())
	return in.obj
}

// modelOf is the text that o stands in for, or nil (tests read what the
// window shows through it).
func (s *textStandIns) modelOf(o fyne.CanvasObject) *canvas.Text {
	for t, in := range s.drawn {
		if in.obj == o {
			return t
		}
	}
	return nil
}
