// Command verbatim is Verbatim's desktop application. It only wires the real
// Fyne app to package ui; everything else lives there and in core/storage.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"verbatim/storage"
	"verbatim/ui"
)

// appID matches FyneApp.toml.
const appID = "org.verbatim.Verbatim"

func main() {
	a := app.NewWithID(appID)
	a.SetIcon(ui.Icon())
	m := ui.NewMainWindow(a)
	dir, err := storage.DefaultDir()
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "verbatim:", err)
		m.ShowError(fmt.Errorf("Verbatim could not create its library folder: %w", err))
	}
	m.Window.SetMaster()
	m.Window.ShowAndRun()
}
