package ui

import (
	"image/color"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/core"
	"verbatim/core/paragraph"
)

// Geometry of the source text (see the mockups' README): 14-unit text on
// 24-unit lines, paragraph numbers in a gutter with the selected quote's bar.
const (
	articleTextSize = 14
	articleLine     = 24
	articleTextBox  = 20 // the height of a line's text, centred in the line
	articleParaGap  = 13
	articleGutter   = 44
	articlePadRight = 18
	articlePadY     = 12
	reviewIconSize  = 14
)

// quoteMark is one quote as the source text draws it.
type quoteMark struct {
	id        int64
	fragments []core.Span // the parts inside quotation marks
	mention   core.Span
	current   bool // the quote selected in the list
	review    bool // low confidence: orange underline and warning icon
}

// articleText draws a document's text with every quote highlighted, the
// current one stronger, and speakers' mentions underlined. A tap on a quote
// selects it; a drag selects text (for "Add as quote").
type articleText struct {
	widget.BaseWidget
	text   string
	gutter float32 // room on the left for paragraph numbers and the bar
	plain  bool    // no paragraph numbers and no bar (a quote in context)
	paras  []paragraph.Paragraph
	marks  []quoteMark
	styles []styleRun // text positions where the style changes
	// measure measures words as fyne.MeasureText, faster (see measure.go).
	measure *textMeasurer

	width   float32
	height  float32
	lines   []textLine
	objects []fyne.CanvasObject
	selObjs []fyne.CanvasObject

	selStart, selEnd int // byte offsets; equal: no selection
	dragFrom         int

	// Only the lines near the part in view get canvas objects: a long
	// article would otherwise paint hundreds of text runs on every frame.
	viewTop, viewHeight float32
	drawnFrom, drawnTo  float32
	// drawnLines keeps the canvas objects of the lines drawn, by line,
	// until the text is laid out again: scrolling makes objects only for
	// the lines that come into view, and Fyne keeps the rasterised text of
	// an object it has drawn. drawnIn is the theme they were made in.
	drawnLines map[int]lineObjects
	drawnIn    color.Color

	onQuoteTapped func(id int64)
	onSelected    func(start, end int)
	onLayout      func(heightChanged bool) // the text was laid out again
}

// styleRun is the style from a byte offset on.
type styleRun struct {
	at    int
	style pieceStyle
}

type pieceStyle struct {
	quote   int64 // 0: not in a quote
	current bool  // in the current quote
	review  bool
	mention int  // 0 none, 1 a mention, 2 the current quote's mention
	lead    bool // a review quote starts here: room for the icon
}

// piece is a run of one style on one line.
type piece struct {
	start, end int
	x, w       float32
	style      pieceStyle
}

type textLine struct {
	y      float32
	para   int // paragraph number, on a paragraph's first line; else 0
	pieces []piece
}

func newArticleText() *articleText {
	t := &articleText{gutter: articleGutter, dragFrom: -1, measure: newTextMeasurer()}
	t.ExtendBaseWidget(t)
	return t
}

// setDocument shows text with marks; it keeps no selection.
func (t *articleText) setDocument(text string, marks []quoteMark) {
	t.setText(text)
	t.setMarks(marks)
}

// setText changes the text without laying it out: setMarks, which must
// follow, does.
func (t *articleText) setText(text string) {
	t.text = text
	t.paras = paragraph.New(text).Paragraphs()
	t.selStart, t.selEnd = 0, 0
}

// setMarks changes which quotes are drawn how, for the same text.
func (t *articleText) setMarks(marks []quoteMark) {
	t.marks = marks
	t.styles = buildStyles(len(t.text), marks)
	t.relayout()
}

// buildStyles turns the marks into style runs over the text.
func buildStyles(n int, marks []quoteMark) []styleRun {
	type edge struct {
		at   int
		mark int
		on   bool
		kind int // 0 quote, 1 mention
	}
	var edges []edge
	for i, m := range marks {
		for _, f := range m.fragments {
			if f.Start < f.End && f.End <= n {
				edges = append(edges, edge{f.Start, i, true, 0}, edge{f.End, i, false, 0})
			}
		}
		if !m.mention.IsZero() && m.mention.End <= n {
			edges = append(edges, edge{m.mention.Start, i, true, 1}, edge{m.mention.End, i, false, 1})
		}
	}
	sort.SliceStable(edges, func(a, b int) bool { return edges[a].at < edges[b].at })
	inQuote := map[int]int{}   // mark -> open fragments
	inMention := map[int]int{} // mark -> open mentions
	var runs []styleRun
	for k := 0; k < len(edges); {
		at := edges[k].at
		leads := false
		for ; k < len(edges) && edges[k].at == at; k++ {
			e := edges[k]
			open := map[bool]int{true: 1, false: -1}[e.on]
			if e.kind == 0 {
				inQuote[e.mark] += open
				if e.on && marks[e.mark].review && at == firstStart(marks[e.mark]) {
					leads = true
				}
			} else {
				inMention[e.mark] += open
			}
		}
		var s pieceStyle
		for i, c := range inQuote {
			if c > 0 && (s.quote == 0 || marks[i].current) {
				s.quote, s.current, s.review = marks[i].id, marks[i].current, marks[i].review
			}
		}
		for i, c := range inMention {
			if c > 0 {
				s.mention = max(s.mention, 1)
				if marks[i].current {
					s.mention = 2
				}
			}
		}
		s.lead = leads
		runs = append(runs, styleRun{at, s})
	}
	return runs
}

func firstStart(m quoteMark) int {
	if len(m.fragments) == 0 {
		return -1
	}
	return m.fragments[0].Start
}

// styleAt is the style at byte offset at and where it next changes.
func (t *articleText) styleAt(at int) (pieceStyle, int) {
	k := sort.Search(len(t.styles), func(i int) bool { return t.styles[i].at > at })
	next := len(t.text)
	if k < len(t.styles) {
		next = t.styles[k].at
	}
	if k == 0 {
		return pieceStyle{}, next
	}
	return t.styles[k-1].style, next
}

func (s pieceStyle) textStyle() fyne.TextStyle { return fyne.TextStyle{Bold: s.mention == 2} }

// relayout wraps the text to the widget's width.
func (t *articleText) relayout() {
	t.lines = t.wrap(t.width)
	h := float32(2 * articlePadY)
	if n := len(t.lines); n > 0 {
		h = t.lines[n-1].y + articleLine + articlePadY
	}
	changed := h != t.height
	t.height = h
	t.releaseLines()
	t.objects, t.drawnLines = nil, nil
	if t.onLayout != nil {
		t.onLayout(changed) // may scroll, and so change what is drawn
	}
	t.Refresh()
}

// wrap lays the paragraphs out in lines of at most width.
func (t *articleText) wrap(width float32) []textLine {
	maxW := width - t.gutter - articlePadRight
	if maxW < 80 {
		maxW = 80
	}
	var lines []textLine
	y := float32(articlePadY)
	for _, p := range t.paras {
		first := true
		for _, seg := range splitHardLines(t.text, p.Span) {
			line := textLine{y: y}
			if first {
				line.para = p.Number
				first = false
			}
			x := float32(0)
			for _, word := range words(t.text, seg) {
				ps := t.measureWord(word, x)
				w := ps[len(ps)-1].x + ps[len(ps)-1].w - x
				trailing := t.spaceWidth(word)
				if x > 0 && x+w-trailing > maxW {
					lines = append(lines, line)
					y += articleLine
					line = textLine{y: y}
					x = 0
					ps = t.measureWord(word, 0)
				}
				line.pieces = append(line.pieces, ps...)
				x = ps[len(ps)-1].x + ps[len(ps)-1].w
			}
			lines = append(lines, line)
			y += articleLine
		}
		y += articleParaGap
	}
	return lines
}

// articleWidths measures with m the words of text as wrap measures them,
// so that a measurer in a background goroutine takes the shaping of a
// newly read article off the window's thread: for a new article that was
// a fifth of the window thread's time in the frame that showed it
// (docs/PERFORMANCE.md 1f).
func articleWidths(m *textMeasurer, text string) map[measureKey]float32 {
	out := map[measureKey]float32{}
	for _, line := range splitHardLines(text, core.Span{End: len(text)}) {
		for _, w := range words(text, line) {
			key := measureKey{text[w.Start:w.End], articleTextSize, fyne.TextStyle{}}
			if _, ok := out[key]; !ok && key.text != "" {
				out[key] = m.width(key.text, key.size, key.style)
			}
		}
	}
	return out
}

// spaceWidth is the width of word's trailing spaces.
func (t *articleText) spaceWidth(word core.Span) float32 {
	s := word.In(t.text)
	n := 0
	for n < len(s) && s[len(s)-1-n] == ' ' {
		n++
	}
	if n == 0 {
		return 0
	}
	return t.measure.width(s[len(s)-n:], articleTextSize, fyne.TextStyle{})
}

// measureWord splits word at style changes into pieces placed from x on.
func (t *articleText) measureWord(word core.Span, x float32) []piece {
	var out []piece
	for at := word.Start; at < word.End; {
		style, next := t.styleAt(at)
		end := min(next, word.End)
		if style.lead && at == t.leadAt(at) {
			x += reviewIconSize + 3
		}
		w := t.measure.width(t.text[at:end], articleTextSize, style.textStyle())
		out = append(out, piece{start: at, end: end, x: x, w: w, style: style})
		x += w
		at = end
	}
	return out
}

// leadAt is at when a review quote starts exactly there, else -1.
func (t *articleText) leadAt(at int) int {
	k := sort.Search(len(t.styles), func(i int) bool { return t.styles[i].at >= at })
	if k < len(t.styles) && t.styles[k].at == at && t.styles[k].style.lead {
		return at
	}
	return -1
}

// splitHardLines splits a paragraph at its line breaks.
func splitHardLines(text string, p core.Span) []core.Span {
	var out []core.Span
	start := p.Start
	for i := p.Start; i < p.End; i++ {
		if text[i] == '\n' {
			out = append(out, core.Span{Start: start, End: i})
			start = i + 1
		}
	}
	return append(out, core.Span{Start: start, End: p.End})
}

// words splits a line into words, each with the spaces after it.
func words(text string, line core.Span) []core.Span {
	var out []core.Span
	i := line.Start
	for i < line.End {
		start := i
		for i < line.End && text[i] != ' ' {
			i++
		}
		for i < line.End && text[i] == ' ' {
			i++
		}
		out = append(out, core.Span{Start: start, End: i})
	}
	if len(out) == 0 {
		out = append(out, core.Span{Start: line.Start, End: line.Start})
	}
	return out
}

func (t *articleText) MinSize() fyne.Size { return fyne.NewSize(200, t.height) }

func (t *articleText) Resize(size fyne.Size) {
	widthChanged := size.Width != t.width
	t.BaseWidget.Resize(size)
	if widthChanged {
		t.width = size.Width
		t.relayout()
	}
}

// lineAt is the index of the line at y, clamped.
func (t *articleText) lineAt(y float32) int {
	k := sort.Search(len(t.lines), func(i int) bool { return t.lines[i].y+articleLine > y })
	return min(k, len(t.lines)-1)
}

// offsetAt is the byte offset nearest to the point p.
func (t *articleText) offsetAt(p fyne.Position) int {
	if len(t.lines) == 0 {
		return 0
	}
	line := t.lines[t.lineAt(p.Y)]
	x := p.X - t.gutter
	for _, pc := range line.pieces {
		if x < pc.x {
			return pc.start
		}
		if x < pc.x+pc.w {
			return t.offsetInPiece(pc, x-pc.x)
		}
	}
	if n := len(line.pieces); n > 0 {
		return line.pieces[n-1].end
	}
	return 0
}

func (t *articleText) offsetInPiece(pc piece, x float32) int {
	s := t.text[pc.start:pc.end]
	for i := range s {
		_, size := utf8.DecodeRuneInString(s[i:])
		w := fyne.MeasureText(s[:i+size], articleTextSize, pc.style.textStyle()).Width
		if w > x {
			return pc.start + i
		}
	}
	return pc.end
}

// quoteAt is the quote at byte offset at, 0 when none.
func (t *articleText) quoteAt(at int) int64 {
	s, _ := t.styleAt(at)
	return s.quote
}

// pieceY is the top of the line holding byte offset at, -1 when not laid out.
func (t *articleText) offsetY(at int) float32 {
	for _, l := range t.lines {
		for _, pc := range l.pieces {
			if at >= pc.start && at < pc.end {
				return l.y
			}
		}
	}
	return -1
}

func (t *articleText) Tapped(e *fyne.PointEvent) {
	at := t.offsetAt(e.Position)
	if t.selStart != t.selEnd {
		t.setSelection(0, 0)
	}
	if id := t.quoteAt(at); id != 0 && t.onQuoteTapped != nil {
		t.onQuoteTapped(id)
	}
}

func (t *articleText) Dragged(e *fyne.DragEvent) {
	at := t.offsetAt(e.Position)
	if t.selStart == t.selEnd && t.dragFrom < 0 {
		start := fyne.NewPos(e.Position.X-e.Dragged.DX, e.Position.Y-e.Dragged.DY)
		t.dragFrom = t.offsetAt(start)
	}
	if t.dragFrom < 0 {
		t.dragFrom = at
	}
	t.setSelection(min(t.dragFrom, at), max(t.dragFrom, at))
}

func (t *articleText) DragEnd() {
	t.dragFrom = -1
	start, end := snapToWords(t.text, t.selStart, t.selEnd)
	t.setSelection(start, end)
	if t.onSelected != nil {
		t.onSelected(start, end)
	}
}

func (t *articleText) Cursor() desktop.Cursor { return desktop.TextCursor }

// setSelection selects text from start to end (byte offsets).
func (t *articleText) setSelection(start, end int) {
	if start == t.selStart && end == t.selEnd {
		return
	}
	t.selStart, t.selEnd = start, end
	t.selObjs = nil
	t.Refresh()
}

// snapToWords widens a selection to whole words and drops outer spaces.
func snapToWords(text string, start, end int) (int, int) {
	if start >= end {
		return start, start
	}
	isWord := func(r rune) bool { return !unicode.IsSpace(r) }
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !isWord(r) || !isWord(firstRune(text[start:])) {
			break
		}
		start -= size
	}
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		last, _ := utf8.DecodeLastRuneInString(text[:end])
		if !isWord(r) || !isWord(last) {
			break
		}
		end += size
	}
	for start < end && unicode.IsSpace(firstRune(text[start:])) {
		_, size := utf8.DecodeRuneInString(text[start:])
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func (t *articleText) CreateRenderer() fyne.WidgetRenderer {
	return &articleRenderer{t: t}
}

type articleRenderer struct{ t *articleText }

func (r *articleRenderer) Destroy()           {}
func (r *articleRenderer) Layout(fyne.Size)   {}
func (r *articleRenderer) MinSize() fyne.Size { return r.t.MinSize() }
func (r *articleRenderer) Objects() []fyne.CanvasObject {
	t := r.t
	if t.objects == nil {
		t.objects = t.draw()
	}
	if t.selObjs == nil {
		t.selObjs = t.drawSelection()
	}
	return append(append([]fyne.CanvasObject{}, t.selObjs...), t.objects...)
}

func (r *articleRenderer) Refresh() {
	r.t.objects, r.t.selObjs = nil, nil
	r.Objects()
	canvas.Refresh(r.t)
}

// draw makes the canvas objects of the lines in the band to draw:
// highlights first, then text, underlines and gutter marks. Lines drawn
// before keep their objects.
func (t *articleText) draw() []fyne.CanvasObject {
	fg := theme.Color(theme.ColorNameForeground)
	if t.drawnLines == nil || t.drawnIn != fg { // laid out again, or another theme
		t.releaseLines()
		t.drawnLines, t.drawnIn = map[int]lineObjects{}, fg
	}
	from, to := t.drawRange()
	t.drawnFrom, t.drawnTo = from, to
	t.forgetLinesOutside(from-2*t.viewHeight, to+2*t.viewHeight)
	var back, front []fyne.CanvasObject
	var barTop, barBottom float32 = -1, -1
	ink := lineInk{p: paletteFor(currentVariant()), fg: fg, grey: theme.Color(theme.ColorNamePlaceHolder)}
	for i := t.lineAt(from); i >= 0 && i < len(t.lines) && t.lines[i].y <= to; i++ {
		l := t.lines[i]
		objs, ok := t.drawnLines[i]
		if !ok {
			objs = t.drawLine(l, ink)
			t.drawnLines[i] = objs
		}
		back, front = append(back, objs.back...), append(front, objs.front...)
		if objs.current {
			if barTop < 0 {
				barTop = l.y
			}
			barBottom = l.y + articleLine
		}
	}
	if barTop >= 0 && !t.plain {
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		bar.Move(fyne.NewPos(t.gutter-10, barTop))
		bar.Resize(fyne.NewSize(3, barBottom-barTop))
		front = append(front, bar)
	}
	return append(back, front...)
}

// lineObjects are one line's canvas objects: back behind all text, front
// over it; current says the line holds part of the current quote.
type lineObjects struct {
	back, front []fyne.CanvasObject
	current     bool
}

// lineInk is the theme's colours for drawing lines, read once per draw.
type lineInk struct {
	p        palette
	fg, grey color.Color
}

// drawLine makes the canvas objects of one line: one image of its
// highlights, paragraph number, text and underlines (see drawing), with
// the review icon over it; or, when the theme's font lacks some of the
// line's letters, canvas objects of each, which Fyne draws.
func (t *articleText) drawLine(l textLine, ink lineInk) lineObjects {
	runs := mergeRuns(l.pieces)
	var objs lineObjects
	for _, run := range runs {
		objs.current = objs.current || run.style.current
	}
	if img, ok := t.lineImage(l, runs, ink); ok {
		if img != nil {
			objs.front = append(objs.front, img)
		}
		objs.front = append(objs.front, t.leadIcons(l, runs)...)
		return objs
	}
	objs.back = boxObjects(t.lineHighlights(l, ink.p))
	if num := t.paraNumber(l, ink.grey); num != nil {
		objs.front = append(objs.front, num)
	}
	objs.front = append(objs.front, t.runTexts(l, runs, ink.fg)...)
	for _, run := range runs {
		objs.front = append(objs.front, boxObjects(t.underlines(l, run, ink.p, ink.grey, ink.fg))...)
	}
	objs.front = append(objs.front, t.leadIcons(l, runs)...)
	return objs
}

// lineImage paints the line in one image, placed on it; nil for a line
// with nothing to paint; false when the measurer cannot draw its letters.
func (t *articleText) lineImage(l textLine, runs []piece, ink lineInk) (fyne.CanvasObject, bool) {
	if t.measure == nil {
		return nil, false
	}
	d := drawing{measure: t.measure}
	d.start(fyne.NewSize(t.Size().Width, articleLine))
	top := fyne.NewPos(0, -l.y) // the line's own coordinates
	for _, b := range t.lineHighlights(l, ink.p) {
		d.addRounded(itemBox, b.at.Add(top), b.size, b.fill, nil, 0, b.radius)
	}
	if num := t.paraNumber(l, ink.grey); num != nil {
		w := t.measure.width(num.Text, num.TextSize, num.TextStyle)
		num.Alignment = fyne.TextAlignLeading // where the trailing one would be
		num.Move(fyne.NewPos(t.gutter-16-w, num.Position().Y))
		if !d.addText(num, top) {
			return nil, false
		}
	}
	for _, txt := range t.runTexts(l, runs, ink.fg) {
		if !d.addText(txt.(*canvas.Text), top) {
			return nil, false
		}
	}
	for _, run := range runs {
		for _, b := range t.underlines(l, run, ink.p, ink.grey, ink.fg) {
			d.addRounded(itemBox, b.at.Add(top), b.size, b.fill, nil, 0, b.radius)
		}
	}
	d.origin = fyne.NewPos(0, l.y)
	return d.object(), true
}

// paraNumber is the number of the paragraph a line starts, right-aligned
// in the gutter; nil on other lines.
func (t *articleText) paraNumber(l textLine, grey color.Color) *canvas.Text {
	if l.para <= 0 || t.plain {
		return nil
	}
	num := canvas.NewText(strconv.Itoa(l.para), grey)
	num.TextSize = 12
	num.Alignment = fyne.TextAlignTrailing
	num.Move(fyne.NewPos(0, l.y+3))
	num.Resize(fyne.NewSize(t.gutter-16, articleLine-6))
	return num
}

// leadIcons are the warning icons before quotes that wait for review.
func (t *articleText) leadIcons(l textLine, runs []piece) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, run := range runs {
		if run.style.lead && t.leadAt(run.start) == run.start {
			icon := canvas.NewImageFromResource(theme.NewColoredResource(theme.WarningIcon(), theme.ColorNameWarning))
			icon.Resize(fyne.NewSquareSize(reviewIconSize))
			icon.Move(fyne.NewPos(t.gutter+run.x-reviewIconSize-2, l.y+(articleLine-reviewIconSize)/2))
			out = append(out, icon)
		}
	}
	return out
}

// runTexts are a line's runs of one style each, as texts.
func (t *articleText) runTexts(l textLine, runs []piece, fg color.Color) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(runs))
	for i, run := range runs {
		txt := canvas.NewText(t.text[run.start:run.end], fg)
		txt.TextSize = articleTextSize
		txt.TextStyle = run.style.textStyle()
		txt.Move(fyne.NewPos(t.gutter+run.x, l.y+(articleLine-articleTextBox)/2))
		txt.Resize(fyne.NewSize(run.w, articleTextBox))
		out[i] = txt
	}
	return out
}

// box is a coloured rectangle drawn on a line: a highlight or underline.
type box struct {
	at     fyne.Position
	size   fyne.Size
	fill   color.Color
	radius float32
}

// boxObjects are boxes as rectangles for Fyne to draw.
func boxObjects(boxes []box) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(boxes))
	for i, b := range boxes {
		r := canvas.NewRectangle(b.fill)
		r.CornerRadius = b.radius
		r.Move(b.at)
		r.Resize(b.size)
		out[i] = r
	}
	return out
}

// forgetLinesOutside drops the kept objects of lines far from view, so
// that scrolling through a long article does not keep all of it.
func (t *articleText) forgetLinesOutside(from, to float32) {
	for i := range t.drawnLines {
		if l := t.lines[i]; l.y+articleLine < from || l.y > to {
			releaseImages(t.drawnLines[i].front)
			delete(t.drawnLines, i)
		}
	}
}

// releaseLines lets the graphics driver free the images of the lines kept.
func (t *articleText) releaseLines() {
	for _, l := range t.drawnLines {
		releaseImages(l.front)
	}
}

// releaseImages frees the driver's copy of the line images among objs at
// the next frame. Fyne keeps the texture of an object it drew for a
// minute after its last frame; a text's is shared by every canvas.Text of
// the same words, but each image has its own, and scrolling made hundreds.
func releaseImages(objs []fyne.CanvasObject) {
	for _, o := range objs {
		if r, ok := o.(*canvas.Raster); ok {
			canvas.Refresh(r)
		}
	}
}

// drawRange is the band of the text that gets canvas objects: the part in
// view and a quarter of a screen above and below it. Fyne draws every
// canvas object given, in view or not, and shapes and rasterises each new
// line of text in the frame that first shows it; a band of three screens
// made showing a new article cost the window's thread 110–120 ms of
// processor time in one frame, this band 75–100 ms. (The view alone, with
// two lines around it, measured no better: the scroll to the current quote
// then left the band and drew again in the next frame.) Lines drawn keep
// their objects (drawnLines), so a scroll pays only for the lines it
// brings into the band.
func (t *articleText) drawRange() (from, to float32) {
	switch {
	case t.plain:
		return 0, t.height
	case t.viewHeight <= 0: // not in view yet: the top
		return 0, 900
	}
	return t.viewTop - t.viewHeight/4, t.viewTop + 5*t.viewHeight/4
}

// setView tells which part of the text is in view (scroll offset and
// height); the text is drawn again when that leaves the band drawn.
func (t *articleText) setView(top, height float32) {
	t.viewTop, t.viewHeight = top, height
	if t.objects != nil && top >= t.drawnFrom && top+height <= t.drawnTo {
		return
	}
	t.objects = nil
	t.Refresh()
}

// lineHighlights are the coloured boxes behind the quotes of one line.
func (t *articleText) lineHighlights(l textLine, p palette) []box {
	var out []box
	for k := 0; k < len(l.pieces); {
		pc := l.pieces[k]
		if pc.style.quote == 0 {
			k++
			continue
		}
		end := k
		for end+1 < len(l.pieces) && l.pieces[end+1].style.quote == pc.style.quote {
			end++
		}
		last := l.pieces[end]
		w := last.x + last.w - pc.x - t.trailingSpace(last)
		c := p.highlight
		if pc.style.current {
			c = p.highlightStrong
		}
		out = append(out, box{fyne.NewPos(t.gutter+pc.x-1, l.y+1), fyne.NewSize(w+2, articleLine-2), c, 2})
		if pc.style.review {
			out = append(out, box{fyne.NewPos(t.gutter+pc.x-1, l.y+articleLine-3), fyne.NewSize(w+2, 2), p.review, 0})
		}
		k = end + 1
	}
	return out
}

// trailingSpace is the width of the spaces a piece ends with when the next
// text on its line is outside its quote.
func (t *articleText) trailingSpace(pc piece) float32 {
	s := t.text[pc.start:pc.end]
	n := 0
	for n < len(s) && s[len(s)-1-n] == ' ' {
		n++
	}
	if n == 0 || n == len(s) {
		return 0
	}
	return fyne.MeasureText(s[len(s)-n:], articleTextSize, pc.style.textStyle()).Width
}

// underlines mark a speaker's mention: dotted under the current quote's,
// a thin line under the others.
func (t *articleText) underlines(l textLine, run piece, p palette, grey, fg color.Color) []box {
	if run.style.mention == 0 {
		return nil
	}
	w := run.w - t.trailingSpace(run)
	y := l.y + articleLine - 4
	if run.style.mention == 1 {
		return []box{{fyne.NewPos(t.gutter+run.x, y), fyne.NewSize(w, 1), grey, 0}}
	}
	var dots []box
	for x := float32(0); x < w; x += 3 {
		dots = append(dots, box{fyne.NewPos(t.gutter+run.x+x, y), fyne.NewSize(1.5, 1.5), fg, 0})
	}
	return dots
}

// mergeRuns joins neighbouring pieces of one style into one text run.
func mergeRuns(pieces []piece) []piece {
	var out []piece
	for _, pc := range pieces {
		if n := len(out); n > 0 && out[n-1].style == pc.style && out[n-1].end == pc.start && !pc.style.lead {
			out[n-1].end = pc.end
			out[n-1].w = pc.x + pc.w - out[n-1].x
			continue
		}
		out = append(out, pc)
	}
	return out
}

// drawSelection draws the boxes of the selected text.
func (t *articleText) drawSelection() []fyne.CanvasObject {
	if t.selStart == t.selEnd {
		return []fyne.CanvasObject{}
	}
	p := paletteFor(currentVariant())
	var out []fyne.CanvasObject
	for _, l := range t.lines {
		var x0, x1 float32 = -1, -1
		for _, pc := range l.pieces {
			if pc.end <= t.selStart || pc.start >= t.selEnd {
				continue
			}
			a, b := pc.x, pc.x+pc.w
			if t.selStart > pc.start {
				a = pc.x + fyne.MeasureText(t.text[pc.start:t.selStart], articleTextSize, pc.style.textStyle()).Width
			}
			if t.selEnd < pc.end {
				b = pc.x + fyne.MeasureText(t.text[pc.start:t.selEnd], articleTextSize, pc.style.textStyle()).Width
			}
			if x0 < 0 {
				x0 = a
			}
			x1 = b
		}
		if x0 >= 0 {
			box := canvas.NewRectangle(p.selection)
			box.Move(fyne.NewPos(t.gutter+x0, l.y))
			box.Resize(fyne.NewSize(x1-x0, articleLine))
			out = append(out, box)
		}
	}
	return out
}

// positionOf is where byte offset at is drawn, in the widget's coordinates
// (the middle of its line).
func (t *articleText) positionOf(at int) fyne.Position {
	for _, l := range t.lines {
		for _, pc := range l.pieces {
			if at >= pc.start && at < pc.end {
				x := pc.x + fyne.MeasureText(t.text[pc.start:at], articleTextSize, pc.style.textStyle()).Width
				return fyne.NewPos(t.gutter+x, l.y+articleLine/2)
			}
		}
	}
	return fyne.NewPos(-1, -1)
}
