package main

import "testing"

// The C allocator takes the setting that keeps the drawing's freed memory
// for the next frame (on Linux with glibc; elsewhere there is none to take).
func TestKeepFreedHeapIsTaken(t *testing.T) {
	if !keepFreedHeap() {
		t.Error("mallopt refused M_TRIM_THRESHOLD")
	}
}
