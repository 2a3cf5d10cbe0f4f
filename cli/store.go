package cli

import (
	"errors"
	"fmt"
	"os"

	"hadir/db"
)

// useStore opens the store the running command needs, once it has checked
// its arguments; inside `hadir serve` it is the shared one. The dispatcher
// closes what it opened.
func (env *runEnv) useStore() (*db.Store, error) {
	switch {
	case env.store != nil:
	case env.shared != nil:
		env.store = env.shared
	case env.need == anyStore:
		st, err := openStore(env, env.dbPath)
		if err != nil {
			return nil, err
		}
		env.store, env.opened = st, true
	default:
		if _, err := os.Stat(env.dbPath); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist: import a roster first (hadir import FILE), try `hadir demo`, or name the store with --db FILE", env.dbPath)
		}
		st, err := openStore(env, env.dbPath)
		if err != nil {
			return nil, err
		}
		env.store, env.opened = st, true
	}
	return env.store, nil
}

// openStore opens the store at path, creating it if needed (import, demo).
// An existing file is checked first where a damaged one cannot crash hadir
// (checkStore).
func openStore(env *runEnv, path string) (*db.Store, error) {
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
		fmt.Fprintf(env.stderr, "note: %s was last opened by a hadir (pid %s) that did not close it (killed, or the power went); this hadir took it over, and every saved check-in is in it\n", path, st.StaleLock())
	}
	return st, err
}
