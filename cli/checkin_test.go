package cli

// End-to-end tests of `hadir checkin`.

import (
	"regexp"
	"testing"
	"time"
)

var firstArrival = regexp.MustCompile(`JRS-BLG-0001: already checked in: Nurul Hikmah, at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d), gerbang 1, by Rina\n`)

func TestCheckIn(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	start := time.Now().Truncate(time.Second)
	r := c.ok("checkin", "--station", "gerbang 1", "--operator", "Rina", "JRS-BLG-0001")
	end := time.Now()
	contains(t, "stdout", r.stdout, "JRS-BLG-0001: checked in: Nurul Hikmah, Kabupaten Balangan (1/3 of the contingent)")

	r = c.expect(1, "checkin", "--station", "gerbang 2", "--operator", "Budi", "JRS-BLG-0001")
	m := firstArrival.FindStringSubmatch(r.stdout + r.stderr)
	if m == nil {
		t.Fatalf("the second check-in should say when, where and by whom the first was: %v", r)
	}
	if at, err := time.ParseInLocation("2006-01-02 15:04:05", m[1], time.Local); err != nil || at.Before(start) || at.After(end) {
		t.Errorf("first arrival shown at %s, want between %s and %s", m[1], start, end)
	}

	r = c.expect(1, "checkin", "JRS-XXX-9999")
	contains(t, "output", r.stdout+r.stderr, "JRS-XXX-9999: unknown ID")

	// Several IDs: exit 0 only when every one is newly checked in.
	r = c.ok("checkin", "JRS-BLG-0002", "JRS-BJM-0001")
	contains(t, "stdout", r.stdout, "JRS-BLG-0002: checked in", "JRS-BJM-0001: checked in")
	r = c.expect(1, "checkin", "JRS-BLG-0003", "JRS-BLG-0002")
	contains(t, "stdout", r.stdout, "JRS-BLG-0003: checked in: Rina Wulandari, Kabupaten Balangan (3/3", "JRS-BLG-0002: already checked in")
	r = c.expect(1, "checkin", "JRS-BJM-0002", "NOPE")
	contains(t, "stdout", r.stdout, "JRS-BJM-0002: checked in", "NOPE: unknown ID")
	if s := c.stats(); s.Arrived != 5 {
		t.Errorf("arrived %d, want 5", s.Arrived)
	}
	c.expect(2, "checkin")
}
