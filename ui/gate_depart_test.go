package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// departAt records a departure as a leader would on the contingent screen.
func departAt(t *testing.T, st *db.Store, id string) {
	t.Helper()
	if _, err := st.CheckIn(id, db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	if res, err := st.Depart(id, db.Actor{Station: "pos kontingen", Operator: "Pak Harun"}); err != nil || res.Outcome != db.Departed {
		t.Fatalf("departure of %s: %v %v", id, res.Outcome, err)
	}
}

// A volunteer who left is scanned at the gate: the answer is amber, says
// when and by whom they left, records no arrival (the departure count
// stays), keeps the scan as a note, and checks them in again only when
// "came back" is chosen.
func TestGateScanOfDepartedAsksBeforeCheckingBackIn(t *testing.T) {
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	departAt(t, st, "JRS-BLG-0002")
	d, c := newGateDriver(t, st, English, 100, 30)
	c.Now = clock.Now // the store's clock
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("H A S   L E F T", "! Has left: JRS-BLG-0002 Siti Aisyah", "Left "+hhmm(testClock)+", recorded by Pak Harun at pos kontingen", "Enter = yes, came back")
	if got := st.Totals(); got.Departed != 1 || got.OnSite != 0 {
		t.Fatalf("the scan of a departed volunteer changed the count: %+v", got)
	}
	if d.bell.String() != "\a\a" {
		t.Errorf("bell rang %q on the amber answer, want two beeps", d.bell.String())
	}
	notes := st.Notes(testClock.Add(-1))
	if len(notes) != 1 || notes[0].Reason != model.NoteDeparted || notes[0].Volunteer != "JRS-BLG-0002" {
		t.Fatalf("the refused scan is not on record: %+v", notes)
	}
	// Esc: nothing more happens.
	d.key(tea.KeyEsc)
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusDeparted {
		t.Fatalf("after Esc the volunteer is %v, want still departed", p.Status)
	}
	// Scanned again later and "came back" chosen: checked in again.
	clock.Add(time.Minute) // not the scanner firing twice
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("Has left: JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0002 Siti Aisyah")
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusArrived {
		t.Fatalf("after came back the volunteer is %v, want arrived", p.Status)
	}
}

// Chosen by name, a departed volunteer is asked about at once (no note:
// nothing was scanned), in Indonesian too.
func TestGateNameOfDepartedAsksCameBack(t *testing.T) {
	st := testStore(t, nil)
	departAt(t, st, "JRS-BLG-0002")
	d, _ := newGateDriver(t, st, Indonesian, 100, 30)
	d.typeText("siti aisyah")
	d.key(tea.KeyEnter)
	d.mustShow("Sudah pulang: JRS-BLG-0002 Siti Aisyah", "Pulang "+hhmm(testClock)+", dicatat oleh Pak Harun di pos kontingen", "Enter = ya, kembali")
	if len(st.Notes(testClock.Add(-1))) != 0 {
		t.Fatal("a name chosen from the list was kept as a refused scan")
	}
	d.key(tea.KeyEsc)
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusDeparted {
		t.Fatalf("after Esc the volunteer is %v", p.Status)
	}
}

// Departures mode: Ctrl+D puts the word and another frame on the search
// box, and a scan records a departure; a second scan, or someone not on
// site, is amber and records nothing.
func TestGateDeparturesMode(t *testing.T) {
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	for _, id := range []string{"JRS-BLG-0002", "JRS-BLG-0003"} {
		if _, err := st.CheckIn(id, db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
			t.Fatal(err)
		}
	}
	d, c := newGateDriver(t, st, English, 100, 30)
	c.Now = clock.Now // the store's clock
	normal := d.view()
	d.key(tea.KeyCtrlD)
	d.mustShow("⇥ DEPARTURES", "┏", "DEPARTURES mode: a scan records a departure")
	if strings.Contains(normal, "DEPARTURES") || strings.Split(d.view(), "\n")[0] == strings.Split(normal, "\n")[0] {
		t.Fatal("the search box looks the same in departures mode")
	}
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("D E P A R T E D", "✓ Departed: JRS-BLG-0002 Siti Aisyah, Kab. Balangan", "Kab. Balangan: 1 still on site")
	if got := st.Totals(); got.Departed != 1 || got.Arrived != 2 {
		t.Fatalf("after a departure scan: %+v, want 1 departed of 2 arrived", got)
	}
	clock.Add(10 * time.Second) // not the scanner firing twice
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("! Has left: JRS-BLG-0002", "already counted out")
	d.typeText("JRS-BLG-0004") // never arrived
	d.key(tea.KeyEnter)
	d.mustShow("! Not on site: JRS-BLG-0004", "no departure recorded")
	// By name: the question says departure.
	d.typeText("JRS-BLG-0003")
	d.key(tea.KeyEsc)
	d.typeText("soedjatmoko")
	d.key(tea.KeyEnter)
	d.mustShow("Record this person's departure?")
	d.key(tea.KeyEsc)
	if got := st.Totals().Departed; got != 1 {
		t.Fatalf("departed %d, want 1", got)
	}
	// Ctrl+D again: scans check in.
	d.key(tea.KeyCtrlD)
	d.mustNotShow("⇥ DEPARTURES")
	d.typeText("JRS-BLG-0004")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0004")
}

// A gate login is told at once that departures are the leaders'.
func TestGateDeparturesModeIsForLeaders(t *testing.T) {
	st := testStore(t, nil)
	d, c := newGateDriver(t, st, Indonesian, 100, 30)
	c.Actor.Role, c.Actor.Login = db.RoleGate, "key:gate"
	d.key(tea.KeyCtrlD)
	d.mustShow("Mode pulang khusus ketua kontingen dan panitia")
	d.mustNotShow("⇥ PULANG")
}

// An Enter that was on its way before the amber answer (a scanner that
// sends Enter twice) is not taken as "came back".
func TestGateEnterKeptDuringScanIsNotCameBack(t *testing.T) {
	st := testStore(t, nil)
	departAt(t, st, "JRS-BLG-0002")
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	d.typeText("JRS-BLG-0002")
	inFlight := g.Update(tea.KeyMsg{Type: tea.KeyEnter})
	d.send(tea.KeyMsg{Type: tea.KeyEnter}) // kept while the scan is answered
	d.run(inFlight)
	d.mustShow("Has left: JRS-BLG-0002", "Enter = yes, came back")
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusDeparted {
		t.Fatalf("a kept Enter checked a departed volunteer back in (%v)", p.Status)
	}
}
