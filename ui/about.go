package ui

import (
	"errors"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"verbatim/core"
	"verbatim/storage"
)

func (m *MainWindow) showAbout() {
	dialog.ShowInformation("About Verbatim",
		"Verbatim "+core.Version+"\nFind who said what in news articles.\n\n"+
			"The sample article is from Wikinews (CC BY 2.5).", m.Window)
}

// shortcutList is the Help menu's list of keyboard shortcuts.
func shortcutList() [][2]string {
	return [][2]string{
		{"Ctrl+O", "Open article files"},
		{"Ctrl+F", "Search quotes"},
		{"J or Alt+Down", "Next quote"},
		{"K or Alt+Up", "Previous quote"},
		{"Ctrl+Click, Shift+Click", "Select several quotes"},
		{"Ctrl+E", "Change speaker"},
		{"Ctrl+R", "Confirm the quote (it leaves Needs review)"},
		{"Delete", "Reject the quote"},
		{"Ctrl+T", "Add the selected quotes to a topic"},
		{"Ctrl+Shift+N", "Write a note on the quote"},
		{"Ctrl+C", "Copy the selected quotes with their citations"},
		{"Ctrl+Z / Ctrl+Y", "Undo / Redo"},
		{"Ctrl+P", "Print a quote sheet"},
		{"Ctrl+Q", "Quit"},
	}
}

func (m *MainWindow) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, s := range shortcutList() {
		grid.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(s[1]))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", grid, m.Window)
}

// comingSoon says a feature is not in this version yet.
func (m *MainWindow) comingSoon(what string) {
	dialog.ShowInformation(what, what+" is coming in the next version of Verbatim.", m.Window)
}

// ShowError tells the researcher about err in a dialog over the window,
// in the library's own words when it has them.
func (m *MainWindow) ShowError(err error) {
	if err == nil {
		return
	}
	var se *storage.Error
	if errors.As(err, &se) {
		err = errors.New(se.Message)
	}
	msg := []rune(err.Error())
	if len(msg) > 0 {
		msg[0] = unicode.ToUpper(msg[0])
	}
	dialog.ShowError(errors.New(string(msg)), m.Window)
}
