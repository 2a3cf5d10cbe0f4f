package cli

import (
	"flag"
	"path/filepath"
	"time"

	"hadir/db"
)

// backupFlags are taken by the commands that keep a store open for hours
// (the gate screen, demo, serve).
func backupFlags(fs *flag.FlagSet, o *options) {
	fs.DurationVar(&o.backupEvery, "backup-every", 5*time.Minute, "write a copy of the store into backups/ beside it this often (0: never)")
	fs.IntVar(&o.backupKeep, "backup-keep", 12, "how many of those copies to keep")
}

// backupDir is where the automatic copies go: a folder beside the store.
func backupDir(st *db.Store) string { return filepath.Join(filepath.Dir(st.Path()), "backups") }

// autoBackup writes a copy of the store every interval and once more when
// stopped (on exit). Each outcome is kept by the store and shown in every
// status line, so a failing backup is never silent; logf, when given (the
// serve log), is told each failure once and the first copy that works again.
func autoBackup(st *db.Store, every time.Duration, keep int, logf func(format string, args ...any)) (stop func()) {
	if every <= 0 {
		return func() {}
	}
	failing := false
	backup := func() {
		path, err := st.BackupRotate(backupDir(st), keep)
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
