package model

import (
	"strings"
)

// Who a roster row is: the keys that tell one person, one contingent and
// one ID from another however an office spelt them.

// Words that say what kind of region a contingent is. Each spelling maps to
// one word, so "Kab.", "Kabupaten" and "KAB" meet; the kind stays in the
// key because "Kota Bogor" and "Kabupaten Bogor" are two places.
var contingentKinds = map[string]string{
	"kab": "kab", "kabupaten": "kab",
	"kota": "kota", "kodya": "kota", "kotamadya": "kota", "kotamadia": "kota",
	"prov": "prov", "provinsi": "prov", "propinsi": "prov", "province": "prov",
}

// ContingentKey is the form contingent names are compared in: "Kab.
// Balangan", "KAB. BALANGAN", "Kabupaten Balangan", "Kab.Balangan" and
// " kab. balangan " all give "kab:balangan". Case, spaces and punctuation
// are ignored; a leading Kab./Kabupaten, Kota/Kodya or Prov./Provinsi is
// kept as its kind, before the colon. The short forms of South
// Kalimantan's regencies and cities are their places: "HSU" gives
// "kab:hulusungaiutara", "Kota Baru" "kab:kotabaru" (roster_region.go).
func ContingentKey(s string) string {
	kind, base := contingentParts(s)
	return kind + ":" + base
}

// contingentParts splits a contingent name into its kind ("kab", "kota",
// "prov" or "") and the rest with every space and mark taken out.
func contingentParts(s string) (kind, base string) {
	words := foldWords(s)
	if len(words) > 1 {
		if k, ok := contingentKinds[words[0]]; ok {
			kind, words = k, words[1:]
		}
	}
	kind, base, _ = regionAlias(kind, strings.Join(words, ""))
	return kind, base
}

// ContingentNames is the one resolver of contingents' spellings: import
// (unifyContingents), the badges, the screens and the store's
// ResolveContingent all ask it. Every spelling of a contingent resolves to
// the first one among the names it was made with. A name without its kind
// ("Balangan") is the one with it ("Kab. Balangan") only when just one kind
// of that name is among them all, whatever the order: "Bogor" stays apart
// when both "Kota Bogor" and "Kab. Bogor" are there.
type ContingentNames struct {
	shown map[string]string          // canonical key -> the first spelling
	kinds map[string]map[string]bool // base -> the kinds written with it
	parts map[string]nameParts       // each of the names, split once
}

// nameParts is a contingent name split by contingentParts.
type nameParts struct{ kind, base string }

func partsOf(name string) nameParts {
	kind, base := contingentParts(name)
	return nameParts{kind, base}
}

// NewContingentNames makes the resolver of names, first spelling first.
func NewContingentNames(names ...string) *ContingentNames {
	parts := make([]nameParts, len(names))
	for i, n := range names {
		parts[i] = partsOf(n)
	}
	return newContingentNames(names, parts)
}

// newContingentNames is NewContingentNames of names already split.
func newContingentNames(names []string, parts []nameParts) *ContingentNames {
	c := &ContingentNames{shown: map[string]string{}, kinds: map[string]map[string]bool{},
		parts: make(map[string]nameParts, len(names))}
	for i, n := range names {
		c.parts[n] = parts[i]
		if p := parts[i]; p.kind != "" {
			if c.kinds[p.base] == nil {
				c.kinds[p.base] = map[string]bool{}
			}
			c.kinds[p.base][p.kind] = true
		}
	}
	for _, n := range names {
		if k, _ := c.key(n); c.shown[k] == "" {
			c.shown[k] = n
		}
	}
	return c
}

// key is name's canonical key among these names: its kind, or the one kind
// its base is written with, then the base. A name of no letters has base "".
func (c *ContingentNames) key(name string) (key, base string) {
	p, ok := c.parts[name]
	if !ok {
		p = partsOf(name)
	}
	kind, base := p.kind, p.base
	if kind == "" && len(c.kinds[base]) == 1 {
		for k := range c.kinds[base] {
			kind = k
		}
	}
	return kind + ":" + base, base
}

// Resolve returns the name shown for a spelling of name. A name with its
// kind also meets a known bare name ("Kab. Balangan" finds "Balangan") when
// no kind of it is known.
func (c *ContingentNames) Resolve(name string) (string, bool) {
	if _, base := contingentParts(name); base == "" {
		return "", false
	}
	return c.lookup(name)
}

// lookup is Resolve without refusing a name of no letters: the fold files
// "" and "-" together, as one contingent of no name.
func (c *ContingentNames) lookup(name string) (string, bool) {
	k, base := c.key(name)
	if d, ok := c.shown[k]; ok {
		return d, true
	}
	if len(c.kinds[base]) == 0 {
		d, ok := c.shown[":"+base]
		return d, ok
	}
	return "", false
}

// same reports whether a and b are one contingent among these names.
func (c *ContingentNames) same(a, b string) bool {
	ka, _ := c.key(a)
	kb, _ := c.key(b)
	if ka == kb {
		return true
	}
	da, okA := c.lookup(a)
	db, okB := c.lookup(b)
	return okA && okB && da == db
}

// SameContingent reports whether two spellings name one contingent, by the
// one resolver's rules with only these two names known: "Balangan" is "Kab.
// Balangan", "Kota Banjar" is not "Kab. Banjar".
func SameContingent(a, b string) bool { return NewContingentNames(a, b).same(a, b) }

// NameKey is the form names are compared in to tell whether two rows are
// one person: the search's normalisation (case, punctuation, old
// spellings, the Muhammad family), without honorifics and degrees.
func NameKey(name string) string {
	ws := nameWords(name)
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		if !w.title {
			parts = append(parts, w.norm)
		}
	}
	if len(parts) == 0 {
		for _, w := range ws {
			parts = append(parts, w.norm)
		}
	}
	return strings.Join(parts, " ")
}

// SamePerson reports whether two names are one person's: the same once
// normalised, apart by a typo (one letter in a short name, two in a long
// one), or one the fuller form of the other, as the search would find it
// ("Gusti Rahmat" and "Gusti Rahmatullah", "Siti Aisyah" and "Siti Nur
// Aisyah").
func SamePerson(a, b string) bool {
	ka, kb := NameKey(a), NameKey(b)
	return ka == kb || nameNear(ka, kb) || namePrefixes(ka, kb) || namePrefixes(kb, ka)
}

// namePrefixes reports whether every word of short begins a word of long,
// in order, the first word beginning the first.
func namePrefixes(short, long string) bool {
	sw, lw := strings.Fields(short), strings.Fields(long)
	if len(sw) == 0 || len(sw) > len(lw) || !strings.HasPrefix(lw[0], sw[0]) {
		return false
	}
	j := 1
	for _, w := range sw[1:] {
		for j < len(lw) && !strings.HasPrefix(lw[j], w) {
			j++
		}
		if j == len(lw) {
			return false
		}
		j++
	}
	return true
}

// nameNear reports two different name keys close enough to be a corrected
// typo of each other.
func nameNear(a, b string) bool {
	n := min(len([]rune(a)), len([]rune(b)))
	limit := 0
	switch {
	case n >= 12:
		limit = 2
	case n >= 5:
		limit = 1
	}
	return limit > 0 && editDistance(a, b, limit) <= limit
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it
// is known to be more than limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// IDKey is the form roster IDs are compared in: case is ignored, and an ID
// of digits only is a number, so "1", "001" and "1.0" are one ID.
func IDKey(id string) string {
	id = strings.TrimSpace(id)
	if n, ok := digitID(id); ok {
		return n
	}
	return strings.ToLower(id)
}

// digitID returns an ID written as a whole number without its leading
// zeros and without a ".0" a spreadsheet added.
func digitID(id string) (string, bool) {
	id = strings.TrimSuffix(strings.TrimSuffix(id, ".0"), ",0")
	if id == "" || strings.Trim(id, "0123456789") != "" {
		return "", false
	}
	if t := strings.TrimLeft(id, "0"); t != "" {
		return t, true
	}
	return "0", true
}

// unifyContingents maps every spelling among names (the store's first, in
// order, then a file's) to the one name shown for it (ContingentNames).
func unifyContingents(names []string) map[string]string {
	out := map[string]string{}
	var distinct []string // a roster repeats a few names thousands of times
	for _, n := range names {
		if _, seen := out[n]; !seen {
			out[n] = n
			distinct = append(distinct, n)
		}
	}
	c := NewContingentNames(distinct...)
	for _, n := range distinct {
		k, _ := c.key(n)
		out[n] = c.shown[k]
	}
	return out
}

// ContingentMatches reports whether what a user typed to find a contingent
// fits its name, however either is spelt: "kabupaten bal" and "kab.bal"
// fit "Kab. Balangan", "kota" fits every Kota.
func ContingentMatches(name, typed string) bool {
	nk, nb := contingentParts(name)
	tk, tb := contingentParts(typed)
	if k := contingentKinds[tb]; tk == "" && k != "" {
		return nk == k // only a kind typed: "kota", "kabupaten"
	}
	return (tk == "" || tk == nk) && strings.Contains(nb, tb)
}
