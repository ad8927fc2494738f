package cputime

import (
	"runtime"
	"testing"
	"time"
)

// The calling thread's processor time is part of the process's: work that
// advances the one advances the other at least as much.
func TestThreadTimeIsPartOfProcessTime(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	p0, t0 := Process(), Thread()
	if p0 == 0 || t0 == 0 {
		t.Skip("this platform does not report both times")
	}
	var t1 time.Duration
	for spin := 0; spin < 1e9; spin++ { // stops once the thread has worked 20 ms
		if spin%1e5 == 0 {
			if t1 = Thread(); t1-t0 >= 20*time.Millisecond {
				break
			}
		}
	}
	p1 := Process()
	if t1-t0 < 20*time.Millisecond {
		t.Fatalf("the thread's time grew by %v over a billion steps", t1-t0)
	}
	if p1-p0 < t1-t0 {
		t.Errorf("the process's time grew by %v, less than its thread's %v", p1-p0, t1-t0)
	}
}
