package cli

// End-to-end tests of what the committee reads: `hadir stats` and
// `hadir export`.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"hadir/db"
)

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
