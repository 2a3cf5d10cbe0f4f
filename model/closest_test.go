package model

import (
	"reflect"
	"testing"
)

func TestClosest(t *testing.T) {
	conts := []string{"Kabupaten Balangan", "Kota Banjarmasin", "Kota Banjarbaru", "Kabupaten Banjar"}
	ids := []string{"JRS-BLG-0001", "JRS-BLG-0010", "JRS-BJM-0001", "G-DWTDLKC5"}
	for _, tc := range []struct {
		typed      string
		candidates []string
		want       []string
	}{
		{"Balangn", conts, []string{"Kabupaten Balangan"}},                                     // a typo of the name's end
		{"banjar", conts, []string{"Kota Banjarmasin", "Kota Banjarbaru", "Kabupaten Banjar"}}, // part of each
		{"JRS-BLG-001", ids, []string{"JRS-BLG-0010", "JRS-BLG-0001"}},                         // the start of one, a digit short of another
		{"Jawa Barat", conts, []string{}},                                                      // nothing near
		{"", conts, nil},
	} {
		if got := Closest(tc.typed, tc.candidates, FoldSpace, 3); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Closest(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
}
