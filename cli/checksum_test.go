package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// One bit flipped inside a stored arrival (JRS-BJB-0050 read as
// JRS-BJB-0010) is seen: verify and every command that opens the store say
// the record is damaged, and no count is given from it.
func TestAFlippedBitIsSeen(t *testing.T) {
	c := newCLI(t)
	c.ok("import", c.write("peserta.csv", []byte(smallRoster+
		"JRS-BJB-0010;Siti Aminah;Kota Banjarbaru;PSM;P;081251110010\n"+
		"JRS-BJB-0050;Dewi Lestari;Kota Banjarbaru;PSM;P;081251110050\n")))
	c.ok("checkin", "JRS-BJB-0050")
	contains(t, "verify before", c.ok("verify").stdout, "is sound: 7 volunteers, 1 arrived")

	data := c.read(c.db)
	at := bytes.Index(data, []byte(`"volunteer_id":"JRS-BJB-0050"`))
	if at < 0 {
		t.Fatal("the arrival is not in the file as JSON")
	}
	five := at + len(`"volunteer_id":"JRS-BJB-00`)
	data[five] ^= 0x04 // '5' (0x35) becomes '1' (0x31)
	if err := os.WriteFile(c.db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"verify"}, {"stats"}} {
		r := c.expect(1, cmd...)
		contains(t, strings.Join(cmd, " "), r.stderr, "checksum does not match", "restore the newest backup")
		if strings.Contains(r.stdout, "sound") || strings.Contains(r.stdout, "arrived") {
			t.Errorf("%s gave a count from a damaged store:\n%v", cmd, r)
		}
	}
}

// The report prints each station's chain head; the exported events,
// merged into an empty store, give the same heads in `hadir verify`, and
// an export changed by one character does not.
func TestReportChainHeadsMatchTheExport(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "JRS-BLG-0001", "JRS-BJM-0002")
	c.ok("excuse", "JRS-BLG-0003", "--reason", "sakit")
	report := filepath.Join(c.dir, "laporan.html")
	c.ok("report", "-o", report)
	heads := regexp.MustCompile(`<dd id="chains">([^:<]+): 3 events, <code>([0-9a-f]{32})</code>`).FindStringSubmatch(string(c.read(report)))
	if heads == nil {
		t.Fatalf("the report prints no chain head:\n%s", c.read(report))
	}
	events := filepath.Join(c.dir, "events.jsonl")
	c.ok("export", "events", "-o", events)
	line := "station " + heads[1] + ": 3 events, chain head "

	check := newCLI(t)
	check.importGood()
	check.ok("merge", events)
	contains(t, "verify of the export", check.ok("verify").stdout, line+heads[2])

	tampered := newCLI(t)
	tampered.importGood()
	changed := strings.Replace(string(c.read(events)), "JRS-BJM-0002", "JRS-BJM-0001", 1)
	tampered.ok("merge", tampered.write("events.jsonl", []byte(changed)))
	r := tampered.ok("verify")
	contains(t, "verify of a changed export", r.stdout, line)
	if strings.Contains(r.stdout, heads[2]) {
		t.Errorf("a changed export gives the report's chain head:\n%s", r.stdout)
	}
}
