// Command verbatim is Verbatim's desktop application. It only wires the real
// Fyne app to package ui; everything else lives there and in core/storage.
//
// Usage: verbatim [FILE|FOLDER...] imports the files (as a file manager's
// "Open with Verbatim" does).
package main

import (
	"context"
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
	lib, err := openLibrary()
	var m *ui.MainWindow
	if err != nil {
		fmt.Fprintln(os.Stderr, "verbatim:", err)
		m = ui.NewMainWindow(a, nil, nil)
		m.ShowError(err)
	} else {
		defer lib.Close()
		m = ui.NewMainWindow(a, lib, ui.Pipeline{Store: lib, Engine: ui.NewEngine()})
		m.ImportPaths(os.Args[1:])
	}
	m.Window.SetMaster()
	m.Window.ShowAndRun()
}

func openLibrary() (*storage.Library, error) {
	dir, err := storage.DefaultDir()
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return nil, fmt.Errorf("Verbatim could not create its library folder: %w", err)
	}
	return storage.Open(context.Background(), dir)
}
