package db

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// ImportReport says what a roster import changed (or would change, in a dry run).
type ImportReport struct {
	Added     []string // IDs new to the store
	Updated   []string // IDs whose record changed
	Unchanged int
	NotInFile []string // IDs in the store but not in the file: kept, never deleted
	DryRun    bool
}

// ImportRoster adds and updates volunteers by ID in one transaction: either
// every row is stored or none is. Nobody is deleted: a volunteer missing from
// the new file is reported and kept, since they may already have arrived.
func (s *Store) ImportRoster(vs []model.Volunteer, dryRun bool) (ImportReport, error) {
	if err := checkRoster(vs); err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{DryRun: dryRun}
	var changed []model.Volunteer
	// bbolt inserts in key order cheaply and in random order at a cost that
	// grows with the bucket: write in ID order, report in file order.
	byID := slices.Clone(vs)
	slices.SortFunc(byID, func(a, b model.Volunteer) int { return strings.Compare(a.ID, b.ID) })
	diff := func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketVolunteers)
		inFile := make(map[string]bool, len(vs))
		for _, v := range byID {
			inFile[v.ID] = true
			if old := b.Get([]byte(v.ID)); old != nil {
				var prev model.Volunteer
				if err := decodeRecord(old, &prev); err == nil && prev.Equal(v) {
					rep.Unchanged++
					continue
				}
				rep.Updated = append(rep.Updated, v.ID)
			} else {
				rep.Added = append(rep.Added, v.ID)
			}
			changed = append(changed, v)
			if dryRun {
				continue
			}
			data, err := encodeRecord(v)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(v.ID), data); err != nil {
				return err
			}
		}
		return b.ForEach(func(k, _ []byte) error {
			if !inFile[string(k)] {
				rep.NotInFile = append(rep.NotInFile, string(k))
			}
			return nil
		})
	}
	var err error
	if dryRun {
		err = s.bolt.View(diff)
	} else {
		// Imports are rare and large: hold the state lock so no check-in sees
		// a half-updated roster.
		s.mu.Lock()
		defer s.mu.Unlock()
		err = s.bolt.Update(diff)
	}
	if err != nil {
		return ImportReport{}, writeError(s.path, err)
	}
	sort.Strings(rep.NotInFile)
	if !dryRun {
		for _, v := range changed {
			s.state.Upsert(v)
		}
		if len(changed) > 1000 {
			// Adding one by one keeps the index sorted at a cost per
			// volunteer; for a whole roster, building it anew is cheaper.
			s.index = model.NewIndex(s.state.Volunteers())
		} else {
			for _, v := range changed {
				s.index.Add(v)
			}
		}
		if len(changed) > 0 {
			defer s.notify()
		}
	}
	return rep, nil
}

// checkRoster refuses records the parser should never have produced, so a
// bad caller cannot store half a roster.
func checkRoster(vs []model.Volunteer) error {
	seen := make(map[string]int, len(vs))
	for i, v := range vs {
		switch {
		case strings.TrimSpace(v.ID) == "":
			return fmt.Errorf("roster row %d (%s) has no ID; nothing was imported", i+1, v.Name)
		case strings.TrimSpace(v.Name) == "":
			return fmt.Errorf("roster row %d (ID %s) has no name; nothing was imported", i+1, v.ID)
		}
		if j, dup := seen[v.ID]; dup {
			return fmt.Errorf("roster rows %d and %d share the ID %s; nothing was imported", j+1, i+1, v.ID)
		}
		seen[v.ID] = i
	}
	return nil
}
