package model

import "testing"

func TestCleanText(t *testing.T) {
	cases := []struct {
		in, want string
		max      int
		cut      bool
	}{
		{"  Siti   Aisyah ", "Siti Aisyah", 0, false},
		{"Siti\x1b[31mRed\x1b[0m", "SitiRed", 0, false},
		{"a\x00b\x07c\u0085d", "abcd", 0, false},
		{"evil\u202egnp.exe", "evilgnp.exe", 0, false},
		{"zero\u200bwidth\ufeff", "zerowidth", 0, false},
		{"line\nbreak\ttab", "line break tab", 0, false},
		{"family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧", 0, false},
		{"stray\u200djoiner", "strayjoiner", 0, false},
		{"Ahmad Rifani", "Ahmad", 6, true},
		{"Étienne Muñoz", "Étienne Muñoz", 0, false},
		{"bad\xffutf8", "badutf8", 0, false},
	}
	for _, c := range cases {
		got, cut := CleanText(c.in, c.max)
		if got != c.want || cut != c.cut {
			t.Errorf("CleanText(%q, %d) = %q, %v; want %q, %v", c.in, c.max, got, cut, c.want, c.cut)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"+62 812-3456-7890", "081234567890", true},
		{"6281234567890", "081234567890", true},
		{"0812 3456 7890", "081234567890", true},
		{"(0812) 3456.7890", "081234567890", true},
		{"81234567890", "081234567890", true},
		{"'081234567890", "081234567890", true},
		{"0081234567890", "081234567890", true},
		{"8.12346E+10", "8.12346E+10", false},
		{"", "", true},
		{"tidak ada", "tidak ada", true},
		{"0511 4772", "05114772", true},
	}
	for _, c := range cases {
		got, ok := NormalizePhone(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
