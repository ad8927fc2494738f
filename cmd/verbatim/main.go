// Command verbatim is Verbatim's desktop application. It only wires the real
// Fyne app to package ui; everything else lives there and in core/storage.
//
// Usage: verbatim [FILE|FOLDER...] imports the files, as a file manager's
// "Open with Verbatim" does. When Verbatim is already running on the same
// library, the files are handed to that window instead.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"verbatim/core/printing"
	"verbatim/storage"
	"verbatim/ui"
	"verbatim/ui/handover"
)

// appID matches FyneApp.toml.
const appID = "org.verbatim.Verbatim"

// timingEnv, when set, makes the app say on stderr how long it took to
// become interactive (scripts/measure-app.sh reads it).
const timingEnv = "VERBATIM_TIMING"

func main() {
	start := time.Now()
	files := os.Args[1:]
	dir, lib, err := openLibrary()
	if storage.HasCode(err, storage.CodeLocked) && handover.Send(dir, files, 3*time.Second) == nil {
		return // the running window takes the files
	}
	a := app.NewWithID(appID)
	a.SetIcon(ui.Icon())
	if err != nil {
		fmt.Fprintln(os.Stderr, "verbatim:", err)
		m := ui.NewMainWindow(a, nil, nil)
		m.ShowError(err)
		m.Window.SetMaster()
		m.Window.ShowAndRun()
		return
	}
	defer lib.Close()
	m := ui.NewMainWindow(a, lib, ui.Pipeline{Store: lib, Engine: ui.NewEngine()})
	m.UseSheetDialogs(lib, printing.System{})
	if srv, err := handover.Listen(dir, func(paths []string) {
		fyne.Do(func() {
			m.Window.RequestFocus()
			m.ImportPaths(paths)
		})
	}); err == nil {
		defer srv.Close()
	} else {
		fmt.Fprintln(os.Stderr, "verbatim: later launches will not find this window:", err)
	}
	timing := os.Getenv(timingEnv) != ""
	a.Lifecycle().SetOnStarted(func() {
		// Queued behind the first frames: the window answers from here on.
		fyne.Do(func() {
			if timing {
				fmt.Fprintf(os.Stderr, "verbatim: interactive after %d ms\n", time.Since(start).Milliseconds())
			}
			// Documents read by an older quote engine are read again, in
			// the background, after the files given to open.
			m.UpdateOutdated()
		})
	})
	m.ImportPaths(files)
	m.Window.SetMaster()
	m.Window.ShowAndRun()
	m.Close() // before the library closes (deferred above)
}

// openLibrary opens the library in its folder (made when missing).
func openLibrary() (string, *storage.Library, error) {
	dir, err := storage.DefaultDir()
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return dir, nil, fmt.Errorf("Verbatim could not create its library folder: %w", err)
	}
	lib, err := storage.Open(context.Background(), dir)
	return dir, lib, err
}
