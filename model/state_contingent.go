package model

// One contingent, one name: the state resolves every spelling of a
// contingent to the name it shows, and folds rename events (a contingent
// renamed, or merged into another) so that every station that has the same
// events shows the same contingents.

// fileUnder is the name shown for a contingent as a roster or an event
// wrote it, for the fold's filing of a person or a sign-off: the renames in
// the log applied in order, then the shown spelling of its contingent among
// every spelling the records carry (ContingentNames,
// contingent_spellings.go); a name no record carries is shown as it is,
// renamed. The name is remembered, so a new set of spellings regroups it.
func (s *State) fileUnder(raw string) string {
	return s.spellings.file(raw)
}

// Renamed applies the renames in the log to a contingent's name.
func (s *State) Renamed(name string) string {
	return s.spellings.renamed(name)
}

// ResolveContingent returns the contingent a user meant by name: any
// spelling of it ("kab balangan", "KABUPATEN BALANGAN"), or a name without
// its kind ("Balangan") when only one contingent has it.
func (s *State) ResolveContingent(name string) (string, bool) {
	if g, ok := s.groups[name]; ok && len(g.members) > 0 {
		return name, true
	}
	return s.spellings.last.Resolve(name)
}

// applyRename folds a rename (Contingent becomes Note) in, wherever in
// the order it falls.
func (s *State) applyRename(e *Event) {
	s.renames = insertSorted(s.renames, e)
	s.respell()
}

// respell resolves the spellings anew after the set of them or the renames
// changed, and regroups when a name now resolves differently.
func (s *State) respell() {
	var standing []*Event
	for _, r := range s.renames {
		if s.effective(r) {
			standing = append(standing, r)
		}
	}
	if s.spellings.rebuild(standing) {
		s.regroup()
	}
}

// regroup puts every volunteer and sign-off under the contingent the
// renames and the spellings now give it. Both change rarely: this walks
// everyone once, in roster order, so members stay in it. Only the
// contingents' tallies move: the total, pillars and arrivals are the same
// people's.
func (s *State) regroup() {
	s.version++
	s.groups = make(map[string]*group, len(s.groups))
	for _, id := range s.order {
		p := s.people[id]
		p.Contingent = s.fileUnder(s.rawContingent[id])
		s.join(p)
		s.groups[p.Contingent].tally.add(p, +1)
	}
	s.byGroup = map[string][]*Event{}
	for _, e := range s.sorted {
		if e.Kind == KindConfirm || e.Kind == KindWithdraw {
			k := s.fileUnder(e.Contingent)
			s.byGroup[k] = append(s.byGroup[k], e)
		}
	}
}

// keepRaw remembers the contingent a record came with and returns the
// name it is shown under. A new spelling, or the last record of one gone,
// may change how the others resolve.
func (s *State) keepRaw(id, raw string) string {
	old, had := s.rawContingent[id]
	if !had || old != raw {
		s.rawContingent[id] = raw
		grew := s.spellings.add(raw)
		if ((had && s.spellings.drop(old)) || grew) && !s.spellings.held {
			s.respell()
		}
	}
	return s.fileUnder(raw)
}

// forgetRaw drops the contingent a record came with (the record is gone)
// and reports whether its spelling went with it: the caller respells once
// the roster is whole again.
func (s *State) forgetRaw(id string) bool {
	raw, had := s.rawContingent[id]
	delete(s.rawContingent, id)
	return had && s.spellings.drop(raw)
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
