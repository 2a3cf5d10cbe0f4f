package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// A reason typed that looks like an ID ("2x", "test2") is a reason: the
// check-in is annulled, and the answer names the ID.
func TestGateAnnulReasonThatLooksLikeAnID(t *testing.T) {
	for _, reason := range []string{"2x", "test2"} {
		st := testStore(t, nil)
		d, _ := newGateDriver(t, st, English, 100, 30)
		d.typeText("JRS-BLG-0002")
		d.key(tea.KeyEnter)
		d.key(tea.KeyCtrlX)
		d.typeText(reason)
		d.key(tea.KeyEnter)
		d.mustShow("Annulled: JRS-BLG-0002 Siti Aisyah")
		d.mustNotShow("Unknown ID")
		if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusMissing {
			t.Fatalf("reason %q: the check-in stands (%v)", reason, p.Status)
		}
		if n := len(st.Notes(testClock.Add(-1))); n != 0 {
			t.Fatalf("reason %q was kept as a refused scan", reason)
		}
	}
}

// A known badge scanned into the reason box is taken as that scan, and the
// screen says the annul was not made.
func TestGateBadgeScannedIntoTheReason(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, Indonesian, 100, 30)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.key(tea.KeyCtrlX)
	d.typeText("JRS-BLG-0003")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Hadir: JRS-BLG-0003", `TIDAK dibatalkan: "JRS-BLG-0003" kartu peserta`)
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusArrived {
		t.Fatalf("the check-in was annulled (%v) though the reason was a badge", p.Status)
	}
}

// A gate's SSH connection drops and comes back: Ctrl+X still offers what
// that login checked in at that station, and may annul it. Another station
// sharing the passcode does not see it.
func TestGateAnnulAfterReconnect(t *testing.T) {
	st := testStore(t, nil)
	first, c1 := newGateDriver(t, st, English, 100, 30)
	c1.Actor = db.Actor{Station: "gerbang 1", Operator: "Rina", Role: db.RoleGate, Login: "passcode:gate:1@gerbang 1#aaaa1111"}
	first.typeText("JRS-BLG-0002")
	first.key(tea.KeyEnter)
	first.mustShow("✓ Checked in: JRS-BLG-0002")

	other, c3 := newGateDriver(t, st, English, 100, 30)
	c3.Actor = db.Actor{Station: "gerbang 2", Operator: "Rina", Role: db.RoleGate, Login: "passcode:gate:1@gerbang 2#cccc3333"}
	other.key(tea.KeyCtrlX)
	other.mustShow("No check-in at station gerbang 2 to annul.")

	again, c2 := newGateDriver(t, st, English, 100, 30)
	c2.Actor = db.Actor{Station: "gerbang 1", Operator: "Rina", Role: db.RoleGate, Login: "passcode:gate:1@gerbang 1#bbbb2222"}
	again.key(tea.KeyCtrlX)
	again.mustShow("Annul the check-in of Siti Aisyah at station gerbang 1")
	again.typeText("wrong person")
	again.key(tea.KeyEnter)
	again.mustShow("Annulled: JRS-BLG-0002 Siti Aisyah")
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusMissing {
		t.Fatalf("after the annul the volunteer is %v", p.Status)
	}
}

// Ctrl+C asks first while a check-in is being written or a form holds what
// was typed; a second Ctrl+C quits, any other key stays.
func TestQuitAsksWhileWorkIsUnsaved(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 80, 24)
	ctrlC := tea.KeyMsg{Type: tea.KeyCtrlC}
	d.key(tea.KeyCtrlN)
	d.typeText("Udin")
	if _, cmd := d.app.Update(ctrlC); isQuit(cmd) {
		t.Fatal("Ctrl+C quit with the walk-in form half filled")
	}
	d.mustShow("Form not saved: Ctrl+C again quits")
	d.typeText("a") // stays: the key goes to the form
	d.mustShow("Udina")
	d.mustNotShow("Form not saved")
	d.app.Update(ctrlC)
	if _, cmd := d.app.Update(ctrlC); !isQuit(cmd) {
		t.Fatal("a second Ctrl+C did not quit")
	}

	// A check-in being written.
	d2 := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: Indonesian}, 80, 24)
	g := d2.app.screens[0].(*Gate)
	d2.typeText("JRS-BLG-0003")
	g.Update(tea.KeyMsg{Type: tea.KeyEnter}) // its answer has not come yet
	if _, cmd := d2.app.Update(ctrlC); isQuit(cmd) {
		t.Fatal("Ctrl+C quit while a check-in was being written")
	}
	d2.mustShow("Sedang menyimpan: Ctrl+C lagi keluar")

	// Nothing unsaved: Ctrl+C quits at once.
	d3 := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 80, 24)
	if _, cmd := d3.app.Update(ctrlC); !isQuit(cmd) {
		t.Fatal("Ctrl+C with nothing unsaved did not quit")
	}
}

func (d *appDriver) mustNotShow(parts ...string) {
	d.t.Helper()
	d.settle()
	v := d.app.View()
	for _, p := range parts {
		if strings.Contains(v, p) {
			d.t.Fatalf("the screen shows %q:\n%s", p, v)
		}
	}
}
