package cli

// End-to-end tests of the command line: each runs hadir as a user would
// (in-process through run, or as a separate process for the lock) on a
// store in a temporary folder, and checks what the user sees: the exit
// status, the messages and the files. This file holds the test binary's
// start (TestMain), help and usage, and sample; the others are by subject
// (import_test.go, checkin_test.go, stats_export_test.go, store_test.go).

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary be hadir itself: with HADIR_TEST_MAIN=1 it
// runs the command line on its arguments, for the tests that need a second
// process.
func TestMain(m *testing.M) {
	if path := os.Getenv(checkStoreEnv); path != "" {
		os.Exit(checkStoreChild(path, os.Stdout))
	}
	if os.Getenv(childEnv) == "1" {
		os.Exit(run(console(), session{}, os.Args[1:]))
	}
	os.Unsetenv("HADIR_DB") // every test names its store
	os.Exit(m.Run())
}

func contains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s should contain %q:\n%s", what, sub, s)
		}
	}
}
func TestUsage(t *testing.T) {
	t.Parallel()
	r := raw("frobnicate")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown command "frobnicate"`) || !strings.Contains(r.stderr, "Commands:") {
		t.Errorf("an unknown command: %v", r)
	}
	r = raw("help")
	if r.code != 0 {
		t.Errorf("hadir help: %v", r)
	}
	contains(t, "hadir help", r.stdout, "Commands:", "import", "checkin", "Example")
	for _, args := range [][]string{{"import", "-h"}, {"import", "--help"}, {"help", "import"}} {
		r = raw(args...)
		if r.code != 0 {
			t.Errorf("hadir %s: %v", strings.Join(args, " "), r)
		}
		contains(t, "hadir "+strings.Join(args, " "), r.stdout, "--dry-run", "--skip-bad", "Example:\n  hadir import --dry-run peserta.csv")
	}
	for _, args := range [][]string{
		{"stats", "--bogus"}, {"sample", "--n", "banyak"}, {"sample", "--n", "0"},
		{"import"}, {"import", "a.csv", "b.csv"}, {"station", "gerbang", "2"}, {"verify", "extra"},
	} {
		r = raw(append(args, "--db", filepath.Join(t.TempDir(), "h.db"))...)
		if r.code != 2 || !strings.Contains(r.stderr, "usage: hadir "+args[0]) {
			t.Errorf("hadir %s: want exit 2 and a usage line: %v", strings.Join(args, " "), r)
		}
	}
}

func TestSample(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	x, y := filepath.Join(c.dir, "x.csv"), filepath.Join(c.dir, "y.csv")
	c.ok("sample", "--n", "50", "--seed", "3", "-o", x)
	c.ok("sample", "--n", "50", "--seed", "3", "-o", y)
	if !bytes.Equal(c.read(x), c.read(y)) || len(c.read(x)) == 0 {
		t.Errorf("the same seed gave different rosters")
	}
	if out := c.ok("sample", "--seed", "3", "--n", "50").stdout; out != string(c.read(x)) {
		t.Errorf("sample to the screen differs from sample -o")
	}
	if out := c.ok("sample", "--n", "50", "--seed", "4").stdout; out == string(c.read(x)) {
		t.Errorf("seeds 3 and 4 gave the same roster")
	}
	r := c.ok("import", x)
	contains(t, "stdout", r.stdout, "x.csv imported 50 volunteers: 50 added, 0 updated, 0 unchanged.")
	if s := c.stats(); s.Expected != 50 {
		t.Errorf("expected %d, want 50", s.Expected)
	}
	r = c.ok("import", y)
	contains(t, "stdout", r.stdout, "0 added, 0 updated, 50 unchanged")
}
