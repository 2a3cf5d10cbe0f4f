package model

import (
	"slices"
	"strings"
)

// The fold's contingents are a function of the set of spellings its
// records carry (after renames), never of the order they came in, so
// replicas that receive the same records and events in different orders
// show the same contingents. Each spelling is resolved by ContingentNames,
// the resolver of the import and the screens, over the whole set at once:
// a new spelling is rare (tens per event), so the set is resolved anew
// when one comes or goes, and a known spelling is a map lookup.

// spellings is the set of contingent spellings the records carry, and what
// each name resolves to among them.
type spellings struct {
	carriers map[string]*int   // spelling -> records that carry it
	stages   []renameStage     // each standing rename, in fold order
	last     *ContingentNames  // the spellings after every rename
	shown    map[string]string // name filed under -> the contingent it is shown as
	held     bool              // a roster or log is being folded: rebuild once it is in
	pending  bool              // held, and the set or the renames changed
}

// renameStage is one rename applied to the spellings before it.
type renameStage struct {
	names    *ContingentNames // the spellings before this rename
	from, to string
}

func newSpellings() *spellings {
	return &spellings{carriers: map[string]*int{}, last: NewContingentNames(), shown: map[string]string{}}
}

// add counts one more record of spelling; true when the spelling is new.
// The counts are pointed to, so the usual case is one lookup.
func (sp *spellings) add(spelling string) bool {
	if n := sp.carriers[spelling]; n != nil {
		*n++
		return false
	}
	n := 1
	sp.carriers[spelling] = &n
	return true
}

// drop counts one record of spelling less; true when none is left.
func (sp *spellings) drop(spelling string) bool {
	n := sp.carriers[spelling]
	if n == nil {
		return false // not counted: nothing to drop
	}
	if *n--; *n > 0 {
		return false
	}
	delete(sp.carriers, spelling)
	return true
}

// rebuild resolves the set anew, with the standing renames in fold order,
// and reports whether any name resolved before now resolves differently.
func (sp *spellings) rebuild(renames []*Event) (changed bool) {
	set := make([]string, 0, len(sp.carriers))
	for n := range sp.carriers {
		set = append(set, n)
	}
	sp.stages = sp.stages[:0]
	for _, r := range renames {
		st := renameStage{names: rankedNames(set), from: r.Contingent, to: r.Note}
		sp.stages = append(sp.stages, st)
		for i, n := range set {
			set[i] = st.apply(n)
		}
		slices.Sort(set)
		set = slices.Compact(set)
	}
	sp.last = rankedNames(set)
	before := sp.shown
	sp.shown = make(map[string]string, len(before))
	for name, was := range before {
		if sp.file(name) != was {
			changed = true
		}
	}
	return changed
}

// apply is name after this rename: a spelling of the renamed contingent,
// as the resolver tells among the names before it, takes the new name.
func (st renameStage) apply(name string) string {
	if st.names.same(name, st.from) {
		return st.to
	}
	return name
}

// renamed is name with the renames applied in order.
func (sp *spellings) renamed(name string) string {
	for _, st := range sp.stages {
		name = st.apply(name)
	}
	return name
}

// file is the contingent name is shown under: renamed, then the shown
// spelling of its contingent, or itself when no record carries it. The
// fold files people and sign-offs under it, so it is remembered: rebuild
// sees which of them move.
func (sp *spellings) file(name string) string {
	if d, ok := sp.shown[name]; ok {
		return d
	}
	d := sp.renamed(name)
	if r, ok := sp.last.lookup(d); ok {
		d = r
	}
	sp.shown[name] = d
	return d
}

// rankedNames is the resolver of a set of spellings, each contingent shown
// by its first spelling in this order: one that says its kind ("Kab.
// Balangan") before one that does not ("Balangan"), one in mixed case
// before one in capitals ("KABUPATEN BALANGAN"), then byte order. So every
// set has one first spelling, whichever replica saw which spelling first.
func rankedNames(set []string) *ContingentNames {
	type ranked struct {
		name        string
		parts       nameParts
		allCapitals bool
	}
	rs := make([]ranked, len(set))
	for i, n := range set {
		rs[i] = ranked{n, partsOf(n), strings.ToUpper(n) == n && strings.ToLower(n) != n}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if ab, bb := a.parts.kind == "", b.parts.kind == ""; ab != bb {
			return cmpBool(ab, bb)
		}
		if a.allCapitals != b.allCapitals {
			return cmpBool(a.allCapitals, b.allCapitals)
		}
		return strings.Compare(a.name, b.name)
	})
	names := make([]string, len(rs))
	parts := make([]nameParts, len(rs))
	for i, r := range rs {
		names[i], parts[i] = r.name, r.parts
	}
	return newContingentNames(names, parts)
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
