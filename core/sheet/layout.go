package sheet

import (
	"cmp"
	"fmt"
	"strings"
)

// Geometry in points, from the mockup (CSS px × 0.75 at 96 dpi).
const (
	marginSide   = 57   // 76 px: about 20 mm
	marginTop    = 48   // 64 px
	footerBottom = 30   // footer text box ends this far above the page edge
	footerGap    = 4.5  // between the footer rule and its text
	contentGap   = 12   // between the last content and the footer rule
	hairline     = 0.75 // 1 px rules
	quoteIndent  = 10.5 // text starts this far right of the quote bar
	quoteBar     = 1.5
	listIndent   = 13.5 // Sources list: room for the numbers
)

// theme holds the sheet's text styles and colours (print is always black on
// white, in both app themes).
type theme struct {
	kicker, title, summary, heading, role, count   style
	quote, join, cite, note                        style
	sourcesHead, source, sourceOutlet, url, small  style
	footer                                         style
	ink, ruleGray, thinRule, barGray, headRuleGray rgb
}

func newTheme() theme {
	return theme{
		kicker:       style{font: sans, size: 7.5, color: 0x777777, tracking: 1.05},
		title:        style{font: sansBold, size: 18, color: 0x1d1d1d},
		summary:      style{font: sans, size: 9, color: 0x666666},
		heading:      style{font: sansBold, size: 9.75, color: 0x1d1d1d},
		role:         style{font: sans, size: 8.625, color: 0x777777},
		count:        style{font: sans, size: 8.25, color: 0x777777},
		quote:        style{font: serif, size: 10.125, color: 0x1d1d1d},
		join:         style{font: sansItalic, size: 7.875, color: 0x888888},
		cite:         style{font: sans, size: 7.875, color: 0x666666},
		note:         style{font: sansItalic, size: 7.875, color: 0x444444},
		sourcesHead:  style{font: sans, size: 8.25, color: 0x555555, tracking: 0.99},
		source:       style{font: serif, size: 8.625, color: 0x333333},
		sourceOutlet: style{font: serifItalic, size: 8.625, color: 0x333333},
		url:          style{font: sans, size: 7.125, color: 0x666666},
		small:        style{font: sans, size: 7.125, color: 0x888888},
		footer:       style{font: sans, size: 7.125, color: 0x888888},
		ink:          0x1d1d1d,
		ruleGray:     0xd9d9d9,
		thinRule:     0xd0d0d0,
		barGray:      0xe6e6e6,
	}
}

// Line heights in points.
const (
	titleLeading  = 23.25
	quoteLeading  = 15.75
	citeLeading   = 11.25
	sourceLeading = 12.75
	urlLeading    = 10.5
	smallLeading  = 10.5
)

// Layout is a sheet placed on pages, ready to be written as PDF or drawn.
type Layout struct {
	paper         Paper
	width, height float64
	title         string
	pages         []*page
	fonts         *fonts
}

// page holds what is drawn on one page.
type page struct {
	texts []textOp
	rects []rectOp
}

// textOp draws s with its baseline starting at (x, y), y down from the top.
type textOp struct {
	x, y float64
	s    string
	st   style
}

// rectOp fills a rectangle (rules and bars).
type rectOp struct {
	x, y, w, h float64
	c          rgb
}

// PageCount is the number of pages.
func (l *Layout) PageCount() int { return len(l.pages) }

// Title is the sheet's title, for the PDF's properties and print queues.
func (l *Layout) Title() string { return l.title }

// Paper is the page size the sheet was laid out for.
func (l *Layout) Paper() Paper { return l.paper }

func (p *page) text(x, y float64, s string, st style) {
	if s != "" {
		p.texts = append(p.texts, textOp{x, y, s, st})
	}
}

func (p *page) rect(x, y, w, h float64, c rgb) { p.rects = append(p.rects, rectOp{x, y, w, h, c}) }

// composer fills pages top to bottom.
type composer struct {
	fonts       *fonts
	th          theme
	sh          *Sheet
	w, h        float64
	left, right float64
	bottom      float64 // lowest y content may reach
	pages       []*page
	pg          *page
	y           float64 // top of the next block, before its margin
}

// Layout places sh on pages of the given paper.
func (r *Renderer) Layout(sh Sheet, paper Paper) *Layout {
	w, h := paper.size()
	c := &composer{fonts: r.fonts, th: newTheme(), sh: &sh, w: w, h: h,
		left: marginSide, right: w - marginSide}
	c.bottom = h - footerBottom - c.lineBox(c.th.footer) - footerGap - contentGap
	c.firstPage()
	if len(sh.Groups) == 0 {
		c.y += groupMargin
		c.paragraph([]run{{"No quotes match this selection.", c.th.summary}}, c.left, c.contentWidth(), c.lineBox(c.th.summary))
	}
	for _, g := range sh.Groups {
		c.group(g)
	}
	c.sources()
	c.footers()
	return &Layout{paper: paper, width: w, height: h, title: sh.Title, pages: c.pages, fonts: r.fonts}
}

// lineBox is the height of one line of st at normal line spacing.
func (c *composer) lineBox(st style) float64 {
	fc := c.fonts[st.font]
	return (fc.ascent + fc.descent) * st.size
}

// baseline places st's baseline in a line box of height lh starting at top,
// centred as CSS does.
func (c *composer) baseline(top, lh float64, st style) float64 {
	fc := c.fonts[st.font]
	return top + (lh-(fc.ascent+fc.descent)*st.size)/2 + fc.ascent*st.size
}

func (c *composer) contentWidth() float64 { return c.right - c.left }

func (c *composer) addPage() {
	c.pg = &page{}
	c.pages = append(c.pages, c.pg)
	c.y = marginTop
}

// kicker draws the small tracked line at the top of a page.
func (c *composer) kicker(left string) {
	st := c.th.kicker
	lh := c.lineBox(st)
	right := strings.ToUpper(c.sh.Generated)
	rw := c.fonts.width(right, st)
	left = c.fonts.truncate(strings.ToUpper(left), st, c.contentWidth()-rw-12)
	base := c.baseline(c.y, lh, st)
	c.pg.text(c.left, base, left, st)
	c.pg.text(c.right-rw+st.tracking, base, right, st)
	c.y += lh
}

func (c *composer) firstPage() {
	c.addPage()
	c.kicker("Verbatim · quote sheet")
	c.y += 6
	c.paragraph([]run{{c.sh.Title, c.th.title}}, c.left, c.contentWidth(), titleLeading)
	c.y += 3
	c.paragraph([]run{{c.sh.Summary, c.th.summary}}, c.left, c.contentWidth(), c.lineBox(c.th.summary))
	c.y += 10.5
	c.pg.rect(c.left, c.y, c.contentWidth(), 1.5, c.th.ink)
	c.y += 1.5 + 3
}

// continuationPage starts a page after the first.
func (c *composer) continuationPage() {
	c.addPage()
	c.kicker(c.sh.Title + " (continued)")
	c.y += 6
	c.pg.rect(c.left, c.y, c.contentWidth(), hairline, c.th.thinRule)
	c.y += hairline
}

// paragraph wraps and draws runs at the cursor and moves it down.
func (c *composer) paragraph(runs []run, x, width, leading float64) {
	for _, line := range c.fonts.wrap(runs, width) {
		c.drawLine(line, x, c.y, leading)
		c.y += leading
	}
}

func (c *composer) drawLine(line textLine, x, top, leading float64) {
	for _, pr := range line {
		c.pg.text(x+pr.x, c.baseline(top, leading, pr.st), pr.s, pr.st)
	}
}

// Group heading: margin, one line, padding, rule.
const (
	groupMargin  = 16.5
	headingPad   = 2.25
	quoteMargin  = 7.5
	citeMargin   = 3
	sourceMargin = 21
)

func (c *composer) headingHeight() float64 {
	return groupMargin + c.lineBox(c.th.heading) + headingPad + hairline
}

// group places one group, keeping it on one page when it fits on one.
func (c *composer) group(g Group) {
	blocks := make([]quoteBlock, len(g.Quotes))
	total := 0.0
	if g.Heading != "" {
		total = c.headingHeight()
	}
	for i, q := range g.Quotes {
		blocks[i] = c.quoteBlock(q)
		total += blocks[i].height()
	}
	fresh := c.bottom - c.freshTop()
	first := 0.0
	if len(blocks) > 0 {
		first = blocks[0].height()
	}
	switch {
	case total <= c.bottom-c.y:
	case total <= fresh || c.headingHeight()+min(first, 3*quoteLeading) > c.bottom-c.y:
		c.continuationPage()
	}
	if g.Heading != "" {
		c.heading(g, false)
	}
	for _, b := range blocks {
		c.placeQuote(g, b)
	}
}

// freshTop is where content starts on a continuation page.
func (c *composer) freshTop() float64 {
	return marginTop + c.lineBox(c.th.kicker) + 6 + hairline
}

func (c *composer) heading(g Group, continued bool) {
	c.y += groupMargin
	th := c.th
	lh := c.lineBox(th.heading)
	count := plural(len(g.Quotes), "quote", "quotes")
	cw := c.fonts.width(count, th.count)
	name := g.Heading
	if continued {
		name += " (continued)"
	}
	name = c.fonts.truncate(name, th.heading, c.contentWidth()-cw-12)
	nw := c.fonts.width(name, th.heading)
	c.pg.text(c.left, c.baseline(c.y, lh, th.heading), name, th.heading)
	if room := c.contentWidth() - cw - 12 - nw - 6; g.Subheading != "" && room > 20 {
		role := c.fonts.truncate(g.Subheading, th.role, room)
		c.pg.text(c.left+nw+6, c.baseline(c.y, lh, th.heading), role, th.role)
	}
	c.pg.text(c.right-cw, c.baseline(c.y, lh, th.heading), count, th.count)
	c.y += lh + headingPad
	c.pg.rect(c.left, c.y, c.contentWidth(), hairline, th.ruleGray)
	c.y += hairline
}

// quoteLine is one line of a quote block with its height.
type quoteLine struct {
	line    textLine
	leading float64
	gap     float64 // space above this line
}

type quoteBlock []quoteLine

func (b quoteBlock) height() float64 {
	h := quoteMargin
	for _, l := range b {
		h += l.gap + l.leading
	}
	return h
}

func (c *composer) quoteBlock(q Quote) quoteBlock {
	th := c.th
	width := c.contentWidth() - quoteIndent
	var body []run
	for i, f := range q.Fragments {
		if i > 0 {
			if i-1 < len(q.Joins) && q.Joins[i-1] != "" {
				body = append(body, run{" [" + q.Joins[i-1] + "] ", th.join})
			} else {
				body = append(body, run{" ", th.quote})
			}
		}
		body = append(body, run{f, th.quote})
	}
	var b quoteBlock
	for _, l := range c.fonts.wrap(body, width) {
		b = append(b, quoteLine{l, quoteLeading, 0})
	}
	for i, l := range c.fonts.wrap([]run{{citation(q, c.sh.Sources), th.cite}}, width) {
		b = append(b, quoteLine{l, citeLeading, citeMargin * float64(boolInt(i == 0))})
	}
	if q.Note != "" {
		for i, l := range c.fonts.wrap([]run{{"Note: " + q.Note, th.note}}, width) {
			b = append(b, quoteLine{l, citeLeading, 2 * float64(boolInt(i == 0))})
		}
	}
	return b
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placeQuote puts a quote block on the page, moving it whole to the next
// page when it fits there, else splitting it between lines.
func (c *composer) placeQuote(g Group, b quoteBlock) {
	if b.height() > c.bottom-c.y && b.height() <= c.bottom-c.freshTop()-c.continuedHeading(g) {
		c.breakInGroup(g)
	}
	c.y += quoteMargin
	barTop := c.y
	for _, l := range b {
		if c.y+l.gap+l.leading > c.bottom {
			c.pg.rect(c.left, barTop, quoteBar, c.y-barTop, c.th.barGray)
			c.breakInGroup(g)
			c.y += quoteMargin
			barTop = c.y
		}
		c.y += l.gap
		c.drawLine(l.line, c.left+quoteIndent, c.y, l.leading)
		c.y += l.leading
	}
	c.pg.rect(c.left, barTop, quoteBar, c.y-barTop, c.th.barGray)
}

func (c *composer) continuedHeading(g Group) float64 {
	if g.Heading == "" {
		return 0
	}
	return c.headingHeight()
}

// breakInGroup starts a new page in the middle of a group, repeating its
// heading.
func (c *composer) breakInGroup(g Group) {
	c.continuationPage()
	if g.Heading != "" {
		c.heading(g, true)
	}
}

// sources places the numbered list of articles and the closing note.
func (c *composer) sources() {
	th := c.th
	if len(c.sh.Sources) == 0 {
		return
	}
	items := make([][]textLine, len(c.sh.Sources))
	urls := make([][]textLine, len(c.sh.Sources))
	width := c.contentWidth() - listIndent
	for i, s := range c.sh.Sources {
		items[i] = c.fonts.wrap(c.sourceRuns(s), width)
		if s.URL != "" {
			urls[i] = c.fonts.wrap([]run{{s.URL, th.url}}, width)
		}
	}
	itemHeight := func(i int) float64 {
		return float64(len(items[i]))*sourceLeading + float64(len(urls[i]))*urlLeading + 5.25
	}
	headH := sourceMargin + c.lineBox(th.sourcesHead) + headingPad + hairline + 6
	if len(items) > 0 && headH+itemHeight(0) > c.bottom-c.y {
		c.continuationPage()
	}
	c.y += sourceMargin
	lh := c.lineBox(th.sourcesHead)
	c.pg.text(c.left, c.baseline(c.y, lh, th.sourcesHead), "SOURCES", th.sourcesHead)
	c.y += lh + headingPad
	c.pg.rect(c.left, c.y, c.contentWidth(), hairline, th.ruleGray)
	c.y += hairline + 6
	for i := range items {
		if itemHeight(i) > c.bottom-c.y {
			c.continuationPage()
			c.y += 6
		}
		num := fmt.Sprintf("%d.", i+1)
		nw := c.fonts.width(num, th.source)
		c.pg.text(c.left+listIndent-3-nw, c.baseline(c.y, sourceLeading, th.source), num, th.source)
		for _, l := range items[i] {
			c.drawLine(l, c.left+listIndent, c.y, sourceLeading)
			c.y += sourceLeading
		}
		for _, l := range urls[i] {
			c.drawLine(l, c.left+listIndent, c.y, urlLeading)
			c.y += urlLeading
		}
		c.y += 5.25
	}
	closing := c.fonts.wrap([]run{{c.sh.Closing, th.small}}, c.contentWidth())
	if 2.25+float64(len(closing))*smallLeading > c.bottom-c.y {
		c.continuationPage()
	}
	c.y += 2.25
	for _, l := range closing {
		c.drawLine(l, c.left, c.y, smallLeading)
		c.y += smallLeading
	}
}

// sourceRuns is "“Title”. Outlet, 7 January 2019. 5 quotes on this topic."
// with the outlet in italics.
func (c *composer) sourceRuns(s Source) []run {
	th := c.th
	var runs []run
	if s.Title != "" {
		runs = append(runs, run{"“" + s.Title + "”. ", th.source})
	}
	tail := ""
	if s.Outlet != "" {
		runs = append(runs, run{s.Outlet, th.sourceOutlet})
		if s.Date != "" {
			tail = ", "
		}
	}
	if s.Date != "" {
		tail += formatDate(s.Date, true)
	}
	if tail != "" || s.Outlet != "" {
		tail += ". "
	}
	tail += plural(s.Quotes, "quote", "quotes") + " on this " + cmp.Or(s.Scope, "sheet") + "."
	return append(runs, run{tail, th.source})
}

// footers draws every page's footer: rule, sheet line, "p / n".
func (c *composer) footers() {
	st := c.th.footer
	lh := c.lineBox(st)
	top := c.h - footerBottom - lh
	for i, p := range c.pages {
		p.rect(c.left, top-footerGap-hairline, c.contentWidth(), hairline, c.th.ruleGray)
		num := fmt.Sprintf("%d / %d", i+1, len(c.pages))
		nw := c.fonts.width(num, st)
		base := c.baseline(top, lh, st)
		p.text(c.left, base, c.fonts.truncate(c.sh.Footer, st, c.contentWidth()-nw-12), st)
		p.text(c.right-nw, base, num, st)
	}
}
