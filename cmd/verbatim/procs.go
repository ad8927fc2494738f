package main

import "runtime"

// schedulerShare is how many of the Go scheduler's processors (GOMAXPROCS)
// the app has for each processor of the machine.
//
// Why more than one: the window's goroutine, which Fyne locks to the
// window's thread, runs Go code only while it holds one of those
// processors, and Go's scheduler has no priorities. While an import's
// readers, quote finders and the collector held them all, the window waited
// for one after each call into the graphics driver: 124–489 ms in an import
// of 1,000 files, up to 69 ms at a stretch (runtime/trace; docs/PERFORMANCE.md
// 1g). With processors to spare it takes a free one at once, and the
// kernel, which knows that the other threads give way to the window's
// (ui.LowerOtherThreads), decides who runs.
const schedulerShare = 2

// shareScheduler gives the Go scheduler schedulerShare processors for each
// of the machine's, unless the GOMAXPROCS environment variable (env) sets
// them, and returns how many processors the machine gives the app: the
// background work is sized on those.
func shareScheduler(env string) (processors int) {
	processors = runtime.GOMAXPROCS(0)
	if env == "" {
		runtime.GOMAXPROCS(processors * schedulerShare)
	}
	return processors
}
