package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/core"
	"verbatim/storage"
)

// The quote list asks the library for pages of rows as they scroll into
// view and keeps only a few pages, so 100,000 quotes cost no more memory
// than 100.
const (
	quotePageSize  = 100
	quotePagesKept = 8
	prefetchWithin = 40    // rows from a page edge where the next page is read ahead
	maxRangeSelect = 20000 // quotes a Shift-click may select at once
)

// quotePager caches pages of one query. While the list scrolls, the page
// it is coming to is read ahead in the background, so that pages deep in a
// large library (slower to find) do not make scrolling stutter.
type quotePager struct {
	src      QuoteSource
	filter   storage.QuoteFilter
	sort     storage.QuoteSort
	count    int
	pages    map[int][]storage.QuoteRow
	recent   []int // page numbers, least recently used first
	gen      int   // counts queries, so that a late read-ahead is dropped
	fetching map[int]bool
	// background runs a read away from the main goroutine (see
	// MainWindow.background); nil reads ahead nothing.
	background func(fetch func() func())
	onPage     func() // a page read ahead arrived
}

func (p *quotePager) reset(f storage.QuoteFilter, s storage.QuoteSort) error {
	p.filter, p.sort = f, s
	p.pages, p.recent, p.fetching = map[int][]storage.QuoteRow{}, nil, map[int]bool{}
	p.gen++
	n, err := p.src.CountQuotes(context.Background(), f)
	p.count = n
	return err
}

// recount takes a new count for the same query; the pages are read again.
func (p *quotePager) recount(n int) {
	p.count = n
	p.pages, p.recent, p.fetching = map[int][]storage.QuoteRow{}, nil, map[int]bool{}
	p.gen++
}

// row returns the i-th row of the query, loading its page when needed.
func (p *quotePager) row(i int) (storage.QuoteRow, bool) {
	if i < 0 || i >= p.count {
		return storage.QuoteRow{}, false
	}
	page := i / quotePageSize
	rows, ok := p.pages[page]
	if !ok {
		var err error
		rows, err = p.src.Quotes(context.Background(), p.filter, p.sort, page*quotePageSize, quotePageSize)
		if err != nil {
			return storage.QuoteRow{}, false
		}
		p.keep(page, rows)
	}
	p.touch(page)
	k := i % quotePageSize
	switch {
	case k >= quotePageSize-prefetchWithin:
		p.readAhead(page + 1)
	case k < prefetchWithin && page > 0:
		p.readAhead(page - 1)
	}
	if k < len(rows) {
		return rows[k], true
	}
	return storage.QuoteRow{}, false
}

// keep caches a page, forgetting the least recently used one when full.
func (p *quotePager) keep(page int, rows []storage.QuoteRow) {
	if _, ok := p.pages[page]; !ok && len(p.recent) >= quotePagesKept {
		delete(p.pages, p.recent[0])
		p.recent = p.recent[1:]
	}
	p.pages[page] = rows
	p.touch(page)
}

// readAhead reads page in the background when it is not there yet.
func (p *quotePager) readAhead(page int) {
	if p.background == nil || page*quotePageSize >= p.count || p.fetching[page] {
		return
	}
	if _, ok := p.pages[page]; ok {
		return
	}
	p.fetching[page] = true
	src, f, s, gen := p.src, p.filter, p.sort, p.gen
	p.background(func() func() {
		rows, err := src.Quotes(context.Background(), f, s, page*quotePageSize, quotePageSize)
		return func() {
			if gen != p.gen {
				return
			}
			delete(p.fetching, page)
			if err == nil {
				if _, ok := p.pages[page]; !ok {
					p.keep(page, rows)
				}
				if p.onPage != nil {
					p.onPage()
				}
			}
		}
	})
}

func (p *quotePager) touch(page int) {
	for k, n := range p.recent {
		if n == page {
			p.recent = append(p.recent[:k], p.recent[k+1:]...)
			break
		}
	}
	p.recent = append(p.recent, page)
}

// indexOf finds id among the loaded pages, -1 when it is not there.
func (p *quotePager) indexOf(id int64) int {
	for page, rows := range p.pages {
		for k, r := range rows {
			if r.ID == id {
				return page*quotePageSize + k
			}
		}
	}
	return -1
}

// find looks for id in the first pages of the query.
func (p *quotePager) find(id int64, pages int) int {
	if i := p.indexOf(id); i >= 0 {
		return i
	}
	for page := 0; page < pages && page*quotePageSize < p.count; page++ {
		if _, ok := p.row(page * quotePageSize); !ok {
			break
		}
		if i := p.indexOf(id); i >= 0 {
			return i
		}
	}
	return -1
}

// ids returns the ids of rows from..to (inclusive).
func (p *quotePager) ids(from, to int) []int64 {
	if from > to {
		from, to = to, from
	}
	to = min(to, from+maxRangeSelect-1)
	rows, err := p.src.Quotes(context.Background(), p.filter, p.sort, from, to-from+1)
	if err != nil {
		return nil
	}
	out := make([]int64, len(rows))
	for k, r := range rows {
		out[k] = r.ID
	}
	return out
}

// quoteList is the centre pane's list of quotes with its own selection:
// several quotes may be selected (Ctrl/Shift-click), and one of them is
// current, shown in the source pane.
type quoteList struct {
	pager     quotePager
	list      *widget.List
	selected  map[int64]bool
	current   int64
	currentAt int // index of current, -1 when not in the list
	anchor    int // where a Shift-click range starts
	threshold float64
	measure   *textMeasurer // for the rows' text

	onCurrent   func(row storage.QuoteRow) // the current quote changed
	onSelection func()                     // the selected quotes changed
	onMenu      func(row storage.QuoteRow, at fyne.Position)
	onDragged   func(at fyne.Position)              // rows dragged over the window
	onDropped   func(ids []int64, at fyne.Position) // and let go
	onActivated func(row storage.QuoteRow)          // double-clicked
}

func newQuoteList(src QuoteSource) *quoteList {
	q := &quoteList{pager: quotePager{src: src, pages: map[int][]storage.QuoteRow{}, fetching: map[int]bool{}},
		selected: map[int64]bool{}, currentAt: -1, measure: newTextMeasurer()}
	q.list = widget.NewList(
		func() int { return q.pager.count },
		func() fyne.CanvasObject { return newQuoteRow(q) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row, _ := q.pager.row(id)
			o.(*quoteRowWidget).show(id, row)
		})
	// Keyboard selection in the list (Space) selects like a plain click.
	q.list.OnSelected = func(id widget.ListItemID) {
		q.list.UnselectAll()
		q.click(id, 0)
	}
	return q
}

// setQuery shows another query; the current quote stays current when it
// is in the new list.
func (q *quoteList) setQuery(f storage.QuoteFilter, s storage.QuoteSort) error {
	err := q.pager.reset(f, s)
	q.relocate()
	q.list.Refresh()
	return err
}

// setQueryCount is setQuery when the number of quotes is known already.
func (q *quoteList) setQueryCount(f storage.QuoteFilter, s storage.QuoteSort, n int) {
	q.pager.filter, q.pager.sort = f, s
	q.pager.recount(n)
	q.relocate()
	q.list.Refresh()
}

// reload asks the library again (after an edit or an import), keeping the
// scroll position and the selection of quotes still listed.
func (q *quoteList) reload() error {
	return q.setQuery(q.pager.filter, q.pager.sort)
}

// relocate finds the current quote's index after the list changed.
func (q *quoteList) relocate() {
	if q.current == 0 {
		q.currentAt = -1
		return
	}
	if r, ok := q.pager.row(q.currentAt); ok && r.ID == q.current {
		return
	}
	// Where it was is all that is read again; it may still be on a page
	// that is loaded (an edit moved it a little).
	q.currentAt = q.pager.indexOf(q.current)
}

// relocateLoaded is relocate without reading from the library: the current
// quote is looked for in the pages loaded only.
func (q *quoteList) relocateLoaded() {
	q.currentAt = -1
	if q.current != 0 {
		q.currentAt = q.pager.indexOf(q.current)
	}
}

// click selects row i as a mouse click with modifiers would.
func (q *quoteList) click(i int, mods fyne.KeyModifier) {
	row, ok := q.pager.row(i)
	if !ok {
		return
	}
	switch {
	case mods&fyne.KeyModifierShift != 0 && q.anchor >= 0 && q.anchor < q.pager.count:
		q.selected = map[int64]bool{}
		for _, id := range q.pager.ids(q.anchor, i) {
			q.selected[id] = true
		}
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		q.anchor = i
		if q.selected[row.ID] && len(q.selected) > 1 {
			delete(q.selected, row.ID)
			q.list.Refresh()
			call(q.onSelection)
			return
		}
		q.selected[row.ID] = true
	default:
		q.anchor = i
		q.selected = map[int64]bool{row.ID: true}
	}
	q.setCurrent(i, row)
}

// keepOnlyCurrent drops the other selected quotes: a new view (another
// sidebar row, another search) starts with one, so that Print and Export
// never cover quotes it does not list.
func (q *quoteList) keepOnlyCurrent() {
	q.selected = map[int64]bool{}
	if q.current != 0 {
		q.selected[q.current] = true
	}
}

// selectIndex makes row i the only selected and current one, scrolled into
// view.
func (q *quoteList) selectIndex(i int) bool {
	row, ok := q.pager.row(i)
	if !ok {
		return false
	}
	q.anchor = i
	q.selected = map[int64]bool{row.ID: true}
	q.setCurrent(i, row)
	q.list.ScrollTo(i)
	return true
}

// selectID selects quote id when it is among the first pages of the list
// (those loaded, or the first few read now).
func (q *quoteList) selectID(id int64) bool {
	if i := q.pager.find(id, 3); i >= 0 {
		return q.selectIndex(i)
	}
	return false
}

func (q *quoteList) setCurrent(i int, row storage.QuoteRow) {
	q.current, q.currentAt = row.ID, i
	q.list.Refresh()
	if q.onCurrent != nil {
		q.onCurrent(row)
	}
	call(q.onSelection)
}

// move goes to the next (+1) or previous (-1) quote.
func (q *quoteList) move(step int) {
	i := q.currentAt + step
	if q.currentAt < 0 {
		i = 0
	}
	if i >= 0 && i < q.pager.count {
		q.selectIndex(i)
	}
}

// selectedIDs are the selected quotes, the current one first.
func (q *quoteList) selectedIDs() []int64 {
	var out []int64
	if q.current != 0 && q.selected[q.current] {
		out = append(out, q.current)
	}
	for id := range q.selected {
		if id != q.current {
			out = append(out, id)
		}
	}
	return out
}

// Row geometry (see the mockups' README): 10 above and below, 12 at the
// sides, two lines of quote, the meta line and the chips.
const (
	rowPadX     = 12
	rowPadY     = 10
	rowLine     = 20
	rowMetaY    = rowPadY + 2*rowLine + 4
	rowChipsY   = rowMetaY + 22
	rowHeight   = rowChipsY + chipHeight + rowPadY
	rowTextSize = 14
	rowMetaSize = 13
	rowMaxChips = 4
	rowNoteIcon = 16
)

// quoteRowWidget draws one row of the quote list.
type quoteRowWidget struct {
	widget.BaseWidget
	list   *quoteList
	index  int
	row    storage.QuoteRow
	ok     bool
	drag   bool
	dragAt fyne.Position
}

func newQuoteRow(l *quoteList) *quoteRowWidget {
	r := &quoteRowWidget{list: l, index: -1}
	r.ExtendBaseWidget(r)
	return r
}

func (r *quoteRowWidget) show(i int, row storage.QuoteRow) {
	r.index, r.row, r.ok = i, row, row.ID != 0
	r.Refresh()
}

func (r *quoteRowWidget) Tapped(*fyne.PointEvent) {
	var mods fyne.KeyModifier
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		mods = d.CurrentKeyModifiers()
	}
	r.list.click(r.index, mods)
}

func (r *quoteRowWidget) DoubleTapped(*fyne.PointEvent) {
	if r.ok && r.list.onActivated != nil {
		r.list.click(r.index, 0)
		r.list.onActivated(r.row)
	}
}

func (r *quoteRowWidget) TappedSecondary(e *fyne.PointEvent) {
	if !r.ok {
		return
	}
	if !r.list.selected[r.row.ID] {
		r.list.click(r.index, 0)
	}
	if r.list.onMenu != nil {
		r.list.onMenu(r.row, e.AbsolutePosition)
	}
}

// Dragged lets the researcher drag the selected rows onto a topic.
func (r *quoteRowWidget) Dragged(e *fyne.DragEvent) {
	if !r.ok {
		return
	}
	if !r.drag {
		r.drag = true
		if !r.list.selected[r.row.ID] {
			r.list.click(r.index, 0)
		}
	}
	if r.list.onDragged != nil {
		r.list.onDragged(e.AbsolutePosition)
	}
	r.dragAt = e.AbsolutePosition
}

func (r *quoteRowWidget) DragEnd() {
	if !r.drag {
		return
	}
	r.drag = false
	if r.list.onDropped != nil {
		r.list.onDropped(r.list.selectedIDs(), r.dragAt)
	}
}

func (r *quoteRowWidget) MinSize() fyne.Size { return fyne.NewSize(200, rowHeight) }

func (r *quoteRowWidget) CreateRenderer() fyne.WidgetRenderer {
	rr := &quoteRowRenderer{w: r, bg: canvas.NewRectangle(color.Transparent)}
	rr.bg.CornerRadius = theme.SelectionRadiusSize()
	rr.lines = [2]*canvas.Text{canvas.NewText("", color.Black), canvas.NewText("", color.Black)}
	rr.speaker = canvas.NewText("", color.Black)
	rr.speaker.TextStyle.Bold = true
	rr.title = canvas.NewText("", color.Black)
	rr.date = canvas.NewText("", color.Black)
	for _, t := range []*canvas.Text{rr.lines[0], rr.lines[1]} {
		t.TextSize = rowTextSize
	}
	for _, t := range []*canvas.Text{rr.speaker, rr.title, rr.date} {
		t.TextSize = rowMetaSize
	}
	for i := range rr.chips {
		rr.chips[i] = newChip()
		rr.chips[i].measure = r.list.measure
	}
	rr.more, rr.badge = newChip(), newChip()
	rr.more.measure, rr.badge.measure = r.list.measure, r.list.measure
	for i := range rr.parts {
		rr.parts[i] = newChipParts()
	}
	rr.note = canvas.NewImageFromResource(noteIcon())
	rr.Refresh()
	return rr
}

type quoteRowRenderer struct {
	w       *quoteRowWidget
	bg      *canvas.Rectangle
	lines   [2]*canvas.Text
	speaker *canvas.Text
	title   *canvas.Text
	date    *canvas.Text
	chips   [rowMaxChips]*chip
	more    *chip
	badge   *chip
	note    *canvas.Image              // the quote has a note
	parts   [rowMaxChips + 2]chipParts // the chips', more's and badge's, as the row draws them
	drawn   drawing
}

// drawing lets tests read the texts and chips behind the row's image.
func (rr *quoteRowRenderer) drawing() *drawing { return &rr.drawn }

func (rr *quoteRowRenderer) Destroy()           { rr.drawn.release() }
func (rr *quoteRowRenderer) MinSize() fyne.Size { return rr.w.MinSize() }

// allChips are the topic chips, "+N" and the badge, in the order of parts.
func (rr *quoteRowRenderer) allChips() []*chip {
	return append(rr.chips[:len(rr.chips):len(rr.chips)], rr.more, rr.badge)
}

// Objects are the row's background, one image of its texts and chips, and
// what that image cannot paint: the note's icon, a chip with an icon, and
// texts in letters the window's font lacks.
func (rr *quoteRowRenderer) Objects() []fyne.CanvasObject {
	d := &rr.drawn
	d.measure = rr.w.list.measure
	d.start(rr.w.Size())
	objs := []fyne.CanvasObject{rr.bg}
	for _, t := range []*canvas.Text{rr.lines[0], rr.lines[1], rr.speaker, rr.title, rr.date} {
		if !d.addText(t, fyne.Position{}) {
			objs = append(objs, t)
		}
	}
	for i, c := range rr.allChips() {
		switch {
		case c.Hidden:
		case c.icon == nil && rr.parts[i].drawInto(d, c.Position()):
		default:
			objs = append(objs, c)
		}
	}
	if img := d.object(); img != nil {
		objs = append(objs, img)
	}
	return append(objs, rr.note)
}

func (rr *quoteRowRenderer) Refresh() {
	w, row := rr.w, rr.w.row
	fg, grey := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePlaceHolder)
	rr.bg.FillColor = color.Transparent
	if w.ok && w.list.selected[row.ID] {
		rr.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	for _, t := range rr.lines {
		t.Color = fg
	}
	rr.speaker.Color, rr.speaker.TextStyle.Italic = fg, row.Speaker == ""
	rr.title.Color, rr.date.Color = grey, grey
	v := currentVariant()
	for i, c := range rr.chips {
		if i < len(row.Topics) {
			t := row.Topics[i]
			c.chipLook = topicLook(t.Name, t.Color, t.TopicOrigin == storage.TopicSuggested, v)
		}
	}
	rr.note.Hidden = !w.ok || row.Note == ""
	rr.badge.Hidden = !(w.ok && (row.NeedsReview(w.list.threshold) || row.Status == storage.StatusRejected))
	if row.Status == storage.StatusRejected {
		rr.badge.chipLook = moreLook("Rejected")
	} else if !rr.badge.Hidden {
		rr.badge.chipLook = reviewLook(reviewBadge(row), paletteFor(v))
	}
	rr.Layout(w.Size())
	canvas.Refresh(w)
}

func (rr *quoteRowRenderer) Layout(size fyne.Size) {
	w, row := rr.w, rr.w.row
	rr.bg.Resize(fyne.NewSize(size.Width, size.Height))
	inner := size.Width - 2*rowPadX
	text := ""
	if w.ok {
		text = displayQuote(row.Text)
	}
	lines := w.list.measure.wrapLines(text, inner, rowTextSize, fyne.TextStyle{}, 2)
	for i, t := range rr.lines {
		t.Text = ""
		if i < len(lines) {
			t.Text = lines[i]
		}
		t.Move(fyne.NewPos(rowPadX, rowPadY+float32(i)*rowLine))
		t.Resize(fyne.NewSize(inner, rowLine))
	}
	rr.layoutMeta(inner)
	rr.layoutChips(inner)
	// The row paints its chips itself (parts, in Objects); only a chip it
	// leaves to Fyne, one with an icon or letters the font lacks, is
	// refreshed: the others' own renderers would be laid out for nothing.
	m := rr.w.list.measure
	for i, c := range rr.allChips() {
		if c.Hidden {
			continue
		}
		c.styleParts(rr.parts[i])
		c.layout(rr.parts[i], c.Size())
		if c.icon != nil || !m.drawable(rr.parts[i].label.Text, c.style()) {
			c.Refresh()
		}
	}
}

// layoutMeta places "Speaker · title   date · ¶N": the speaker keeps its
// name (up to half the width), the date its place on the right, and the
// title gets what is left.
func (rr *quoteRowRenderer) layoutMeta(inner float32) {
	row := rr.w.row
	speaker := row.Speaker
	if speaker == "" {
		speaker = "Unknown speaker"
	}
	if !rr.w.ok {
		speaker = ""
	}
	m := rr.w.list.measure
	rr.speaker.Text = m.ellipsize(speaker, inner/2, rowMetaSize, rr.speaker.TextStyle)
	sw := m.textWidth(rr.speaker.Text, rowMetaSize, rr.speaker.TextStyle)
	rr.date.Text = ""
	if rr.w.ok {
		rr.date.Text = joinNonEmpty(" · ", shortDate(row.DocDate), paragraphMark(row.Paragraph))
	}
	dw := m.textWidth(rr.date.Text, rowMetaSize, fyne.TextStyle{})
	rr.title.Text = ""
	if rr.w.ok && row.DocTitle != "" {
		rr.title.Text = m.ellipsize(" · "+row.DocTitle, inner-sw-dw-8, rowMetaSize, fyne.TextStyle{})
	}
	h := float32(18)
	rr.speaker.Move(fyne.NewPos(rowPadX, rowMetaY))
	rr.speaker.Resize(fyne.NewSize(sw, h))
	rr.title.Move(fyne.NewPos(rowPadX+sw, rowMetaY))
	rr.title.Resize(fyne.NewSize(inner-sw-dw, h))
	rr.date.Move(fyne.NewPos(rowPadX+inner-dw, rowMetaY))
	rr.date.Resize(fyne.NewSize(dw, h))
}

// layoutChips shows as many topic chips as fit, then "+N", and the review
// badge on the right, which is never dropped.
func (rr *quoteRowRenderer) layoutChips(inner float32) {
	row := rr.w.row
	right := rowPadX + inner
	if !rr.badge.Hidden {
		bs := rr.badge.MinSize()
		right -= bs.Width
		rr.badge.Resize(bs)
		rr.badge.Move(fyne.NewPos(right, rowChipsY))
		right -= chipGap
	}
	if !rr.note.Hidden {
		right -= rowNoteIcon
		rr.note.Resize(fyne.NewSquareSize(rowNoteIcon))
		rr.note.Move(fyne.NewPos(right, rowChipsY+(chipHeight-rowNoteIcon)/2))
		right -= chipGap
	}
	x := float32(rowPadX)
	shown := 0
	for i, c := range rr.chips {
		c.Hide()
		if !rr.w.ok || i >= len(row.Topics) {
			continue
		}
		cs := c.MinSize()
		rest := len(row.Topics) - i - 1
		reserve := float32(0)
		if rest > 0 {
			reserve = chipGap + rr.w.list.measure.width(fmt.Sprintf("+%d", rest), chipTextSize, fyne.TextStyle{}) + 2*chipPadding
		}
		if x+cs.Width+reserve > right {
			if shown == 0 { // the first chip shrinks rather than vanish
				cs.Width = max(right-x-reserve, 40)
			} else {
				break
			}
		}
		c.Resize(cs)
		c.Move(fyne.NewPos(x, rowChipsY))
		c.Show()
		x += cs.Width + chipGap
		shown++
	}
	rr.more.Hide()
	if rest := len(row.Topics) - shown; rr.w.ok && rest > 0 {
		rr.more.chipLook = moreLook(fmt.Sprintf("+%d", rest))
		ms := rr.more.MinSize()
		rr.more.Resize(ms)
		rr.more.Move(fyne.NewPos(x, rowChipsY))
		rr.more.Show()
	}
}

// displayQuote is a quote's text on one line with typographic outer marks.
func displayQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.HasPrefix(s, `"`) {
		s = "“" + s[1:]
	}
	if strings.HasSuffix(s, `"`) && len(s) > 1 {
		s = s[:len(s)-1] + "”"
	}
	return s
}

func paragraphMark(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("¶%d", n)
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// wrapLines breaks text into at most maxLines lines of width, the last one
// ellipsized when text goes on.
func wrapLines(text string, width, size float32, style fyne.TextStyle, maxLines int) []string {
	return (*textMeasurer)(nil).wrapLines(text, width, size, style, maxLines)
}

// wrapLines is wrapLines measuring with m.
func (m *textMeasurer) wrapLines(text string, width, size float32, style fyne.TextStyle, maxLines int) []string {
	words := strings.Fields(text)
	space := m.width(" ", size, style)
	var lines []string
	line, used := "", float32(0)
	for k, word := range words {
		w := m.width(word, size, style)
		if line == "" {
			line, used = word, w
			continue
		}
		if used+space+w <= width {
			line, used = line+" "+word, used+space+w
			continue
		}
		if len(lines) == maxLines-1 {
			rest := line + " " + strings.Join(words[k:], " ")
			return append(lines, m.ellipsize(rest, width, size, style))
		}
		lines = append(lines, line)
		line, used = word, w
	}
	if line != "" {
		lines = append(lines, m.ellipsize(line, width, size, style))
	}
	return lines
}

// reviewBadge says why a quote waits for review: what the engine took the
// quoted string to be when it is probably nobody's words, else how sure it
// was of the speaker.
func reviewBadge(row storage.QuoteRow) string {
	if what := nonQuoteWord(row.NonQuote); what != "" {
		return "Review · " + what + "?"
	}
	return fmt.Sprintf("Review · %.2f", row.Confidence)
}

// nonQuoteWord names what a quoted string probably is when it is nobody's
// words; "" for speech.
func nonQuoteWord(k core.NonQuoteKind) string {
	switch k {
	case core.NonQuoteTitle:
		return "a title"
	case core.NonQuoteTerm:
		return "a term"
	case core.NonQuotePassage:
		return "a passage"
	}
	return ""
}
