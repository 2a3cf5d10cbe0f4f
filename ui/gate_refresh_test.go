package ui

import (
	"testing"

	"hadir/db"
	"hadir/model"
)

// A change elsewhere re-reads the volunteers a query found; a walk-in added
// elsewhere who matches the query is found too, though the query did not change.
func TestGateRefreshFindsWalkInsAddedElsewhere(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("zulkarnain")
	d.mustNotShow("Zulkarnain Walkin")
	if _, err := st.WalkIn(model.Volunteer{Name: "Zulkarnain Walkin", Contingent: "Kab. Balangan"}, db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.mustShow("Zulkarnain Walkin")
}
