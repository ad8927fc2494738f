//go:build linux && cgo

package main

/*
#include <stdint.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

// reserve_heap puts n free blocks of the given size low in the calling
// thread's heap, under a block that is never freed: glibc gives back only
// the free memory at the top of a heap, so what is freed below stays the
// heap's own. It returns the free bytes of the heap, or 0 when the blocks
// did not end up under the fence.
static size_t reserve_heap(size_t n, size_t block, size_t fence) {
#ifndef __GLIBC__
	return n * block; // another allocator (musl) keeps memory on its own terms
#else
	void **blocks = malloc(n * sizeof(void *));
	if (blocks == NULL) return 0;
	uintptr_t highest = 0;
	size_t got = 0;
	for (; got < n; got++) {
		blocks[got] = malloc(block);
		if (blocks[got] == NULL) break;
		if ((uintptr_t)blocks[got] > highest) highest = (uintptr_t)blocks[got];
	}
	void *top = malloc(fence); // never freed
	for (size_t i = 0; i < got; i++) free(blocks[i]);
	free(blocks);
	if (top == NULL || (uintptr_t)top < highest) return 0;
	return mallinfo2().fordblks;
#endif
}

// churn allocates n blocks and frees them, as a frame of llvmpipe does,
// and returns by how much the heaps grew meanwhile.
static long churn(size_t n, size_t block) {
#ifndef __GLIBC__
	return 0;
#else
	size_t before = mallinfo2().arena;
	void **blocks = malloc(n * sizeof(void *));
	if (blocks == NULL) return -1;
	for (size_t i = 0; i < n; i++) blocks[i] = malloc(block);
	long grew = (long)mallinfo2().arena - (long)before;
	for (size_t i = 0; i < n; i++) free(blocks[i]);
	free(blocks);
	return grew;
#endif
}
*/
import "C"

// The window thread's heap keeps heapKept bytes it has freed: made of
// blocks of the size llvmpipe allocates a frame's draw calls in (64 KB, so
// below glibc's threshold for mapping memory of its own), under a block
// of heapFence that is never freed.
const (
	heapKept  = 32 << 20
	heapBlock = 64<<10 - 64
	heapFence = 96 << 10
)

// keepFreedHeap keeps, for the software OpenGL driver (llvmpipe), the
// memory it frees after every frame. llvmpipe allocates a frame's draw
// calls in blocks of 64 KB and frees them when the frame is drawn; glibc
// gave the top of its heap back to the system each time, so the next frame
// faulted the same pages in again, and on this project's test machine a
// page fault costs 16-25 µs (docs/PERFORMANCE.md 1f). It must run on the
// window's thread (Fyne's driver locks main to it), whose heap that is;
// other threads' heaps give memory back as before (a higher
// M_TRIM_THRESHOLD kept the frames' memory as well, but for every thread:
// the background pass that reads a library again for a new quote engine
// then held 30 MB more). Only the pages a frame uses become the process's
// memory, besides one per block for glibc's bookkeeping (2 MB). It reports
// whether the blocks ended up under the fence.
func keepFreedHeap() bool {
	return C.reserve_heap(heapKept/heapBlock, heapBlock, heapFence) >= heapKept/2
}

// frameGrowsHeap allocates and frees n blocks as a frame of llvmpipe
// does, on the calling thread, and says by how many bytes the heaps grew
// for them (for the test).
func frameGrowsHeap(n int) int64 { return int64(C.churn(C.size_t(n), heapBlock)) }
