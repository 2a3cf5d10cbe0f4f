package main

import (
	"strings"
	"testing"
)

// A badge ID typed or scanned in lower case is the volunteer's: the gate
// accepted it and the command line said "unknown".
func TestCheckInIgnoresCase(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.write("peserta.csv", []byte(smallRoster+"JRS-BLG-0010;Siti Aisyah;Kabupaten Balangan;PKH;P;081251110010\n"))
	c.ok("import", c.dir+"/peserta.csv")
	r := c.ok("checkin", "jrs-blg-0010")
	contains(t, "stdout", r.stdout, "jrs-blg-0010: checked in: Siti Aisyah, Kabupaten Balangan")
	r = c.expect(1, "checkin", "JRS-BLG-0010")
	contains(t, "stdout", r.stdout, "JRS-BLG-0010: already checked in")
	if s := c.stats(); s.Arrived != 1 {
		t.Errorf("arrived %d after checking in one person in two cases, want 1", s.Arrived)
	}
	r = c.ok("export", "events")
	if !strings.Contains(r.stdout, ",JRS-BLG-0010,") {
		t.Errorf("the arrival is not written for JRS-BLG-0010 as stored:\n%s", r.stdout)
	}
}
