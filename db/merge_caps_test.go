package db

import (
	"fmt"
	"strings"
	"testing"

	"hadir/model"
)

// A merge refuses, whole, a walk-in carrying more extra fields than one can
// (each would become a column of every roster export).
func TestMergeRefusesAWalkInOfManyFields(t *testing.T) {
	s, _ := openTest(t, 3)
	at := s.now().UTC() // the store's own clock: the merge window is read from it
	walkIn := func(id string, fields int) model.Event {
		v := model.Volunteer{ID: id, Name: "Tamu " + id, Contingent: "Kab. Tapin", Source: model.SourceWalkIn}
		for i := range fields {
			v.Extra = append(v.Extra, model.Field{Key: fmt.Sprintf("f%d", i), Value: "x"})
		}
		return model.Event{ID: "zz9-00000" + id[len(id)-1:], Kind: model.KindWalkIn, Volunteer: id, At: at, Station: "gerbang 9", Operator: "rina", Record: &v}
	}
	before := s.Totals()
	_, err := s.Merge([]model.Event{walkIn("W-1", 1), walkIn("W-2", model.MaxRecordExtras+1)}, Actor{})
	if err == nil || !strings.Contains(err.Error(), "extra fields") {
		t.Fatalf("merge of a walk-in with %d extra fields: %v", model.MaxRecordExtras+1, err)
	}
	if s.Totals() != before {
		t.Error("the refused merge changed the count")
	}
	if _, err := s.Merge([]model.Event{walkIn("W-3", model.MaxRecordExtras)}, Actor{}); err != nil {
		t.Errorf("a walk-in with %d extra fields: %v", model.MaxRecordExtras, err)
	}
}
