package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"verbatim/core/extract/attrib"
	"verbatim/storage"
)

// textsIn is the text o shows, one piece per canvas text, leaving out
// hidden objects.
func textsIn(o fyne.CanvasObject) []string {
	var out []string
	walkVisible(o, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			out = append(out, t.Text)
		}
	})
	return out
}

// At the window's usual size the source pane names the current quote's
// speaker in full: its caption and actions give way, not the name.
func TestSourceStripShowsTheWholeSpeakerName(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	for _, words := range []string{"assurances from the US", "We must always have the backs"} {
		q := tw.selectQuote(words)
		if got := strings.Join(textsIn(tw.source.speaker), ""); got != q.Speaker {
			t.Errorf("the strip shows the speaker as %q, want %q", got, q.Speaker)
		}
		if !tw.source.change.Visible() || tw.source.change.Size().Width < tw.source.change.MinSize().Width {
			t.Errorf("%q: the Change speaker button is hidden or cut", words)
		}
	}
}

// The list's count follows its title when the title changes, and in a
// narrow window the sort menu gives way before the title does.
func TestListTitleAndCountStayTogether(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	if len(tw.sidebar.topics) == 0 {
		t.Skip("the sample got no topics")
	}
	tw.sidebar.selectKey(keyReview)
	tw.sidebar.selectKey(topicKey(tw.sidebar.topics[0].ID))
	title := tw.listTitle
	end := fyne.MeasureText(title.Text, theme.SizeForWidget(title.SizeName, title), title.TextStyle).Width + 2*theme.InnerPadding()
	if x := tw.listCount.Position().X; x > end {
		t.Errorf("the count stands at %.0f, after the end of %q (%.0f)", x, title.Text, end)
	}

	tw.sidebar.selectKey(keyReview)
	tw.Window.Resize(fyne.NewSize(1024, 640)) // 1280×800 at a scale of 1.25
	if got := strings.Join(textsIn(tw.listTitle), ""); got != "Needs review" {
		t.Errorf("in a narrow window the list's title reads %q", got)
	}
	if w := tw.sortSelect.Size().Width; w < sortMinWidth {
		t.Errorf("the sort menu is %.0f wide, less than %d", w, sortMinWidth)
	}
}

// Every rule the quote engine reports is explained in words, naming the
// mention it found.
func TestRulesAreExplainedInWords(t *testing.T) {
	rules := []string{attrib.RuleSpeakerCue, attrib.RuleCueSpeaker, attrib.RuleInterrupted, attrib.RuleBefore,
		attrib.RuleAccordingTo, attrib.RuleSentence, attrib.RuleColonParagraph, attrib.RuleNameColon, attrib.RuleDash,
		attrib.RuleParagraphSubject, attrib.RuleContinuation, attrib.RuleAlternation, attrib.RuleSameParagraph,
		attrib.RulePreviousParagraph, attrib.RuleAddressee, attrib.RuleIntroduction, attrib.RuleSpeechNoun,
		attrib.RuleRanked}
	for _, r := range rules {
		got := ruleExplanation(r, "He")
		if got == r || !strings.Contains(got, "“He”") {
			t.Errorf("rule %q is explained as %q", r, got)
		}
	}
	if got := ruleExplanation("added by you", ""); got != "added by you" {
		t.Errorf("a quote added by hand is explained as %q", got)
	}
}

func TestChangeSpeakerDialogSaysHowTheSpeakerWasFound(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	q := tw.selectQuote("We must always have the backs")
	tw.changeSpeakerDialog()
	wantShown(t, tw.Window.Canvas(), "How it was found: "+ruleExplanation(q.Rule, q.MentionText))
	if strings.Contains(shownText(tw.Window.Canvas()), "Rule: ") {
		t.Error("the dialog names the engine's rule rather than explaining it")
	}
}

// In the change-speaker dialog the arrow keys move through the suggestions,
// past their headings, and Escape closes it without a change.
func TestSpeakerDialogKeys(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	q := tw.selectQuote("We must always have the backs")
	tw.changeSpeakerDialog()
	d := tw.speakerDlg
	if d == nil {
		t.Fatal("the dialog did not open")
	}
	down := &fyne.KeyEvent{Name: fyne.KeyDown}
	d.entry.TypedKey(down)
	if d.chosen != 1 || !d.items[1].pickable() {
		t.Fatalf("Down chose row %d of %+v, want the first speaker", d.chosen, d.items)
	}
	for range len(d.items) + 2 {
		d.entry.TypedKey(down)
	}
	if !d.items[d.chosen].pickable() || d.chosen != len(d.items)-1 {
		t.Errorf("Down past the end chose row %d of %d", d.chosen, len(d.items))
	}
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if !d.items[d.chosen].pickable() || d.chosen >= len(d.items)-1 {
		t.Errorf("Up chose row %d", d.chosen)
	}
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if tw.speakerDlg != nil {
		t.Error("Escape did not close the dialog")
	}
	if got := tw.reread(q.ID); got.Speaker != q.Speaker {
		t.Errorf("Escape changed the speaker to %q", got.Speaker)
	}
}

// The dialog fits a 1280×800 screen at a text scale of 1.25, even for a
// long quote: nothing runs past the window.
func TestSpeakerDialogFitsASmallWindow(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	tw.Window.Resize(fyne.NewSize(1024, 640))
	tw.selectQuote("ISIS is not defeated")
	tw.changeSpeakerDialog()
	top := tw.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the dialog did not open")
	}
	if h, limit := top.MinSize().Height, tw.Window.Canvas().Size().Height; h > limit {
		t.Errorf("the dialog needs %.0f units of height, the window has %.0f", h, limit)
	}
}

// Needs review lists the least sure attributions first; leaving it brings
// back the order the researcher had, unless she chose another meanwhile.
func TestLeavingReviewRestoresTheListOrder(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	tw.sortSelect.SetSelectedIndex(int(storage.SortSpeaker))
	tw.sidebar.selectKey(keyReview)
	if got := tw.currentSort(); got != storage.SortConfidence {
		t.Fatalf("Needs review is sorted by %v", got)
	}
	tw.sidebar.selectKey(keyAll)
	if got := tw.currentSort(); got != storage.SortSpeaker {
		t.Errorf("back in All quotes the order is %v, want by speaker", got)
	}
	tw.sidebar.selectKey(keyReview)
	tw.sortSelect.SetSelectedIndex(int(storage.SortOldestFirst))
	tw.sidebar.selectKey(keyAll)
	if got := tw.currentSort(); got != storage.SortOldestFirst {
		t.Errorf("an order chosen in Needs review was replaced by %v", got)
	}
}

// Escape closes the naming dialogs as Cancel does.
func TestEscapeCancelsANewTopic(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.newTopicDialog()
	e, ok := tw.Window.Canvas().Focused().(*keyEntry)
	if !ok {
		t.Fatalf("the name field is not focused (%T)", tw.Window.Canvas().Focused())
	}
	test.Type(e, "Sanctions")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := tw.Window.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("Escape left the New topic dialog open")
	}
	topics, err := tw.lib.Topics(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range topics {
		if tp.Name == "Sanctions" {
			t.Error("Escape made the topic")
		}
	}
}

// The name field of the speaker dialogs says what it asks for.
func TestSpeakerDialogsLabelTheirField(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	q := tw.selectQuote("bring jobs")
	tw.changeSpeakerDialog()
	wantShown(t, tw.Window.Canvas(), "New speaker")
	tw.speakerDlg.dlg.Hide()

	tw.addQuoteDialog(q.DocumentID, q.Span)
	wantShown(t, tw.Window.Canvas(), "Who said it?")
	if strings.Contains(shownText(tw.Window.Canvas()), "New speaker") {
		t.Error("adding a quote asks for a “New speaker”")
	}
	tw.speakerDlg.dlg.Hide()

	speakers, err := tw.lib.Speakers(context.Background(), storage.SpeakerFilter{})
	if err != nil || len(speakers) == 0 {
		t.Fatal("no speakers", err)
	}
	tw.mergeSpeakerDialog(speakers[0])
	wantShown(t, tw.Window.Canvas(), "Merge into")
}

// A speaker's other names show when the mouse is over its sidebar row.
func TestSpeakerAliasesShowOnHover(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	speakers, err := tw.lib.Speakers(context.Background(), storage.SpeakerFilter{})
	if err != nil || len(speakers) < 2 {
		t.Fatalf("%d speakers (%v)", len(speakers), err)
	}
	into, from := speakers[0], speakers[1]
	if _, ok := tw.do(storage.MergeSpeakers{Into: into.ID, From: from.ID}); !ok {
		t.Fatal("the merge failed")
	}
	tw.sidebar.reload(tw.counts)
	r := tw.sidebar.rows[speakerKey(into.ID)]
	if r == nil {
		t.Fatal("the speaker is not in the sidebar")
	}
	r.Resize(fyne.NewSize(320, 32)) // a sidebar widened to read the names
	shown := func() string { return strings.Join(textsIn(r), " ") }
	if strings.Contains(shown(), from.Name) {
		t.Errorf("the alias shows before the mouse is over the row: %q", shown())
	}
	r.MouseIn(nil)
	if !strings.Contains(shown(), "also "+from.Name) {
		t.Errorf("under the mouse the row shows %q, want the alias %q", shown(), from.Name)
	}
	r.MouseOut()
	if strings.Contains(shown(), from.Name) {
		t.Errorf("the alias stays after the mouse left: %q", shown())
	}
}

// Escape closes a dialog without a text field as its Cancel button does;
// with no dialog open it clears the search.
func TestEscapeCancelsTheDialogOnTop(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.newTopicDialog()
	answer(t, tw.Window, "Harbour jobs", "Create")
	topic := topicNamed(t, tw, "Harbour jobs")
	escape := func() { tw.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

	tw.deleteTopicDialog(topic)
	escape()
	if top := tw.Window.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Fatal("Escape left the Delete topic dialog open")
	}
	topicNamed(t, tw, "Harbour jobs") // still there

	tw.search.SetText("harbour")
	escape()
	if tw.search.Text != "" {
		t.Errorf("Escape without a dialog left the search %q", tw.search.Text)
	}
}

// With several quotes selected the list says how many, since Print and
// Export then cover only those.
func TestListCountsTheSelectedQuotes(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	total := fmt.Sprint(tw.list.pager.count)
	tw.list.click(0, 0)
	if tw.listCount.text != total {
		t.Errorf("one quote selected: the count reads %q, want %q", tw.listCount.text, total)
	}
	tw.list.click(1, fyne.KeyModifierControl)
	if want := total + " · 2 selected"; tw.listCount.text != want {
		t.Errorf("two quotes selected: the count reads %q, want %q", tw.listCount.text, want)
	}
	tw.list.click(1, fyne.KeyModifierControl) // unselect it again
	if tw.listCount.text != total {
		t.Errorf("back to one: the count reads %q", tw.listCount.text)
	}
}

// An empty list says why: a search without matches, an empty queue.
func TestEmptyListSaysWhy(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	if tw.listEmpty.Visible() {
		t.Errorf("the list has quotes, yet says %q", tw.listEmpty.String())
	}
	tw.search.SetText("zebra")
	if !tw.listEmpty.Visible() || !strings.Contains(tw.listEmpty.String(), "“zebra”") {
		t.Errorf("a search without matches shows %q (visible %v)", tw.listEmpty.String(), tw.listEmpty.Visible())
	}
	tw.search.SetText("")
	if tw.listEmpty.Visible() {
		t.Error("the message stays after the search is cleared")
	}
	tw.sidebar.selectKey(keyRejected)
	if !tw.listEmpty.Visible() || !strings.Contains(tw.listEmpty.String(), "No rejected quotes") {
		t.Errorf("the empty Rejected list shows %q", tw.listEmpty.String())
	}
}

// Spaces alone in the search field are no search.
func TestBlankSearchIsNoSearch(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.search.SetText("  ")
	if tw.listTitle.Text != "All quotes" {
		t.Errorf("a blank search titles the list %q", tw.listTitle.Text)
	}
	tw.search.SetText(" harbour ")
	if want := "“harbour” in All quotes"; tw.listTitle.Text != want {
		t.Errorf("the list is titled %q, want %q", tw.listTitle.Text, want)
	}
}

// The order Needs review puts itself in is not kept as the researcher's
// choice: quit in the queue, and the next session still goes back to hers.
func TestReviewOrderIsNotSavedAsTheChoice(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.sortSelect.SetSelectedIndex(int(storage.SortSpeaker))
	tw.sidebar.selectKey(keyReview)
	tw.saveLayout()
	tw.close()

	again := openTestWindow(t, tw.app, tw.dir)
	if got := again.currentSort(); got != storage.SortConfidence {
		t.Errorf("the queue reopens sorted by %v", got)
	}
	again.sidebar.selectKey(keyAll)
	if got := again.currentSort(); got != storage.SortSpeaker {
		t.Errorf("after a restart in the queue, All quotes is sorted by %v, want by speaker", got)
	}
}

// While text is selected, "Add as quote…" takes the article note button's
// place, so that the source header stays on one line in a narrow pane.
func TestAddAsQuoteTakesTheNoteButtonsPlace(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.list.selectIndex(0)
	s := tw.source
	if s.addQuote.Visible() || !s.docNoteBtn.Visible() {
		t.Fatal("without a selection the header should offer the note, not Add as quote")
	}
	s.text.onSelected(10, 40)
	if !s.addQuote.Visible() || s.docNoteBtn.Visible() {
		t.Error("with text selected the header should offer Add as quote in the note's place")
	}
	s.text.onSelected(0, 0)
	if s.addQuote.Visible() || !s.docNoteBtn.Visible() {
		t.Error("the note button did not come back when the selection went")
	}
}

// Quotes selected in one view are not carried into another: Print and
// Export there cover what it lists.
func TestAnotherViewStartsWithOneQuoteSelected(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	tw.list.click(0, 0)
	tw.list.click(1, fyne.KeyModifierControl)
	tw.list.click(2, fyne.KeyModifierControl)
	if n := len(tw.scope().Selected); n != 3 {
		t.Fatalf("%d quotes selected, want 3", n)
	}
	tw.sidebar.selectKey(keyReview)
	tw.sidebar.selectKey(keyAll)
	if s := tw.scope(); len(s.Selected) != 0 || strings.Contains(tw.listCount.text, "selected") {
		t.Errorf("after another view the scope holds %d selected quotes (count %q)", len(s.Selected), tw.listCount.text)
	}
	tw.list.click(0, 0)
	tw.list.click(1, fyne.KeyModifierControl)
	tw.search.SetText("harbour")
	if s := tw.scope(); len(s.Selected) != 0 {
		t.Errorf("after a search the scope holds %d selected quotes", len(s.Selected))
	}
}

// Merging a speaker offers first the speakers that share a name with it:
// "Reyes" is most likely Tom Reyes, though Anna Berg is quoted as often.
func TestMergeOffersNamesAlikeFirst(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	q := tw.selectQuote("worth every cent") // Anna Berg's
	edit, ok := tw.do(storage.SetSpeaker{QuoteID: q.ID, NewName: "Reyes"})
	if !ok {
		t.Fatal("the edit failed")
	}
	speakers, err := tw.lib.Speakers(context.Background(), storage.SpeakerFilter{Match: "Reyes"})
	if err != nil {
		t.Fatal(err)
	}
	var from storage.Speaker
	for _, s := range speakers {
		if s.Name == "Reyes" {
			from = s
		}
	}
	if from.ID == 0 {
		t.Fatalf("no speaker “Reyes” after %s", edit.Summary)
	}
	tw.mergeSpeakerDialog(from)
	d := tw.speakerDlg
	var firstHeader, firstName string
	for _, it := range d.items {
		if it.header != "" && firstHeader == "" {
			firstHeader = it.header
		}
		if it.pickable() && firstName == "" {
			firstName = it.speaker.Name
		}
	}
	if firstHeader != "Perhaps the same person" || firstName != "Tom Reyes" {
		t.Errorf("the merge dialog offers %q first, under %q; want Tom Reyes under “Perhaps the same person”", firstName, firstHeader)
	}
	d.entry.SetText("Ann")
	for _, it := range d.items {
		if it.header == "Perhaps the same person" {
			t.Error("typing a name still lists the names alike")
		}
	}
}

func TestNameWords(t *testing.T) {
	for name, want := range map[string]string{
		"Joe Biden":           "Biden Joe",
		"Sen. Lindsey Graham": "Graham Lindsey",
		"The port authority":  "",
		"Erdogan's office":    "Erdogan",
		"Erdoğan’s office":    "Erdoğan",
		"Paul Sun-Hyung Lee":  "Lee Hyung Sun Paul",
		"a protester":         "",
		"Ed Li":               "",
	} {
		if got := strings.Join(nameWords(name), " "); got != want {
			t.Errorf("nameWords(%q) = %q, want %q", name, got, want)
		}
	}
}
