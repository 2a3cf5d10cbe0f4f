package model

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// One cell of a megabyte (a text pasted into the address) is named by row
// and column, with advice that fits; the file is not called broken.
func TestMegabyteCellIsNamed(t *testing.T) {
	huge := strings.Repeat("Jl. Ahmad Yani Km. 5 ", 60_000) // 1.2 MB
	for _, delim := range []string{";", ","} {
		data := strings.Join([]string{"Nama", "Kabupaten", "Alamat"}, delim) + "\r\n" +
			strings.Join([]string{"Hamidah", "Kab. Tapin", "Rantau"}, delim) + "\r\n" +
			strings.Join([]string{"Rahmat", "Kab. Tapin", huge}, delim) + "\r\n"
		_, err := ParseRoster(strings.NewReader(data), ParseOptions{})
		pe, ok := err.(*ParseError)
		if !ok || len(pe.Problems) != 1 {
			t.Fatalf("%q: %v, want one problem", delim, err)
		}
		msg := pe.Error()
		for _, want := range []string{"row 3, column 'Alamat': the value in column 3 is 1260000 bytes", "shorten that cell"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%q: %q does not say %q", delim, msg, want)
			}
		}
		if strings.Contains(msg, "line ends") {
			t.Errorf("%q: %q blames the line ends", delim, msg)
		}
	}
}

// Dates of birth in the workbook's own formats keep day, month and year,
// day first, the first of a month too.
func TestXLSXDatesKeepTheirDay(t *testing.T) {
	b := newBook(t, "S")
	b.set("S", "A1", "Nama", "Kontingen", "Tanggal Lahir", "Tinggi")
	formats := []any{17, 15, 16, 14, "mmm-yy", "[$-421]dd mmmm yyyy;@", "d/m/yyyy", "yyyy-mm-dd", "dd-mmm-yy"}
	for i, f := range formats {
		row := strconv.Itoa(i + 2)
		b.set("S", "A"+row, "Orang "+row, "Kab. Tapin", time.Date(1980, 6, 1, 0, 0, 0, 0, time.UTC), 1.5)
		b.format("S", "C"+row, "C"+row, f)
	}
	r := mustParseXLSX(t, b.bytes(), ParseOptions{})
	for i, v := range r.Volunteers {
		if got := v.ExtraValue("Tanggal Lahir"); got != "01/06/1980" {
			t.Errorf("format %v: date of birth %q, want 01/06/1980", formats[i], got)
		}
		if got := v.ExtraValue("Tinggi"); got != "1.5" {
			t.Errorf("a number beside it became %q", got)
		}
	}
}

// An old name column hidden beside the new one is not read; an old entry
// hidden under its corrected row is not read, while a hidden row of
// someone found nowhere else is; two visible name columns that differ are
// asked about.
func TestXLSXHiddenColumnsAndRows(t *testing.T) {
	build := func(hide bool) []byte {
		b := newBook(t, "Peserta")
		b.set("Peserta", "A1", "No Peserta", "Nama", "Nama Lengkap", "Kabupaten", "No HP")
		b.set("Peserta", "A2", "T1", "Hamidah", "Hj. Hamidah Rahmah", "Kab. Tapin", "081211110001")
		b.set("Peserta", "A3", "T2", "Rahmat", "Rahmat Hidayat", "Kab. Tapin", "081211110002")
		b.set("Peserta", "A4", "T2", "Rahmat (lama)", "Rahmat (lama)", "Kab. Tapin", "081211110009") // the old entry
		b.set("Peserta", "A5", "T3", "Udin", "Udin Saputra", "Kab. Tapin", "081211110003")           // filtered out
		if hide {
			if err := b.f.SetColVisible("Peserta", "B", false); err != nil {
				t.Fatal(err)
			}
			for _, r := range []int{4, 5} {
				if err := b.f.SetRowVisible("Peserta", r, false); err != nil {
					t.Fatal(err)
				}
			}
		}
		return b.bytes()
	}
	r := mustParseXLSX(t, build(true), ParseOptions{})
	eq(t, "names", names(r), []string{"Hj. Hamidah Rahmah", "Rahmat Hidayat", "Udin Saputra"})
	eq(t, "phones", []string{r.Volunteers[1].Phone, r.Volunteers[2].Phone}, []string{"081211110002", "081211110003"})
	if len(r.Volunteers[0].Extra) != 0 {
		t.Errorf("the hidden column is kept: %+v", r.Volunteers[0].Extra)
	}
	if !hasWarning(r, "1 hidden row (first row 4) not read: a visible row has the same person") {
		t.Errorf("warnings %q", r.Warnings)
	}

	pe := mustFailXLSX(t, build(false), ParseOptions{})
	if len(pe.Problems) != 1 || !strings.Contains(pe.Error(), "two columns hold the names, 'Nama' (column 2) and 'Nama Lengkap' (column 3), and they differ (row 2: 'Hamidah' and 'Hj. Hamidah Rahmah')") {
		t.Errorf("two visible name columns: %v", pe)
	}
}

// A header on two rows, group titles merged above the column names, is
// read as one: the phone under "Kontak", the gender ticked under "Jenis
// Kelamin" in L and P.
func TestXLSXTwoRowHeader(t *testing.T) {
	b := newBook(t, "S")
	b.set("S", "A1", "DAFTAR PESERTA JAMBORE RELAWAN SOSIAL 2026")
	b.merge("S", "A1", "G1")
	b.set("S", "A3", "No", "Nama Lengkap", "Jenis Kelamin", nil, "Kontak", nil, "Kabupaten/Kota")
	b.set("S", "C4", "L", "P", "No. HP", "Email")
	b.merge("S", "A3", "A4")
	b.merge("S", "B3", "B4")
	b.merge("S", "C3", "D3")
	b.merge("S", "E3", "F3")
	b.merge("S", "G3", "G4")
	for i := range 100 {
		row := strconv.Itoa(i + 5)
		tick := []any{"√", nil}
		if i%2 == 1 {
			tick = []any{nil, "√"}
		}
		b.set("S", "A"+row, i+1, "Orang "+row, tick[0], tick[1], "08125555"+strconv.Itoa(1000+i), "o"+row+"@mail.id", "Kab. Tapin")
	}
	r := mustParseXLSX(t, b.bytes(), ParseOptions{})
	if len(r.Volunteers) != 100 {
		t.Fatalf("%d volunteers, want 100", len(r.Volunteers))
	}
	v, w := r.Volunteers[0], r.Volunteers[1]
	eq(t, "genders", []string{v.Gender, w.Gender}, []string{"L", "P"})
	eq(t, "phone", v.Phone, "081255551000")
	eq(t, "email", v.ExtraValue("Kontak Email"), "o5@mail.id")
	if !hasWarning(r, "the header is on two rows (3 and 4") {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// A file whose name column has a header hadir does not know says which
// column looks like names.
func TestNoNameColumnNamesTheColumnOfNames(t *testing.T) {
	data := "No;Peserta;Kabupaten;HP\n1;Hamidah Rahmah;Kab. Tapin;0812\n2;Rahmat Hidayat;Kab. Tapin;0813\n3;Gusti Ayu Lestari;Kab. Tapin;0814\n"
	_, err := ParseRoster(strings.NewReader(data), ParseOptions{})
	if err == nil || !strings.Contains(err.Error(), "column 2 ('Peserta') holds what look like names: if that is the header, rename that cell to 'Nama'") {
		t.Errorf("error %v", err)
	}
}

// A file without a contingent column whose column of regions has a header
// hadir does not know names that column.
func TestNoContingentColumnNamesTheColumnOfRegions(t *testing.T) {
	data := "Nama;Tempat Tugas;HP\nHamidah;Kab. Tapin;0812\nRahmat;Kota Banjarmasin;0813\n"
	_, err := ParseRoster(strings.NewReader(data), ParseOptions{})
	if err == nil || !strings.Contains(err.Error(), "column 2 ('Tempat Tugas') names a region ('Kab. Tapin'): if it is the contingent, rename its header to 'Kontingen'") {
		t.Errorf("error %v", err)
	}
}

// The short forms of South Kalimantan's regencies and cities are those
// places; other names keep their own key.
func TestContingentKeyKnowsSouthKalimantan(t *testing.T) {
	for short, place := range map[string]string{
		"HSU": "Kab. Hulu Sungai Utara", "Kab. HSU": "Kab. Hulu Sungai Utara", "hst": "Kab. Hulu Sungai Tengah",
		"H.S.S.": "Kab. Hulu Sungai Selatan", "Batola": "Kab. Barito Kuala", "Kab. Batola": "Kab. Barito Kuala",
		"Tanbu": "Kab. Tanah Bumbu", "TALA": "Kab. Tanah Laut", "Kota Baru": "Kab. Kotabaru", "Kotabaru": "Kab. Kotabaru",
		"Kota Kotabaru": "Kab. Kotabaru", "Kabupaten Kota Baru": "Kab. Kotabaru", "BJM": "Kota Banjarmasin", "Bjb": "Kota Banjarbaru",
	} {
		if ContingentKey(short) != ContingentKey(place) {
			t.Errorf("%q has the key %q, %q has %q", short, ContingentKey(short), place, ContingentKey(place))
		}
	}
	keys := map[string]string{}
	for _, name := range Contingents { // the 13 of South Kalimantan and the guests
		if other, dup := keys[ContingentKey(name)]; dup {
			t.Errorf("%s and %s share a key", name, other)
		}
		keys[ContingentKey(name)] = name
	}
	if ContingentKey("Kota Bogor") == ContingentKey("Kab. Bogor") || ContingentKey("Kota Baru") == ContingentKey("Kota Banjarbaru") {
		t.Error("two places share a key")
	}
}

// A made-up ID a re-ID gave away is never a new person's: the old ID
// finds the one who had it.
func TestPlanNeverGivesARetiredID(t *testing.T) {
	row := gen(2, "Hamidah", "Kab. Tapin", "0812")
	retired := row.ID
	stored := []Volunteer{rv("T4", "Hamidah", "Kab. Balangan", "0899")} // had retired, moved since
	p := PlanImport(stored, func(string) bool { return false }, []ImportRow{row}, ImportOptions{Retired: func(id string) bool { return id == retired }})
	if len(p.Added) != 1 || p.Added[0].ID == retired || !strings.HasPrefix(p.Added[0].ID, "G-") {
		t.Errorf("added %+v; the retired ID is %s", p.Added, retired)
	}
}

// Group titles on the row above a header that names the columns itself:
// L and P under "Jenis Kelamin" are the gender.
func TestGenderTickedUnderAGroupAbove(t *testing.T) {
	data := "No;Identitas;;Jenis Kelamin;;Kontak\n;Nama;Kabupaten;L;P;HP\n1;Hamidah;Kab. Tapin;;v;0812\n2;Rahmat;Kab. Tapin;v;;0813\n"
	r, err := ParseRoster(strings.NewReader(data), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g := []string{r.Volunteers[0].Gender, r.Volunteers[1].Gender}; g[0] != "P" || g[1] != "L" {
		t.Errorf("genders %v, want P and L", g)
	}
	if len(r.Volunteers[0].Extra) != 0 {
		t.Errorf("extras %+v", r.Volunteers[0].Extra)
	}
}

// A row of data below the header whose name is missing is a row with a
// problem, not the rest of the header.
func TestRowWithoutNameIsNotAHeader(t *testing.T) {
	_, err := ParseRoster(strings.NewReader("Nama;Kabupaten;Keterangan\n;;catatan saja\nRahmat;Kab. Tapin;\n"), ParseOptions{})
	if err == nil || !strings.Contains(err.Error(), "row 2") || !strings.Contains(err.Error(), "no name") {
		t.Errorf("error %v, want row 2 without a name", err)
	}
}
