package model

import (
	"fmt"
	"unicode/utf8"
)

// Lengths of what a roster row brings: capped, and said where.

// checkLengths refuses a row whose name, contingent or ID is too long to
// be one: a cell pasted into the wrong column, or a whole paragraph.
func (p *rosterParser) checkLengths(v *Volunteer, line int) {
	l := &p.layout
	for _, f := range []struct {
		role colRole
		val  string
		max  int
	}{{roleName, v.Name, MaxNameLen}, {roleContingent, v.Contingent, MaxTextLen}, {roleID, v.ID, MaxTextLen},
		{rolePillar, v.Pillar, MaxTextLen}, {rolePhone, v.Phone, MaxTextLen}} {
		if n := utf8.RuneCountInString(f.val); n > f.max {
			col := ""
			if i := l.index[f.role]; i >= 0 {
				col = l.cols[i].name
			}
			p.add(Problem{Line: line, Column: col, Msg: fmt.Sprintf(
				"the value is %d characters long, more than %d: '%s'; shorten it", n, f.max, rosterShort(f.val))})
		}
	}
}

// cut caps an extra column's value at MaxTextLen characters, noting the
// first place it did.
func (p *rosterParser) cut(s, column string, line int) string {
	c, cut := CleanText(s, MaxTextLen)
	if cut {
		if p.cuts++; p.cuts == 1 {
			p.cutLine, p.cutColumn = line, column
		}
	}
	return c
}
