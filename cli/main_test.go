package cli

// End-to-end tests of the command line: each runs hadir as a user would
// (in-process through run, or as a separate process for the lock) on a
// store in a temporary folder, and checks what the user sees: the exit
// status, the messages and the files.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"hadir/db"
)

// TestMain lets the test binary be hadir itself: with HADIR_TEST_MAIN=1 it
// runs the command line on its arguments, for the tests that need a second
// process.
func TestMain(m *testing.M) {
	if path := os.Getenv(checkStoreEnv); path != "" {
		os.Exit(checkStoreChild(path, os.Stdout))
	}
	if os.Getenv(childEnv) == "1" {
		os.Exit(run(&runEnv{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}, os.Args[1:]))
	}
	os.Unsetenv("HADIR_DB") // every test names its store
	os.Exit(m.Run())
}

func contains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s should contain %q:\n%s", what, sub, s)
		}
	}
}

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

var firstArrival = regexp.MustCompile(`JRS-BLG-0001: already checked in: Nurul Hikmah, at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d), gerbang 1, by Rina\n`)

func TestCheckIn(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	start := time.Now().Truncate(time.Second)
	r := c.ok("checkin", "--station", "gerbang 1", "--operator", "Rina", "JRS-BLG-0001")
	end := time.Now()
	contains(t, "stdout", r.stdout, "JRS-BLG-0001: checked in: Nurul Hikmah, Kabupaten Balangan (1/3 of the contingent)")

	r = c.expect(1, "checkin", "--station", "gerbang 2", "--operator", "Budi", "JRS-BLG-0001")
	m := firstArrival.FindStringSubmatch(r.stdout + r.stderr)
	if m == nil {
		t.Fatalf("the second check-in should say when, where and by whom the first was: %v", r)
	}
	if at, err := time.ParseInLocation("2006-01-02 15:04:05", m[1], time.Local); err != nil || at.Before(start) || at.After(end) {
		t.Errorf("first arrival shown at %s, want between %s and %s", m[1], start, end)
	}

	r = c.expect(1, "checkin", "JRS-XXX-9999")
	contains(t, "output", r.stdout+r.stderr, "JRS-XXX-9999: unknown ID")

	// Several IDs: exit 0 only when every one is newly checked in.
	r = c.ok("checkin", "JRS-BLG-0002", "JRS-BJM-0001")
	contains(t, "stdout", r.stdout, "JRS-BLG-0002: checked in", "JRS-BJM-0001: checked in")
	r = c.expect(1, "checkin", "JRS-BLG-0003", "JRS-BLG-0002")
	contains(t, "stdout", r.stdout, "JRS-BLG-0003: checked in: Rina Wulandari, Kabupaten Balangan (3/3", "JRS-BLG-0002: already checked in")
	r = c.expect(1, "checkin", "JRS-BJM-0002", "NOPE")
	contains(t, "stdout", r.stdout, "JRS-BJM-0002: checked in", "NOPE: unknown ID")
	if s := c.stats(); s.Arrived != 5 {
		t.Errorf("arrived %d, want 5", s.Arrived)
	}
	c.expect(2, "checkin")
}

func TestStatsJSON(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "--station", "gerbang 1", "JRS-BLG-0001", "JRS-BLG-0003", "JRS-BJM-0002")
	r := c.ok("stats", "--json")
	var obj map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"expected", "arrived", "contingents"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("stats --json has no %q: %s", k, r.stdout)
		}
	}
	s := c.stats()
	if s.Expected != 5 || s.Arrived != 3 {
		t.Errorf("totals %d/%d, want 3 arrived of 5", s.Arrived, s.Expected)
	}
	got := map[string][2]int{}
	for _, ct := range s.Contingents {
		got[ct.Name] = [2]int{ct.Arrived, ct.Expected}
	}
	want := map[string][2]int{"Kabupaten Balangan": {2, 3}, "Kota Banjarmasin": {1, 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contingents (arrived, expected) %v, want %v", got, want)
	}
	contains(t, "stats", c.ok("stats").stdout, "arrived 3 of 5 expected", "Kabupaten Balangan")
}

// jsonText is a JSON value as the CSV writes it.
func jsonText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func TestExport(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "--station", "gerbang 1", "--operator", "Rina", "JRS-BJM-0001", "JRS-BLG-0002")
	wantRows := map[string]int{"roster": 5, "arrivals": 2, "events": 2, "contingents": 2}
	for _, kind := range db.ExportKinds {
		csvOut := c.ok("export", kind).stdout
		header, rows := table(t, csvOut)
		if len(rows) != wantRows[kind] {
			t.Errorf("%s: %d rows, want %d", kind, len(rows), wantRows[kind])
		}
		lines := jsonLines(t, c.ok("export", kind, "--format", "json").stdout)
		if len(lines) != len(rows) {
			t.Fatalf("%s: %d JSON lines, %d CSV rows", kind, len(lines), len(rows))
		}
		for i, l := range lines {
			keys := l.keys
			if kind == "events" && len(keys) > 0 && keys[len(keys)-1] == "schema" {
				keys = keys[:len(keys)-1] // each events line says its schema, for merges
			}
			if !reflect.DeepEqual(keys, header) {
				t.Errorf("%s line %d: keys %q, want the CSV header %q", kind, i+1, l.keys, header)
			}
			for j, k := range header {
				if jsonText(l.vals[k]) != rows[i][j] {
					t.Errorf("%s line %d: %s = %v in JSON, %q in CSV", kind, i+1, k, l.vals[k], rows[i][j])
				}
			}
			// JSON gives numbers as numbers and yes/no as booleans.
			for k, v := range l.vals {
				typed := map[string]string{"leader": "bool", "expected": "number", "arrived": "number", "missing": "number", "on_site": "number"}[k]
				_, isBool := v.(bool)
				_, isNum := v.(float64)
				if typed == "bool" && !isBool || typed == "number" && !isNum {
					t.Errorf("%s line %d: %s = %#v, want a JSON %s", kind, i+1, k, v, typed)
				}
			}
		}
		// -o writes the file, the same bytes as on the screen.
		dest := filepath.Join(c.dir, kind+".csv")
		r := c.ok("export", kind, "-o", dest)
		if r.stdout != "" || !bytes.Equal(c.read(dest), []byte(csvOut)) {
			t.Errorf("export %s -o: stdout %q, file %q, want the CSV in the file", kind, r.stdout, c.read(dest))
		}
		contains(t, "stderr", r.stderr, "wrote "+dest)
		jdest := filepath.Join(c.dir, kind+".json")
		c.ok("export", kind, "-o", jdest)
		if n := len(jsonLines(t, string(c.read(jdest)))); n != len(rows) {
			t.Errorf("%s.json: %d lines, want %d (JSON chosen by the extension)", kind, n, len(rows))
		}
	}
	arr := byID(table(t, c.ok("export", "arrivals").stdout))
	if a := arr["JRS-BJM-0001"]; a["station"] != "gerbang 1" || a["operator"] != "Rina" || a["arrived_at"] == "" {
		t.Errorf("arrival exported as %v", a)
	}
	r := c.expect(2, "export", "peserta")
	contains(t, "stderr", r.stderr, `cannot export "peserta"`, "roster, arrivals, events")
	c.expect(2, "export", "roster", "--format", "xml")
	c.expect(2, "export")
}

func TestBackupAndVerify(t *testing.T) {
	t.Parallel()
	fresh := newCLI(t)
	r := fresh.expect(1, "verify")
	contains(t, "verify of a store that does not exist", r.stderr, fresh.db+" does not exist: import a roster first")

	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "--station", "gerbang 1", "JRS-BLG-0001", "JRS-BJM-0002")
	dest := filepath.Join(c.dir, "usb", "cadangan.db")
	os.Mkdir(filepath.Dir(dest), 0o755)
	r = c.ok("backup", dest)
	contains(t, "stdout", r.stdout, "backup written: "+dest)
	r = raw("verify", "--db", dest)
	if r.code != 0 {
		t.Fatalf("verify of the backup: %v", r)
	}
	contains(t, "verify of the backup", r.stdout, "is sound: 5 volunteers, 2 arrived")
	r = c.ok("backup", filepath.Dir(dest)) // a folder: named after the time
	m := regexp.MustCompile(`backup written: (\S+hadir-\d{8}-\d{6}\.db)\n`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("backup to a folder: %v", r)
	}
	if r := raw("verify", "--db", m[1]); r.code != 0 {
		t.Errorf("verify of %s: %v", m[1], r)
	}
	if r := c.expect(1, "backup", filepath.Join(c.dir, "no", "such", "folder", "x.db")); !strings.Contains(r.stderr, "the store itself is unchanged") {
		t.Errorf("backup to a missing folder: %v", r)
	}
	c.expect(2, "backup")

	junk := c.write("bukan.db", bytes.Repeat([]byte("not a store "), 1000))
	r = raw("verify", "--db", junk)
	if r.code != 1 || !strings.Contains(r.stderr, junk+" cannot be used: it is not a hadir store") {
		t.Errorf("verify of a file that is no store: %v", r)
	}
}

func TestSecondProcessIsRefused(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	st, err := db.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	// child gives up on a hang (hangLimit): waiting is a failure, however
	// loaded the machine.
	r, _ := child(t, "stats", "--db", c.db)
	if r.code != 1 {
		t.Errorf("a second hadir on a held store: want exit 1, got exit %d\n%v", r.code, r)
	}
	contains(t, "stderr", r.stderr, c.db+" is in use by another hadir", fmt.Sprintf("(pid %d)", os.Getpid()))
	st.Close()
	r, _ = child(t, "stats", "--db", c.db)
	if r.code != 0 || !strings.Contains(r.stdout, "arrived 0 of 5 expected") {
		t.Errorf("once the store is let go, another hadir opens it: %v", r)
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	r := raw("frobnicate")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown command "frobnicate"`) || !strings.Contains(r.stderr, "Commands:") {
		t.Errorf("an unknown command: %v", r)
	}
	r = raw("help")
	if r.code != 0 {
		t.Errorf("hadir help: %v", r)
	}
	contains(t, "hadir help", r.stdout, "Commands:", "import", "checkin", "Example")
	for _, args := range [][]string{{"import", "-h"}, {"import", "--help"}, {"help", "import"}} {
		r = raw(args...)
		if r.code != 0 {
			t.Errorf("hadir %s: %v", strings.Join(args, " "), r)
		}
		contains(t, "hadir "+strings.Join(args, " "), r.stdout, "--dry-run", "--skip-bad", "Example:\n  hadir import --dry-run peserta.csv")
	}
	for _, args := range [][]string{
		{"stats", "--bogus"}, {"sample", "--n", "banyak"}, {"sample", "--n", "0"},
		{"import"}, {"import", "a.csv", "b.csv"}, {"station", "gerbang", "2"}, {"verify", "extra"},
	} {
		r = raw(append(args, "--db", filepath.Join(t.TempDir(), "h.db"))...)
		if r.code != 2 || !strings.Contains(r.stderr, "usage: hadir "+args[0]) {
			t.Errorf("hadir %s: want exit 2 and a usage line: %v", strings.Join(args, " "), r)
		}
	}
}

func TestSample(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	x, y := filepath.Join(c.dir, "x.csv"), filepath.Join(c.dir, "y.csv")
	c.ok("sample", "--n", "50", "--seed", "3", "-o", x)
	c.ok("sample", "--n", "50", "--seed", "3", "-o", y)
	if !bytes.Equal(c.read(x), c.read(y)) || len(c.read(x)) == 0 {
		t.Errorf("the same seed gave different rosters")
	}
	if out := c.ok("sample", "--seed", "3", "--n", "50").stdout; out != string(c.read(x)) {
		t.Errorf("sample to the screen differs from sample -o")
	}
	if out := c.ok("sample", "--n", "50", "--seed", "4").stdout; out == string(c.read(x)) {
		t.Errorf("seeds 3 and 4 gave the same roster")
	}
	r := c.ok("import", x)
	contains(t, "stdout", r.stdout, "x.csv imported 50 volunteers: 50 added, 0 updated, 0 unchanged.")
	if s := c.stats(); s.Expected != 50 {
		t.Errorf("expected %d, want 50", s.Expected)
	}
	r = c.ok("import", y)
	contains(t, "stdout", r.stdout, "0 added, 0 updated, 50 unchanged")
}

func TestStationName(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	r := c.ok("station", "gerbang 2")
	m := regexp.MustCompile(`^station "gerbang 2" \(ID ([a-z0-9]{6})\)\n$`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("station rename: %v", r)
	}
	if again := c.ok("station").stdout; again != r.stdout {
		t.Errorf("station shows %q after the rename, want %q", again, r.stdout)
	}
	c.ok("checkin", "JRS-BLG-0001")
	c.ok("checkin", "--station", "gerbang 3", "JRS-BLG-0002")
	header, rows := table(t, c.ok("export", "events").stdout)
	ev := byID(header, rows)
	if len(ev) != 2 {
		t.Fatalf("events: %v", rows)
	}
	stations := map[string]string{}
	for id, e := range ev {
		if !strings.HasPrefix(id, m[1]+"-") || e["kind"] != "arrive" || e["operator"] != "cli" {
			t.Errorf("event %s: %v", id, e)
		}
		stations[e["volunteer_id"]] = e["station"]
	}
	if want := map[string]string{"JRS-BLG-0001": "gerbang 2", "JRS-BLG-0002": "gerbang 3"}; !reflect.DeepEqual(stations, want) {
		t.Errorf("stations recorded %v, want %v", stations, want)
	}
	c.expect(1, "station", "   ")
}

func TestEventName(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	c.ok("event", "Jambore Relawan Sosial PSKS 2026")
	contains(t, "stats", c.ok("stats").stdout, "Jambore Relawan Sosial PSKS 2026")
	contains(t, "event", c.ok("event").stdout, "Jambore Relawan Sosial PSKS 2026")
}
