package db

import (
	"os"
	"strconv"
	"strings"
)

// staleLockHolder returns the pid in the lock file at path when the process
// it names is gone (a hadir that was killed or lost power): the file lock
// itself died with it, so the store is ours, and the caller says so.
func staleLockHolder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	text := strings.TrimSpace(string(b))
	pid, err := strconv.Atoi(text)
	if err != nil || pid <= 0 || pid == os.Getpid() || processRunning(pid) {
		return ""
	}
	return text
}
