package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Limits of a roster file. A real roster is far below all of them; past
// them the file is refused cleanly rather than exhausting memory.
const (
	MaxRosterFieldBytes = 4096     // one cell
	MaxRosterLineBytes  = 1 << 20  // one physical line
	MaxRosterFileBytes  = 64 << 20 // the file (100,000 volunteers is about 10 MB)
	MaxRosterRows       = 1_000_000
	maxRosterProblems   = 1000 // past this the file is the wrong one: stop listing
)

// ParseOptions tune ParseRoster, ParseRosterXLSX and ParseRosterFile.
type ParseOptions struct {
	// Contingent, when set, is the contingent of every row, whatever a
	// contingent column says: files of one contingent often lack the column.
	Contingent string
	// SkipBad leaves bad rows out (listed in Roster.Problems) instead of
	// failing the whole parse.
	SkipBad bool
	// Sheet names the sheet of a workbook to read; "" reads the first
	// visible one. Text files have no sheets.
	Sheet string
	// StoredContingent gives the contingent of a volunteer already stored,
	// by ID: a later list of the same people with IDs but no contingent
	// column (a shirt-size list) takes each row's from the store. Nil: such
	// a file needs --contingent.
	StoredContingent func(id string) (string, bool)
}

// Roster is a parsed roster file.
type Roster struct {
	Volunteers []Volunteer // in file order, Source = SourceRoster
	Lines      []int       // Lines[i] is the 1-based line (a workbook's row) of Volunteers[i]
	Generated  []bool      // Generated[i]: the file gave Volunteers[i] no ID; one was made up
	Encoding   string      // "UTF-8", or "Windows-1252" when the file was not UTF-8; "" for a workbook
	Delimiter  rune        // 0 for a workbook
	Sheet      string      // the sheet read from a workbook; "" for text
	HeaderLine int
	Columns    []string  // the header, as written
	Problems   []Problem // with SkipBad: the rows left out
	Namesakes  []Namesakes
	Repeats    []Repeat // Google Forms submissions sent again: only the latest is kept
	Warnings   []string // notes for the user: encoding, rows skipped

	leaderSaid []bool // leaderSaid[i]: the row says whether Volunteers[i] leads (see ImportRow.LeaderSaid)
}

// Problem is one thing wrong in a roster file. Line is the 1-based row as
// a spreadsheet shows it, or 0 for the file as a whole; Column is the
// header text, or "" when none applies; Who is a value that tells which
// row it is (the name, or a Google Forms timestamp), "" when none.
type Problem struct {
	Line   int
	Column string
	Msg    string
	Who    string
	// TextLine: Line counts the lines of a text file (an events file),
	// not the rows of a spreadsheet.
	TextLine bool
}

func (p Problem) unit() string {
	if p.TextLine {
		return "line"
	}
	return "row"
}

func (p Problem) who() string {
	if p.Who == "" {
		return ""
	}
	return " (" + rosterShort(p.Who) + ")"
}

func (p Problem) Error() string {
	switch {
	case p.Line <= 0:
		return p.Msg
	case p.Column == "":
		return fmt.Sprintf("%s %d%s: %s", p.unit(), p.Line, p.who(), p.Msg)
	}
	return fmt.Sprintf("%s %d%s, column '%s': %s", p.unit(), p.Line, p.who(), p.Column, p.Msg)
}

// ParseError is a roster that could not be read; Problems says why, by line.
type ParseError struct {
	Problems []Problem
	Good     int    // rows read without a problem: what --skip-bad would import
	Sheet    string // the workbook's sheet the lines are rows of; "" for text
}

func (e *ParseError) Error() string {
	const shown = 5
	if len(e.Problems) == 0 {
		return "the roster could not be read"
	}
	var b strings.Builder
	for i, p := range e.Problems {
		if i == shown {
			fmt.Fprintf(&b, "\nand %d more", len(e.Problems)-shown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// ParseRoster reads a roster (CSV-like text) from r. Problems with the
// file or its rows come back as a *ParseError; an error reading r is
// returned wrapped. ParseRosterFile reads Excel workbooks too.
func ParseRoster(r io.Reader, opt ParseOptions) (*Roster, error) {
	data, err := readRosterData(r)
	if err != nil {
		return nil, err
	}
	return parseRosterText(data, opt)
}

// readRosterData reads a whole roster file, refusing one far larger than
// any roster.
func readRosterData(r io.Reader) ([]byte, error) {
	data, err := readRoster(r)
	if err != nil {
		return nil, fmt.Errorf("reading the roster: %w", err)
	}
	if len(data) > MaxRosterFileBytes {
		return nil, rosterFail(0, fmt.Sprintf("the file is larger than %d MB, far more than any roster: check that it is the right file",
			MaxRosterFileBytes>>20))
	}
	return data, nil
}

// parseRosterText parses the bytes of a CSV-like roster.
func parseRosterText(data []byte, opt ParseOptions) (*Roster, error) {
	text, enc, warns, prob := decodeRoster(data)
	switch {
	case prob != nil:
		return nil, &ParseError{Problems: []Problem{*prob}}
	case text == "":
		return nil, rosterFail(0, "the file is empty: export the roster from the spreadsheet again")
	case onlyBlank(text):
		return nil, rosterFail(0, "the file has only blank rows, no header and no volunteers")
	}
	if n, size := longLine(text, MaxRosterLineBytes); n > 0 {
		if pr, ok := longCell(text, n, detectDelimiter(text)); ok {
			return nil, &ParseError{Problems: []Problem{pr}}
		}
		return nil, rosterFail(n, fmt.Sprintf("the line is %d bytes long, longer than %d: this is not a roster, or its line ends are broken",
			size, MaxRosterLineBytes))
	}
	p := newRosterParser(opt, &Roster{Encoding: enc, Delimiter: detectDelimiter(text), Warnings: warns})
	p.text = text
	return p.runCSV()
}

// newRosterParser starts the row pipeline that every format feeds.
func newRosterParser(opt ParseOptions, out *Roster) *rosterParser {
	return &rosterParser{
		opt:         opt,
		contingent:  Clean(opt.Contingent, MaxTextLen),
		out:         out,
		seen:        map[string]int{},
		contingents: map[string]bool{},
		lineCursor:  1,
	}
}

// readRoster reads r whole, up to one byte over the limit, in one
// allocation when r can tell its size.
func readRoster(r io.Reader) ([]byte, error) {
	size := int64(-1)
	switch r := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer
		size = int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }: // os.File
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	if size < 0 || size > MaxRosterFileBytes {
		return io.ReadAll(io.LimitReader(r, MaxRosterFileBytes+1))
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, MaxRosterFileBytes+1))
	return buf.Bytes(), err
}

func rosterFail(line int, msg string) *ParseError {
	return &ParseError{Problems: []Problem{{Line: line, Msg: msg}}}
}

// rosterParser holds the state of one parse. A format reads its rows and
// hands each to feed with its line, then calls finish: the rules of
// rows are the same whatever the format.
type rosterParser struct {
	opt         ParseOptions
	contingent  string // opt.Contingent, cleaned
	text        string // the CSV text; "" for a workbook
	out         *Roster
	layout      rosterLayout
	header      bool            // the header has been found
	seen        map[string]int  // ID folded to lower case -> line
	stamps      []string        // the Google Forms timestamp of each volunteer, when the file has one
	storedFound int             // rows whose contingent came from the store (byStoredID)
	contingents map[string]bool // contingents of the rows so far, lower case
	problems    []Problem
	vals        []string   // the current row, trimmed
	said        bool       // the current row says whether the person leads
	rows        int        // rows below the header
	first       []string   // the first non-blank row, for a file without a header
	early       [][]string // the first rows, while no header is found: which column holds names?
	firstLine   int

	// What the rows so far say about a block below the table.
	dataRows   int  // rows read as volunteers (good or bad)
	afterBlank bool // a blank row follows the last of them
	footer     rosterFooter

	// Counts behind the warnings, with the first line of each.
	titleRows, titleLine   int
	repeatHdrs, repeatLine int
	overrides, overLine    int
	overValue              string
	cuts, cutLine          int
	cutColumn              string
	unnamed                int
	badRows                int

	// lineOffset's cursor: quoting errors arrive in line order.
	lineCursor, offsetCursor int

	// A workbook's hidden columns (0-based) and rows (1-based), and the
	// hidden rows kept aside until every visible one is in.
	hiddenCols, hiddenRows map[int]bool
	// The header as written, until the row below it says whether the
	// header goes on there (roster_header2.go).
	headerRec  []string
	subPending bool
	above      []string // the last row above the header, and its line
	aboveLine  int
	held       []heldRow
	// wrapped counts the line breaks inside quoted cells so far: a
	// spreadsheet shows such a cell in one row, so the row of a record is
	// its text line less these.
	wrapped int
}

// runCSV reads the text with encoding/csv and feeds its records.
func (p *rosterParser) runCSV() (*Roster, error) {
	out := p.out
	cr := csv.NewReader(strings.NewReader(p.text))
	cr.Comma = out.Delimiter
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	// Lets ` "a, b"` (a space after the delimiter) parse; with tabs it
	// would also swallow empty cells.
	cr.TrimLeadingSpace = out.Delimiter != '\t'

	// Growing a slice of 100,000 volunteers costs more than reading them.
	p.reserve(strings.Count(p.text, "\n") + 1)
	var early []Problem // quoting errors above the header
	end := 0            // the line the last record ended on
	for !p.full() {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				p.add(Problem{Msg: err.Error()})
				break
			}
			if p.header {
				p.add(p.quoteProblem(pe))
			} else if len(early) < 3 {
				early = append(early, p.quoteProblem(pe))
			}
			end = pe.Line
			continue
		}
		if len(rec) == 0 {
			continue
		}
		line, _ := cr.FieldPos(0)
		// encoding/csv skips empty lines, but a blank row tells a
		// signature block from the table above it.
		if line > end+1 {
			if fail := p.feed(nil, end+1-p.wrapped); fail != nil {
				return nil, fail
			}
		}
		last, _ := cr.FieldPos(len(rec) - 1)
		row := line - p.wrapped // the row as a spreadsheet shows it
		end = last + strings.Count(rec[len(rec)-1], "\n")
		p.wrapped += end - line
		if fail := p.feed(rec, row); fail != nil {
			return nil, fail
		}
	}
	return p.finish(early)
}

// reserve makes room for about n volunteers.
func (p *rosterParser) reserve(n int) {
	if n = min(n, 1<<17); n > 16 {
		p.out.Volunteers, p.out.Lines, p.out.Generated = make([]Volunteer, 0, n), make([]int, 0, n), make([]bool, 0, n)
		p.out.leaderSaid = make([]bool, 0, n)
	}
}

// full reports that the parse has found so many problems it stops.
func (p *rosterParser) full() bool { return len(p.problems) >= maxRosterProblems }

// feed takes one row of the file and its 1-based line. A non-nil result
// refuses the file at once.
func (p *rosterParser) feed(rec []string, line int) *ParseError {
	if !p.header {
		if p.first == nil && !rosterBlank(rec) {
			p.first, p.firstLine = append([]string(nil), rec[:min(len(rec), 8)]...), line
		}
		if len(p.early) < 30 && !rosterBlank(rec) {
			p.early = append(p.early, append([]string(nil), rec[:min(len(rec), 40)]...))
		}
		if p.findHeader(rec, line); p.header {
			p.headerRec, p.subPending = append([]string(nil), rec...), true
		}
		return nil
	}
	if p.subPending {
		// The row below the header may be the rest of it; then whether
		// the file has a contingent column is known.
		p.subPending = false
		sub := p.secondHeaderRow(rec, line)
		if fail := p.noContingent(p.out.HeaderLine, rec); fail != nil || sub {
			return fail
		}
	}
	if p.hiddenRow(rec, line) {
		return nil
	}
	if p.rows++; p.rows > MaxRosterRows {
		p.add(Problem{Line: line, Msg: fmt.Sprintf("more than %d rows: this is not one roster; split the file", MaxRosterRows)})
		return &ParseError{Problems: p.problems}
	}
	p.row(rec, line)
	return nil
}

// finish checks the file as a whole once every row is in. early are
// problems found above the header.
func (p *rosterParser) finish(early []Problem) (*Roster, error) {
	out := p.out
	if p.byStoredID() && p.storedFound == 0 {
		// Nobody on it is stored: not a later list of the same people but
		// a new file, of one contingent as like as not.
		return nil, p.noContingentFail(p.out.HeaderLine, nil)
	}
	if p.full() {
		p.problems = append(p.problems, Problem{Msg: fmt.Sprintf(
			"stopped after %d problems: check that this is the right file and that it was read with the right delimiter", maxRosterProblems)})
		return nil, &ParseError{Problems: p.problems}
	}
	p.closeFooter()
	if !p.header {
		return nil, &ParseError{Problems: append(early, p.noNameColumn())}
	}
	if p.subPending {
		if fail := p.noContingent(p.out.HeaderLine, nil); fail != nil {
			return nil, fail
		}
	}
	p.readHiddenRows()
	if pr, found := p.regionColumn(); found {
		return nil, &ParseError{Problems: []Problem{pr}}
	}
	if pr, found := p.twoColumns(); found {
		return nil, &ParseError{Problems: []Problem{pr}}
	}
	p.makeIDs()
	if len(out.Volunteers) == 0 && len(p.problems) == 0 {
		p.add(Problem{Line: out.HeaderLine, Msg: fmt.Sprintf(
			"no volunteers: the header is on row %d but no row below it has a name", out.HeaderLine)})
	}
	if len(p.problems) > 0 && (!p.opt.SkipBad || len(out.Volunteers) == 0) {
		return nil, &ParseError{Problems: p.problems, Good: len(out.Volunteers)}
	}
	out.Problems = p.problems
	p.warn()
	p.phoneLookalike()
	return out, nil
}

func (p *rosterParser) add(pr Problem) { p.problems = append(p.problems, pr) }

// findHeader takes rec as the header if it names a name column; rows
// above it are titles ("DAFTAR PESERTA ...").
func (p *rosterParser) findHeader(rec []string, line int) {
	l, ok := layoutOfShown(rec, p.hiddenCols)
	if !ok {
		if !rosterBlank(rec) {
			if p.titleRows++; p.titleRows == 1 {
				p.titleLine = line
			}
			p.above, p.aboveLine = append(p.above[:0], rec...), line
		}
		return
	}
	if p.aboveLine == line-1 {
		l, rec = headerBelowGroups(l, p.above, rec, p.hiddenCols)
	}
	p.header, p.layout = true, l
	p.out.HeaderLine = line
	p.out.Columns = make([]string, len(l.cols))
	for i, c := range l.cols {
		p.out.Columns[i] = c.name
	}
}

// quoteProblem explains an encoding/csv quoting error in the user's terms.
func (p *rosterParser) quoteProblem(pe *csv.ParseError) Problem {
	start := p.lineOffset(pe.StartLine)
	at := max(start, min(p.lineOffset(pe.Line)+pe.Column-1, len(p.text)))
	col := ""
	if i := rosterFieldAt(p.text[start:at], p.out.Delimiter); p.header && i < len(p.layout.cols) {
		col = p.layout.cols[i].name
	}
	var msg string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = `a quote (") inside a value that does not start with one; put the whole value in quotes and double the inner quote (""), or remove it`
	case errors.Is(pe.Err, csv.ErrQuote) && at < len(p.text) && p.text[at] == '"':
		msg = `a quote (") follows the closing quote of a quoted value; double it ("") if it belongs to the value`
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		msg = fmt.Sprintf(`a quoted value starts here but its closing quote (") is missing, so lines %d to %d were read as one value; add the closing quote`,
			pe.StartLine, pe.Line)
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = `a quoted value starts here but its closing quote (") is missing; add the closing quote`
	default:
		msg = pe.Err.Error()
	}
	return Problem{Line: pe.StartLine - p.wrapped, Column: col, Msg: msg}
}

// lineOffset returns the byte offset of 1-based line n, as encoding/csv
// counts lines.
func (p *rosterParser) lineOffset(n int) int {
	if n < p.lineCursor {
		p.lineCursor, p.offsetCursor = 1, 0
	}
	for p.lineCursor < n {
		i := strings.IndexByte(p.text[p.offsetCursor:], '\n')
		if i < 0 {
			return len(p.text)
		}
		p.offsetCursor += i + 1
		p.lineCursor++
	}
	return p.offsetCursor
}

// warn turns the counts gathered while reading into warnings.
func (p *rosterParser) warn() {
	w := &p.out.Warnings
	if n := p.titleRows; n > 0 {
		*w = append(*w, fmt.Sprintf("%d %s above the header (from row %d) skipped as titles", n, rosterPlural(n, "row", "rows"), p.titleLine))
	}
	if f := &p.footer; f.blocks > 0 {
		*w = append(*w, f.warning())
	}
	if n := p.repeatHdrs; n > 0 {
		*w = append(*w, fmt.Sprintf("the header is repeated %d %s (first on row %d); skipped", n, rosterPlural(n, "time", "times"), p.repeatLine))
	}
	if n := p.overrides; n > 0 {
		*w = append(*w, fmt.Sprintf("--contingent '%s' replaces the contingent column on %d %s (row %d says '%s')",
			p.contingent, n, rosterPlural(n, "row", "rows"), p.overLine, rosterShort(p.overValue)))
	}
	if n := p.cuts; n > 0 {
		*w = append(*w, fmt.Sprintf("%d %s longer than %d characters cut (first on row %d, column '%s')",
			n, rosterPlural(n, "value", "values"), MaxTextLen, p.cutLine, p.cutColumn))
	}
	if p.unnamed > 0 {
		*w = append(*w, fmt.Sprintf("%d %s in columns without a header kept as 'column N'", p.unnamed, rosterPlural(p.unnamed, "value", "values")))
	}
	if n := p.badRows; n > 0 {
		*w = append(*w, fmt.Sprintf("%d %s with problems left out", n, rosterPlural(n, "row", "rows")))
	}
}
