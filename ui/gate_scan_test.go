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

// A scanner that stores badges sends them in one burst: the next IDs arrive
// while the first check-in is still being written. None is lost, they are
// checked in in the order scanned, and their answers are shown in that
// order: the later ones wait for the first.
func TestGateScanBurstKeepsKeysTypedDuringCheckIn(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	ids := []string{"JRS-BLG-0002", "JRS-BLG-0003", "JRS-BLG-0004", "JRS-BJR-0003"}
	d.typeText(ids[0])
	inFlight := g.Update(tea.KeyMsg{Type: tea.KeyEnter}) // its command has not run yet
	for _, id := range ids[1:] {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(id)}, tea.KeyMsg{Type: tea.KeyEnter})
	}
	if got := st.Totals().Arrived; got != len(ids) {
		t.Fatalf("%d arrivals after a burst of %d badges", got, len(ids))
	}
	var order []string
	st.Read(func(s *model.State, _ *model.Index) {
		for _, p := range s.LatestArrivals(len(ids)) {
			order = append([]string{p.ID}, order...)
		}
	})
	if strings.Join(order, " ") != strings.Join(ids, " ") {
		t.Errorf("arrivals in the order %v, scanned %v", order, ids)
	}
	d.mustNotShow("Checked in") // the first answer has not come: the later ones wait for it
	d.run(inFlight)
	d.mustShow("✓ Checked in: JRS-BJR-0003 Soedjatmoko", "✓ Checked in: JRS-BLG-0004")
	if g.input.Value() != "" {
		t.Errorf("the search box holds %q after the burst", g.input.Value())
	}
}

// An annulled check-in is undone: the same badge scanned again at once is a
// new check-in, not a repeated scan to ignore.
func TestGateRescanAfterAnnulChecksIn(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.key(tea.KeyCtrlX)
	d.typeText("wrong day")
	d.key(tea.KeyEnter)
	d.mustShow("Annulled: JRS-BLG-0002 Siti Aisyah")
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustNotShow("Repeated scan")
	d.mustShow("✓ Checked in: JRS-BLG-0002 Siti Aisyah")
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusArrived {
		t.Fatalf("rescanned after the annul, the volunteer is %v", p.Status)
	}
}

// A scan that lands on half-typed text checks in the scanned badge and says
// what was dropped, instead of "Unknown ID: sitiJRS-…".
func TestGateScanOnHalfTypedText(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("siti")
	d.typeText("JRS-BJR-0003")
	d.key(tea.KeyEnter)
	d.mustNotShow("Unknown ID")
	d.mustShow("✓ Checked in: JRS-BJR-0003 Soedjatmoko", `The text "siti" typed before the scan was dropped`)
	if p, _ := st.Person("JRS-BJR-0003"); p.Status != model.StatusArrived {
		t.Fatal("the scanned badge was not checked in")
	}
	// Text that ends in no known ID is still an unknown ID.
	d.typeText("sitiJRS-BJR-9999")
	d.key(tea.KeyEnter)
	d.mustShow("Unknown ID: sitiJRS-BJR-9999")
}

// After an answer the details pane shows whom it is about, not the row that
// was selected before.
func TestGateDetailsShowTheAnswersPerson(t *testing.T) {
	clock := testclock.Stepping(testClock, 5*time.Second) // no scan is a scanner's repeat
	st := testStoreOn(t, nil, clock)
	d, c := newGateDriver(t, st, English, 100, 30)
	c.Now = clock.Now
	for _, id := range []string{"JRS-BLG-0002", "JRS-BLG-0003"} {
		d.typeText(id)
		d.key(tea.KeyEnter)
	}
	d.key(tea.KeyDown) // the latest arrivals: JRS-BLG-0003, then Siti Aisyah selected
	d.mustShow("ID         JRS-BLG-0002")
	d.typeText("soedjatmoko")
	d.key(tea.KeyDown)
	d.typeText("JRS-BLG-0003") // a repeated badge lands on the half-typed name
	d.key(tea.KeyEnter)
	d.mustShow("! Already checked in: JRS-BLG-0003", "ID         JRS-BLG-0003")
	d.mustNotShow("ID         JRS-BLG-0002")
	// An unknown badge is about nobody: no one's details stay up.
	d.typeText("JRS-XXX-0001")
	d.key(tea.KeyEnter)
	d.mustShow("Unknown ID: JRS-XXX-0001")
	d.mustNotShow("ID         JRS-")
}

// The event lasts three days: a time that is not today says which day.
func TestGateTimesOfAnotherDayCarryTheDay(t *testing.T) {
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	if _, err := st.CheckIn("JRS-BLG-0002", db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	clock.Set(testClock.AddDate(0, 0, 1)) // the next morning
	for _, c := range []struct {
		lang          Lang
		answer, panel string
	}{
		{English, "at " + dayAndTime(testClock, English) + ", gerbang 2, by Budi", "Arrived " + dayAndTime(testClock, English) + " at gerbang 2"},
		{Indonesian, "pukul " + dayAndTime(testClock, Indonesian) + ", di gerbang 2", "Tiba " + dayAndTime(testClock, Indonesian) + " di gerbang 2"},
	} {
		d, common := newGateDriver(t, st, c.lang, 120, 30) // the longest day and month fit the panel
		common.Now = clock.Now
		d.typeText("JRS-BLG-0002")
		d.key(tea.KeyEnter)
		d.mustShow(c.answer, c.panel)
	}
}

// The latest answer is a full-width block with its colour, symbol and word,
// kept until the next action, with a beep unless the bell is off.
func TestGateAnswerBlock(t *testing.T) {
	clock := testclock.Stepping(testClock, 5*time.Second)
	st := testStoreOn(t, nil, clock)
	d, c := newGateDriver(t, st, English, 100, 30)
	c.Now = clock.Now
	scan := func(id string) { d.typeText(id); d.key(tea.KeyEnter) }
	scan("JRS-BLG-0002")
	d.mustShow("✓  C H E C K E D   I N  ✓")
	if d.bell.String() != "\a" {
		t.Errorf("a check-in rang %q, want one beep", d.bell.String())
	}
	// Another gate's arrival does not take the answer away.
	st.CheckIn("JRS-BLG-0003", db.Actor{Station: "gerbang 2", Operator: "Budi"})
	d.send(storeChangedMsg{})
	d.mustShow("✓  C H E C K E D   I N  ✓", "JRS-BLG-0002 Siti Aisyah")
	scan("JRS-BLG-0002")
	d.mustShow("!  A L R E A D Y   I N  !")
	scan("JRS-NOPE-0001")
	d.mustShow("✗  N O T   R E C O R D E D  ✗")
	d.mustNotShow("A L R E A D Y")

	d.bell.Reset()
	c.Bell = false // --no-bell
	scan("JRS-BLG-0004")
	d.mustShow("✓  C H E C K E D   I N  ✓")
	if d.bell.Len() != 0 {
		t.Errorf("with --no-bell the gate rang %q", d.bell.String())
	}
}

// A name and Enter typed while a check-in is written: the confirmation,
// shown after the check-in's answer, offers the name typed, not a row of
// the list before it.
func TestGateNameTypedDuringCheckInAsksForThatName(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	d.typeText("JRS-BLG-0002")
	inFlight := g.Update(tea.KeyMsg{Type: tea.KeyEnter})
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("soedjatmoko")}, tea.KeyMsg{Type: tea.KeyEnter})
	d.run(inFlight)
	if g.mode != modeConfirm || g.confirming.ID != "JRS-BJR-0003" {
		t.Fatalf("after the burst the gate asks about %s (%s); want Soedjatmoko", g.confirming.Name, g.confirming.ID)
	}
	d.mustShow("Check in this person?", "S o e d j a t m o k o")
}
