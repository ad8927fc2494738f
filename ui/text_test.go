package ui

import (
	"fmt"
	"image"
	"image/color"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"verbatim/core"
)

// A row shows two lines of a quote that may run to pages: ellipsizing it
// measures the words up to the cut, not the whole text.
func TestEllipsizeMeasuresOnlyTheWordsItShows(t *testing.T) {
	test.NewTempApp(t)
	m := newTextMeasurer()
	var words []string
	for i := range 2000 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	long := strings.Join(words, " ")
	got := m.ellipsize(long, 300, 13, fyne.TextStyle{})
	if !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Fatalf("ellipsized to %q", got)
	}
	shown := len(strings.Fields(got))
	if n := len(m.widths); n > shown+3 {
		t.Errorf("%d texts measured to show %d words of 2,000", n, shown)
	}
}

func TestEllipsizeCutsAfterWholeWords(t *testing.T) {
	test.NewTempApp(t)
	style := fyne.TextStyle{}
	long := "US President Trump announces troop withdrawal from Syria"
	full := textWidth(long, 13, style)
	for _, tc := range []struct {
		width float32
		want  string
	}{
		{full + 1, long},
		{0, ""},
	} {
		if got := ellipsize(long, tc.width, 13, style); got != tc.want {
			t.Errorf("ellipsize at %v: %q, want %q", tc.width, got, tc.want)
		}
	}
	for _, frac := range []float32{0.3, 0.5, 0.8} {
		w := full * frac
		got := ellipsize(long, w, 13, style)
		if !strings.HasSuffix(got, "…") || textWidth(got, 13, style) > w {
			t.Errorf("at %.0f%%: %q does not fit %v", frac*100, got, w)
		}
		if stem := strings.TrimSuffix(got, "…"); !strings.HasPrefix(long, stem) || !strings.HasPrefix(long[len(stem):], " ") {
			t.Errorf("at %.0f%%: %q is not cut after a whole word", frac*100, got)
		}
	}
	word := "Supercalifragilisticexpialidocious"
	if got := ellipsize(word, textWidth(word, 13, style)/2, 13, style); len(got) < 5 || !strings.HasSuffix(got, "…") {
		t.Errorf("one long word: %q", got)
	}
}

func TestWrapLinesKeepsTwoLinesAndEllipsizes(t *testing.T) {
	test.NewTempApp(t)
	text := strings.Repeat("We must always have the backs of our allies. ", 6)
	lines := wrapLines(text, 300, 14, fyne.TextStyle{}, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("lines %q", lines)
	}
	for _, l := range lines {
		if w := textWidth(l, 14, fyne.TextStyle{}); w > 300 {
			t.Errorf("line %q is %v wide", l, w)
		}
	}
	if got := wrapLines("“Short.”", 300, 14, fyne.TextStyle{}, 2); len(got) != 1 || got[0] != "“Short.”" {
		t.Errorf("short quote wrapped as %q", got)
	}
}

func TestSnapToWords(t *testing.T) {
	text := `Mayor Anna Berg defended the new harbour plan on Monday.`
	for _, tc := range []struct{ from, to, want string }{
		{"yor Anna", "Berg def", "Mayor Anna Berg defended"},
		{" the new", "plan ", "the new harbour plan"},
		{"Monday", ".", "Monday."},
	} {
		start := strings.Index(text, tc.from)
		end := strings.Index(text, tc.to) + len(tc.to)
		s, e := snapToWords(text, start, end)
		if got := text[s:e]; got != tc.want {
			t.Errorf("%q…%q snapped to %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
	if s, e := snapToWords(text, 5, 5); s != e {
		t.Error("an empty selection should stay empty")
	}
}

func TestStylesMarkQuotesMentionsAndTheCurrentQuote(t *testing.T) {
	text := `Berg said, "Jobs for all." He added: "And soon."`
	first := core.Span{Start: strings.Index(text, `"Jobs`), End: strings.Index(text, ` He`)}
	second := core.Span{Start: strings.Index(text, `"And`), End: len(text)}
	marks := []quoteMark{
		{id: 1, fragments: []core.Span{first}, mention: core.Span{Start: 0, End: 4}},
		{id: 2, fragments: []core.Span{second}, mention: core.Span{Start: strings.Index(text, "He"), End: strings.Index(text, "He") + 2},
			current: true, review: true},
	}
	a := &articleText{text: text, styles: buildStyles(len(text), marks)}
	style := func(at int) pieceStyle { s, _ := a.styleAt(at); return s }
	if s := style(1); s.mention != 1 || s.quote != 0 {
		t.Errorf("“Berg”: %+v, want a plain mention", s)
	}
	if s := style(first.Start + 2); s.quote != 1 || s.current {
		t.Errorf("first quote: %+v", s)
	}
	if s := style(first.End + 2); s.mention != 2 {
		t.Errorf("“He” of the current quote: %+v", s)
	}
	if s := style(second.Start); s.quote != 2 || !s.current || !s.review || !s.lead {
		t.Errorf("start of the current quote to review: %+v", s)
	}
	if s := style(strings.Index(text, "added")); s.quote != 0 || s.mention != 0 {
		t.Errorf("narration: %+v", s)
	}
}

// drawnTexts is the text objects the article draws, with the text each
// shows: a line drawn as one image shows its line's text.
func drawnTexts(a *articleText) map[fyne.CanvasObject]string {
	byTop := map[float32]string{}
	for _, l := range a.lines {
		if n := len(l.pieces); n > 0 {
			byTop[l.y] = a.text[l.pieces[0].start:l.pieces[n-1].end]
		}
	}
	out := map[fyne.CanvasObject]string{}
	for _, o := range test.WidgetRenderer(a).Objects() {
		switch o := o.(type) {
		case *canvas.Text:
			out[o] = o.Text
		case *canvas.Raster: // an image starts within its line
			for top, text := range byTop {
				if y := o.Position().Y; y >= top && y < top+articleLine {
					out[o] = text
				}
			}
		}
	}
	return out
}

// longArticle lays out 200 paragraphs, each with a quote, 600 wide.
func longArticle() (*articleText, string) {
	var paras []string
	for i := range 200 {
		paras = append(paras, fmt.Sprintf("Paragraph %d says that \"something was said\" by someone, at some length, to fill a line or two.", i))
	}
	text := strings.Join(paras, "\n\n")
	a := newArticleText()
	a.setDocument(text, nil)
	a.Resize(fyne.NewSize(600, a.MinSize().Height))
	return a, text
}

func TestLongTextDrawsOnlyNearTheView(t *testing.T) {
	test.NewTempApp(t)
	a, _ := longArticle()
	if a.height < 20*600 {
		t.Fatalf("200 paragraphs laid out %v high", a.height)
	}
	a.setView(0, 500)
	drawn := drawnTexts(a)
	for o := range drawn {
		if o.Position().Y > 4*500 {
			t.Fatalf("text drawn at %v, far below the view", o.Position().Y)
		}
	}
	if len(drawn) == 0 || len(drawn) > 4*500/articleLine*2 {
		t.Errorf("%d text objects drawn for a 500-high view", len(drawn))
	}
	a.setView(a.height-500, 500)
	last := false
	for _, text := range drawnTexts(a) {
		last = last || strings.Contains(text, "Paragraph 199 ")
	}
	if !last {
		t.Error("scrolled to the end, the last paragraph is not drawn")
	}
}

// TestScrollMakesObjectsOnlyForNewLines: lines that stay in view keep
// their canvas objects (Fyne keeps their rasterised text), lines far from
// view are forgotten, and a new layout, marks or theme draw afresh.
func TestScrollMakesObjectsOnlyForNewLines(t *testing.T) {
	a := test.NewTempApp(t)
	at, text := longArticle()
	texts := func() map[fyne.CanvasObject]bool {
		out := map[fyne.CanvasObject]bool{}
		for o := range drawnTexts(at) {
			out[o] = true
		}
		return out
	}
	at.setView(0, 500)
	before := texts()
	at.setView(500, 500) // out of the band drawn: drawn again
	after := texts()
	kept, fresh := 0, 0
	for txt := range after {
		if before[txt] {
			kept++
		} else {
			fresh++
		}
	}
	if kept == 0 || fresh == 0 || fresh > kept {
		t.Errorf("scrolling half a 1000-high band: %d text objects kept, %d new; want most kept", kept, fresh)
	}

	at.setView(at.height-500, 500)
	if n := len(at.drawnLines); n > 4*500/articleLine {
		t.Errorf("at the end of the article %d lines keep objects; want only those near the view", n)
	}
	at.setView(0, 500)
	for txt := range texts() {
		if before[txt] {
			t.Fatal("after a scroll through the whole article the first lines kept their old objects")
		}
	}

	start := strings.Index(text, "\"something")
	at.setMarks([]quoteMark{{id: 1, fragments: []core.Span{{Start: start, End: start + 20}}, current: true}})
	for txt := range texts() {
		if after[txt] {
			t.Fatal("new marks kept objects drawn without them")
		}
	}
	shown := texts()
	a.Settings().SetTheme(theme.LightTheme())
	at.Refresh()
	for txt := range texts() {
		if shown[txt] {
			t.Fatal("another theme kept objects drawn in the old one")
		}
	}
}

// A line drawn as one image (drawing) looks as Fyne's canvas.Text
// draws it: the same letters in the same places, bold where bold.
func TestLineImagesLookAsFyneText(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(theme.LightTheme())
	text := "Vladimir Putin said: \"We are done,\" and he left. Émile — 'naïve' café, 1,234 km."
	// The current quote's speaker is drawn in bold.
	mention := core.Span{Start: 0, End: len("Vladimir Putin")}
	capture := func(kept bool) image.Image {
		a := newArticleText()
		if !kept {
			a.measure = nil // canvas.Text for every run
		}
		a.plain = true
		a.gutter = 0
		a.setDocument(text, []quoteMark{{id: 1, mention: mention, current: true}})
		w := test.NewWindow(a)
		defer w.Close()
		w.Resize(fyne.NewSize(700, 80))
		return w.Canvas().Capture()
	}
	// Measured: none of 2,211; the speaker in regular weight instead of
	// bold gives 225, letters at whole pixels only 106.
	lookAlike(t, "the line image", capture(true), capture(false), 500, 50)
}

// lookAlike fails t when more than a share (1/per) of the inked pixels of
// one drawing have no like pixel within one pixel in the other. Fyne's
// test painter puts text at whole pixels rounded up, the OpenGL one (and
// the images) to the nearest: hence the pixel of leeway.
func lookAlike(t *testing.T, what string, drawn, fyneDrawn image.Image, minInk, per int) {
	t.Helper()
	unmatched, inked := nearMisses(drawn, fyneDrawn)
	back, _ := nearMisses(fyneDrawn, drawn)
	if inked < minInk {
		t.Fatalf("%s have only %d inked pixels: nothing drawn?", what, inked)
	}
	if unmatched+back > inked/per {
		t.Errorf("%d and %d of %d inked pixels have no like pixel within one pixel in the other drawing: %s do not look as Fyne draws them",
			unmatched, back, inked, what)
	}
}

// nearMisses counts the pixels of a that differ from the background (its
// top left pixel) and, of those, the ones with no pixel of about the same
// colour within one pixel in b.
func nearMisses(a, b image.Image) (unmatched, inked int) {
	bg := a.At(0, 0)
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := a.At(x, y)
			if colourDistance(c, bg) < 0x2000 {
				continue
			}
			inked++
			best := uint32(0xffff)
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					best = min(best, colourDistance(c, b.At(x+dx, y+dy)))
				}
			}
			if best > 0x3000 {
				unmatched++
			}
		}
	}
	return unmatched, inked
}

func colourDistance(c1, c2 color.Color) uint32 {
	r1, g1, b1, _ := c1.RGBA()
	r2, g2, b2, _ := c2.RGBA()
	return max(absDiff(r1, r2), absDiff(g1, g2), absDiff(b1, b2))
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// A line with letters the theme's font lacks (Chinese here) is drawn by
// Fyne, which finds another font for them; the others are one image each.
func TestLinesTheFontCannotDrawAreFyneText(t *testing.T) {
	test.NewTempApp(t)
	a := newArticleText()
	a.setDocument("An English line.\n\n他说：“我们走了。”", nil)
	a.Resize(fyne.NewSize(600, a.MinSize().Height))
	a.setView(0, 500)
	images, texts := 0, 0
	for o, text := range drawnTexts(a) {
		switch o.(type) {
		case *canvas.Raster:
			images++
			if text != "An English line." {
				t.Errorf("drawn as an image: %q", text)
			}
		case *canvas.Text:
			texts++
		}
	}
	if images != 1 || texts == 0 {
		t.Errorf("%d lines drawn as images and %d canvas texts; want the English line as an image, the Chinese as text", images, texts)
	}
}

// The window's measurer uses the fonts read in the background once they
// are there, and reads a font itself before.
func TestMeasurerTakesFontsReadInTheBackground(t *testing.T) {
	test.NewTempApp(t)
	early := newTextMeasurer()
	early.prepared = &preparedFaces{done: make(chan struct{})} // never done
	if early.face(fyne.TextStyle{}) == nil {
		t.Fatal("a font still being read in the background is not read at once")
	}
	m := newTextMeasurer()
	m.prepareFaces()
	<-m.prepared.done
	bold := fyne.TextStyle{Bold: true}
	if f := m.face(bold); f == nil || f != m.prepared.faces[bold] {
		t.Error("the bold font read in the background was read again")
	}
	if m.width("Verbatim", 14, bold) <= m.width("Verbatim", 14, fyne.TextStyle{}) {
		t.Error("bold text measures no wider than regular")
	}
}

// The widths a background measurer takes of an article's words are the
// window measurer's own, and with them the window lays the article out
// the same while shaping almost nothing itself.
func TestArticleWidthsMeasuredInTheBackgroundLayTheArticleOut(t *testing.T) {
	test.NewTempApp(t)
	text := "Vladimir Putin said: \"We are done,\" and he left.\n\nÉmile — 'naïve' café, 1,234 km, said the 42 ministers  twice.\nA second line."
	widths := articleWidths(newTextMeasurer(), text)
	fresh := newTextMeasurer()
	for k, w := range widths {
		if got := fresh.width(k.text, k.size, k.style); got != w {
			t.Errorf("%q: measured %v in the background, %v here", k.text, w, got)
		}
	}
	layout := func(m *textMeasurer) []textLine {
		a := newArticleText()
		a.measure = m
		a.setDocument(text, []quoteMark{{id: 1, fragments: []core.Span{{Start: 21, End: 35}}}})
		a.Resize(fyne.NewSize(360, 400))
		return a.lines
	}
	primed := newTextMeasurer()
	primed.absorb(widths)
	before := len(primed.widths)
	got, want := layout(primed), layout(newTextMeasurer())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("laid out with the background's widths:\n%+v\nwithout:\n%+v", got, want)
	}
	// Only pieces cut at a quote's edge, and spaces, are measured anew.
	if learned := len(primed.widths) - before; learned > 6 {
		t.Errorf("the window's measurer shaped %d texts itself, of %d words measured in the background", learned, len(widths))
	}
}
