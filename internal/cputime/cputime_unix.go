//go:build unix

// Package cputime reads the CPU time this process has used, for benchmarks
// that report what a serving laptop spends rather than wall time.
package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time this process has used so far, user and system,
// on every thread: what a serving laptop spends, whichever goroutine spent it.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
