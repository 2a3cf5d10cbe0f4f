package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkFold folds a roster of 100,000 and one arrival each, as a store
// does at every start.
func BenchmarkFold(b *testing.B) {
	for _, n := range []int{3000, 100000} {
		roster := GenerateRoster(n, 1)
		events := arrivalsOf(roster)
		b.Run(fmt.Sprintf("volunteers=%d,events=%d", n, n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := Fold(roster, events)
				if err != nil || s.Totals().Arrived != n {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchStart is when the benchmarks' events begin.
var benchStart = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)

// arrivalsOf is one arrival for each of roster, a second apart.
func arrivalsOf(roster []Volunteer) []Event {
	events := make([]Event, len(roster))
	for i, v := range roster {
		events[i] = Event{ID: EventID("abc123", uint64(i+1)), Kind: KindArrive, Volunteer: v.ID,
			At: benchStart.Add(time.Duration(i) * time.Second), Station: "gerbang 1", Operator: "Rina"}
	}
	return events
}

// The index's tokens are in the order a full sort gives.
func TestSortTokensSortsAsCompareToken(t *testing.T) {
	ix := NewIndex(GenerateRoster(5000, 3))
	if !slices.IsSortedFunc(ix.toks, compareToken) {
		t.Fatal("the tokens are out of order")
	}
	want := slices.Clone(ix.toks)
	slices.SortFunc(want, compareToken)
	if !slices.Equal(ix.toks, want) {
		t.Fatal("the tokens differ from a full sort's")
	}
}

// BenchmarkFoldSpellings is BenchmarkFold with every contingent spelt three
// ways in the roster (as written, in capitals, without its kind) and 50
// walk-ins bringing spellings the roster does not have: each new spelling
// resolves the set anew, and regroups when a name moves.
func BenchmarkFoldSpellings(b *testing.B) {
	const n = 100000
	roster := GenerateRoster(n, 1)
	for i := range roster {
		switch c := roster[i].Contingent; i % 3 {
		case 1:
			roster[i].Contingent = strings.ToUpper(c)
		case 2:
			if _, bare, ok := strings.Cut(c, " "); ok {
				roster[i].Contingent = bare
			}
		}
	}
	events := arrivalsOf(roster)
	for i := range 50 {
		c := Contingents[i%len(Contingents)]
		v := Volunteer{ID: fmt.Sprintf("W-%d", i), Name: "Tamu", Contingent: strings.Replace(c, ".", "", 1) + strings.Repeat(" ", i/len(Contingents)), Source: SourceWalkIn}
		events = append(events, Event{ID: EventID("def456", uint64(i+1)), Kind: KindWalkIn, Volunteer: v.ID, Record: &v,
			At: benchStart.Add(time.Duration(i) * time.Minute), Station: "gerbang 2", Operator: "Budi"})
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := Fold(roster, events)
		if err != nil || s.Totals().Arrived != n {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenameContingent folds one rename into a state of 100,000
// arrived: the contingent's people move, the others stay.
func BenchmarkRenameContingent(b *testing.B) {
	const n = 100000
	roster := GenerateRoster(n, 1)
	s, err := Fold(roster, arrivalsOf(roster))
	if err != nil {
		b.Fatal(err)
	}
	names := [2]string{"Kab. Balangan", "Kabupaten Balangan Raya"}
	i := 0
	for b.Loop() {
		i++
		e := Event{ID: EventID("def456", uint64(i)), Kind: KindRename, Contingent: names[(i+1)%2], Note: names[i%2],
			At: benchStart.Add(time.Duration(n+i) * time.Second), Station: "gerbang 2", Operator: "Budi"}
		if err := s.Apply(e); err != nil {
			b.Fatal(err)
		}
		if c, ok := s.Contingent(names[i%2]); !ok || c.Arrived == 0 {
			b.Fatalf("%s: %+v", names[i%2], c)
		}
	}
}
