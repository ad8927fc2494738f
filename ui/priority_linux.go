package ui

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// backgroundNice is the scheduling priority (nice value) of the threads
// that are not the window's: an import's readers and quote finders give
// way to drawing and input when the processors are busy.
const backgroundNice = 10

// LowerOtherThreads lowers the priority of every thread the Go runtime
// started but the calling one, which must be locked to its goroutine
// (Fyne's main goroutine is), now and every interval until stop is called:
// the runtime starts threads as it needs them. Threads that libraries
// written in C started and named are left as they are: the software
// OpenGL's rasterisers ("llvmpipe-0") draw the window's frames. Only Linux
// gives threads their own priority; elsewhere it does nothing.
func LowerOtherThreads(interval time.Duration) (stop func()) {
	self := syscall.Gettid()
	goName := threadName(self)
	done := make(chan struct{})
	lowerThreads(self, goName)
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				lowerThreads(self, goName)
			}
		}
	}()
	return func() { close(done) }
}

// lowerThreads gives backgroundNice to every thread of the process named
// goName (the runtime's threads keep the name of the thread that started
// them, the process's) but keep.
func lowerThreads(keep int, goName string) {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil || tid == keep || threadName(tid) != goName {
			continue
		}
		// Raising a thread's nice value needs no privilege; errors (a
		// thread that just ended) change nothing.
		_ = syscall.Setpriority(syscall.PRIO_PROCESS, tid, backgroundNice)
	}
}

// threadName is the name the kernel keeps for the process's thread tid
// ("" when it has ended).
func threadName(tid int) string {
	b, err := os.ReadFile("/proc/self/task/" + strconv.Itoa(tid) + "/comm")
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(string(b), "\n")
}
