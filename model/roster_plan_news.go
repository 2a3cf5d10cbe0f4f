package model

import (
	"slices"
	"strings"
)

// What an import does to the contingents, told on its own lines: a file's
// spelling taken as a contingent already here, and a contingent the file
// adds, with the names already here it may have meant.

// Spelling is a contingent as a file wrote it, taken as another name.
type Spelling struct {
	From, To string
	Rows     int
}

// NewContingent is a contingent an import adds to a store that has some.
type NewContingent struct {
	Name   string
	People int
	// Closest are contingents already here it may be (a short form hadir
	// does not know, a typo): merge with `hadir contingent rename`.
	Closest []string
}

// noteSpelling counts a row whose contingent from was taken as to.
func (p *ImportPlan) noteSpelling(from, to string) {
	for i := range p.Spellings {
		if p.Spellings[i].From == from && p.Spellings[i].To == to {
			p.Spellings[i].Rows++
			return
		}
	}
	p.Spellings = append(p.Spellings, Spelling{From: from, To: to, Rows: 1})
}

// noteNewContingents lists the contingents of the people added that the
// store did not have, when it had some. cont gives a name as shown.
func (p *ImportPlan) noteNewContingents(stored []Volunteer, cont func(string) string) {
	var have []string
	known := map[string]bool{}
	for _, v := range stored {
		c := cont(v.Contingent)
		if k := ContingentKey(c); !known[k] {
			known[k] = true
			have = append(have, c)
		}
	}
	if len(have) == 0 {
		return // the first file: every contingent is new
	}
	index := map[string]int{}
	for _, v := range p.Added {
		k := ContingentKey(v.Contingent)
		if known[k] {
			continue
		}
		i, ok := index[k]
		if !ok {
			i = len(p.NewContingents)
			index[k] = i
			p.NewContingents = append(p.NewContingents, NewContingent{Name: v.Contingent, Closest: closestContingents(v.Contingent, have)})
		}
		p.NewContingents[i].People++
	}
}

// closestContingents lists up to three contingents of have that name may
// mean: its initials ("HSU" for Hulu Sungai Utara), or a name a few
// letters from it.
func closestContingents(name string, have []string) []string {
	_, base := contingentParts(name)
	var out []string
	for _, h := range have {
		if initials(h) == base && len(base) >= 2 {
			out = append(out, h)
		}
	}
	for _, h := range Closest(name, have, contingentBaseWords, 3) {
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out[:min(len(out), 3)]
}

// contingentBaseWords is a key for Closest: a contingent's name without
// its kind, in folded words.
func contingentBaseWords(s string) string {
	words := foldWords(s)
	if len(words) > 1 {
		if _, ok := contingentKinds[words[0]]; ok {
			words = words[1:]
		}
	}
	return strings.Join(words, " ")
}

// initials are the first letters of a contingent's words, without its
// kind: "Kab. Hulu Sungai Utara" gives "hsu".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(contingentBaseWords(s)) {
		b.WriteString(w[:1])
	}
	return b.String()
}

// moveByPhone takes each row without an ID that matched nobody of its
// contingent as the one stored person of another contingent with the same
// name and phone whom no row took: the same person, who answered a form
// for the wrong contingent first.
func (p *ImportPlan) moveByPhone(stored []Volunteer, rows []ImportRow, unknown, target []int, matched map[int]int, take func(row, st int)) {
	byPhone := map[string][]int{}
	for _, i := range unknown {
		if k := namePhoneKey(rows[i].Name, rows[i].Phone); k != "" {
			byPhone[k] = append(byPhone[k], i)
		}
	}
	if len(byPhone) == 0 {
		return
	}
	hits := map[string][]int{}
	for st, v := range stored {
		if _, ok := matched[st]; ok || v.Source == SourceWalkIn {
			continue
		}
		if k := namePhoneKey(v.Name, v.Phone); k != "" {
			if _, want := byPhone[k]; want {
				hits[k] = append(hits[k], st)
			}
		}
	}
	for _, i := range unknown {
		k := namePhoneKey(rows[i].Name, rows[i].Phone)
		if k == "" || target[i] >= 0 {
			continue
		}
		if len(byPhone[k]) != 1 || len(hits[k]) != 1 {
			continue // more than one: not guessed
		}
		st := hits[k][0]
		take(i, st)
		p.Moved = append(p.Moved, Correction{Line: rows[i].Line, From: stored[st], To: rows[i].Volunteer})
	}
}
