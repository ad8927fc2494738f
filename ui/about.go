package ui

import (
	"fyne.io/fyne/v2/dialog"

	"verbatim/core"
)

func (m *MainWindow) showAbout() {
	dialog.ShowInformation("About Verbatim",
		"Verbatim "+core.Version+"\nFind who said what in news articles.", m.Window)
}

// ShowError tells the user about err in a dialog over the main window.
func (m *MainWindow) ShowError(err error) { dialog.ShowError(err, m.Window) }
