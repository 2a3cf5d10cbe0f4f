package model

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// A person imported without an ID (G-1) checked in, then a file gave them
// the ID T1: a re-ID event. Every station that has the events counts them
// once, whichever records it holds and in whatever order the events came.
func TestReIDFoldsOldEventsUnderTheNewID(t *testing.T) {
	old := Volunteer{ID: "G-1", Name: "Hamidah", Contingent: "Kab. Tapin", Phone: "081211110001", Source: SourceRoster}
	renamed := old
	renamed.ID = "T1"
	other := Volunteer{ID: "T2", Name: "Rahmat", Contingent: "Kab. Tapin", Source: SourceRoster}
	events := []Event{
		ev("a-1", KindArrive, "G-1", 0),
		ev("a-2", KindReID, "T1", 10, ref("G-1")),
		ev("b-1", KindArrive, "G-1", 20, station("gate 2")), // a station that had not the new file yet
		ev("a-3", KindDepart, "T1", 30),
		ev("a-4", KindArrive, "T2", 40),
	}
	rosters := map[string][]Volunteer{
		"old record only (another station)": {old, other},
		"new record only (this station)":    {renamed, other},
		"both records (both files)":         {old, renamed, other},
	}
	var want map[string]any
	r := rand.New(rand.NewPCG(3, 4))
	for name, roster := range rosters {
		for try := range 10 {
			shuffled := append([]Event(nil), events...)
			if try > 0 {
				r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			}
			s := mustFold(t, roster, shuffled)
			if got := s.Totals(); got != (Tally{Expected: 2, Arrived: 2, OnSite: 1, Departed: 1}) {
				t.Fatalf("%s, order %d: totals %+v, want 2 expected, 2 arrived, 1 departed", name, try, got)
			}
			p, ok := s.Person("G-1")
			if !ok || p.ID != "T1" || p.Status != StatusDeparted || p.Arrival == nil || p.Arrival.ID != "a-1" {
				t.Fatalf("%s: the old ID finds %+v (ok %v), want T1 departed, first arrival a-1", name, p, ok)
			}
			if n := len(s.Orphans()); n != 0 {
				t.Errorf("%s: %d events on no roster, want 0", name, n)
			}
			if got := snapshot(s); want == nil {
				want = got
			} else if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, order %d: folds otherwise:\n got %v\nwant %v", name, try, got, want)
			}
		}
	}
}

func TestReIDIsValidated(t *testing.T) {
	for _, e := range []Event{
		ev("a-1", KindReID, "", 0, ref("G-1")),
		ev("a-2", KindReID, "T1", 0),
		ev("a-3", KindReID, "t1", 0, ref("T1")),
	} {
		if err := e.Validate(); err == nil {
			t.Errorf("%+v was accepted", e)
		}
	}
}
