package model

import "testing"

// An ID is found in any case; two stored IDs that differ only in case stay
// two people, each found by its own spelling and neither by another.
func TestResolveIDIgnoresCaseButNeverJoinsTwoPeople(t *testing.T) {
	s := NewState([]Volunteer{
		{ID: "JRS-BLG-0010", Name: "Siti Aisyah", Contingent: "Kab. Balangan"},
		{ID: "W-gz5blj-000012", Name: "Udin Saprudin", Contingent: "Kab. Tapin"},
		{ID: "ab-1", Name: "Ani", Contingent: "Kab. Tapin"},
		{ID: "AB-1", Name: "Budi", Contingent: "Kab. Tapin"},
	})
	for _, c := range []struct{ typed, want string }{
		{"JRS-BLG-0010", "JRS-BLG-0010"},
		{"jrs-blg-0010", "JRS-BLG-0010"},
		{"Jrs-Blg-0010", "JRS-BLG-0010"},
		{"W-GZ5BLJ-000012", "W-gz5blj-000012"}, // an old lower-case walk-in, scanned with Caps Lock
		{"w-gz5blj-000012", "W-gz5blj-000012"},
		{"ab-1", "ab-1"}, // typed exactly: that one
		{"AB-1", "AB-1"},
		{"Ab-1", ""}, // either of two: neither
		{"JRS-BLG-0011", ""},
	} {
		got, ok := s.ResolveID(c.typed)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("ResolveID(%q) = %q, %v; want %q", c.typed, got, ok, c.want)
		}
		p, ok := s.Person(c.typed)
		if p.ID != c.want || ok != (c.want != "") {
			t.Errorf("Person(%q) = %q, %v; want %q", c.typed, p.ID, ok, c.want)
		}
	}
	if like := s.IDsLike("Ab-1"); len(like) != 2 {
		t.Errorf("IDsLike(Ab-1) = %v, want both", like)
	}
	if !s.Remove("ab-1") {
		t.Fatal("ab-1 has no events and should be removable")
	}
	if got, ok := s.ResolveID("Ab-1"); got != "AB-1" || !ok {
		t.Errorf("after ab-1 is removed, Ab-1 finds %q, %v; want AB-1", got, ok)
	}
}
