package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"hadir/db"
	"hadir/version"
)

// hadir says which build it is, and records it where a count is read:
// stats --json, the serve log and the report.
func TestVersionIsRecorded(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{{"--version"}, {"version"}} {
		r := c.ok(args...)
		contains(t, strings.Join(args, " "), r.stdout, "hadir "+version.Short(), runtime.Version(), fmt.Sprintf("store schema %d", db.SchemaVersion))
	}
	c.importGood()
	var stats struct {
		Version string `json:"hadir_version"`
	}
	if err := json.Unmarshal([]byte(c.ok("stats", "--json").stdout), &stats); err != nil || stats.Version != version.Short() || stats.Version == "" {
		t.Errorf("stats --json: hadir_version %q (%v), want %q", stats.Version, err, version.Short())
	}
	report := filepath.Join(c.dir, "laporan.html")
	c.ok("report", "-o", report)
	contains(t, "the report", string(c.read(report)), version.Read().Describe())

	ts := startServer(t, numberedRoster(1))
	contains(t, "the serve log", ts.LogText(), version.Read().Describe()+" serving")
}

// A store or an events file from a newer hadir is refused, naming both
// versions; so is a --lang hadir does not speak.
func TestNewerSchemasAndUnknownLanguageAreRefused(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "JRS-BLG-0001")
	events := filepath.Join(c.dir, "gerbang.jsonl")
	c.ok("export", "events", "-o", events)
	newer := strings.ReplaceAll(string(c.read(events)), `"schema":1`, `"schema":2`)
	other := newCLI(t)
	other.importGood()
	r := other.expect(1, "merge", other.write("baru.jsonl", []byte(newer)))
	contains(t, "merge of a newer file", r.stderr, "events schema 2; this hadir reads up to schema 1", "nothing was changed")

	bdb, err := bolt.Open(c.db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("9")) })
	bdb.Close()
	before, _ := os.ReadFile(c.db)
	r = c.expect(1, "stats")
	contains(t, "a newer store", r.stderr, c.db+" was written by a newer hadir (store schema 9; this hadir reads up to schema "+strconv.Itoa(db.SchemaVersion)+")")
	if after, _ := os.ReadFile(c.db); string(after) != string(before) {
		t.Error("the newer store was changed")
	}

	for _, args := range [][]string{{"--lang", "fr"}, {"demo", "--lang", "jawa"}, {"serve", "--lang", "xx"}} {
		r := c.expect(2, args...)
		contains(t, strings.Join(args, " "), r.stderr, "choose id (Bahasa Indonesia) or en (English)")
	}
}
