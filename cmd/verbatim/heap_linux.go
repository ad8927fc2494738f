//go:build linux && cgo

package main

// #include <malloc.h>
import "C"

// heapKept is how much freed memory the C allocator keeps at the top of
// each of its heaps before it gives memory back to the system.
const heapKept = 32 << 20

// keepFreedHeap stops glibc from giving back, after every frame, the
// memory the software OpenGL driver (llvmpipe) frees: llvmpipe allocates
// a frame's draw calls in blocks of 64 KB and frees them when the frame is
// drawn, and glibc returned the top of its heap each time, so the next
// frame faulted the same pages in again. On this project's test machine a
// page fault costs 16-25 µs: during an import of 1,000 files the window's
// thread took 24,000-26,000 of them, now 18,000, and a frame took 10-11
// ms, now 5.5-6 (docs/PERFORMANCE.md 1f). It reports whether glibc took
// the setting.
func keepFreedHeap() bool { return C.mallopt(C.M_TRIM_THRESHOLD, heapKept) == 1 }
