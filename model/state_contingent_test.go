package model

import (
	"math/rand/v2"
	"testing"
	"time"

	"hadir/internal/testclock"
)

func TestContingentRenameAndMergeFold(t *testing.T) {
	roster := []Volunteer{
		rv("1", "Ahmad", "Kab. Balangan", ""), rv("2", "Bahrul", "KAB. BALANGAN", ""),
		rv("3", "Cici", "Tagana Balangan", ""), rv("4", "Dedi", "Kab. Tapin", ""),
	}
	t0 := testclock.Epoch().UTC()
	ev := func(id string, min int, kind Kind, vol, cont, note string) Event {
		return Event{ID: id, Kind: kind, Volunteer: vol, Contingent: cont, Note: note, At: t0.Add(time.Duration(min) * time.Minute), Station: "s"}
	}
	events := []Event{
		ev("s-1", 1, KindArrive, "1", "", ""),
		ev("s-2", 2, KindArrive, "3", "", ""),
		ev("s-3", 3, KindRename, "", "kab balangan", "Kabupaten Balangan"),
		ev("s-4", 4, KindRename, "", "Tagana Balangan", "Kabupaten Balangan"), // a merge
		ev("s-5", 5, KindArrive, "2", "", ""),
	}
	want := map[string]int{"Kabupaten Balangan": 3, "Kab. Tapin": 1}
	for round := 0; round < 20; round++ {
		// Any order of receipt gives the same contingents.
		shuffled := append([]Event(nil), events...)
		rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		s, err := Fold(roster, shuffled)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, c := range s.Contingents() {
			got[c.Name] = c.Expected
		}
		if len(got) != len(want) || got["Kabupaten Balangan"] != 3 || got["Kab. Tapin"] != 1 {
			t.Fatalf("round %d: contingents %v, want %v", round, got, want)
		}
		if c, ok := s.Contingent("balangan"); !ok || c.Name != "Kabupaten Balangan" || c.Arrived != 3 {
			t.Errorf("Contingent(balangan) = %+v, %v", c, ok)
		}
		if p, _ := s.Person("2"); p.Contingent != "Kabupaten Balangan" {
			t.Errorf("Bahrul is in %q", p.Contingent)
		}
	}
}

func TestStateResolvesSpellings(t *testing.T) {
	s := NewState([]Volunteer{rv("1", "Ahmad", "Kab. Balangan", ""), rv("2", "Dedi", "Kota Banjarmasin", "")})
	for q, want := range map[string]string{
		"kab balangan": "Kab. Balangan", "KABUPATEN BALANGAN": "Kab. Balangan", "Balangan": "Kab. Balangan",
		"kodya banjarmasin": "Kota Banjarmasin", "Tapin": "",
	} {
		got, ok := s.ResolveContingent(q)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("ResolveContingent(%q) = %q, %v; want %q", q, got, ok, want)
		}
	}
	if m := s.Members("kab. balangan"); len(m) != 1 || m[0] != "1" {
		t.Errorf("Members(kab. balangan) = %v", m)
	}
	// A walk-in typed another way joins the contingent as it is shown.
	s.Upsert(Volunteer{ID: "W1", Name: "Euis", Contingent: "KAB BALANGAN", Source: SourceRoster})
	if p, _ := s.Person("W1"); p.Contingent != "Kab. Balangan" {
		t.Errorf("a new spelling made the contingent %q", p.Contingent)
	}
}
