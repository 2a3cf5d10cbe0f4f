package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEventSignatories: `hadir event` sets who signs the report and where;
// only the flags given change; "" clears one; a third witness is refused;
// the report carries them.
func TestEventSignatories(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	r := c.ok("event", "--place", "Taman Kiram, Kab. Banjar", "--chair", "H. Rahmadi", "--witness", "Gusti Randi", "--witness", "Andi Pratama")
	contains(t, "event", r.stdout, "place:     Taman Kiram, Kab. Banjar", "chair:     H. Rahmadi",
		"secretary: (blank", "witness 1: Gusti Randi", "witness 2: Andi Pratama")
	r = c.ok("event", "--secretary", "Siti Nurhaliza\x1b[31m", "--chair", "")
	contains(t, "event", r.stdout, "secretary: Siti Nurhaliza\n", "chair:     (blank", "witness 2: Andi Pratama")
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("an escape sequence from the command line was stored")
	}
	r = c.expect(2, "event", "--witness", "A", "--witness", "B", "--witness", "C")
	contains(t, "three witnesses", r.stderr, "at most twice")
	path := filepath.Join(c.dir, "laporan.html")
	c.ok("report", "-o", path, "--lang", "id")
	report := c.read(path)
	contains(t, "report", string(report), "Taman Kiram, Kab. Banjar, ", "Siti Nurhaliza", "Gusti Randi", "Andi Pratama", "Ketua Panitia")
}
