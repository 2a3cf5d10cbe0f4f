package model

import (
	"strings"
	"testing"
)

func TestContingentSpellingsAreOne(t *testing.T) {
	same := []string{"Kab. Balangan", "KAB. BALANGAN", "Kabupaten Balangan", "Kab.Balangan", " kab. balangan ", "Kab Balangan", "kabupaten  balangan."}
	for _, s := range same {
		if got := ContingentKey(s); got != "kab:balangan" {
			t.Errorf("ContingentKey(%q) = %q, want kab:balangan", s, got)
		}
	}
	differ := [][2]string{
		{"Kota Bogor", "Kabupaten Bogor"},
		{"Kota Banjarmasin", "Kota Banjarbaru"},
		{"Kab. Banjar", "Kota Banjarbaru"},
	}
	for _, d := range differ {
		if ContingentKey(d[0]) == ContingentKey(d[1]) {
			t.Errorf("%q and %q are two contingents but share a key", d[0], d[1])
		}
	}
	for _, s := range []string{"Kodya Banjarmasin", "Kotamadya Banjarmasin", "KOTA BANJARMASIN"} {
		if ContingentKey(s) != ContingentKey("Kota Banjarmasin") {
			t.Errorf("%q is not Kota Banjarmasin", s)
		}
	}
	if ContingentKey("Prov. Kalimantan Timur") != ContingentKey("Provinsi Kalimantan Timur") {
		t.Error("Prov. and Provinsi differ")
	}
}

func TestContingentNamesResolve(t *testing.T) {
	tests := []struct {
		known []string
		query string
		want  string // "" when it must not resolve
	}{
		{[]string{"Kab. Balangan"}, "KABUPATEN BALANGAN", "Kab. Balangan"},
		{[]string{"Kab. Balangan"}, "Balangan", "Kab. Balangan"},
		{[]string{"Balangan"}, "Kab. Balangan", "Balangan"},
		{[]string{"Kab. Bogor", "Kota Bogor"}, "Bogor", ""}, // two could be meant
		{[]string{"Kab. Bogor", "Kota Bogor"}, "kodya bogor", "Kota Bogor"},
		{[]string{"Kab. Tapin"}, "Balangan", ""},
		{[]string{"Kab. Balangan", "KAB. BALANGAN"}, "kab balangan", "Kab. Balangan"}, // first spelling kept
	}
	for _, tc := range tests {
		c := NewContingentNames(tc.known...)
		got, ok := c.Resolve(tc.query)
		if tc.want == "" && ok || tc.want != "" && (!ok || got != tc.want) {
			t.Errorf("known %v, Resolve(%q) = %q, %v; want %q", tc.known, tc.query, got, ok, tc.want)
		}
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Ahmad Fauzi", "AHMAD FAUZI", true},
		{"Hj. Siti Aisyah", "Siti Aisyah S.Pd.", true},
		{"Muhammad Rizki", "M. Rizki", true},
		{"Siti Aisyah", "Siti Aisah", true},         // a corrected typo
		{"Tjahjono Wibowo", "Cahyono Wibowo", true}, // old spelling
		{"Gusti Rahmat", "Gusti Rahmatullah", true}, // the full name
		{"Siti Aisyah", "Siti Nur Aisyah", true},
		{"Muhammad Rizki", "Muhammad Ridwan", false},
		{"Ahmad", "Dedi", false},
		{"Ahmad Fauzi", "Dedi Kurniawan", false},         // another person
		{"Dedi", "Dodi", false},                          // short names: no typo allowed
		{"Abdurrahman Wahid", "Abdurrahim Wahid", false}, // two letters in a name of 16
	}
	for _, tc := range tests {
		if got := SamePerson(tc.a, tc.b); got != tc.same {
			t.Errorf("SamePerson(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

func TestIDKeyDigitsAreNumbers(t *testing.T) {
	for _, id := range []string{"1", "001", "1.0", " 01 "} {
		if IDKey(id) != IDKey("1") {
			t.Errorf("IDKey(%q) = %q, not the ID 1", id, IDKey(id))
		}
	}
	if IDKey("BLG-1") == IDKey("1") || IDKey("10") == IDKey("1") {
		t.Error("different IDs share a key")
	}
	if IDKey("JRS-BLG-0001") != IDKey("jrs-blg-0001") {
		t.Error("case matters in IDs")
	}
}

func FuzzContingentKey(f *testing.F) {
	for _, s := range []string{"Kab. Balangan", "KOTA  BANJARMASIN", "Prov.", "kab", "\x1b[31mKab\u202e", "Kab./Kota"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := ContingentKey(s)
		if ContingentKey(" "+s+" ") != k {
			t.Errorf("surrounding spaces change the key of %q", s)
		}
		// Another spelling of a name is shown as the first, in an import too.
		if u := unifyContingents([]string{s, strings.ToUpper(" " + s + " ")}); u[strings.ToUpper(" "+s+" ")] != s && ContingentKey(strings.ToUpper(s)) == k {
			t.Errorf("unifyContingents(%q, upper case) = %v", s, u)
		}
		// Every spelling resolves to the name first added.
		c := NewContingentNames(s)
		if d, ok := c.Resolve(s); ok && d != s {
			t.Errorf("Resolve(%q) = %q", s, d)
		}
	})
}

func TestUnifyContingentsWhateverTheOrder(t *testing.T) {
	tests := []struct {
		names []string
		want  map[string]string
	}{
		{[]string{"Balangan", "Kab. Balangan", "KAB. BALANGAN"},
			map[string]string{"Balangan": "Balangan", "Kab. Balangan": "Balangan", "KAB. BALANGAN": "Balangan"}},
		{[]string{"Kab. Balangan", "Balangan"},
			map[string]string{"Balangan": "Kab. Balangan"}},
		// Two places of one name: the bare name is neither.
		{[]string{"Bogor", "Kota Bogor", "Kab. Bogor", "kodya bogor"},
			map[string]string{"Bogor": "Bogor", "Kota Bogor": "Kota Bogor", "Kab. Bogor": "Kab. Bogor", "kodya bogor": "Kota Bogor"}},
	}
	for _, tc := range tests {
		got := unifyContingents(tc.names)
		for n, want := range tc.want {
			if got[n] != want {
				t.Errorf("%v: %q shown as %q, want %q", tc.names, n, got[n], want)
			}
		}
	}
}

func TestContingentMatchesWhatIsTyped(t *testing.T) {
	for _, tc := range []struct {
		name, typed string
		fits        bool
	}{
		{"Kab. Balangan", "kabupaten balangan", true},
		{"Kab. Balangan", "kab.bal", true},
		{"Kab. Balangan", "balangan", true},
		{"Kab. Balangan", "kota balangan", false},
		{"Kota Banjarmasin", "kodya", true},
		{"Kab. Banjar", "kotamadya", false},
		{"Kab. Hulu Sungai Selatan", "hulusungai", true},
	} {
		if got := ContingentMatches(tc.name, tc.typed); got != tc.fits {
			t.Errorf("ContingentMatches(%q, %q) = %v", tc.name, tc.typed, got)
		}
	}
}

// Two spellings compared alone follow the resolver: a bare name is its one
// kind, two kinds stay apart, short forms are their regency.
func TestSameContingent(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Balangan", "Kab. Balangan", true},
		{"KABUPATEN BALANGAN", "Kab Balangan", true},
		{"HSU", "Kabupaten Hulu Sungai Utara", true},
		{"Kota Banjar", "Kab. Banjar", false},
		{"Kab. Banjar", "Kota Banjarbaru", false},
		{"Balangan", "Tapin", false},
	} {
		if got := SameContingent(c.a, c.b); got != c.same {
			t.Errorf("SameContingent(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
		if got := SameContingent(c.b, c.a); got != c.same {
			t.Errorf("SameContingent(%q, %q) = %v, want %v", c.b, c.a, got, c.same)
		}
	}
}
