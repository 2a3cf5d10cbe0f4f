package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// The bus confirmation names the people it checks in, scrolls through
// them, and says who is left out; then the bus is annulled as one, with one
// reason, and the count goes back.
func TestContingentBusNamesAndAnnul(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 100, 24)
	m := openBalangan(d)
	first, second := m.rows[0], m.rows[1]
	d.typeText("e")
	d.typeText("s")
	d.typeText("demam")
	d.key(tea.KeyEnter) // the first is ill: left out of the bus
	d.key(tea.KeyHome)
	d.typeText("a")
	d.key(tea.KeyEnter)
	d.mustShow("Check in 99 volunteers of Kab. Balangan?", second.Name, second.ID,
		"Left out (1): "+first.Name+" (sakit)", "of 50 · ↑/↓ to scroll")
	last := m.rows[len(m.rows)-1] // the list is in columns: the last is at the bottom of the second
	if last.ID == first.ID {
		last = m.rows[len(m.rows)-2]
	}
	d.mustNotShow(last.ID)
	for range 60 {
		d.key(tea.KeyDown)
	}
	d.mustShow(last.ID, "of 50")
	d.mustNotShow(second.ID)
	d.key(tea.KeyEnter)
	d.mustShow("99 of 99 checked in.")
	if st.Totals().Arrived != 99 {
		t.Fatalf("arrived %d after the bus, want 99", st.Totals().Arrived)
	}

	d.key(tea.KeyCtrlX)
	d.mustShow("Annul the bus check-in of "+hhmm(testClock)+" (gerbang 1): 99 people?", second.Name, "Reason:")
	d.key(tea.KeyEnter)
	d.mustShow("Type the reason first")
	if st.Totals().Arrived != 99 {
		t.Fatal("a bus was annulled without a reason")
	}
	d.typeText("wrong bus")
	d.key(tea.KeyEnter)
	d.mustShow("The bus check-in of "+hhmm(testClock)+" is annulled: 99 people (wrong bus).", "0/100 arrived")
	if st.Totals().Arrived != 0 {
		t.Fatalf("arrived %d after the bus was annulled, want 0", st.Totals().Arrived)
	}
	var reasons []string
	st.Read(func(s *model.State, _ *model.Index) {
		for _, e := range s.Events() {
			if e.Kind == model.KindAnnul {
				reasons = append(reasons, e.Reason)
			}
		}
	})
	if len(reasons) != 99 || reasons[0] != "wrong bus" {
		t.Fatalf("%d annulments (%v…), want 99 with the one reason", len(reasons), reasons[:min(1, len(reasons))])
	}
	d.key(tea.KeyCtrlX)
	d.mustShow("No bus check-in of this contingent today to annul.")
}

// Every key that cannot act says why; Space says it moves down.
func TestContingentKeysSayWhy(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	var help []string
	for _, b := range m.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if !strings.Contains(strings.Join(help, " · "), "space select, move down") {
		t.Errorf("Space's help %q does not say it moves down", help)
	}
	if _, err := st.CheckIn(m.rows[0].ID, db.Actor{Station: "gerbang 1", Operator: "Rina"}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.key(tea.KeyEnd) // the arrived person is listed last
	arrived := m.rows[m.sel]
	if arrived.Status != model.StatusArrived {
		t.Fatalf("the last row is %v, want the arrived person", arrived.Status)
	}
	for _, k := range []string{"e", "r"} {
		d.typeText(k)
		d.mustShow("Already arrived (" + hhmm(testClock) + ", gerbang 1): nothing to do. A mistake? Annul it in the Log (F4).")
		d.mustNotShow("Note:", "Who replaces")
	}
	d.key(tea.KeyEnter)
	d.mustShow("Already arrived (" + hhmm(testClock) + ", gerbang 1)")
	d.mustNotShow("Check in 1 volunteers")
	d.typeText(" ")
	d.mustShow("Already arrived")
	d.mustNotShow("1 selected")
	d.typeText("w")
	d.mustShow("Not signed off: nothing to withdraw.")
	d.typeText("d") // departures: the missing cannot leave
	d.key(tea.KeyHome)
	d.key(tea.KeyEnd)
	d.key(tea.KeyEnter)
	d.mustShow("Not on site (not arrived, or left): no departure to record.")
}

// The replacement picker never offers the person being replaced.
func TestContingentReplacePickerLeavesOutThePersonReplaced(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	target := m.rows[0]
	d.typeText("r")
	d.key(tea.KeyEnter) // nothing typed, nobody chosen: said, not silent
	d.mustShow("Nobody chosen: type a name of this contingent, or Ctrl+N for someone not on the roster.")
	d.typeText(target.Name)
	d.mustShow("Who replaces " + target.Name + "?")
	for _, p := range m.found {
		if p.ID == target.ID {
			t.Fatalf("%s is offered to replace themselves", target.ID)
		}
	}
	d.typeText(" ")
	d.key(tea.KeyBackspace)
	d.mustNotShow(target.ID)
}

// A walk-in from a contingent not on the roster: a leader (here, the
// laptop's owner) adds it after a second Enter; a gate login is told whom
// to ask, and the store refuses it too.
func TestWalkInNewContingent(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 120, 30)
	d.key(tea.KeyCtrlN)
	d.typeText("Iyus Saputra")
	d.key(tea.KeyEnter)
	d.typeText("Kota Bogor")
	d.key(tea.KeyEnter)
	d.typeText("PKH")
	d.key(tea.KeyEnter)
	d.key(tea.KeyRight)
	d.key(tea.KeyEnter)
	d.key(tea.KeyEnter)
	d.mustShowWrapped(`"Kota Bogor" is not a contingent on the roster. Press Enter again to add it as a new one.`)
	if st.Totals().Expected != 3000 {
		t.Fatal("a new contingent was added without a second Enter")
	}
	d.key(tea.KeyEnter)
	d.mustShow("Iyus Saputra, Kota Bogor")
	if tot := st.Totals(); tot.Expected != 3001 || tot.Arrived != 1 {
		t.Fatalf("after adding Kota Bogor: %d of %d", tot.Arrived, tot.Expected)
	}

	gd, gate := newScreenDriverAs(t, st, Options{Operator: "Budi", Station: "gerbang 2", Lang: English, Role: db.RoleGate, Login: "key:budi"}, 120, 30,
		func(c *Common) Screen { return newGate(c) })
	gd.key(tea.KeyCtrlN)
	gd.typeText("Asep Sunandar")
	gd.key(tea.KeyEnter)
	gd.typeText("Kota Depok")
	gd.key(tea.KeyEnter)
	gd.typeText("PKH")
	gd.key(tea.KeyEnter)
	gd.key(tea.KeyRight)
	gd.key(tea.KeyEnter)
	gd.key(tea.KeyEnter)
	gd.key(tea.KeyEnter) // a second Enter does not add it either
	gd.mustShowWrapped(`No contingent "Kota Depok". A gate login cannot add one: ask a leader or an admin to register this person.`)
	if st.Totals().Expected != 3001 {
		t.Fatal("a gate login added a contingent")
	}
	if _, err := st.WalkIn(model.Volunteer{Name: "Asep Sunandar", Contingent: "Kota Depok", Gender: "L"}, gate.Actor); err == nil {
		t.Fatal("the store let a gate login add a contingent")
	}
}

// mustShowWrapped is mustShow for text the screen may wrap over lines.
func (d *screenDriver) mustShowWrapped(text string) {
	d.t.Helper()
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if !strings.Contains(words(d.view()), words(text)) {
		d.t.Fatalf("the screen does not show %q:\n%s", text, d.view())
	}
}

// At 80 columns in Indonesian, a "why" that needs two lines gets them: the
// list gives up a row, and nothing is cut.
func TestContingentWhyIsNeverCut(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, Indonesian, 80, 24)
	m := openBalangan(d)
	first := m.rows[0]
	if _, err := st.CheckIn(first.ID, db.Actor{Station: "gerbang 1", Operator: "Rina"}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.key(tea.KeyEnd)
	d.typeText("e")
	d.mustShowWrapped("Sudah tiba (" + hhmm(testClock) + ", gerbang 1): tidak ada yang dicatat. Salah? Batalkan di Riwayat (F4).")
	if n := strings.Count(d.view(), "\n") + 1; n > 24-3 {
		t.Fatalf("the contingent takes %d lines with a long note; it has 21", n)
	}
	d.mustShow(m.rows[m.sel].ID) // the selected row is still on screen
}
