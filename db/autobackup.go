package db

import (
	"path/filepath"
	"time"
)

// BackupDir is where the automatic copies go: a folder beside the store.
func BackupDir(st *Store) string { return filepath.Join(filepath.Dir(st.Path()), "backups") }

// AutoBackup writes a copy of the store every interval and once more when
// stopped (on exit). Each outcome is kept by the store and shown in every
// status line, so a failing backup is never silent; logf, when given (the
// serve log), is told each failure once and the first copy that works again.
func AutoBackup(st *Store, every time.Duration, keep int, logf func(format string, args ...any)) (stop func()) {
	if every <= 0 {
		return func() {}
	}
	failing := false
	backup := func() {
		path, err := st.BackupRotate(BackupDir(st), keep)
		switch {
		case logf == nil:
		case err != nil:
			failing = true
			logf("automatic backup failed: %v; the store itself is unharmed, but fix this soon (free space? the backups folder?)", err)
		case failing:
			failing = false
			logf("automatic backups work again: wrote %s", path)
		}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				backup()
			case <-done:
				backup()
				return
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
