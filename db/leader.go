package db

import (
	"errors"
	"fmt"
	"strings"

	"hadir/model"
)

// IncompleteError refuses a sign-off and names who is keeping it back.
type IncompleteError struct {
	Contingent string
	Phase      string         // model.PhaseArrival or model.PhaseDeparture
	Waiting    []model.Person // still missing (arrival) or still on site (departure)
}

func (e *IncompleteError) Error() string {
	names := make([]string, 0, min(len(e.Waiting), 10))
	for _, p := range e.Waiting[:min(len(e.Waiting), 10)] {
		names = append(names, fmt.Sprintf("%s (%s)", p.Name, p.ID))
	}
	more := ""
	if len(e.Waiting) > 10 {
		more = fmt.Sprintf(" and %d more", len(e.Waiting)-10)
	}
	if e.Phase == model.PhaseDeparture {
		return fmt.Sprintf("%s cannot be signed off as departed: %d still on site: %s%s; record their departure first",
			e.Contingent, len(e.Waiting), strings.Join(names, ", "), more)
	}
	return fmt.Sprintf("%s cannot be signed off: %d not arrived: %s%s; check them in, or mark them excused or replaced",
		e.Contingent, len(e.Waiting), strings.Join(names, ", "), more)
}

// record commits events written by one user action and folds them in.
func (s *Store) record(events ...model.Event) error {
	defer s.group.begin()()
	if err := s.commit(events, func() { s.apply(events...) }); err != nil {
		return err
	}
	s.notify()
	return nil
}

// Excuse marks a volunteer who will not come as excused: sakit (ill) or izin
// (leave), with a note.
func (s *Store) Excuse(id, reason, note string, by Actor) (model.Event, error) {
	if err := by.mayLead("mark volunteers excused"); err != nil {
		return model.Event{}, err
	}
	reason = strings.ToLower(strings.TrimSpace(reason))
	if reason != model.ReasonSick && reason != model.ReasonLeave {
		return model.Event{}, fmt.Errorf("the reason must be %q or %q, not %q", model.ReasonSick, model.ReasonLeave, reason)
	}
	p, ok := s.Person(id)
	if !ok {
		return model.Event{}, fmt.Errorf("no volunteer has the ID %q", id)
	}
	if p.Status == model.StatusArrived || p.Status == model.StatusDeparted {
		return model.Event{}, fmt.Errorf("%s (%s) has already arrived; annul the arrival first if it was a mistake", p.Name, p.ID)
	}
	e := s.newEvent(model.KindExcuse, p.ID, by)
	e.Contingent, e.Reason, e.Note = p.Contingent, reason, strings.TrimSpace(note)
	return e, s.record(e)
}

// Replace records that volunteer byID takes the place of volunteer id, who
// is then no longer expected.
func (s *Store) Replace(id, byID string, by Actor) (model.Event, error) {
	if err := by.mayLead("replace volunteers"); err != nil {
		return model.Event{}, err
	}
	s.mu.RLock()
	e, err := s.replaceEventLocked(id, byID, by)
	s.mu.RUnlock()
	if err != nil {
		return model.Event{}, err
	}
	return e, s.record(e)
}

func (s *Store) replaceEventLocked(id, byID string, by Actor) (model.Event, error) {
	old, ok := s.state.Person(id)
	if !ok {
		return model.Event{}, fmt.Errorf("no volunteer has the ID %q", id)
	}
	id = old.ID // as stored, whatever the case typed
	if byID != "" {
		if r, ok := s.state.ResolveID(byID); ok {
			byID = r
		}
	}
	if id == byID {
		return model.Event{}, errors.New("a volunteer cannot replace themselves")
	}
	switch {
	case old.Status == model.StatusArrived || old.Status == model.StatusDeparted:
		return model.Event{}, fmt.Errorf("%s (%s) has already arrived and cannot be replaced", old.Name, old.ID)
	case old.Status == model.StatusReplaced:
		return model.Event{}, fmt.Errorf("%s (%s) is already replaced by %s", old.Name, old.ID, old.ReplacedBy)
	}
	if byID != "" {
		repl, ok := s.state.Person(byID)
		if !ok {
			return model.Event{}, fmt.Errorf("no volunteer has the ID %q", byID)
		}
		if repl.Replaces != "" {
			return model.Event{}, fmt.Errorf("%s (%s) already replaces %s", repl.Name, repl.ID, repl.Replaces)
		}
		if repl.Status == model.StatusReplaced {
			return model.Event{}, fmt.Errorf("%s (%s) is replaced and cannot replace anyone", repl.Name, repl.ID)
		}
		if repl.Contingent != old.Contingent {
			// The place is the contingent's: a volunteer of another one stays
			// counted there, and this contingent would be one short for good.
			return model.Event{}, fmt.Errorf("%s (%s) belongs to %s, not %s: a replacement must be of the same contingent; register a new volunteer in %s instead",
				repl.Name, repl.ID, repl.Contingent, old.Contingent, old.Contingent)
		}
	}
	e := s.newEvent(model.KindReplace, byID, by)
	e.Ref, e.Contingent = id, old.Contingent
	return e, nil
}

// ReplaceWithWalkIn registers a new volunteer in the place of volunteer id
// and checks them in, in one transaction: a person not on the roster is
// registered standing at the desk, as at the gate. The newcomer joins the
// replaced volunteer's contingent (another is refused).
func (s *Store) ReplaceWithWalkIn(id string, v model.Volunteer, by Actor) (model.Volunteer, error) {
	if err := by.mayLead("replace volunteers"); err != nil {
		return model.Volunteer{}, err
	}
	old, ok := s.Person(id)
	if !ok {
		return model.Volunteer{}, fmt.Errorf("no volunteer has the ID %q", id)
	}
	id = old.ID
	if strings.TrimSpace(v.Contingent) == "" {
		v.Contingent = old.Contingent
	}
	if v.Contingent != old.Contingent {
		return model.Volunteer{}, fmt.Errorf("%s replaces %s (%s) of %s, so they join %s, not %s",
			v.Name, old.Name, old.ID, old.Contingent, old.Contingent, v.Contingent)
	}
	reg, err := s.walkInEvent(v, by)
	if err != nil {
		return model.Volunteer{}, err
	}
	s.mu.RLock()
	repl, err := s.replaceEventLocked(id, "", by)
	s.mu.RUnlock()
	if err != nil {
		return model.Volunteer{}, err
	}
	repl.Volunteer = reg.Volunteer
	arr := s.newEvent(model.KindArrive, reg.Volunteer, by)
	repl.At, arr.At = reg.At, reg.At
	return *reg.Record, s.record(reg, repl, arr)
}

// Confirm signs a contingent off in a phase (arrival, or departure on the
// last day) with the leader's name. It is refused, naming who is missing,
// unless every member is arrived, excused or replaced (for departure: nobody
// is still on site).
func (s *Store) Confirm(contingent, leader, phase string, by Actor) (model.Event, error) {
	if err := by.mayLead("sign a contingent off"); err != nil {
		return model.Event{}, err
	}
	leader = model.Clean(strings.Join(strings.Fields(leader), " "), model.MaxNameLen) // typed, shown on every screen
	if leader == "" {
		return model.Event{}, errors.New("the leader's name is needed to sign off")
	}
	s.mu.RLock()
	c, ok := s.state.Contingent(contingent)
	var waiting []model.Person
	if ok {
		for _, id := range s.state.Members(contingent) {
			p, _ := s.state.Person(id)
			if (phase == model.PhaseDeparture && p.Status == model.StatusArrived) ||
				(phase != model.PhaseDeparture && p.Status == model.StatusMissing) {
				waiting = append(waiting, p)
			}
		}
	}
	s.mu.RUnlock()
	if !ok {
		return model.Event{}, fmt.Errorf("no contingent is called %q", contingent)
	}
	if len(waiting) > 0 {
		return model.Event{}, &IncompleteError{Contingent: c.Name, Phase: phase, Waiting: waiting}
	}
	e := s.newEvent(model.KindConfirm, "", by)
	e.Contingent, e.Leader, e.Reason = c.Name, leader, phase
	return e, s.record(e)
}

// Withdraw takes a contingent's standing sign-off back.
func (s *Store) Withdraw(contingent, phase, reason string, by Actor) (model.Event, error) {
	if err := by.mayLead("withdraw a sign-off"); err != nil {
		return model.Event{}, err
	}
	c, ok := s.contingent(contingent)
	if !ok {
		return model.Event{}, fmt.Errorf("no contingent is called %q", contingent)
	}
	standing := c.Confirm
	if phase == model.PhaseDeparture {
		standing = c.DepartConfirm
	}
	if standing == nil {
		return model.Event{}, fmt.Errorf("%s is not signed off", c.Name)
	}
	e := s.newEvent(model.KindWithdraw, "", by)
	e.Contingent, e.Reason, e.Note = c.Name, phase, strings.TrimSpace(reason)
	return e, s.record(e)
}

func (s *Store) contingent(name string) (model.Contingent, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Contingent(name)
}
