package model

import (
	"fmt"
	"slices"
	"time"
)

// Namesakes are people of one name in one contingent, told apart by their
// phones (or gender): all of them are kept.
type Namesakes struct {
	Name, Contingent string
	Phones           []string
	Lines            []int
}

// Repeat is a Google Forms response sent again by the same person (same
// name, contingent and phone): only the latest by the timestamp is kept.
type Repeat struct {
	Line, KeptLine int
	Name           string
	Stamp          string // the timestamp of the response left out
	Contingent     string // the contingent the response left out named, when it differs from the one kept
}

// makeIDs gives the rows without an ID one made from the normalised name
// and contingent, once every row is in: namesakes add phone and gender, a
// repeated Forms response gives way to the latest, and a row that nothing
// tells from another is a problem.
func (p *rosterParser) makeIDs() {
	out := p.out
	spellings := make([]string, len(out.Volunteers))
	for i, v := range out.Volunteers {
		spellings[i] = v.Contingent
	}
	shown := unifyContingents(spellings)
	drop := p.formRepeats()
	groups := map[string][]int{}
	var order []string
	for i, v := range out.Volunteers {
		if !out.Generated[i] || drop[i] {
			continue
		}
		k := personKey(v.Name, shown[v.Contingent])
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		g := groups[k]
		if len(g) == 1 {
			out.Volunteers[g[0]].ID = generatedID(k)
			continue
		}
		// Within a group of one name, rows alike in phone and gender are
		// one person written twice.
		first := map[string]int{}
		var kept []int
		for _, i := range g {
			v := &out.Volunteers[i]
			sub := phoneKey(v.Phone) + "|" + v.Gender
			j, seen := first[sub]
			if !seen {
				first[sub] = i
				kept = append(kept, i)
				v.ID = generatedID(k + "|" + sub)
				continue
			}
			if p.layout.stamp < 0 {
				p.add(Problem{Line: out.Lines[i], Column: p.layout.cols[p.layout.index[roleName]].name, Msg: fmt.Sprintf(
					"the same volunteer as on row %d ('%s', %s, phone %s) and no ID to tell them apart; "+
						"delete the repeated row, or if they are two people give both an ID", out.Lines[j], rosterShort(v.Name), v.Contingent, orNone(v.Phone))})
				p.badRows++
				drop[i] = true
				continue
			}
			// The later response wins; the earlier one is left out.
			older, newer := j, i
			if laterStamp(p.stamps[j], p.stamps[i]) {
				older, newer = i, j
			}
			out.Volunteers[newer].ID = out.Volunteers[j].ID
			drop[older] = true
			first[sub] = newer
			if k := slices.Index(kept, j); k >= 0 {
				kept[k] = newer
			}
			out.Repeats = append(out.Repeats, Repeat{Line: out.Lines[older], KeptLine: out.Lines[newer],
				Name: out.Volunteers[older].Name, Stamp: p.stamps[older]})
		}
		if len(kept) > 1 {
			ns := Namesakes{Name: out.Volunteers[kept[0]].Name, Contingent: out.Volunteers[kept[0]].Contingent}
			for _, i := range kept {
				ns.Phones = append(ns.Phones, out.Volunteers[i].Phone)
				ns.Lines = append(ns.Lines, out.Lines[i])
			}
			out.Namesakes = append(out.Namesakes, ns)
		}
	}
	if len(drop) == 0 {
		return
	}
	n := 0
	for i := range out.Volunteers {
		if !drop[i] {
			out.Volunteers[n], out.Lines[n], out.Generated[n] = out.Volunteers[i], out.Lines[i], out.Generated[i]
			out.leaderSaid[n] = out.leaderSaid[i]
			n++
		}
	}
	out.Volunteers, out.Lines, out.Generated = out.Volunteers[:n], out.Lines[:n], out.Generated[:n]
	out.leaderSaid = out.leaderSaid[:n]
	slices.SortStableFunc(p.problems, func(a, b Problem) int { return a.Line - b.Line })
}

// formRepeats finds, in a Google Form's responses, a person who answered
// again under another contingent (the wrong one first): rows without an
// ID of one name and one phone are one person, whatever contingent each
// names. The latest response stands; the others are left out and listed
// in Repeats. It returns the rows left out.
func (p *rosterParser) formRepeats() map[int]bool {
	drop := map[int]bool{}
	out := p.out
	if p.layout.stamp < 0 {
		return drop
	}
	latest := map[string]int{} // name key and phone -> the row that stands
	for i, v := range out.Volunteers {
		if !out.Generated[i] {
			continue
		}
		k := namePhoneKey(v.Name, v.Phone)
		if k == "" {
			continue
		}
		j, seen := latest[k]
		if !seen {
			latest[k] = i
			continue
		}
		if ContingentKey(out.Volunteers[j].Contingent) == ContingentKey(v.Contingent) {
			continue // the same contingent: left to the rules of namesakes below
		}
		older, newer := j, i
		if laterStamp(p.stamps[j], p.stamps[i]) {
			older, newer = i, j
		}
		drop[older] = true
		latest[k] = newer
		out.Repeats = append(out.Repeats, Repeat{Line: out.Lines[older], KeptLine: out.Lines[newer],
			Name: out.Volunteers[older].Name, Stamp: p.stamps[older], Contingent: out.Volunteers[older].Contingent})
	}
	return drop
}

// stampLayouts are the ways Google Forms writes a timestamp, by the
// spreadsheet's locale (day first in Indonesia, month first in the US).
var stampLayouts = []string{
	"2006/01/02 3:04:05 PM MST", "2006/01/02 3:04:05 PM", "1/2/2006 3:04:05 PM",
	"2/1/2006 15:04:05", "1/2/2006 15:04:05", "2006-01-02 15:04:05", "2006/01/02 15:04:05",
	"2/1/2006 15.04.05", "02/01/2006 15:04", "2006-01-02T15:04:05Z07:00",
}

// laterStamp reports whether timestamp a is later than b. When they cannot
// both be read the same way, the row further down (b) counts as later:
// responses are listed in the order they were sent.
func laterStamp(a, b string) bool {
	for _, l := range stampLayouts {
		ta, errA := time.Parse(l, a)
		tb, errB := time.Parse(l, b)
		if errA == nil && errB == nil {
			return ta.After(tb)
		}
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
