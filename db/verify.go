package db

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// Verify checks the file with bbolt's own consistency check, then the domain
// invariants: every event readable and valid, no event ID twice, the ID index
// complete, every event's volunteer known, and the fold succeeding with the
// same totals as the live state. It returns the problems found, none if the
// store is sound.
func (s *Store) Verify() ([]string, error) {
	var problems []string
	var roster []model.Volunteer
	var events []model.Event
	err := s.bolt.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, "file structure: "+err.Error())
		}
		var err error
		if roster, err = readRoster(tx); err != nil {
			problems = append(problems, err.Error())
		}
		ids := tx.Bucket(bucketEventIDs)
		seen := map[string]bool{}
		err = tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			var e model.Event
			if err := decodeRecord(v, &e); err != nil {
				problems = append(problems, fmt.Sprintf("event record %x is unreadable: %v", k, err))
				return nil
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
		return nil, fmt.Errorf("cannot read %s: %w", s.path, err)
	}
	folded, err := model.Fold(roster, events)
	if err != nil {
		return append(problems, "the events do not fold: "+err.Error()), nil
	}
	for _, e := range folded.Orphans() {
		problems = append(problems, fmt.Sprintf("event %s (%s) names volunteer %s, who is on no roster", e.ID, e.Kind, e.Volunteer))
	}
	for _, e := range events {
		if e.Kind == model.KindAnnul {
			if _, ok := folded.Event(e.Ref); !ok {
				problems = append(problems, fmt.Sprintf("annul %s cancels event %s, which is not stored", e.ID, e.Ref))
			}
		}
	}
	if live := s.Totals(); live != folded.Totals() {
		problems = append(problems, fmt.Sprintf("the live count %+v differs from the stored records %+v", live, folded.Totals()))
	}
	return problems, nil
}
