package cli

// Roster files made the way social-affairs offices and a Google Form make
// them, from the demo generator's people (model.GenerateRoster): each
// office picks its own columns, headers, spelling of its name and
// delimiter; workbooks are written with excelize. No fixture is committed.

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hadir/model"
)

// demoPeople is the demo roster (3,000 people in 16 contingents).
var demoPeople = model.DemoRoster()

// officePeople returns the demo people of one contingent, up to n (all
// when n is 0).
func officePeople(contingent string, n int) []model.Volunteer {
	var out []model.Volunteer
	for _, v := range demoPeople {
		if v.Contingent == contingent && (n == 0 || len(out) < n) {
			out = append(out, v)
		}
	}
	return out
}

// officeCol is one column of an office's file: its header and what it
// writes for a person.
type officeCol struct {
	header string
	value  func(i int, v model.Volunteer) string
}

func colID(h string) officeCol {
	return officeCol{h, func(_ int, v model.Volunteer) string { return v.ID }}
}
func colName(h string) officeCol {
	return officeCol{h, func(_ int, v model.Volunteer) string { return v.Name }}
}
func colCounter() officeCol {
	return officeCol{"No", func(i int, _ model.Volunteer) string { return itoa(i + 1) }}
}

// colContingent writes the office's own spelling of its name (the
// person's contingent when spelling is "").
func colContingent(h, spelling string) officeCol {
	return officeCol{h, func(_ int, v model.Volunteer) string { return cmpOr(spelling, v.Contingent) }}
}
func colPillar(h string) officeCol {
	return officeCol{h, func(_ int, v model.Volunteer) string { return v.Pillar }}
}
func colGender(h string) officeCol {
	return officeCol{h, func(_ int, v model.Volunteer) string { return v.Gender }}
}
func colPhone(h string) officeCol {
	return officeCol{h, func(_ int, v model.Volunteer) string { return v.Phone }}
}
func colExtra(h, key string) officeCol {
	return officeCol{h, func(_ int, v model.Volunteer) string { return v.ExtraValue(key) }}
}

// officeCSV writes people as an office's CSV: a header, then a row each.
func officeCSV(delim string, people []model.Volunteer, cols ...officeCol) []byte {
	var b bytes.Buffer
	for i, c := range cols {
		if i > 0 {
			b.WriteString(delim)
		}
		b.WriteString(csvCell(c.header, delim))
	}
	b.WriteString("\r\n")
	for n, v := range people {
		for i, c := range cols {
			if i > 0 {
				b.WriteString(delim)
			}
			b.WriteString(csvCell(c.value(n, v), delim))
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

func csvCell(s, delim string) string {
	if strings.ContainsAny(s, delim+"\"\r\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// officeBook is a workbook an office fills in, row by row.
type officeBook struct {
	t     testing.TB
	f     *excelize.File
	sheet string
}

func newOfficeBook(t testing.TB, sheet string) *officeBook {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	return &officeBook{t: t, f: f, sheet: sheet}
}

// row writes values on a row from column A: strings as text, numbers as
// numbers, nil leaves a cell empty.
func (b *officeBook) row(n int, vals ...any) {
	b.t.Helper()
	for i, v := range vals {
		if v == nil {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, n)
		if err := b.f.SetCellValue(b.sheet, cell, v); err != nil {
			b.t.Fatal(err)
		}
	}
}

// table writes the header on row at and a row per person below it.
func (b *officeBook) table(at int, people []model.Volunteer, cols ...officeCol) {
	b.t.Helper()
	hdr := make([]any, len(cols))
	for i, c := range cols {
		hdr[i] = c.header
	}
	b.row(at, hdr...)
	for n, v := range people {
		vals := make([]any, len(cols))
		for i, c := range cols {
			vals[i] = c.value(n, v)
		}
		b.row(at+1+n, vals...)
	}
}

func (b *officeBook) must(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *officeBook) bytes() []byte {
	b.t.Helper()
	var buf bytes.Buffer
	_, err := b.f.WriteTo(&buf)
	b.must(err)
	return buf.Bytes()
}

func itoa(n int) string { return strconv.Itoa(n) }

func cmpOr(a, b string) string { return cmp.Or(a, b) }
