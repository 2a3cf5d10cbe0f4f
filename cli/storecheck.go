package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"hadir/db"
)

// A damaged store file can make bbolt crash the process that reads it (a
// panic in its own goroutine, or a fault on a page past the end of a cut
// file), which no recover catches. So before hadir opens an existing store
// it reads the whole file in a child of itself: if that child dies, hadir
// says in one sentence what is wrong instead of dying with a stack trace.

// checkStoreEnv, set to a store's path, makes hadir check that store and
// exit: 0 sound, 1 damaged (the reason on stdout), 3 in use, 4 written by a
// newer hadir (the message on stdout).
const checkStoreEnv = "HADIR_CHECK_STORE"

// checkTimeout bounds the child's check; a check that hangs is a damaged file.
const checkTimeout = 5 * time.Minute

// checkStoreChild is the child's side.
func checkStoreChild(path string, out io.Writer) int {
	err := db.CheckFile(path)
	var damaged *db.DamagedError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, db.ErrBusy):
		return 3
	case errors.Is(err, db.ErrNewerSchema):
		fmt.Fprint(out, err.Error())
		return 4
	case errors.As(err, &damaged):
		fmt.Fprint(out, damaged.What)
	default:
		fmt.Fprint(out, err.Error())
	}
	return 1
}

// checkStore checks the store at path in a child process (see above). A
// missing file is no business of it: the caller creates it or says so.
// inUse says the child waited db.LockTimeout for the file and another
// process still holds it: the caller need not wait as long again.
func checkStore(path string) (inUse bool, err error) {
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() {
		return false, nil
	}
	if fi.Size() == 0 {
		return false, db.Damaged(path, "it is empty (0 bytes), not a hadir store")
	}
	exe, err := os.Executable()
	if err != nil {
		return false, nil // no way to check without risk; Open still reports what it can
	}
	err = runCheckChild(exe, path)
	if errors.Is(err, db.ErrBusy) {
		return true, nil // Open says by whom
	}
	return false, err
}

// runCheckChild runs the check in a child: db.ErrBusy when the store is in use.
func runCheckChild(exe, path string) error {
	ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), checkStoreEnv+"="+path)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return db.Damaged(path, "reading it never finished")
	case !errors.As(err, &exit):
		return nil // the child could not start (no memory, no exec rights): Open still reports what it can
	case exit.ExitCode() == 3:
		return db.ErrBusy
	case exit.ExitCode() == 4 && out.Len() > 0:
		return errors.New(strings.TrimSpace(out.String()))
	case exit.ExitCode() == 1 && out.Len() > 0:
		return db.Damaged(path, strings.TrimSpace(out.String()))
	}
	return db.Damaged(path, "its pages are damaged ("+crashReason(errOut.String())+")")
}

// crashReason is the first line of what a crashed check printed, without
// the words of a programmer's stack trace.
func crashReason(stderr string) string {
	s, _, _ := strings.Cut(strings.TrimSpace(stderr), "\n")
	s = strings.TrimPrefix(s, "panic: ")
	s = strings.TrimPrefix(s, "assertion failed: ")
	s = strings.TrimPrefix(s, "fatal error: ")
	if s == "" {
		return "reading it stopped hadir's check"
	}
	return s
}
