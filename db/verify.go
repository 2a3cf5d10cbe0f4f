package db

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// VerifyReport is what Inspect found: problems are damage (restore a
// backup); notes are states a merge leaves on purpose and that resolve
// themselves (events waiting for a roster, annulments waiting for their
// target).
type VerifyReport struct {
	Problems []string
	Notes    []string
	Chains   []model.ChainHead // each station's events' hash chain, from the records read
}

// Verify returns the problems Inspect finds, none if the store is sound.
func (s *Store) Verify() ([]string, error) {
	rep, err := s.Inspect()
	return rep.Problems, err
}

// Inspect checks the domain invariants: every event readable and valid, no event ID twice, the
// ID index complete, and the fold succeeding with the same totals as the
// live state. Events for volunteers on no roster here, and annulments of
// events not here yet, are notes: a merge keeps them until the roster or
// the event arrives. bbolt's own page check is CheckFile's, which hadir runs
// in a child before it opens a store: run here it could crash hadir, and it
// would read every page a second time.
func (s *Store) Inspect() (VerifyReport, error) {
	var problems, notes []string
	unsealed := 0 // records written before checksums
	var roster []model.Volunteer
	var events []model.Event
	err := s.bolt.View(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketVolunteers).ForEach(func(k, v []byte) error {
			var vol model.Volunteer
			sealed, err := decodeRecord(v, &vol)
			if err != nil {
				problems = append(problems, fmt.Sprintf("volunteer record %q is damaged: %v", k, err))
				return nil
			}
			if !sealed {
				unsealed++
			}
			roster = append(roster, vol)
			return nil
		})
		if err != nil {
			return err
		}
		ids := tx.Bucket(bucketEventIDs)
		seen := map[string]bool{}
		err = tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			var e model.Event
			sealed, err := decodeRecord(v, &e)
			if err != nil {
				problems = append(problems, fmt.Sprintf("event record %x is damaged: %v", k, err))
				return nil
			}
			if !sealed {
				unsealed++
			}
			if err := e.Validate(); err != nil {
				problems = append(problems, err.Error())
				return nil
			}
			if seen[e.ID] {
				problems = append(problems, fmt.Sprintf("event %s is stored twice", e.ID))
				return nil
			}
			seen[e.ID] = true
			if got := ids.Get([]byte(e.ID)); !bytes.Equal(got, k) {
				problems = append(problems, fmt.Sprintf("event %s is missing from the ID index", e.ID))
			}
			events = append(events, e)
			return nil
		})
		if err != nil {
			return err
		}
		if n := ids.Stats().KeyN; n != len(seen) {
			problems = append(problems, fmt.Sprintf("the ID index holds %d events, the log %d", n, len(seen)))
		}
		return nil
	})
	if err != nil {
		return VerifyReport{}, fmt.Errorf("cannot read %s: %w", s.path, err)
	}
	if unsealed > 0 {
		notes = append(notes, fmt.Sprintf("%d records were written by a hadir before records carried checksums: they are read as they are, but a bit flipped in one of them could not be seen (records written from now on carry one)", unsealed))
	}
	folded, err := model.Fold(roster, events)
	if err != nil {
		return VerifyReport{Problems: append(problems, "the events do not fold: "+err.Error())}, nil
	}
	for _, e := range folded.Orphans() {
		// The volunteer who is missing: a replacement names two.
		who := e.Volunteer
		if folded.HasExactID(who) || who == "" {
			who = e.Ref
		}
		notes = append(notes, fmt.Sprintf("event %s (%s) is kept for volunteer %s, who is on no roster here; it counts once a roster with them is imported", e.ID, e.Kind, who))
	}
	for _, e := range events {
		if e.Kind == model.KindAnnul {
			if _, ok := folded.Event(e.Ref); !ok {
				notes = append(notes, fmt.Sprintf("annul %s waits for event %s, which is not here yet (merge the file of the station that wrote it)", e.ID, e.Ref))
			}
		}
	}
	if live := s.Totals(); live != folded.Totals() {
		problems = append(problems, fmt.Sprintf("the live count %+v differs from the stored records %+v", live, folded.Totals()))
	}
	return VerifyReport{Problems: problems, Notes: notes, Chains: model.ChainHeads(events)}, nil
}
