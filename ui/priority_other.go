//go:build !linux

package ui

import "time"

// LowerOtherThreads does nothing here: only Linux gives threads their own
// priority (see priority_linux.go).
func LowerOtherThreads(time.Duration) (stop func()) { return func() {} }
