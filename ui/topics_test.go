package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"verbatim/storage"
)

// menuItem finds the item whose label starts with label, in submenus too.
func menuItem(t *testing.T, menu *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	var walk func(*fyne.Menu) *fyne.MenuItem
	walk = func(m *fyne.Menu) *fyne.MenuItem {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, label) {
				return it
			}
			if it.ChildMenu != nil {
				if found := walk(it.ChildMenu); found != nil {
					return found
				}
			}
		}
		return nil
	}
	if it := walk(menu); it != nil {
		return it
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// inDialog finds, in the dialog on top of the window, the first object of
// type T that ok accepts.
func inDialog[T fyne.CanvasObject](t *testing.T, w fyne.Window, ok func(T) bool) T {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if v, is := o.(T); is && ok(v) {
			return v
		}
	}
	var zero T
	t.Fatalf("the dialog has no such %T", zero)
	return zero
}

// textField is an entry, plain or with a drop-down.
type textField interface {
	fyne.CanvasObject
	fyne.Focusable
	SetText(string)
}

func anyField(f textField) bool {
	switch f.(type) {
	case *widget.Entry, *widget.SelectEntry, *keyEntry:
		return true
	}
	return false
}

func buttonLabelled(label string) func(*widget.Button) bool {
	return func(b *widget.Button) bool { return b.Text == label }
}

// answer types text into the open dialog's field and presses its button.
func answer(t *testing.T, w fyne.Window, text, button string) {
	t.Helper()
	e := inDialog(t, w, anyField)
	e.SetText("")
	test.Type(e, text)
	test.Tap(inDialog(t, w, buttonLabelled(button)))
}

func topicNamed(t *testing.T, tw *testWindow, name string) storage.Topic {
	t.Helper()
	ts, _ := tw.lib.Topics(context.Background())
	for _, tp := range ts {
		if tp.Name == name {
			return tp
		}
	}
	var names []string
	for _, tp := range ts {
		names = append(names, tp.Name)
	}
	t.Fatalf("no topic %q among %q", name, names)
	return storage.Topic{}
}

func TestTopicLifecycleFromTheSidebar(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	w := tw.Window
	q := tw.selectQuote("bring jobs")
	tw.list.click(tw.list.pager.indexOf(tw.quoteWith("final vote").ID), fyne.KeyModifierControl)

	// Create: the "+" in the sidebar; the selected quotes go into it.
	tw.newTopicDialog()
	answer(t, w, "Harbour jobs", "Create")
	topic := topicNamed(t, tw, "Harbour jobs")
	if topic.Count != 2 || topic.Origin != storage.TopicUser {
		t.Fatalf("new topic %+v, want the two selected quotes", topic)
	}
	row := tw.sidebar.rows[topicKey(topic.ID)]
	if row == nil || row.look.count != 2 {
		t.Fatal("the new topic is not in the sidebar with its count")
	}
	test.Tap(row)
	if tw.list.pager.count != 2 || tw.listTitle.Text != "Harbour jobs" {
		t.Errorf("topic filter lists %d quotes under %q", tw.list.pager.count, tw.listTitle.Text)
	}

	// Rename and recolour through its menu.
	menuItem(t, tw.topicMenu(topic), "Rename").Action()
	answer(t, w, "Jobs", "Rename")
	menuItem(t, tw.topicMenu(topicNamed(t, tw, "Jobs")), "Teal").Action()
	if got := topicNamed(t, tw, "Jobs"); !strings.EqualFold(got.Color, "#26A69A") {
		t.Errorf("colour %s after choosing Teal", got.Color)
	}
	if chips := tw.reread(q.ID).Topics; len(chips) == 0 {
		t.Error("the quote lost its topic")
	}

	// Unassign from the quote's menu; undo brings it back.
	tw.selectQuote("bring jobs")
	jobs := menuItem(t, tw.quoteMenu(tw.reread(q.ID)), "Jobs")
	if jobs.Label != "Jobs — assigned by you" {
		t.Errorf("the quote's menu says %q", jobs.Label)
	}
	menuItem(t, jobs.ChildMenu, "Take off").Action()
	if topicNamed(t, tw, "Jobs").Count != 1 {
		t.Error("removing the topic from one quote should leave one")
	}
	tw.Undo()
	if topicNamed(t, tw, "Jobs").Count != 2 {
		t.Error("undo should give the quote its topic back")
	}

	// Delete: the quotes stay.
	before, _ := tw.lib.Counts(context.Background(), 0)
	menuItem(t, tw.topicMenu(topicNamed(t, tw, "Jobs")), "Delete").Action()
	test.Tap(inDialog(t, w, buttonLabelled("Delete")))
	after, _ := tw.lib.Counts(context.Background(), 0)
	if after.Quotes != before.Quotes || after.Topics != before.Topics-1 {
		t.Errorf("deleting a topic: %+v -> %+v", before, after)
	}
	if tw.selection != keyAll {
		t.Errorf("the deleted topic is still selected (%s)", tw.selection)
	}
}

func TestAssignTopicToSelectionByMenuAndByDrag(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt")
	w := tw.Window
	tw.sortSelect.SetSelectedIndex(int(storage.SortDocumentOrder))
	tw.list.click(0, 0)
	tw.list.click(2, fyne.KeyModifierShift)
	shortcutOn(w.Canvas(), shortcut(fyne.KeyT, primaryMod))
	answer(t, w, "Council", "Add")
	council := topicNamed(t, tw, "Council")
	if council.Count != 3 {
		t.Fatalf("Ctrl+T put %d quotes in the new topic, want 3", council.Count)
	}

	// Drag the next row onto the topic's sidebar row.
	tw.list.click(3, 0)
	target := tw.sidebar.rows[topicKey(council.ID)]
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(target).Add(fyne.NewPos(20, 10))
	r := newQuoteRow(tw.list)
	row, _ := tw.list.pager.row(3)
	r.show(3, row)
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: at}})
	if !target.look.dropping {
		t.Error("the topic under the pointer should be outlined while dragging")
	}
	r.DragEnd()
	if got := topicNamed(t, tw, "Council").Count; got != 4 {
		t.Errorf("after dropping a row on the topic it holds %d quotes, want 4", got)
	}
	if target.look.dropping {
		t.Error("the outline should go when the row is dropped")
	}
}

func TestSuggestedTopicsCanBeAcceptedOrDismissed(t *testing.T) {
	tw := newTestWindow(t)
	tw.trySample()
	tw.wait()
	var suggested []storage.Topic
	for _, tp := range tw.sidebar.topics {
		if tp.Origin == storage.TopicSuggested {
			suggested = append(suggested, tp)
		}
	}
	if len(suggested) < 2 {
		t.Skipf("the sample got %d suggested topics", len(suggested))
	}
	if r := tw.sidebar.rows[topicKey(suggested[0].ID)]; !r.look.italic || !r.look.ring {
		t.Error("a suggested topic should look different (italic, outlined dot) in the sidebar")
	}
	heading, first := sidebarIndex(tw, "Suggested"), -1
	for i, o := range tw.sidebar.box.Objects {
		if o == fyne.CanvasObject(tw.sidebar.rows[topicKey(suggested[0].ID)]) {
			first = i
		}
	}
	if heading < 0 || first < heading {
		t.Errorf("the suggestions should be listed under a heading (heading at %d, first suggestion at %d)", heading, first)
	}
	menuItem(t, tw.topicMenu(suggested[0]), "Accept").Action()
	if got := topicNamed(t, tw, suggested[0].Name); got.Origin != storage.TopicUser {
		t.Errorf("accepted topic is %s", got.Origin)
	}
	menuItem(t, tw.topicMenu(suggested[1]), "Dismiss").Action()
	for _, tp := range tw.sidebar.topics {
		if tp.ID == suggested[1].ID {
			t.Error("the dismissed suggestion is still listed")
		}
	}
}

func TestSpeakersCanBeRenamedAndMerged(t *testing.T) {
	tw := newTestWindow(t)
	tw.importFiles("harbour.txt", "library.txt")
	w := tw.Window
	ctx := context.Background()
	lopez := tw.quoteWith("Families have asked")
	weber := tw.quoteWith("only day I have time")
	if lopez.SpeakerID == 0 || weber.SpeakerID == 0 || lopez.SpeakerID == weber.SpeakerID {
		t.Fatalf("the engine gave the director and the student speakers %d and %d", lopez.SpeakerID, weber.SpeakerID)
	}
	into, err := tw.lib.FindSpeaker(ctx, lopez.Speaker)
	if err != nil {
		t.Fatal(err)
	}
	from, err := tw.lib.FindSpeaker(ctx, weber.Speaker)
	if err != nil {
		t.Fatal(err)
	}
	menuItem(t, tw.speakerMenu(into), "Rename").Action()
	answer(t, w, "Library director", "Rename")
	if got, _ := tw.lib.FindSpeaker(ctx, "Library director"); got.ID != into.ID {
		t.Fatal("rename did not take")
	}

	menuItem(t, tw.speakerMenu(from), "Merge").Action()
	d := tw.speakerDlg
	test.Type(d.entry, "Library")
	for _, it := range d.items {
		if it.newName != "" || it.speaker.ID == from.ID {
			t.Errorf("merging offers %+v", it)
		}
	}
	test.Tap(d.apply)
	merged, err := tw.lib.FindSpeaker(ctx, weber.Speaker) // the old name is now an alias
	if err != nil || merged.ID != into.ID || merged.Count != into.Count+from.Count {
		t.Errorf("after merging, %q is %+v (%v)", weber.Speaker, merged, err)
	}
	if got := tw.reread(weber.ID); got.SpeakerID != into.ID {
		t.Errorf("the student's quote is attributed to %q", got.Speaker)
	}
	if r := tw.sidebar.rows[speakerKey(into.ID)]; r == nil || !strings.Contains(r.look.extra, "alias") {
		t.Error("the merged speaker should show its aliases in the sidebar")
	}
}

// sidebarIndex is the place in the sidebar of the caption starting with
// text (a group's heading), or -1.
func sidebarIndex(tw *testWindow, text string) int {
	for i, o := range tw.sidebar.box.Objects {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 1 {
			continue
		}
		if r, ok := c.Objects[0].(*widget.RichText); ok && strings.HasPrefix(r.String(), text) {
			return i
		}
	}
	return -1
}
