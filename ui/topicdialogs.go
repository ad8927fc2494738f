package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"verbatim/storage"
)

// colourNames name the topic palette in menus.
func colourNames() []string {
	return []string{"Indigo", "Pink", "Brown", "Teal", "Purple", "Green",
		"Blue", "Red", "Cyan", "Violet", "Light green", "Blue grey"}
}

// newTopicDialog asks for a topic's name and makes it; the selected quotes
// go into it.
func (m *MainWindow) newTopicDialog() {
	if m.lib == nil {
		return
	}
	name := newKeyEntry()
	name.SetPlaceHolder("For example: Sanctions")
	ids := m.list.selectedIDs()
	items := []*widget.FormItem{widget.NewFormItem("Name", name)}
	if len(ids) > 0 {
		items[0].HintText = "The " + plural(len(ids), "selected quote goes", "selected quotes go") + " into it."
	}
	d := dialog.NewForm("New topic", "Create", "Cancel", items, func(ok bool) {
		if ok {
			m.createTopic(strings.TrimSpace(name.Text), ids)
		}
	}, m.Window)
	name.Validator = nonEmpty("Give the topic a name.")
	name.onKey = escapeCloses(d)
	d.Resize(fyne.NewSize(420, 10))
	d.Show()
	m.Window.Canvas().Focus(name)
}

// createTopic makes a topic (or finds it) and puts quotes in it.
func (m *MainWindow) createTopic(name string, ids []int64) {
	edit, ok := m.do(storage.CreateTopic{Name: name})
	if !ok {
		return
	}
	id := edit.Target
	if id == 0 {
		t, err := m.findTopicID(name)
		if err != nil {
			m.ShowError(err)
			return
		}
		id = t
	}
	if len(ids) > 0 {
		m.do(storage.AssignTopic{TopicID: id, QuoteIDs: ids})
	}
}

// assignTopicDialog puts the selected quotes into a topic chosen by name,
// made when it does not exist yet.
func (m *MainWindow) assignTopicDialog() {
	ids := m.list.selectedIDs()
	if m.lib == nil || len(ids) == 0 {
		return
	}
	var names []string
	for _, t := range m.sidebar.topics {
		names = append(names, t.Name)
	}
	choice := widget.NewSelectEntry(names)
	choice.SetPlaceHolder("Choose or type a topic")
	choice.Validator = nonEmpty("Choose a topic or type a new one.")
	d := dialog.NewForm(countLabel("Add quote to topic", "Add %d quotes to topic", len(ids)), "Add", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Topic", choice)}, func(ok bool) {
			if ok {
				m.assignTo(strings.TrimSpace(choice.Text), ids)
			}
		}, m.Window)
	d.Resize(fyne.NewSize(420, 10))
	d.Show()
	m.Window.Canvas().Focus(choice)
}

func (m *MainWindow) assignTo(name string, ids []int64) {
	for _, t := range m.sidebar.topics {
		if strings.EqualFold(t.Name, name) {
			m.do(storage.AssignTopic{TopicID: t.ID, QuoteIDs: ids})
			return
		}
	}
	m.createTopic(name, ids)
}

// showTopicMenu shows a topic's right-click menu in the sidebar.
func (m *MainWindow) showTopicMenu(t storage.Topic, at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(m.topicMenu(t), m.Window.Canvas(), at)
}

// topicMenu is what can be done to a topic.
func (m *MainWindow) topicMenu(t storage.Topic) *fyne.Menu {
	var items []*fyne.MenuItem
	if t.Origin == storage.TopicSuggested {
		items = append(items,
			fyne.NewMenuItem("Accept suggestion", func() { m.do(storage.AcceptTopic{TopicID: t.ID}) }),
			fyne.NewMenuItem("Dismiss suggestion", func() { m.do(storage.DeleteTopic{TopicID: t.ID}) }),
			fyne.NewMenuItemSeparator())
	}
	colour := fyne.NewMenuItem("Colour", nil)
	for i, hex := range topicPalette() {
		hex := hex
		it := fyne.NewMenuItem(colourNames()[i], func() { m.do(storage.RecolourTopic{TopicID: t.ID, Color: hex}) })
		it.Checked = strings.EqualFold(hex, t.Color)
		colour.ChildMenu = appendItem(colour.ChildMenu, it)
	}
	items = append(items,
		fyne.NewMenuItem("Rename…", func() { m.renameTopicDialog(t) }),
		colour,
	)
	if t.Origin == storage.TopicUser {
		items = append(items, fyne.NewMenuItem("Keyword rules…", func() { m.keywordRulesDialog(t) }))
	}
	if merge := m.topicSubmenu("Merge into", t, func(into storage.Topic) {
		m.do(storage.MergeTopics{Into: into.ID, From: t.ID})
	}); merge != nil {
		items = append(items, merge)
	}
	if t.ParentID != 0 {
		items = append(items, fyne.NewMenuItem("Move to the top level", func() {
			m.do(storage.NestTopic{TopicID: t.ID})
		}))
	} else if nest := m.topicSubmenu("Put under", t, func(parent storage.Topic) {
		m.do(storage.NestTopic{TopicID: t.ID, ParentID: parent.ID})
	}); nest != nil && !m.hasSubtopics(t.ID) {
		items = append(items, nest)
	}
	if ids := m.list.selectedIDs(); len(ids) > 0 {
		items = append(items, fyne.NewMenuItem(countLabel("Add selected quote", "Add %d selected quotes", len(ids)), func() {
			m.do(storage.AssignTopic{TopicID: t.ID, QuoteIDs: ids})
		}))
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Delete topic…", func() { m.deleteTopicDialog(t) }))
	return fyne.NewMenu("", items...)
}

// hasSubtopics reports whether topics are nested under id (topics nest one
// level deep, so such a topic cannot go under another).
func (m *MainWindow) hasSubtopics(id int64) bool {
	for _, t := range m.sidebar.topics {
		if t.ParentID == id {
			return true
		}
	}
	return false
}

// topicSubmenu lists the other top-level user topics under label.
func (m *MainWindow) topicSubmenu(label string, except storage.Topic, pick func(storage.Topic)) *fyne.MenuItem {
	item := fyne.NewMenuItem(label, nil)
	for _, t := range m.sidebar.topics {
		if t.ID == except.ID || t.Origin != storage.TopicUser || t.ParentID != 0 {
			continue
		}
		t := t
		item.ChildMenu = appendItem(item.ChildMenu, fyne.NewMenuItem(t.Name, func() { pick(t) }))
	}
	if item.ChildMenu == nil {
		return nil
	}
	return item
}

func (m *MainWindow) renameTopicDialog(t storage.Topic) {
	m.askName("Rename topic", t.Name, "Give the topic a name.", func(name string) {
		m.do(storage.RenameTopic{TopicID: t.ID, Name: name})
	})
}

func (m *MainWindow) deleteTopicDialog(t storage.Topic) {
	msg := fmt.Sprintf("Delete the topic “%s”? Its %s stay in your library; you can undo this.", t.Name,
		plural(t.Count, "quote", "quotes"))
	d := dialog.NewConfirm("Delete topic", msg, func(ok bool) {
		if ok {
			if m.selection == topicKey(t.ID) {
				m.selection = keyAll
				m.sidebar.setSelected(keyAll)
			}
			m.do(storage.DeleteTopic{TopicID: t.ID})
		}
	}, m.Window)
	d.SetConfirmText("Delete")
	d.Show()
}

// showSpeakerMenu shows a speaker's right-click menu in the sidebar.
func (m *MainWindow) showSpeakerMenu(s storage.Speaker, at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(m.speakerMenu(s), m.Window.Canvas(), at)
}

// speakerMenu is what can be done to a speaker.
func (m *MainWindow) speakerMenu(s storage.Speaker) *fyne.Menu {
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Rename…", func() {
			m.askName("Rename speaker", s.Name, "Give the speaker a name.", func(name string) {
				m.do(storage.RenameSpeaker{SpeakerID: s.ID, Name: name})
			})
		}),
		fyne.NewMenuItem("Merge into another speaker…", func() { m.mergeSpeakerDialog(s) }),
	}
	if len(s.Aliases) > 0 {
		aliases := fyne.NewMenuItem("Also called", nil)
		for _, a := range s.Aliases {
			a := a
			aliases.ChildMenu = appendItem(aliases.ChildMenu, fyne.NewMenuItem(a+" (remove)", func() {
				m.do(storage.RemoveAlias{SpeakerID: s.ID, Alias: a})
			}))
		}
		items = append(items, aliases)
	}
	return fyne.NewMenu("", items...)
}

// mergeSpeakerDialog folds speaker from into one chosen from the library.
func (m *MainWindow) mergeSpeakerDialog(from storage.Speaker) {
	d := m.newSpeakerDialog(0)
	d.sameAll.Hide()
	d.fieldLabel = "Merge into"
	d.noNew, d.except, d.alike = true, from.ID, from.Name
	d.onChoose = func(s suggestion, _ bool) {
		if s.speaker.ID != 0 {
			m.do(storage.MergeSpeakers{Into: s.speaker.ID, From: from.ID})
		}
	}
	d.show("Merge speakers", "Merge", []fyne.CanvasObject{captionLabel(fmt.Sprintf(
		"Merge “%s” (%s) into another speaker. “%s” becomes one of that speaker’s other names.",
		from.Name, plural(from.Count, "quote", "quotes"), from.Name))})
}

// askName asks for a name, starting from old.
func (m *MainWindow) askName(title, old, empty string, done func(string)) {
	name := newKeyEntry()
	name.SetText(old)
	name.Validator = nonEmpty(empty)
	d := dialog.NewForm(title, "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", name)}, func(ok bool) {
		if ok && strings.TrimSpace(name.Text) != old {
			done(strings.TrimSpace(name.Text))
		}
	}, m.Window)
	name.onKey = escapeCloses(d)
	d.Resize(fyne.NewSize(420, 10))
	d.Show()
	m.Window.Canvas().Focus(name)
}

// escapeCloses is a text field's key handler that closes d on Escape, as
// Cancel would.
func escapeCloses(d dialog.Dialog) func(fyne.KeyName) bool {
	return func(k fyne.KeyName) bool {
		if k == fyne.KeyEscape {
			d.Hide()
			return true
		}
		return false
	}
}

func nonEmpty(message string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s", message)
		}
		return nil
	}
}

// findTopicID finds a topic's id by name.
func (m *MainWindow) findTopicID(name string) (int64, error) {
	for _, t := range m.sidebar.topics {
		if strings.EqualFold(t.Name, name) {
			return t.ID, nil
		}
	}
	if ts, err := m.lib.Topics(context.Background()); err == nil {
		for _, t := range ts {
			if strings.EqualFold(t.Name, name) {
				return t.ID, nil
			}
		}
	}
	return 0, &storage.Error{Code: storage.CodeNotFound, Message: fmt.Sprintf("There is no topic called “%s”.", name)}
}
