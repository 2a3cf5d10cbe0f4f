package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"hadir/model"
)

// The week before the event: thirty files from sixteen offices and a
// Google Form, imported one after another into one store, with check-ins
// in between. At the end the store holds exactly the 3,000 people of the
// demo roster in its 16 contingents, each with every value a file ever
// gave them, and each check-in counted once.
func TestThirtyFileImportSequence(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	byContingent := map[string][]model.Volunteer{}
	var order []string
	for _, v := range demoPeople {
		if byContingent[v.Contingent] == nil {
			order = append(order, v.Contingent)
		}
		byContingent[v.Contingent] = append(byContingent[v.Contingent], v)
	}
	if len(order) != 16 {
		t.Fatalf("the demo roster has %d contingents", len(order))
	}
	// Offices without IDs at first; the one that uses a Google Form.
	noIDs := map[string]bool{"Kab. Tapin": true, "Kab. Tabalong": true, "Kota Banjarbaru": true, "Prov. Jawa Barat": true}
	const form = "Kab. Tapin"
	short := map[string]string{"Kab. Hulu Sungai Utara": "HSU", "Kab. Hulu Sungai Tengah": "HST", "Kab. Hulu Sungai Selatan": "HSS",
		"Kab. Kotabaru": "Kota Baru", "Kab. Barito Kuala": "Batola", "Kab. Tanah Bumbu": "Tanbu", "Kab. Tanah Laut": "Tala",
		"Kab. Balangan": "KAB. BALANGAN", "Kab. Banjar": "Kabupaten Banjar", "Kota Banjarmasin": "Kodya Banjarmasin"}

	files := 0
	imp := func(name string, data []byte, args ...string) result {
		t.Helper()
		files++
		return c.ok(append(append([]string{"import"}, args...), c.write(name, data))...)
	}
	arrived := map[string]bool{} // demo IDs of the people checked in
	checkIn := func(people []model.Volunteer, n int) {
		t.Helper()
		ids := c.storedIDs()
		var args []string
		for _, v := range people[:n] {
			id, ok := ids[v.Name+"|"+v.Phone]
			if !ok {
				t.Fatalf("%s (%s) is not in the store", v.Name, v.Contingent)
			}
			args = append(args, id)
			arrived[v.ID] = true
		}
		c.ok(append([]string{"checkin"}, args...)...)
	}

	// Files 1-16: each office's first list, in the office's own way.
	for i, k := range order {
		people := byContingent[k]
		switch {
		case k == form:
			imp("form.csv", formCSV(people, byContingent["Kab. Tabalong"][0]))
		case noIDs[k]:
			imp(fmt.Sprintf("%02d.csv", i), officeCSV(",", people, colCounter(), colName("Nama"), colContingent("Kabupaten", ""),
				colGender("JK"), colPhone("HP"), colPillar("Unsur")))
		case i%2 == 0:
			imp(fmt.Sprintf("%02d.csv", i), officeCSV(";", people, colCounter(), colID("No Peserta"), colName("Nama Lengkap"),
				colContingent("Kabupaten/Kota", ""), colGender("L/P"), colPhone("No. HP"), colPillar("Unsur PSKS")))
		default:
			b := newOfficeBook(t, "Peserta")
			b.row(1, "DAFTAR PESERTA KONTINGEN "+strings.ToUpper(k))
			b.table(3, people, colCounter(), colID("ID Peserta"), colName("Nama"), colContingent("Kab/Kota", ""),
				colGender("JK"), colPhone("No WA"), colPillar("Pilar"))
			imp(fmt.Sprintf("%02d.xlsx", i), b.bytes())
		}
		if i%3 == 2 {
			for _, done := range order[:i+1] {
				if !arrived[byContingent[done][0].ID] {
					checkIn(byContingent[done], 10)
				}
			}
		}
	}
	// Files 17-20: the offices without IDs send their lists with IDs, in
	// short spellings and fewer columns; some of their people are in.
	for _, k := range order {
		if noIDs[k] && !arrived[byContingent[k][0].ID] {
			checkIn(byContingent[k], 10)
		}
	}
	for _, k := range order {
		if noIDs[k] {
			r := imp("ids.csv", officeCSV(";", byContingent[k], colID("No Peserta"), colName("Nama"), colContingent("Kabupaten", cmpOr(short[k], k)), colPhone("No HP")))
			contains(t, "stdout", r.stdout, fmt.Sprintf("0 added, %d updated", len(byContingent[k])))
		}
	}
	// Files 21-24: shirt-size lists, IDs and names only.
	shirts := []string{"Kab. Hulu Sungai Utara", "Kab. Kotabaru", "Kab. Tapin", "Kota Banjarmasin"}
	for _, k := range shirts {
		imp("kaos.csv", officeCSV(",", byContingent[k], colID("ID"), colName("Nama"), colContingent("Kontingen", cmpOr(short[k], k)),
			colExtra("Ukuran Kaos", "Ukuran Kaos")))
	}
	// File 25: phones under a form's question, half of them empty.
	k := "Kab. Tanah Bumbu"
	imp("wa.csv", officeCSV(",", byContingent[k], colID("No Peserta"), colName("Nama"), colContingent("Asal", short[k]),
		officeCol{"Nomor WhatsApp yang aktif", func(i int, v model.Volunteer) string {
			if i%2 == 0 {
				return ""
			}
			return "+62 " + v.Phone[1:]
		}}))
	checkIn(byContingent[k][10:], 5)
	// File 26: a PDF renamed .xlsx changes nothing.
	before := c.read(c.db)
	files++
	r := c.expect(1, "import", c.write("daftar.xlsx", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")))
	contains(t, "stderr", r.stderr, "this is a PDF, not an Excel workbook")
	// File 27: a dry run of a file with a typo in its contingent changes
	// nothing and names it.
	r = imp("typo.csv", officeCSV(";", byContingent["Kab. Tanah Laut"][:3], colID("ID"), colName("Nama"), colContingent("Kabupaten", "Kab. Tanah Lautt")), "--dry-run", "--id-prefix", "TL")
	contains(t, "stdout", r.stdout, "would import", "3 added", "new contingent 'Kab. Tanah Lautt' (3 people): did you mean Kab. Tanah Laut?")
	if !bytes.Equal(before, c.read(c.db)) {
		t.Fatal("a refused file or a dry run changed the store")
	}
	// File 28: the form's export again, with a late answer sent again.
	imp("form2.csv", formCSV(byContingent[form], byContingent["Kab. Tabalong"][0]))
	// File 29: two offices' lists pasted into one file.
	two := append(officeCSV(";", byContingent["Kab. Balangan"], colID("No Peserta"), colName("Nama"), colContingent("Kabupaten", short["Kab. Balangan"]), colPhone("No HP")),
		officeCSV(";", byContingent["Kab. Banjar"], colID("No Peserta"), colName("Nama"), colContingent("Kabupaten", short["Kab. Banjar"]), colPhone("No HP"))...)
	r = imp("gabungan.csv", two)
	contains(t, "stdout", r.stdout, "0 added, 0 updated")
	checkIn(byContingent["Kab. Banjar"][20:], 7)
	// File 30: the committee's whole list as one workbook.
	b := newOfficeBook(t, "Semua")
	b.table(1, demoPeople, colID("ID"), colName("Nama"), colContingent("Kontingen", ""), colPillar("Pilar"), colGender("JK"), colPhone("No HP"))
	r = imp("semua.xlsx", b.bytes())
	contains(t, "stdout", r.stdout, "3000 volunteers: 0 added")
	if files != 30 {
		t.Errorf("%d files imported, want 30", files)
	}

	s := c.stats()
	if s.Expected != 3000 || len(s.Contingents) != 16 || s.Arrived != len(arrived) {
		t.Fatalf("after thirty files: %d expected in %d contingents, %d arrived; want 3000 in 16, %d arrived",
			s.Expected, len(s.Contingents), s.Arrived, len(arrived))
	}
	for _, sc := range s.Contingents {
		if want := len(byContingent[sc.Name]); sc.Expected != want {
			t.Errorf("contingent %s: %d expected, want %d", sc.Name, sc.Expected, want)
		}
	}
	stored := c.exportedRoster()
	shirtOf := map[string]bool{}
	for _, k := range shirts {
		shirtOf[k] = true
	}
	for _, v := range demoPeople {
		got, ok := stored[v.ID]
		switch {
		case !ok:
			t.Fatalf("%s (%s, %s) is not under their ID", v.ID, v.Name, v.Contingent)
		case got["name"] != v.Name || got["contingent"] != v.Contingent || got["phone"] != v.Phone ||
			got["pillar"] != v.Pillar || got["gender"] != v.Gender:
			t.Fatalf("%s is stored as %v; the files said %+v", v.ID, got, v)
		case shirtOf[v.Contingent] && got["Ukuran Kaos"] != v.ExtraValue("Ukuran Kaos"):
			t.Fatalf("%s: shirt %q, want %q", v.ID, got["Ukuran Kaos"], v.ExtraValue("Ukuran Kaos"))
		}
	}
	h, rows := table(t, c.ok("export", "arrivals").stdout)
	in := byID(h, rows)
	for id := range arrived {
		if _, ok := in[id]; !ok {
			t.Errorf("%s was checked in but is not among the arrivals", id)
		}
	}
	if len(in) != len(arrived) {
		t.Errorf("%d arrivals exported, %d people checked in", len(in), len(arrived))
	}
	c.ok("verify")
}

// formCSV is a Google Form's export of one contingent's answers, with
// their timestamps; wrong, whose phone is not theirs' to begin with, first
// answered for another contingent and then again for the right one.
func formCSV(people []model.Volunteer, other model.Volunteer) []byte {
	var b strings.Builder
	b.WriteString("Timestamp,Nama lengkap sesuai KTP,Asal Kabupaten/Kota,Jenis kelamin peserta,No. HP/WA yang bisa dihubungi,Unsur PSKS\r\n")
	row := func(min int, v model.Volunteer, contingent string) {
		fmt.Fprintf(&b, "2026/11/%02d %d:%02d:00 AM GMT+8,%s,%s,%s,%s,%s\r\n", 1+min/600, 1+min/60%10, min%60,
			csvCell(v.Name, ","), contingent, map[string]string{"L": "Laki-laki", "P": "Perempuan"}[v.Gender], v.Phone, csvCell(v.Pillar, ","))
	}
	row(0, people[0], other.Contingent) // the wrong contingent first
	for i, v := range people {
		row(i+1, v, v.Contingent)
	}
	return []byte(b.String())
}

// storedIDs maps each stored person's name and phone to their ID.
func (c *cli) storedIDs() map[string]string {
	c.t.Helper()
	out := map[string]string{}
	for id, r := range c.exportedRoster() {
		out[r["name"]+"|"+r["phone"]] = id
	}
	return out
}
