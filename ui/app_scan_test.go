package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// burst is what a USB scanner's code arrives as: one key message with all
// its runes (bubbletea v1 reads them in one go), its Enter apart.
func burst(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// A badge scanned on any screen but the gate's box is checked in at the
// gate, and nothing acts on the screen it landed on.
func TestScanElsewhereIsCheckedInAtTheGate(t *testing.T) {
	cases := []struct {
		name  string
		setUp func(d *appDriver)
	}{
		{"F2 member list", func(d *appDriver) {
			d.key(tea.KeyF2)
			d.typeText("balangan")
			d.key(tea.KeyEnter)
			d.mustShow("Kab. Balangan", "JRS-BLG-0001")
		}},
		{"F2 overview", func(d *appDriver) { d.key(tea.KeyF2); d.mustShow("Kab. Balangan") }},
		{"F3", func(d *appDriver) { d.key(tea.KeyF3) }},
		{"F4", func(d *appDriver) { d.key(tea.KeyF4) }},
		{"help over the member list", func(d *appDriver) {
			d.key(tea.KeyF2)
			d.typeText("balangan")
			d.key(tea.KeyEnter)
			d.mustShow("JRS-BLG-0001")
			d.typeText("?")
			if !d.app.showHelp {
				t.Fatal("? did not open the help")
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := testStore(t, nil)
			d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 80, 24)
			tc.setUp(d)
			d.send(burst("JRS-BLG-0005"))
			d.key(tea.KeyEnter)
			if d.app.active != 0 || d.app.showHelp {
				t.Fatalf("after the scan screen %d is active (help %v), want the gate", d.app.active+1, d.app.showHelp)
			}
			d.mustShow("Checked in: JRS-BLG-0005")
			if p, _ := st.Person("JRS-BLG-0005"); p.Arrival == nil {
				t.Fatal("JRS-BLG-0005 was not recorded")
			}
			if n := st.Totals().Arrived; n != 1 {
				t.Fatalf("%d arrived after one scan, want 1", n)
			}
		})
	}
}

// A scan over a half-typed form is refused aloud, and its Enter neither
// submits the form nor loses it.
func TestScanOverAFormIsRefused(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 80, 24)
	d.key(tea.KeyF2)
	d.typeText("balangan")
	d.key(tea.KeyEnter)
	d.mustShow("JRS-BLG-0001")
	d.typeText("e")
	d.typeText("s")
	d.typeText("dem")
	d.send(burst("JRS-BLG-0005"))
	d.key(tea.KeyEnter)
	d.mustShow("Arrived 0 / 3,000  ! JRS-BLG-0005 NOT recorded (a form is open): Esc, scan at F1")
	if d.app.active != 1 {
		t.Fatalf("screen %d is active, want the form's (F2) still", d.app.active+1)
	}
	m := d.app.screens[1].(*Contingents).members
	if m.mode != membersExcuse || m.input.Value() != "dem" {
		t.Fatalf("the form is in mode %d with %q, want the excuse with dem", m.mode, m.input.Value())
	}
	if n := st.Totals().Arrived; n != 0 {
		t.Fatalf("%d arrived, want none", n)
	}
	if p, _ := st.Person("JRS-BLG-0001"); p.Excuse != nil {
		t.Fatal("the scanner's Enter submitted the excuse")
	}
}

// The bus question is dropped when typing goes on, so a second scan's
// Enter (a key-at-a-time scanner) never confirms it.
func TestBusQuestionDroppedByTyping(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 80, 24)
	openBalangan(d)
	d.key(tea.KeyEnter)
	d.mustShow("Check in 1 volunteers of Kab. Balangan?")
	d.typeText("J")
	d.key(tea.KeyEnter)
	if n := st.Totals().Arrived; n != 0 {
		t.Fatalf("%d arrived: the question's Enter came after typing and confirmed it", n)
	}
	d.mustShow("Check in 1 volunteers of Kab. Balangan?") // that Enter asked again, on the list
	d.typeText("J")
	d.mustShow("The question was closed because keys were typed: nothing was recorded.")
	d.mustNotShow("Check in 1 volunteers")
}
