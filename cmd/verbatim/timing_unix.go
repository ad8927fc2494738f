//go:build unix

package main

import (
	"syscall"
	"time"
)

// processorTime is the processor time the process used so far, on all
// threads: on a busy machine it says how much of the wait was the app's.
func processorTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
