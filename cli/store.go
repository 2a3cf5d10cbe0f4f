package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"hadir/db"
)

// storeUse is the store of one command: inside `hadir serve` the shared
// one; else the file at --db, opened at the first open (once the command
// has checked its arguments) and closed by the wrapper when it ends.
type storeUse struct {
	need   storeNeed
	path   string
	shared *db.Store
	notes  io.Writer // told when a stale lock was taken over
	opened *db.Store // opened here: closed by close
}

// open gives the store, opening it the first time.
func (u *storeUse) open() (*db.Store, error) {
	switch {
	case u.shared != nil:
		return u.shared, nil
	case u.opened != nil:
		return u.opened, nil
	}
	if u.need != anyStore {
		if _, err := os.Stat(u.path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist: import a roster first (hadir import FILE), try `hadir demo`, or name the store with --db FILE", u.path)
		}
	}
	st, err := openStore(u.notes, u.path)
	if err != nil {
		return nil, err
	}
	u.opened = st
	return st, nil
}

// close closes the store if it was opened here.
func (u *storeUse) close() {
	if u.opened != nil {
		u.opened.Close()
	}
}

// openStore opens the store at path, creating it if needed (import, demo).
// An existing file is checked first where a damaged one cannot crash hadir
// (checkStore); notes is told when a stale lock was taken over.
func openStore(notes io.Writer, path string) (*db.Store, error) {
	inUse, err := checkStore(path)
	if err != nil {
		return nil, err
	}
	var opts []db.Option
	if inUse {
		opts = append(opts, db.WithoutLockWait()) // the check waited for it already
	}
	st, err := db.Open(path, opts...)
	if err == nil && st.StaleLock() != "" {
		fmt.Fprintf(notes, "note: %s was last opened by a hadir (pid %s) that did not close it (killed, or the power went); this hadir took it over, and every saved check-in is in it\n", path, st.StaleLock())
	}
	return st, err
}
