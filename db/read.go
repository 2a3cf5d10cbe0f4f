package db

import (
	"strings"

	"hadir/model"
)

// What readers of the store see: the live state under a read lock, and a
// signal after every change.

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

// IDsLike lists the stored IDs equal to id but for case: when there are
// several, none is taken for it (model.State.ResolveID).
func (s *Store) IDsLike(id string) []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.IDsLike(strings.TrimSpace(id))
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
		if _, ok := s.subs[ch]; ok {
			delete(s.subs, ch)
			close(ch) // a reader waiting for a change is let go
		}
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

// LastArrival returns the newest standing arrival recorded by this actor:
// what the gate's annul key cancels. An SSH login's own at this station (by
// its key or passcode, which are what it may annul, and not by its
// connection: a gate that reconnects finds its check-ins), else this
// station's.
func (s *Store) LastArrival(by Actor) (model.Event, bool) {
	station := strings.TrimSpace(by.Station)
	if station == "" {
		station = s.StationName()
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.LastArrival(func(e model.Event) bool {
		if by.Login != "" {
			return SameLogin(e.Login, by.Login) && e.Station == station
		}
		return e.Station == station
	})
}
