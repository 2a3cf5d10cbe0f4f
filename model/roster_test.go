package model

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

// Rosters as they arrive from the contingents.
var (
	// Excel on Indonesian Windows: "CSV" is semicolons, CRLF and ANSI
	// (Windows-1252) bytes: \x92 is a right quote, \xE9 is é.
	excelIndonesian = "DAFTAR PESERTA JAMBORE RELAWAN SOSIAL PSKS 2025;;;;;;\r\n" +
		"Kabupaten Balangan dan Tabalong;;;;;;\r\n" +
		";;;;;;\r\n" +
		"No;No. Peserta;Nama Lengkap;Kab./Kota;Unsur PSKS;L/P;No. HP\r\n" +
		"1;BLG-001;Muhammad Ridwan;Balangan;Tagana;L;'081234567890\r\n" +
		"2;BLG-002;Zainal Abidin Ba\x92asyir;Balangan;PSM;Laki-laki;81345678901\r\n" +
		"3;BLG-003;D\xe9sy Ratnasari;Balangan;TKSK;P;+62 812 1111 2222\r\n" +
		"1;TBL-001;Hj.  Siti\xa0  Aisyah ;Tabalong;Karang Taruna;Perempuan;\r\n" +
		"2;TBL-002;Gusti Rahmat;Tabalong;LKS;-;-\r\n" +
		";;;;;;\r\n" +
		";;;;;;\r\n"

	// Google Forms: commas, a Timestamp, quoted values with commas and
	// line breaks, no ID column.
	googleForms = "Timestamp,Email Address,Nama Lengkap (sesuai KTP),Asal Kontingen,Pilar,Jenis Kelamin,Nomor WhatsApp,Alamat,Ukuran Kaos\n" +
		"2025/05/01 8:01:02 AM GMT+8,ridwan@example.com,Muhammad Ridwan,Kab. Balangan,Tagana,Laki-laki,0812-3456-7890,\"Jl. A. Yani Km. 5, Paringin\",L\n" +
		"2025/05/01 8:05:10 AM GMT+8,siti@example.com,Siti Nurhaliza,Kota Banjarmasin,PSM,Perempuan,81234500001,\"RT 3, RW 2\nKelurahan Kuin\nBanjarmasin Utara\",M\n" +
		"2025/05/01 9:00:00 AM GMT+8,desy@example.com,\"Désy \"\"Echi\"\" Lestari\",Kab. Tabalong,Karang Taruna,P,+6281299990000,Tanjung,XL\n"

	// Tab-separated, UTF-8 with a BOM, English headers.
	englishTabs = "\ufeffRegistration Number\tFull Name\tContingent\tPillar\tSex\tPhone\tLeader\tRole\n" +
		"KTB-01\tAndi Pratama\tKota Kotabaru\tTagana\tM\t081100000001\tyes\t\n" +
		"KTB-02\tRina Wulandari\tKota Kotabaru\tPSM\tfemale\t081100000002\t\tKetua Kontingen\n" +
		"KTB-03\tYusuf Hidayat\tKota Kotabaru\tLKS\tmale\t\tno\tKetua Karang Taruna\n"
)

func mustParse(t *testing.T, in string, opt ParseOptions) *Roster {
	t.Helper()
	r, err := ParseRoster(strings.NewReader(in), opt)
	if err != nil {
		t.Fatalf("ParseRoster: %v", err)
	}
	return r
}

func mustFail(t *testing.T, in string, opt ParseOptions) *ParseError {
	t.Helper()
	r, err := ParseRoster(strings.NewReader(in), opt)
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("ParseRoster = %v, %v; want a *ParseError", r, err)
	}
	return pe
}

func names(r *Roster) []string {
	var out []string
	for _, v := range r.Volunteers {
		out = append(out, v.Name)
	}
	return out
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

func hasWarning(r *Roster, sub string) bool {
	for _, w := range r.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

func TestParseRosterExcelIndonesian(t *testing.T) {
	r := mustParse(t, excelIndonesian, ParseOptions{})
	eq(t, "names", names(r), []string{"Muhammad Ridwan", "Zainal Abidin Ba\u2019asyir", "Désy Ratnasari", "Hj. Siti Aisyah", "Gusti Rahmat"})
	eq(t, "Encoding", r.Encoding, "Windows-1252")
	eq(t, "Delimiter", r.Delimiter, ';')
	eq(t, "HeaderLine", r.HeaderLine, 4)
	eq(t, "Lines", r.Lines, []int{5, 6, 7, 8, 9})
	eq(t, "Columns", r.Columns, []string{"No", "No. Peserta", "Nama Lengkap", "Kab./Kota", "Unsur PSKS", "L/P", "No. HP"})
	var ids, phones, genders, contingents []string
	for _, v := range r.Volunteers {
		ids = append(ids, v.ID)
		phones = append(phones, v.Phone)
		genders = append(genders, v.Gender)
		contingents = append(contingents, v.Contingent)
		if v.Extra != nil || v.Source != SourceRoster {
			t.Errorf("%s: Extra %v, Source %q; want no extras (the No column is dropped), roster", v.Name, v.Extra, v.Source)
		}
	}
	eq(t, "IDs", ids, []string{"BLG-001", "BLG-002", "BLG-003", "TBL-001", "TBL-002"})
	eq(t, "phones", phones, []string{"081234567890", "081345678901", "081211112222", "", ""})
	eq(t, "genders", genders, []string{"L", "L", "P", "P", ""})
	eq(t, "contingents", contingents, []string{"Balangan", "Balangan", "Balangan", "Tabalong", "Tabalong"})
	eq(t, "pillar", r.Volunteers[3].Pillar, "Karang Taruna")
	if !hasWarning(r, "Windows-1252") || !hasWarning(r, "2 rows above the header") {
		t.Errorf("warnings %q: want the encoding and the title rows", r.Warnings)
	}
}

func TestParseRosterGoogleForms(t *testing.T) {
	r := mustParse(t, googleForms, ParseOptions{})
	eq(t, "Delimiter", r.Delimiter, ',')
	eq(t, "Encoding", r.Encoding, "UTF-8")
	eq(t, "names", names(r), []string{"Muhammad Ridwan", "Siti Nurhaliza", `Désy "Echi" Lestari`})
	eq(t, "Lines", r.Lines, []int{2, 3, 4}) // the address on row 3 runs over three text lines: one row in a spreadsheet
	siti := r.Volunteers[1]
	eq(t, "extras", siti.Extra, []Field{
		{"Timestamp", "2025/05/01 8:05:10 AM GMT+8"}, {"Email Address", "siti@example.com"},
		{"Alamat", "RT 3, RW 2 Kelurahan Kuin Banjarmasin Utara"}, {"Ukuran Kaos", "M"}, // line breaks are control characters
	})
	eq(t, "phone restored", siti.Phone, "081234500001")
	eq(t, "contingent", siti.Contingent, "Kota Banjarmasin")

	ids := map[string]bool{}
	for _, v := range r.Volunteers {
		if !strings.HasPrefix(v.ID, "G-") || len(v.ID) != 10 || ids[v.ID] {
			t.Errorf("generated ID %q: want G- and 8 characters, unique", v.ID)
		}
		ids[v.ID] = true
	}
	// The same people exported again, in another order, with phones
	// written differently, keep their IDs.
	again := mustParse(t, googleForms, ParseOptions{})
	eq(t, "IDs of a second parse", again.Volunteers, r.Volunteers)
	reexport := "Nama,Kontingen,HP\n" +
		"\"DÉSY \"\"ECHI\"\" LESTARI\",kab.  tabalong,0812 9999 0000\n" +
		"Muhammad  Ridwan,Kab. Balangan,+62 812-3456-7890\n"
	re := mustParse(t, reexport, ParseOptions{})
	eq(t, "re-exported IDs", []string{re.Volunteers[0].ID, re.Volunteers[1].ID}, []string{r.Volunteers[2].ID, r.Volunteers[0].ID})
}

func TestParseRosterTabsBOMEnglish(t *testing.T) {
	r := mustParse(t, englishTabs, ParseOptions{})
	eq(t, "Delimiter", r.Delimiter, '\t')
	eq(t, "Encoding", r.Encoding, "UTF-8")
	eq(t, "Columns[0]", r.Columns[0], "Registration Number") // no BOM left in it
	eq(t, "names", names(r), []string{"Andi Pratama", "Rina Wulandari", "Yusuf Hidayat"})
	var got []string
	for _, v := range r.Volunteers {
		got = append(got, fmt.Sprintf("%s %s %s %v", v.ID, v.Gender, v.Phone, v.Leader))
	}
	eq(t, "volunteers", got, []string{"KTB-01 L 081100000001 true", "KTB-02 P 081100000002 true", "KTB-03 L  false"})
	// The Role column is kept, even when it makes a leader.
	eq(t, "role kept", r.Volunteers[1].ExtraValue("Role"), "Ketua Kontingen")
}

func TestParseRosterEncodings(t *testing.T) {
	u16 := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	for _, tc := range []struct {
		name, in, enc string
		want          []string
	}{
		{"UTF-8 without BOM", "Nama;Kontingen\nDésy;Tapin\n", "UTF-8", []string{"Désy"}},
		{"Excel Unicode Text", u16("Nama\tKontingen\r\nDésy\tTapin\r\n"), "UTF-16LE", []string{"Désy"}},
		{"two exports glued", "Nama;Kontingen\nDésy;Tapin\nD\xe9sy Ayu;Tapin\n", "Windows-1252", []string{"Désy", "Désy Ayu"}},
		{"old Mac line ends", "Nama;Kontingen\rAndi;Tapin\rBudi;Tapin\r", "UTF-8", []string{"Andi", "Budi"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mustParse(t, tc.in, ParseOptions{})
			eq(t, "Encoding", r.Encoding, tc.enc)
			eq(t, "names", names(r), tc.want)
		})
	}
}

func TestParseRosterProblems(t *testing.T) {
	long := strings.Repeat("x", 5000)
	for _, tc := range []struct {
		name, in string
		opt      ParseOptions
		line     int
		col, msg string
	}{
		{"missing name", "Nama;Kontingen\nAhmad;Banjar\n;Banjar\n", ParseOptions{}, 3, "Nama", "no name"},
		{"name is a dash", "Nama;Kontingen\n-;Banjar\n", ParseOptions{}, 2, "Nama", "no name"},
		{"name without letters", "Nama;Kontingen\n123;Banjar\n", ParseOptions{}, 2, "Nama", "name '123' has no letters"},
		{"name is a spreadsheet error", "Nama;Kontingen\n#N/A;Banjar\n", ParseOptions{}, 2, "Nama", "'#N/A' is a spreadsheet error"},
		{"duplicate ID", "No Peserta,Nama,Kontingen\nBLG-007,Ahmad,Balangan\nBLG-008,Budi,Balangan\nBLG-007,Citra,Balangan\n",
			ParseOptions{}, 4, "No Peserta", "ID 'BLG-007' is also on row 2"},
		{"duplicate ID in another case", "ID,Nama,Kontingen\nblg-7,A,B\nBLG-7,C,B\n", ParseOptions{}, 3, "ID", "is also on row 2"},
		{"bare quote", "Nama,Kontingen\nAhmad \"Udin\" Saleh,Banjar\n", ParseOptions{}, 2, "Nama", `a quote (") inside a value`},
		{"bare quote second column", "Nama;Kontingen;JK\nAhmad;Ban\"jar;L\n", ParseOptions{}, 2, "Kontingen", `a quote (") inside a value`},
		{"quote after closing quote", "Nama,Kontingen\n\"Siti\" Aminah,Banjar\n", ParseOptions{}, 2, "Nama", "follows the closing quote"},
		{"unterminated quote at end", "Nama,Kontingen\nAhmad,Banjar\nSiti,\"Banjar\n", ParseOptions{}, 3, "Kontingen", "closing quote (\") is missing"},
		{"unterminated quote swallows lines", "Nama,Kontingen\n\"Siti,Banjar\nBudi,Banjar\nCitra,Banjar\n", ParseOptions{}, 2, "Nama", "lines 2 to 4 were read as one value"},
		{"field over 4 KB", "Nama;Kontingen;Catatan\nA;B;ok\nC;D;" + long + "\n", ParseOptions{}, 3, "Catatan", "value is 5000 bytes, longer than 4096"},
		{"no name column", "ID;Kontingen\n1;B\n", ParseOptions{}, 1, "", "no name column: add a column named 'Nama'"},
		{"no name column lists the row", "\n\nNo;Peserta;Asal\n1;A;B\n", ParseOptions{}, 3, "", "the first row reads 'No', 'Peserta', 'Asal'"},
		{"header only", "Nama;Kontingen\r\n", ParseOptions{}, 1, "", "no volunteers"},
		{"header and blank rows", "Judul\r\nNama;Kontingen\r\n;;\r\n;;\r\n", ParseOptions{}, 2, "", "no volunteers: the header is on row 2"},
		{"empty file", "", ParseOptions{}, 0, "", "the file is empty"},
		{"BOM only", "\ufeff", ParseOptions{}, 0, "", "the file is empty"},
		{"only blank lines", "\r\n\r\n;;;;\r\n \r\n", ParseOptions{}, 0, "", "only blank rows"},
		{"unknown gender", "Nama,Kontingen,JK\nAndi,Tapin,L\nBudi,Tapin,X\n", ParseOptions{}, 3, "JK", "gender 'X' is not L or P"},
		{"too many fields", "Nama,Kontingen\nAndi,Tapin\nRidwan, S.Pd,Tapin\n", ParseOptions{}, 3, "", "3 values but the header has 2 columns"},
		{"blank contingent", "Nama;Kabupaten/Kota\nAndi;Tapin\nBudi; \n", ParseOptions{}, 3, "Kabupaten/Kota", "no contingent"},
		{"no contingent column", "Judul\nNama;JK\nAndi;L\n", ParseOptions{}, 2, "", "no contingent column: this looks like the file of a single contingent; import it with --contingent NAME"},
		{"duplicate generated ID", "Nama,Kontingen,HP\nSiti Aminah,Banjar,0812 555\nsiti  aminah,BANJAR,+62812555\n", ParseOptions{}, 3, "Nama", "the same volunteer as on row 2"},
		{"workbook", "PK\x03\x04\x14\x00\x06\x00", ParseOptions{}, 0, "", "Excel workbook (.xlsx)"},
		{"binary", "Nama;Kontingen\nA\x00B;C\n", ParseOptions{}, 0, "", "NUL bytes"},
		{"line over 1 MB", "Nama;Kontingen\nA;B\n" + strings.Repeat("y", 1<<20+1) + "\n", ParseOptions{}, 3, "", "longer than 1048576"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pe := mustFail(t, tc.in, tc.opt)
			var found bool
			for _, p := range pe.Problems {
				if p.Line == tc.line && p.Column == tc.col && strings.Contains(p.Msg, tc.msg) {
					found = true
				}
			}
			if !found {
				t.Fatalf("problems %#v: want line %d, column %q, %q", pe.Problems, tc.line, tc.col, tc.msg)
			}
			if want := fmt.Sprintf("row %d", tc.line); tc.line > 0 && !strings.Contains(pe.Error(), want) {
				t.Errorf("Error() = %q, want it to say %q", pe.Error(), want)
			}
		})
	}
}

func TestParseRosterTooManyRows(t *testing.T) {
	// Blank rows count too, so the file stays small.
	in := "Nama;Kontingen\nAndi;Tapin\n" + strings.Repeat(";\n", MaxRosterRows+1)
	pe := mustFail(t, in, ParseOptions{SkipBad: true})
	eq(t, "problems", pe.Problems, []Problem{{Line: MaxRosterRows + 2, Msg: "more than 1000000 rows: this is not one roster; split the file"}})
}

func TestParseErrorMessage(t *testing.T) {
	in := "Nama;Kontingen;JK\n;A;L\n;A;L\n;A;L\nB;A;Q\n;A;L\n;A;L\n;A;L\n"
	pe := mustFail(t, in, ParseOptions{})
	msg := pe.Error()
	for _, want := range []string{"row 2 (A), column 'Nama': no name", "row 5 (B), column 'JK': gender 'Q'", "and 2 more"} {
		if !strings.Contains(msg, want) {
			t.Errorf("Error() = %q, want %q in it", msg, want)
		}
	}
	if strings.Contains(msg, "row 8") {
		t.Errorf("Error() = %q shows more than the first few", msg)
	}
	eq(t, "no line", Problem{Msg: "the file is empty"}.Error(), "the file is empty")
	eq(t, "no column", Problem{Line: 3, Msg: "x"}.Error(), "row 3: x")
}

func TestParseRosterSkipBad(t *testing.T) {
	in := "No;Nama;Kontingen;JK\n1;Andi;Tapin;L\n2;;Tapin;L\n3;Budi;Tapin;Z\n4;Citra;Tapin;P\n5;Dewi;;P\n"
	r := mustParse(t, in, ParseOptions{SkipBad: true})
	eq(t, "names", names(r), []string{"Andi", "Citra"})
	eq(t, "Lines", r.Lines, []int{2, 5})
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Error())
	}
	eq(t, "problems", got, []string{
		"row 3 (Tapin), column 'Nama': no name; fill it in or delete the row", // no name: the first value tells the row
		"row 4 (Budi), column 'JK': gender 'Z' is not L or P; write L (laki-laki) or P (perempuan), or leave it empty",
		"row 6 (Dewi), column 'Kontingen': no contingent; fill it in, or import the file with --contingent NAME",
	})
	if !hasWarning(r, "3 rows with problems left out") {
		t.Errorf("warnings %q: want the rows left out counted", r.Warnings)
	}
	// A roster of only bad rows is no roster.
	mustFail(t, "Nama;Kontingen\n;Tapin\n", ParseOptions{SkipBad: true})
}

func TestParseRosterContingentOption(t *testing.T) {
	in := "No;Nama;JK\n1;Andi;L\n2;Budi;L\n"
	r := mustParse(t, in, ParseOptions{Contingent: " Kabupaten  Tapin "})
	for _, v := range r.Volunteers {
		eq(t, v.Name+" contingent", v.Contingent, "Kabupaten Tapin")
	}
	// With a contingent column too, the option wins, and says so.
	r = mustParse(t, "Nama;Kontingen\nAndi;Tapin\nBudi;Tanah Laut\nCitra;\n", ParseOptions{Contingent: "Tapin"})
	for _, v := range r.Volunteers {
		eq(t, v.Name+" contingent", v.Contingent, "Tapin")
	}
	if !hasWarning(r, "--contingent 'Tapin' replaces the contingent column on 1 row (row 3 says 'Tanah Laut')") {
		t.Errorf("warnings %q: want the override noted", r.Warnings)
	}
}

func TestParseRosterRows(t *testing.T) {
	// What happens to the rows of real files, one rule at a time.
	in := "Nama ;Kontingen:;Jabatan;Ketua?;HP/WA;;Catatan\n" +
		"Andi;Tapin;Ketua Kontingen;;+62 812-3456-7890;;\n" +
		"Nama;Kontingen;Jabatan;Ketua;HP;;Catatan\n" + // the header again: skipped
		"Budi;Tapin;Ketua Karang Taruna;ya;'0811;lupa;\n"
	r := mustParse(t, in, ParseOptions{})
	eq(t, "names", names(r), []string{"Andi", "Budi"})
	eq(t, "leaders", []bool{r.Volunteers[0].Leader, r.Volunteers[1].Leader}, []bool{true, true})
	eq(t, "phones", []string{r.Volunteers[0].Phone, r.Volunteers[1].Phone}, []string{"081234567890", "0811"})
	eq(t, "extras", r.Volunteers[1].Extra, []Field{{"Jabatan", "Ketua Karang Taruna"}, {"column 6", "lupa"}, {"Catatan", ""}})
	for _, w := range []string{"repeated 1 time", "1 value in columns without a header"} {
		if !hasWarning(r, w) {
			t.Errorf("warnings %q: want %q", r.Warnings, w)
		}
	}

	// A "No" column is a counter, never the ID, even in a file without
	// one; rows numbered in advance but never filled in are blank.
	r = mustParse(t, "No.;Nama;Kontingen\n1;Andi;Tapin\n1;Budi;Tala\n2;;\n3;;\n", ParseOptions{})
	eq(t, "names", names(r), []string{"Andi", "Budi"})
	if id := r.Volunteers[0].ID; !strings.HasPrefix(id, "G-") || r.Volunteers[0].Extra != nil {
		t.Errorf("ID %q, extra %v: want a generated ID and No dropped", id, r.Volunteers[0].Extra)
	}
}

func TestNormHeader(t *testing.T) {
	for in, want := range map[string]colRole{
		"NAMA": roleName, " Nama Lengkap  (sesuai KTP) *": roleName, "Full  Name": roleName,
		"Kab./Kota": roleContingent, "Kabupaten / Kota": roleContingent, "KAB/KOTA": roleContingent,
		"Unsur PSKS": rolePillar, "L/P": roleGender, "Jenis Kelamin (L/P)": roleGender,
		"No. HP": rolePhone, "No HP": rolePhone, "No.WhatsApp": rolePhone, "Telp.": rolePhone,
		"No. Peserta": roleID, "Kode_Peserta": roleID, "Registration Number": roleID,
		"No": roleCounter, "No.": roleCounter, "No Urut": roleCounter, "#": roleCounter,
		"Ketua": roleLeader, "Timestamp": roleExtra, "Nama Panggilan": roleExtra,
	} {
		got, ok := rosterHeaders[normHeader(in)]
		if !ok {
			got = roleExtra
		}
		if got != want {
			t.Errorf("header %q (%q) is role %d, want %d", in, normHeader(in), got, want)
		}
	}
}

// rosterText builds a roster of n volunteers as Excel would write it.
func rosterText(n int, withID bool) string {
	first := []string{"Muhammad", "Siti", "Ahmad", "Nur", "Rahmat", "Dewi", "Gusti", "Hj. Fatimah", "Andi", "Rina"}
	last := []string{"Ridwan", "Aisyah", "Hidayat", "Lestari", "Saputra", "Wulandari", "Rahman", "Anwar", "Pratama", "Zahra"}
	places := []string{"Balangan", "Banjar", "Tapin", "Tabalong", "Kota Banjarmasin", "Tanah Laut", "Kotabaru"}
	var b strings.Builder
	b.WriteString("DAFTAR PESERTA;;;;;;;\r\n;;;;;;;\r\nNo;No. Peserta;Nama Lengkap;Kab/Kota;Unsur PSKS;L/P;No. HP;Ukuran Kaos\r\n")
	for i := range n {
		id := ""
		if withID {
			id = fmt.Sprintf("P-%06d", i)
		}
		fmt.Fprintf(&b, "%d;%s;%s %s %d;%s;Tagana;%c;'0812%08d;XL\r\n",
			i%100+1, id, first[i%len(first)], last[i/len(first)%len(last)], i, places[i%len(places)], "LP"[i%2], i)
	}
	return b.String()
}

func BenchmarkParseRoster(b *testing.B) {
	for _, n := range []int{3000, 100000} {
		for _, withID := range []bool{true, false} {
			in := rosterText(n, withID)
			b.Run(fmt.Sprintf("rows=%d/id=%v", n, withID), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					r, err := ParseRoster(strings.NewReader(in), ParseOptions{})
					if err != nil || len(r.Volunteers) != n {
						b.Fatalf("ParseRoster: %v", err)
					}
				}
			})
		}
	}
}

// Two exports pasted together repeat the header, perhaps in capitals: the
// second header is not a volunteer called "NAMA LENGKAP".
func TestRosterRepeatedHeaderInOtherCase(t *testing.T) {
	in := "No;No. Peserta;Nama Lengkap;Kabupaten/Kota\n" +
		"1;JRS-BLG-0001;Nurul Hikmah;Kabupaten Balangan\n" +
		"NO;NO. PESERTA;NAMA LENGKAP;KABUPATEN/KOTA\n" +
		"1;JRS-BJM-0001;Muhammad Rizki;Kota Banjarmasin\n"
	r, err := ParseRoster(strings.NewReader(in), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Volunteers) != 2 {
		t.Fatalf("%d volunteers, want 2: %+v", len(r.Volunteers), r.Volunteers)
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "header is repeated") {
		t.Errorf("no warning about the repeated header: %v", r.Warnings)
	}
}

// Offices sign their lists: the block below the table is not volunteers.
func TestParseRosterSignatureBlock(t *testing.T) {
	const head = "No;No Peserta;Nama;Kontingen;JK;No HP\n" +
		"1;BLG-001;Nurul Hikmah;Kabupaten Balangan;P;081251110001\n" +
		"2;BLG-002;Ahmad Fauzi;Kabupaten Balangan;L;081251110002\n"
	many := "Nama;Kontingen\nAndi;Tapin\n;\nTotal Sejahtera;Banjar\n"
	var want []string
	for i := range 25 {
		many += fmt.Sprintf("Warga %d;Banjar\n", i)
		want = append(want, fmt.Sprintf("Warga %d", i))
	}
	two := []string{"Nurul Hikmah", "Ahmad Fauzi"}
	for _, tc := range []struct {
		name, in string
		opt      ParseOptions
		names    []string
		warning  string // "" when no block is skipped
	}{
		{"signatures after a blank row", head + ";;;;;\n" +
			";;Mengetahui,;;;Banjarmasin, 1 Desember 2026\n" +
			";;Kepala Dinas Sosial Provinsi Kalimantan Selatan;;;Ketua Panitia\n" +
			";;;;;\n" +
			";;Drs. H. Ahmad Fauzi, M.Si;;;Rahmadi, S.Sos\n" +
			";;NIP. 19700101 199503 1 001;;;NIP. 19800202 200501 1 002\n",
			ParseOptions{}, two, "4 rows below the table (from row 5, 'Mengetahui,') skipped"},
		{"after an empty line, in the first column", "No Peserta;Nama;Kontingen\nBLG-1;Andi;Tapin\n\n" +
			"Mengetahui,\nKepala Dinas Sosial\n\n\nH. Ahmad\nNIP. 19700101 199503 1 001\n",
			ParseOptions{}, []string{"Andi"}, "4 rows below the table (from row 4, 'Mengetahui,')"},
		{"place and date first, day left blank", head + ";;;;;\n" +
			";;;;;Banjarmasin,      Desember 2026\n;;;;;Ketua Panitia\n;;;;;Rahmadi\n",
			ParseOptions{}, two, "3 rows below the table (from row 5, 'Banjarmasin, Desember 2026')"},
		{"a total right below the table", head + ";;JUMLAH;;;\n;;;;;\n;;Hormat kami,;;;\n",
			ParseOptions{}, two, "2 rows below the table (from row 4, 'JUMLAH')"},
		{"wider than the header", "Nama;Kontingen\nAndi;Tapin\n;\n;;;Mengetahui,\n;;;Kepala Dinas Sosial\n",
			ParseOptions{}, []string{"Andi"}, "2 rows below the table (from row 4"},
		{"a volunteer named Ketua with an ID", head + ";;;;;\n3;BLG-003;Ketua Rahman;Kabupaten Balangan;L;\n",
			ParseOptions{}, append(two, "Ketua Rahman"), ""},
		{"offices in a Jabatan column", "Jabatan;Nama;JK\nKetua;Ahmad;L\nAnggota;Budi;L\n;;\nKetua;Citra;P\nSekretaris;Dewi;P\n",
			ParseOptions{Contingent: "Tapin"}, []string{"Ahmad", "Budi", "Citra", "Dewi"}, ""},
		{"lists pasted one under the other", head + ";;;;;\n;;Mengetahui,;;;\n;;Kepala Dinas;;;\n;;;;;\n" +
			"DAFTAR PESERTA KABUPATEN TABALONG;;;;;\n" +
			"No;No Peserta;Nama;Kontingen;JK;No HP\n1;TBL-001;Gusti Rahmat;Kabupaten Tabalong;L;\n",
			ParseOptions{}, append(two, "Gusti Rahmat"), "2 rows below the table (from row 5, 'Mengetahui,')"},
		{"a numbered row ends the block", head + ";;;;;\n;;Keterangan: susulan;;;\n3;;Citra Dewi;Kabupaten Banjar;;\n",
			ParseOptions{}, append(two, "Citra Dewi"), "1 row below the table (from row 5, 'Keterangan: susulan')"},
		{"too long for signatures: read as volunteers", many,
			ParseOptions{}, append([]string{"Andi", "Total Sejahtera"}, want...), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mustParse(t, tc.in, tc.opt)
			eq(t, "names", names(r), tc.names)
			got := ""
			for _, w := range r.Warnings {
				if strings.Contains(w, "below the table") {
					got = w
				}
			}
			if tc.warning == "" && got != "" || !strings.Contains(got, tc.warning) {
				t.Errorf("warning %q, want %q", got, tc.warning)
			}
		})
	}

	// Rows that are neither volunteers nor a signature are still refused.
	for _, tc := range []struct {
		name, in string
		line     int
		msg      string
	}{
		{"a row without a name below a blank row", head + ";;;;;\n;;;Kabupaten Balangan;;\n", 5, "no name"},
		{"a volunteer without a name, numbered", head + ";;;;;\n;;Mengetahui,;;;\n3;BLG-003;;Kabupaten Balangan;L;\n", 6, "no name"},
		{"a signature word before any volunteer", "Nama;Kontingen\n;\nMengetahui,;\n", 3, "no contingent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pe := mustFail(t, tc.in, ParseOptions{})
			if p := pe.Problems[0]; p.Line != tc.line || !strings.Contains(p.Msg, tc.msg) {
				t.Errorf("problems %#v: want line %d %q", pe.Problems, tc.line, tc.msg)
			}
		})
	}
}

func TestFooterText(t *testing.T) {
	for s, want := range map[string]bool{
		"Mengetahui,": true, "MENYETUJUI": true, "Kepala Dinas Sosial": true, "Ketua Panitia": true,
		"NIP. 19700101 199503 1 001": true, "NIP: 1970": true, "a.n. Kepala Dinas": true, "Plt. Kepala": true,
		"Hormat kami,": true, "Dibuat oleh:": true, "Banjarmasin, 1 Desember 2026": true,
		"Kota Banjarbaru, 01-12-2026": true, "Martapura, ....... Desember 2026": true,
		"Ketuanya": false, "Nipah Panjang": false, "Kabupaten Balangan": false, "Siti Aminah": false,
		"Banjarmasin, Kalimantan Selatan": false, "Jumlah": false, "Total": false, "Andi, S.Pd": false,
	} {
		if got := footerText(s, false); got != want {
			t.Errorf("footerText(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"Jumlah": true, "TOTAL PESERTA": true, "Catatan:": true, "Totalitas": false} {
		if got := footerText(s, true); got != want {
			t.Errorf("footerText(%q, first) = %v, want %v", s, got, want)
		}
	}
}
