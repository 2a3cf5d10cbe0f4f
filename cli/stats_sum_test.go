package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"hadir/db"
	"hadir/model"
)

// sumRoster has two contingents, so a replacement can be tried across them.
const sumRoster = "No Peserta;Nama;Kontingen;Pilar;JK\n" +
	"JRS-BLG-0001;Nurul Hikmah;Kabupaten Balangan;Tagana;P\n" +
	"JRS-BLG-0002;Ahmad Fauzi;Kabupaten Balangan;PSM;L\n" +
	"JRS-BLG-0003;Rina Wulandari;Kabupaten Balangan;TKSK;P\n" +
	"JRS-BLG-0004;Fitri Handayani;Kabupaten Balangan;TKSK;P\n" +
	"JRS-BJM-0001;Muhammad Rizki;Kota Banjarmasin;Karang Taruna;L\n" +
	"JRS-BJM-0002;Gusti Rahmat;Kota Banjarmasin;LKS;L\n" +
	"JRS-BJM-0003;Siti Rahmah;Kota Banjarmasin;LKS;P\n"

// The count per contingent always adds up to the count of the whole event,
// whatever happened: `stats --json` is checked after every kind of event.
func TestStatsContingentsAddUpAfterEveryEvent(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.ok("import", c.write("peserta.csv", []byte(sumRoster)))
	check := func(after string, wantExpected int) {
		t.Helper()
		s := c.stats()
		var expected, arrived int
		for _, ct := range s.Contingents {
			expected += ct.Expected
			arrived += ct.Arrived
		}
		if expected != s.Expected || arrived != s.Arrived {
			t.Fatalf("after %s: the contingents add up to %d arrived of %d expected; the total says %d of %d",
				after, arrived, expected, s.Arrived, s.Expected)
		}
		if s.Expected != wantExpected {
			t.Fatalf("after %s: %d expected, want %d", after, s.Expected, wantExpected)
		}
	}
	// store runs fn on the store between two commands (what the screen does).
	store := func(fn func(st *db.Store, by db.Actor)) {
		t.Helper()
		st, err := db.Open(c.db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		fn(st, db.Actor{Station: "gerbang 1", Operator: "Rina"})
	}
	eventID := regexp.MustCompile(`\[event ([^\]]+)\]`)
	check("the import", 7)

	c.ok("checkin", "JRS-BLG-0001", "JRS-BJM-0001")
	check("check-ins", 7)
	ex := c.ok("excuse", "JRS-BLG-0003", "--reason", "sakit")
	check("an excuse", 7)
	c.ok("annul", eventID.FindStringSubmatch(ex.stdout)[1], "--reason", "salah orang")
	check("an annulled excuse", 7)

	// A replacement from another contingent is refused with the reason.
	r := c.run("replace", "JRS-BLG-0002", "--by", "JRS-BJM-0002")
	if r.code == 0 || !strings.Contains(r.stderr, "a replacement must be of the same contingent") {
		t.Fatalf("a replacement across contingents: %v", r)
	}
	check("a refused replacement", 7)
	c.ok("replace", "JRS-BLG-0002", "--by", "JRS-BLG-0004")
	check("a replacement", 6)
	store(func(st *db.Store, by db.Actor) {
		if _, err := st.ReplaceWithWalkIn("JRS-BJM-0003", model.Volunteer{Name: "Iyus", Contingent: "Kabupaten Balangan", Gender: "L"}, by); err == nil {
			t.Error("a walk-in replacing a Banjarmasin volunteer joined Balangan")
		}
		if _, err := st.ReplaceWithWalkIn("JRS-BJM-0003", model.Volunteer{Name: "Iyus", Gender: "L"}, by); err != nil {
			t.Fatal(err)
		}
	})
	check("a walk-in replacement", 6)
	store(func(st *db.Store, by db.Actor) {
		if _, err := st.WalkIn(model.Volunteer{Name: "Udin", Contingent: "Kota Banjarmasin", Gender: "L"}, by); err != nil {
			t.Fatal(err)
		}
	})
	check("a walk-in", 7)
	c.ok("checkin", "JRS-BLG-0003", "JRS-BLG-0004", "JRS-BJM-0002")
	c.ok("confirm", "Kabupaten Balangan", "--leader", "Nurul Hikmah")
	check("a sign-off", 7)
	store(func(st *db.Store, by db.Actor) {
		var arrival string
		st.Read(func(s *model.State, _ *model.Index) { arrival = s.LatestArrivals(1)[0].Arrival.ID })
		if _, err := st.Annul(arrival, "salah orang", by); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Withdraw("Kabupaten Balangan", model.PhaseArrival, "", by); err != nil {
			t.Fatal(err)
		}
	})
	check("an annulled arrival and a withdrawn sign-off", 7)
	c.ok("depart", "JRS-BLG-0001")
	check("a departure", 7)
	store(func(st *db.Store, by db.Actor) {
		for _, n := range [][2]string{{"ZZZ-0001", model.NoteUnknownBadge}, {"JRS-BLG-0001", model.NoteDeparted}, {"JRS-BLG-0002", model.NoteRefusedRole}} {
			if _, err := st.RecordNote(n[0], n[1], "", by); err != nil {
				t.Fatal(err)
			}
		}
	})
	check("refused scans kept as notes", 7)
	if out := c.ok("verify").stdout; !strings.Contains(out, "is sound") {
		t.Fatalf("verify after notes: %s", out)
	}
	if out := c.ok("export", "events").stdout; !strings.Contains(out, ",note,") {
		t.Fatalf("the events export has no notes:\n%s", out)
	}
	c.ok("contingent", "rename", "Kota Banjarmasin", "Kota Banjarmasin Baru")
	check("a contingent renamed", 7)
	c.ok("contingent", "rename", "Kota Banjarmasin Baru", "Kabupaten Balangan", "--merge")
	check("two contingents merged", 7)
}

// A sign-off that no longer holds (an arrival annulled after it) is marked
// in the table as the screen marks it, and lapsed in the JSON.
func TestStatsLapsedSignOff(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	r := c.ok("checkin", "JRS-BLG-0001", "JRS-BLG-0002", "JRS-BLG-0003")
	c.ok("confirm", "Kabupaten Balangan", "--leader", "Nurul Hikmah")
	var arrival string
	for _, line := range strings.Split(c.ok("export", "events").stdout, "\n") {
		if strings.Contains(line, ",arrive,JRS-BLG-0002,") {
			arrival = strings.SplitN(line, ",", 2)[0]
		}
	}
	if arrival == "" {
		t.Fatalf("no arrival of JRS-BLG-0002 in the events (checkin said %s)", r.stdout)
	}
	c.ok("annul", arrival, "--reason", "salah orang")
	var s struct {
		Contingents []struct {
			Name        string  `json:"name"`
			ConfirmedBy *string `json:"confirmed_by"`
			Lapsed      *bool   `json:"confirmation_lapsed"`
		} `json:"contingents"`
	}
	if err := json.Unmarshal([]byte(c.ok("stats", "--json").stdout), &s); err != nil {
		t.Fatal(err)
	}
	for _, ct := range s.Contingents {
		lapsed := ct.Name == "Kabupaten Balangan"
		if ct.ConfirmedBy != nil || ct.Lapsed == nil || *ct.Lapsed != lapsed {
			t.Errorf("%s in stats --json: confirmed_by %v, confirmation_lapsed %v; want null and %v", ct.Name, ct.ConfirmedBy, ct.Lapsed, lapsed)
		}
	}
	contains(t, "stats", c.ok("stats").stdout, "! Nurul Hikmah: no longer valid")
}
