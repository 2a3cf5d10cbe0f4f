package model

import (
	"fmt"
	"slices"
	"testing"
)

func TestSimilarPeople(t *testing.T) {
	roster := []Volunteer{
		{ID: "A1", Name: "Siti Aisyah", Contingent: "Kab. Balangan", Phone: "085211659966"},
		{ID: "A2", Name: "Hj. Siti Aisyah Rahmah", Contingent: "Kab. Banjar"},
		{ID: "A3", Name: "Siti Rahmah", Contingent: "Kab. Banjar", Phone: "081234567890"},
		{ID: "A4", Name: "Muhammad Yusuf", Contingent: "Kota Banjarmasin"},
		{ID: "A5", Name: "Siti", Contingent: "Kab. Tapin"},
		{ID: "A6", Name: "Rusmilawati", Contingent: "Kab. Tapin", Phone: "081350001111"},
		{ID: "A7", Name: "Ahmad Yani", Contingent: "Kab. Tabalong"},
	}
	s := NewState(roster)
	ix := NewIndex(roster)
	ids := func(name, phone string) []string {
		var out []string
		for _, p := range SimilarPeople(s, ix, name, phone) {
			out = append(out, p.ID)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		name, phone string
		want        []string
	}{
		{"siti aisyah", "", []string{"A1", "A2"}},   // the same name, and one word more behind a title
		{"SITI  AISYAH.", "", []string{"A1", "A2"}}, // case and punctuation do not matter
		{"Siti Aisah", "", []string{"A1"}},          // sy/s
		{"Moh. Jusuf", "", []string{"A4"}},          // the Muhammad family, old spelling
		{"Rusmilawaty", "", []string{"A6"}},         // y/i
		{"Ahmad Yanie", "", []string{"A7"}},         // one letter more
		{"siti", "", []string{"A5"}},                // one word: only the very same name
		{"Udin Saprudin", "", nil},
		{"Udin Saprudin", "+62 812-3456-7890", []string{"A3"}}, // the same phone, whatever the name
		{"Udin Saprudin", "0", nil},                            // a phone too short to tell anyone
		{"", "", nil},
	} {
		if got := ids(c.name, c.phone); !slices.Equal(got, c.want) {
			t.Errorf("SimilarPeople(%q, %q) = %v, want %v", c.name, c.phone, got, c.want)
		}
	}
}

func TestSamePhone(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"+62 812-3456-7890", "081234567890", true},
		{"0812 3456 7890", "081234567890", true},
		{"081234567890", "081234567891", false},
		{"0", "0", false}, // too short to tell anyone
		{"", "", false},
	} {
		if got := SamePhone(c.a, c.b); got != c.want {
			t.Errorf("SamePhone(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// The spelling variants Indonesian names are written in, and typos, meet;
// different people do not.
func TestSimilarNames(t *testing.T) {
	same := [][2]string{
		{"Rusmilawati", "Rusmilawaty"},
		{"Siti Aisyah", "Siti Aisah"},
		{"Ahmad Yani", "Ahmad Yanie"},
		{"Yusuf", "Jusuf"},
		{"Muhammad Yusuf", "Moh. Jusuf"},
		{"Muhammad Rizki", "Muhamad Rizki"},
		{"Muhammad Rizki", "Mohammad Rizki"},
		{"Muhammad Rizki", "M. Rizki"},
		{"Muhammad Rizki", "Mochammad Rizky"},
		{"Mukhammad Ilham", "Muhammad Ilham"},
		{"Yudi Hartono", "Yudhi Hartono"},
		{"Soekarno", "Sukarno"},
		{"Soeharto", "Suharto"},
		{"Djoko Santoso", "Joko Santoso"},
		{"Tjahjono", "Cahyono"},
		{"Tjitra Dewi", "Citra Dewi"},
		{"Chairul Anwar", "Khairul Anwar"},
		{"Chairul Anwar", "Hairul Anwar"},
		{"Akhmad Fauzi", "Ahmad Fauzi"},
		{"Ahmad Fauzi", "Amad Fauzi"},
		{"Syamsul Bahri", "Samsul Bahri"},
		{"Sjamsuddin", "Syamsudin"},
		{"Nur Hasanah", "Nur Hasana"},
		{"Sitti Rahmah", "Siti Rahmah"},
		{"Abdullah", "Abdulah"},
		{"Fathurrahman", "Faturahman"},
		{"Rahmat Hidayat", "Rachmat Hidayat"},
		{"H. Ahmad Rifani", "Ahmad Rifani"},
		{"Hj. Nurul Hidayah, S.Pd.", "Nurul Hidayah"},
		{"Drs. H. Gusti Rahmat", "Gusti Rahmat"},
		{"Ahmad bin Abdullah", "Ahmad Abdullah"},
		{"Fatimah binti Ali Hasan", "Fatimah Ali Hasan"},
		{"Abd. Rahman Saleh", "Abdul Rahman Saleh"},
		{"Dewi Kurniawati", "Dewi Kurniawaty"},
		{"Yuliani Putri", "Juliani Putri"},
		{"Dedy Kurniawan", "Dedi Kurniawan"},
		{"Hendrik Saputra", "Hendrick Saputra"},
		{"Rina Marlina", "Rina Marlena"},
		{"Noor Aisyah", "Nur Aisyah"},
		{"Zulkifli Rahman", "Zulkifly Rahman"},
		{"Zainal Arifin", "Zaenal Arifin"},
		{"Mahmudah", "Machmudah"},
		{"Nurjanah", "Nurjannah"},
		{"Rahmawati Dewi", "Rahmawaty Dewi"},
		{"Wahyudi Saputra", "Wahyudy Saputra"},
	}
	different := [][2]string{
		{"Siti Aisyah", "Siti Rahmah"},
		{"Siti Aisyah", "Siti Aminah"},
		{"Ahmad Yani", "Ahmad Fauzi"},
		{"Ani", "Ana"},
		{"Adi", "Ari"},
		{"Rina", "Rini"},
		{"Dedi", "Dodi"},
		{"Yusuf", "Yunus"},
		{"Muhammad Yusuf", "Muhammad Yunus"},
		{"Muhammad Rizki", "Muhammad Ridwan"},
		{"Muhammad Rizki", "Rizki Ramadhan"},
		{"Rusmilawati", "Rusmiati"},
		{"Nur Hasanah", "Nur Hasanudin"},
		{"Gusti Rahmat", "Gusti Rahman"},
		{"Ahmad Rifani", "Ahmad Rifai"},
		{"Joko Santoso", "Joko Susilo"},
		{"Dewi Kurniawati", "Dewi Kusumawati"},
		{"Sri Wahyuni", "Sri Rahayu"},
		{"Budi Santoso", "Budi Setiawan"},
		{"Hendra", "Hendri"},
		{"Andi", "Indi"},
		{"Rahmat", "Rahman"},
		{"Fitri", "Fitria"},
		{"Agus Salim", "Agus Halim"},
		{"Iwan Setiawan", "Irwan Setiawan"},
		{"Fatimah", "Fatmawati"},
		{"Abdul Rahman", "Abdul Rahim"},
		{"Nurul Huda", "Nurul Hidayah"},
		{"Ahmad Syarif", "Ahmad Saiful"},
		{"Yuliani", "Yuliana Dewi"},
		{"Dian Sastro", "Diana Sari"},
		{"Siti Nurhaliza", "Siti Nurjanah"},
		{"Wahyu", "Bayu"},
		{"Eko Prasetyo", "Eko Purnomo"},
		{"Lina Marlina", "Rina Marlina Sari"},
		{"Bambang", "Bambang Sutrisno"},
		{"Hasan Basri", "Husin Basri"},
		{"Udin Saprudin", "Asep Sunandar"},
		{"Rizal", "Faisal"},
		{"Taufik Hidayat", "Taufik Rahman"},
		{"Maya Sari", "Maya Sarah"},
		{"Wati", "Yati"},
		{"Yanto", "Yanti"},
		{"Slamet Riyadi", "Slamet Widodo"},
		{"Dwi Lestari", "Tri Lestari"},
		{"Putri Ayu", "Putra Ayub"},
		{"", "Siti"},
	}
	if len(same) < 40 || len(different) < len(same) {
		t.Errorf("%d pairs that must match, %d that must not: want at least 40 and as many", len(same), len(different))
	}
	for _, p := range same {
		if !SimilarNames(p[0], p[1]) || !SimilarNames(p[1], p[0]) {
			t.Errorf("%q and %q should be similar (keys %q, %q)", p[0], p[1], looseKey(p[0]), looseKey(p[1]))
		}
	}
	for _, p := range different {
		if SimilarNames(p[0], p[1]) || SimilarNames(p[1], p[0]) {
			t.Errorf("%q and %q should not be similar (keys %q, %q)", p[0], p[1], looseKey(p[0]), looseKey(p[1]))
		}
	}
}

// BenchmarkSimilarPeople is one walk-in checked against the roster before
// it is saved.
func BenchmarkSimilarPeople(b *testing.B) {
	for _, n := range benchSizes {
		vs := GenerateRoster(n, benchSeed)
		s, ix := NewState(vs), NewIndex(vs)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				SimilarPeople(s, ix, "Rusmilawaty binti Ahmad", "081350001111")
			}
		})
	}
}
