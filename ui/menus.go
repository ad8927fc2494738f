package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Keyboard shortcuts (Ctrl on Linux and Windows, Cmd on macOS).
func shortcut(key fyne.KeyName, mods fyne.KeyModifier) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: mods}
}

const primaryMod = fyne.KeyModifierShortcutDefault

func (m *MainWindow) mainMenu() *fyne.MainMenu {
	item := func(label string, action func(), sc fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	quit := item("Quit", m.Quit, shortcut(fyne.KeyQ, primaryMod))
	quit.IsQuit = true
	// Fyne turns Ctrl+Z, Ctrl+Y and Ctrl+C into its standard shortcuts and
	// gives them to the menu before the focused widget: a text field with
	// the focus gets them back through unlessTyping.
	m.undoItem = item("Undo", m.unlessTyping(&fyne.ShortcutUndo{}, m.Undo), &fyne.ShortcutUndo{})
	m.redoItem = item("Redo", m.unlessTyping(&fyne.ShortcutRedo{}, m.Redo), &fyne.ShortcutRedo{})
	sample := item("Try a sample article", m.trySample, nil)
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("Open…", m.openFilesDialog, shortcut(fyne.KeyO, primaryMod)),
			item("Import folder…", m.importFolderDialog, nil),
			sample,
			fyne.NewMenuItemSeparator(),
			item("Print quote sheet…", m.printSheet, shortcut(fyne.KeyP, primaryMod)),
			item("Export…", m.exportQuotes, nil),
			fyne.NewMenuItemSeparator(),
			quit),
		fyne.NewMenu("Edit",
			m.undoItem, m.redoItem,
			fyne.NewMenuItemSeparator(),
			item("Copy with citation", m.unlessTyping(&fyne.ShortcutCopy{}, m.copySelected), &fyne.ShortcutCopy{}),
			item("Change speaker…", m.changeSpeakerDialog, shortcut(fyne.KeyE, primaryMod)),
			item("Confirm quote", m.markReviewed, shortcut(fyne.KeyR, primaryMod)),
			item("Reject quote", m.rejectOrRestore, &desktop.CustomShortcut{KeyName: fyne.KeyDelete}),
			item("Note on quote…", m.quoteNoteDialog, shortcut(fyne.KeyN, primaryMod|fyne.KeyModifierShift)),
			item("Add to topic…", m.assignTopicDialog, shortcut(fyne.KeyT, primaryMod)),
			item("New topic…", m.newTopicDialog, nil),
			fyne.NewMenuItemSeparator(),
			item("Find…", m.focusSearch, shortcut(fyne.KeyF, primaryMod))),
		fyne.NewMenu("View",
			item("Next quote", func() { m.list.move(1) }, shortcut(fyne.KeyDown, fyne.KeyModifierAlt)),
			item("Previous quote", func() { m.list.move(-1) }, shortcut(fyne.KeyUp, fyne.KeyModifierAlt)),
			fyne.NewMenuItemSeparator(),
			item("All quotes", func() { m.sidebar.selectKey(keyAll) }, nil),
			item("Needs review", func() { m.sidebar.selectKey(keyReview) }, nil)),
		fyne.NewMenu("Help",
			item("Keyboard shortcuts", m.showShortcuts, nil),
			item("About Verbatim", m.showAbout, nil)),
	)
}

// addShortcuts binds the menus' shortcuts on the window, and J/K (like
// Alt+Down/Up) for the next and previous quote when no field has focus.
func (m *MainWindow) addShortcuts() {
	c := m.Window.Canvas()
	bind := func(sc fyne.Shortcut, action func()) { c.AddShortcut(sc, func(fyne.Shortcut) { action() }) }
	bind(shortcut(fyne.KeyQ, primaryMod), m.Quit)
	bind(shortcut(fyne.KeyO, primaryMod), m.openFilesDialog)
	bind(shortcut(fyne.KeyP, primaryMod), m.printSheet)
	bind(&fyne.ShortcutUndo{}, m.Undo)
	bind(&fyne.ShortcutRedo{}, m.Redo)
	bind(shortcut(fyne.KeyZ, primaryMod|fyne.KeyModifierShift), m.Redo)
	bind(shortcut(fyne.KeyE, primaryMod), m.changeSpeakerDialog)
	bind(shortcut(fyne.KeyR, primaryMod), m.markReviewed)
	bind(shortcut(fyne.KeyT, primaryMod), m.assignTopicDialog)
	bind(shortcut(fyne.KeyN, primaryMod|fyne.KeyModifierShift), m.quoteNoteDialog)
	bind(shortcut(fyne.KeyF, primaryMod), m.focusSearch)
	bind(&fyne.ShortcutCopy{}, m.copySelected)
	bind(shortcut(fyne.KeyDown, fyne.KeyModifierAlt), func() { m.list.move(1) })
	bind(shortcut(fyne.KeyUp, fyne.KeyModifierAlt), func() { m.list.move(-1) })
	c.SetOnTypedRune(func(r rune) {
		switch r {
		case 'j', 'J':
			m.list.move(1)
		case 'k', 'K':
			m.list.move(-1)
		}
	})
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyDelete:
			m.rejectOrRestore()
		case fyne.KeyEscape:
			if !m.cancelDialog() {
				m.search.SetText("")
			}
		}
	})
}

// cancelDialog closes the dialog on top, if one is open, by its Cancel
// (or No, or Close) button, so that it closes as that button does.
// Dialogs whose text field has the focus get Escape there instead.
func (m *MainWindow) cancelDialog() bool {
	top := m.Window.Canvas().Overlays().Top()
	if top == nil || !top.Visible() {
		return false
	}
	var cancel *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if cancel != nil || o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			switch w.Text {
			case "Cancel", "No", "Close":
				if !w.Disabled() && w.OnTapped != nil {
					cancel = w
				}
			}
		case *widget.PopUp: // a dialog's window
			walk(w.Content)
		case *fyne.Container: // its layout, content and button row
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(top)
	if cancel == nil {
		return false
	}
	cancel.OnTapped()
	return true
}

// unlessTyping runs action, or, when a text field has the focus, gives it sc
// instead: Ctrl+Z in the search field undoes typing, not a library edit.
func (m *MainWindow) unlessTyping(sc fyne.Shortcut, action func()) func() {
	return func() {
		if _, typing := m.Window.Canvas().Focused().(*widget.Entry); typing {
			if c, ok := sc.(*fyne.ShortcutCopy); ok {
				c.Clipboard = m.app.Clipboard()
			}
			m.Window.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(sc)
			return
		}
		action()
	}
}

func (m *MainWindow) focusSearch() { m.Window.Canvas().Focus(m.search) }

// Quit saves the layout and ends the application.
func (m *MainWindow) Quit() {
	m.closing()
	m.app.Quit()
}
