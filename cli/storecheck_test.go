package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hadir/db"
)

// damage makes the kinds of broken store a laptop meets: a copy cut short
// on a full USB stick, bytes flipped by a failing disk, a file that is not
// a store, and an empty file.
func damage(t *testing.T, good []byte, dir string) map[string]string {
	t.Helper()
	page := os.Getpagesize()
	flipped := bytes.Clone(good)
	for off := 2 * page; off+16 <= len(flipped); off += page {
		for i := range 16 {
			flipped[off+i] ^= 0xA5 // every page header from the third on
		}
	}
	files := map[string][]byte{
		"truncated": good[:len(good)/2],
		"flipped":   flipped,
		"not-store": bytes.Repeat([]byte("Nama;Kontingen;Pilar\n"), 2000),
		"empty":     {},
	}
	paths := map[string]string{}
	for name, data := range files {
		p := filepath.Join(dir, name+".db")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

// Every command, and the screen, says in one sentence that the store is
// damaged and exits 1: never a stack trace, and an empty file stays empty.
func TestDamagedStoreIsNamed(t *testing.T) {
	c := newCLI(t)
	roster := filepath.Join(c.dir, "contoh.csv")
	c.ok("sample", "--n", "3000", "-o", roster)
	c.ok("import", roster)
	good := c.read(c.db)
	commands := [][]string{{"verify"}, {"stats"}, {"stats", "--json"}, {"checkin", "X-0003"}, {"export", "roster"},
		{"backup", filepath.Join(c.dir, "copy.db")}, {"report", "-o", "-"}, {"import", roster},
		{"gate", "--operator", "Rina"}, {"station"}, {"annul", "x-000001", "--reason", "salah"}}
	for name, path := range damage(t, good, c.dir) {
		before := c.read(path)
		for _, args := range commands {
			r, _ := child(t, append(args, "--db", path)...)
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if r.code != 1 || len(lines) != 1 || !strings.Contains(r.stderr, path+" cannot be used: ") ||
				!strings.Contains(r.stderr, "restore the newest backup that verifies: see README, Backups") {
				t.Errorf("%s store, hadir %s: want exit 1 and one sentence naming the file and the backups, got %v", name, args[0], r)
			}
			if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
				t.Errorf("%s store, hadir %s: a stack trace:\n%s", name, args[0], r.stderr)
			}
		}
		if after := c.read(path); !bytes.Equal(before, after) {
			t.Errorf("the %s store was changed by the commands that refused it", name)
		}
	}
}

// A lock file left by a hadir that died is taken over, with a note.
func TestStaleLockIsTakenOver(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	os.WriteFile(c.db+".lock", []byte("999999999"), 0o644)
	r := c.ok("stats")
	contains(t, "stderr", r.stderr, "note: "+c.db+" was last opened by a hadir (pid 999999999) that did not close it", "took it over")
	contains(t, "stdout", r.stdout, "arrived 0 of 5 expected")
}

// The child check of a held store says "in use" rather than waiting for
// nothing: it waited for the lock, so the open after it tries only once.
func TestCheckOfAHeldStoreSaysInUse(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	st, err := db.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	inUse, err := checkStore(c.db)
	if !inUse || err != nil {
		t.Errorf("check of a held store: in use %v, error %v; want in use and no error", inUse, err)
	}
}
