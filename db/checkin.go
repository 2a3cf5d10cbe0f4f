package db

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"hadir/model"
)

// The gate's writes: check-ins, departures, walk-ins and annulments.

// Actor is who writes an event and where: the gate's name and the operator.
type Actor struct {
	Station  string
	Operator string
	Role     Role   // what they may do; the zero value is the laptop's owner
	Login    string // which SSH key or passcode logged in ("" on the laptop itself)
}

// Outcome is the answer to a check-in.
type Outcome int

// Check-in outcomes.
const (
	CheckedIn        Outcome = iota // a new arrival was recorded
	AlreadyArrived                  // the volunteer was already on site; nothing written
	UnknownVolunteer                // no volunteer has this ID; nothing written
	Departed                        // a departure was recorded
	NotOnSite                       // departure refused: not arrived, or already left
	HasLeft                         // arrival refused at a gate: the volunteer left; nothing written
)

// CheckInResult is what a gate shows after a check-in.
type CheckInResult struct {
	Outcome    Outcome
	Person     model.Person // the volunteer as they now stand
	Event      model.Event  // the arrival written, when Outcome is CheckedIn
	First      model.Event  // the standing first arrival, when AlreadyArrived
	Contingent model.Tally  // the volunteer's contingent after the check-in
}

// ErrUnknownEvent is returned for an event ID the store does not hold.
var ErrUnknownEvent = errors.New("no event has this ID")

// CheckIn records the arrival of the volunteer with this ID. When two gates
// check in the same volunteer at the same instant, exactly one arrival is
// written and the other gate is told the volunteer is already checked in.
func (s *Store) CheckIn(id string, by Actor) (CheckInResult, error) {
	res, err := s.moveMany([]string{id}, model.KindArrive, by)
	if err != nil {
		return CheckInResult{}, err
	}
	return res[0], nil
}

// GateCheckIn is a scan at the gate: like CheckIn, except that a volunteer
// who has left is not checked back in (HasLeft, with their departure in
// Person): staff counting people out must not undo the departures. A
// deliberate "came back" is CheckIn.
func (s *Store) GateCheckIn(id string, by Actor) (CheckInResult, error) {
	res, err := s.move([]string{id}, model.KindArrive, true, by)
	if err != nil {
		return CheckInResult{}, err
	}
	return res[0], nil
}

// CheckInMany checks several volunteers in with one transaction: a bus
// arrives and the leader vouches for them. Each gets its own answer.
func (s *Store) CheckInMany(ids []string, by Actor) ([]CheckInResult, error) {
	if len(ids) > 1 {
		if err := by.mayLead("check several people in at once"); err != nil {
			return nil, err
		}
	}
	return s.moveMany(ids, model.KindArrive, by)
}

// Depart records that a volunteer left the site.
func (s *Store) Depart(id string, by Actor) (CheckInResult, error) {
	res, err := s.moveMany([]string{id}, model.KindDepart, by)
	if err != nil {
		return CheckInResult{}, err
	}
	return res[0], nil
}

// DepartMany records the departure of several volunteers in one transaction.
func (s *Store) DepartMany(ids []string, by Actor) ([]CheckInResult, error) {
	return s.moveMany(ids, model.KindDepart, by)
}

// moveMany writes arrivals or departures. Volunteers whose arrival (or
// departure) another session is writing right now are waited for, so the
// answer is exact: one arrival each, and "already checked in" for the rest.
func (s *Store) moveMany(ids []string, kind model.Kind, by Actor) ([]CheckInResult, error) {
	return s.move(ids, kind, false, by)
}

// move is moveMany; keepLeft refuses arrivals of volunteers who departed.
func (s *Store) move(ids []string, kind model.Kind, keepLeft bool, by Actor) ([]CheckInResult, error) {
	defer s.group.begin()()
	if kind == model.KindDepart {
		if err := by.mayLead("record departures"); err != nil {
			return nil, err
		}
	}
	ids = slices.Clone(ids)
	for i := range ids {
		ids[i] = strings.TrimSpace(ids[i])
	}
	for {
		s.mu.Lock()
		for i, id := range ids {
			// Any case (model.State.ResolveID) and an old ID (a lost badge)
			// find the person: the event names the ID they are known by now.
			if p, ok := s.state.Person(id); ok {
				ids[i] = p.ID
			}
		}
		if wait := s.busyLocked(ids); wait != nil {
			s.mu.Unlock()
			<-wait
			continue
		}
		results := make([]CheckInResult, len(ids))
		var events []model.Event
		var writing []int // indexes of ids that get an event
		seen := map[string]bool{}
		for i, id := range ids {
			p, ok := s.state.Person(id)
			switch {
			case !ok:
				results[i] = CheckInResult{Outcome: UnknownVolunteer}
			case kind == model.KindArrive && (p.Status == model.StatusArrived || seen[id]):
				results[i] = s.resultLocked(AlreadyArrived, id)
				if p.Arrival != nil {
					results[i].First = *p.Arrival
				}
			case kind == model.KindArrive && keepLeft && p.Status == model.StatusDeparted:
				results[i] = s.resultLocked(HasLeft, id)
			case kind == model.KindDepart && (p.Status != model.StatusArrived || seen[id]):
				results[i] = s.resultLocked(NotOnSite, id)
			default:
				seen[id] = true
				e := s.newEvent(kind, id, by)
				if len(events) > 0 {
					e.At = events[0].At // one bus, one time: how it is found again (bus.go)
				}
				events = append(events, e)
				writing = append(writing, i)
			}
		}
		if len(events) == 0 {
			s.mu.Unlock()
			return results, nil
		}
		done := make(chan struct{})
		for _, i := range writing {
			s.pending[ids[i]] = done
		}
		s.mu.Unlock()

		release := func() { // under s.mu
			for _, i := range writing {
				delete(s.pending, ids[i])
			}
		}
		err := s.commit(events, func() { s.apply(events...); release() })
		if err != nil {
			s.mu.Lock()
			release()
			s.mu.Unlock()
			close(done)
			return nil, err
		}
		close(done)
		outcome := CheckedIn
		if kind == model.KindDepart {
			outcome = Departed
		}
		s.mu.RLock()
		for j, i := range writing {
			results[i] = s.resultLocked(outcome, ids[i])
			results[i].Event = events[j]
		}
		s.mu.RUnlock()
		s.notify()
		return results, nil
	}
}

// busyLocked returns a channel to wait on when another session is writing
// the arrival or departure of one of ids.
func (s *Store) busyLocked(ids []string) chan struct{} {
	for _, id := range ids {
		if wait, busy := s.pending[id]; busy {
			return wait
		}
	}
	return nil
}

func (s *Store) resultLocked(o Outcome, id string) CheckInResult {
	p, _ := s.state.Person(id)
	c, _ := s.state.Contingent(p.Contingent)
	return CheckInResult{Outcome: o, Person: p, Contingent: c.Tally}
}

// WalkIn registers a volunteer who is not on the roster and checks them in,
// in one transaction. The store gives the volunteer an ID.
func (s *Store) WalkIn(v model.Volunteer, by Actor) (CheckInResult, error) {
	reg, err := s.walkInEvent(v, by)
	if err != nil {
		return CheckInResult{}, err
	}
	arr := s.newEvent(model.KindArrive, reg.Volunteer, by)
	arr.At = reg.At
	if err := s.record(reg, arr); err != nil {
		return CheckInResult{}, err
	}
	s.mu.RLock()
	res := s.resultLocked(CheckedIn, reg.Volunteer)
	s.mu.RUnlock()
	res.Event = arr
	return res, nil
}

// walkInEvent validates a walk-in's record and builds its registration.
func (s *Store) walkInEvent(v model.Volunteer, by Actor) (model.Event, error) {
	v = model.CleanVolunteer(v) // typed at a gate, or sent over SSH
	v.Source = model.SourceWalkIn
	if v.Name == "" {
		return model.Event{}, errors.New("a walk-in needs a name")
	}
	if v.Contingent == "" {
		return model.Event{}, errors.New("a walk-in needs a contingent")
	}
	s.mu.RLock()
	_, known := s.state.ResolveContingent(v.Contingent)
	s.mu.RUnlock()
	if !known {
		// A new contingent changes the committee's table: a leader's or an
		// admin's decision, not a gate's.
		if err := by.mayLead("add a contingent (" + v.Contingent + ")"); err != nil {
			return model.Event{}, err
		}
	}
	g, ok := model.NormalizeGender(v.Gender)
	if !ok {
		return model.Event{}, fmt.Errorf("gender %q is not L or P", v.Gender)
	}
	v.Gender = g
	reg := s.newEvent(model.KindWalkIn, "", by)
	// Upper case, as badges are printed and scanners usually send; the event
	// keeps its own ID. Older stores hold lower-case walk-in IDs, which are
	// found in any case all the same.
	v.ID = "W-" + strings.ToUpper(reg.ID)
	s.mu.RLock()
	_, taken := s.state.Person(v.ID)
	s.mu.RUnlock()
	if taken {
		return model.Event{}, fmt.Errorf("the new ID %s is already someone's; nothing was saved: try again", v.ID)
	}
	reg.Volunteer, reg.Contingent, reg.Record = v.ID, v.Contingent, &v
	return reg, reg.Validate()
}

// Annul cancels an earlier event with a reason. The cancelled event stays in
// the log, marked as annulled.
func (s *Store) Annul(eventID, reason string, by Actor) (model.Event, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return model.Event{}, errors.New("say why the event is annulled (a short reason)")
	}
	s.mu.Lock()
	target, ok := s.state.Event(eventID)
	switch {
	case !ok:
		s.mu.Unlock()
		return model.Event{}, fmt.Errorf("event %s: %w", eventID, ErrUnknownEvent)
	case target.Kind == model.KindAnnul:
		s.mu.Unlock()
		return model.Event{}, fmt.Errorf("event %s is itself an annulment and cannot be annulled; record the action again instead", eventID)
	case target.Kind == model.KindReID:
		s.mu.Unlock()
		return model.Event{}, fmt.Errorf("event %s gave a volunteer the ID of a roster file and cannot be annulled; both IDs find them", eventID)
	case !s.state.Effective(eventID):
		s.mu.Unlock()
		return model.Event{}, fmt.Errorf("event %s is already annulled", eventID)
	}
	if err := by.mayAnnul(target); err != nil {
		s.mu.Unlock()
		return model.Event{}, err
	}
	e := s.newEvent(model.KindAnnul, target.Volunteer, by)
	e.Contingent, e.Ref, e.Reason = target.Contingent, eventID, reason
	s.mu.Unlock()
	// Two operators annulling the same event at once both succeed; the fold
	// keeps the earliest, so the count is the same.
	return e, s.record(e)
}
