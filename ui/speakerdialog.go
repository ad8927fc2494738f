package ui

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"verbatim/core"
	"verbatim/core/extract/attrib"
	"verbatim/storage"
)

// contextChars is how much text the dialog shows around the quote.
// (About a line either side: the dialog must fit a small screen.)
const contextChars = 80

// suggestion is one row of the speaker dialog's list: a group header, a
// speaker, or "New speaker …".
type suggestion struct {
	header  string
	speaker storage.Speaker
	count   string
	newName string
}

func (s suggestion) pickable() bool { return s.header == "" }

// speakerDialog asks who said a quote: suggestions from the document's
// speakers first, then the library's, then a new name.
type speakerDialog struct {
	m       *MainWindow
	docID   int64
	entry   *keyEntry
	list    *widget.List
	items   []suggestion
	chosen  int
	sameAll *keyCheck
	context *articleText
	// fieldLabel stands beside the name field: "New speaker", or "Who
	// said it?" for a quote being added.
	fieldLabel string
	noNew      bool  // only existing speakers (merging)
	except     int64 // a speaker not to offer
	// alike, when merging, is the name of the speaker merged: before
	// anything is typed, speakers sharing a name with it come first
	// ("Biden": Joe Biden), since those are the usual merges.
	alike    string
	apply    *widget.Button
	dlg      *dialog.CustomDialog
	onChoose func(s suggestion, sameMention bool)
}

// changeSpeakerDialog opens the dialog for the current quote.
func (m *MainWindow) changeSpeakerDialog() {
	row, ok := m.currentQuote()
	if !ok {
		return
	}
	doc, err := m.lib.Document(context.Background(), row.DocumentID)
	if err != nil {
		m.ShowError(err)
		return
	}
	siblings, _ := m.lib.MentionSiblings(context.Background(), row.ID)
	frags := row.Fragments
	if len(frags) == 0 {
		frags = []core.Span{row.Span}
	}
	d := m.newSpeakerDialog(row.DocumentID)
	caption := captionLabel("Quote in context · " + joinNonEmpty(", ", doc.Meta.Outlet, shortDate(doc.Meta.Date), paragraphMark(row.Paragraph)))
	current := container.NewHBox(widget.NewLabel("Currently:"))
	if row.MentionText != "" {
		current.Add(tokenLabel(row.MentionText))
		current.Add(widget.NewLabel("→"))
	}
	name := row.Speaker
	if name == "" {
		name = "Unknown speaker"
	}
	current.Add(widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if row.NeedsReview(m.threshold) {
		badge := newChip()
		badge.setLook(reviewLook(fmt.Sprintf("Review · %.2f", row.Confidence), paletteFor(currentVariant())))
		current.Add(container.NewCenter(badge))
	}
	parts := []fyne.CanvasObject{caption, d.quoteInContext(doc.Text, frags, row.Mention), current}
	if row.Rule != "" {
		parts = append(parts, captionLabel(fmt.Sprintf("How it was found: %s · confidence %.2f",
			ruleExplanation(row.Rule, row.MentionText), row.Confidence)))
	}
	mention := row.MentionText
	if len(siblings) > 1 && mention != "" {
		d.sameAll.SetText(fmt.Sprintf("Apply to every quote attributed to ‘%s’ in this document (%d)", mention, len(siblings)))
	} else {
		d.sameAll.Hide()
	}
	d.onChoose = func(s suggestion, same bool) {
		cmd := storage.SetSpeaker{QuoteID: row.ID, SpeakerID: s.speaker.ID, NewName: s.newName, SameMention: same}
		if s.newName != "" {
			cmd.Kind = core.SpeakerPerson
		}
		m.do(cmd)
	}
	d.show("Change speaker", "Change", parts)
}

// addQuoteDialog asks who said the text selected in the source pane, then
// adds it as a quote.
func (m *MainWindow) addQuoteDialog(docID int64, span core.Span) {
	doc, err := m.lib.Document(context.Background(), docID)
	if err != nil {
		m.ShowError(err)
		return
	}
	d := m.newSpeakerDialog(docID)
	d.sameAll.Hide()
	caption := captionLabel("New quote · " + joinNonEmpty(", ", doc.Meta.Outlet, shortDate(doc.Meta.Date)))
	d.onChoose = func(s suggestion, _ bool) {
		edit, ok := m.do(storage.AddQuote{DocumentID: docID, Span: span, SpeakerID: s.speaker.ID, NewSpeaker: s.newName})
		if ok && edit.Target != 0 {
			m.quoteTappedInSource(edit.Target)
		}
	}
	d.fieldLabel = "Who said it?"
	d.show("Add quote", "Add quote", []fyne.CanvasObject{caption, d.quoteInContext(doc.Text, []core.Span{span}, core.Span{})})
}

func (m *MainWindow) newSpeakerDialog(docID int64) *speakerDialog {
	d := &speakerDialog{m: m, docID: docID, fieldLabel: "New speaker"}
	d.entry = newKeyEntry()
	d.entry.SetPlaceHolder("Type a name")
	d.entry.onKey = func(k fyne.KeyName) bool {
		switch k {
		case fyne.KeyEscape:
			d.dlg.Hide()
		case fyne.KeyDown:
			d.step(1)
		case fyne.KeyUp:
			d.step(-1)
		default:
			return false
		}
		return true
	}
	d.entry.OnChanged = func(string) { d.suggest() }
	d.entry.OnSubmitted = func(string) { d.submit() }
	d.list = widget.NewList(func() int { return len(d.items) }, newSuggestionRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*suggestionRow).show(d.items[i], d.entry.Text, i == d.chosen)
		})
	d.list.HideSeparators = true
	d.list.OnSelected = func(i widget.ListItemID) {
		if d.items[i].pickable() {
			d.chosen = i
			d.updateApply()
		}
		d.list.UnselectAll()
		d.list.Refresh()
	}
	d.sameAll = newKeyCheck()
	d.sameAll.onReturn = d.submit
	d.apply = widget.NewButtonWithIcon("", theme.ConfirmIcon(), d.submit)
	d.apply.Importance = widget.HighImportance
	return d
}

func (d *speakerDialog) show(title, action string, parts []fyne.CanvasObject) {
	d.apply.SetText(action)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.dlg.Hide() })
	// Five rows, and the label beside the field rather than over it: the
	// dialog must fit a 1280×800 screen at a text scale of 1.25.
	listBox := container.NewGridWrap(fyne.NewSize(520, 168), d.list)
	parts = append(parts, container.NewBorder(nil, nil, widget.NewLabel(d.fieldLabel), nil, d.entry), listBox, d.sameAll)
	box := container.NewVBox(parts...)
	if d.context != nil {
		d.context.onLayout = func(changed bool) {
			if changed {
				box.Refresh()
			}
		}
	}
	d.dlg = dialog.NewCustomWithoutButtons(title, box, d.m.Window)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.apply})
	d.suggest()
	d.m.speakerDlg = d
	d.dlg.SetOnClosed(func() { d.m.speakerDlg = nil })
	d.dlg.Resize(fyne.NewSize(560, 10))
	d.dlg.Show()
	d.m.Window.Canvas().Focus(d.entry)
}

// suggest lists the speakers matching the typed text: this document's,
// then the library's, then a new speaker of that name.
func (d *speakerDialog) suggest() {
	ctx := context.Background()
	typed := strings.TrimSpace(d.entry.Text)
	d.items = d.items[:0]
	var inDoc []storage.Speaker
	if d.docID != 0 {
		inDoc, _ = d.m.lib.Speakers(ctx, storage.SpeakerFilter{DocumentID: d.docID, Match: typed, Limit: 20})
	}
	seen := map[int64]bool{d.except: true}
	exact := false
	if typed == "" && d.alike != "" {
		d.addAlike(ctx, seen)
	}
	if len(inDoc) > 0 {
		d.items = append(d.items, suggestion{header: "In this document"})
		for _, s := range inDoc {
			if seen[s.ID] {
				continue
			}
			seen[s.ID] = true
			exact = exact || strings.EqualFold(s.Name, typed)
			d.items = append(d.items, suggestion{speaker: s, count: plural(s.Count, "quote here", "quotes here")})
		}
	}
	all, _ := d.m.lib.Speakers(ctx, storage.SpeakerFilter{Match: typed, Limit: 30})
	var others []suggestion
	for _, s := range all {
		if !seen[s.ID] {
			exact = exact || strings.EqualFold(s.Name, typed)
			others = append(others, suggestion{speaker: s, count: plural(s.Count, "quote", "quotes")})
		}
	}
	if len(others) > 0 {
		d.items = append(d.items, suggestion{header: "In your library"})
		d.items = append(d.items, others...)
	}
	if typed != "" && !exact && !d.noNew {
		d.items = append(d.items, suggestion{newName: typed})
	}
	d.chosen = -1
	if typed != "" {
		for i, it := range d.items {
			if it.pickable() {
				d.chosen = i
				break
			}
		}
	}
	d.list.Refresh()
	d.updateApply()
}

// addAlike lists the speakers with a word of d.alike's name, under their
// own header, and marks them seen.
func (d *speakerDialog) addAlike(ctx context.Context, seen map[int64]bool) {
	var alike []suggestion
	for _, w := range nameWords(d.alike) {
		found, _ := d.m.lib.Speakers(ctx, storage.SpeakerFilter{Match: w, Limit: 10})
		for _, s := range found {
			if !seen[s.ID] {
				seen[s.ID] = true
				alike = append(alike, suggestion{speaker: s, count: plural(s.Count, "quote", "quotes")})
			}
		}
	}
	if len(alike) > 0 {
		d.items = append(d.items, suggestion{header: "Perhaps the same person"})
		d.items = append(d.items, alike...)
	}
}

// nameWords are the words of a speaker's name that may name the same
// person elsewhere: capitalised, three letters or more, not an
// abbreviation or an article ("Sen.", "The"), surname first.
func nameWords(name string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) || utf8.RuneCountInString(w) < 3 || strings.HasSuffix(w, ".") || w == "The" {
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		words = append([]string{w}, words...)
	}
	return words
}

func (d *speakerDialog) updateApply() { setEnabled(d.apply, d.chosen >= 0) }

// step moves the chosen suggestion by n pickable rows (the arrow keys).
func (d *speakerDialog) step(n int) {
	for i := d.chosen + n; i >= 0 && i < len(d.items); i += n {
		if d.items[i].pickable() {
			d.chosen = i
			d.list.ScrollTo(i)
			d.list.Refresh()
			d.updateApply()
			return
		}
	}
}

// keyCheck is a check box on which Enter applies the dialog, as it does in
// the text field: ticking the box is often the last thing done.
type keyCheck struct {
	widget.Check
	onReturn func()
}

func newKeyCheck() *keyCheck {
	c := &keyCheck{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCheck) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && c.onReturn != nil {
		c.onReturn()
		return
	}
	c.Check.TypedKey(k)
}

// keyEntry is a text field that lets its dialog have some keys first:
// Escape closes, the arrow keys move through the suggestions.
type keyEntry struct {
	widget.Entry
	onKey func(fyne.KeyName) bool // reports whether it used the key
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k.Name) {
		return
	}
	e.Entry.TypedKey(k)
}

// submit applies the chosen suggestion.
func (d *speakerDialog) submit() {
	if d.chosen < 0 || d.chosen >= len(d.items) {
		return
	}
	s, same := d.items[d.chosen], d.sameAll.Visible() && d.sameAll.Checked
	d.dlg.Hide()
	if d.onChoose != nil {
		d.onChoose(s, same)
	}
}

// suggestionRow draws one suggestion.
type suggestionRow struct {
	widget.BaseWidget
	bg     *canvas.Rectangle
	icon   *widget.Icon
	name   *widget.RichText
	count  *canvas.Text
	header *canvas.Text
}

func newSuggestionRow() fyne.CanvasObject {
	r := &suggestionRow{bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection)), icon: widget.NewIcon(theme.AccountIcon()),
		name: widget.NewRichText(), count: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		header: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	r.bg.CornerRadius = theme.SelectionRadiusSize()
	r.count.TextSize, r.header.TextSize = 12, 11
	r.header.TextStyle.Bold = true
	r.ExtendBaseWidget(r)
	return r
}

func (r *suggestionRow) show(s suggestion, typed string, chosen bool) {
	r.bg.Hidden = !chosen
	r.header.Hidden = s.header == ""
	r.header.Text = strings.ToUpper(s.header)
	r.icon.Hidden = s.header != ""
	r.name.Hidden = s.header != ""
	r.count.Text = s.count
	switch {
	case s.newName != "":
		r.icon.SetResource(theme.ContentAddIcon())
		r.name.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: fmt.Sprintf("New speaker “%s”…", s.newName),
			Style: widget.RichTextStyle{ColorName: theme.ColorNamePrimary, Inline: true}}}
	case s.header == "":
		r.icon.SetResource(theme.AccountIcon())
		r.name.Segments = boldPrefix(s.speaker.Name, typed)
	}
	r.name.Refresh()
	r.Refresh()
}

// boldPrefix shows name with the typed text in bold where a word starts
// with it ("M" in "Mike Pence").
func boldPrefix(name, typed string) []widget.RichTextSegment {
	plain := widget.RichTextStyle{Inline: true}
	bold := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}
	typed = strings.TrimSpace(typed)
	if typed != "" {
		lower, t := strings.ToLower(name), strings.ToLower(typed)
		for i := 0; i+len(t) <= len(lower); i++ {
			if strings.HasPrefix(lower[i:], t) && (i == 0 || lower[i-1] == ' ') {
				return []widget.RichTextSegment{&widget.TextSegment{Text: name[:i], Style: plain},
					&widget.TextSegment{Text: name[i : i+len(t)], Style: bold},
					&widget.TextSegment{Text: name[i+len(t):], Style: plain}}
			}
		}
	}
	return []widget.RichTextSegment{&widget.TextSegment{Text: name, Style: plain}}
}

func (r *suggestionRow) CreateRenderer() fyne.WidgetRenderer {
	return &suggestionRenderer{r: r}
}

type suggestionRenderer struct{ r *suggestionRow }

func (s *suggestionRenderer) Destroy()           {}
func (s *suggestionRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 32) }
func (s *suggestionRenderer) Refresh()           { s.Layout(s.r.Size()); canvas.Refresh(s.r) }
func (s *suggestionRenderer) Objects() []fyne.CanvasObject {
	r := s.r
	return []fyne.CanvasObject{r.bg, r.icon, r.name, r.count, r.header}
}

func (s *suggestionRenderer) Layout(size fyne.Size) {
	r := s.r
	r.bg.Resize(size)
	r.icon.Resize(fyne.NewSquareSize(16))
	r.icon.Move(fyne.NewPos(8, (size.Height-16)/2))
	cw := fyne.MeasureText(r.count.Text, 12, fyne.TextStyle{})
	r.count.Resize(cw)
	r.count.Move(fyne.NewPos(size.Width-cw.Width-8, (size.Height-cw.Height)/2))
	nm := r.name.MinSize()
	r.name.Resize(fyne.NewSize(size.Width-cw.Width-40, nm.Height))
	r.name.Move(fyne.NewPos(26, (size.Height-nm.Height)/2))
	hs := fyne.MeasureText(r.header.Text, 11, r.header.TextStyle)
	r.header.Resize(hs)
	r.header.Move(fyne.NewPos(8, size.Height-hs.Height-4))
}

// quoteInContext shows a quote with some text around it, on a shaded box.
func (d *speakerDialog) quoteInContext(text string, frags []core.Span, mention core.Span) fyne.CanvasObject {
	from, to := frags[0].Start, frags[len(frags)-1].End
	if !mention.IsZero() {
		from, to = min(from, mention.Start), max(to, mention.End)
	}
	start, end := wordBefore(text, from-contextChars), wordAfter(text, to+contextChars)
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "… "
	}
	if end < len(text) {
		suffix = " …"
	}
	snippet := prefix + strings.NewReplacer("\n", " ").Replace(text[start:end]) + suffix
	shift := func(s core.Span) core.Span {
		if s.IsZero() {
			return s
		}
		return core.Span{Start: s.Start - start + len(prefix), End: s.End - start + len(prefix)}
	}
	var shifted []core.Span
	for _, f := range frags {
		shifted = append(shifted, shift(f))
	}
	t := newArticleText()
	t.gutter, t.plain = 10, true
	t.setDocument(snippet, []quoteMark{{id: 1, fragments: shifted, mention: shift(mention), current: true}})
	d.context = t
	bg := &themedRect{Rectangle: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)), name: theme.ColorNameInputBackground}
	bg.CornerRadius = theme.InputRadiusSize()
	// A long quote scrolls within four lines, so that the dialog fits.
	return container.NewStack(bg, container.New(capHeightLayout{max: 4*articleLine + articlePadY, of: t}, container.NewVScroll(t)))
}

// capHeightLayout asks for the height of its content (of) up to max; what
// is taller scrolls.
type capHeightLayout struct {
	max float32
	of  fyne.CanvasObject
}

func (l capHeightLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	m := l.of.MinSize()
	return fyne.NewSize(m.Width, min(m.Height, l.max))
}

func (l capHeightLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// wordBefore moves at back to the start of a word (or of the text).
func wordBefore(text string, at int) int {
	if at <= 0 {
		return 0
	}
	for at > 0 && text[at-1] != ' ' && text[at-1] != '\n' {
		at--
	}
	return at
}

// wordAfter moves at on to the end of a word (or of the text).
func wordAfter(text string, at int) int {
	if at >= len(text) {
		return len(text)
	}
	for at < len(text) && text[at] != ' ' && text[at] != '\n' {
		at++
	}
	return at
}

// captionLabel is small grey text.
func captionLabel(text string) *widget.RichText {
	return greyLabel(text, theme.SizeNameCaptionText, fyne.TextStyle{}, fyne.TextAlignLeading)
}

// tokenLabel shows a piece of the article (the mention) in a small box.
func tokenLabel(text string) fyne.CanvasObject {
	c := newChip()
	c.chipLook = chipLook{text: text, fill: theme.Color(theme.ColorNameInputBackground),
		stroke: theme.Color(theme.ColorNameInputBorder), ink: theme.Color(theme.ColorNameForeground)}
	return container.NewCenter(c)
}

// ruleExplanation says in a researcher's words how the quote engine found
// a quote's speaker, from the name of its rule.
func ruleExplanation(rule, mention string) string {
	who := "the speaker"
	if mention != "" {
		who = "“" + mention + "”"
	}
	switch rule {
	case attrib.RuleSpeakerCue, attrib.RuleCueSpeaker:
		return who + " is named right after the quote (“…,” she said)"
	case attrib.RuleBefore, attrib.RuleIntroduction:
		return who + " is named just before the quote (she said: “…”)"
	case attrib.RuleInterrupted:
		return who + " is named between the quote's parts (“…,” she said, “…”)"
	case attrib.RuleAccordingTo:
		return "the text says “according to” " + who
	case attrib.RuleSentence:
		return who + " speaks elsewhere in the quote's sentence"
	case attrib.RuleColonParagraph:
		return who + " introduces the quote at the end of the paragraph before"
	case attrib.RuleNameColon:
		return who + " stands before the quote with a colon"
	case attrib.RuleDash:
		return who + " follows the quote after a dash"
	case attrib.RuleParagraphSubject, attrib.RuleSameParagraph:
		return who + " is the person the paragraph is about"
	case attrib.RulePreviousParagraph:
		return who + " is the person in the paragraph before"
	case attrib.RuleContinuation:
		return "the paragraph goes on with the last speaker, " + who
	case attrib.RuleAlternation, attrib.RuleAddressee:
		return "the turns of a dialogue alternate, so it is " + who
	case attrib.RuleNarrator:
		return "the narrator speaks (“…,” I said)"
	case attrib.RuleSpeechNoun:
		return "the quote is called " + who + "’s words (“…” was her reply)"
	case attrib.RuleRanked:
		return "no “she said” beside the quote; " + who + " is the likeliest person nearby"
	}
	return rule // "added by you", or a rule this list does not know yet
}
