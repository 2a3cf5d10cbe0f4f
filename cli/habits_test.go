package cli

import (
	"strings"
	"testing"
)

// The habits people bring from other Go tools (soft-serve, glow, gum):
// --help lists the commands, global flags go before or after the command,
// a mistyped command gets a suggestion, shells complete, -o is written -o.
func TestCommandLineHabits(t *testing.T) {
	c := newCLI(t)
	c.importGood()

	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := raw(args...)
		if r.code != 0 {
			t.Errorf("hadir %s: %v", strings.Join(args, " "), r)
		}
		contains(t, "hadir "+strings.Join(args, " "), r.stdout, "Commands:", "  stats ", "  serve ", "  completion ")
		// The longest names keep a space before their summary.
		contains(t, "hadir "+strings.Join(args, " "), r.stdout, "  contingent  rename", "  completion  write")
		if strings.Contains(r.stdout, "  --operator NAME") {
			t.Errorf("hadir %s shows the gate's flags instead of the commands:\n%s", strings.Join(args, " "), r.stdout)
		}
	}

	// --lang and --db before the command, or after it.
	before := raw("--lang", "id", "--db", c.db, "stats")
	after := raw("stats", "--lang", "id", "--db", c.db)
	for _, r := range []result{before, after} {
		if r.code != 0 {
			t.Fatalf("stats with global flags: %v", r)
		}
		contains(t, "stats --lang id", r.stdout, "tiba 0 dari 5 yang diharapkan")
	}
	contains(t, "stats --lang en", c.ok("--lang", "en", "stats").stdout, "arrived 0 of 5 expected")

	r := raw("stat", "--db", c.db)
	if r.code != 2 {
		t.Errorf("a mistyped command: want exit 2, got %v", r)
	}
	contains(t, "hadir stat", r.stderr, `unknown command "stat"`, "did you mean stats", "Commands:")

	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		r := raw("completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "hadir") {
			t.Errorf("hadir completion %s: %v", shell, r)
		}
	}

	r = raw("sample", "-h")
	contains(t, "sample -h", r.stdout, "  -o FILE ", "  -n int ")
	if strings.Contains(r.stdout, "\n  --o ") || strings.Contains(r.stdout, "\n  --n ") {
		t.Errorf("one-letter flags are written with two dashes:\n%s", r.stdout)
	}
	// Both spellings still work, as in the README and older scripts.
	out := c.write("x", nil)
	c.ok("sample", "--n", "3", "--o", out)
	c.ok("sample", "-n", "3", "-o", out)
}
