//go:build !linux || !cgo

package main

// keepFreedHeap is for glibc's allocator on Linux (heap_linux.go); other
// systems' allocators keep freed memory on their own terms.
func keepFreedHeap() bool { return true }

func frameGrowsHeap(int) int64 { return 0 }
