package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadgesCommand: the whole roster, one contingent typed loosely, and
// single IDs; what is refused (unknown contingent or ID, with the close
// ones; nobody to print; a bad layout) writes nothing; a file that exists
// is replaced whole.
func TestBadgesCommand(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	out := filepath.Join(c.dir, "kartu.pdf")

	r := c.ok("badges", "-o", out)
	contains(t, "badges of everyone", r.stdout, "5 badge(s)", out)
	pdf := c.read(out)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", out)
	}

	r = c.ok("badges", "-o", out, "--contingent", "KAB. balangan", "--layout", "a4-10", "--code", "qr")
	contains(t, "one contingent", r.stdout, "3 badge(s)", "a4-10", "qr")

	r = c.ok("badges", "-o", out, "--ids", "jrs-bjm-0002, JRS-BLG-0001", "--layout", "card")
	contains(t, "two IDs", r.stdout, "2 badge(s)")
	written := c.read(out)

	r = c.expect(1, "badges", "-o", out, "--contingent", "Balangn")
	contains(t, "unknown contingent", r.stderr, `no contingent "Balangn"`, `did you mean "Kabupaten Balangan"`, "nothing was written")
	r = c.expect(1, "badges", "-o", out, "--ids", "JRS-BLG-001")
	contains(t, "unknown ID", r.stderr, `no ID "JRS-BLG-001"`, `"JRS-BLG-0001"`)
	c.ok("replace", "JRS-BJM-0002", "--by", "JRS-BJM-0001") // a replacement is of the same contingent
	r = c.expect(1, "badges", "-o", out, "--ids", "JRS-BJM-0002")
	contains(t, "replaced", r.stderr, "replaced by JRS-BJM-0001")
	r = c.expect(2, "badges", "-o", out, "--layout", "a5")
	contains(t, "bad layout", r.stderr, "a4-8, a4-10, a6, card")
	if !bytes.Equal(c.read(out), written) {
		t.Error("a refused command changed the PDF that was there")
	}
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "partial") {
			t.Errorf("a temporary file is left behind: %s", e.Name())
		}
	}

	empty := newCLI(t)
	empty.ok("event", "Jambore") // a store with no roster
	r = empty.expect(1, "badges", "-o", filepath.Join(empty.dir, "b.pdf"))
	contains(t, "empty store", r.stderr, "no badge to print")
}
