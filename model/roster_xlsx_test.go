package model

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// book builds a workbook in the test, as an office would fill it in: no
// binary fixture is committed.
type book struct {
	t testing.TB
	f *excelize.File
}

func newBook(t testing.TB, sheet string) *book {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	return &book{t: t, f: f}
}

// set writes values from cell to the right: strings as text, numbers as
// numbers, nil leaves a cell empty.
func (b *book) set(sheet, cell string, vals ...any) {
	b.t.Helper()
	col, row, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		b.t.Fatal(err)
	}
	for i, v := range vals {
		if v == nil {
			continue
		}
		name, _ := excelize.CoordinatesToCellName(col+i, row)
		if err := b.f.SetCellValue(sheet, name, v); err != nil {
			b.t.Fatal(err)
		}
	}
}

// format gives cells a number format: a custom code, or a built-in ID.
func (b *book) format(sheet, from, to string, code any) {
	b.t.Helper()
	st := &excelize.Style{}
	switch c := code.(type) {
	case string:
		st.CustomNumFmt = &c
	case int:
		st.NumFmt = c
	}
	id, err := b.f.NewStyle(st)
	if err == nil {
		err = b.f.SetCellStyle(sheet, from, to, id)
	}
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) merge(sheet, from, to string) {
	b.t.Helper()
	if err := b.f.MergeCell(sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) bytes() []byte {
	b.t.Helper()
	var buf bytes.Buffer
	if _, err := b.f.WriteTo(&buf); err != nil {
		b.t.Fatal(err)
	}
	return buf.Bytes()
}

// balanganBook is the workbook of one regency's office: a title merged
// across the width, a blank row, a header whose "Nama Lengkap" is merged
// over two columns, IDs typed as numbers, the contingent written once and
// merged down beside its volunteers, phones stored as numbers (with a
// leading-zero format, a too-wide one, General, and as text), a date of
// birth and a NIK, an inner blank row, and a signature block.
func balanganBook(t testing.TB) *book {
	b := newBook(t, "Peserta")
	const s = "Peserta"
	b.set(s, "A1", "DAFTAR PESERTA JAMBORE RELAWAN SOSIAL PSKS 2026")
	b.merge(s, "A1", "I1")
	b.set(s, "A2", "Kabupaten Balangan")
	b.merge(s, "A2", "I2")
	b.set(s, "A4", "No", "No. Peserta", "Nama Lengkap", nil, "Kabupaten/Kota", "L/P", "No. HP", "Tanggal Lahir", "NIK")
	b.merge(s, "C4", "D4")
	b.set(s, "A5", 1, 1, "Nurul Hikmah", nil, "Kabupaten Balangan", "P", 81251110001, 32947, 6371010101900001)
	b.set(s, "A6", 2, 2, "Ahmad Fauzi", "(Udin)", nil, "L", 81251110002, nil, nil)
	b.set(s, "A8", 3, 3, "Rina Wulandari", nil, nil, "P", "081251110003")
	b.set(s, "A9", 4, 4, "Siti Aisyah", nil, nil, "P", 81251110004)
	b.merge(s, "E5", "E9")
	b.format(s, "G5", "G5", "000000000000")
	b.format(s, "G9", "G9", "0000000000000")
	b.format(s, "G8", "G8", 49) // text
	b.format(s, "H5", "H6", 14) // the built-in short date
	b.set(s, "A11", "Mengetahui,", nil, nil, nil, nil, nil, "Banjarmasin, 1 Desember 2026")
	b.set(s, "A12", "Kepala Dinas Sosial Provinsi Kalimantan Selatan", nil, nil, nil, nil, nil, "Ketua Panitia")
	b.set(s, "A15", "Drs. H. Ahmad Fauzi, M.Si", nil, nil, nil, nil, nil, "Rahmadi, S.Sos")
	b.merge(s, "A15", "C15")
	b.set(s, "A16", "NIP. 19700101 199503 1 001", nil, nil, nil, nil, nil, "NIP. 19800202 200501 1 002")
	return b
}

func mustParseXLSX(t *testing.T, data []byte, opt ParseOptions) *Roster {
	t.Helper()
	r, err := ParseRosterXLSX(bytes.NewReader(data), opt)
	if err != nil {
		t.Fatalf("ParseRosterXLSX: %v", err)
	}
	return r
}

func mustFailXLSX(t *testing.T, data []byte, opt ParseOptions) *ParseError {
	t.Helper()
	r, err := ParseRosterFile(bytes.NewReader(data), opt)
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("ParseRosterFile = %v, %v; want a *ParseError", r, err)
	}
	return pe
}

func TestParseRosterXLSX(t *testing.T) {
	r := mustParseXLSX(t, balanganBook(t).bytes(), ParseOptions{})
	eq(t, "names", names(r), []string{"Nurul Hikmah", "Ahmad Fauzi", "Rina Wulandari", "Siti Aisyah"})
	eq(t, "Sheet", r.Sheet, "Peserta")
	eq(t, "HeaderLine", r.HeaderLine, 4)
	eq(t, "Lines", r.Lines, []int{5, 6, 8, 9}) // the sheet's rows, the blank row 7 counted
	eq(t, "Columns", r.Columns, []string{"No", "No. Peserta", "Nama Lengkap", "", "Kabupaten/Kota", "L/P", "No. HP", "Tanggal Lahir", "NIK"})
	var ids, phones, contingents []string
	for _, v := range r.Volunteers {
		ids = append(ids, v.ID)
		phones = append(phones, v.Phone)
		contingents = append(contingents, v.Contingent)
	}
	eq(t, "IDs", ids, []string{"1", "2", "3", "4"})
	eq(t, "phones", phones, []string{"081251110001", "081251110002", "081251110003", "081251110004"})
	eq(t, "contingents (merged down)", contingents, []string{"Kabupaten Balangan", "Kabupaten Balangan", "Kabupaten Balangan", "Kabupaten Balangan"})
	nurul := r.Volunteers[0]
	eq(t, "date of birth, day first", nurul.ExtraValue("Tanggal Lahir"), "15/03/1990")
	eq(t, "NIK, every digit", nurul.ExtraValue("NIK"), "6371010101900001")
	eq(t, "the second column under the merged header", r.Volunteers[1].ExtraValue("column 4"), "(Udin)")
	eq(t, "gender", r.Volunteers[1].Gender, "L")
	for _, w := range []string{
		"2 rows above the header (from row 1) skipped as titles",
		"4 rows below the table (from row 11, 'Mengetahui,') skipped",
		"1 value in columns without a header",
	} {
		if !hasWarning(r, w) {
			t.Errorf("warnings %q: want %q", r.Warnings, w)
		}
	}
	if len(r.Warnings) != 3 {
		t.Errorf("warnings %q: want only those three", r.Warnings)
	}
}

func TestParseRosterXLSXProblems(t *testing.T) {
	b := balanganBook(t)
	b.f.SetCellValue("Peserta", "C9", "")
	b.set("Peserta", "F6", "X")
	pe := mustFailXLSX(t, b.bytes(), ParseOptions{})
	eq(t, "Sheet", pe.Sheet, "Peserta")
	eq(t, "problems", pe.Problems, []Problem{
		{Line: 6, Column: "L/P", Msg: "gender 'X' is not L or P; write L (laki-laki) or P (perempuan), or leave it empty", Who: "Ahmad Fauzi"},
		{Line: 9, Column: "Nama Lengkap", Msg: "no name; fill it in or delete the row", Who: "4"}, // no name: the ID tells the row
	})
	if msg := pe.Error(); !strings.Contains(msg, "row 9 (4), column 'Nama Lengkap': no name") {
		t.Errorf("Error() = %q", msg)
	}

	// The same rows with SkipBad: the others are read.
	r, err := ParseRosterFile(bytes.NewReader(b.bytes()), ParseOptions{SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "names", names(r), []string{"Nurul Hikmah", "Rina Wulandari"})
	eq(t, "Lines", r.Lines, []int{5, 8})
}

func TestParseRosterXLSXSheets(t *testing.T) {
	b := newBook(t, "Rekap")
	b.set("Rekap", "A1", "Rekapitulasi per kabupaten")
	for _, s := range []string{"Peserta", "Catatan", "Data"} {
		if _, err := b.f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
	}
	b.set("Peserta", "A1", "Nama", "Kontingen", "JK")
	b.set("Peserta", "A2", "Andi Pratama", "Kota Kotabaru", "L")
	b.set("Catatan", "A1", "Nama", "Kontingen")
	b.set("Catatan", "A2", "Budi Santoso", "Kabupaten Tapin")
	b.f.SetActiveSheet(1)
	for _, s := range []string{"Rekap", "Data"} {
		if err := b.f.SetSheetVisible(s, false); err != nil {
			t.Fatal(err)
		}
	}
	data := b.bytes()

	// The first visible sheet, and a note of the others that can be seen.
	r := mustParseXLSX(t, data, ParseOptions{})
	eq(t, "default sheet", r.Sheet, "Peserta")
	eq(t, "names", names(r), []string{"Andi Pratama"})
	if !hasWarning(r, "read sheet 'Peserta', the first visible one; the workbook also has 'Catatan' (choose one with --sheet NAME)") {
		t.Errorf("warnings %q: want the sheet read named", r.Warnings)
	}

	// By name, in any case; a hidden sheet named is read.
	r = mustParseXLSX(t, data, ParseOptions{Sheet: " catatan"})
	eq(t, "--sheet catatan", names(r), []string{"Budi Santoso"})
	eq(t, "Sheet", r.Sheet, "Catatan")
	eq(t, "warnings", r.Warnings, []string(nil))

	pe := mustFailXLSX(t, data, ParseOptions{Sheet: "Peserta 2026"})
	eq(t, "missing sheet", pe.Problems, []Problem{{Msg: "the workbook has no sheet 'Peserta 2026'; its sheets are " +
		"'Rekap', 'Peserta', 'Catatan', 'Data': name one of them with --sheet NAME"}})

	pe = mustFailXLSX(t, data, ParseOptions{Sheet: "Data"})
	if msg := pe.Error(); !strings.Contains(msg, "sheet 'Data' is empty") || !strings.Contains(msg, "'Peserta', 'Catatan'") {
		t.Errorf("empty sheet: %q", msg)
	}
	pe = mustFailXLSX(t, data, ParseOptions{Sheet: "Rekap"})
	if msg := pe.Error(); !strings.Contains(msg, "no name column") || !strings.Contains(msg, "The workbook also has 'Peserta', 'Catatan': choose one with --sheet NAME") {
		t.Errorf("a sheet without a header: %q", msg)
	}
}

func TestParseRosterXLSXOneContingent(t *testing.T) {
	b := newBook(t, "Tapin")
	b.set("Tapin", "A1", "Daftar Peserta Kontingen Kabupaten Tapin")
	b.set("Tapin", "A2", "No", "Nama", "L/P", "No HP")
	b.set("Tapin", "A3", 1, "Andi", "L", 81100000001)
	b.set("Tapin", "A4", 2, "Budi", "L", 81100000002)
	data := b.bytes()

	pe := mustFailXLSX(t, data, ParseOptions{})
	eq(t, "problems", pe.Problems, []Problem{{Line: 2, Msg: "no contingent column: this looks like the file of a single contingent; " +
		"import it with --contingent NAME, or add a column 'Kontingen'"}})
	eq(t, "Sheet", pe.Sheet, "Tapin")

	r := mustParseXLSX(t, data, ParseOptions{Contingent: "Kabupaten Tapin"})
	for _, v := range r.Volunteers {
		eq(t, v.Name+" contingent", v.Contingent, "Kabupaten Tapin")
	}
	eq(t, "phone", r.Volunteers[1].Phone, "081100000002")
}

func TestParseRosterFileFormats(t *testing.T) {
	csv := "Nama;Kontingen\nAndi;Tapin\n"
	r, err := ParseRosterFile(strings.NewReader(csv), ParseOptions{})
	if err != nil || names(r)[0] != "Andi" || r.Sheet != "" || r.Delimiter != ';' {
		t.Fatalf("CSV through ParseRosterFile: %+v, %v", r, err)
	}
	b := newBook(t, "Sheet1")
	b.set("Sheet1", "A1", "Nama", "Kontingen")
	b.set("Sheet1", "A2", "Andi", "Tapin")
	r, err = ParseRosterFile(bytes.NewReader(b.bytes()), ParseOptions{})
	if err != nil || names(r)[0] != "Andi" || r.Sheet != "Sheet1" {
		t.Fatalf("xlsx through ParseRosterFile: %+v, %v", r, err)
	}

	ole := "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 504)
	for _, tc := range []struct {
		name, in string
		opt      ParseOptions
		want     string
	}{
		{"old .xls", ole, ParseOptions{}, "old Excel workbook (.xls)"},
		{"old .xls with --sheet", ole, ParseOptions{Sheet: "Peserta"}, "save it as .xlsx"},
		{"a zip that is no workbook", "PK\x03\x04garbage", ParseOptions{}, "the workbook cannot be read"},
		{"OpenDocument", "PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet", ParseOptions{}, "OpenDocument spreadsheet (.ods)"},
		{"a web page named .xls", "<html><table><tr><td>Nama</td></tr></table></html>", ParseOptions{}, "a web page or an XML spreadsheet"},
		{"--sheet on CSV", csv, ParseOptions{Sheet: "Peserta"}, "--sheet 'Peserta' is for Excel workbooks"},
		{"a PDF renamed .xlsx", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", ParseOptions{}, "this is a PDF, not an Excel workbook or CSV"},
		{"a Word document renamed .xlsx", string(zipOf(t, "[Content_Types].xml", "word/document.xml", "word/styles.xml")), ParseOptions{}, "this is a Word document (.docx), not an Excel workbook"},
		{"an old Word document renamed .xls", ole + "R\x00o\x00o\x00t\x00 \x00E\x00n\x00t\x00r\x00y\x00W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00", ParseOptions{}, "this is an old Word document (.doc)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pe := mustFailXLSX(t, []byte(tc.in), tc.opt)
			if len(pe.Problems) != 1 || pe.Problems[0].Line != 0 || !strings.Contains(pe.Error(), tc.want) {
				t.Errorf("problems %#v: want one for the whole file saying %q", pe.Problems, tc.want)
			}
		})
	}
	_, err = ParseRosterXLSX(strings.NewReader(ole), ParseOptions{})
	if err == nil || !strings.Contains(err.Error(), "save it as .xlsx") || !strings.Contains(err.Error(), "or CSV") {
		t.Errorf("ParseRosterXLSX of an .xls: %v", err)
	}
	_, err = ParseRosterXLSX(strings.NewReader(csv), ParseOptions{})
	if err == nil || !strings.Contains(err.Error(), "not an Excel workbook") {
		t.Errorf("ParseRosterXLSX of CSV: %v", err)
	}
}

// Cells as Excel shows them, not as they are stored.
func TestParseRosterXLSXCells(t *testing.T) {
	b := newBook(t, "S")
	b.set("S", "A1", "ID", "Nama", "Kontingen", "HP", "Tinggi", "Hadir", "Daftar")
	b.set("S", "A2", 7, "Andi", "Tapin", 6281100000001, 1.5, true, time.Date(2026, 5, 1, 8, 30, 0, 0, time.UTC))
	b.set("S", "A3", "0012", "Budi", "Tapin", "+62 811-0000-0002", 170, false, nil)
	b.format("S", "A2", "A2", "000")
	b.format("S", "G2", "G2", 22)
	r := mustParseXLSX(t, b.bytes(), ParseOptions{})
	andi, budi := r.Volunteers[0], r.Volunteers[1]
	eq(t, "IDs", []string{andi.ID, budi.ID}, []string{"007", "0012"})
	eq(t, "phones", []string{andi.Phone, budi.Phone}, []string{"081100000001", "081100000002"})
	eq(t, "extras", andi.Extra, []Field{{"Tinggi", "1.5"}, {"Hadir", "TRUE"}, {"Daftar", "01/05/2026 08:30"}})
}

// A contingent merged down beside a template numbered in advance fills the
// rows in use, and leaves the empty ones blank.
func TestParseRosterXLSXMergedDown(t *testing.T) {
	b := newBook(t, "S")
	b.set("S", "A1", "No", "Nama", "Kontingen")
	for i := 2; i <= 11; i++ {
		b.set("S", "A"+strconv.Itoa(i), i-1)
	}
	b.set("S", "B2", "Andi")
	b.set("S", "B3", "Budi")
	b.set("S", "C2", "Kabupaten Tapin")
	b.merge("S", "C2", "C11")
	r := mustParseXLSX(t, b.bytes(), ParseOptions{})
	eq(t, "names", names(r), []string{"Andi", "Budi"})
	eq(t, "contingent", r.Volunteers[1].Contingent, "Kabupaten Tapin")
}

// FuzzXLSXRoster checks that no workbook, however broken, makes the
// reader panic or hang, and that a refusal is a *ParseError. Its seeds are
// whole workbooks, slow to minimize: fuzz with -fuzzminimizetime 5s.
func FuzzXLSXRoster(f *testing.F) {
	f.Add(balanganBook(f).bytes(), "")
	f.Add(balanganBook(f).bytes(), "Peserta")
	f.Add([]byte("PK\x03\x04"), "")
	f.Fuzz(func(t *testing.T, data []byte, sheet string) {
		r, err := ParseRosterFile(bytes.NewReader(data), ParseOptions{Sheet: sheet, Contingent: "Tapin"})
		var pe *ParseError
		if err != nil && (!errors.As(err, &pe) || len(pe.Problems) == 0) {
			t.Fatalf("error %v (%T): want a *ParseError with problems", err, err)
		}
		if err == nil && len(r.Volunteers) != len(r.Lines) {
			t.Fatalf("%d volunteers, %d lines", len(r.Volunteers), len(r.Lines))
		}
	})
}

func BenchmarkParseRosterXLSX(b *testing.B) {
	for _, n := range []int{3000, 100000} {
		bk := newBook(b, "Peserta")
		sw, err := bk.f.NewStreamWriter("Peserta")
		if err != nil {
			b.Fatal(err)
		}
		sw.SetRow("A1", []any{"No", "No. Peserta", "Nama Lengkap", "Kab/Kota", "Unsur PSKS", "L/P", "No. HP"})
		for i := range n {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			sw.SetRow(cell, []any{i%100 + 1, i + 1, "Relawan " + strconv.Itoa(i), "Kabupaten Balangan", "Tagana", "LP"[i%2 : i%2+1], 81200000000 + i})
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		data := bk.bytes()
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r, err := ParseRosterXLSX(bytes.NewReader(data), ParseOptions{})
				if err != nil || len(r.Volunteers) != n {
					b.Fatalf("ParseRosterXLSX: %v", err)
				}
			}
		})
	}
}

func TestSheetMerges(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(balanganBook(t).bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok := sheetPart(f, "Peserta"); !ok {
		t.Fatal("sheetPart found no XML for the sheet: the fast path is not taken")
	}
	got, err := sheetMerges(f, "Peserta")
	want, _ := mergeRefs(f.GetMergeCells("Peserta"))
	if err != nil || len(got) != 5 {
		t.Fatalf("sheetMerges = %q, %v", got, err)
	}
	eq(t, "merges, as excelize reads them", got, want)
}

// zipOf is a zip archive holding empty parts of these names: the outline
// of an Office document.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err == nil {
			_, err = w.Write([]byte("<x/>"))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
