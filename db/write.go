package db

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// Actor is who writes an event and where: the gate's name and the operator.
type Actor struct {
	Station  string
	Operator string
}

// Outcome is the answer to a check-in.
type Outcome int

// Check-in outcomes.
const (
	CheckedIn        Outcome = iota // a new arrival was recorded
	AlreadyArrived                  // the volunteer was already on site; nothing written
	UnknownVolunteer                // no volunteer has this ID; nothing written
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

// Read runs fn with the live state and search index under a read lock. fn
// must not keep either, nor call the Store's write methods.
func (s *Store) Read(fn func(st *model.State, ix *model.Index)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	fn(s.state, s.index)
}

// Totals is the tally of the whole gathering.
func (s *Store) Totals() model.Tally {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Totals()
}

// Person returns a volunteer's current state.
func (s *Store) Person(id string) (model.Person, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Person(id)
}

// Subscribe returns a channel that receives a signal after every change, and
// a function that ends the subscription. Signals coalesce: a slow reader gets
// one signal for many changes and should re-read the state.
func (s *Store) Subscribe() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	s.subsMu.Lock()
	s.subs[ch] = struct{}{}
	s.subsMu.Unlock()
	return ch, func() {
		s.subsMu.Lock()
		delete(s.subs, ch)
		s.subsMu.Unlock()
	}
}

func (s *Store) notify() {
	s.subsMu.Lock()
	defer s.subsMu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// newEvent stamps an event with a fresh ID, the time and the actor.
func (s *Store) newEvent(kind model.Kind, volunteer string, by Actor) model.Event {
	station := strings.TrimSpace(by.Station)
	if station == "" {
		station = s.StationName()
	}
	return model.Event{
		ID:        model.EventID(s.station, s.seq.Add(1)),
		Kind:      kind,
		Volunteer: volunteer,
		At:        s.now().UTC(),
		Station:   station,
		Operator:  strings.TrimSpace(by.Operator),
	}
}

// commit appends events in one transaction and returns once it is synced to
// disk. An event whose ID is already stored is an error: it would mean the
// station's sequence went backwards.
// Concurrent writers share transactions (bbolt's Batch) so that many gates do
// not queue behind one another's disk syncs; a lone writer commits at once.
func (s *Store) commit(events ...model.Event) error {
	fn := func(tx *bolt.Tx) error {
		n, err := putEvents(tx, s.station, events)
		if err == nil && n != len(events) {
			err = errors.New("an event ID was about to be reused")
		}
		return err
	}
	var err error
	if s.writers.Add(1) > 1 {
		err = s.bolt.Batch(fn)
	} else {
		err = s.bolt.Update(fn)
	}
	s.writers.Add(-1)
	if err != nil {
		return writeError(s.path, err)
	}
	return nil
}

// putEvents stores the events not stored yet (a merge is a union by ID) and
// returns how many it stored. It keeps the station's sequence at the highest
// used, so IDs are never reused after a crash or a merge of our own export.
func putEvents(tx *bolt.Tx, station string, events []model.Event) (int, error) {
	b, ids, meta := tx.Bucket(bucketEvents), tx.Bucket(bucketEventIDs), tx.Bucket(bucketMeta)
	var maxSeq uint64
	if v := meta.Get(keyStationSeq); len(v) == 8 {
		maxSeq = binary.BigEndian.Uint64(v)
	}
	seqBefore := maxSeq
	prefix := station + "-"
	stored := 0
	for _, e := range events {
		if ids.Get([]byte(e.ID)) != nil {
			continue
		}
		data, err := encodeRecord(e)
		if err != nil {
			return stored, err
		}
		n, err := b.NextSequence()
		if err != nil {
			return stored, err
		}
		if err := b.Put(seqKey(n), data); err != nil {
			return stored, err
		}
		if err := ids.Put([]byte(e.ID), seqKey(n)); err != nil {
			return stored, err
		}
		stored++
		if rest, ok := strings.CutPrefix(e.ID, prefix); ok {
			if seq, err := strconv.ParseUint(rest, 10, 64); err == nil && seq > maxSeq {
				maxSeq = seq
			}
		}
	}
	if maxSeq != seqBefore {
		return stored, meta.Put(keyStationSeq, seqKey(maxSeq))
	}
	return stored, nil
}

// apply folds events already committed into the live state. Callers hold s.mu.
func (s *Store) apply(events ...model.Event) {
	for _, e := range events {
		if err := s.state.Apply(e); err != nil {
			// Committed events were validated first; this means a bug, and the
			// disk still holds the truth, which the next open refolds.
			panic(fmt.Sprintf("applying committed event %s: %v", e.ID, err))
		}
		if e.Kind == model.KindWalkIn {
			if p, ok := s.state.Person(e.Volunteer); ok {
				s.index.Add(p.Volunteer)
			}
		}
	}
}

// CheckIn records the arrival of the volunteer with this ID. When two gates
// check in the same volunteer at the same instant, exactly one arrival is
// written and the other gate is told the volunteer is already checked in.
func (s *Store) CheckIn(id string, by Actor) (CheckInResult, error) {
	id = strings.TrimSpace(id)
	for {
		s.mu.Lock()
		p, ok := s.state.Person(id)
		if !ok {
			s.mu.Unlock()
			return CheckInResult{Outcome: UnknownVolunteer}, nil
		}
		if p.Status == model.StatusArrived {
			res := s.resultLocked(AlreadyArrived, id)
			res.First = *p.Arrival
			s.mu.Unlock()
			return res, nil
		}
		if wait, busy := s.pending[id]; busy {
			// Another gate is writing this volunteer's arrival: wait for its answer.
			s.mu.Unlock()
			<-wait
			continue
		}
		done := make(chan struct{})
		s.pending[id] = done
		e := s.newEvent(model.KindArrive, id, by)
		s.mu.Unlock()

		err := s.commit(e)

		s.mu.Lock()
		delete(s.pending, id)
		close(done)
		if err != nil {
			s.mu.Unlock()
			return CheckInResult{}, err
		}
		s.apply(e)
		res := s.resultLocked(CheckedIn, id)
		res.Event = e
		s.mu.Unlock()
		s.notify()
		return res, nil
	}
}

func (s *Store) resultLocked(o Outcome, id string) CheckInResult {
	p, _ := s.state.Person(id)
	c, _ := s.state.Contingent(p.Contingent)
	return CheckInResult{Outcome: o, Person: p, Contingent: c.Tally}
}

// WalkIn registers a volunteer who is not on the roster and checks them in,
// in one transaction. The store gives the volunteer an ID.
func (s *Store) WalkIn(v model.Volunteer, by Actor) (CheckInResult, error) {
	v.Name = strings.Join(strings.Fields(v.Name), " ")
	v.Contingent = strings.TrimSpace(v.Contingent)
	v.Pillar = strings.TrimSpace(v.Pillar)
	v.Phone = strings.TrimSpace(v.Phone)
	v.Source = model.SourceWalkIn
	if v.Name == "" {
		return CheckInResult{}, errors.New("a walk-in needs a name")
	}
	if v.Contingent == "" {
		return CheckInResult{}, errors.New("a walk-in needs a contingent")
	}
	if g, ok := model.NormalizeGender(v.Gender); ok {
		v.Gender = g
	} else {
		return CheckInResult{}, fmt.Errorf("gender %q is not L or P", v.Gender)
	}
	reg := s.newEvent(model.KindWalkIn, "", by)
	v.ID = "W-" + reg.ID
	reg.Volunteer, reg.Contingent, reg.Record = v.ID, v.Contingent, &v
	arr := s.newEvent(model.KindArrive, v.ID, by)
	arr.At = reg.At
	if err := reg.Validate(); err != nil {
		return CheckInResult{}, err
	}
	if err := s.commit(reg, arr); err != nil {
		return CheckInResult{}, err
	}
	s.mu.Lock()
	s.apply(reg, arr)
	res := s.resultLocked(CheckedIn, v.ID)
	res.Event = arr
	s.mu.Unlock()
	s.notify()
	return res, nil
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
	case !s.state.Effective(eventID):
		s.mu.Unlock()
		return model.Event{}, fmt.Errorf("event %s is already annulled", eventID)
	}
	e := s.newEvent(model.KindAnnul, target.Volunteer, by)
	e.Contingent, e.Ref, e.Reason = target.Contingent, eventID, reason
	s.mu.Unlock()
	// Two operators annulling the same event at once both succeed; the fold
	// keeps the earliest, so the count is the same.
	if err := s.commit(e); err != nil {
		return model.Event{}, err
	}
	s.mu.Lock()
	s.apply(e)
	s.mu.Unlock()
	s.notify()
	return e, nil
}

// LastArrival returns the newest standing arrival recorded at a station: what
// the gate's annul key cancels.
func (s *Store) LastArrival(station string) (model.Event, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.LastArrival(station)
}
