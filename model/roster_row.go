package model

import (
	"cmp"
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"strings"
	"unicode"
)

// row takes one record below the header: a blank row, a row of a block
// below the table (signatures, totals), or a volunteer.
func (p *rosterParser) row(rec []string, line int) {
	if p.trimRow(rec) {
		if p.dataRows > 0 {
			p.afterBlank = true
		}
		return
	}
	if p.footerTakes(rec, line) {
		return
	}
	p.record(rec, line)
}

// trimRow puts the trimmed cells of rec in p.vals and reports whether the
// row is blank.
func (p *rosterParser) trimRow(rec []string) (blank bool) {
	l := &p.layout
	p.vals = p.vals[:0]
	blank = true
	for i, c := range rec {
		// Clean on the way in: no control, escape, bidi or invisible
		// characters reach the store, a screen or a spreadsheet.
		v := Clean(c, 0)
		p.vals = append(p.vals, v)
		// A template row numbered in advance but never filled in is blank.
		if v != "" && (i >= len(l.cols) || l.cols[i].role != roleCounter) {
			blank = false
		}
	}
	return blank
}

// record turns a row that is not blank (trimmed in p.vals) into a
// volunteer, or problems.
func (p *rosterParser) record(rec []string, line int) {
	l := &p.layout
	p.dataRows++
	p.afterBlank = false
	vals := p.vals
	get := func(r colRole) string {
		if i := l.index[r]; i >= 0 && i < len(vals) && !rosterPlaceholder(vals[i]) {
			return vals[i]
		}
		return ""
	}
	colName := func(i int) string {
		if i < 0 || i >= len(l.cols) {
			return ""
		}
		return l.cols[i].name
	}
	// A header repeated below the first (files pasted together, perhaps in
	// another spelling: "NAMA LENGKAP") is skipped.
	if i := l.index[roleName]; i < len(vals) && rosterHeaders[normHeader(vals[i])] == roleName {
		if p.repeatHdrs++; p.repeatHdrs == 1 {
			p.repeatLine = line
		}
		return
	}

	before := len(p.problems)
	for i, c := range rec {
		if len(c) > MaxRosterFieldBytes {
			p.add(Problem{Line: line, Column: colName(i), Msg: fmt.Sprintf(
				"value is %d bytes, longer than %d; shorten it", len(c), MaxRosterFieldBytes)})
		}
	}
	for i := len(l.cols); i < len(vals); i++ {
		if vals[i] != "" {
			p.add(Problem{Line: line, Msg: fmt.Sprintf(
				"%d values but the header has %d columns: the value '%s' in column %d has no header; "+
					"remove it, add a header, or quote a value that contains the delimiter",
				len(vals), len(l.cols), rosterShort(vals[i]), i+1)})
			break
		}
	}

	v := Volunteer{Source: SourceRoster}
	v.Name = get(roleName)
	switch {
	case v.Name == "":
		p.add(Problem{Line: line, Column: colName(l.index[roleName]), Msg: "no name; fill it in or delete the row"})
	case rosterExcelError(v.Name):
		p.add(Problem{Line: line, Column: colName(l.index[roleName]), Msg: fmt.Sprintf(
			"name '%s' is a spreadsheet error, not a name; fix the formula or type the name", v.Name)})
	case !strings.ContainsFunc(v.Name, unicode.IsLetter):
		p.add(Problem{Line: line, Column: colName(l.index[roleName]), Msg: fmt.Sprintf(
			"name '%s' has no letters; fill in the name or delete the row", rosterShort(v.Name))})
	}

	v.Contingent = p.contingent
	if i := l.index[roleContingent]; i >= 0 {
		c := get(roleContingent)
		switch {
		case p.contingent != "":
			if c != "" && !strings.EqualFold(c, p.contingent) {
				if p.overrides++; p.overrides == 1 {
					p.overLine, p.overValue = line, c
				}
			}
		case c == "":
			p.add(Problem{Line: line, Column: colName(i), Msg: "no contingent; fill it in, or import the file with --contingent NAME"})
		default:
			v.Contingent = c
			if len(p.contingents) < 10_000 {
				p.contingents[strings.ToLower(c)] = true
			}
		}
	}

	if g, ok := NormalizeGender(get(roleGender)); ok {
		v.Gender = cmp.Or(g, p.tickGender(vals))
	} else {
		p.add(Problem{Line: line, Column: colName(l.index[roleGender]), Msg: fmt.Sprintf(
			"gender '%s' is not L or P; write L (laki-laki) or P (perempuan), or leave it empty", rosterShort(get(roleGender)))})
	}

	v.Pillar = get(rolePillar)
	if ph, ok := NormalizePhone(get(rolePhone)); ok {
		v.Phone = ph
	} else {
		p.add(Problem{Line: line, Column: colName(l.index[rolePhone]), Msg: fmt.Sprintf(
			"phone '%s' is a number Excel turned into scientific notation: its digits are lost; "+
				"format the column as text, type the number again and export again", rosterShort(ph))})
	}
	v.Leader = rosterYes[normHeader(get(roleLeader))]
	p.said = get(roleLeader) != ""
	v.Extra = p.extras(vals, &v, line)
	v.ID = strings.TrimPrefix(get(roleID), "'")
	if p.byStoredID() {
		if c, ok := p.opt.StoredContingent(v.ID); ok && v.ID != "" {
			v.Contingent = c
			p.storedFound++
		} else {
			p.add(Problem{Line: line, Column: colName(p.layout.index[roleID]), Msg: fmt.Sprintf(
				"ID '%s' is not in the store, and the file has no contingent column to place a new person: add a column 'Kontingen', or import it with --contingent NAME",
				rosterShort(v.ID))})
		}
	}
	p.checkLengths(&v, line)
	if len(p.problems) > before {
		who := p.identify(&v)
		for k := before; k < len(p.problems); k++ {
			p.problems[k].Who = who
		}
		p.badRows++
		return
	}
	p.addVolunteer(v, line)
}

// extras collects the columns hadir has no field for, in column order.
// Named columns are always kept, so every volunteer has the same keys; a
// column without a header only when it has a value.
func (p *rosterParser) extras(vals []string, v *Volunteer, line int) []Field {
	var fs []Field
	for i, c := range p.layout.cols {
		val := ""
		if i < len(vals) {
			val = p.cut(vals[i], c.name, line)
		}
		switch c.role {
		case roleExtra:
			if c.roleHint && rosterLeaderRoles[normHeader(val)] {
				v.Leader = true
			}
			if c.roleHint && val != "" {
				p.said = true
			}
			if fs == nil {
				fs = make([]Field, 0, len(p.layout.cols)-p.layout.score)
			}
			fs = append(fs, Field{Key: c.name, Value: val})
		case roleBlank:
			if val != "" {
				p.unnamed++
				fs = append(fs, Field{Key: fmt.Sprintf("column %d", i+1), Value: val})
			}
		}
	}
	return fs
}

// addVolunteer checks that v's ID is new in this file and keeps v. A row
// without an ID gets one in finish, once every row is in (namesakes).
func (p *rosterParser) addVolunteer(v Volunteer, line int) {
	generated := v.ID == ""
	if !generated {
		if n, ok := digitID(v.ID); ok && n != strings.TrimLeft(v.ID, "0") {
			v.ID = strings.TrimSuffix(strings.TrimSuffix(v.ID, ".0"), ",0") // "12.0": a number cell
		}
		key := IDKey(v.ID)
		if first, dup := p.seen[key]; dup {
			col := p.layout.cols[p.layout.index[roleID]].name
			numbers := ""
			if _, ok := digitID(v.ID); ok {
				numbers = " (IDs of digits are numbers: 1, 001 and 1.0 are one ID)"
			}
			p.add(Problem{Line: line, Column: col, Msg: fmt.Sprintf(
				"ID '%s' is also on row %d%s; give each volunteer their own ID, or delete the repeated row",
				v.ID, first, numbers), Who: v.Name})
			p.badRows++
			return
		}
		p.seen[key] = line
	}
	p.out.Volunteers = append(p.out.Volunteers, v)
	p.out.Lines = append(p.out.Lines, line)
	p.out.Generated = append(p.out.Generated, generated)
	p.out.leaderSaid = append(p.out.leaderSaid, p.said)
	if i := p.layout.stamp; i >= 0 {
		stamp := ""
		if i < len(p.vals) { // a short row lacks the cells at its end
			stamp = p.vals[i]
		}
		p.stamps = append(p.stamps, stamp)
	}
}

// rosterExcelError reports a spreadsheet's error value, shown where a
// formula failed (a lookup that found nothing: "#N/A").
func rosterExcelError(s string) bool {
	switch s {
	case "#N/A", "#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA":
		return true
	}
	return false
}

// rosterPlaceholder reports a value that means "not filled in".
func rosterPlaceholder(s string) bool {
	switch s {
	case "-", "--", "–", "—":
		return true
	}
	return false
}

// generatedPrefix starts every made-up ID.
const generatedPrefix = "G-"

// generatedID gives a row without an ID one that is the same each time the
// same person is imported: it hashes the normalised name and contingent
// (see personKey), so a corrected phone keeps the ID and the person. Two
// namesakes of one contingent add their phone and gender to tell them
// apart. 40 bits of SHA-256 in base32 (no 0/1/8 to misread): collisions
// among 100,000 rows are ~1 in 200, and the import makes another on one.
func generatedID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return generatedPrefix + base32.StdEncoding.EncodeToString(sum[:5])
}

// phoneKey folds a phone number to its digits with a national 0 prefix.
// It is looser than NormalizePhone on purpose: a short or partial number
// written with 62 ("62812555") still matches its 0 form when rows are
// compared.
func phoneKey(s string) string {
	d := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d = append(d, s[i])
		}
	}
	if len(d) > 2 && d[0] == '6' && d[1] == '2' {
		d = append([]byte{'0'}, d[2:]...)
	}
	return string(d)
}

// identify picks the value that tells the user which row a problem is on:
// the Google Forms timestamp (names repeat in a form), else the name, else
// the ID, else the first value of the row.
func (p *rosterParser) identify(v *Volunteer) string {
	if i := p.layout.stamp; i >= 0 && i < len(p.vals) && p.vals[i] != "" {
		return p.vals[i]
	}
	if v.Name != "" {
		return v.Name
	}
	if i := p.layout.index[roleID]; i >= 0 && i < len(p.vals) && p.vals[i] != "" {
		return p.vals[i]
	}
	for i, val := range p.vals {
		if val != "" && (i >= len(p.layout.cols) || p.layout.cols[i].role != roleCounter) {
			return val
		}
	}
	return ""
}
