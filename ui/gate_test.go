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

func TestGateNameSearchConfirmCheckIn(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("siti aisyah")
	d.mustShow("Siti Aisyah", "Not arrived yet")
	d.key(tea.KeyEnter)
	d.mustShow("Check in this person?", "S i t i   A i s y a h")
	if st.Totals().Arrived != 0 {
		t.Fatal("the first Enter checked in; it must only ask")
	}
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0002 Siti Aisyah, Kab. Balangan", "1 of 100 arrived")
	if st.Totals().Arrived != 1 {
		t.Fatalf("arrived %d after confirming, want 1", st.Totals().Arrived)
	}
	if g := d.s.(*Gate); g.input.Value() != "" {
		t.Errorf("the search box holds %q after a check-in; it must be empty for the next scan", g.input.Value())
	}
	// The same name again: the list shows the arrival, and confirming warns.
	d.typeText("siti aisyah")
	d.mustShow("Arrived " + hhmm(testClock) + " at gerbang 1 by Rina")
	d.key(tea.KeyEnter)
	d.mustShow("Already arrived " + hhmm(testClock))
	d.key(tea.KeyEnter)
	d.mustShow("! Already checked in: JRS-BLG-0002 Siti Aisyah", "at "+hhmm(testClock)+", gerbang 1, by Rina")
	if d.bell.String() != "\a\a\a" {
		t.Errorf("bell rang %q after a check-in and an amber answer, want one beep then two", d.bell.String())
	}
	if st.Totals().Arrived != 1 {
		t.Fatalf("arrived %d after a duplicate, want 1", st.Totals().Arrived)
	}
}

func TestGateEscCancelsConfirmation(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("soedjatmoko")
	d.key(tea.KeyEnter)
	d.mustShow("Check in this person?", "S o e d j a t m o k o")
	d.key(tea.KeyEsc)
	d.mustNotShow("Check in this person?")
	d.key(tea.KeyDown) // browsing checks in nobody
	d.key(tea.KeyUp)
	if st.Totals().Arrived != 0 {
		t.Fatal("a cancelled confirmation checked someone in")
	}
}

func TestGateScanChecksInAtOnce(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0002 Siti Aisyah, Kab. Balangan")
	if st.Totals().Arrived != 1 {
		t.Fatal("a scanned ID did not check in with one Enter")
	}
	if d.bell.String() != "\a" {
		t.Errorf("bell rang %q on a check-in, want one beep", d.bell.String())
	}
	d.bell.Reset()
	// The scanner fires twice: the repeat is ignored quietly.
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("Repeated scan of JRS-BLG-0002 Siti Aisyah ignored", "✓ Checked in: JRS-BLG-0002 Siti Aisyah")
	if d.bell.Len() != 0 {
		t.Error("an ignored repeat scan rang the bell")
	}
	// Lower case from a scanner set to lower case still matches.
	d.typeText("jrs-blg-0003")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in:")
	if st.Totals().Arrived != 2 {
		t.Fatalf("arrived %d, want 2", st.Totals().Arrived)
	}
}

func TestGateScanRepeatAfterWindowWarns(t *testing.T) {
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	d, c := newGateDriver(t, st, English, 100, 30)
	c.Now = clock.Now
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	clock.Add(4 * time.Second)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("! Already checked in: JRS-BLG-0002 Siti Aisyah")
}

func TestGateUnknownID(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, Indonesian, 100, 30)
	d.typeText("JRS-BLG-9999") // an ID prefix of many: still unknown, never a near match
	d.key(tea.KeyEnter)
	d.mustShow("✗ ID tidak dikenal: JRS-BLG-9999")
	if d.bell.String() != "\a\a\a" {
		t.Errorf("bell rang %q on the red answer, want three beeps", d.bell.String())
	}
	if st.Totals().Arrived != 0 {
		t.Fatal("an unknown ID checked someone in")
	}
}

func TestGateAnnulLastCheckIn(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.key(tea.KeyCtrlX)
	d.mustShow("Annul the check-in of Siti Aisyah at station gerbang 1 at " + hhmm(testClock) + "?")
	d.key(tea.KeyEnter) // no reason yet
	d.mustShow("Write a short reason.")
	d.typeText("wrong person")
	d.key(tea.KeyEnter)
	d.mustShow("Annulled: JRS-BLG-0002 Siti Aisyah", "expected again")
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusMissing {
		t.Fatalf("after annul the volunteer is %v, want missing", p.Status)
	}
	// Nothing left to annul at this gate.
	d.key(tea.KeyCtrlX)
	d.mustShow("No check-in at station gerbang 1 to annul.")
}

func TestGateWalkIn(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("Udin Saprudin")
	d.mustShow("Nobody matches")
	d.key(tea.KeyCtrlN)
	d.mustShow("Walk-in (not on the roster)")
	if v := d.s.(*Gate).walkin.fields[fieldName].Value(); v != "Udin Saprudin" {
		t.Errorf("the form did not take the searched name: %q", v)
	}
	d.key(tea.KeyEnter) // to contingent
	d.typeText("balangan")
	d.mustShow("✓ Kab. Balangan")
	d.key(tea.KeyEnter)
	d.typeText("Tagana")
	d.key(tea.KeyEnter)
	d.typeText("L")
	d.key(tea.KeyEnter)
	d.typeText("0812 3456 7890")
	// Enter twice, as an impatient operator does: one walk-in, not two.
	g := d.s.(*Gate)
	first := g.walkin.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if second := g.walkin.Update(tea.KeyMsg{Type: tea.KeyEnter}); second != nil {
		t.Error("a second Enter while saving sends the walk-in again")
	}
	d.run(first)
	d.mustShow("Udin Saprudin, Kab. Balangan", "1 of 101 arrived")
	d.typeText("udin saprudin")
	d.mustShow("Source     Walk-in")
	var found bool
	st.Read(func(s *model.State, _ *model.Index) {
		for _, v := range s.Volunteers() {
			// The phone is kept in one form, as the roster's are.
			if v.Name == "Udin Saprudin" && v.Source == model.SourceWalkIn && v.Phone == "081234567890" {
				found = true
			}
		}
	})
	if !found {
		t.Error("the walk-in is not in the store")
	}
}

func TestGateWalkInValidation(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.key(tea.KeyCtrlN)
	for range fieldCount {
		d.key(tea.KeyTab)
	}
	d.send(tea.KeyMsg{Type: tea.KeyEnter}) // submit from the name field with everything empty
	d.key(tea.KeyTab)
	d.key(tea.KeyTab)
	d.key(tea.KeyTab)
	d.key(tea.KeyTab)
	d.key(tea.KeyEnter)
	d.mustShow("A name is required.", "A contingent is required.", "Type L (male) or P (female).")
	// Fill some wrong values.
	g := d.s.(*Gate)
	g.walkin.fields[fieldName].SetValue("Iyus")
	g.walkin.fields[fieldContingent].SetValue("Kab.")
	g.walkin.fields[fieldGender].SetValue("X")
	g.walkin.fields[fieldPhone].SetValue("12ab")
	g.walkin.setFocus(fieldPhone)
	d.key(tea.KeyEnter)
	d.mustShow("contingents match: type more of the name.", "Type L (male) or P (female).", "Phone: 8 to 15 digits.")
	g.walkin.fields[fieldContingent].SetValue("Kabupaten Atlantis")
	g.walkin.setFocus(fieldPhone)
	d.key(tea.KeyEnter)
	d.mustShow(`"Kabupaten Atlantis" is not a contingent on the roster.`) // a second Enter would add it (walkin_test.go)
	if st.Totals().Expected != 3000 {
		t.Fatal("an invalid walk-in was saved")
	}
	d.key(tea.KeyEsc)
	d.mustNotShow("Walk-in (not on the roster)")
}

func TestGateContingentFilter(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.key(tea.KeyCtrlF)
	d.typeText("balangan")
	d.key(tea.KeyEnter)
	d.mustShow("only Kab. Balangan", "100 results")
	d.typeText("siti")
	for _, p := range d.s.(*Gate).rows {
		if p.Contingent != "Kab. Balangan" {
			t.Fatalf("the filter let %s of %s through", p.Name, p.Contingent)
		}
	}
}

func TestGateSelectionStaysWhileTyping(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("nur")
	d.key(tea.KeyDown)
	d.key(tea.KeyDown)
	g := d.s.(*Gate)
	chosen := g.rows[g.sel]
	d.typeText(strings.ToLower(strings.Fields(chosen.Name)[0])[3:]) // finish the first word
	if g.rows[g.sel].ID != chosen.ID {
		t.Errorf("the selection jumped from %s to %s while typing the same word", chosen.Name, g.rows[g.sel].Name)
	}
}

func TestGateShowsOtherGatesArrivals(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("soedjatmoko")
	d.mustShow("Not arrived yet")
	if _, err := st.CheckIn("JRS-BJR-0003", db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.mustShow("Arrived " + hhmm(testClock) + " at gerbang 2 by Budi")
}

// A badge scanned while the gate asks to confirm someone else checks in
// the scanned volunteer, not the one waiting for confirmation.
func TestGateScanDuringConfirmation(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("soedjatmoko")
	d.key(tea.KeyEnter)
	d.mustShow("Check in this person?", "S o e d j a t m o k o")
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0002 Siti Aisyah")
	if p, _ := st.Person("JRS-BJR-0003"); p.Status != model.StatusMissing {
		t.Error("the volunteer waiting for confirmation was checked in by the scan's Enter")
	}
	// And a badge scanned into the annul reason is a check-in, not a reason.
	d.key(tea.KeyCtrlX)
	d.mustShow("Annul the check-in of Siti Aisyah")
	d.typeText("JRS-BLG-0003")
	d.key(tea.KeyEnter)
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusArrived {
		t.Error("a scanned badge was taken as the annul reason")
	}
	if p, _ := st.Person("JRS-BLG-0003"); p.Status != model.StatusArrived {
		t.Error("the badge scanned into the reason prompt was not checked in")
	}
}
