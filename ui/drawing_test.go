package ui

import (
	"image"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"verbatim/core"
	"verbatim/storage"
)

// sampleChips are a researcher's topic, a suggested one, "+3" and the
// review badge, laid out in a row.
func sampleChips(m *textMeasurer) []fyne.CanvasObject {
	v := theme.VariantLight
	topic, suggested, more, review := newChip(), newChip(), newChip(), newChip()
	topic.setLook(topicLook("Sanctions", "#d9480f", false, v))
	suggested.setLook(topicLook("Elections", "#1c7ed6", true, v))
	more.setLook(moreLook("+3"))
	review.setLook(reviewLook("Review · 0.58", paletteFor(v)))
	chips := []fyne.CanvasObject{topic, suggested, more, review}
	x := float32(4)
	for _, o := range chips {
		c := o.(*chip)
		c.measure = m
		c.Resize(c.MinSize())
		c.Move(fyne.NewPos(x, 6))
		x += c.MinSize().Width + chipGap
	}
	return chips
}

// A filled chip drawn as one image looks as Fyne draws its pieces (a
// rounded rectangle, a circle and a text). Outlines are left out here:
// Fyne's test painter strokes them across the edge, its OpenGL one, which
// the window uses, inside the edge as the image does.
func TestChipImagesLookAsFyneDrawsTheirPieces(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(theme.LightTheme())
	capture := func(m *textMeasurer) image.Image {
		chips := sampleChips(m)
		w := test.NewWindow(container.NewWithoutLayout(chips[0], chips[2]))
		defer w.Close()
		w.Resize(fyne.NewSize(420, 32))
		return w.Canvas().Capture()
	}
	// Measured: 10 and 21 of 1,557 (the pale fill is not counted as ink;
	// TestChipShapesFillTheirBox looks at the shapes); without the dots,
	// 22 and 53.
	lookAlike(t, "the chip images", capture(newTextMeasurer()), capture(nil), 1000, 25) // without a measurer, the pieces
}

// A suggested topic's outline is a line one unit wide inside the chip's
// box, with the chip's inside left clear; a filled chip is filled to its
// edge; both have round ends.
func TestChipShapesFillTheirBox(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(theme.LightTheme())
	chips := sampleChips(newTextMeasurer())
	alphas := func(c *chip) func(x, y int) uint32 {
		img := test.WidgetRenderer(c).Objects()[0].(*canvas.Raster)
		pic := img.Generator(int(c.Size().Width), int(c.Size().Height))
		return func(x, y int) uint32 { _, _, _, a := pic.At(x, y).RGBA(); return a >> 8 }
	}
	mid := int(chipHeight) / 2
	outlined, filled := alphas(chips[1].(*chip)), alphas(chips[0].(*chip))
	if a := outlined(0, mid); a < 0xa0 {
		t.Errorf("the outline's left edge has alpha %#x; want the stroke there", a)
	}
	if a := outlined(2, mid); a > 0x20 {
		t.Errorf("two pixels in from the outline, alpha is %#x; want the chip's clear inside", a)
	}
	_, _, _, fill := chips[0].(*chip).fill.RGBA()
	if a := filled(0, mid); a < fill>>8*3/4 {
		t.Errorf("the filled chip's left edge has alpha %#x; want the fill's %#x there", a, fill>>8)
	}
	for name, alpha := range map[string]func(x, y int) uint32{"outlined": outlined, "filled": filled} {
		if a := alpha(1, 1); a > 0x20 {
			t.Errorf("the %s chip's top left corner has alpha %#x; want it rounded off", name, a)
		}
	}
}

// A quote row gives Fyne one image for its texts and topic chips; only
// the badge, which has an icon, stays a widget of its own.
func TestQuoteRowIsOneImage(t *testing.T) {
	test.NewTempApp(t)
	l := newQuoteList(nil)
	r := newQuoteRow(l)
	r.Resize(fyne.NewSize(520, rowHeight))
	row := storage.QuoteRow{ID: 7, Text: "“We will not leave,” she said.", Speaker: "Maria Kolesnikova",
		DocTitle: "Protests go on", Confidence: 0.4, Status: storage.StatusActive,
		Topics: []storage.TopicChip{{Name: "Protest", Color: "#d9480f"}, {Name: "Belarus", Color: "#1c7ed6"}}}
	r.show(0, row)
	var images, texts, chips int
	for _, o := range test.WidgetRenderer(r).Objects() {
		switch o := o.(type) {
		case *canvas.Raster:
			images++
		case *canvas.Text:
			texts++
		case *chip:
			chips++
			if o.icon == nil {
				t.Errorf("chip %q is drawn on its own, not in the row's image", o.text)
			}
		}
	}
	if images != 1 || texts != 0 || chips != 1 {
		t.Errorf("the row gives Fyne %d images, %d texts and %d chips; want 1, 0 and the badge", images, texts, chips)
	}
	paints(t, r, "Maria Kolesnikova", "Protest", "Belarus", "Review · 0.40")
}

// The image is made again only when what it paints changes, and the
// chip's icon is drawn on top of the chip's fill.
func TestDrawingIsRemadeOnlyWhenItChanges(t *testing.T) {
	test.NewTempApp(t)
	m := newTextMeasurer()
	c := sampleChips(m)[3].(*chip)
	objs := test.WidgetRenderer(c).Objects()
	if len(objs) != 2 || objs[1] != test.WidgetRenderer(c).(*chipRenderer).icon {
		t.Fatalf("the badge gives Fyne %d objects; want its image and then its icon, on top", len(objs))
	}
	first := objs[0]
	if again := test.WidgetRenderer(c).Objects()[0]; again != first {
		t.Error("the image was made again though nothing changed")
	}
	c.setLook(reviewLook("Review · 0.31", paletteFor(theme.VariantLight)))
	if changed := test.WidgetRenderer(c).Objects()[0]; changed == first {
		t.Error("the image was kept though the badge's text changed")
	}
}

// A sidebar row gives Fyne its background, its icon and one image of its
// dot, texts and count badge.
func TestSidebarRowIsOneImage(t *testing.T) {
	test.NewTempApp(t)
	r := newSideRow()
	r.measure = newTextMeasurer()
	r.Resize(fyne.NewSize(230, 48))
	r.set(rowLook{dot: parseColour("#d9480f"), text: "Sanctions", extra: "· 3 aliases", sub: "Reuters · 3 Mar 2022",
		count: 12, badge: true})
	var images int
	for _, o := range test.WidgetRenderer(r).Objects() {
		switch o := o.(type) {
		case *canvas.Raster:
			images++
			// Only what is painted: llvmpipe shades every pixel of an
			// image, clear or not.
			if x := o.Position().X; x < 12 || x+o.Size().Width > 230 || o.Size().Height > 44 {
				t.Errorf("the row's image spans %v from %v; want it from the dot to the count", o.Size(), o.Position())
			}
		case *canvas.Text, *canvas.Circle:
			t.Errorf("the row gives Fyne a %T of its own", o)
		}
	}
	if images != 1 {
		t.Errorf("the row gives Fyne %d images; want 1", images)
	}
	paints(t, r, "Sanctions", "· 3 aliases", "Reuters · 3 Mar 2022", "12")
}

// paints fails t unless o shows each of the texts.
func paints(t *testing.T, o fyne.CanvasObject, texts ...string) {
	t.Helper()
	shown := textsIn(o)
	for _, want := range texts {
		if !slices.Contains(shown, want) {
			t.Errorf("the image should paint %q; it paints %q", want, shown)
		}
	}
}

// An article's line is one image of its highlights, paragraph number,
// text and underlines: only the current quote's bar and the review icon
// are objects of their own.
func TestArticleLinesAreOneImageEach(t *testing.T) {
	test.NewTempApp(t)
	text := "Opening words.\n\nPutin said: \"We are done,\" and left.\n\nShe added \"maybe\" later."
	q1 := strings.Index(text, "\"We")
	q2 := strings.Index(text, "\"maybe")
	a := newArticleText()
	a.setDocument(text, []quoteMark{
		{id: 1, fragments: []core.Span{{Start: q1, End: q1 + 14}}, mention: core.Span{Start: strings.Index(text, "Putin"), End: strings.Index(text, "Putin") + 5}, current: true},
		{id: 2, fragments: []core.Span{{Start: q2, End: q2 + 7}}, mention: core.Span{Start: strings.Index(text, "She"), End: strings.Index(text, "She") + 3}, review: true},
	})
	a.Resize(fyne.NewSize(600, a.MinSize().Height))
	a.setView(0, 400)
	var images, bars, icons int
	for _, o := range test.WidgetRenderer(a).Objects() {
		switch o.(type) {
		case *canvas.Raster:
			images++
		case *canvas.Rectangle:
			bars++
		case *canvas.Image:
			icons++
		default:
			t.Errorf("the article gives Fyne a %T of its own", o)
		}
	}
	if images != 3 || bars != 1 || icons != 1 {
		t.Errorf("the article gives Fyne %d images, %d rectangles and %d icons; want one image a line (3), the current quote's bar and the review icon",
			images, bars, icons)
	}
}

// The empty window's dashed box is one image, not a line per dash.
func TestDashedBoxIsOneImage(t *testing.T) {
	test.NewTempApp(t)
	b := newDashedBox()
	b.Resize(fyne.NewSize(560, 360))
	objs := test.WidgetRenderer(b).Objects()
	if len(objs) != 1 {
		t.Fatalf("the dashed box gives Fyne %d objects; want one image", len(objs))
	}
	img := objs[0].(*canvas.Raster)
	pic := img.Generator(560, 360)
	alpha := func(x, y int) uint32 { _, _, _, a := pic.At(x, y).RGBA(); return a >> 8 }
	if alpha(20, 0) < 0x60 || alpha(24, 0) > 0x20 {
		t.Errorf("along the top edge, a dash then a gap: alpha %#x at 20, %#x at 24", alpha(20, 0), alpha(24, 0))
	}
	if alpha(280, 180) == 0 || alpha(280, 180) > 0x10 {
		t.Errorf("inside, the faint fill: alpha %#x", alpha(280, 180))
	}
}

// A topic whose letters the window's font lacks is a chip Fyne draws, and
// it shows the row's topic of the moment, not the one before.
func TestRowChipTheFontCannotDrawIsFyne(t *testing.T) {
	test.NewTempApp(t)
	r := newQuoteRow(newQuoteList(nil))
	r.Resize(fyne.NewSize(520, rowHeight))
	show := func(topic string) (fyneChips int) {
		r.show(0, storage.QuoteRow{ID: 7, Text: "“Words.”", Speaker: "Li Wei", Confidence: 0.9,
			Status: storage.StatusActive, Topics: []storage.TopicChip{{Name: topic, Color: "#d9480f"}}})
		for _, o := range test.WidgetRenderer(r).Objects() {
			if _, ok := o.(*chip); ok {
				fyneChips++
			}
		}
		return fyneChips
	}
	if n := show("贸易"); n != 1 {
		t.Errorf("a topic in Chinese is %d chips of Fyne's; want 1", n)
	}
	paints(t, r, "贸易")
	if n := show("外交"); n != 1 {
		t.Errorf("another topic in Chinese is %d chips of Fyne's; want 1", n)
	}
	paints(t, r, "外交")
	if n := show("Trade"); n != 0 {
		t.Errorf("a topic in Latin letters is %d chips of Fyne's; want it painted by the row", n)
	}
	paints(t, r, "Trade")
}
