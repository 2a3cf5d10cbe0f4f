package model

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Hidden columns and rows of a workbook: what the person who made the file
// no longer sees. A hidden column is not read when a visible one serves
// the same purpose (an old name column hidden beside the new one); a
// hidden row is not read when a visible row is the same person (an old
// entry hidden under the corrected one). Hidden rows of people found
// nowhere else (a filter left on) are read: they are people.

// sheetHidden returns the hidden columns (0-based) and rows (1-based) of
// a sheet, read from its XML as sheetMerges reads it: unmarshalling a
// sheet of 100,000 rows costs seconds.
func sheetHidden(f *excelize.File, sheet string) (cols, rows map[int]bool) {
	part, ok := sheetPart(f, sheet)
	if !ok {
		return nil, nil
	}
	data := bytes.Index(part, []byte("sheetData"))
	if data < 0 {
		return nil, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(part[:data]))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "col" && attrTrue(t, "hidden") {
			lo, _ := strconv.Atoi(attr(t, "min"))
			hi, _ := strconv.Atoi(attr(t, "max"))
			for c := max(lo, 1); c <= min(hi, maxHeaderCols); c++ {
				if cols == nil {
					cols = map[int]bool{}
				}
				cols[c-1] = true
			}
		}
	}
	// Rows: only the start tags, found by bytes; most rows are not hidden.
	rest := part[data:]
	for {
		i := bytes.Index(rest, []byte(`hidden="`))
		if i < 0 {
			break
		}
		start := bytes.LastIndexByte(rest[:i], '<')
		end := bytes.IndexByte(rest[i:], '>')
		if start < 0 || end < 0 {
			break
		}
		tag := rest[start : i+end+1]
		rest = rest[i+end+1:]
		if !bytes.HasPrefix(tag, []byte("<row ")) && !bytes.Contains(tag[:min(len(tag), 12)], []byte(":row ")) {
			continue
		}
		var t struct {
			R      int    `xml:"r,attr"`
			Hidden string `xml:"hidden,attr"`
		}
		if xml.Unmarshal(append(bytes.TrimSuffix(bytes.TrimSuffix(tag, []byte(">")), []byte("/")), []byte("/>")...), &t) == nil &&
			(t.Hidden == "1" || t.Hidden == "true") && t.R > 0 {
			if rows == nil {
				rows = map[int]bool{}
			}
			rows[t.R] = true
		}
	}
	return cols, rows
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func attrTrue(t xml.StartElement, name string) bool {
	v := attr(t, name)
	return v == "1" || v == "true"
}

// hiddenRow keeps a hidden row aside, to be read once every visible row
// is in (see readHiddenRows). It reports whether the row was kept aside.
func (p *rosterParser) hiddenRow(rec []string, line int) bool {
	if !p.hiddenRows[line] {
		return false
	}
	p.held = append(p.held, heldRow{rec: append([]string(nil), rec...), line: line})
	return true
}

type heldRow struct {
	rec  []string
	line int
}

// readHiddenRows reads the hidden rows kept aside whose person no visible
// row has (by ID, else by name and contingent), and counts the others.
func (p *rosterParser) readHiddenRows() {
	if len(p.held) == 0 {
		return
	}
	ids, people := map[string]bool{}, map[string]bool{}
	for _, v := range p.out.Volunteers {
		if v.ID != "" {
			ids[IDKey(v.ID)] = true
		}
		people[personKey(v.Name, v.Contingent)] = true
	}
	l := &p.layout
	cell := func(rec []string, r colRole) string {
		if i := l.index[r]; i >= 0 && i < len(rec) {
			return Clean(rec[i], 0)
		}
		return ""
	}
	skipped, first := 0, 0
	for _, h := range p.held {
		id, name := cell(h.rec, roleID), cell(h.rec, roleName)
		cont := cmp.Or(p.contingent, cell(h.rec, roleContingent))
		if id != "" && ids[IDKey(id)] || id == "" && name != "" && people[personKey(name, cont)] {
			if skipped++; skipped == 1 {
				first = h.line
			}
			continue
		}
		p.hiddenRows[h.line] = false
		p.row(h.rec, h.line)
	}
	if skipped > 0 {
		p.out.Warnings = append(p.out.Warnings, fmt.Sprintf(
			"%d hidden %s (first row %d) not read: a visible row has the same %s", skipped, rosterPlural(skipped, "row", "rows"), first,
			rosterPlural(skipped, "person", "people")))
	}
}

// twoColumns refuses a sheet with two visible columns of the names (or of
// the IDs) whose values differ: hadir does not guess which is current.
func (p *rosterParser) twoColumns() (Problem, bool) {
	l := &p.layout
	for _, r := range []colRole{roleName, roleID} {
		j := l.second[r]
		if j < 0 || l.index[r] < 0 {
			continue
		}
		a, b := l.cols[l.index[r]].name, l.cols[j].name
		for k, v := range p.out.Volunteers {
			first, other := v.Name, v.ExtraValue(b)
			same := NameKey(first) == NameKey(other)
			if r == roleID {
				first, same = v.ID, IDKey(v.ID) == IDKey(other)
			}
			if other == "" || first == "" || same {
				continue
			}
			what := "names"
			if r == roleID {
				what = "IDs"
			}
			return Problem{Line: p.out.HeaderLine, Msg: fmt.Sprintf(
				"two columns hold the %s, '%s' (column %d) and '%s' (column %d), and they differ (row %d: '%s' and '%s'): "+
					"which is current? Delete the other column, or hide it, or rename its header (for example '%s lama'), and import again",
				what, rosterShort(a), l.index[r]+1, rosterShort(b), j+1, p.out.Lines[k], rosterShort(first), rosterShort(other), rosterShort(b))}, true
		}
	}
	return Problem{}, false
}
