package model

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxUnzipBytes bounds what a workbook may unpack to: a roster of 100,000
// volunteers unpacks to well under 100 MB, and a zip bomb stops here.
const maxUnzipBytes = 512 << 20

// Messages for files that are spreadsheets hadir cannot read.
const (
	xlsMessage = "this is an old Excel workbook (.xls), or a workbook protected with a password, which hadir cannot read: " +
		"open it in Excel and save it as .xlsx (File > Save As > 'Excel Workbook') or CSV ('CSV UTF-8'), without a password"
	odsMessage = "this is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel and save it as .xlsx (Excel 2007-365) or CSV"
)

// ParseRosterFile reads a roster from r in either format hadir knows, told
// apart by content rather than by the file's name: an Excel workbook
// (.xlsx, read as ParseRosterXLSX does) or CSV-like text (as ParseRoster).
func ParseRosterFile(r io.Reader, opt ParseOptions) (*Roster, error) {
	data, err := readRosterData(r)
	if err != nil {
		return nil, err
	}
	if msg := otherDocument(data); msg != "" {
		return nil, rosterFail(0, msg)
	}
	if isZip(data) {
		return parseRosterXLSX(data, opt)
	}
	if opt.Sheet != "" && !isOLE(data) {
		return nil, rosterFail(0, fmt.Sprintf("--sheet '%s' is for Excel workbooks, and this file is text (CSV), which has no sheets: leave --sheet out",
			rosterShort(opt.Sheet)))
	}
	return parseRosterText(data, opt)
}

// ParseRosterXLSX reads a roster from an Excel workbook (.xlsx): the sheet
// opt.Sheet, or the first visible one. Cells are read as Excel shows them
// (a phone number formatted with its leading 0 keeps it), and rows go
// through the same rules as ParseRoster's; a Problem's Line is the
// sheet's row number.
func ParseRosterXLSX(r io.Reader, opt ParseOptions) (*Roster, error) {
	data, err := readRosterData(r)
	if err != nil {
		return nil, err
	}
	if msg := otherDocument(data); msg != "" {
		return nil, rosterFail(0, msg)
	}
	return parseRosterXLSX(data, opt)
}

// otherDocument names a file that is no spreadsheet at all (a PDF, a Word
// document, a presentation, whatever its name says) with what to do, or
// returns "".
func otherDocument(data []byte) string {
	const ask = ": ask the office for the list as an Excel workbook (.xlsx) or CSV; a renamed file stays what it is"
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "this is a PDF, not an Excel workbook or CSV" + ask
	case isZip(data) && zipHas(data, "word/document.xml"):
		return "this is a Word document (.docx), not an Excel workbook" + ask
	case isZip(data) && zipHas(data, "ppt/presentation.xml"):
		return "this is a PowerPoint presentation (.pptx), not an Excel workbook" + ask
	case isOLE(data) && bytes.Contains(data, []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00")):
		return "this is an old Word document (.doc), not an Excel workbook" + ask
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "this is a Word document (RTF), not an Excel workbook" + ask
	case bytes.HasPrefix(data, []byte("\x89PNG")) || bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return "this is a picture, not an Excel workbook or CSV" + ask
	}
	return ""
}

// zipHas reports whether a zip archive holds a part of this name.
func zipHas(data []byte, name string) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

func isZip(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }
func isOLE(data []byte) bool { return bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")) }

func parseRosterXLSX(data []byte, opt ParseOptions) (r *Roster, err error) {
	// A malformed workbook must not take down a `hadir serve` that every
	// gate shares: a panic in the library is a file that cannot be read.
	defer func() {
		if e := recover(); e != nil {
			r, err = nil, rosterFail(0, fmt.Sprintf("the workbook cannot be read (%v): open it in Excel and save it again as .xlsx, or as CSV UTF-8", e))
		}
	}()
	switch {
	case isOLE(data):
		return nil, rosterFail(0, xlsMessage)
	case !isZip(data):
		return nil, rosterFail(0, "this is not an Excel workbook (.xlsx): open it in Excel and save it as .xlsx, or import it as CSV")
	case bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument")):
		return nil, rosterFail(0, odsMessage)
	}
	if prob := checkZip(data); prob != nil {
		return nil, &ParseError{Problems: []Problem{*prob}}
	}
	// Parts stay in memory (checkZip bounded them), not in temporary
	// files: sheetMerges reads the sheet's own bytes.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipBytes, UnzipXMLSizeLimit: maxUnzipBytes})
	if err != nil {
		return nil, rosterFail(0, "the workbook cannot be read ("+err.Error()+"): open it in Excel and save it again as .xlsx, or as CSV UTF-8")
	}
	defer f.Close()
	sheet, others, prob := pickSheet(f, opt.Sheet)
	if prob != nil {
		return nil, &ParseError{Problems: []Problem{*prob}}
	}
	rows, err := readSheet(f, sheet)
	if err != nil {
		return nil, &ParseError{Sheet: sheet, Problems: []Problem{{Msg: fmt.Sprintf(
			"sheet '%s' cannot be read (%v): open the workbook in Excel and save it again, or save the sheet as CSV", sheet, err)}}}
	}
	if rosterBlankRows(rows) {
		msg := fmt.Sprintf("sheet '%s' is empty: no header and no volunteers", sheet)
		if len(others) > 0 {
			msg += "; the workbook also has " + quoteSheets(others) + ": choose one with --sheet NAME"
		}
		return nil, &ParseError{Sheet: sheet, Problems: []Problem{{Msg: msg}}}
	}

	p := newRosterParser(opt, &Roster{Sheet: sheet})
	p.hiddenCols, p.hiddenRows = sheetHidden(f, sheet)
	p.reserve(len(rows))
	for i, rec := range rows {
		if p.full() {
			break
		}
		if fail := p.feed(rec, i+1); fail != nil {
			fail.Sheet = sheet
			return nil, fail
		}
	}
	out, err := p.finish(nil)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.Sheet = sheet
		if !p.header && len(others) > 0 {
			last := &pe.Problems[len(pe.Problems)-1]
			last.Msg += "; or is the list on another sheet? The workbook also has " + quoteSheets(others) + ": choose one with --sheet NAME"
		}
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if opt.Sheet == "" && len(others) > 0 {
		out.Warnings = append([]string{fmt.Sprintf("read sheet '%s', the first visible one; the workbook also has %s (choose one with --sheet NAME)",
			sheet, quoteSheets(others))}, out.Warnings...)
	}
	return out, nil
}

// checkZip reads the zip's directory before excelize opens it: excelize
// sets aside the size each part claims to unpack to, so a small file that
// claims gigabytes would cost them.
func checkZip(data []byte) *Problem {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &Problem{Msg: "the workbook cannot be read (" + err.Error() + "): open it in Excel and save it again as .xlsx, or as CSV UTF-8"}
	}
	var total uint64
	for _, zf := range zr.File {
		// Deflate packs at most about 1:1032, and what is packed is in data.
		if zf.UncompressedSize64 > 1100*min(zf.CompressedSize64, uint64(len(data)))+1024 {
			return &Problem{Msg: fmt.Sprintf("the workbook is damaged (part %s claims %d bytes): open it in Excel and save it again as .xlsx, or as CSV UTF-8",
				rosterShort(zf.Name), zf.UncompressedSize64)}
		}
		if total += zf.UncompressedSize64; total > maxUnzipBytes {
			return &Problem{Msg: fmt.Sprintf("the workbook unpacks to more than %d MB, far more than any roster: check that it is the right file", maxUnzipBytes>>20)}
		}
	}
	return nil
}

// pickSheet finds the sheet to read: the one named (exactly, else ignoring
// case and surrounding spaces), or the first visible one; the first
// visible one is what the person who made the file sees first. others are
// the other visible sheets (hidden ones hold the lists of drop-downs).
func pickSheet(f *excelize.File, want string) (sheet string, others []string, prob *Problem) {
	names := f.GetSheetList()
	if len(names) == 0 {
		return "", nil, &Problem{Msg: "the workbook has no sheets: open it in Excel and save it again, or save it as CSV"}
	}
	pick := -1
	if want != "" {
		for i, n := range names {
			if n == want {
				pick = i
				break
			}
		}
		for i, n := range names {
			if pick < 0 && strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(want)) {
				pick = i
			}
		}
		if pick < 0 {
			return "", nil, &Problem{Msg: fmt.Sprintf("the workbook has no sheet '%s'; its sheets are %s: name one of them with --sheet NAME",
				rosterShort(want), quoteSheets(names))}
		}
	} else {
		for i, n := range names {
			if visible, err := f.GetSheetVisible(n); err == nil && visible {
				pick = i
				break
			}
		}
		pick = max(pick, 0)
	}
	for i, n := range names {
		if visible, err := f.GetSheetVisible(n); i != pick && err == nil && visible {
			others = append(others, n)
		}
	}
	return names[pick], others, nil
}

// quoteSheets lists sheet names for a message.
func quoteSheets(names []string) string {
	const shown = 10
	q := make([]string, 0, min(len(names), shown))
	for i, n := range names {
		if i == shown {
			return "'" + strings.Join(q, "', '") + fmt.Sprintf("' and %d more", len(names)-shown)
		}
		q = append(q, rosterShort(n))
	}
	return "'" + strings.Join(q, "', '") + "'"
}

// readSheet returns the rows of a sheet as the text Excel shows, rows[i]
// being row i+1 of the sheet: excelize's GetRows keeps an empty slice for
// an empty row inside the sheet and leaves out those at its end.
func readSheet(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	fix := cellFixer{f: f, sheet: sheet}
	if wp := f.WorkBook.WorkbookPr; wp != nil {
		fix.date1904 = wp.Date1904
	}
	for r, row := range rows {
		for c, v := range row {
			if v != "" && (v[0] >= '0' && v[0] <= '9' || v[0] == '-' || mayBeDate(v)) {
				row[c] = fix.number(v, r, c)
			}
		}
	}
	if err := spreadMerges(f, sheet, rows); err != nil {
		return nil, err
	}
	return rows, nil
}

// rosterBlankRows reports whether no row has a value.
func rosterBlankRows(rows [][]string) bool {
	for _, r := range rows {
		if !rosterBlank(r) {
			return false
		}
	}
	return true
}
