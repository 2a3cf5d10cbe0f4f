package model

import (
	"sort"
	"time"
)

// Person returns a volunteer's folded state, by their ID in any case
// (ResolveID) or by an ID a re-ID replaced (state_reid.go): the returned
// Person's ID is the one they are known by now.
func (s *State) Person(id string) (Person, bool) {
	p, ok := s.people[id]
	if !ok && len(s.reids) > 0 {
		p, ok = s.people[s.CanonicalID(id)]
	}
	if !ok {
		resolved, found := s.ResolveID(id) // the ID in another case
		if !found {
			resolved, found = s.ResolveID(s.CanonicalID(id))
		}
		if !found {
			return Person{}, false
		}
		p = s.people[resolved]
	}
	return *p, true
}

// Len is the number of volunteers known (roster and walk-ins).
func (s *State) Len() int { return len(s.order) }

// Volunteers returns every volunteer record, roster order first, then walk-ins.
func (s *State) Volunteers() []Volunteer {
	out := make([]Volunteer, len(s.order))
	for i, id := range s.order {
		out[i] = s.people[id].Volunteer
	}
	return out
}

// Totals is the tally of the whole event.
func (s *State) Totals() Tally { return s.total }

// ContingentNames lists the contingents, sorted.
func (s *State) ContingentNames() []string {
	names := make([]string, 0, len(s.groups))
	for n, g := range s.groups {
		if len(g.members) > 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Contingent returns one contingent's tally and standing sign-offs.
func (s *State) Contingent(name string) (Contingent, bool) {
	name, _ = s.ResolveContingent(name)
	g, ok := s.groups[name]
	if !ok || len(g.members) == 0 {
		return Contingent{}, false
	}
	c := Contingent{Name: name, Tally: g.tally}
	for _, e := range s.byGroup[name] {
		if !s.effective(e) {
			continue
		}
		phase := &c.Confirm
		if e.Reason == PhaseDeparture {
			phase = &c.DepartConfirm
		}
		if e.Kind == KindConfirm {
			*phase = e
		} else {
			*phase = nil
		}
	}
	c.ConfirmValid = c.Confirm != nil && g.tally.Complete()
	c.DepartConfirmValid = c.DepartConfirm != nil && g.tally.OnSite == 0
	return c, true
}

// Sign-off phases, carried in a confirm or withdraw event's Reason.
const (
	PhaseArrival   = ""
	PhaseDeparture = "departure"
)

// Contingents returns every contingent, sorted by name.
func (s *State) Contingents() []Contingent {
	names := s.ContingentNames()
	out := make([]Contingent, len(names))
	for i, n := range names {
		out[i], _ = s.Contingent(n)
	}
	return out
}

// Members returns the IDs of a contingent's volunteers in roster order.
func (s *State) Members(contingent string) []string {
	contingent, _ = s.ResolveContingent(contingent)
	g := s.groups[contingent]
	if g == nil {
		return nil
	}
	return append([]string(nil), g.members...)
}

// PillarTally is one pillar's count.
type PillarTally struct {
	Pillar string
	Tally
}

// Pillars returns the tally per pillar, sorted by name.
func (s *State) Pillars() []PillarTally {
	out := make([]PillarTally, 0, len(s.pillars))
	for n, t := range s.pillars {
		if t.Expected+t.Replaced > 0 {
			out = append(out, PillarTally{Pillar: n, Tally: *t})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pillar < out[j].Pillar })
	return out
}

// QuarterCount is the number of first arrivals in one quarter hour.
type QuarterCount struct {
	Start time.Time // UTC
	Count int
}

// ArrivalsPerQuarter returns first arrivals per quarter hour, oldest first,
// with empty quarters between the first and the last filled in.
func (s *State) ArrivalsPerQuarter() []QuarterCount {
	var lo, hi int64
	first := true
	for q, n := range s.perQuarter {
		if n == 0 {
			continue
		}
		if first || q < lo {
			lo = q
		}
		if first || q > hi {
			hi = q
		}
		first = false
	}
	if first {
		return nil
	}
	out := make([]QuarterCount, 0, hi-lo+1)
	for q := lo; q <= hi; q++ {
		out = append(out, QuarterCount{Start: time.Unix(q*900, 0).UTC(), Count: s.perQuarter[q]})
	}
	return out
}

// Event returns an event by ID.
func (s *State) Event(id string) (Event, bool) {
	e, ok := s.events[id]
	if !ok {
		return Event{}, false
	}
	return *e, true
}

// EventCount is the number of events folded in.
func (s *State) EventCount() int { return len(s.events) }

// Events returns every event in fold order (time, then ID).
func (s *State) Events() []Event {
	out := make([]Event, len(s.sorted))
	for i, e := range s.sorted {
		out[i] = *e
	}
	return out
}

// NewestEvents returns up to n events starting at the newest minus skip,
// newest first: a page of the log without copying the whole of it.
func (s *State) NewestEvents(skip, n int) []Event {
	var out []Event
	for i := len(s.sorted) - 1 - skip; i >= 0 && len(out) < n; i-- {
		out = append(out, *s.sorted[i])
	}
	return out
}

// EachEventNewestFirst calls fn for every event, newest first, until fn
// returns false.
func (s *State) EachEventNewestFirst(fn func(e Event) bool) {
	for i := len(s.sorted) - 1; i >= 0; i-- {
		if !fn(*s.sorted[i]) {
			return
		}
	}
}

// LatestArrivals returns the people of the n newest standing first
// arrivals, newest first.
func (s *State) LatestArrivals(n int) []Person {
	// Every watching gate asks at each reload: the list is sized once.
	out := make([]Person, 0, min(n, len(s.arrivals)))
	for i := len(s.arrivals) - 1; i >= 0 && len(out) < n; i-- {
		if p, ok := s.people[s.arrivals[i].Volunteer]; ok {
			out = append(out, *p)
		}
	}
	return out
}

// Anomaly is something the committee should look at.
type Anomaly struct {
	Kind       AnomalyKind
	Volunteer  string // for double arrivals and walk-ins
	Contingent string // for sign-offs no longer valid
	At         time.Time
}

// AnomalyKind names an anomaly.
type AnomalyKind int

// The anomalies the dashboard lists.
const (
	AnomalyDoubleArrival  AnomalyKind = iota // arrived twice at different stations (merged records)
	AnomalyWalkIn                            // a walk-in arrived: not on the roster
	AnomalySignOffInvalid                    // a signed-off contingent is incomplete again
)

// Anomalies lists double arrivals, walk-in arrivals and sign-offs no longer
// valid, newest first. It costs the number of anomalies and contingents, not
// the number of volunteers.
func (s *State) Anomalies() []Anomaly {
	var out []Anomaly
	for id := range s.doubled {
		p := s.people[id]
		out = append(out, Anomaly{Kind: AnomalyDoubleArrival, Volunteer: id, At: p.Duplicates[0].At})
	}
	for _, e := range s.walkins {
		if !s.effective(e) {
			continue
		}
		if p, ok := s.people[e.Volunteer]; ok && p.Arrival != nil {
			out = append(out, Anomaly{Kind: AnomalyWalkIn, Volunteer: p.ID, At: p.Arrival.At})
		}
	}
	for _, n := range s.ContingentNames() {
		if c, _ := s.Contingent(n); c.Confirm != nil && !c.ConfirmValid {
			out = append(out, Anomaly{Kind: AnomalySignOffInvalid, Contingent: n, At: c.Confirm.At})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.After(out[j].At)
		}
		return out[i].Volunteer+out[i].Contingent < out[j].Volunteer+out[j].Contingent
	})
	return out
}

// Effective reports whether the event with this ID stands (not annulled).
func (s *State) Effective(id string) bool {
	e, ok := s.events[id]
	return ok && s.effective(e)
}

// Orphans lists events that name a volunteer the state does not know.
func (s *State) Orphans() []Event {
	var out []Event
	for id, list := range s.byVolunteer {
		if _, ok := s.people[id]; ok {
			continue
		}
		for _, e := range list {
			out = append(out, *e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// LastArrival returns the newest standing arrival that match accepts.
func (s *State) LastArrival(match func(Event) bool) (Event, bool) {
	var best *Event
	for i := len(s.sorted) - 1; i >= 0 && best == nil; i-- {
		if e := s.sorted[i]; e.Kind == KindArrive && s.effective(e) && match(*e) {
			best = e
		}
	}
	if best == nil {
		return Event{}, false
	}
	return *best, true
}

// Notes lists the standing notes of refused scans recorded at or after
// since, oldest first.
func (s *State) Notes(since time.Time) []Event {
	i := sort.Search(len(s.notes), func(i int) bool { return !s.notes[i].At.Before(since) })
	var out []Event
	for _, e := range s.notes[i:] {
		if s.effective(e) {
			out = append(out, *e)
		}
	}
	return out
}
