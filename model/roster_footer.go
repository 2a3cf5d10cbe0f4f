package model

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rosters from offices end with a block that lists no volunteers: the
// signatures of whoever approved the list ("Mengetahui, / Kepala Dinas
// Sosial ... / Drs. H. Ahmad Fauzi / NIP. 1970..."), a place and date,
// totals ("Jumlah"), notes. Such a block is skipped, with a warning.
//
// The rule: after at least one volunteer row and then a blank row, a row
// whose first value starts with one of footerWords, or is a place and a
// date, starts a block, unless the row itself looks like a volunteer
// (footerData). A total ("Jumlah", "Total") starts one even without the
// blank row. The block runs to the end of the file or to the next row
// that looks like a volunteer, which is read as usual (two lists pasted
// one under the other). A block longer than maxFooterRows is not a
// signature block: its rows are read as volunteers after all, so a list
// that happens to start with such a word is never dropped.

// footerWords start a line of a signature block, as whole words, in any
// case.
var footerWords = []string{
	"mengetahui", "menyetujui", "diketahui", "disetujui", "dibuat oleh", "yang membuat",
	"hormat kami", "kepala", "ketua", "wakil ketua", "sekretaris", "bendahara",
	"nip", "a.n", "an.", "plt", "plh", "ttd", "tertanda",
}

// footerFirstWords start a block too, but only as the first value of a row:
// elsewhere "Total" or "Keterangan" could be data.
var footerFirstWords = []string{"catatan", "keterangan", "jumlah", "total"}

// footerTotals start a block even right below the table.
var footerTotals = []string{"jumlah", "total"}

// A place and a date, as a letter is dated: "Banjarmasin, 1 Desember 2026",
// "Martapura,      Desember 2026" (the day left to write by hand),
// "Paringin, 01-12-2026".
var footerPlaceDate = regexp.MustCompile(`(?i)^\pL[\pL\pM .'-]*,\s*(?:[\d._ ]*(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|sept|okt|oct|nov|des|dec)\.?\s+\d{4}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4})$`)

// maxFooterRows bounds a block: signatures and totals take a few rows.
const maxFooterRows = 20

// rosterFooter is the state of blocks below the table.
type rosterFooter struct {
	start int         // the line of the open block's first row; 0 when none is open
	text  string      // its first value
	held  []footerRow // its rows, read as volunteers if it turns out to be a list

	// Counts behind the warning, with the first block's line and text.
	blocks, rows, firstLine int
	firstText               string
}

type footerRow struct {
	rec  []string
	line int
}

// footerTakes reports whether the row (trimmed in p.vals) belongs to a
// block below the table, and keeps it there.
func (p *rosterParser) footerTakes(rec []string, line int) bool {
	f := &p.footer
	if f.start > 0 {
		if p.footerData() {
			p.closeFooter()
			return false
		}
		if len(f.held) < maxFooterRows {
			f.held = append(f.held, footerRow{append([]string(nil), rec...), line})
			return true
		}
		p.reopenFooter()
		p.trimRow(rec) // p.vals held the block's rows: the caller's row again
		return false
	}
	if p.dataRows == 0 {
		return false
	}
	col, first := -1, ""
	for i, v := range p.vals {
		if v != "" {
			col, first = i, v
			break
		}
	}
	// "Ketua", "Sekretaris" in a Jabatan or Ketua column are offices in
	// the contingent, not a signature.
	if c := p.layout.cols; col < len(c) && (c[col].role == roleLeader || c[col].roleHint) {
		return false
	}
	if !footerStart(first, p.afterBlank) || p.footerData() {
		return false
	}
	f.start, f.text = line, rosterCollapse(first)
	f.held = append(f.held[:0], footerRow{append([]string(nil), rec...), line})
	return true
}

// footerData reports whether the row in p.vals looks like a volunteer (or
// a header) rather than part of a signature block. It counts the signs of
// a volunteer: an ID with a digit, a contingent already met in the file, a
// gender, a number in the "No" column. Signatures are not numbered, and a
// signatory's name has none of these beside it: one sign with a name
// makes a volunteer, two without one (a volunteer whose name is missing).
func (p *rosterParser) footerData() bool {
	l, vals := &p.layout, p.vals
	cell := func(i int) string {
		if i < 0 || i >= len(vals) || rosterPlaceholder(vals[i]) || footerText(vals[i], false) {
			return ""
		}
		return vals[i]
	}
	named := false
	if i := l.index[roleName]; i < len(vals) && vals[i] != "" {
		if rosterHeaders[normHeader(vals[i])] == roleName {
			return true // the header of a list pasted below
		}
		named = true
	}
	signs := 0
	if strings.ContainsAny(cell(l.index[roleID]), "0123456789") {
		signs++
	}
	if c := cell(l.index[roleContingent]); c != "" && p.contingents[strings.ToLower(rosterCollapse(c))] {
		signs++
	}
	if g, ok := NormalizeGender(cell(l.index[roleGender])); ok && g != "" {
		signs++
	}
	for i, c := range l.cols {
		if n := cell(i); c.role == roleCounter && n != "" && strings.Trim(n, "0123456789.") == "" {
			signs++
			break
		}
	}
	return named && signs >= 1 || signs >= 2
}

// footerStart reports whether a row whose first value is s may start a
// block: after a blank row any of footerWords or a place and date; right
// below the table only a total.
func footerStart(s string, afterBlank bool) bool {
	if !afterBlank {
		return footerWord(s, footerTotals)
	}
	return footerText(s, true)
}

// footerText reports whether s is a line of a signature block; first says
// that s is the first value of its row.
func footerText(s string, first bool) bool {
	if footerWord(s, footerWords) || first && footerWord(s, footerFirstWords) {
		return true
	}
	return len(s) < 80 && footerPlaceDate.MatchString(rosterCollapse(s))
}

// footerWord reports whether s starts with one of words, as a whole word.
func footerWord(s string, words []string) bool {
	if len(s) > 200 {
		s = s[:200]
	}
	s = strings.ToLower(s)
	for _, w := range words {
		if !strings.HasPrefix(s, w) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[len(w):]); len(s) == len(w) || !unicode.IsLetter(r) && !unicode.IsDigit(r) || strings.HasSuffix(w, ".") {
			return true
		}
	}
	return false
}

// closeFooter skips the open block, if any.
func (p *rosterParser) closeFooter() {
	f := &p.footer
	if f.start == 0 {
		return
	}
	if f.blocks++; f.blocks == 1 {
		f.firstLine, f.firstText = f.start, f.text
	}
	f.rows += len(f.held)
	f.start, f.held = 0, f.held[:0]
}

// reopenFooter reads the rows of the open block as volunteers after all:
// it is too long for signatures, and a list should not be dropped.
func (p *rosterParser) reopenFooter() {
	f := &p.footer
	held := f.held
	f.start, f.held = 0, nil
	for _, r := range held {
		p.trimRow(r.rec)
		p.record(r.rec, r.line)
	}
}

func (f *rosterFooter) warning() string {
	if f.blocks == 1 {
		return fmt.Sprintf("%d %s below the table (from row %d, '%s') skipped: signatures or totals, not volunteers",
			f.rows, rosterPlural(f.rows, "row", "rows"), f.firstLine, rosterShort(f.firstText))
	}
	return fmt.Sprintf("%d blocks below the tables (%d rows, the first from row %d, '%s') skipped: signatures or totals, not volunteers",
		f.blocks, f.rows, f.firstLine, rosterShort(f.firstText))
}
