package cli

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hadir/model"
)

// startsFormula reports whether a spreadsheet would run a cell as a formula.
func startsFormula(cell string) bool {
	return cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0]))
}

// A roster whose extra column is named like a formula, and a name made to
// become a formula where Excel splits at ';', are exported so that no cell
// starts a formula, read at ',' or split at ';' (quotes or none).
func TestExportIsSafeForCommaAndSemicolon(t *testing.T) {
	c := newCLI(t)
	roster := "No Peserta,Nama,Kontingen,\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"\n" +
		"JRS-TPN-0001,\"Budi;=cmd|' /C calc'!A0;\",Kab. Tapin,@SUM(1)\n" +
		"JRS-TPN-0002,\"Sari; -2+3;+x;@y\",Kab. Tapin,ok\n"
	c.ok("import", c.write("peserta.csv", []byte(roster)))
	c.ok("checkin", "JRS-TPN-0001", "JRS-TPN-0002")
	for _, kind := range []string{"roster", "arrivals", "events"} {
		dest := filepath.Join(c.dir, kind+".csv")
		c.ok("export", kind, "-o", dest)
		data, err := os.ReadFile(dest)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		var cells []string
		for _, r := range rows {
			cells = append(cells, r...)
		}
		if kind != "events" && (!strings.Contains(string(data), "HYPERLINK") || !strings.Contains(string(data), "Budi;")) {
			t.Fatalf("%s: the test's cells are not in the export:\n%s", kind, data)
		}
		// Excel on an Indonesian Windows: the line split at every ';', with
		// a quote that opens a cell taken as a quote.
		for line := range strings.SplitSeq(string(data), "\n") {
			for _, piece := range strings.Split(line, ";") {
				cells = append(cells, strings.TrimPrefix(piece, `"`))
			}
		}
		for _, cell := range cells {
			if startsFormula(cell) {
				t.Errorf("%s: a cell starts a formula: %q\n%s", kind, cell, data)
			}
		}
	}
	// What the committee reads is still the name, with an apostrophe before
	// what would have run.
	rows, _ := csv.NewReader(strings.NewReader(c.ok("export", "roster").stdout)).ReadAll()
	if got := rows[1][1]; got != "Budi;'=cmd|' /C calc'!A0;" {
		t.Errorf("the name reads %q", got)
	}
	if got := rows[0][len(rows[0])-1]; got != `'=HYPERLINK("http://x","klik")` {
		t.Errorf("the extra column's name reads %q", got)
	}
}

// walkInLine is one events-file line: a walk-in whose record carries extra
// fields named f0, f1, … each holding value.
func walkInLine(id string, extras int, value string) string {
	var fields []string
	for i := range extras {
		fields = append(fields, fmt.Sprintf(`{"key":"f%d","value":%q}`, i, value))
	}
	return fmt.Sprintf(`{"id":"zz9-%06d","kind":"walk-in","volunteer_id":"%s","contingent":"Kab. Tapin","at":%q,"station":"gerbang 9","operator":"rina","record":{"id":"%s","name":"Tamu %s","contingent":"Kab. Tapin","extra":[%s],"source":"walk-in"},"schema":1}`,
		len(id), id, time.Now().UTC().Format(time.RFC3339Nano), id, id, strings.Join(fields, ","))
}

// A merged file whose walk-ins carry more extra fields than a walk-in can,
// or a line past the size of any export, is refused whole: nothing stored,
// and the roster export stays as it was.
func TestMergeRefusesOversizedWalkIns(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	before := c.ok("export", "roster").stdout
	for name, file := range map[string]string{
		"too many fields": walkInLine("W-1", 5000, "x") + "\n",
		"a line too long": walkInLine("W-2", 10, strings.Repeat("y", 70<<10)) + "\n",
		"one of many":     walkInLine("W-3", 2, "ok") + "\n" + walkInLine("W-4", model.MaxRecordExtras+1, "x") + "\n",
	} {
		r := c.expect(1, "merge", c.write("gerbang9.jsonl", []byte(file)))
		contains(t, name, r.stderr, "nothing was changed")
		if after := c.ok("export", "roster").stdout; after != before {
			t.Errorf("%s: the refused merge changed the roster export", name)
		}
	}
	r := c.ok("merge", c.write("gerbang9.jsonl", []byte(walkInLine("W-5", model.MaxRecordExtras, "ok")+"\n")))
	contains(t, "a walk-in within the caps", r.stdout, "1 new events")
}
