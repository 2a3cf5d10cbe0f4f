package db

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// MergeReport says what a merge of another station's events did.
type MergeReport struct {
	Added     int      // events new to this store
	Known     int      // events this store already had (merging twice changes nothing)
	Conflicts []string // event IDs this store holds with different content: ours kept
	Unknown   []string // volunteer IDs on no roster here: import the same roster on both laptops
	Doubles   []string // volunteers who now have arrivals at two stations (see the dashboard)
	Stations  []string // the stations the file's events came from
}

// Merge adds another station's events: a union by event ID in one
// transaction, so merging the same file twice, or two files in either order,
// ends in the same store. Nothing is guessed: events for volunteers this
// roster does not know are stored and reported, and count once the roster
// that knows them is imported.
func (s *Store) Merge(events []model.Event, by Actor) (MergeReport, error) {
	if err := by.maySync("merge another station's records"); err != nil {
		return MergeReport{}, err
	}
	if err := s.CheckMerge(events); err != nil {
		return MergeReport{}, err
	}
	var rep MergeReport
	var fresh []model.Event
	stations := map[string]bool{}
	unknown := map[string]bool{}
	walkins := map[string]bool{}
	for _, e := range events {
		if e.Kind == model.KindWalkIn {
			walkins[e.Volunteer] = true
		}
	}
	events = slices.Clone(events)
	s.mu.RLock()
	for i := range events {
		e := &events[i]
		s.storedIDsLocked(e, walkins)
		if err := errors.Join(e.Validate(), e.CheckOutside()); err != nil {
			s.mu.RUnlock()
			return MergeReport{}, err
		}
		stations[e.Station] = true
		if have, ok := s.state.Event(e.ID); ok {
			rep.Known++
			if !reflect.DeepEqual(normalised(have), normalised(*e)) {
				rep.Conflicts = append(rep.Conflicts, e.ID)
			}
			continue
		}
		fresh = append(fresh, *e)
		for _, id := range []string{e.Volunteer, e.Ref} {
			if id == "" || e.Kind == model.KindAnnul || e.Kind == model.KindConfirm || e.Kind == model.KindWithdraw || e.Kind == model.KindNote {
				continue
			}
			if e.Kind == model.KindReID && id == e.Volunteer {
				id = e.Ref // the new ID is theirs once the event is here
			}
			if _, ok := s.state.Person(id); !ok && !walkins[id] {
				unknown[id] = true
			}
		}
	}
	s.mu.RUnlock()
	if len(fresh) > 0 {
		err := s.bolt.Update(func(tx *bolt.Tx) error {
			_, err := putEvents(tx, s.station, fresh)
			return err
		})
		if err != nil {
			return MergeReport{}, writeError(s.path, err)
		}
	}
	s.mu.Lock()
	before := map[string]bool{}
	for _, a := range s.state.Anomalies() {
		if a.Kind == model.AnomalyDoubleArrival {
			before[a.Volunteer] = true
		}
	}
	added, err := s.applyLocked(fresh)
	if err != nil {
		s.mu.Unlock()
		return MergeReport{}, err
	}
	rep.Added = added
	for _, a := range s.state.Anomalies() {
		if a.Kind == model.AnomalyDoubleArrival && !before[a.Volunteer] {
			rep.Doubles = append(rep.Doubles, a.Volunteer)
		}
	}
	s.mu.Unlock()
	for st := range stations {
		rep.Stations = append(rep.Stations, st)
	}
	for id := range unknown {
		rep.Unknown = append(rep.Unknown, id)
	}
	sort.Strings(rep.Stations)
	sort.Strings(rep.Unknown)
	sort.Strings(rep.Doubles)
	if rep.Added > 0 {
		s.notify()
	}
	return rep, nil
}

// storedIDsLocked names e's volunteers by their IDs as stored here: another
// laptop's roster may have spelt an ID in another case ("jrs-blg-0010"),
// and an event the fold does not find its volunteer for would not count.
// A walk-in the file itself registers keeps its ID.
func (s *Store) storedIDsLocked(e *model.Event, walkins map[string]bool) {
	ids := []*string{&e.Volunteer}
	if e.Kind == model.KindReplace {
		ids = append(ids, &e.Ref)
	}
	for _, id := range ids {
		if *id == "" || walkins[*id] {
			continue
		}
		if stored, ok := s.state.ResolveID(*id); ok {
			*id = stored
		}
	}
}

// maxMergedSeq bounds the sequence of a merged event ID: a station writes a
// few thousand events, and a counter near the top of its range would stop
// the station that owns it.
const maxMergedSeq = 1 << 40

// CheckMerge checks events from another station's file before any is
// stored: each dated from a year before this store was made (or before its
// first event, if older) to a day from now, each ID one that hadir makes, and none that this station would have
// have written itself and has not (it would move this station's counter). The first problem
// refuses the whole file.
func (s *Store) CheckMerge(events []model.Event) error {
	since := s.created
	s.mu.RLock()
	if first, ok := s.state.FirstEventAt(); ok && first.Before(since) {
		since = first // a store that holds older events takes events as old
	}
	s.mu.RUnlock()
	earliest, latest := since.AddDate(-1, 0, 0), s.now().Add(24*time.Hour)
	day := func(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }
	for _, e := range events {
		station, seq, ok := model.ParseEventID(e.ID)
		switch {
		case !ok:
			return fmt.Errorf("event %q: not an event ID that hadir makes (STATION-NUMBER); nothing was merged", e.ID)
		case seq > maxMergedSeq:
			return fmt.Errorf("event %s: its number is beyond 2^40, which no station reaches; the file is not a hadir export, nothing was merged", e.ID)
		case e.At.Before(earliest) || e.At.After(latest):
			return fmt.Errorf("event %s is dated %s, outside %s to %s (a year before this store was made, to a day from now): the clock of the laptop that wrote it was wrong; nothing was merged", e.ID, day(e.At), day(earliest), day(latest))
		case station == s.station && seq > s.seq.Load():
			return fmt.Errorf("event %s carries this store's own station ID (%s) and a number it has not reached: merging it would move this station's event counter. If this store was restored from a backup, open the copy under another file name (it then becomes a station of its own) and merge there; nothing was merged", e.ID, s.station)
		}
	}
	return nil
}

// normalised drops what an export adds or rounds, to compare two copies of
// one event: the contingent an export fills in for arrivals, and time zones.
func normalised(e model.Event) model.Event {
	e.At = e.At.UTC()
	switch e.Kind {
	case model.KindArrive, model.KindDepart, model.KindAnnul:
		e.Contingent = ""
	}
	return e
}
