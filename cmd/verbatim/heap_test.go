package main

import (
	"runtime"
	"testing"
)

// The window thread's heap keeps freed blocks under a fence: a frame's
// worth of llvmpipe's blocks, allocated and freed again and again, comes
// from memory the heap already has (on Linux with glibc; elsewhere the
// allocator keeps memory on its own terms).
func TestFreedHeapIsKeptForTheNextFrame(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("glibc's heap")
	}
	runtime.LockOSThread() // one thread, one heap
	defer runtime.UnlockOSThread()
	if !keepFreedHeap() {
		t.Fatal("the kept blocks did not end up under the fence")
	}
	const frame = 150 // draw calls, a 64 KB block each
	for i := range 5 {
		if grew := frameGrowsHeap(frame); grew != 0 {
			t.Errorf("frame %d grew the heap by %d bytes; want it drawn in the kept memory", i, grew)
		}
	}
}
