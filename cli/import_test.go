package cli

// End-to-end tests of `hadir import`: the files contingents send, refused
// files, --dry-run and --skip-bad.

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestImportExcelIndonesianWindows(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	path := c.write("roster.csv", excelIndonesian)
	r := c.ok("import", path)
	contains(t, "stdout", r.stdout, "roster.csv imported 5 volunteers: 5 added, 0 updated, 0 unchanged.")
	contains(t, "stderr", r.stderr, "roster.csv: note: 2 lines were not valid UTF-8 and were read as Windows-1252",
		"roster.csv: note: 1 row above the header (from row 1) skipped as titles")

	out := c.ok("export", "roster").stdout
	if !utf8.ValidString(out) {
		t.Fatalf("the export is not UTF-8: %q", out)
	}
	header, rows := table(t, out)
	// The No column (a counter restarting per contingent) is dropped, not
	// kept as an extra nor taken as the ID.
	if want := []string{"id", "name", "contingent", "pillar", "gender", "phone", "leader"}; !reflect.DeepEqual(header, want) {
		t.Errorf("header %q, want %q", header, want)
	}
	got := byID(header, rows)
	want := map[string][2]string{
		"JRS-BLG-0001": {"Nurul Hikmah", "081251110001"},
		"JRS-BLG-0002": {"Désy Ratnasari", "081251110002"}, // the 0 Excel dropped is back
		"JRS-BLG-0003": {"Ahmad Ba\u2019asyir", "081251110003"},
		"JRS-BJM-0001": {"Muhammad Rizki", ""},
		"JRS-BJM-0002": {"Hj. Siti Aisyah", ""},
	}
	if len(got) != len(want) {
		t.Errorf("exported IDs %v, want those of the No. Peserta column", keys(got))
	}
	for id, w := range want {
		if g := got[id]; g["name"] != w[0] || g["phone"] != w[1] {
			t.Errorf("%s: name %q phone %q, want %q %q", id, g["name"], g["phone"], w[0], w[1])
		}
	}
	if got["JRS-BLG-0002"]["contingent"] != "Kabupaten Balangan" || got["JRS-BJM-0002"]["pillar"] != "Pendamping PKH" {
		t.Errorf("contingent/pillar misread: %v", got)
	}
	if r := c.expect(1, "checkin", "1"); !strings.Contains(r.stdout, "1: unknown ID") {
		t.Errorf("the No value 1 should not be an ID: %v", r)
	}
	s := c.stats()
	if s.Expected != 5 || len(s.Contingents) != 2 {
		t.Errorf("stats %+v, want 5 expected in 2 contingents", s)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestImportGoogleFormsStableIDs(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	path := c.write("responses.csv", []byte(googleForms))
	r := c.ok("import", path)
	contains(t, "stdout", r.stdout, "responses.csv imported 3 volunteers: 3 added, 0 updated, 0 unchanged.")

	first := c.ok("export", "roster").stdout
	header, rows := table(t, first)
	contains(t, "header", strings.Join(header, ","), "Timestamp", "Email Address", "Alamat")
	generated := regexp.MustCompile(`^G-[A-Z2-7]{8}$`)
	people := map[string]map[string]string{}
	for id, row := range byID(header, rows) {
		if !generated.MatchString(id) {
			t.Errorf("ID %q was not generated (want G- and 8 base32 characters)", id)
		}
		people[row["name"]] = row
	}
	nurul := people["Nurul Hikmah"]
	if nurul["Alamat"] != "Jl. A. Yani Km. 5, Banjarmasin" || nurul["Email Address"] != "nurul@example.com" || nurul["gender"] != "P" {
		t.Errorf("Nurul Hikmah exported as %v", nurul)
	}
	if people[`Désy "Echi" Ratnasari`] == nil || people["Muhammad Rizki"]["contingent"] != "Kota Banjarbaru" {
		t.Errorf("people read: %v", keys(people))
	}

	r = c.ok("import", path)
	contains(t, "stdout of the second import", r.stdout, "responses.csv imported 3 volunteers: 0 added, 0 updated, 3 unchanged.")
	if again := c.ok("export", "roster").stdout; again != first {
		t.Errorf("the roster changed on a second import of the same file:\n%s\nthen\n%s", first, again)
	}
	// A generated ID works at the gate.
	if r := c.ok("checkin", "--station", "gerbang 1", nurul["id"]); !strings.Contains(r.stdout, "checked in: Nurul Hikmah") {
		t.Errorf("checkin by generated ID: %v", r)
	}
}

func TestImportRefusesBadFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range badRosters {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			wantLine := fmt.Sprintf("roster.csv row %d", tc.line)

			// A store with a good import and a check-in keeps every byte.
			c := newCLI(t)
			c.importGood()
			c.ok("checkin", "--station", "gerbang 1", "JRS-BLG-0001")
			before := c.read(c.db)
			r := c.expect(1, "import", c.write("roster.csv", []byte(tc.data)))
			contains(t, "stderr", r.stderr, wantLine, tc.says, "roster.csv was not imported", "nothing was changed")
			if r.stdout != "" {
				t.Errorf("stdout of a refused import: %q", r.stdout)
			}
			if after := c.read(c.db); !bytes.Equal(before, after) {
				t.Errorf("the store changed (%d bytes, then %d)", len(before), len(after))
			}
			if s := c.stats(); s.Expected != 5 || s.Arrived != 1 {
				t.Errorf("after the refused import: %+v", s)
			}

			// A store that did not exist is not left half-imported.
			fresh := newCLI(t)
			r = fresh.expect(1, "import", fresh.write("roster.csv", []byte(tc.data)))
			contains(t, "stderr", r.stderr, wantLine)
			if fresh.read(fresh.db) != nil {
				if s := fresh.stats(); s.Expected != 0 {
					t.Errorf("a refused import into a new store left %d volunteers", s.Expected)
				}
			}
		})
	}
}

func TestImportDryRun(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	before := c.read(c.db)
	changed := strings.Replace(smallRoster, "Gusti Rahmat", "Gusti Rahmatullah", 1) +
		"JRS-BJM-0003;Siti Aminah;Kota Banjarmasin;PSM;P;081251110006\n" +
		"JRS-BJM-0004;Budi Santoso;Kota Banjarmasin;PSM;L;081251110007\n"
	path := c.write("baru.csv", []byte(changed))
	r := c.ok("import", "--dry-run", path)
	contains(t, "stdout", r.stdout, "baru.csv would import (dry run, nothing saved) 7 volunteers: 2 added, 1 updated, 4 unchanged.")
	if after := c.read(c.db); !bytes.Equal(before, after) {
		t.Errorf("a dry run changed the store")
	}
	if s := c.stats(); s.Expected != 5 {
		t.Errorf("after a dry run: %d expected, want 5", s.Expected)
	}
	r = c.ok("import", path, "--dry-run") // the flag after the file, as people type it
	contains(t, "stdout", r.stdout, "dry run")
	r = c.ok("import", path)
	contains(t, "stdout", r.stdout, "baru.csv imported 7 volunteers: 2 added, 1 updated, 4 unchanged.")
	if s := c.stats(); s.Expected != 7 {
		t.Errorf("after the import: %d expected, want 7", s.Expected)
	}
}

func TestImportDryRunOnNoStore(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	r := c.ok("import", "--dry-run", c.write("peserta.csv", []byte(smallRoster)))
	contains(t, "stdout", r.stdout, "would import (dry run, nothing saved) 5 volunteers: 5 added")
	if _, err := os.Stat(c.db); err == nil {
		t.Errorf("a dry run created the store %s", c.db)
	}
}

func TestImportSkipBad(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	data := "No Peserta;Nama;Kontingen;JK\n" +
		"JRS-1;Nurul Hikmah;Kabupaten Balangan;P\n" +
		"JRS-2;;Kabupaten Balangan;L\n" +
		"JRS-3;Rina Wulandari;Kabupaten Balangan;P\n" +
		"JRS-4;Ahmad Fauzi;Kabupaten Balangan;Q\n" +
		"JRS-5;Gusti Rahmat;Kota Banjarmasin;L\n"
	r := c.expect(3, "import", "--skip-bad", c.write("campur.csv", []byte(data)))
	contains(t, "stdout", r.stdout, "campur.csv imported 3 volunteers: 3 added, 0 updated, 0 unchanged, 2 bad rows left out.")
	contains(t, "stderr", r.stderr, "campur.csv row 3 (JRS-2), column 'Nama': no name", "campur.csv row 5 (Ahmad Fauzi), column 'JK': gender 'Q'", "(row left out)")
	_, rows := table(t, c.ok("export", "roster").stdout)
	var ids []string
	for _, row := range rows {
		ids = append(ids, row[0])
	}
	if want := []string{"JRS-1", "JRS-3", "JRS-5"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("imported %v, want %v", ids, want)
	}
}
