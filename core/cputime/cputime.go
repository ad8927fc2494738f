// Package cputime reads how much processor time the process, or the
// calling thread, has used: on a busy machine it says how much of a wait
// was the program's own work. Benchmarks and the app's timing trace report
// it beside wall-clock time.
package cputime

import "time"

// Process is the processor time the process has used so far, user and
// system, on all threads; 0 where the platform does not say.
func Process() time.Duration { return process() }

// Thread is the processor time the calling thread has used so far; 0
// where the platform does not say (only Linux does here).
func Thread() time.Duration { return thread() }
