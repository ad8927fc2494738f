package ui

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/storage"
)

// Sidebar keys name what a sidebar row selects.
const (
	keyAll      = "all"
	keyReview   = "review"
	keyRejected = "rejected"
)

func topicKey(id int64) string    { return "topic:" + strconv.FormatInt(id, 10) }
func speakerKey(id int64) string  { return "speaker:" + strconv.FormatInt(id, 10) }
func documentKey(id int64) string { return "document:" + strconv.FormatInt(id, 10) }

// parseKey splits "topic:12" into its kind and id.
func parseKey(key string) (kind string, id int64) {
	kind, num, ok := strings.Cut(key, ":")
	if !ok {
		return key, 0
	}
	id, _ = strconv.ParseInt(num, 10, 64)
	return kind, id
}

// filterFor is the quote filter a sidebar key selects.
func filterFor(key string, threshold float64) storage.QuoteFilter {
	kind, id := parseKey(key)
	switch kind {
	case keyReview:
		return storage.QuoteFilter{NeedsReview: true, ReviewBelow: threshold}
	case keyRejected:
		return storage.QuoteFilter{Status: storage.StatusRejected}
	case "topic":
		return storage.QuoteFilter{TopicID: id}
	case "speaker":
		return storage.QuoteFilter{SpeakerID: id}
	case "document":
		return storage.QuoteFilter{DocumentID: id}
	}
	return storage.QuoteFilter{}
}

// How many speakers and documents the sidebar lists before "Show more":
// a library of 10,000 documents opens as fast as one of ten.
const (
	sidebarSpeakers  = 5
	sidebarDocuments = 8
	sidebarTopics    = 40
	sidebarMoreStep  = 50
)

// sidebar lists topics, speakers and documents; one row is selected at a
// time and filters the quote list.
type sidebar struct {
	cat       Catalog
	box       *fyne.Container
	view      *inView
	scroll    *container.Scroll
	rows      map[string]*sideRow
	selected  string
	collapsed map[string]bool

	topics      []storage.Topic
	speakers    []storage.Speaker
	documents   []storage.DocumentInfo
	topicLimit  int
	speakerMax  int
	documentMax int
	dropTarget  string
	counts      storage.Counts // as last shown
	// The sidebar's fixed parts, made once and updated on each reload.
	parts   map[string]fyne.CanvasObject
	measure *textMeasurer // for its rows' text

	onSelect      func(key string)
	onNewTopic    func()
	onTopicMenu   func(t storage.Topic, at fyne.Position)
	onSpeakerMenu func(s storage.Speaker, at fyne.Position)
	onError       func(error)
}

func newSidebar(cat Catalog) *sidebar {
	s := &sidebar{cat: cat, rows: map[string]*sideRow{}, selected: keyAll, collapsed: map[string]bool{},
		parts: map[string]fyne.CanvasObject{}, measure: newTextMeasurer(),
		topicLimit: sidebarTopics, speakerMax: sidebarSpeakers, documentMax: sidebarDocuments}
	s.box = container.NewVBox()
	s.view, s.scroll = newInView(s.box)
	return s
}

// object is the sidebar as placed in the window, on the header background.
func (s *sidebar) object() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	return container.NewStack(&themedRect{Rectangle: bg, name: theme.ColorNameHeaderBackground}, s.scroll)
}

// sidebarData is what the sidebar lists, read from the library.
type sidebarData struct {
	counts    storage.Counts
	topics    []storage.Topic
	speakers  []storage.Speaker
	documents []storage.DocumentInfo
	err       error
}

// sidebarQuery says how much the sidebar lists; reading it needs no lock.
type sidebarQuery struct{ speakers, documents int }

func (s *sidebar) query() sidebarQuery { return sidebarQuery{s.speakerMax, s.documentMax} }

// fetchSidebar reads the sidebar's contents; it may run in any goroutine.
func fetchSidebar(cat Catalog, q sidebarQuery, counts storage.Counts) sidebarData {
	d := sidebarData{counts: counts}
	if cat == nil {
		return d
	}
	ctx := context.Background()
	if d.topics, d.err = cat.Topics(ctx); d.err != nil {
		return d
	}
	if d.speakers, d.err = cat.Speakers(ctx, storage.SpeakerFilter{Limit: q.speakers}); d.err != nil {
		return d
	}
	d.documents, d.err = cat.Documents(ctx, storage.DocumentsNewestFirst, 0, q.documents)
	return d
}

// show draws what fetchSidebar read.
func (s *sidebar) show(d sidebarData) {
	if d.err != nil && s.onError != nil {
		s.onError(d.err)
	}
	s.topics, s.speakers, s.documents = d.topics, d.speakers, d.documents
	s.counts = d.counts
	s.build(d.counts)
}

// reload reads and redraws the sidebar at once.
func (s *sidebar) reload(counts storage.Counts) {
	s.show(fetchSidebar(s.cat, s.query(), counts))
}

func (s *sidebar) build(counts storage.Counts) {
	var objs []fyne.CanvasObject
	add := func(o ...fyne.CanvasObject) { objs = append(objs, o...) }

	add(s.header("Topics", ""))
	if !s.collapsed["Topics"] {
		add(s.row(keyAll, rowLook{icon: theme.ListIcon(), text: "All quotes", count: counts.Quotes}))
		if counts.Documents > 0 {
			add(s.row(keyReview, rowLook{icon: theme.NewColoredResource(theme.WarningIcon(), theme.ColorNameWarning),
				text: "Needs review", count: counts.NeedsReview, badge: counts.NeedsReview > 0}))
			if counts.Rejected > 0 || s.selected == keyRejected {
				add(s.row(keyRejected, rowLook{icon: theme.DeleteIcon(), text: "Rejected", count: counts.Rejected}))
			}
		}
		shown, grouped := 0, false
		for _, t := range sidebarTopicOrder(s.topics) {
			if shown >= s.topicLimit {
				break
			}
			shown++
			suggested := t.Origin == storage.TopicSuggested
			// The suggestions come last, under one heading rather than a
			// tag on each row, which would leave their names no room.
			if suggested && t.ParentID == 0 && !grouped {
				grouped = true
				add(s.subheading("Suggested · right-click to accept"))
			}
			look := rowLook{dot: parseColour(t.Color), ring: suggested,
				text: t.Name, italic: suggested, count: t.Count, indent: t.ParentID != 0}
			r := s.row(topicKey(t.ID), look)
			t := t
			r.onMenu = func(at fyne.Position) {
				if s.onTopicMenu != nil {
					s.onTopicMenu(t, at)
				}
			}
			add(r)
		}
		if len(s.topics) > shown {
			add(s.moreLink("Topics", fmt.Sprintf("Show all %d topics…", len(s.topics)), func() { s.topicLimit = len(s.topics) }))
		}
		if len(s.topics) == 0 {
			add(s.hint("Topics are suggested after your first import. You can also make your own."))
		}
	}

	add(s.header("Speakers", countText(counts.Speakers)))
	if !s.collapsed["Speakers"] {
		for _, sp := range s.speakers {
			extra, also := "", ""
			if n := len(sp.Aliases); n > 0 {
				extra = "· " + plural(n, "alias", "aliases")
				also = "· also " + strings.Join(sp.Aliases, ", ")
			}
			r := s.row(speakerKey(sp.ID), rowLook{icon: theme.AccountIcon(), text: sp.Name, extra: extra, hoverExtra: also,
				count: sp.Count})
			sp := sp
			r.onMenu = func(at fyne.Position) {
				if s.onSpeakerMenu != nil {
					s.onSpeakerMenu(sp, at)
				}
			}
			add(r)
		}
		if counts.Speakers > len(s.speakers) {
			label := fmt.Sprintf("Show all %d speakers…", counts.Speakers)
			if counts.Speakers > s.speakerMax+sidebarMoreStep {
				label = "Show more speakers…"
			}
			add(s.moreLink("Speakers", label, func() { s.speakerMax += sidebarMoreStep }))
		}
		if counts.Speakers == 0 {
			add(s.hint("Everyone quoted in your articles will be listed here."))
		}
	}

	add(s.header("Documents", countText(counts.Documents)))
	if !s.collapsed["Documents"] {
		for _, d := range s.documents {
			title := d.Meta.Title
			if title == "" {
				title = d.Meta.FileName
			}
			add(s.row(documentKey(d.ID), rowLook{icon: theme.FileTextIcon(), text: title,
				sub: joinNonEmpty(" · ", d.Meta.Outlet, shortDate(d.Meta.Date)), count: d.Quotes}))
		}
		if counts.Documents > len(s.documents) {
			add(s.moreLink("Documents", "Show more documents…", func() { s.documentMax += sidebarMoreStep }))
		}
		if counts.Documents == 0 {
			add(s.hint("No documents yet."))
		}
	}
	if !slices.Equal(s.box.Objects, objs) { // else each part refreshed itself
		s.box.Objects = objs
		s.view.Refresh()
		s.scroll.Refresh()
	} else {
		s.view.relayout() // a row may have grown a line out of view
	}
}

// row returns the sidebar row for key (reused between reloads) showing look.
func (s *sidebar) row(key string, look rowLook) *sideRow {
	r, ok := s.rows[key]
	if !ok {
		r = newSideRow()
		r.measure = s.measure
		r.onTap = func() { s.selectKey(key) }
		s.rows[key] = r
	}
	r.onMenu = nil
	look.selected = key == s.selected
	look.dropping = key == s.dropTarget
	r.set(look)
	return r
}

// selectKey selects the row for key and tells the window.
func (s *sidebar) selectKey(key string) {
	s.setSelected(key)
	if s.onSelect != nil {
		s.onSelect(key)
	}
}

// setSelected marks key's row as selected without telling anyone.
func (s *sidebar) setSelected(key string) {
	old := s.selected
	s.selected = key
	s.restyle(func(k string, l *rowLook) { l.selected = k == key }, old, key)
}

// restyle changes the look of the rows for keys.
func (s *sidebar) restyle(change func(key string, l *rowLook), keys ...string) {
	for _, k := range keys {
		if r, ok := s.rows[k]; ok {
			look := r.look
			change(k, &look)
			r.set(look)
		}
	}
}

// header is a section's title (Topics with its "+" for a new topic).
func (s *sidebar) header(title, count string) fyne.CanvasObject {
	key := "header:" + title
	obj, ok := s.parts[key]
	if !ok {
		h := newSectionHeader(title, func() {
			s.collapsed[title] = !s.collapsed[title]
			s.reload(s.counts)
		})
		obj = h
		if title == "Topics" {
			add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() {
				if s.onNewTopic != nil {
					s.onNewTopic()
				}
			})
			add.Importance = widget.LowImportance
			obj = container.NewBorder(nil, nil, nil, add, h)
		}
		s.parts[key] = obj
		s.parts[key+":h"] = h
	}
	s.parts[key+":h"].(*sectionHeader).set(count, s.collapsed[title])
	return obj
}

// moreLink is a section's "Show more…" link, under the rows' icons.
func (s *sidebar) moreLink(section, label string, more func()) fyne.CanvasObject {
	key := "more:" + section
	obj, ok := s.parts[key]
	if !ok {
		l := widget.NewHyperlink("", nil)
		l.SizeName = theme.SizeNameCaptionText
		obj = container.New(insetLayout{left: sidebarInset}, l)
		s.parts[key] = obj
		s.parts[key+":link"] = l
	}
	l := s.parts[key+":link"].(*widget.Hyperlink)
	l.OnTapped = func() {
		more()
		s.reload(s.counts)
	}
	l.SetText(label)
	return obj
}

// subheading is a grey caption over a group of rows.
func (s *sidebar) subheading(text string) fyne.CanvasObject {
	key := "sub:" + text
	if obj, ok := s.parts[key]; ok {
		return obj
	}
	obj := container.New(insetLayout{left: sidebarInset},
		greyLabel(text, theme.SizeNameCaptionText, fyne.TextStyle{}, fyne.TextAlignLeading))
	s.parts[key] = obj
	return obj
}

// sidebarInset lines a link's or caption's text up with the rows' icons.
const sidebarInset = 8

// insetLayout indents its one object from the left.
type insetLayout struct{ left float32 }

func (l insetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	return fyne.NewSize(m.Width+l.left, m.Height)
}

func (l insetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(l.left, 0))
	objs[0].Resize(fyne.NewSize(size.Width-l.left, size.Height))
}

// hint is a grey italic note in an empty section.
func (s *sidebar) hint(text string) fyne.CanvasObject {
	key := "hint:" + text
	if obj, ok := s.parts[key]; ok {
		return obj
	}
	obj := hint(text)
	s.parts[key] = obj
	return obj
}

// topicAt is the topic whose row is under the absolute position at, if any.
func (s *sidebar) topicAt(at fyne.Position) (storage.Topic, bool) {
	d := fyne.CurrentApp().Driver()
	for _, t := range s.topics {
		r, ok := s.rows[topicKey(t.ID)]
		if !ok || !r.Visible() || d.CanvasForObject(r) == nil {
			continue
		}
		p := d.AbsolutePositionForObject(r)
		sz := r.Size()
		if at.X >= p.X && at.X < p.X+sz.Width && at.Y >= p.Y && at.Y < p.Y+sz.Height {
			return t, true
		}
	}
	return storage.Topic{}, false
}

// showDropTarget outlines the topic row under at while rows are dragged.
func (s *sidebar) showDropTarget(at fyne.Position, dragging bool) {
	target := ""
	if t, ok := s.topicAt(at); ok && dragging {
		target = topicKey(t.ID)
	}
	if target == s.dropTarget {
		return
	}
	old := s.dropTarget
	s.dropTarget = target
	s.restyle(func(k string, l *rowLook) { l.dropping = k == target }, old, target)
}

// sidebarTopicOrder keeps the researcher's topics first, as the library
// orders them (sub-topics under their parents), and lists the suggestions
// most used first, so that the ones worth accepting come before the long
// tail a large library collects.
func sidebarTopicOrder(all []storage.Topic) []storage.Topic {
	var user, suggested []storage.Topic
	for _, t := range all {
		if t.Origin == storage.TopicSuggested && t.ParentID == 0 {
			suggested = append(suggested, t)
		} else {
			user = append(user, t)
		}
	}
	sort.SliceStable(suggested, func(a, b int) bool { return suggested[a].Count > suggested[b].Count })
	return append(user, suggested...)
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// hint is a grey italic note in an empty sidebar section.
func hint(text string) fyne.CanvasObject {
	return greyLabel(text, theme.SizeNameCaptionText, fyne.TextStyle{Italic: true}, fyne.TextAlignLeading)
}

// greyLabel is secondary text in the theme's placeholder colour, wrapped.
func greyLabel(text string, size fyne.ThemeSizeName, style fyne.TextStyle, align fyne.TextAlign) *widget.RichText {
	r := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: size, TextStyle: style, Alignment: align}})
	r.Wrapping = fyne.TextWrapWord
	return r
}

// rowLook is what a sidebar row shows.
type rowLook struct {
	icon   fyne.Resource
	dot    color.Color
	ring   bool // outlined dot: a suggested topic
	text   string
	italic bool
	extra  string // grey, after the text: "· 3 aliases"
	// hoverExtra replaces extra under the mouse: "· also Trump, he".
	hoverExtra string
	sub        string // second line: outlet and date
	count      int
	badge      bool // the count as an amber badge
	indent     bool
	selected   bool
	dropping   bool
}

// sideRow is one sidebar entry.
type sideRow struct {
	widget.BaseWidget
	look    rowLook
	hovered bool
	onTap   func()
	onMenu  func(at fyne.Position)
	measure *textMeasurer // the sidebar's
}

func newSideRow() *sideRow {
	r := &sideRow{}
	r.ExtendBaseWidget(r)
	return r
}

func (r *sideRow) set(look rowLook) {
	if r.look.same(look) {
		return // a refresh during an import leaves most rows as they were
	}
	r.look = look
	r.Refresh()
}

// same reports whether l and o look the same.
func (l rowLook) same(o rowLook) bool {
	icon := func(r fyne.Resource) string {
		if r == nil {
			return ""
		}
		return r.Name()
	}
	rgba := func(c color.Color) [4]uint32 {
		if c == nil {
			return [4]uint32{1, 1, 1, 1} // no dot: unlike any colour
		}
		r, g, b, a := c.RGBA()
		return [4]uint32{r, g, b, a}
	}
	// The rest compares as it is: its fields hold plain values.
	rest := func(r rowLook) rowLook {
		r.icon, r.dot = nil, nil
		return r
	}
	return icon(l.icon) == icon(o.icon) && rgba(l.dot) == rgba(o.dot) && rest(l) == rest(o)
}

func (r *sideRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

func (r *sideRow) TappedSecondary(e *fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
	if r.onMenu != nil {
		r.onMenu(e.AbsolutePosition)
	}
}

func (r *sideRow) MouseIn(*desktop.MouseEvent)    { r.hovered = true; r.Refresh() }
func (r *sideRow) MouseMoved(*desktop.MouseEvent) {}
func (r *sideRow) MouseOut()                      { r.hovered = false; r.Refresh() }

func (r *sideRow) MinSize() fyne.Size {
	if r.look.sub != "" {
		return fyne.NewSize(120, 48)
	}
	return fyne.NewSize(120, 32)
}

func (r *sideRow) CreateRenderer() fyne.WidgetRenderer {
	rr := &sideRowRenderer{r: r, bg: canvas.NewRectangle(color.Transparent), icon: canvas.NewImageFromResource(nil),
		dot: canvas.NewCircle(color.Transparent), text: canvas.NewText("", color.Black),
		extra: canvas.NewText("", color.Black), sub: canvas.NewText("", color.Black),
		count: canvas.NewText("", color.Black), badge: canvas.NewRectangle(color.Transparent)}
	rr.bg.CornerRadius = theme.SelectionRadiusSize()
	rr.badge.CornerRadius = 8
	rr.text.TextSize = 14
	rr.extra.TextSize, rr.sub.TextSize, rr.count.TextSize = 12, 12, 12
	rr.Refresh()
	return rr
}

type sideRowRenderer struct {
	r                       *sideRow
	bg, badge               *canvas.Rectangle
	icon                    *canvas.Image
	dot                     *canvas.Circle
	text, extra, sub, count *canvas.Text
	drawn                   drawing
}

// drawing lets tests read the texts behind the row's image.
func (rr *sideRowRenderer) drawing() *drawing { return &rr.drawn }

func (rr *sideRowRenderer) Destroy()           { rr.drawn.release() }
func (rr *sideRowRenderer) MinSize() fyne.Size { return rr.r.MinSize() }

// Objects are the row's background and icon, and one image of its dot,
// texts and count (see drawing); texts in letters the window's font lacks
// are left to Fyne.
func (rr *sideRowRenderer) Objects() []fyne.CanvasObject {
	d := &rr.drawn
	d.measure = rr.r.measure
	d.start(rr.r.Size())
	objs := []fyne.CanvasObject{rr.bg, rr.icon}
	if !rr.dot.Hidden {
		d.addShape(itemDot, rr.dot.Position(), rr.dot.Size(), rr.dot.FillColor, rr.dot.StrokeColor, rr.dot.StrokeWidth)
	}
	for _, t := range []*canvas.Text{rr.text, rr.extra, rr.sub} {
		if !d.addText(t, fyne.Position{}) {
			objs = append(objs, t)
		}
	}
	if !rr.badge.Hidden {
		d.addRounded(itemPill, rr.badge.Position(), rr.badge.Size(), rr.badge.FillColor, nil, 0, rr.badge.CornerRadius)
	}
	if !d.addText(rr.count, fyne.Position{}) {
		objs = append(objs, rr.count)
	}
	if img := d.object(); img != nil {
		objs = append(objs, img)
	}
	return objs
}

func (rr *sideRowRenderer) Refresh() {
	l := rr.r.look
	fg, grey := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePlaceHolder)
	switch {
	case l.selected:
		rr.bg.FillColor = theme.Color(theme.ColorNameSelection)
	case rr.r.hovered:
		rr.bg.FillColor = theme.Color(theme.ColorNameHover)
	default:
		rr.bg.FillColor = color.Transparent
	}
	rr.bg.StrokeWidth = 0
	if l.dropping {
		rr.bg.StrokeColor, rr.bg.StrokeWidth = theme.Color(theme.ColorNamePrimary), 2
	}
	rr.icon.Resource, rr.icon.Hidden = l.icon, l.icon == nil
	styleDot(rr.dot, l.dot, l.ring, 2)
	rr.text.Color, rr.text.TextStyle = fg, fyne.TextStyle{Italic: l.italic}
	rr.extra.Color, rr.sub.Color, rr.count.Color = grey, grey, grey
	rr.extra.Text, rr.sub.Text = l.extra, l.sub
	rr.count.Text = strconv.Itoa(l.count)
	rr.badge.Hidden = !l.badge
	if l.badge {
		p := paletteFor(currentVariant())
		rr.badge.FillColor, rr.count.Color = p.badgeFill, p.badgeText
		rr.count.TextStyle.Bold = true
	} else {
		rr.count.TextStyle.Bold = false
	}
	rr.Layout(rr.r.Size())
	canvas.Refresh(rr.r)
}

func (rr *sideRowRenderer) Layout(size fyne.Size) {
	l := rr.r.look
	const pad = 8
	rr.bg.Move(fyne.NewPos(pad-2, 0))
	rr.bg.Resize(fyne.NewSize(size.Width-2*pad+4, size.Height))
	x := float32(pad + 8)
	if l.indent {
		x += 16
	}
	lineY := float32(0)
	lineH := float32(32)
	if l.sub != "" {
		lineH = 26
		lineY = 2
	}
	rr.icon.Resize(fyne.NewSquareSize(16))
	rr.icon.Move(fyne.NewPos(x, lineY+(lineH-16)/2))
	rr.dot.Resize(fyne.NewSquareSize(10))
	rr.dot.Move(fyne.NewPos(x+3, lineY+(lineH-10)/2))
	x += 16 + 10

	m := rr.r.measure
	cw := m.textWidth(rr.count.Text, 12, rr.count.TextStyle)
	right := size.Width - pad - 6
	countX := right - cw
	rr.count.Move(fyne.NewPos(countX, lineY+(lineH-16)/2))
	rr.count.Resize(fyne.NewSize(cw, 16))
	rr.badge.Resize(fyne.NewSize(cw+12, 18))
	rr.badge.Move(fyne.NewPos(countX-6, lineY+(lineH-18)/2))
	end := countX - 10
	if l.badge {
		end -= 6
	}
	textW := m.textWidth(l.text, 14, rr.text.TextStyle)
	rr.extra.Text = l.extra
	if rr.r.hovered && l.hoverExtra != "" {
		// The aliases, as many as fit after the whole name.
		rr.extra.Text = m.ellipsize(l.hoverExtra, end-x-textW-6, 12, fyne.TextStyle{})
	}
	extraW := m.textWidth(rr.extra.Text, 12, fyne.TextStyle{})
	if x+textW+6+extraW > end {
		rr.extra.Text = ""
		extraW = 0
	}
	rr.text.Text = m.ellipsize(l.text, end-x, 14, rr.text.TextStyle)
	textW = m.textWidth(rr.text.Text, 14, rr.text.TextStyle)
	rr.text.Move(fyne.NewPos(x, lineY+(lineH-20)/2))
	rr.text.Resize(fyne.NewSize(textW, 20))
	rr.extra.Move(fyne.NewPos(x+textW+6, lineY+(lineH-16)/2+1))
	rr.extra.Resize(fyne.NewSize(extraW, 16))
	rr.sub.Text = m.ellipsize(l.sub, end-x, 12, fyne.TextStyle{})
	rr.sub.Move(fyne.NewPos(x, lineY+lineH-6))
	rr.sub.Resize(fyne.NewSize(end-x, 16))
}

// sectionHeader is a sidebar section's title: "▾ TOPICS 3"; tapping it
// folds the section.
type sectionHeader struct {
	widget.BaseWidget
	title, count string
	folded       bool
	onTap        func()
}

func newSectionHeader(title string, onTap func()) *sectionHeader {
	h := &sectionHeader{title: strings.ToUpper(title), onTap: onTap}
	h.ExtendBaseWidget(h)
	return h
}

func (h *sectionHeader) set(count string, folded bool) {
	if count == h.count && folded == h.folded {
		return
	}
	h.count, h.folded = count, folded
	h.Refresh()
}

func (h *sectionHeader) Tapped(*fyne.PointEvent) { h.onTap() }

func (h *sectionHeader) CreateRenderer() fyne.WidgetRenderer {
	r := &headerRenderer{h: h, arrow: widget.NewIcon(nil), title: canvas.NewText(h.title, color.Black),
		count: canvas.NewText("", color.Black)}
	r.title.TextSize, r.title.TextStyle = 12, fyne.TextStyle{Bold: true}
	r.count.TextSize = 12
	r.row = container.New(&headerLayout{}, r.arrow, r.title, r.count)
	r.Refresh()
	return r
}

type headerRenderer struct {
	h            *sectionHeader
	arrow        *widget.Icon
	title, count *canvas.Text
	row          *fyne.Container
}

func (r *headerRenderer) Destroy()                     {}
func (r *headerRenderer) Layout(size fyne.Size)        { r.row.Resize(size) }
func (r *headerRenderer) MinSize() fyne.Size           { return r.row.MinSize() }
func (r *headerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.row} }

func (r *headerRenderer) Refresh() {
	icon := theme.MenuDropDownIcon()
	if r.h.folded {
		icon = theme.MenuExpandIcon()
	}
	r.arrow.SetResource(icon)
	grey := theme.Color(theme.ColorNamePlaceHolder)
	r.title.Color, r.count.Color = grey, grey
	r.count.Text = r.h.count
	r.row.Refresh()
}

// headerLayout places a section header's arrow, title and count.
type headerLayout struct{}

func (headerLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(100, 34) }

func (headerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	arrow, title, count := objs[0], objs[1].(*canvas.Text), objs[2].(*canvas.Text)
	arrow.Resize(fyne.NewSquareSize(16))
	arrow.Move(fyne.NewPos(8, (size.Height-16)/2+2))
	tw := fyne.MeasureText(title.Text, 12, title.TextStyle)
	title.Resize(tw)
	title.Move(fyne.NewPos(30, (size.Height-tw.Height)/2+2))
	cw := fyne.MeasureText(count.Text, 12, count.TextStyle)
	count.Resize(cw)
	count.Move(fyne.NewPos(30+tw.Width+8, (size.Height-cw.Height)/2+2))
}

// themedRect is a background rectangle that follows the theme's colour.
type themedRect struct {
	*canvas.Rectangle
	name fyne.ThemeColorName
}

func (t *themedRect) Refresh() {
	t.FillColor = theme.Color(t.name)
	t.Rectangle.Refresh()
}
