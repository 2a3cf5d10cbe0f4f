package model

import (
	"fmt"
	"strings"
	"unicode"
)

// A header on two rows: group titles above the column names, merged
// across the columns they cover ("Kontak" over "HP" and "Email", "Jenis
// Kelamin" over "L" and "P"). The row below the header is taken as the
// rest of it when its cells sit under a group (a header cell followed by
// blank ones, or a blank one) and none is a volunteer's name; the two rows
// are read as one header.

// noContingent refuses a file without a contingent column when no
// --contingent says whose it is: every row would say the same.
// rec is the first row below the header, if any: a column of it that
// names a region is named, as the contingent column it may be.
func (p *rosterParser) noContingent(line int, rec []string) *ParseError {
	if p.contingent != "" || p.layout.index[roleContingent] >= 0 || p.byStoredID() {
		return nil
	}
	return p.noContingentFail(line, rec)
}

// noContingentFail says the file has no contingent column, naming a column
// that looks like one.
func (p *rosterParser) noContingentFail(line int, rec []string) *ParseError {
	for i, c := range p.layout.cols {
		if i >= len(rec) || c.role != roleExtra {
			continue
		}
		v := Clean(rec[i], MaxTextLen)
		if kind, base := contingentParts(v); kind != "" && base != "" {
			return rosterFail(line, fmt.Sprintf("no contingent column, but column %d ('%s') names a region ('%s'): "+
				"if it is the contingent, rename its header to 'Kontingen' and import again; if the file is one contingent's, import it with --contingent NAME",
				i+1, rosterShort(c.name), rosterShort(v)))
		}
	}
	return rosterFail(line, "no contingent column: this looks like the file of a single contingent; "+
		"import it with --contingent NAME, or add a column 'Kontingen'")
}

// byStoredID reports whether rows take their contingent from the store by
// their ID: the file has IDs but no contingent column, and no --contingent.
func (p *rosterParser) byStoredID() bool {
	return p.opt.StoredContingent != nil && p.contingent == "" &&
		p.layout.index[roleContingent] < 0 && p.layout.index[roleID] >= 0
}

// secondHeaderRow reads rec, the row just below the header, as the rest of
// the header if it is one. It reports whether it was.
func (p *rosterParser) secondHeaderRow(rec []string, line int) bool {
	hdr := p.headerRec
	name := p.layout.index[roleName]
	if name < len(rec) {
		if v := Clean(rec[name], MaxTextLen); v != "" && v != Clean(hdr[name], MaxTextLen) {
			return false
		}
	}
	top := func(i int) string {
		if i < len(hdr) {
			return Clean(hdr[i], MaxTextLen)
		}
		return ""
	}
	subs := 0
	for i, c := range rec {
		v := Clean(c, MaxTextLen)
		switch {
		case v == "" || v == top(i):
			continue // empty, or a header cell merged down
		case len(v) > 40 || !strings.ContainsFunc(v, unicode.IsLetter):
			return false
		case top(i) != "" && (top(i+1) != "" || i+1 >= max(len(hdr), len(rec))):
			return false // under a header of its own column: a row of data
		}
		subs++
	}
	if subs == 0 {
		return false
	}
	combined := make([]string, max(len(hdr), len(rec)))
	group := ""
	ticks := map[int]string{}
	for i := range combined {
		t, sub := top(i), ""
		if i < len(rec) {
			sub = Clean(rec[i], MaxTextLen)
		}
		if t != "" {
			group = t
		}
		switch {
		case sub == "" || sub == t:
			combined[i] = t
		case genderHeader(group) && (sub == "L" || sub == "P" || strings.EqualFold(sub, "lk") || strings.EqualFold(sub, "pr")):
			combined[i] = group + " " + sub
			ticks[i] = strings.ToUpper(sub[:1])
		case knownHeader(sub) || group == "":
			combined[i] = sub
		default:
			combined[i] = group + " " + sub
		}
	}
	l, ok := layoutOfShown(combined, p.hiddenCols)
	if !ok {
		return false
	}
	setTicks(&l, ticks)
	p.layout = l
	p.out.Columns = p.out.Columns[:0]
	for _, c := range l.cols {
		p.out.Columns = append(p.out.Columns, c.name)
	}
	p.out.Warnings = append(p.out.Warnings, fmt.Sprintf("the header is on two rows (%d and %d, with group titles above the column names): read as one", p.out.HeaderLine, line))
	return true
}

// genderHeader reports a header that names the gender ("Jenis Kelamin").
func genderHeader(h string) bool {
	r, ok := headerRole(h)
	return ok && r == roleGender
}

// knownHeader reports a header hadir reads as one of its fields.
func knownHeader(h string) bool {
	_, ok := headerRole(h)
	return ok
}

// headerRole is the field a header names: by a known spelling, else by
// its words (headerByWords).
func headerRole(h string) (colRole, bool) {
	n := normHeader(h)
	if r, ok := rosterHeaders[n]; ok {
		return r, true
	}
	return headerByWords(n)
}

// tickGender is the gender of a row marked in an L or a P column under
// "Jenis Kelamin"; "" when neither or both are marked.
func (p *rosterParser) tickGender(vals []string) string {
	l := &p.layout
	if l.tick[0] < 0 || l.tick[1] < 0 {
		return ""
	}
	mark := func(i int) bool {
		return i < len(vals) && vals[i] != "" && !rosterPlaceholder(vals[i]) && vals[i] != "0"
	}
	switch m, f := mark(l.tick[0]), mark(l.tick[1]); {
	case m && !f:
		return "L"
	case f && !m:
		return "P"
	}
	return ""
}

// setTicks makes the L and P columns under a gender group (ticks, column
// -> "L" or "P") the gender, unless another column names it.
func setTicks(l *rosterLayout, ticks map[int]string) {
	g := l.index[roleGender]
	if len(ticks) != 2 || g >= 0 && ticks[g] == "" {
		return
	}
	if g >= 0 {
		l.index[roleGender] = -1
		l.score--
	}
	for i, t := range ticks {
		l.cols[i].role = roleHidden
		l.tick[boolInt(t == "P")] = i
	}
}

// headerBelowGroups reads a header found just below a row of group
// titles: a blank header cell takes the title above it (a cell merged
// down: "No" over the counters), and L and P columns under "Jenis
// Kelamin" are the gender.
func headerBelowGroups(l rosterLayout, above, rec []string, hidden map[int]bool) (rosterLayout, []string) {
	filled := append([]string(nil), rec...)
	changed := false
	for i, c := range rec {
		if i < len(above) && Clean(c, MaxTextLen) == "" && Clean(above[i], MaxTextLen) != "" {
			filled[i], changed = above[i], true
		}
	}
	if changed {
		if nl, ok := layoutOfShown(filled, hidden); ok {
			l, rec = nl, filled
		}
	}
	ticks := map[int]string{}
	group := ""
	for i, c := range rec {
		if i < len(above) && Clean(above[i], MaxTextLen) != "" {
			group = Clean(above[i], MaxTextLen)
		}
		if v := strings.ToUpper(Clean(c, MaxTextLen)); (v == "L" || v == "P" || v == "LK" || v == "PR") && genderHeader(group) {
			ticks[i] = v[:1]
		}
	}
	setTicks(&l, ticks)
	return l, rec
}
