package model

// One contingent, one name: the state resolves every spelling of a
// contingent to the name it shows, and folds rename events (a contingent
// renamed, or merged into another) so that every station that has the same
// events shows the same contingents.

// ContingentOf is the name shown for a contingent as a roster or an event
// wrote it: the renames in the log applied in order, then the spelling of
// a contingent already known. It compares ContingentKeys, the resolver's
// keys (ContingentNames) without its rule for a bare name: the fold meets
// names one at a time, and that rule needs them all at once, which the
// import had when it stored them.
func (s *State) ContingentOf(raw string) string {
	c := s.Renamed(raw)
	if g, ok := s.groups[c]; ok && len(g.members) > 0 {
		return c // the usual case: a contingent already known by this name
	}
	key := ContingentKey(c)
	for name, g := range s.groups {
		if len(g.members) > 0 && name != c && ContingentKey(name) == key {
			return name
		}
	}
	return c
}

// Renamed applies the renames in the log to a contingent's name.
func (s *State) Renamed(name string) string {
	for _, r := range s.renames {
		if s.effective(r) && ContingentKey(name) == ContingentKey(r.Contingent) {
			name = r.Note
		}
	}
	return name
}

// ResolveContingent returns the contingent a user meant by name: any
// spelling of it ("kab balangan", "KABUPATEN BALANGAN"), or a name without
// its kind ("Balangan") when only one contingent has it.
func (s *State) ResolveContingent(name string) (string, bool) {
	if g, ok := s.groups[name]; ok && len(g.members) > 0 {
		return name, true
	}
	return NewContingentNames(s.ContingentNames()...).Resolve(name)
}

// applyRename folds a rename (Contingent becomes Note) in, wherever in
// the order it falls.
func (s *State) applyRename(e *Event) {
	s.renames = insertSorted(s.renames, e)
	s.regroup()
}

// regroup puts every volunteer and sign-off under the contingent the
// renames now give it. Renames are rare: this walks everyone once.
func (s *State) regroup() {
	if s.rawContingent == nil {
		return
	}
	s.version++
	// Renames first, spellings after: start from empty groups so the
	// first spelling in roster order is the one kept.
	for _, id := range s.order {
		p := s.people[id]
		s.count(p, -1)
		s.leave(p)
	}
	for name, g := range s.groups {
		if len(g.members) == 0 {
			delete(s.groups, name)
		}
	}
	for _, id := range s.order {
		p := s.people[id]
		p.Contingent = s.ContingentOf(s.rawContingent[id])
		s.join(p)
		s.count(p, +1)
	}
	s.byGroup = map[string][]*Event{}
	for _, e := range s.sorted {
		if e.Kind == KindConfirm || e.Kind == KindWithdraw {
			k := s.ContingentOf(e.Contingent)
			s.byGroup[k] = append(s.byGroup[k], e)
		}
	}
}

// keepRaw remembers the contingent a record came with and returns the
// name it is shown under.
func (s *State) keepRaw(id, raw string) string {
	if s.rawContingent == nil {
		s.rawContingent = map[string]string{}
	}
	s.rawContingent[id] = raw
	return s.ContingentOf(raw)
}

// Renames returns the standing rename events, in order.
func (s *State) Renames() []Event {
	var out []Event
	for _, r := range s.renames {
		if s.effective(r) {
			out = append(out, *r)
		}
	}
	return out
}
