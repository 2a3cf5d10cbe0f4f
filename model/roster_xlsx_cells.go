package model

import (
	"bytes"
	"encoding/xml"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// cellFixer turns the few numbers excelize shows otherwise than Excel on an
// Indonesian laptop back into what a person sees there.
type cellFixer struct {
	f        *excelize.File
	sheet    string
	date1904 bool
	raw      [][]string // the sheet's stored values, read once when first needed
	rawErr   error
}

var (
	cellScientific = regexp.MustCompile(`^-?\d(\.\d+)?E[+-]\d+$`)
	cellShortDate  = regexp.MustCompile(`^\d\d-\d\d-\d\d$`)                    // built-in format 14 as excelize shows it
	cellDateTime   = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d\d \d{1,2}:\d\d$`) // built-in format 22
	// Other date formats a workbook may carry: with a month's name
	// ("1-Jun-80", "Jun-80", "01 Juni 1980"), or in digits with any
	// separator ("1980-06-01", "01.06.1980"). Some leave out the day.
	cellMonthDate = regexp.MustCompile(`(?i)^(\d{1,2}[-/ .]+)?(jan|feb|mar|apr|mei|may|jun|jul|agu|ags|aug|sep|okt|oct|nov|des|dec)[a-z]*\.?([-/ .,]+\d{1,2})?([-/ .,']+\d{2,4})?$`)
	cellNumDate   = regexp.MustCompile(`^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$`)
)

// mayBeDate reports a value that a date format may have written: a short
// one with a digit, starting with a letter (a month's name).
func mayBeDate(v string) bool {
	return len(v) <= 24 && v[0] >= 'A' && v[0] <= 'z' && strings.ContainsAny(v, "0123456789")
}

// number returns what Excel shows for the cell that excelize shows as v,
// at 0-based row r and column c.
func (x *cellFixer) number(v string, r, c int) string {
	if v[0] >= '0' && v[0] <= '9' && !strings.ContainsAny(v, "E-/. ") {
		return v // most numbers: an ID, a phone
	}
	switch {
	case cellScientific.MatchString(v):
		// A long number (a 16-digit NIK) in a General cell: Excel shows
		// every digit in the cell's own box, and the digits are there.
		if n, ok := x.stored(r, c); ok && n == float64(int64(n)) && n > -1e18 && n < 1e18 {
			return strconv.FormatFloat(n, 'f', -1, 64)
		}
	case cellShortDate.MatchString(v), cellDateTime.MatchString(v):
		// A number shown so is a date. The built-in date formats follow
		// the computer's region: day first in Indonesia, where excelize
		// writes the American month first.
		layout := "02/01/2006"
		if strings.Contains(v, ":") {
			layout += " 15:04"
		}
		if n, ok := x.stored(r, c); ok {
			if t, err := excelize.ExcelDateToTime(n, x.date1904); err == nil {
				return t.Format(layout)
			}
		}
	case cellMonthDate.MatchString(v), cellNumDate.MatchString(v):
		// A date in the workbook's own format: kept with its day, month
		// and year, day first, whatever the format leaves out.
		if n, ok := x.stored(r, c); ok && n >= 1 && n < 2958466 && strconv.FormatFloat(n, 'f', -1, 64) != v {
			if t, err := excelize.ExcelDateToTime(n, x.date1904); err == nil {
				if n != float64(int64(n)) {
					return t.Format("02/01/2006 15:04")
				}
				return t.Format("02/01/2006")
			}
		}
	}
	return v
}

// stored returns the number stored in a cell. The stored values are read
// in a second pass over the sheet, as GetRows reads it: asking a cell at a
// time (GetCellValue) would unmarshal the whole sheet.
func (x *cellFixer) stored(r, c int) (float64, bool) {
	if x.raw == nil && x.rawErr == nil {
		x.raw, x.rawErr = x.f.GetRows(x.sheet, excelize.Options{RawCellValue: true})
	}
	if r >= len(x.raw) || c >= len(x.raw[r]) {
		return 0, false
	}
	n, err := strconv.ParseFloat(x.raw[r][c], 64)
	return n, err == nil
}

// spreadMerges copies the value of a cell merged over several rows (a
// contingent written once beside its 100 volunteers) to the first column of
// each row below it that has a value with a letter elsewhere. Rows without
// one (a template numbered in advance) stay blank; cells merged across
// columns stay blank but for the first, so a header merged across two
// columns names the first.
func spreadMerges(f *excelize.File, sheet string, rows [][]string) error {
	merges, err := sheetMerges(f, sheet)
	if err != nil || len(merges) == 0 {
		return err
	}
	// The first and last column of each row holding a letter, 1-based.
	lo, hi := make([]int, len(rows)), make([]int, len(rows))
	for r, row := range rows {
		for c, v := range row {
			if strings.ContainsFunc(v, unicode.IsLetter) {
				if lo[r] == 0 {
					lo[r] = c + 1
				}
				hi[r] = c + 1
			}
		}
	}
	budget := 4 * MaxRosterRows // merges never overlap, but bound the work anyway
	for _, ref := range merges {
		from, to, _ := strings.Cut(ref, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || r2 <= r1 || r1 > len(rows) || c1 > len(rows[r1-1]) {
			continue
		}
		v := rows[r1-1][c1-1]
		if v == "" {
			continue
		}
		for r := r1 + 1; r <= min(r2, len(rows)) && budget > 0; r++ {
			budget--
			row := rows[r-1]
			if lo[r-1] == 0 || lo[r-1] >= c1 && hi[r-1] <= c2 {
				continue
			}
			for len(row) < c1 {
				row = append(row, "")
			}
			if row[c1-1] == "" {
				row[c1-1] = v
			}
			rows[r-1] = row
		}
	}
	return nil
}

// sheetMerges returns the merged ranges of a sheet ("A1:I1"). excelize's
// GetMergeCells unmarshals the whole sheet, which for 100,000 rows costs
// seconds and a gigabyte; the ranges are a short list after the rows, so
// they are read from the end of the sheet's XML, and GetMergeCells is the
// fallback for a workbook laid out otherwise.
func sheetMerges(f *excelize.File, sheet string) ([]string, error) {
	part, ok := sheetPart(f, sheet)
	if !ok {
		return mergeRefs(f.GetMergeCells(sheet))
	}
	// The element's start, "<mergeCells" or with a prefix "<x:mergeCells",
	// the last in the part but for its end tag.
	i, j := len(part), 0
	for {
		if i = bytes.LastIndex(part[:i], []byte("mergeCells")); i < 0 {
			return nil, nil
		}
		if j = bytes.LastIndexByte(part[:i], '<'); j >= 0 && part[j+1] == '/' {
			i = j
			continue
		}
		break
	}
	if j < 0 || bytes.ContainsAny(part[j+1:i], " \t\r\n>/\"'=") || j+1 < i && part[i-1] != ':' {
		return mergeRefs(f.GetMergeCells(sheet)) // not an element: text in a cell
	}
	var refs []string
	dec := xml.NewDecoder(bytes.NewReader(part[j:]))
	for {
		tok, err := dec.Token()
		if err != nil {
			return refs, nil // the end of the part
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "mergeCell" {
				continue
			}
			for _, a := range t.Attr {
				if a.Name.Local == "ref" {
					refs = append(refs, a.Value)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "mergeCells" {
				return refs, nil
			}
		}
	}
}

func mergeRefs(ms []excelize.MergeCell, err error) ([]string, error) {
	refs := make([]string, 0, len(ms))
	for _, m := range ms {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	return refs, err
}

// sheetPart returns the XML of a sheet as stored in the workbook, found
// through the workbook's relationships; ok is false when the workbook is
// laid out otherwise than Excel lays it out.
func sheetPart(f *excelize.File, sheet string) (part []byte, ok bool) {
	if f.WorkBook == nil {
		return nil, false
	}
	rid := ""
	for _, s := range f.WorkBook.Sheets.Sheet {
		if s.Name == sheet {
			rid = s.ID
		}
	}
	relsData, ok := f.Pkg.Load("xl/_rels/workbook.xml.rels")
	if !ok || rid == "" {
		return nil, false
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if b, isBytes := relsData.([]byte); !isBytes || xml.Unmarshal(b, &rels) != nil {
		return nil, false
	}
	for _, r := range rels.Rel {
		if r.ID != rid {
			continue
		}
		name := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(r.Target, "/") {
			name = path.Join("xl", r.Target)
		}
		if data, found := f.Pkg.Load(name); found {
			part, ok = data.([]byte)
			return part, ok
		}
	}
	return nil, false
}
