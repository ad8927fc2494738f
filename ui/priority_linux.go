package ui

import (
	"os"
	"strconv"
	"syscall"
	"time"
)

// backgroundNice is the scheduling priority (nice value) of the threads
// that are not the window's: an import's readers and quote finders give
// way to drawing and input when the processors are busy.
const backgroundNice = 10

// LowerOtherThreads lowers the priority of every thread of the process but
// the calling one, which must be locked to its goroutine (Fyne's main
// goroutine is), now and every interval until stop is called: the Go
// runtime starts threads as it needs them. Only Linux gives threads their
// own priority; elsewhere it does nothing.
func LowerOtherThreads(interval time.Duration) (stop func()) {
	self := syscall.Gettid()
	done := make(chan struct{})
	lowerThreads(self)
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				lowerThreads(self)
			}
		}
	}()
	return func() { close(done) }
}

// lowerThreads gives every thread of the process but keep backgroundNice.
func lowerThreads(keep int) {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil || tid == keep {
			continue
		}
		// Raising a thread's nice value needs no privilege; errors (a
		// thread that just ended) change nothing.
		_ = syscall.Setpriority(syscall.PRIO_PROCESS, tid, backgroundNice)
	}
}
