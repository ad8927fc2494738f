package main

import "syscall"

// windowThread is the calling thread's id, for threadTimesOf.
func windowThread() int { return syscall.Gettid() }
