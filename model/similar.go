package model

import "strings"

// maxSimilar bounds the namesakes listed before a walk-in is registered.
const maxSimilar = 8

// SimilarPeople lists the volunteers whose name is the same as name, or
// very close to it, by the search's normalisation (case, punctuation, old
// spellings, the Muhammad family, titles left out): each word typed starts
// a different word of their name, and their name has at most one word more.
// A walk-in who is one of them may be on the roster already, and registering
// them again would count them twice.
func SimilarPeople(s *State, ix *Index, name string) []Person {
	key := NameKey(name) // single-spaced words
	typed := strings.Fields(key)
	if len(typed) == 0 {
		return nil
	}
	var out []Person
	for _, m := range ix.Search(Query{Text: name, Limit: 50}) {
		if m.Rank > RankWordPrefix || len(out) == maxSimilar {
			continue
		}
		p, ok := s.Person(m.ID)
		if !ok || p.Status == StatusVoid {
			continue
		}
		theirKey := NameKey(p.Name)
		theirs := strings.Fields(theirKey)
		same := theirKey == key
		// One word more ("Siti Aisyah" and "Siti Aisyah Rahmah") is close;
		// a single typed word ("Siti") finds too many to be a warning.
		near := len(typed) >= 2 && len(theirs) <= len(typed)+1
		if same || near {
			out = append(out, p)
		}
	}
	return out
}
