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
	if s.spellings.held {
		s.spellings.pending = true
		return
	}
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

// holdSpellings defers respelling while a whole roster or log is folded:
// each new spelling would resolve the set and maybe regroup everyone, and
// once at the end gives the same contingents.
func (s *State) holdSpellings() { s.spellings.held = true }

// releaseSpellings ends holdSpellings and respells once, if a spelling or
// a rename came meanwhile.
func (s *State) releaseSpellings() {
	s.spellings.held = false
	if s.spellings.pending {
		s.spellings.pending = false
		s.respell()
	}
}

// regroup puts every volunteer and sign-off under the contingent the
// renames and the spellings now give it. Both change rarely: this walks
// everyone once, and again to list the members of the contingents people
// moved between, in roster order. Only the contingents' tallies change:
// the total, pillars and arrivals are the same people's.
func (s *State) regroup() {
	s.version++
	moved := map[string]bool{} // contingents people left or joined
	for _, id := range s.order {
		p := s.people[id]
		c := s.fileUnder(s.rawContingent[id])
		if c == p.Contingent {
			continue
		}
		moved[p.Contingent], moved[c] = true, true
		s.groups[p.Contingent].tally.add(p, -1)
		p.Contingent = c
		if s.groups[c] == nil {
			s.groups[c] = &group{}
		}
		s.groups[c].tally.add(p, +1)
	}
	if len(moved) > 0 {
		for name := range moved {
			s.groups[name].members = s.groups[name].members[:0]
		}
		for _, id := range s.order {
			if p := s.people[id]; moved[p.Contingent] {
				s.groups[p.Contingent].members = append(s.groups[p.Contingent].members, id)
			}
		}
	}
	s.byGroup = map[string][]*Event{}
	for _, e := range s.sorted {
		if e.Kind == KindConfirm || e.Kind == KindWithdraw {
			k := s.fileUnder(e.Contingent)
			s.byGroup[k] = append(s.byGroup[k], e)
		}
	}
}

// keepRaw remembers the contingent the record of a person, known or new,
// came with and returns the name it is shown under. A new spelling, or the
// last record of one gone, may change how the others resolve.
func (s *State) keepRaw(id, raw string, known bool) string {
	old := ""
	if known {
		old = s.rawContingent[id]
	}
	if !known || old != raw {
		s.rawContingent[id] = raw
		grew := s.spellings.add(raw)
		if (known && s.spellings.drop(old)) || grew {
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
