package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"verbatim/storage"
)

// do applies one edit, then shows the library as it is now.
func (m *MainWindow) do(cmd storage.Command) (storage.Edit, bool) {
	if m.lib == nil {
		return storage.Edit{}, false
	}
	edit, err := m.lib.Do(context.Background(), cmd)
	if err != nil {
		m.ShowError(err)
		return edit, false
	}
	m.refresh()
	if edit.ID != 0 {
		m.updateStatus("Saved: " + edit.Summary)
	}
	return edit, true
}

// Undo takes back the newest edit.
func (m *MainWindow) Undo() { m.step(Library.Undo, storage.CodeNothingToUndo, "Undone: ") }

// Redo brings back the edit undone last.
func (m *MainWindow) Redo() { m.step(Library.Redo, storage.CodeNothingToRedo, "Redone: ") }

// step moves through the journal and says what it did; nothing to take
// back (or bring back) is not worth a message.
func (m *MainWindow) step(move func(Library, context.Context) (storage.Edit, error), nothing storage.Code, said string) {
	if m.lib == nil {
		return
	}
	edit, err := move(m.lib, context.Background())
	if err != nil {
		if !storage.HasCode(err, nothing) {
			m.ShowError(err)
		}
		return
	}
	m.refresh()
	m.updateStatus(said + edit.Summary)
}

// updateUndo enables Undo and Redo when there is something to take back or
// bring back, and names it in the Edit menu.
func (m *MainWindow) updateUndo() {
	var undo, redo *storage.Edit
	if m.lib != nil {
		undo, redo, _ = m.lib.UndoRedo(context.Background())
	}
	m.showUndo(undo, redo)
}

// showUndo shows undo and redo (nil: nothing) as updateUndo does.
func (m *MainWindow) showUndo(undo, redo *storage.Edit) {
	setEnabled(m.undo, undo != nil)
	setEnabled(m.redo, redo != nil)
	m.undoItem.Label, m.undoItem.Disabled = "Undo", undo == nil
	if undo != nil {
		m.undoItem.Label = "Undo: " + undo.Summary
	}
	m.redoItem.Label, m.redoItem.Disabled = "Redo", redo == nil
	if redo != nil {
		m.redoItem.Label = "Redo: " + redo.Summary
	}
	if menu := m.Window.MainMenu(); menu != nil {
		menu.Refresh()
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// markReviewed confirms the selected quotes: they leave Needs review.
func (m *MainWindow) markReviewed() {
	ids := m.list.selectedIDs()
	if len(ids) == 0 {
		return
	}
	next := m.list.currentAt
	if _, ok := m.do(storage.MarkReviewed{QuoteIDs: ids}); ok && m.selection == keyReview {
		m.list.selectIndex(min(next, m.list.pager.count-1)) // on to the next quote to review
	}
}

// rejectOrRestore rejects the current quote (or restores a rejected one).
func (m *MainWindow) rejectOrRestore() {
	row, ok := m.currentQuote()
	if !ok {
		return
	}
	next := m.list.currentAt
	var cmd storage.Command = storage.RejectQuote{QuoteID: row.ID}
	if row.Status == storage.StatusRejected {
		cmd = storage.RestoreQuote{QuoteID: row.ID}
	}
	if _, ok := m.do(cmd); ok && next >= 0 && m.list.currentAt < 0 {
		m.list.selectIndex(min(next, m.list.pager.count-1))
	}
}

// currentQuote is the quote shown in the source pane, fresh from the library.
func (m *MainWindow) currentQuote() (storage.QuoteRow, bool) {
	if m.lib == nil || m.list.current == 0 {
		return storage.QuoteRow{}, false
	}
	row, err := m.lib.Quote(context.Background(), m.list.current)
	return row, err == nil
}

// quotesDropped assigns the dragged quotes to the topic they were let go on.
func (m *MainWindow) quotesDropped(ids []int64, at fyne.Position) {
	m.sidebar.showDropTarget(at, false)
	if t, ok := m.sidebar.topicAt(at); ok && len(ids) > 0 {
		m.do(storage.AssignTopic{TopicID: t.ID, QuoteIDs: ids})
	}
}

// showQuoteMenu shows the quote list's right-click menu.
func (m *MainWindow) showQuoteMenu(row storage.QuoteRow, at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(m.quoteMenu(row), m.Window.Canvas(), at)
}

// quoteMenu is what can be done to the selected quotes.
func (m *MainWindow) quoteMenu(row storage.QuoteRow) *fyne.Menu {
	ids := m.list.selectedIDs()
	n := len(ids)
	reject := fyne.NewMenuItem("Reject quote", m.rejectOrRestore)
	if row.Status == storage.StatusRejected {
		reject.Label = "Restore quote"
	}
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Change speaker…", m.changeSpeakerDialog),
		fyne.NewMenuItem(countLabel("Confirm quote", "Confirm %d quotes", n), m.markReviewed),
		reject,
		fyne.NewMenuItem(map[bool]string{true: "Edit note…", false: "Add note…"}[row.Note != ""], m.quoteNoteDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(countLabel("Add to topic…", "Add %d quotes to topic…", n), m.assignTopicDialog),
	}
	if len(row.Topics) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
		for _, c := range row.Topics {
			items = append(items, m.topicChipItem(c, ids))
		}
	}
	return fyne.NewMenu("", items...)
}

// topicChipItem names a topic of the quote with why the quote has it, and
// offers to take it off the selected quotes or, when a rule or a suggestion
// put it there, to make it the researcher's own.
func (m *MainWindow) topicChipItem(c storage.TopicChip, ids []int64) *fyne.MenuItem {
	it := fyne.NewMenuItem(c.Name+" — "+chipReason(c), nil)
	it.ChildMenu = fyne.NewMenu("", fyne.NewMenuItem(countLabel("Take off this quote", "Take off the %d selected quotes", len(ids)), func() {
		m.do(storage.UnassignTopic{TopicID: c.TopicID, QuoteIDs: ids})
	}))
	if c.LinkOrigin != storage.LinkUser {
		it.ChildMenu.Items = append(it.ChildMenu.Items, fyne.NewMenuItem("Keep it (as if assigned by you)", func() {
			m.do(storage.AssignTopic{TopicID: c.TopicID, QuoteIDs: ids})
		}))
	}
	return it
}

func appendItem(menu *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if menu == nil {
		return fyne.NewMenu("", it)
	}
	menu.Items = append(menu.Items, it)
	return menu
}

func countLabel(one, many string, n int) string {
	if n > 1 {
		return fmt.Sprintf(many, n)
	}
	return one
}
