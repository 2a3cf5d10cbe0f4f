package main

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
// status line, so a failing backup is never silent.
func autoBackup(st *db.Store, every time.Duration, keep int) (stop func()) {
	if every <= 0 {
		return func() {}
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
				st.BackupRotate(backupDir(st), keep)
			case <-done:
				st.BackupRotate(backupDir(st), keep)
				return
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
