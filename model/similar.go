package model

import (
	"math/bits"
	"strings"
)

// maxSimilar bounds the people listed before a walk-in is registered.
const maxSimilar = 8

// SimilarPeople lists the volunteers a walk-in may already be: everyone with
// the same phone (in any contingent), then everyone whose name is the same
// or close to it. Close is what the search finds with every typed word (at
// most one word more: "Siti Aisyah" and "Hj. Siti Aisyah Rahmah"), the
// spelling variants names really have (SimilarNames), and a small edit
// distance on the name so spelt. Registering one of them again would count
// them twice, so the gate asks first.
func SimilarPeople(s *State, ix *Index, name, phone string) []Person {
	var out []Person
	seen := map[string]bool{}
	add := func(id string) {
		if seen[id] || len(out) == maxSimilar {
			return
		}
		seen[id] = true
		if p, ok := s.Person(id); ok && p.Status != StatusVoid {
			out = append(out, p)
		}
	}
	if ph := phoneKey(phone); len(ph) >= minPhoneDigits {
		for _, id := range s.order {
			if phoneKey(s.people[id].Phone) == ph {
				add(id)
			}
		}
	}
	key := NameKey(name)
	typed := strings.Fields(key)
	if len(typed) == 0 {
		return out
	}
	for _, m := range ix.Search(Query{Text: name, Limit: 50}) {
		if m.Rank > RankWordPrefix {
			continue
		}
		p, ok := s.Person(m.ID)
		if !ok {
			continue
		}
		theirKey := NameKey(p.Name)
		// A single typed word ("Siti") finds too many to be a warning.
		near := len(typed) >= 2 && len(strings.Fields(theirKey)) <= len(typed)+1
		if theirKey == key || near {
			add(m.ID)
		}
	}
	want := looseKey(name)
	if want == "" {
		return out
	}
	mask := looseMask(want)
	for i := range ix.entries {
		e := &ix.entries[i]
		// At most two edits, each changing at most two letters' presence: a
		// cheap test that skips nearly every name of a big roster.
		if d := len(e.loose) - len(want); d > maxLooseEdits || -d > maxLooseEdits ||
			bits.OnesCount64(e.looseMask^mask) > 2*maxLooseEdits {
			continue
		}
		if looseNear(e.loose, want) {
			add(e.id)
		}
	}
	return out
}

// SamePhone reports whether two phones are one number however written
// (+62 812…, 0812-…), and long enough to tell a person.
func SamePhone(a, b string) bool {
	ka := phoneKey(a)
	return len(ka) >= minPhoneDigits && ka == phoneKey(b)
}

// minPhoneDigits: shorter "phones" (a 0, a dash) say nothing about a person.
const minPhoneDigits = 8

// SimilarNames reports whether two names may be one person's written two
// ways, as SimilarPeople compares a walk-in with the roster.
func SimilarNames(a, b string) bool { return looseNear(looseKey(a), looseKey(b)) }

// maxLooseEdits bounds the typos between two loose keys of one person.
const maxLooseEdits = 2

// looseNear compares two loose keys: the same, or the same words but for a
// typo or two in long words (a short word one letter apart is another name:
// Rahmat and Rahman, Sari and Sara), or the same letters with a space more
// or less ("Nur Aisyah", "Nuraisyah").
func looseNear(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return strings.Join(wa, "") == strings.Join(wb, "")
	}
	edits := 0
	for i := range wa {
		if wa[i] == wb[i] {
			continue
		}
		limit := wordEdits(min(len(wa[i]), len(wb[i])))
		d := editDistance(wa[i], wb[i], limit)
		if d > limit {
			return false
		}
		if edits += d; edits > maxLooseEdits {
			return false
		}
	}
	return true
}

// wordEdits is how many typos a loose word of n letters may have and still
// be the same word: none below 6 letters (Ani, Ana and Adi are three people).
func wordEdits(n int) int {
	switch {
	case n >= 12:
		return 2
	case n >= 6:
		return 1
	}
	return 0
}

// looseKey is a name in the form its spelling variants share: titles,
// degrees and bin/binti left out, the Muhammad family one word ("m"), and
// each other word through looseWord.
func looseKey(name string) string { return looseKeyOf(nameWords(name)) }

func looseKeyOf(ws []nameWord) string {
	var parts []string
	for _, w := range ws {
		switch {
		case w.title, patronymic[w.fold]:
		case w.norm == canonMuhammad:
			parts = append(parts, "m")
		case w.norm == "abdul":
			parts = append(parts, looseWord("abdul"))
		default:
			if l := looseWord(w.fold); l != "" {
				parts = append(parts, l)
			}
		}
	}
	return strings.Join(parts, " ")
}

// patronymic words join a name to the father's: often left out.
var patronymic = setOf("bin binti bt binte bte")

// looseWord spells a folded word the way its variants meet: the search's
// spelling (spell: oe, oo → u; dj → j; tj → c; ch, kh → h; dh, th → d, t;
// y → j; doubled letters once), then looser still: sj (old sj, and sy) → s;
// every h dropped (Chairul, Khairul, Hairul; the h an office leaves out); a
// final ie → i (Yanie, Sofie); j → i (old j is new y, and y is often i).
func looseWord(f string) string {
	s := spell(f)
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		var n byte
		if i+1 < len(s) {
			n = s[i+1]
		}
		switch {
		case c == 's' && n == 'j':
			i++
		case c == 'h':
			continue
		case c == 'i' && n == 'e' && i+2 == len(s):
			i++
		case c == 'j':
			c = 'i'
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// looseMask has a bit per letter or digit of a loose key.
func looseMask(key string) uint64 { return letterMask([]byte(key)) }
