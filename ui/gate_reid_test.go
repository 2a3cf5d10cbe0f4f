package ui

import (
	"testing"
	"time"

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

// The report's replay of the arrivals counts a person who arrived under
// both IDs once, as the count does.
func TestReportReconcilesArrivalsUnderBothIDs(t *testing.T) {
	at := testClock.UTC()
	events := []model.Event{
		{ID: "a-1", Kind: model.KindArrive, Volunteer: "G-HAMIDAH1", At: at, Station: "gerbang 1"},
		{ID: "b-1", Kind: model.KindArrive, Volunteer: "TPN-1", At: at.Add(time.Minute), Station: "gerbang 2"},
		{ID: "a-2", Kind: model.KindReID, Volunteer: "TPN-1", Ref: "G-HAMIDAH1", At: at.Add(2 * time.Minute), Station: "gerbang 1"},
		{ID: "a-3", Kind: model.KindDepart, Volunteer: "G-HAMIDAH1", At: at.Add(3 * time.Minute), Station: "gerbang 1"},
		{ID: "a-4", Kind: model.KindArrive, Volunteer: "TPN-1", At: at.Add(4 * time.Minute), Station: "gerbang 1"},
	}
	s, err := model.Fold([]model.Volunteer{{ID: "TPN-1", Name: "Hamidah", Contingent: "Kab. Tapin", Source: model.SourceRoster}}, events)
	if err != nil {
		t.Fatal(err)
	}
	r := reconcileArrivals(s, s.Events())
	if !r.Balanced() || r.Stated != 1 || r.Arrivals != 3 || r.Again != 1 || r.AfterLeaving != 1 {
		t.Errorf("replay %+v: want 3 arrivals, 1 again, 1 after leaving, 1 counted, balanced", r)
	}
}
