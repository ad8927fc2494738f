package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"verbatim/storage"
)

func TestChangeSpeakerDialogTypeAndApply(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	q := tw.selectQuote("the work starts in May")
	shortcutOn(tw.Window.Canvas(), shortcut(fyne.KeyE, primaryMod))
	d := tw.speakerDlg
	if d == nil {
		t.Fatal("Ctrl+E did not open the change-speaker dialog")
	}
	if !d.apply.Disabled() {
		t.Error("Change should wait until a speaker is chosen")
	}
	// The document's speakers come first, under their heading.
	if len(d.items) < 2 || d.items[0].header != "In this document" {
		t.Fatalf("suggestions start with %+v", d.items[:min(2, len(d.items))])
	}
	test.Type(d.entry, "Lop")
	if d.chosen < 0 || !strings.Contains(d.items[d.chosen].speaker.Name, "Lopez") {
		t.Fatalf("typing “Lop” chose %+v", d.items)
	}
	if d.items[d.chosen-1].header != "In your library" {
		t.Errorf("Lopez is quoted in the other article only, yet listed under %+v", d.items[d.chosen-1])
	}
	if last := d.items[len(d.items)-1]; last.newName != "Lop" {
		t.Errorf("the last suggestion should offer a new speaker “Lop”, got %+v", last)
	}
	test.Tap(d.apply)
	if tw.speakerDlg != nil {
		t.Error("the dialog stayed open after Change")
	}
	got := tw.reread(q.ID)
	if !strings.Contains(got.Speaker, "Lopez") || !got.SpeakerByUser {
		t.Fatalf("speaker is %q (by user %v), want the chosen Lopez", got.Speaker, got.SpeakerByUser)
	}
	if !strings.Contains(tw.source.speaker.Text, "Lopez") {
		t.Errorf("the source pane's strip says %q", tw.source.speaker.Text)
	}
	if tw.undo.Disabled() {
		t.Error("Undo should be enabled after an edit")
	}

	tw.Undo()
	if got := tw.reread(q.ID); got.Speaker != q.Speaker {
		t.Errorf("after undo the speaker is %q, want %q", got.Speaker, q.Speaker)
	}
	if tw.redo.Disabled() {
		t.Error("Redo should be enabled after an undo")
	}
	shortcutOn(tw.Window.Canvas(), shortcut(fyne.KeyZ, primaryMod|fyne.KeyModifierShift))
	if got := tw.reread(q.ID); !strings.Contains(got.Speaker, "Lopez") {
		t.Errorf("after redo the speaker is %q", got.Speaker)
	}
}

func TestChangeSpeakerToANewPerson(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	q := tw.selectQuote("the work starts in May")
	tw.changeSpeakerDialog()
	d := tw.speakerDlg
	test.Type(d.entry, "Port Authority of Harbourtown")
	if d.items[d.chosen].newName != "Port Authority of Harbourtown" {
		t.Fatalf("chosen %+v, want the new speaker", d.items[d.chosen])
	}
	d.entry.OnSubmitted(d.entry.Text) // Enter
	if got := tw.reread(q.ID); got.Speaker != "Port Authority of Harbourtown" {
		t.Errorf("speaker %q after Enter", got.Speaker)
	}
}

func TestChangeSpeakerForEveryQuoteOfTheSameMention(t *testing.T) {
	for _, tc := range []struct {
		how   string
		apply func(d *speakerDialog)
	}{
		{"Change", func(d *speakerDialog) { test.Tap(d.apply) }},
		// Ticking the box is often the last thing done: Enter there applies.
		{"Enter on the box", func(d *speakerDialog) { d.sameAll.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }},
	} {
		t.Run(tc.how, func(t *testing.T) {
			tw := newTestWindow(t)
			tw.importFiles("harbour.txt")
			q := tw.selectQuote("bring jobs")
			siblings, err := tw.lib.MentionSiblings(context.Background(), q.ID)
			if err != nil || len(siblings) < 2 {
				t.Skipf("the engine attributed no two quotes through one mention here (%v, %v)", siblings, err)
			}
			tw.changeSpeakerDialog()
			d := tw.speakerDlg
			if !d.sameAll.Visible() || !strings.Contains(d.sameAll.Text, q.MentionText) {
				t.Fatalf("the “apply to every quote” box is %q (shown %v)", d.sameAll.Text, d.sameAll.Visible())
			}
			test.Type(d.entry, "Anna Berg")
			d.sameAll.SetChecked(true)
			tc.apply(d)
			for _, id := range siblings {
				if got := tw.reread(id); got.Speaker != "Anna Berg" {
					t.Errorf("quote %d: speaker %q, want Anna Berg", id, got.Speaker)
				}
			}
		})
	}
}

func TestRejectRestoreAndConfirm(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	q := tw.selectQuote("ignores the fishermen")
	before := tw.list.pager.count
	test.Tap(tw.source.reject)
	if got := tw.reread(q.ID); got.Status != storage.StatusRejected {
		t.Fatalf("status %q after Reject", got.Status)
	}
	if tw.list.pager.count != before-1 {
		t.Errorf("list has %d quotes, want %d after a rejection", tw.list.pager.count, before-1)
	}
	if tw.list.current == q.ID || tw.list.current == 0 {
		t.Error("after a rejection the next quote should be current")
	}
	tw.sidebar.selectKey(keyRejected)
	if tw.list.pager.count != 1 || tw.list.current != q.ID {
		t.Fatalf("Rejected lists %d quotes (current %d)", tw.list.pager.count, tw.list.current)
	}
	test.Tap(tw.source.reject) // now "Restore"
	if got := tw.reread(q.ID); got.Status != storage.StatusActive {
		t.Errorf("status %q after Restore", got.Status)
	}

	tw.sidebar.selectKey(keyReview)
	if tw.currentSort() != storage.SortConfidence {
		t.Error("Needs review should list the least certain quotes first")
	}
	n := tw.list.pager.count
	if n == 0 {
		t.Skip("the engine left nothing to review in this article")
	}
	var last float64
	for i := 0; i < n; i++ {
		r, _ := tw.list.pager.row(i)
		if r.Confidence < last {
			t.Errorf("row %d has confidence %.2f after %.2f", i, r.Confidence, last)
		}
		last = r.Confidence
	}
	first := tw.list.current
	shortcutOn(tw.Window.Canvas(), shortcut(fyne.KeyR, primaryMod))
	if got := tw.reread(first); got.Status != storage.StatusReviewed {
		t.Errorf("status %q after Confirm", got.Status)
	}
	if tw.list.pager.count != n-1 {
		t.Errorf("Needs review holds %d, want %d", tw.list.pager.count, n-1)
	}
}

func TestSidebarSelectionFiltersTheList(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	ctx := context.Background()
	speakers, _ := tw.lib.Speakers(ctx, storage.SpeakerFilter{})
	sp := speakers[0]
	row := tw.sidebar.rows[speakerKey(sp.ID)]
	if row == nil {
		t.Fatalf("speaker %q has no sidebar row", sp.Name)
	}
	test.Tap(row)
	if tw.list.pager.count != sp.Count {
		t.Errorf("%s: list shows %d quotes, want %d", sp.Name, tw.list.pager.count, sp.Count)
	}
	if tw.listTitle.Text != sp.Name {
		t.Errorf("list title %q", tw.listTitle.Text)
	}
	docs, _ := tw.lib.Documents(ctx, storage.DocumentsByTitle, 0, 10)
	test.Tap(tw.sidebar.rows[documentKey(docs[0].ID)])
	if tw.list.pager.count != docs[0].Quotes || tw.source.doc.ID != docs[0].ID {
		t.Errorf("document filter: %d quotes shown, source shows %d", tw.list.pager.count, tw.source.doc.ID)
	}
	test.Tap(tw.sidebar.rows[keyAll])
	c, _ := tw.lib.Counts(ctx, 0)
	if tw.list.pager.count != c.Quotes {
		t.Errorf("All quotes shows %d of %d", tw.list.pager.count, c.Quotes)
	}
}

func TestSearchAsYouType(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	shortcutOn(tw.Window.Canvas(), shortcut(fyne.KeyF, primaryMod))
	if tw.Window.Canvas().Focused() != tw.search {
		t.Fatal("Ctrl+F should put the cursor in the search field")
	}
	test.Type(tw.search, "fisherm")
	if tw.list.pager.count != 1 {
		t.Fatalf("search “fisherm” lists %d quotes, want 1", tw.list.pager.count)
	}
	if r, _ := tw.list.pager.row(0); !strings.Contains(r.Text, "fishermen") {
		t.Errorf("found %q", r.Text)
	}
	tw.search.SetText("")
	if tw.list.pager.count < 8 {
		t.Errorf("clearing the search lists %d quotes", tw.list.pager.count)
	}
}

func TestTappingAQuoteInTheTextSelectsIt(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.sortSelect.SetSelectedIndex(int(storage.SortDocumentOrder))
	tw.list.selectIndex(0)
	target := tw.quoteWith("before the final vote")
	y := tw.source.text.offsetY(target.Span.Start + 3)
	if y < 0 {
		t.Fatal("the quote is not laid out in the source text")
	}
	pos := tw.source.text.positionOf(target.Span.Start + 3)
	test.TapAt(tw.source.text, pos)
	if tw.list.current != target.ID || tw.source.current.ID != target.ID {
		t.Errorf("tapping the quote made %d current, want %d", tw.list.current, target.ID)
	}
}

func TestSelectedTextBecomesAQuote(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	tw.list.selectIndex(0)
	text := tw.source.doc.Text
	words := "defended the new harbour plan"
	at := strings.Index(text, words)
	from, to := tw.source.text.positionOf(at+2), tw.source.text.positionOf(at+len(words)-2)
	// As the desktop driver reports a drag: where the pointer is now, and
	// how far it moved since the last event.
	tw.source.text.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to},
		Dragged: fyne.Delta{DX: to.X - from.X, DY: to.Y - from.Y}})
	tw.source.text.DragEnd()
	if !tw.source.addQuote.Visible() {
		t.Fatal("selecting text should offer “Add as quote”")
	}
	if got := text[tw.source.selStart:tw.source.selEnd]; got != words {
		t.Errorf("selection snapped to %q, want %q", got, words)
	}
	before := tw.list.pager.count
	test.Tap(tw.source.addQuote)
	d := tw.speakerDlg
	if d == nil {
		t.Fatal("Add as quote should ask who said it")
	}
	test.Type(d.entry, "Ber")
	test.Tap(d.apply)
	if tw.list.pager.count != before+1 {
		t.Fatalf("list has %d quotes, want %d", tw.list.pager.count, before+1)
	}
	q := tw.quoteWith(words)
	if q.Origin != storage.OriginUser || !strings.Contains(q.Speaker, "Berg") {
		t.Errorf("added quote %+v", q)
	}
	if tw.list.current != q.ID {
		t.Error("the added quote should become current")
	}
}
