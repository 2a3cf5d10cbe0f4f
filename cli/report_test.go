package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"hadir/db"
)

// reportRoster is the small roster, a volunteer whose name is HTML, and
// one who takes another's place.
const reportRoster = smallRoster +
	"JRS-BJM-0003;<script>alert(1)</script>;Kota Banjarmasin;LKS;L;081251110006\n" +
	"JRS-BJM-0004;Siti Nur Aisyah;Kota Banjarmasin;PSM;P;081251110007\n"

// reportDay runs a day at the desk from the command line: check-ins at two
// gates, an excuse and a sign-off, a replacement, a check-in annulled, a
// departure and a return, and a third gate's file merged with a second
// arrival of someone already here and a walk-in.
func reportDay(t *testing.T, c *cli) {
	t.Helper()
	c.ok("import", c.write("peserta.csv", []byte(reportRoster)))
	gate1 := []string{"--station", "gerbang 1", "--operator", "Rina"}
	gate2 := []string{"--station", "gerbang 2", "--operator", "Yusuf"}
	c.ok(append([]string{"checkin", "JRS-BLG-0001", "JRS-BLG-0002"}, gate1...)...)
	c.ok(append([]string{"checkin", "JRS-BJM-0001", "JRS-BJM-0003"}, gate2...)...)
	c.ok("excuse", "JRS-BLG-0003", "--reason", "sakit", "--note", "demam")
	c.ok("confirm", "Kabupaten Balangan", "--leader", "H. Rahmadi")
	c.ok("replace", "JRS-BJM-0002", "--by", "JRS-BJM-0004")
	c.ok(append([]string{"checkin", "JRS-BJM-0004"}, gate2...)...)
	var mistake string
	for _, l := range jsonLines(t, c.ok("export", "events", "--format", "json").stdout) {
		if l.vals["kind"] == "arrive" && l.vals["volunteer_id"] == "JRS-BJM-0003" {
			mistake = l.vals["id"].(string)
		}
	}
	c.ok("annul", mistake, "--reason", "salah orang")
	c.ok("depart", "JRS-BJM-0001")
	c.ok(append([]string{"checkin", "--came-back", "JRS-BJM-0001"}, gate1...)...) // a return is chosen, as at the gate

	at := func(d time.Duration) string { return time.Now().Add(d).UTC().Format(time.RFC3339Nano) }
	third := fmt.Sprintf(`{"id":"g3-000001","kind":"arrive","volunteer_id":"JRS-BLG-0001","at":%q,"station":"gerbang 3","operator":"Dewi"}
{"id":"g3-000002","kind":"walk-in","volunteer_id":"W-g3-000002","contingent":"Kota Banjarmasin","at":%[2]q,"station":"gerbang 3","operator":"Dewi","record":{"id":"W-g3-000002","name":"Gusti Randi","contingent":"Kota Banjarmasin","pillar":"Tagana","gender":"L","source":"walk-in"}}
{"id":"g3-000003","kind":"arrive","volunteer_id":"W-g3-000002","at":%[2]q,"station":"gerbang 3","operator":"Dewi"}
`, at(time.Second), at(2*time.Second))
	c.ok("merge", c.write("gerbang3.jsonl", []byte(third)))
}

var (
	reportResult = regexp.MustCompile(`class="term result"><b>([0-9.,]+)</b>`)
	reportTerms  = regexp.MustCompile(`class="term"><b>([0-9.,]+)</b><small>([^<]+)</small>`)
)

// The report's count is the one `stats --json` gives, and its reckoning
// from the event log balances, term by term.
func TestReportCountsWhatStatsCounts(t *testing.T) {
	c := newCLI(t)
	reportDay(t, c)
	t.Chdir(c.dir)
	r := c.ok("report", "--lang", "en")
	written := filepath.Join(c.dir, "report.html")
	if !strings.Contains(r.stderr, "wrote "+written) {
		t.Errorf("the report does not say where it was written: %v", r)
	}
	page := string(c.read(written))
	stats := c.stats()
	if stats.Arrived != 5 {
		t.Fatalf("stats says %d arrived, want 5 (4 at the gates, the walk-in)", stats.Arrived)
	}
	m := reportResult.FindStringSubmatch(page)
	if m == nil || m[1] != fmt.Sprint(stats.Arrived) {
		t.Fatalf("the report's total is %v, stats says %d", m, stats.Arrived)
	}
	var terms []string
	for _, m := range reportTerms.FindAllStringSubmatch(page, -1) {
		terms = append(terms, m[1]+" "+m[2])
	}
	// 8 arrivals: 6 at the gates, the return, and two merged; the annulled
	// one; the second arrival from gerbang 3 and the return.
	want := "8 arrival events (including walk-ins&#39; arrivals)|1 annulled arrivals|2 repeated arrivals of someone already counted"
	if got := strings.Join(terms[:3], "|"); got != want {
		t.Errorf("the equation's terms:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(page, `id="unbalanced"`) || !strings.Contains(page, "✓ Balances") {
		t.Error("the report does not say that the count balances")
	}
	for _, s := range []string{"gerbang 1 (", "gerbang 2 (", "gerbang 3 (3 events)", "salah orang", "Gusti Randi", "H. Rahmadi",
		"&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(page, s) {
			t.Errorf("the report does not show %q", s)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("a roster name reached the report as HTML")
	}
}

func TestReportLanguageAndOutput(t *testing.T) {
	c := newCLI(t)
	reportDay(t, c)
	out := filepath.Join(c.dir, "laporan.html")
	c.ok("report", "-o", out, "--lang", "id")
	if page := string(c.read(out)); !strings.Contains(page, `<html lang="id">`) || !strings.Contains(page, "Laporan kehadiran") {
		t.Error("--lang id does not give the Indonesian report")
	}
	if r := c.ok("report", "-o", "-", "--lang", "en"); !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, "Attendance report") {
		t.Errorf("-o - does not print the English report: %.200s", r.stdout)
	}
	if r := c.expect(2, "report", "--lang", "fr"); !strings.Contains(r.stderr, "id or en") {
		t.Errorf("a language hadir does not speak: %v", r)
	}
	// A folder that does not exist: an error naming the file, and no file.
	bad := filepath.Join(c.dir, "no-such-folder", "r.html")
	if r := c.expect(1, "report", "-o", bad); !strings.Contains(r.stderr, bad) {
		t.Errorf("the error does not name the file: %v", r)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a report was written where it could not be")
	}
}

// While `hadir serve` holds the store, the report is made by the server and
// still lands in the folder the command was typed in.
func TestReportWhileServing(t *testing.T) {
	c, st := servingCLI(t)
	st.CheckIn("JRS-BLG-0001", db.Actor{Operator: "Rina"})
	t.Chdir(c.dir)
	r := c.ok("report", "--lang", "en")
	written := filepath.Join(c.dir, "report.html")
	contains(t, "report while serving", r.stderr, "wrote "+written)
	contains(t, "the served report", string(c.read(written)), `class="term result"><b>1</b>`)
}
