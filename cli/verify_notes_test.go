package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// What a merge keeps on purpose is a note, not damage: events for a
// volunteer on no roster here (named right, also when they are the one
// replaced), and an annulment whose event is not here yet. verify says
// so and exits 0.
func TestVerifyNotesAreNotDamage(t *testing.T) {
	a, b := newCLI(t), newCLI(t)
	a.ok("import", a.write("peserta.csv", []byte(smallRoster+"JRS-BLG-0009;Siti Hajar;Kabupaten Balangan;PSM;P;081251110009\n")))
	b.importGood()
	a.ok("station", "gerbang 1")
	a.ok("checkin", "JRS-BLG-0001")
	a.ok("replace", "JRS-BLG-0009", "--by", "JRS-BLG-0002") // the one replaced is not on b's roster
	a.ok("annul", strings.TrimSpace(firstEventID(t, a)), "--reason", "salah orang")
	events := filepath.Join(a.dir, "gerbang1.jsonl")
	a.ok("export", "events", "-o", events)
	// Leave out the arrival the annulment cancels: the annulment waits for it.
	lines := strings.SplitAfter(string(a.read(events)), "\n")
	b.ok("merge", b.write("tanpa-kedatangan.jsonl", []byte(strings.Join(lines[1:], ""))))
	r := b.ok("verify")
	contains(t, "verify", r.stdout, "note: event ", "is kept for volunteer JRS-BLG-0009, who is on no roster here",
		"note: annul ", "waits for event", "is sound")
	if strings.Contains(r.stdout, "problem:") {
		t.Errorf("notes reported as problems:\n%s", r.stdout)
	}
}

// firstEventID is the ID of the first event in a store's log.
func firstEventID(t *testing.T, c *cli) string {
	t.Helper()
	lines := strings.Split(c.ok("export", "events").stdout, "\n")
	id, _, _ := strings.Cut(lines[1], ",")
	return id
}
