package model

import (
	"strings"
	"testing"
)

func TestMergedEventsAreCleaned(t *testing.T) {
	line := `{"id":"k7-000001","kind":"walk-in","volunteer_id":"W-k7-000001","contingent":"Kab.\u001b[2J Tapin","at":"2026-03-02T08:00:00Z",` +
		`"station":"gerbang\u0007 2","operator":"Rina\u202e","record":{"id":"W-k7-000001","name":"\u001b]0;x\u0007Budi","contingent":"Kab. Tapin","phone":"+62 812-3456-7890","source":"walk-in"}}`
	evs, err := ParseEvents(strings.NewReader(line + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := evs[0]
	if e.Station != "gerbang 2" || e.Operator != "Rina" || e.Contingent != "Kab. Tapin" {
		t.Errorf("event read as station %q, operator %q, contingent %q", e.Station, e.Operator, e.Contingent)
	}
	if r := e.Record; r.Name != "Budi" || r.Phone != "081234567890" {
		t.Errorf("walk-in record read as %+v", *r)
	}
}
