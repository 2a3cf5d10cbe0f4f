package db

import (
	"strings"
	"testing"
)

// hadir checks a store in a child process that already waits LockTimeout
// for it; the Open after it must not wait as long again ("in use" once).
func TestOpenWithoutLockWaitStillNamesTheHolder(t *testing.T) {
	_, path := openTest(t, 1)
	s2, err := Open(path, WithoutLockWait())
	if err == nil {
		s2.Close()
		t.Fatal("a second Open of a held store succeeded")
	}
	if !strings.Contains(err.Error(), "in use by another hadir") {
		t.Errorf("message %q should say another hadir has the store", err)
	}
}
