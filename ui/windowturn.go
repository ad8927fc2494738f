package ui

import (
	"context"
	"sync/atomic"
	"time"
)

// windowTurn lets the window have the processors for a moment: while it
// shows what changed (a view read in the background, another article),
// an import's workers wait before their next document. Painting an
// article for the first time is the heaviest frame the window draws, and
// with software OpenGL its rasterisers share the processors with the
// import; with the processors to itself, the window ends that frame and
// the steps around it sooner (PERFORMANCE.md 1i). A turn ends when the window releases it or,
// whatever happens, after the time it was taken for, so the import always
// goes on. There is one turn at a time: a release ends it, whoever took
// it. A nil turn never holds anyone.
type windowTurn struct {
	epoch time.Time    // the clock's zero, read monotonically
	until atomic.Int64 // since epoch, when the turn ends; 0: no turn
}

// turnLimit bounds one turn: a view's steps and their frames take
// 100–250 ms while an import runs; a turn never released costs the
// import no more than this.
const turnLimit = 300 * time.Millisecond

// turnPoll is how often a waiting worker looks whether the turn ended.
const turnPoll = 5 * time.Millisecond

func newWindowTurn() *windowTurn { return &windowTurn{epoch: time.Now()} }

// take starts a turn of at most d, or lengthens the one running.
func (t *windowTurn) take(d time.Duration) {
	if t == nil {
		return
	}
	end := int64(time.Since(t.epoch) + d)
	for {
		old := t.until.Load()
		if old >= end || t.until.CompareAndSwap(old, end) {
			return
		}
	}
}

// release ends the turn: the workers go on.
func (t *windowTurn) release() {
	if t != nil {
		t.until.Store(0)
	}
}

// wait returns when no turn runs, or when ctx ends.
func (t *windowTurn) wait(ctx context.Context) {
	if t == nil {
		return
	}
	for {
		left := time.Duration(t.until.Load()) - time.Since(t.epoch)
		if left <= 0 {
			return
		}
		timer := time.NewTimer(min(left, turnPoll))
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
	}
}
