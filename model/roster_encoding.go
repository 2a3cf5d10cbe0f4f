package model

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	utf16 "golang.org/x/text/encoding/unicode"
)

// Encodings reported in Roster.Encoding.
const (
	EncodingUTF8    = "UTF-8"
	EncodingWin1252 = "Windows-1252"
	EncodingUTF16LE = "UTF-16LE"
	EncodingUTF16BE = "UTF-16BE"
)

// decodeRoster turns the raw bytes into UTF-8 text with '\n' line ends that
// encoding/csv understands. It returns a problem for input that is not CSV
// text at all (a workbook, a binary file).
func decodeRoster(data []byte) (text, enc string, warns []string, prob *Problem) {
	// Spreadsheets saved as workbooks instead of CSV are the common mistake.
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "", "", nil, &Problem{Msg: "this is an Excel workbook (.xlsx) or another zip file, not CSV: " +
			"open it in Excel and use File > Save As > 'CSV UTF-8 (Comma delimited)'"}
	case isOLE(data):
		return "", "", nil, &Problem{Msg: xlsMessage}
	case looksLikeMarkup(data):
		// Web systems often export a page or an XML spreadsheet under an
		// .xls name.
		return "", "", nil, &Problem{Msg: "this is a web page or an XML spreadsheet, not CSV or .xlsx (perhaps saved with an .xls name): " +
			"open it in Excel and save it as .xlsx (File > Save As > 'Excel Workbook') or as 'CSV UTF-8'"}
	}

	enc = EncodingUTF8
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xFF\xFE")), bytes.HasPrefix(data, []byte("\xFE\xFF")):
		// Excel's "Unicode Text" export: UTF-16 with a BOM, tab-separated.
		order, name := utf16.LittleEndian, EncodingUTF16LE
		if data[0] == 0xFE {
			order, name = utf16.BigEndian, EncodingUTF16BE
		}
		out, err := utf16.UTF16(order, utf16.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", nil, &Problem{Msg: "the file starts like UTF-16 text but cannot be read as such: " +
				"save it from the spreadsheet as 'CSV UTF-8'"}
		}
		data, enc = out, name
		warns = append(warns, "the file is "+name+" (Excel 'Unicode Text'); it was converted to UTF-8")
	}

	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", nil, &Problem{Msg: "the file contains NUL bytes, so it is not CSV text: " +
			"if it came from a spreadsheet, save it as 'CSV UTF-8'"}
	}

	if !utf8.Valid(data) {
		var n int
		data, n = decodeLatinLines(data)
		enc = EncodingWin1252
		warns = append(warns, fmt.Sprintf("%d %s not valid UTF-8 and %s read as Windows-1252 (Excel's 'CSV' on Windows); "+
			"check names with accents, or save the file as 'CSV UTF-8'", n, rosterPlural(n, "line was", "lines were"), rosterPlural(n, "was", "were")))
	}

	// Old Mac spreadsheets end lines with a lone CR, which encoding/csv
	// does not see as a line end.
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return string(data), enc, warns, nil
}

// looksLikeMarkup reports text that starts as HTML or XML.
func looksLikeMarkup(data []byte) bool {
	head := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xEF\xBB\xBF")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<table", "<?xml"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

// decodeLatinLines decodes as Windows-1252 only the lines that are not valid
// UTF-8, so a file glued together from a UTF-8 export and an ANSI export
// keeps both halves readable. It returns how many lines were decoded.
func decodeLatinLines(data []byte) ([]byte, int) {
	out := make([]byte, 0, len(data)+len(data)/8)
	n := 0
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		line := data
		if i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		if utf8.Valid(line) {
			out = append(out, line...)
			continue
		}
		n++
		for _, b := range line {
			if b < utf8.RuneSelf {
				out = append(out, b)
				continue
			}
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(b))
		}
	}
	return out, n
}

// longLine returns the 1-based number and length of the first line longer
// than limit, or 0. A line that long is a wrong file, not a roster, and
// would only make encoding/csv buffer it whole.
func longLine(text string, limit int) (line, length int) {
	for n := 1; len(text) > 0; n++ {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		if i > limit {
			return n, i
		}
		if i == len(text) {
			break
		}
		text = text[i+1:]
	}
	return 0, 0
}

// longCell explains a line longer than any roster's that is one huge
// value in an otherwise ordinary row (a text or a picture pasted into a
// cell): the row and the column, and to shorten that cell.
func longCell(text string, line int, delim rune) (Problem, bool) {
	var header []string
	start := 0
	for n := 1; n < line; n++ {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			return Problem{}, false
		}
		if header == nil && n <= 30 {
			if rec := splitLine(text[start:start+i], delim); rec != nil {
				if _, ok := layoutOf(rec); ok {
					header = rec
				}
			}
		}
		start += i + 1
	}
	end := strings.IndexByte(text[start:], '\n')
	if end < 0 {
		end = len(text) - start
	}
	rec := splitLine(text[start:start+end], delim)
	k, size := -1, 0
	for i, f := range rec {
		if len(f) > size {
			k, size = i, len(f)
		}
	}
	if len(rec) < 2 || size < MaxRosterLineBytes/2 { // one value alone: a text file, or broken line ends
		return Problem{}, false
	}
	pr := Problem{Line: line, Msg: fmt.Sprintf("the value in column %d is %d bytes, far longer than any roster's (at most %d a cell): "+
		"shorten that cell, or empty it, and export again", k+1, size, MaxRosterFieldBytes)}
	if k < len(header) {
		pr.Column = rosterShort(Clean(header[k], MaxTextLen))
	}
	return pr, true
}

// splitLine reads one line as a record; nil when it cannot.
func splitLine(line string, delim rune) []string {
	cr := csv.NewReader(strings.NewReader(line))
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = delim, true, -1
	rec, err := cr.Read()
	if err != nil {
		return nil
	}
	return rec
}

// onlyBlank reports whether text holds no value at all: spaces, line ends,
// delimiters and quotes only (an Excel export of an empty sheet).
func onlyBlank(text string) bool {
	for _, r := range text {
		switch r {
		case ',', ';', '\t', '"', '\r', '\n', ' ', '\u00a0', '\u200b', '\ufeff':
		default:
			return false
		}
	}
	return true
}

func rosterPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// rosterFieldAt returns the index of the field in which s, the text of a
// record up to some point, ends.
func rosterFieldAt(s string, delim rune) int {
	idx, start, quoted := 0, true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case start && (c == ' ' || c == '\t') && delim != '\t':
			continue
		case start && c == '"':
			quoted, start = true, false
		case quoted && c == '"' && i+1 < len(s) && s[i+1] == '"':
			i++
		case quoted && c == '"':
			quoted = false
		case !quoted && rune(c) == delim:
			idx, start = idx+1, true
		default:
			start = false
		}
	}
	return idx
}

// rosterTrim trims spaces, including the non-breaking and zero-width ones
// that spreadsheets and web forms leave.
func rosterTrim(s string) string {
	if s == "" || (s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf) {
		return s // the common case, without a call per rune
	}
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || rosterInvisible(r) })
}

func rosterInvisible(r rune) bool {
	return r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}

// rosterCollapse turns runs of spaces inside s into one space.
func rosterCollapse(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c < ' ' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || rosterInvisible(r) }), " ")
		}
	}
	return s
}

// rosterBlank reports whether every cell of rec is empty.
func rosterBlank(rec []string) bool {
	for _, c := range rec {
		if rosterTrim(c) != "" {
			return false
		}
	}
	return true
}

// rosterShort cuts a value for quoting in a message.
func rosterShort(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 37
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
