package model

import (
	"fmt"
	"slices"
	"strings"
)

// regionColumn guards --contingent: a file whose rows name several regions
// in a column hadir did not recognise is not one contingent's, and reading
// it as one would put everyone in the same place. It returns the problem
// naming that column.
func (p *rosterParser) regionColumn() (Problem, bool) {
	if p.contingent == "" || p.layout.index[roleContingent] >= 0 {
		return Problem{}, false
	}
	for i, c := range p.layout.cols {
		if c.role != roleExtra {
			continue
		}
		seen := map[string]string{}
		for _, v := range p.out.Volunteers {
			val := v.ExtraValue(c.name)
			if kind, base := contingentParts(val); kind != "" && base != "" {
				if _, ok := seen[kind+":"+base]; !ok && len(seen) < 3 {
					seen[kind+":"+base] = val
				}
			}
		}
		if len(seen) < 2 {
			continue
		}
		var ex []string
		for _, v := range seen {
			ex = append(ex, "'"+rosterShort(v)+"'")
		}
		slices.Sort(ex)
		return Problem{Line: p.out.HeaderLine, Column: c.name, Msg: fmt.Sprintf(
			"this column (column %d) names several regions (%s), so the file is not one contingent's: "+
				"rename its header to 'Kontingen' and import without --contingent", i+1, strings.Join(ex, ", "))}, true
	}
	return Problem{}, false
}
