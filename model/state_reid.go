package model

import (
	"fmt"
	"slices"
)

// One person, one ID. When a roster file gains an ID column after its
// people were imported with made-up IDs, each takes the file's ID through
// a re-ID event (Ref the old ID, Volunteer the new). The fold files every
// event under the ID a person is known by now, so check-ins under either
// ID count once, on every station that has the event, whatever order the
// events come in; and the old ID (a lost badge, an old printout) still
// finds the person. A re-ID is not annulled: the store refuses to.

// CanonicalID returns the ID volunteer id is known by now: id itself, or
// the ID re-ID events moved it to.
func (s *State) CanonicalID(id string) string {
	if len(s.reids) == 0 {
		return id
	}
	for range 16 { // chains are one or two long; a loop of re-IDs stops here
		e, ok := s.reids[IDKey(id)]
		if !ok || e.Volunteer == id {
			return id
		}
		id = e.Volunteer
	}
	return id
}

// ReIDs returns the re-ID events that stand, in fold order.
func (s *State) ReIDs() []Event {
	var out []Event
	for _, e := range s.sorted {
		if e.Kind == KindReID && s.reids[IDKey(e.Ref)] == e {
			out = append(out, *e)
		}
	}
	return out
}

// applyReID folds a re-ID in. Two re-IDs of one old ID (two stations gave
// one person two files' IDs): the earliest stands, on every station.
func (s *State) applyReID(e *Event) {
	moves := map[string]string{}
	s.foldReID(e, moves)
	s.reorder(moves)
	s.respell()
}

// ApplyReIDs folds in the re-ID events an import committed together: as
// Apply of each, but walking the roster's order once, not once each.
func (s *State) ApplyReIDs(events []Event) error {
	moves := map[string]string{}
	for i := range events {
		e := events[i]
		if e.Kind != KindReID {
			return fmt.Errorf("event %s is not a re-ID", e.ID)
		}
		if err := s.keep(&e); err != nil {
			return err
		}
		s.foldReID(&e, moves)
	}
	s.reorder(moves)
	s.respell()
	return nil
}

// foldReID records e and moves the person and events of its old ID;
// changes to the roster's order are noted in moves (see reorder).
func (s *State) foldReID(e *Event, moves map[string]string) {
	if s.reids == nil {
		s.reids = map[string]*Event{}
	}
	key := IDKey(e.Ref)
	prev := s.reids[key]
	if prev != nil && before(prev, e) {
		return
	}
	s.reids[key] = e
	if prev != nil && prev.Volunteer != e.Volunteer {
		s.reorder(moves)
		clear(moves)
		s.refile() // events already moved to the other ID come back
		return
	}
	s.rekey(e.Ref, moves)
}

// reorder applies the moves of re-IDs to the roster's order in one walk:
// old ID -> new ID, or -> "" when the old record is no longer counted.
func (s *State) reorder(moves map[string]string) {
	if len(moves) == 0 {
		return
	}
	n := 0
	for _, id := range s.order {
		if to, moved := moves[id]; moved {
			if to == "" {
				continue
			}
			id = to
		}
		s.order[n] = id
		n++
	}
	s.order = s.order[:n]
}

// rekey moves the person and the events known under old to the ID old is
// known by now. When both IDs have a record (a station imported both
// files), the new ID's stands and the old one is no longer counted. The
// roster's order changes later, from moves.
func (s *State) rekey(old string, moves map[string]string) {
	to := s.CanonicalID(old)
	if to == old {
		return
	}
	s.version++
	if p, ok := s.people[old]; ok {
		s.count(p, -1)
		s.leave(p)
		delete(s.people, old)
		s.removeLowerID(old)
		if _, both := s.people[to]; both {
			s.forgetRaw(old) // respelt once the re-IDs are folded
			moves[old] = ""
		} else {
			p.ID = to
			s.people[to] = p
			s.addLowerID(to)
			s.rawContingent[to] = s.rawContingent[old]
			delete(s.rawContingent, old)
			moves[old] = to
			s.join(p)
			s.count(p, +1)
		}
	}
	for _, e := range s.byVolunteer[old] {
		if !slices.Contains(s.byVolunteer[to], e) {
			s.byVolunteer[to] = insertSorted(s.byVolunteer[to], e)
		}
	}
	delete(s.byVolunteer, old)
	if w := s.walkins[old]; w != nil {
		s.walkins[to] = w
		delete(s.walkins, old)
	}
	s.refresh(to)
}

// refile files every event anew under the IDs people are known by now
// and recomputes everyone: for the rare re-ID that overrides another.
func (s *State) refile() {
	s.version++
	moves := map[string]string{}
	for _, id := range s.order {
		if s.CanonicalID(id) != id {
			s.rekey(id, moves)
		}
	}
	s.reorder(moves)
	s.byVolunteer = make(map[string][]*Event, len(s.byVolunteer))
	for _, e := range s.sorted {
		switch e.Kind {
		case KindAnnul, KindRename, KindReID, KindConfirm, KindWithdraw, KindNote:
		default:
			s.index(e)
		}
	}
	for _, id := range slices.Clone(s.order) {
		s.refresh(id)
	}
}
