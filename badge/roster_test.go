package badge_test

import (
	"fmt"
	"strings"
	"testing"

	"hadir/badge"
	"hadir/model"
)

// idShapes are the IDs rosters carry, as the importer reads them: the
// jamboree's own numbers, bare numbers with leading zeros, a 16-digit NIK,
// lower case, spaces, slashes, dots, a spreadsheet's text quote, signs, a
// long one, and none at all (the importer makes one up).
var idShapes = []string{
	"JRS-HSS-%04d", "%06d", "630112%010d", "reg-%d", "12 %03d", "%03d/HSS/2026",
	"1.%d.2026", "'%05d", "", "A+B#%d", "PSKS-KALSEL-2026-%05d", "Tg.%d_x",
}

var longNames = []string{
	"Hj. Siti Nurhalizah binti H. Muhammad Abdurrahman Al-Banjari",
	"Dr. Ir. H. Gusti Muhammad Noor Hidayatullah, S.Pd., M.Si.",
	"Raden Ajeng Kartika Dewi Sekar Ayu Ningrum Wulandari Prameswari",
	"Andi Muhammad Fadhlurrahman Syamsuddin Daeng Matutu",
}

var plainNames = []string{
	"André Müller", "Ñoño Peña", "Zoë Ølsen", "Renée Ç. Façade", "Ahmad", "Siti Aisyah",
	"Moch. Luthfi Ramli", "H. Abdul Gafur", "Gusti Ayu Putri", "I Ketut Wiryawan",
}

var contingents = []string{"Kab. Hulu Sungai Selatan", "Kota Banjarbaru", "Jawa Barat", "Kalimantan Timur"}

// roster100 is a roster of 100 read by the importer, so the IDs are those
// a real file gives: 30, 25, 25 and 20 per contingent, leaders first.
func roster100(t testing.TB) []model.Volunteer {
	var b strings.Builder
	b.WriteString("id,nama,kontingen,pilar,ketua\n")
	sizes := []int{30, 25, 25, 20}
	n := 0
	for c, size := range sizes {
		for i := 0; i < size; i++ {
			shape := idShapes[n%len(idShapes)]
			id := ""
			if shape != "" {
				id = fmt.Sprintf(shape, n+1)
			}
			name := plainNames[n%len(plainNames)] + fmt.Sprintf(" %c", 'A'+rune(n%26))
			if n%7 == 0 {
				name = longNames[n%len(longNames)]
			}
			leader := ""
			if i == 0 {
				leader = "ya"
			}
			fmt.Fprintf(&b, "%s,\"%s\",%s,Tagana,%s\n", id, name, contingents[c], leader)
			n++
		}
	}
	r, err := model.ParseRoster(strings.NewReader(b.String()), model.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Volunteers) != 100 {
		t.Fatalf("the importer read %d volunteers, want 100", len(r.Volunteers))
	}
	return r.Volunteers
}

func badgesOf(vs []model.Volunteer) []badge.Badge {
	bs := make([]badge.Badge, len(vs))
	for i, v := range vs {
		bs[i] = badge.FromVolunteer(v)
	}
	return bs
}
