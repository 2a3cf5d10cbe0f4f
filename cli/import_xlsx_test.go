package cli

// End-to-end tests of importing Excel workbooks. The workbooks are made
// here with excelize, as an office would fill them in: no binary fixture
// is committed.

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tapinBook is the workbook of one contingent, with no contingent column:
// a title merged across the width, IDs typed as numbers, phones stored as
// numbers (shown with their 0 by a number format, and in General), the
// name of the second row missing when noName, and a signature block.
func tapinBook(t *testing.T, noName bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	const s = "Peserta"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", s))
	row := func(n int, vals ...any) {
		t.Helper()
		cell, _ := excelize.CoordinatesToCellName(1, n)
		must(f.SetSheetRow(s, cell, &vals))
	}
	row(1, "DAFTAR PESERTA KONTINGEN KABUPATEN TAPIN")
	must(f.MergeCell(s, "A1", "F1"))
	row(3, "No", "No. Peserta", "Nama Lengkap", "Unsur PSKS", "L/P", "No. HP")
	row(4, 1, 101, "Rahmat Hidayat", "Tagana", "L", 81348880001)
	name := "Siti Rahmah"
	if noName {
		name = ""
	}
	row(5, 2, 102, name, "PSM", "P", 81348880002)
	row(6, 3, 103, "Gusti Ayu", "TKSK", "P", 81348880003)
	code := "000000000000"
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	must(err)
	must(f.SetCellStyle(s, "F4", "F5", st)) // F6 stays General
	row(8, nil, nil, "Rantau, 1 Desember 2026")
	row(9, nil, nil, "Kepala Dinas Sosial Kabupaten Tapin")
	row(11, nil, nil, "H. Muhammad Noor, S.Sos")
	row(12, nil, nil, "NIP. 19751212 200003 1 004")
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(err)
	return buf.Bytes()
}

func TestImportXLSX(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	path := c.write("tapin.xlsx", tapinBook(t, false))

	// Without --contingent the file of one contingent is refused, and
	// says how to import it.
	r := c.expect(1, "import", path)
	contains(t, "stderr", r.stderr, "tapin.xlsx sheet 'Peserta' row 3: no contingent column", "--contingent NAME", "nothing was changed")
	if c.read(c.db) != nil {
		if s := c.stats(); s.Expected != 0 {
			t.Errorf("a refused import left %d volunteers", s.Expected)
		}
	}

	r = c.ok("import", path, "--contingent", "Kabupaten Tapin")
	contains(t, "stdout", r.stdout, "tapin.xlsx imported 3 volunteers: 3 added, 0 updated, 0 unchanged.")
	contains(t, "stderr", r.stderr,
		"tapin.xlsx sheet 'Peserta': note: 1 row above the header (from row 1) skipped as titles",
		"tapin.xlsx sheet 'Peserta': note: 4 rows below the table (from row 8, 'Rantau, 1 Desember 2026') skipped")

	header, rows := table(t, c.ok("export", "roster").stdout)
	got := byID(header, rows)
	for id, want := range map[string]string{
		"101": "Rahmat Hidayat,081348880001", "102": "Siti Rahmah,081348880002", "103": "Gusti Ayu,081348880003",
	} {
		v := got[id]
		if v == nil || v["name"]+","+v["phone"] != want || v["contingent"] != "Kabupaten Tapin" {
			t.Errorf("volunteer %s: %v, want %s in Kabupaten Tapin", id, v, want)
		}
	}
	if len(got) != 3 {
		t.Errorf("export roster has %d volunteers, want 3: %v", len(got), rows)
	}

	// Importing the same workbook again changes nothing.
	r = c.ok("import", "--contingent", "Kabupaten Tapin", path)
	contains(t, "stdout", r.stdout, "0 added, 0 updated, 3 unchanged")
}

func TestImportXLSXRefusedKeepsStore(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "--station", "gerbang 1", "JRS-BLG-0001")
	before := c.read(c.db)

	bad := c.write("tapin.xlsx", tapinBook(t, true))
	r := c.expect(1, "import", "--contingent", "Kabupaten Tapin", bad)
	contains(t, "stderr", r.stderr, "tapin.xlsx sheet 'Peserta' row 5 (102), column 'Nama Lengkap': no name",
		"tapin.xlsx was not imported", "nothing was changed")
	if r.stdout != "" {
		t.Errorf("stdout of a refused import: %q", r.stdout)
	}

	// An old .xls (the header of an OLE file), a sheet that is not there.
	xls := c.write("peserta.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...))
	r = c.expect(1, "import", xls)
	contains(t, "stderr", r.stderr, "peserta.xls: this is an old Excel workbook (.xls)", "save it as .xlsx", "or CSV")
	r = c.expect(1, "import", "--sheet", "Balangan", "--contingent", "Kabupaten Tapin", c.write("good.xlsx", tapinBook(t, false)))
	contains(t, "stderr", r.stderr, "good.xlsx: the workbook has no sheet 'Balangan'; its sheets are 'Peserta'")

	if after := c.read(c.db); !bytes.Equal(before, after) {
		t.Errorf("the store changed (%d bytes, then %d)", len(before), len(after))
	}
	if s := c.stats(); s.Expected != 5 || s.Arrived != 1 {
		t.Errorf("after the refused imports: %+v", s)
	}
}

func TestImportHelpNamesSheet(t *testing.T) {
	t.Parallel()
	r := raw("import", "-h")
	contains(t, "import -h", r.stdout, "--sheet NAME", "Excel workbook (.xlsx)")
	if strings.Contains(r.stdout, "from a CSV file\n") {
		t.Errorf("import -h still speaks of CSV only:\n%s", r.stdout)
	}
}
