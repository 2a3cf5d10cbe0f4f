package db

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// ImportReport says what a roster import changed (or would change, in a
// dry run, or would have changed when refused).
type ImportReport struct {
	*model.ImportPlan
	DryRun bool
}

// ImportRefused is an import that changed nothing because rows would have
// made an ID someone else, or could not be told apart: Plan lists them.
type ImportRefused struct {
	Plan *model.ImportPlan
}

func (e *ImportRefused) Error() string {
	return fmt.Sprintf("%d row(s) would change who an ID is and %d cannot be told apart from people already imported; nothing was imported",
		len(e.Plan.Conflicts), len(e.Plan.Ambiguous))
}

// ImportRoster adds and updates volunteers by ID; it is ImportRows for
// records that all carry their own ID.
func (s *Store) ImportRoster(vs []model.Volunteer, dryRun bool) (ImportReport, error) {
	rows := make([]model.ImportRow, len(vs))
	for i, v := range vs {
		rows[i] = model.ImportRow{Volunteer: v, Line: i + 1}
	}
	return s.ImportRows(rows, model.ImportOptions{}, dryRun)
}

// ImportRows adds and updates volunteers in one transaction: either every
// row is stored or none is. Nobody is deleted: a volunteer missing from the
// new file is reported and kept, since they may already have arrived. An
// import that would make an ID another person, or cannot tell who a row
// is, is refused with an *ImportRefused and changes nothing (see
// model.PlanImport).
//
// A person imported before with a made-up ID who takes the file's ID gets
// a re-ID event in the same transaction, so their check-ins, and those
// another station records under the old ID, follow them (see
// model.State.CanonicalID). by is who imports (the owner on the command
// line).
func (s *Store) ImportRows(rows []model.ImportRow, opt model.ImportOptions, dryRun bool) (ImportReport, error) {
	return s.ImportRowsBy(rows, opt, dryRun, Actor{Role: RoleOwner})
}

// ImportRowsBy is ImportRows recorded as by's.
func (s *Store) ImportRowsBy(rows []model.ImportRow, opt model.ImportOptions, dryRun bool, by Actor) (ImportReport, error) {
	if err := checkRoster(rows); err != nil {
		return ImportReport{}, err
	}
	if dryRun {
		s.mu.RLock()
		defer s.mu.RUnlock()
	} else {
		// Imports are rare and large: hold the state lock so no check-in sees
		// a half-updated roster.
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	if len(s.state.Renames()) > 0 || len(s.state.ReIDs()) > 0 {
		// A file written before a rename still names the old contingent,
		// and one written before a re-ID the old ID.
		rows = slices.Clone(rows)
		for i := range rows {
			rows[i].Contingent = s.state.Renamed(rows[i].Contingent)
			if !rows[i].Generated && opt.IDPrefix == "" {
				rows[i].ID = s.state.CanonicalID(rows[i].ID)
			}
		}
	}
	if opt.Retired == nil {
		opt.Retired = func(id string) bool { return s.state.CanonicalID(id) != id }
	}
	plan := model.PlanImport(s.state.Volunteers(), s.state.HasEvents, rows, opt)
	rep := ImportReport{ImportPlan: plan, DryRun: dryRun}
	if plan.Refused() {
		return rep, &ImportRefused{Plan: plan}
	}
	if dryRun || len(plan.Put)+len(plan.Delete) == 0 {
		return rep, nil
	}
	var reids []model.Event
	for _, a := range plan.Adopted {
		e := s.newEvent(model.KindReID, a.To, by)
		e.Ref = a.From
		reids = append(reids, e)
	}
	// bbolt inserts in key order cheaply and in random order at a cost that
	// grows with the bucket: write in ID order.
	byID := slices.Clone(plan.Put)
	slices.SortFunc(byID, func(a, b model.Volunteer) int { return strings.Compare(a.ID, b.ID) })
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		if err := markSealed(tx); err != nil {
			return err
		}
		// Stamped, so the laptops this one syncs with take the records too.
		if err := s.putStamps(tx, byID, stamp{Updated: s.now().UTC(), By: s.station}); err != nil {
			return err
		}
		if len(reids) > 0 {
			if err := s.rehomeTx(tx); err != nil {
				return err
			}
			if n, err := putEvents(tx, s.station, reids); err != nil || n != len(reids) {
				return cmp.Or(err, errors.New("an event ID was about to be reused"))
			}
		}
		b := tx.Bucket(bucketVolunteers)
		for _, id := range plan.Delete {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		for _, v := range byID {
			data, err := encodeRecord(v)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(v.ID), data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, writeError(s.path, err)
	}
	if len(reids) > 0 {
		s.rehome.Store(false)
	}
	for _, v := range plan.Put {
		s.state.Upsert(v)
	}
	// After the new records: the old record gives way to the new. The
	// index is built below, once, for the re-IDs and the records alike.
	_, stale, err := s.foldLocked(reids)
	if err != nil {
		panic(fmt.Sprintf("applying committed re-ID events: %v", err))
	}
	for _, id := range plan.Delete {
		s.state.Remove(id)
	}
	if stale || len(plan.Put) > 1000 || len(plan.Delete) > 0 {
		// Adding one by one keeps the index sorted at a cost per
		// volunteer; for a whole roster, building it anew is cheaper.
		s.index = model.NewIndex(s.state.Volunteers())
	} else {
		for _, v := range plan.Put {
			s.index.Add(v)
		}
	}
	defer s.notify()
	return rep, nil
}

// checkRoster refuses records the parser should never have produced, so a
// bad caller cannot store half a roster.
func checkRoster(rows []model.ImportRow) error {
	seen := make(map[string]int, len(rows))
	for i, v := range rows {
		switch {
		case strings.TrimSpace(v.ID) == "":
			return fmt.Errorf("roster row %d (%s) has no ID; nothing was imported", i+1, v.Name)
		case strings.TrimSpace(v.Name) == "":
			return fmt.Errorf("roster row %d (ID %s) has no name; nothing was imported", i+1, v.ID)
		}
		key := model.IDKey(v.ID)
		if j, dup := seen[key]; dup {
			return fmt.Errorf("roster rows %d and %d share the ID %s; nothing was imported", j+1, i+1, v.ID)
		}
		seen[key] = i
	}
	return nil
}
