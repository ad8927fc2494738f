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
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"verbatim/core/printing"
	"verbatim/storage"
	"verbatim/ui"
	"verbatim/ui/handover"
)

// updateDelay is how long after the start the app looks for documents an
// older quote engine read.
const updateDelay = 3 * time.Second

// appID matches FyneApp.toml.
const appID = "org.verbatim.Verbatim"

// gcPercent is the app's GOGC: the heap it keeps live is small (about 60 MB
// over 100,000 quotes), and collecting at half again that rather than twice
// keeps the window's memory near what it uses (measured in
// docs/PERFORMANCE.md). A GOGC in the environment still wins.
const gcPercent = 50

// closeLimit is how long closing may take once the window is gone: a
// process stuck there would keep the library locked, and the next launch
// would hand its files to a window that is not there.
const closeLimit = 15 * time.Second

// timingEnv, when set, makes the app say on stderr how long each step of
// its start took (scripts/measure-app.sh reads it); "trace" also measures
// how long the window's thread is ever busy (see timing.go).
const timingEnv = "VERBATIM_TIMING"

func main() {
	timing := newTimeline(time.Now())
	timing.mark("main")
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	files := os.Args[1:]
	dir, lib, err := openLibrary()
	timing.mark("library opened")
	if storage.HasCode(err, storage.CodeLocked) && handover.Send(dir, files, 3*time.Second) == nil {
		return // the running window takes the files
	}
	a := app.NewWithID(appID)
	a.SetIcon(ui.Icon())
	go ui.LoadFonts()
	timing.mark("app made")
	if err != nil {
		fmt.Fprintln(os.Stderr, "verbatim:", err)
		m := ui.NewMainWindow(a, nil, nil)
		m.ShowError(err)
		m.Window.SetMaster()
		m.Window.ShowAndRun()
		return
	}
	defer lib.Close()
	m := ui.NewMainWindow(a, lib, ui.LazyPipeline(lib))
	m.UseSheetDialogs(lib, printing.System{})
	timing.mark("window built")
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
	var stopHeartbeat, stopFrameGaps func()
	var updateLater *time.Timer
	a.Lifecycle().SetOnStarted(func() {
		timing.mark("event loop started")
		stopHeartbeat = timing.heartbeat(20 * time.Millisecond)
		stopFrameGaps = timing.frameGaps()
		// Queued behind the first frames: the window answers from here on.
		fyne.Do(func() { timing.mark("interactive") })
		// On the window's thread, once the driver has made its own lasting
		// allocations and the window is up (it takes a few milliseconds).
		fyne.Do(func() {
			if !keepFreedHeap() {
				fmt.Fprintln(os.Stderr, "verbatim: could not set memory aside for drawing; frames may be slower")
			}
		})
		// Documents read by an older quote engine are read again, in the
		// background, after the files given to open; looking for them
		// reads the whole library, which waits until the window has
		// filled in.
		updateLater = time.AfterFunc(updateDelay, func() { fyne.Do(m.UpdateOutdated) })
	})
	m.OnImportsFinished(func(s ui.ImportSummary) {
		timing.mark(fmt.Sprintf("imports finished (%d documents imported)", s.Imported))
	})
	m.ImportPaths(files)
	m.Window.SetMaster()
	// The window's thread (Fyne locks main to it) wins the processors
	// over an import's workers and other background work.
	defer ui.LowerOtherThreads(time.Second)()
	timing.watchFirstFrame(m.Window)
	// The watch over a stuck close starts as soon as closing does: once
	// Fyne had taken the window down, the process once waited for ever
	// inside ShowAndRun, before the watch had started.
	var watchClose sync.Once
	startCloseWatch := func() { watchClose.Do(func() { time.AfterFunc(closeLimit, closeTookTooLong) }) }
	m.OnClosing(startCloseWatch)
	a.Lifecycle().SetOnStopped(startCloseWatch)
	m.Window.ShowAndRun()
	startCloseWatch()
	if updateLater != nil {
		// Once the event loop has ended, fyne.Do runs its function at once,
		// in the timer's goroutine, beside what follows here.
		updateLater.Stop()
	}
	if stopHeartbeat != nil {
		stopHeartbeat()
		stopFrameGaps()
	}
	m.Close() // before the library closes (deferred above)
}

// closeTookTooLong ends the process when closing is stuck, saying where on
// stderr. Every edit is already stored: each is its own transaction, and
// the library's journal is read back by the next launch.
func closeTookTooLong() {
	stacks := make([]byte, 1<<20)
	stacks = stacks[:runtime.Stack(stacks, true)]
	fmt.Fprintf(os.Stderr, "verbatim: closing took over %v; stopping now (the library is safe). Where it waited:\n%s\n", closeLimit, stacks)
	os.Exit(1)
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
