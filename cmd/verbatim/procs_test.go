package main

import (
	"runtime"
	"testing"
)

func TestSchedulerHasProcessorsToSpare(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)

	if got := shareScheduler(""); got != before {
		t.Fatalf("processors = %d, want the machine's %d", got, before)
	}
	if got := runtime.GOMAXPROCS(0); got != before*schedulerShare {
		t.Errorf("GOMAXPROCS = %d after sharing, want %d", got, before*schedulerShare)
	}

	runtime.GOMAXPROCS(before)
	if got := shareScheduler("3"); got != before {
		t.Fatalf("processors = %d with GOMAXPROCS set, want %d", got, before)
	}
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("GOMAXPROCS = %d, want %d: a GOMAXPROCS in the environment is the user's", got, before)
	}
}
