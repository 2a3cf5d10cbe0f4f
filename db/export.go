package db

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"hadir/model"
)

// Export kinds and formats.
const (
	ExportRoster   = "roster"
	ExportArrivals = "arrivals"
	ExportEvents   = "events"
	ExportTotals   = "contingents"

	FormatCSV  = "csv"
	FormatJSON = "json" // JSON lines: one object per line, the same keys as the CSV header
)

// ExportKinds lists what can be exported.
var ExportKinds = []string{ExportRoster, ExportArrivals, ExportEvents, ExportTotals}

// table is an export before encoding: a header and rows of the same length.
// Events also carry their full record for JSON, so a merge loses nothing.
type table struct {
	header []string
	rows   [][]string
	full   []map[string]any // per row, extra fields for JSON lines (nil when none)
	types  []colType        // per column, how JSON gives it (see export_json.go); nil: all text
}

// Export writes the kind of records in the format to w.
func (s *Store) Export(w io.Writer, kind, format string) error {
	var t table
	s.mu.RLock()
	switch kind {
	case ExportRoster:
		t = rosterTable(s.state, false)
	case ExportArrivals:
		t = rosterTable(s.state, true)
	case ExportEvents:
		t = eventsTable(s.state)
	case ExportTotals:
		t = contingentsTable(s.state)
	default:
		s.mu.RUnlock()
		return fmt.Errorf("cannot export %q: choose one of roster, arrivals, events, contingents", kind)
	}
	s.mu.RUnlock()
	switch format {
	case FormatCSV, "":
		return writeCSV(w, t)
	case FormatJSON, "jsonl":
		return writeJSONLines(w, t)
	}
	return fmt.Errorf("unknown format %q: choose csv or json", format)
}

func rosterTable(st *model.State, arrivals bool) table {
	vols := st.Volunteers()
	var extras []string
	seen := map[string]bool{}
	for _, v := range vols {
		for _, f := range v.Extra {
			if !seen[f.Key] {
				seen[f.Key] = true
				extras = append(extras, f.Key)
			}
		}
	}
	t := table{header: append([]string{"id", "name", "contingent", "pillar", "gender", "phone", "leader"}, extras...)}
	t.types = make([]colType, len(t.header))
	t.types[6] = colBool // leader
	if arrivals {
		t.header = append(t.header, "arrived_at", "station", "operator")
	}
	type row struct {
		at   time.Time
		cols []string
	}
	var rows []row
	for _, v := range vols {
		p, _ := st.Person(v.ID)
		if arrivals && p.Arrival == nil {
			continue
		}
		cols := []string{v.ID, v.Name, v.Contingent, v.Pillar, v.Gender, v.Phone, strconv.FormatBool(v.Leader)}
		for _, k := range extras {
			cols = append(cols, v.ExtraValue(k))
		}
		r := row{cols: cols}
		if arrivals {
			r.at = p.Arrival.At
			r.cols = append(r.cols, p.Arrival.At.Format(time.RFC3339), p.Arrival.Station, p.Arrival.Operator)
		}
		rows = append(rows, r)
	}
	if arrivals {
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].at.Before(rows[j].at) })
	}
	for _, r := range rows {
		t.rows = append(t.rows, r.cols)
	}
	return t
}

// contingentsTable is the count per contingent, as `stats --json` gives it.
func contingentsTable(st *model.State) table {
	t := table{header: []string{"contingent", "expected", "arrived", "missing", "excused", "replaced", "departed", "on_site", "confirmed_by", "confirmed_at"},
		types: []colType{colText, colInt, colInt, colInt, colInt, colInt, colInt, colInt, colOrNull, colOrNull}}
	for _, c := range st.Contingents() {
		by, at := "", ""
		if c.Confirm != nil && c.ConfirmValid {
			by, at = c.Confirm.Leader, c.Confirm.At.Format(time.RFC3339)
		}
		n := strconv.Itoa
		t.rows = append(t.rows, []string{c.Name, n(c.Expected), n(c.Arrived), n(c.Missing), n(c.Excused), n(c.Replaced), n(c.Departed), n(c.OnSite), by, at})
	}
	return t
}

func eventsTable(st *model.State) table {
	t := table{header: []string{"id", "kind", "volunteer_id", "contingent", "at", "station", "operator", "reason", "ref"}}
	for _, e := range st.Events() {
		contingent := e.Contingent
		if contingent == "" {
			if p, ok := st.Person(e.Volunteer); ok {
				contingent = p.Contingent
			}
		}
		t.rows = append(t.rows, []string{e.ID, string(e.Kind), e.Volunteer, contingent, e.At.Format(time.RFC3339Nano), e.Station, e.Operator, e.Reason, e.Ref})
		// Every line says which events schema wrote it, so an older hadir
		// refuses a newer file instead of misreading it.
		full := map[string]any{"schema": model.EventsSchema}
		if e.Login != "" {
			full["login"] = e.Login
		}
		if e.Note != "" {
			full["note"] = e.Note
		}
		if e.Leader != "" {
			full["leader"] = e.Leader
		}
		if e.Record != nil {
			full["record"] = e.Record
		}
		t.full = append(t.full, full)
	}
	return t
}

func writeCSV(w io.Writer, t table) error {
	bw := bufio.NewWriter(w)
	writeCSVRow(bw, t.header) // extra columns' names come from rosters too
	for _, r := range t.rows {
		writeCSVRow(bw, r)
	}
	return bw.Flush()
}

// writeCSVRow writes one line of cells made safe to open (noFormula), each
// quoted when it holds a comma, a semicolon, a quote or a line break, or
// starts with a blank: so both a comma-reading spreadsheet and one that
// splits at ';' (Excel on an Indonesian Windows) see it as one cell.
func writeCSVRow(w *bufio.Writer, cells []string) {
	for i, cell := range cells {
		if i > 0 {
			w.WriteByte(',')
		}
		cell = noFormula(cell)
		if cell == "" || !strings.ContainsAny(cell, ",;\"\r\n") && cell[0] != ' ' && cell[0] != '\t' {
			w.WriteString(cell)
			continue
		}
		w.WriteByte('"')
		w.WriteString(strings.ReplaceAll(cell, `"`, `""`))
		w.WriteByte('"')
	}
	w.WriteByte('\n')
}

// formulaStart is what makes a spreadsheet run a cell as a formula.
const formulaStart = "=+-@\t\r"

// noFormula keeps a spreadsheet from running a cell as a formula: a cell
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, as OWASP advises for CSV files, and so does every part of it
// after a ';' that would start so: a spreadsheet that splits at ';' and
// ignores the quotes would otherwise see "Budi;=cmd|…" as a cell "=cmd|…".
// An apostrophe inside a cell costs a reader nothing; a live formula could
// run a command on the committee's laptop.
func noFormula(cell string) string {
	if cell == "" {
		return cell
	}
	if strings.IndexByte(formulaStart, cell[0]) >= 0 {
		cell = "'" + cell
	}
	if !strings.Contains(cell, ";") {
		return cell
	}
	var b strings.Builder
	for i := 0; i < len(cell); i++ {
		b.WriteByte(cell[i])
		if cell[i] == ';' && i+1 < len(cell) && strings.IndexByte(formulaStart, cell[i+1]) >= 0 {
			b.WriteByte('\'')
		}
	}
	return b.String()
}

func writeJSONLines(w io.Writer, t table) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i, r := range t.rows {
		obj := make(orderedObject, 0, len(t.header)+3)
		for j, k := range t.header {
			obj = append(obj, kv{k, t.jsonValue(j, r[j])})
		}
		if i < len(t.full) {
			for _, k := range []string{"note", "leader", "login", "record", "schema"} {
				if v, ok := t.full[i][k]; ok {
					obj = append(obj, kv{k, v})
				}
			}
		}
		if err := enc.Encode(obj); err != nil {
			return err
		}
	}
	return nil
}

type kv struct {
	k string
	v any
}

// orderedObject marshals as a JSON object whose keys keep the CSV's order.
type orderedObject []kv

func (o orderedObject) MarshalJSON() ([]byte, error) {
	buf := []byte{'{'}
	for i, p := range o {
		if i > 0 {
			buf = append(buf, ',')
		}
		k, _ := json.Marshal(p.k)
		v, err := json.Marshal(p.v)
		if err != nil {
			return nil, err
		}
		buf = append(append(append(buf, k...), ':'), v...)
	}
	return append(buf, '}'), nil
}

// WriteVolunteers writes volunteer records in the roster export's shape,
// without a store (used for generated sample rosters).
func WriteVolunteers(w io.Writer, vs []model.Volunteer, format string) error {
	t := rosterTable(model.NewState(vs), false)
	if format == FormatJSON {
		return writeJSONLines(w, t)
	}
	return writeCSV(w, t)
}
