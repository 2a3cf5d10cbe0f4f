package cli

// End-to-end tests of `hadir checkin`.

import (
	"reflect"
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

// Someone who has left is not checked back in by `hadir checkin`, as at the
// gate: refused by name, with when and where they left and the way to check
// them in deliberately; the refusal is kept as a note; the other IDs of the
// same command are checked in.
func TestCheckInRefusesWhoLeft(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "JRS-BLG-0001")
	c.ok("depart", "--station", "gerbang 3", "--operator", "Sari", "JRS-BLG-0001")

	r := c.expect(1, "checkin", "--operator", "Budi", "JRS-BLG-0001", "JRS-BLG-0002")
	left := regexp.MustCompile(`JRS-BLG-0001: has left: Nurul Hikmah, at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, gerbang 3, by Sari; not checked in\. If they came back, check them in again: hadir checkin --came-back JRS-BLG-0001\n`)
	if !left.MatchString(r.stdout) {
		t.Errorf("the refusal should say who left, when, where, by whom, and how to check them in again:\n%v", r)
	}
	contains(t, "stdout", r.stdout, "JRS-BLG-0002: checked in: Ahmad Fauzi")
	if s := c.stats(); s.Arrived != 2 || s.Departed != 1 || s.OnSite != 1 {
		t.Errorf("after the refused check-in: arrived %d, departed %d, on site %d; want 2, 1, 1", s.Arrived, s.Departed, s.OnSite)
	}
	header, rows := table(t, c.ok("export", "events").stdout)
	kinds := map[string]int{}
	for _, e := range byID(header, rows) {
		if e["volunteer_id"] == "JRS-BLG-0001" {
			kinds[e["kind"]+" "+e["reason"]]++
		}
	}
	if want := map[string]int{"arrive ": 1, "depart ": 1, "note departed": 1}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("events of the one who left: %v, want %v (one arrival, the departure, the refused check-in as a note)", kinds, want)
	}

	r = c.expect(1, "checkin", "--lang", "id", "JRS-BLG-0001")
	contains(t, "stdout in Indonesian", r.stdout, "JRS-BLG-0001: sudah pulang: Nurul Hikmah", "gerbang 3, oleh Sari; tidak dicatat hadir", "hadir checkin --came-back JRS-BLG-0001")

	r = c.ok("checkin", "--came-back", "JRS-BLG-0001", "JRS-BLG-0003")
	contains(t, "stdout", r.stdout, "JRS-BLG-0001: checked in: Nurul Hikmah", "JRS-BLG-0003: checked in")
	if s := c.stats(); s.Arrived != 3 || s.Departed != 0 || s.OnSite != 3 {
		t.Errorf("after --came-back: arrived %d, departed %d, on site %d; want 3, 0, 3", s.Arrived, s.Departed, s.OnSite)
	}
}
