//go:build unix

// Command fyne-hello is the smallest Fyne window, timed as cmd/verbatim
// times its start (VERBATIM_TIMING=1): the part of Verbatim's start that is
// Fyne's and the graphics driver's own. See docs/PERFORMANCE.md. It reads
// the processor time as Unix gives it, so it is built there only.
package main

import (
	"fmt"
	"image"
	"os"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	start := time.Now()
	mark := func(step string) {
		var u syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
		fmt.Fprintf(os.Stderr, "fyne-hello: timing: %s at %d ms (processor time %d ms; unix %d ms)\n", step,
			time.Since(start).Milliseconds(), (u.Utime.Nano()+u.Stime.Nano())/1e6, time.Now().UnixMilli())
	}
	mark("main")
	a := app.New()
	w := a.NewWindow("Verbatim") // the title the measuring scripts look for
	var once sync.Once
	probe := canvas.NewRaster(func(int, int) image.Image { // asked for when painted
		once.Do(func() { mark("first frame drawn") })
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	w.SetContent(container.NewStack(widget.NewLabel("Hello"), probe))
	w.Resize(fyne.NewSize(1280, 800))
	mark("window built")
	w.ShowAndRun()
}
