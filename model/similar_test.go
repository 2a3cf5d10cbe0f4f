package model

import (
	"slices"
	"testing"
)

func TestSimilarPeople(t *testing.T) {
	roster := []Volunteer{
		{ID: "A1", Name: "Siti Aisyah", Contingent: "Kab. Balangan"},
		{ID: "A2", Name: "Hj. Siti Aisyah Rahmah", Contingent: "Kab. Banjar"},
		{ID: "A3", Name: "Siti Rahmah", Contingent: "Kab. Banjar"},
		{ID: "A4", Name: "Muhammad Yusuf", Contingent: "Kota Banjarmasin"},
		{ID: "A5", Name: "Siti", Contingent: "Kab. Tapin"},
	}
	s := NewState(roster)
	ix := NewIndex(roster)
	ids := func(name string) []string {
		var out []string
		for _, p := range SimilarPeople(s, ix, name) {
			out = append(out, p.ID)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		name string
		want []string
	}{
		{"siti aisyah", []string{"A1", "A2"}},   // the same name, and one word more behind a title
		{"SITI  AISYAH.", []string{"A1", "A2"}}, // case and punctuation do not matter
		{"Moh. Jusuf", []string{"A4"}},          // the Muhammad family, old spelling
		{"siti", []string{"A5"}},                // one word: only the very same name
		{"Udin Saprudin", nil},
		{"", nil},
	} {
		if got := ids(c.name); !slices.Equal(got, c.want) {
			t.Errorf("SimilarPeople(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
