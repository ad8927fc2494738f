//go:build !unix

package cputime

import "time"

// process is not measured here (Windows has no getrusage).
func process() time.Duration { return 0 }
