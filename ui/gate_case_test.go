package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// A badge scanned with Caps Lock on (or a scanner set to lower case) finds
// its volunteer, including a walk-in registered by an older hadir with a
// lower-case ID; the arrival is recorded once, for the ID as stored.
func TestGateScanInAnyCase(t *testing.T) {
	roster := []model.Volunteer{
		{ID: "JRS-BLG-0010", Name: "Siti Aisyah", Contingent: "Kab. Balangan", Gender: "P"},
		{ID: "W-gz5blj-000012", Name: "Udin Saprudin", Contingent: "Kab. Balangan", Gender: "L"},
	}
	st := testStore(t, roster)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("jrs-blg-0010")
	d.key(tea.KeyEnter)
	d.mustShow("Siti Aisyah, Kab. Balangan")
	d.typeText("W-GZ5BLJ-000012")
	d.key(tea.KeyEnter)
	d.mustShow("Udin Saprudin, Kab. Balangan")
	d.mustNotShow("Unknown ID")
	d.typeText("Jrs-Blg-0010")
	d.key(tea.KeyEnter)
	d.mustShow("Already checked in: JRS-BLG-0010 Siti Aisyah")
	if p, _ := st.Person("W-gz5blj-000012"); p.Status != model.StatusArrived || st.Totals().Arrived != 2 {
		t.Fatalf("after three scans: %v, %d arrived; want both arrived once", p.Status, st.Totals().Arrived)
	}
}
