package model

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func chainEvents() []Event {
	at := time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC)
	var es []Event
	for i := range 6 {
		st := []string{"a1b2", "c3d4"}[i%2]
		es = append(es, Event{ID: EventID(st, uint64(i/2+1)), Kind: KindArrive, Volunteer: "JRS-BJB-0050", At: at.Add(time.Duration(i) * time.Minute), Station: "gerbang", Operator: "rina"})
	}
	return es
}

// The heads do not depend on the order the events come in; they change
// when any event of the station changes by one character, or is missing;
// the other station's head stays.
func TestChainHeads(t *testing.T) {
	es := chainEvents()
	want := ChainHeads(es)
	if len(want) != 2 || want[0].Station != "a1b2" || want[0].Events != 3 || len(want[0].Head) != 32 {
		t.Fatalf("heads %+v", want)
	}
	shuffled := slices.Clone(es)
	rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := ChainHeads(shuffled); !slices.Equal(got, want) {
		t.Errorf("shuffled: %+v, want %+v", got, want)
	}
	changed := slices.Clone(es)
	changed[2].Volunteer = "JRS-BJB-0010" // a1b2's second event
	got := ChainHeads(changed)
	if got[0].Head == want[0].Head || got[1] != want[1] {
		t.Errorf("one changed event of a1b2: %+v, want only a1b2's head changed from %+v", got, want)
	}
	if got := ChainHeads(slices.Delete(slices.Clone(es), 2, 3)); got[0].Head == want[0].Head || got[0].Events != 2 {
		t.Errorf("a missing event: %+v", got)
	}
	// An export names each arrival's contingent for its reader: not part
	// of the event, so not of its chain.
	filled := slices.Clone(es)
	for i := range filled {
		filled[i].Contingent = "Kota Banjarbaru"
	}
	if got := ChainHeads(filled); !slices.Equal(got, want) {
		t.Errorf("arrivals with their contingent filled in: %+v, want %+v", got, want)
	}
}

// Events written out as an events file and read back chain to the same
// heads: the report's heads can be checked against an export.
func TestChainHeadsSurviveTheEventsFile(t *testing.T) {
	es := chainEvents()
	es = append(es, Event{ID: EventID("a1b2", 4), Kind: KindWalkIn, Volunteer: "W-1", At: es[0].At.Add(time.Hour), Station: "gerbang", Operator: "rina",
		Record: &Volunteer{ID: "W-1", Name: "Tamu Satu", Contingent: "Kota Banjarbaru", Phone: "081251110050", Source: SourceWalkIn, Extra: []Field{{"Catatan", "ok"}}}})
	var file bytes.Buffer
	for _, e := range es {
		line := `{"id":"` + e.ID + `","kind":"` + string(e.Kind) + `","volunteer_id":"` + e.Volunteer + `","at":"` + e.At.Format(time.RFC3339Nano) + `","station":"gerbang","operator":"rina"`
		if e.Record != nil {
			line += `,"record":{"id":"W-1","name":"Tamu Satu","contingent":"Kota Banjarbaru","phone":"081251110050","extra":[{"key":"Catatan","value":"ok"}],"source":"walk-in"}`
		}
		file.WriteString(line + ",\"schema\":1}\n")
	}
	back, err := ParseEvents(strings.NewReader(file.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ChainHeads(back), ChainHeads(es); !slices.Equal(got, want) {
		t.Errorf("read back: %+v, want %+v", got, want)
	}
}
