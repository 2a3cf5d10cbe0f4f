package model

import (
	"slices"
	"strings"
)

// IDs are compared without regard to case: a scanner with Caps Lock on, or
// set to lower case, sends "jrs-blg-0010" for JRS-BLG-0010, and stores made
// before walk-in IDs were upper case hold "W-gz5blj-000012". A stored ID is
// never changed. Two stored IDs that differ only in case (possible after a
// merge of old stores, or a roster typed so) stay two people: the ID typed
// exactly finds its own, and any other spelling of it finds neither, so one
// is never taken for the other.

// ResolveID returns the stored ID that id names: the same ID, or the only
// stored ID equal to it but for case.
func (s *State) ResolveID(id string) (string, bool) {
	if _, ok := s.people[id]; ok {
		return id, true
	}
	if ids := s.byLowerID[strings.ToLower(id)]; len(ids) == 1 {
		return ids[0], true
	}
	return "", false
}

// IDsLike lists the stored IDs equal to id but for case (when ResolveID
// refuses one because there are several, they say why).
func (s *State) IDsLike(id string) []string {
	return slices.Clone(s.byLowerID[strings.ToLower(id)])
}

func (s *State) addLowerID(id string) {
	k := strings.ToLower(id)
	s.byLowerID[k] = append(s.byLowerID[k], id)
}

func (s *State) removeLowerID(id string) {
	k := strings.ToLower(id)
	s.byLowerID[k] = slices.DeleteFunc(s.byLowerID[k], func(o string) bool { return o == id })
	if len(s.byLowerID[k]) == 0 {
		delete(s.byLowerID, k)
	}
}

// HasExactID reports whether id is stored exactly so, case included: what
// the fold matches events by.
func (s *State) HasExactID(id string) bool {
	_, ok := s.people[id]
	return ok
}
