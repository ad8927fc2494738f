//go:build !unix

package main

import "time"

// processorTime is not measured here (Windows has no getrusage); the
// timeline then says 0.
func processorTime() time.Duration { return 0 }
