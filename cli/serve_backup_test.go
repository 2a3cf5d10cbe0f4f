package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Failed automatic backups reach the serve log, each once, and so does the
// first one that works again.
func TestServeLogsFailedBackups(t *testing.T) {
	blocker := func(dir string) { // a file where the backups folder should be
		os.WriteFile(filepath.Join(dir, "backups"), []byte("bukan folder"), 0o600)
	}
	ts := startServerWith(t, numberedRoster(1), blocker, []string{"--backup-every", "20ms"})
	ts.WaitForLog(t, "automatic backup failed: cannot create the backup folder", 2)
	os.Remove(filepath.Join(ts.Dir, "backups"))
	ts.WaitForLog(t, "automatic backups work again: wrote "+filepath.Join(ts.Dir, "backups"), 1)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if copies, _ := filepath.Glob(filepath.Join(ts.Dir, "backups", "*.db")); len(copies) >= 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the backups never worked again")
		}
	}
	log := ts.LogText()
	if n := strings.Count(log, "work again"); n != 1 {
		t.Errorf("the recovery is in the log %d times, want once:\n%s", n, log)
	}
	failed := strings.Count(log, "automatic backup failed")
	before, _, _ := strings.Cut(log, "work again")
	if strings.Count(before, "automatic backup failed") != failed {
		t.Errorf("a backup that worked was logged as failed:\n%s", log)
	}
}
