package model

// What a roster import asks of the state.

// HasEvents reports whether any event concerns volunteer id: a check-in,
// an excuse, a replacement or their walk-in registration.
func (s *State) HasEvents(id string) bool {
	id = s.CanonicalID(id)
	return len(s.byVolunteer[id]) > 0 || s.walkins[id] != nil
}

// Remove takes a volunteer without events out (a made-up ID replaced by
// the roster's own). A volunteer with events is never removed: it reports
// false.
func (s *State) Remove(id string) bool {
	p, ok := s.people[id]
	if !ok || s.HasEvents(id) {
		return false
	}
	s.version++
	s.count(p, -1)
	s.leave(p)
	delete(s.people, id)
	s.removeLowerID(id)
	gone := s.forgetRaw(id)
	for i, o := range s.order {
		if o == id {
			s.order = append(s.order[:i], s.order[i+1:]...)
			break
		}
	}
	if gone {
		s.respell()
	}
	return true
}
