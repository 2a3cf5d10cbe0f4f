package cli

import (
	"flag"
	"time"
)

// backupFlags are taken by the commands that keep a store open for hours
// (the gate screen, demo, serve).
func backupFlags(fs *flag.FlagSet, o *options) {
	fs.DurationVar(&o.backupEvery, "backup-every", 5*time.Minute, "write a copy of the store into backups/ beside it this often (0: never)")
	fs.IntVar(&o.backupKeep, "backup-keep", 12, "how many of those copies to keep")
}
