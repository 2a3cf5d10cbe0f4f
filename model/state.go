package model

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Status is where a volunteer stands, derived from the events.
type Status int

// Statuses, in the order a contingent screen lists them (missing first).
const (
	StatusMissing  Status = iota // expected, not arrived
	StatusExcused                // sakit or izin, not arrived
	StatusArrived                // on site
	StatusDeparted               // arrived, then left
	StatusReplaced               // someone else took their place; not expected
	StatusVoid                   // a walk-in whose registration or arrival was annulled: not counted
)

// String is the status as a stable word (used in exports).
func (s Status) String() string {
	switch s {
	case StatusMissing:
		return "missing"
	case StatusExcused:
		return "excused"
	case StatusArrived:
		return "arrived"
	case StatusDeparted:
		return "departed"
	case StatusReplaced:
		return "replaced"
	case StatusVoid:
		return "void"
	}
	return fmt.Sprintf("status(%d)", int(s))
}

// Person is a volunteer with the state folded from their events. Its pointers
// are shared with the State and must not be modified.
type Person struct {
	Volunteer
	Status     Status
	Arrival    *Event   // the first effective arrival, nil if none
	Departure  *Event   // the effective departure when Status is StatusDeparted
	Excuse     *Event   // the latest effective excuse
	Duplicates []*Event // arrivals recorded while already on site (merged stations)
	ReplacedBy string   // the volunteer who took this one's place
	Replaces   string   // the volunteer whose place this one took
}

// Same reports whether p and q say the same of one person. Events are
// compared by pointer: the state never changes an event it holds, so the
// same pointer is the same event (cheap enough for every keystroke).
func (p Person) Same(q Person) bool {
	return p.Volunteer.Equal(q.Volunteer) &&
		p.Status == q.Status && p.Arrival == q.Arrival && p.Departure == q.Departure && p.Excuse == q.Excuse &&
		slices.Equal(p.Duplicates, q.Duplicates) && p.ReplacedBy == q.ReplacedBy && p.Replaces == q.Replaces
}

// SamePeople is Same for two lists, in order.
func SamePeople(a, b []Person) bool {
	return slices.EqualFunc(a, b, Person.Same)
}

// Tally counts a group of volunteers. Every expected volunteer is exactly one
// of Arrived, Excused or Missing; Replaced ones are not expected.
type Tally struct {
	Expected int `json:"expected"`
	Arrived  int `json:"arrived"` // ever arrived, departed or not: the count
	Excused  int `json:"excused"`
	Replaced int `json:"replaced"`
	Departed int `json:"departed"`
	OnSite   int `json:"on_site"`
	Missing  int `json:"missing"`
}

func (t *Tally) add(p *Person, sign int) {
	switch p.Status {
	case StatusVoid:
		return
	case StatusReplaced:
		t.Replaced += sign
		return
	case StatusMissing:
		t.Missing += sign
	case StatusExcused:
		t.Excused += sign
	case StatusArrived:
		t.Arrived += sign
		t.OnSite += sign
	case StatusDeparted:
		t.Arrived += sign
		t.Departed += sign
	}
	t.Expected += sign
}

// Complete reports whether every expected volunteer is arrived or excused.
func (t Tally) Complete() bool { return t.Missing == 0 }

// Contingent is one contingent's tally and sign-off.
type Contingent struct {
	Name string
	Tally
	Confirm *Event // the standing arrival sign-off, nil if none
	// ConfirmValid is false when a sign-off stands but the contingent is no
	// longer complete (a later annul or replacement).
	ConfirmValid  bool
	DepartConfirm *Event // the standing departure sign-off
	// DepartConfirmValid is false when someone of the contingent is on site
	// again after the departure sign-off.
	DepartConfirmValid bool
}

// State is the fold of the roster and the events. It is rebuilt the same from
// the same events whatever order they arrive in, and updated per event
// without recounting. It is not safe for concurrent use; db guards it.
type State struct {
	people      map[string]*Person
	order       []string            // volunteer IDs in roster order, walk-ins after
	events      map[string]*Event   // every event by ID
	byVolunteer map[string][]*Event // events touching a volunteer, sorted
	byGroup     map[string][]*Event // confirm/withdraw events per contingent, sorted
	annulledBy  map[string]*Event   // event ID -> the effective annul that cancels it
	groups      map[string]*group
	pillars     map[string]*Tally
	total       Tally
	perQuarter  map[int64]int       // first arrivals per quarter hour (unix/900)
	arrivals    []*Event            // standing first arrivals, in fold order: the latest are at the end
	sorted      []*Event            // every event in fold order, for the log
	doubled     map[string]bool     // volunteers with more than one standing arrival
	walkins     map[string]*Event   // walk-in registrations by volunteer
	byLowerID   map[string][]string // lower-case ID -> the IDs spelt so (state_id.go)
	notes       []*Event            // refused scans, in fold order: never counted
	version     uint64

	renames       []*Event          // contingent renames, in fold order (state_contingent.go)
	rawContingent map[string]string // volunteer -> the contingent their record came with
	spellings     *spellings        // the contingents' spellings and what they resolve to
	reids         map[string]*Event // IDKey of an old ID -> the re-ID that stands (state_reid.go)
}

type group struct {
	tally   Tally
	members []string
}

// NewState returns the state of a roster with no events.
func NewState(roster []Volunteer) *State {
	s := &State{
		people:        make(map[string]*Person, len(roster)),
		events:        map[string]*Event{},
		byVolunteer:   make(map[string][]*Event, len(roster)),
		rawContingent: make(map[string]string, len(roster)),
		spellings:     newSpellings(),
		byGroup:       map[string][]*Event{},
		annulledBy:    map[string]*Event{},
		groups:        map[string]*group{},
		pillars:       map[string]*Tally{},
		perQuarter:    map[int64]int{},
		doubled:       map[string]bool{},
		walkins:       map[string]*Event{},
		byLowerID:     make(map[string][]string, len(roster)),
	}
	s.holdSpellings()
	for _, v := range roster {
		s.Upsert(v)
	}
	s.releaseSpellings()
	return s
}

// Fold builds the state of a roster and its events.
func Fold(roster []Volunteer, events []Event) (*State, error) {
	s := NewState(roster)
	// At 100,000 events, growing the maps and allocating each event on its
	// own is most of a fold: size them once, keep the events in one array.
	s.events = make(map[string]*Event, len(events))
	s.sorted = make([]*Event, 0, len(events))
	kept := slices.Clone(events)
	s.holdSpellings()
	for i := range kept {
		if err := s.apply(&kept[i]); err != nil {
			return nil, err
		}
	}
	s.releaseSpellings()
	return s, nil
}

// Version changes every time the state does; views cache by it.
func (s *State) Version() uint64 { return s.version }

// Upsert adds a volunteer or replaces their record (a roster re-import).
func (s *State) Upsert(v Volunteer) {
	s.version++
	v.ID = s.CanonicalID(v.ID) // a record under an old ID is the person's
	p, known := s.people[v.ID]
	v.Contingent = s.keepRaw(v.ID, v.Contingent, known)
	if known {
		s.count(p, -1)
		if p.Contingent != v.Contingent {
			s.leave(p)
			p.Volunteer = v
			s.join(p)
		} else {
			p.Volunteer = v
		}
		s.recompute(p)
		s.count(p, +1)
		return
	}
	p = &Person{Volunteer: v}
	s.people[v.ID] = p
	s.order = append(s.order, v.ID)
	s.addLowerID(v.ID)
	s.join(p)
	s.recompute(p)
	s.count(p, +1)
}

func (s *State) join(p *Person) {
	g := s.groups[p.Contingent]
	if g == nil {
		g = &group{}
		s.groups[p.Contingent] = g
	}
	g.members = append(g.members, p.ID)
}

func (s *State) leave(p *Person) {
	g := s.groups[p.Contingent]
	for i, id := range g.members {
		if id == p.ID {
			g.members = append(g.members[:i], g.members[i+1:]...)
			break
		}
	}
}

// count adds (sign +1) or removes (-1) a person's contribution to every tally.
func (s *State) count(p *Person, sign int) {
	s.total.add(p, sign)
	s.groups[p.Contingent].tally.add(p, sign)
	pt := s.pillars[p.Pillar]
	if pt == nil {
		pt = &Tally{}
		s.pillars[p.Pillar] = pt
	}
	pt.add(p, sign)
	if p.Arrival != nil {
		s.perQuarter[quarter(p.Arrival.At)] += sign
		if sign > 0 {
			s.arrivals = insertSorted(s.arrivals, p.Arrival)
		} else {
			s.arrivals = removeSorted(s.arrivals, p.Arrival)
		}
	}
	if len(p.Duplicates) > 0 && sign > 0 {
		s.doubled[p.ID] = true
	} else if sign < 0 {
		delete(s.doubled, p.ID)
	}
}

func quarter(t time.Time) int64 { return t.Unix() / 900 }

// Apply folds one event in. Events may come in any order; an event already
// applied (same ID) is an error, as is an invalid one.
func (s *State) Apply(e Event) error { return s.apply(&e) }

// apply folds in the event e points to, which the State keeps.
func (s *State) apply(e *Event) error {
	if err := s.keep(e); err != nil {
		return err
	}
	if e.Kind == KindWalkIn {
		id := s.CanonicalID(e.Volunteer)
		s.walkins[id] = e
		if _, known := s.people[id]; !known {
			s.Upsert(*e.Record)
		}
	}
	if e.Kind == KindAnnul {
		s.applyAnnul(e)
		return nil
	}
	if e.Kind == KindRename {
		s.applyRename(e)
		return nil
	}
	if e.Kind == KindNote {
		// Kept aside, filed under nobody: a note changes no status or tally.
		s.notes = insertSorted(s.notes, e)
		return nil
	}
	if e.Kind == KindReID {
		s.applyReID(e)
		return nil
	}
	s.index(e)
	s.touch(e)
	return nil
}

// keep checks e and files it among the state's events, in fold order:
// the first step of every fold (apply, ApplyReIDs).
func (s *State) keep(e *Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if _, dup := s.events[e.ID]; dup {
		return fmt.Errorf("event %s is recorded twice", e.ID)
	}
	s.events[e.ID] = e
	s.sorted = insertSorted(s.sorted, e)
	s.version++
	return nil
}

// index files an event under everything it concerns, keeping each list sorted.
func (s *State) index(e *Event) {
	switch e.Kind {
	case KindConfirm, KindWithdraw:
		k := s.fileUnder(e.Contingent)
		s.byGroup[k] = insertSorted(s.byGroup[k], e)
	case KindReplace:
		v, r := s.CanonicalID(e.Volunteer), s.CanonicalID(e.Ref)
		s.byVolunteer[v] = insertSorted(s.byVolunteer[v], e)
		s.byVolunteer[r] = insertSorted(s.byVolunteer[r], e)
	default:
		v := s.CanonicalID(e.Volunteer)
		s.byVolunteer[v] = insertSorted(s.byVolunteer[v], e)
	}
}

// insertSorted puts e in its place in a list in fold order. New events are
// usually the latest, so this is usually an append.
func insertSorted(list []*Event, e *Event) []*Event {
	if n := len(list); n == 0 || before(list[n-1], e) {
		return append(list, e)
	}
	i := sort.Search(len(list), func(i int) bool { return before(e, list[i]) })
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = e
	return list
}

// before is Event.Before without copying the events.
func before(a, b *Event) bool {
	if !a.At.Equal(b.At) {
		return a.At.Before(b.At)
	}
	return a.ID < b.ID
}

func removeSorted(list []*Event, e *Event) []*Event {
	i := sort.Search(len(list), func(i int) bool { return !before(list[i], e) })
	if i < len(list) && list[i] == e {
		return append(list[:i], list[i+1:]...)
	}
	return list
}

// applyAnnul cancels the target event. The earliest annul of an event is the
// effective one, so the result does not depend on the order of receipt; an
// annul whose target has not been received yet waits for it.
func (s *State) applyAnnul(a *Event) {
	if prev := s.annulledBy[a.Ref]; prev != nil && prev.Before(*a) {
		return
	}
	s.annulledBy[a.Ref] = a
	if target, ok := s.events[a.Ref]; ok {
		s.touch(target)
	}
}

// Annulment returns the annul event that cancels event id, if any.
func (s *State) Annulment(id string) (*Event, bool) {
	a, ok := s.annulledBy[id]
	return a, ok && a != nil
}

// effective reports whether an event stands (has not been annulled). Annuls
// of annuls are refused by the store and have no effect here.
func (s *State) effective(e *Event) bool { return s.annulledBy[e.ID] == nil }

// touch recomputes whatever an event concerns.
func (s *State) touch(e *Event) {
	switch e.Kind {
	case KindConfirm, KindWithdraw, KindNote:
		return // sign-offs are resolved when read; notes never count
	case KindRename:
		s.respell() // annulled
	case KindReID:
		return // not annulled (the store refuses to)
	case KindReplace:
		s.refresh(s.CanonicalID(e.Volunteer))
		s.refresh(s.CanonicalID(e.Ref))
	default:
		s.refresh(s.CanonicalID(e.Volunteer))
	}
}

func (s *State) refresh(id string) {
	p, ok := s.people[id]
	if !ok {
		return // an event for a volunteer not on the roster: verify reports it
	}
	s.count(p, -1)
	s.recompute(p)
	s.count(p, +1)
}

// recompute derives a person's status from their effective events in order.
func (s *State) recompute(p *Person) {
	p.Status, p.Arrival, p.Departure, p.Excuse = StatusMissing, nil, nil, nil
	p.Duplicates, p.ReplacedBy, p.Replaces = nil, "", ""
	onSite := false
	for _, e := range s.byVolunteer[p.ID] {
		if !s.effective(e) {
			continue
		}
		switch e.Kind {
		case KindArrive:
			if onSite {
				p.Duplicates = append(p.Duplicates, e)
				continue
			}
			if p.Arrival == nil {
				p.Arrival = e
			}
			onSite, p.Departure = true, nil
		case KindDepart:
			if onSite {
				onSite, p.Departure = false, e
			}
		case KindExcuse:
			p.Excuse = e
		case KindReplace:
			if s.CanonicalID(e.Ref) == p.ID {
				p.ReplacedBy = s.CanonicalID(e.Volunteer)
			} else {
				p.Replaces = s.CanonicalID(e.Ref)
			}
		}
	}
	switch {
	case p.ReplacedBy != "" && p.Arrival == nil:
		p.Status = StatusReplaced
	case p.Departure != nil:
		p.Status = StatusDeparted
	case p.Arrival != nil:
		p.Status = StatusArrived
	case p.Excuse != nil:
		p.Status = StatusExcused
	}
	if p.Source == SourceWalkIn {
		// Registered on site: they count while their registration stands and
		// they arrived (or came to replace someone). An annulled walk-in is
		// not someone the contingent still waits for.
		if reg := s.walkins[p.ID]; reg == nil || !s.effective(reg) || (p.Arrival == nil && p.Replaces == "") {
			p.Status = StatusVoid
		}
	}
}
