package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// A person imported without an ID took the file's ID later: the old badge
// (the made-up ID) still checks them in at the gate, under the new ID, and
// the new badge then finds the same person.
func TestGateOldBadgeFindsThePersonUnderTheFileID(t *testing.T) {
	st := testStore(t, []model.Volunteer{
		{ID: "G-HAMIDAH1", Name: "Hamidah", Contingent: "Kab. Tapin", Phone: "081211110001", Source: model.SourceRoster},
		{ID: "TPN-2", Name: "Rahmat", Contingent: "Kab. Tapin", Source: model.SourceRoster},
	})
	rows := []model.ImportRow{{Volunteer: model.Volunteer{ID: "TPN-1", Name: "Hamidah", Contingent: "Kab. Tapin"}, Line: 2}}
	if rep, err := st.ImportRows(rows, model.ImportOptions{}, false); err != nil || len(rep.Adopted) != 1 {
		t.Fatalf("import of the file with IDs: %+v, %v", rep, err)
	}
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("G-HAMIDAH1")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: TPN-1 Hamidah")
	d.typeText("TPN-1")
	d.key(tea.KeyEnter)
	d.mustShow("Repeated scan of TPN-1 Hamidah ignored") // the same person, just checked in
	if tl := st.Totals(); tl.Expected != 2 || tl.Arrived != 1 {
		t.Errorf("after both badges: %d expected, %d arrived; want 2 and 1", tl.Expected, tl.Arrived)
	}
	if p, ok := st.Person("TPN-1"); !ok || p.Phone != "081211110001" {
		t.Errorf("the person under the file's ID: %+v; the stored phone should stay", p)
	}
}
