//go:build unix

package db

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used so far, user and system,
// on every thread: what a serving laptop spends, whichever goroutine spent it.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
