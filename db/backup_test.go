package db

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hadir/internal/testclock"
)

// The demo beside the real store: each one's automatic copies are named
// after it, and pruning the demo's never deletes the real store's.
func TestBackupRotationIsPerStore(t *testing.T) {
	dir := t.TempDir()
	clock := testclock.New(testclock.Epoch())
	gate := openAt(t, filepath.Join(dir, "hadir.db"), clock.Now, 0)
	demo := openAt(t, filepath.Join(dir, "hadir-demo.db"), clock.Now, 0)
	backups := filepath.Join(dir, "backups")
	for range 3 {
		clock.Add(5 * time.Minute)
		if _, err := gate.BackupRotate(backups, 12); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(backups, "hadir-notes.db"), []byte("x"), 0o644) // someone's own file
	// An hour of demo.
	for range 20 {
		clock.Add(3 * time.Minute)
		path, err := demo.BackupRotate(backups, 5)
		if err != nil {
			t.Fatal(err)
		}
		if want := "hadir-demo-" + clock.Now().Local().Format("20060102-150405") + ".db"; filepath.Base(path) != want {
			t.Fatalf("the demo's copy is %s, want %s", filepath.Base(path), want)
		}
	}
	entries, _ := os.ReadDir(backups)
	var ofGate, ofDemo, other int
	for _, e := range entries {
		switch {
		case isBackupOf(e.Name(), "hadir"):
			ofGate++
		case strings.HasPrefix(e.Name(), "hadir-demo-"):
			ofDemo++
		default:
			other++
		}
	}
	if ofGate != 3 || ofDemo != 5 || other != 1 {
		t.Fatalf("after an hour of demo: %d of the real store's copies (want 3), %d of the demo's (want the last 5), %d other files (want 1)",
			ofGate, ofDemo, other)
	}
}

func TestIsBackupOf(t *testing.T) {
	for _, c := range []struct {
		name, base string
		want       bool
	}{
		{"hadir-20261204-091400.db", "hadir", true},
		{"hadir-20261204-091400_2.db", "hadir", true},
		{"hadir-demo-20261204-091400.db", "hadir", false},
		{"hadir-demo-20261204-091400.db", "hadir-demo", true},
		{"hadir-20261204-091400.db", "hadir-demo", false},
		{"hadir-notes.db", "hadir", false},
		{"hadir-20261204-091400.db.partial", "hadir", false},
	} {
		if got := isBackupOf(c.name, c.base); got != c.want {
			t.Errorf("isBackupOf(%q, %q) = %v, want %v", c.name, c.base, got, c.want)
		}
	}
}

// A backup made at 07:30 on the campsite is named by the laptop's own clock
// (the evening before in UTC): CI runs this in WITA.
func TestBackupNamesFollowTheLaptopsZone(t *testing.T) {
	early := testclock.Day(7, 30)
	s := openAt(t, filepath.Join(t.TempDir(), "hadir.db"), testclock.New(early).Now, 0)
	path, err := s.Backup(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	want := "hadir-" + early.In(time.Local).Format("20060102-150405") + ".db"
	if filepath.Base(path) != want {
		t.Errorf("the backup is %s, want %s (the laptop's clock, %s)", filepath.Base(path), want, time.Local)
	}
	if _, offset := early.In(time.Local).Zone(); offset == 8*3600 && !strings.Contains(filepath.Base(path), early.In(testclock.WITA).Format("20060102-150405")) {
		t.Errorf("in WITA the backup of 07:30 is %s, dated by UTC's day", filepath.Base(path))
	}
}
