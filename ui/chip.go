package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Chip sizes, in Fyne units (see the mockups' README).
const (
	chipHeight   = 20
	chipTextSize = 12
	chipDot      = 6
	chipPadding  = 8
	chipGap      = 6
)

// chip is a small rounded label: a topic on a quote (filled when the
// researcher's, outlined and italic when suggested), "+N", or the review
// badge with its warning icon.
type chip struct {
	widget.BaseWidget
	chipLook
	measure *textMeasurer // the window's, when it has one
}

// chipLook is what a chip shows.
type chipLook struct {
	text    string
	fill    color.Color
	stroke  color.Color
	ink     color.Color
	dot     color.Color // nil: no dot
	ringDot bool        // outlined dot, for a suggested topic
	icon    fyne.Resource
	italic  bool
	bold    bool
}

func newChip() *chip {
	c := &chip{}
	c.ExtendBaseWidget(c)
	return c
}

// setLook makes the chip show l: a topic (topicLook), how many did not
// fit (moreLook) or the review badge (reviewLook).
func (c *chip) setLook(l chipLook) {
	c.chipLook = l
	c.Refresh()
}

// topicLook is a topic's chip: filled for the researcher's topics,
// outlined for suggestions.
func topicLook(name, hex string, suggested bool, v fyne.ThemeVariant) chipLook {
	base := parseColour(hex)
	fill, ink := chipColours(base, v)
	l := chipLook{text: name, ink: ink, dot: base, italic: suggested, ringDot: suggested}
	if suggested {
		l.fill, l.stroke = color.Transparent, ink
	} else {
		l.fill = fill
	}
	return l
}

// moreLook says how many topics did not fit.
func moreLook(text string) chipLook {
	return chipLook{text: text, fill: theme.Color(theme.ColorNameButton), ink: theme.Color(theme.ColorNamePlaceHolder)}
}

// reviewLook is the amber "Review · 0.58" badge.
func reviewLook(text string, p palette) chipLook {
	return chipLook{text: text, fill: p.badgeFill, stroke: p.badgeStroke,
		ink: p.badgeText, icon: theme.NewColoredResource(theme.WarningIcon(), theme.ColorNameWarning)}
}

func (c *chip) style() fyne.TextStyle { return fyne.TextStyle{Italic: c.italic, Bold: c.bold} }

func (c *chip) MinSize() fyne.Size {
	w := c.measure.textWidth(c.text, chipTextSize, c.style()) + 2*chipPadding
	if c.dot != nil || c.icon != nil {
		w += c.leadWidth()
	}
	return fyne.NewSize(w, chipHeight)
}

func (c *chip) leadWidth() float32 {
	if c.icon != nil {
		return 12 + 4
	}
	return chipDot + 5
}

func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, chipParts: newChipParts()}
	r.Refresh()
	return r
}

func newChipParts() chipParts {
	p := chipParts{bg: canvas.NewRectangle(color.Transparent), dot: canvas.NewCircle(color.Transparent),
		label: canvas.NewText("", color.Black), icon: canvas.NewImageFromResource(nil)}
	p.bg.CornerRadius = chipHeight / 2
	p.label.TextSize = chipTextSize
	return p
}

// chipParts are a chip's pieces laid out in it, as Fyne would draw them.
type chipParts struct {
	bg    *canvas.Rectangle
	dot   *canvas.Circle
	label *canvas.Text
	icon  *canvas.Image
}

type chipRenderer struct {
	c *chip
	chipParts
	drawn drawing
}

func (r *chipRenderer) Destroy()           { r.drawn.release() }
func (r *chipRenderer) MinSize() fyne.Size { return r.c.MinSize() }

// Objects are the chip as one image, with the warning icon on it; the
// pieces themselves when the label has letters the image cannot draw.
func (r *chipRenderer) Objects() []fyne.CanvasObject {
	r.drawn.measure = r.c.measure
	r.drawn.start(r.c.Size())
	if !r.drawInto(&r.drawn, fyne.Position{}) {
		r.drawn.release()
		return []fyne.CanvasObject{r.bg, r.dot, r.icon, r.label}
	}
	if img := r.drawn.object(); img != nil {
		return []fyne.CanvasObject{img, r.icon} // the icon on the chip's fill
	}
	return []fyne.CanvasObject{r.icon}
}

// drawing lets tests read the texts behind the chip's image.
func (r *chipRenderer) drawing() *drawing { return &r.drawn }

// drawInto adds the chip's background, dot and label, placed at, to d;
// false, with nothing added, when d cannot draw the label's letters. The
// icon is left to Fyne.
func (p chipParts) drawInto(d *drawing, at fyne.Position) bool {
	mark := d.mark()
	d.addShape(itemPill, at.Add(p.bg.Position()), p.bg.Size(), p.bg.FillColor, p.bg.StrokeColor, p.bg.StrokeWidth)
	if !p.dot.Hidden {
		d.addShape(itemDot, at.Add(p.dot.Position()), p.dot.Size(), p.dot.FillColor, p.dot.StrokeColor, p.dot.StrokeWidth)
	}
	if !d.addText(p.label, at) {
		d.rollback(mark)
		return false
	}
	return true
}

func (r *chipRenderer) Layout(size fyne.Size) { r.c.layout(r.chipParts, size) }

// layout places a chip's parts in size.
func (c *chip) layout(p chipParts, size fyne.Size) {
	p.bg.Move(fyne.Position{})
	p.bg.Resize(size)
	x := float32(chipPadding)
	if c.icon != nil {
		p.icon.Resize(fyne.NewSquareSize(12))
		p.icon.Move(fyne.NewPos(x-1, (size.Height-12)/2))
		x += c.leadWidth()
	} else if c.dot != nil {
		p.dot.Resize(fyne.NewSquareSize(chipDot))
		p.dot.Move(fyne.NewPos(x, (size.Height-chipDot)/2))
		x += c.leadWidth()
	}
	m, style := c.measure, c.style()
	p.label.Text = m.ellipsize(c.text, size.Width-x-chipPadding+2, chipTextSize, style)
	// Fyne's height of a line of text, the same for every text of a size.
	ts := fyne.NewSize(m.textWidth(p.label.Text, chipTextSize, style), fyne.MeasureText("M", chipTextSize, style).Height)
	p.label.Resize(ts)
	p.label.Move(fyne.NewPos(x, (size.Height-ts.Height)/2))
}

func (r *chipRenderer) Refresh() {
	r.c.styleParts(r.chipParts)
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// styleParts gives a chip's parts its colours.
func (c *chip) styleParts(p chipParts) {
	p.bg.FillColor = c.fill
	if p.bg.FillColor == nil {
		p.bg.FillColor = color.Transparent
	}
	p.bg.StrokeColor = c.stroke
	p.bg.StrokeWidth = 0
	if c.stroke != nil {
		p.bg.StrokeWidth = 1
	}
	styleDot(p.dot, c.dot, c.ringDot, 1.5)
	p.icon.Hidden = c.icon == nil
	p.icon.Resource = c.icon
	p.label.Color = c.ink
	p.label.TextStyle = c.style()
}

// styleDot draws a topic's dot: filled for the researcher's topics, a ring
// for suggestions; hidden without a colour.
func styleDot(dot *canvas.Circle, c color.Color, ring bool, ringWidth float32) {
	dot.Hidden = c == nil
	switch {
	case c == nil:
	case ring:
		dot.FillColor, dot.StrokeColor, dot.StrokeWidth = color.Transparent, c, ringWidth
	default:
		dot.FillColor, dot.StrokeWidth = c, 0
	}
}

// ellipsize shortens s with "…" until it fits width at the given size,
// cutting after a whole word when it can.
func ellipsize(s string, width, size float32, style fyne.TextStyle) string {
	return (*textMeasurer)(nil).ellipsize(s, width, size, style)
}

// ellipsize is ellipsize measuring with m.
func (m *textMeasurer) ellipsize(s string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	if m.fits(s, width, size, style) {
		return s
	}
	room := width - m.width("…", size, style)
	var out strings.Builder
	used := float32(0)
	for word := range strings.SplitAfterSeq(s, " ") {
		w := m.width(word, size, style)
		if used+w > room {
			if out.Len() == 0 { // one long word: cut it by letters
				for _, r := range word {
					rw := m.width(string(r), size, style)
					if used+rw > room {
						break
					}
					out.WriteRune(r)
					used += rw
				}
			}
			break
		}
		out.WriteString(word)
		used += w
	}
	return strings.TrimRight(out.String(), " ,;:") + "…"
}

// fits reports whether s, measured word by word as textWidth measures it,
// is no wider than width. It stops at the first word past width: a quote
// of a page, shown on two lines of a row, was measured whole, every word
// of it shaped, for each row the list laid out.
func (m *textMeasurer) fits(s string, width, size float32, style fyne.TextStyle) bool {
	var w float32
	for word := range strings.SplitAfterSeq(s, " ") {
		if w += m.width(word, size, style); w > width {
			return false
		}
	}
	return true
}

// textWidth measures s word by word. Fyne caches every string it measures
// for a while; measuring words keeps that cache to the texts' vocabulary
// instead of every line and prefix tried while wrapping.
func textWidth(s string, size float32, style fyne.TextStyle) float32 {
	return (*textMeasurer)(nil).textWidth(s, size, style)
}

// textWidth is textWidth measuring with m.
func (m *textMeasurer) textWidth(s string, size float32, style fyne.TextStyle) float32 {
	var w float32
	for _, word := range strings.SplitAfter(s, " ") {
		w += m.width(word, size, style)
	}
	return w
}
