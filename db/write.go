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
		Login:     by.Login,
	}
}

// commit appends events in one transaction and returns once it is synced to
// disk. An event whose ID is already stored is an error: it would mean the
// station's sequence went backwards.
// Concurrent writers share transactions (groupCommit). It is the one place
// events are cleaned and checked on their way in.
func (s *Store) commit(events []model.Event, after func()) error {
	for i := range events {
		// Cleaned before the checks: a reason of escape codes is no reason.
		model.CleanEvent(&events[i])
		if err := events[i].Validate(); err != nil {
			return err
		}
	}
	fn := func(tx *bolt.Tx) error {
		if err := s.rehomeTx(tx); err != nil {
			return err
		}
		n, err := putEvents(tx, s.station, events)
		if err == nil && n != len(events) {
			err = errors.New("an event ID was about to be reused")
		}
		return err
	}
	if err := s.group.do(s.bolt, fn, after); err != nil {
		return writeError(s.path, err)
	}
	s.rehome.Store(false)
	return nil
}

// rehomeTx writes the station ID and its home when the store was copied
// here and this is its first write of an event.
func (s *Store) rehomeTx(tx *bolt.Tx) error {
	if !s.rehome.Load() {
		return nil
	}
	meta := tx.Bucket(bucketMeta)
	if err := meta.Put(keyStationID, []byte(s.station)); err != nil {
		return err
	}
	if err := meta.Put(keyStationHome, []byte(stationHome(s.path))); err != nil {
		return err
	}
	return meta.Put(keyStationSeq, seqKey(0))
}

// putEvents stores the events not stored yet (a merge is a union by ID) and
// returns how many it stored. It keeps the station's sequence at the highest
// used, so IDs are never reused after a crash or a merge of our own export.
func putEvents(tx *bolt.Tx, station string, events []model.Event) (int, error) {
	b, ids, meta := tx.Bucket(bucketEvents), tx.Bucket(bucketEventIDs), tx.Bucket(bucketMeta)
	if err := markSealed(tx); err != nil {
		return 0, err
	}
	// The log only ever grows at its end: full pages mean fewer pages to
	// split and sync per commit.
	b.FillPercent = 1.0
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

func (s *Store) knownLocked(eventID string) bool {
	_, ok := s.state.Event(eventID)
	return ok
}

// apply folds events a local write committed into the live state. Callers
// hold s.mu.
func (s *Store) apply(events ...model.Event) {
	if _, err := s.applyLocked(events); err != nil {
		// Committed events were validated first; this means a bug, and the
		// disk still holds the truth, which the next open refolds.
		panic(fmt.Sprintf("applying committed events: %v", err))
	}
}

// applyLocked folds stored events into the live state and keeps the search
// index in step (foldLocked); it returns how many were new here. Callers
// hold s.mu.
func (s *Store) applyLocked(events []model.Event) (int, error) {
	applied, stale, err := s.foldLocked(events)
	if stale {
		s.index = model.NewIndex(s.state.Volunteers())
	}
	return applied, err
}

// foldLocked is the one path by which stored events reach the live state:
// local writes, merges and an import's re-IDs. An event the state already
// holds is skipped (a merge is a union by ID). Re-IDs in a row fold in one
// walk of the roster. Walk-ins join the index here; stale says the index
// must be built anew (a rename or a re-ID moved people), once for the lot.
// Callers hold s.mu.
func (s *Store) foldLocked(events []model.Event) (applied int, stale bool, err error) {
	for i := 0; i < len(events); i++ {
		e := events[i]
		if s.knownLocked(e.ID) {
			continue
		}
		if e.Kind == model.KindReID {
			j := i + 1
			for j < len(events) && events[j].Kind == model.KindReID && !s.knownLocked(events[j].ID) {
				j++
			}
			if j-i > 1 {
				if err := s.state.ApplyReIDs(events[i:j]); err != nil {
					return applied, stale, err
				}
				applied += j - i
				stale = true
				i = j - 1
				continue
			}
		}
		if err := s.state.Apply(e); err != nil {
			return applied, stale, fmt.Errorf("event %s: %w", e.ID, err)
		}
		applied++
		stale = stale || s.movesPeople(e)
		if e.Kind == model.KindWalkIn && !stale {
			if p, ok := s.state.Person(e.Volunteer); ok {
				s.index.Add(p.Volunteer)
			}
		}
	}
	return applied, stale, nil
}
