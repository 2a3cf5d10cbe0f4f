package db

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"hadir/model"
)

// A bus is the arrivals that one check-in of several people wrote at once
// (a leader vouching for a bus load). moveMany gives them one time, so a
// bus is known again from the events alone, after a restart or a merge: the
// standing arrivals of one contingent with the same time, station and login.
type Bus struct {
	Contingent string
	At         time.Time
	Station    string
	Operator   string
	Arrivals   []model.Event  // the bus's standing arrivals
	People     []model.Person // who they are, in the same order
}

// LastBus returns the newest bus of the contingent checked in today (the
// store's clock, local time) whose arrivals still stand.
func (s *Store) LastBus(contingent string) (Bus, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	name, ok := s.state.ResolveContingent(contingent)
	if !ok {
		return Bus{}, false
	}
	dayStart := model.StartOfDay(s.now())
	var bus Bus
	found := false
	s.state.EachEventNewestFirst(func(e model.Event) bool {
		if e.At.Before(dayStart) || found && len(bus.Arrivals) > 1 && !e.At.Equal(bus.At) {
			return false // the day is over, or the bus is whole
		}
		if e.Kind != model.KindArrive || !s.state.Effective(e.ID) {
			return true
		}
		p, ok := s.state.Person(e.Volunteer)
		if !ok || p.Contingent != name {
			return true
		}
		if found && e.At.Equal(bus.At) && e.Station == bus.Station && e.Login == bus.Arrivals[0].Login {
			bus.Arrivals, bus.People = append(bus.Arrivals, e), append(bus.People, p)
			return true
		}
		// A new candidate: a lone check-in before it was no bus.
		bus = Bus{Contingent: name, At: e.At, Station: e.Station, Operator: e.Operator,
			Arrivals: []model.Event{e}, People: []model.Person{p}}
		found = true
		return true
	})
	if !found || len(bus.Arrivals) < 2 {
		return Bus{}, false
	}
	slices.Reverse(bus.Arrivals) // in the order they were checked in
	slices.Reverse(bus.People)
	return bus, true
}

// AnnulBus annuls every arrival of a bus with one reason, in one
// transaction: a leader's or an admin's act, and only on the day the bus
// was checked in (later, each arrival is annulled on its own, in the log).
func (s *Store) AnnulBus(eventIDs []string, reason string, by Actor) ([]model.Event, error) {
	if err := by.mayLead("annul a bus check-in"); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, errors.New("say why the bus check-in is annulled (a short reason)")
	}
	if len(eventIDs) == 0 {
		return nil, errors.New("no bus check-in to annul")
	}
	s.mu.Lock()
	dayStart := model.StartOfDay(s.now())
	var annuls []model.Event
	for _, id := range eventIDs {
		target, ok := s.state.Event(id)
		var err error
		switch {
		case !ok:
			err = fmt.Errorf("event %s: %w", id, ErrUnknownEvent)
		case target.Kind != model.KindArrive:
			err = fmt.Errorf("event %s is not a check-in; nothing was annulled", id)
		case !s.state.Effective(id):
			err = fmt.Errorf("the check-in %s is already annulled; nothing was annulled: open the bus again", id)
		case target.At.Before(dayStart):
			err = fmt.Errorf("the bus was checked in on %s, not today: annul its check-ins one by one in the log; nothing was annulled", target.At.Local().Format("2 Jan"))
		default:
			err = by.mayAnnul(target)
		}
		if err != nil {
			s.mu.Unlock()
			return nil, err
		}
		e := s.newEvent(model.KindAnnul, target.Volunteer, by)
		e.Ref, e.Reason = id, reason
		annuls = append(annuls, e)
	}
	s.mu.Unlock()
	return annuls, s.record(annuls...)
}
