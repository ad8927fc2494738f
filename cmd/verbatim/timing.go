package main

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"verbatim/core/cputime"
)

// timeline writes, when VERBATIM_TIMING is set, how long the app took to
// reach each step of its start, on stderr ("verbatim: timing: window built
// at 412 ms"), counted from the start of main; scripts/measure-app.sh reads
// it. With VERBATIM_TIMING=trace it also measures how long the window's
// thread keeps the event loop waiting (see heartbeat). A nil timeline does
// nothing.
type timeline struct {
	start time.Time
	trace bool
}

func newTimeline(start time.Time) *timeline {
	switch os.Getenv(timingEnv) {
	case "":
		return nil
	case "trace":
		return &timeline{start: start, trace: true}
	}
	return &timeline{start: start}
}

func (t *timeline) mark(step string) {
	if t != nil {
		fmt.Fprintf(os.Stderr, "verbatim: timing: %s at %d ms (processor time %d ms; unix %d ms)\n", step,
			time.Since(t.start).Milliseconds(), cputime.Process().Milliseconds(), time.Now().UnixMilli())
	}
}

// watchFirstFrame tells when the window is first drawn: the content gets a
// one-pixel transparent raster, whose image the driver asks for only when
// it paints.
func (t *timeline) watchFirstFrame(w fyne.Window) {
	if t == nil {
		return
	}
	var once sync.Once
	probe := canvas.NewRaster(func(int, int) image.Image {
		once.Do(func() { t.mark("first frame drawn") })
		img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
		img.Set(0, 0, color.Transparent)
		return img
	})
	w.SetContent(container.NewStack(w.Content(), probe))
}

// heartbeat asks the window's thread, every tick, to note the time; how
// late it does so is how long the window could not answer (drawing,
// handling input and the app's own work all run there). The longest delays
// are written when the app ends. The window's thread only notes the time:
// how long it ran and waited is read from this goroutine, so the
// measurement takes no file reads from the thread it measures (they were a
// twentieth of its time during an import).
func (t *timeline) heartbeat(tick time.Duration) (stop func()) {
	if t == nil || !t.trace {
		return func() {}
	}
	done := make(chan struct{})
	var mu sync.Mutex
	var delays []time.Duration
	go func() {
		var last threadTimes // of the window's thread, at the last answer
		tid := 0
		for {
			select {
			case <-done:
				return
			case <-time.After(tick):
			}
			asked := time.Now()
			answered := make(chan answer, 1)
			fyne.Do(func() {
				answered <- answer{late: time.Since(asked), tid: windowThread()}
			})
			var a answer
			select {
			case a = <-answered:
			case <-done:
				return
			}
			if tid == 0 {
				tid = a.tid
			}
			now := threadTimesOf(tid)
			if a.late > 100*time.Millisecond {
				t.mark(fmt.Sprintf("window thread late by %d ms (since its last answer it ran %d ms and waited for a processor %d ms)",
					a.late.Milliseconds(), (now.ran - last.ran).Milliseconds(), (now.waited - last.waited).Milliseconds()))
			}
			last = now
			mu.Lock()
			delays = append(delays, a.late)
			mu.Unlock()
		}
	}()
	return func() {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		over, top := longest(delays)
		fmt.Fprintf(os.Stderr, "verbatim: timing: heartbeat %d ticks, %d late by over 100 ms, longest %v\n",
			len(delays), over, top)
	}
}

// answer is the window thread's answer to the heartbeat: how late it came,
// and the thread's id (Linux's; 0 elsewhere).
type answer struct {
	late time.Duration
	tid  int
}

// threadTimes is how long a thread has run and waited, runnable, for a
// processor (Linux's schedstat; zero elsewhere): a late answer with a
// long wait is a busy machine, with a long run the app's own work.
type threadTimes struct{ ran, waited time.Duration }

// threadTimesOf reads the times of the process's thread tid.
func threadTimesOf(tid int) threadTimes {
	if tid == 0 {
		return threadTimes{}
	}
	b, err := os.ReadFile("/proc/self/task/" + strconv.Itoa(tid) + "/schedstat")
	if err != nil {
		return threadTimes{}
	}
	var ran, waited int64
	if _, err := fmt.Sscan(string(b), &ran, &waited); err != nil {
		return threadTimes{}
	}
	return threadTimes{time.Duration(ran), time.Duration(waited)}
}

// frameGaps measures what a user feels as a freeze: the event loop reads
// the mouse and keyboard, and draws, only on its frame ticks (60 a
// second), so the longest gap between two ticks is the longest the window
// could not react. An endless animation that changes nothing is ticked by
// the loop right after it reads input; it notes the time. The heartbeat
// (above) is stricter: its question also waits behind frames and behind
// work queued before it. The longest gaps are written when the app ends.
func (t *timeline) frameGaps() (stop func()) {
	if t == nil || !t.trace {
		return func() {}
	}
	var last time.Time
	var gaps []time.Duration
	a := &fyne.Animation{Duration: time.Second, RepeatCount: fyne.AnimationRepeatForever, Tick: func(float32) {
		now := time.Now()
		if !last.IsZero() {
			gap := now.Sub(last)
			gaps = append(gaps, gap)
			if gap > 100*time.Millisecond {
				t.mark(fmt.Sprintf("frame gap of %d ms", gap.Milliseconds()))
			}
		}
		last = now
	}}
	a.Start()
	return func() {
		// The loop has ended: nothing ticks the animation any more.
		over, top := longest(gaps)
		fmt.Fprintf(os.Stderr, "verbatim: timing: frame ticks %d, %d gaps over 100 ms, longest %v\n",
			len(gaps), over, top)
	}
}

// longest sorts ds, longest first, and returns how many are over 100 ms
// and the five longest.
func longest(ds []time.Duration) (over int, top []time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] > ds[j] })
	over = sort.Search(len(ds), func(i int) bool { return ds[i] <= 100*time.Millisecond })
	return over, ds[:min(5, len(ds))]
}
