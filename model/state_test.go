package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"hadir/internal/testclock"
)

var t0 = testclock.Epoch().Truncate(time.Hour).UTC() // the hour of the tests' one clock: events are minutes after it

func roster3() []Volunteer {
	return []Volunteer{
		{ID: "A1", Name: "Muhammad Rahman", Contingent: "Kab. Balangan", Pillar: "Tagana", Gender: "L", Source: SourceRoster},
		{ID: "A2", Name: "Siti Aisyah", Contingent: "Kab. Balangan", Pillar: "PSM", Gender: "P", Source: SourceRoster},
		{ID: "B1", Name: "Soedjatmoko", Contingent: "Kota Banjarbaru", Pillar: "Tagana", Gender: "L", Source: SourceRoster},
	}
}

type evOpt func(*Event)

func ev(id string, kind Kind, vol string, min int, opts ...evOpt) Event {
	e := Event{ID: id, Kind: kind, Volunteer: vol, At: t0.Add(time.Duration(min) * time.Minute), Station: "gate 1", Operator: "Rina"}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func ref(r string) evOpt    { return func(e *Event) { e.Ref = r } }
func reason(r string) evOpt { return func(e *Event) { e.Reason = r } }
func station(s string) evOpt {
	return func(e *Event) { e.Station = s }
}

func mustFold(t *testing.T, roster []Volunteer, events []Event) *State {
	t.Helper()
	s, err := Fold(roster, events)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFold(t *testing.T) {
	walkin := Volunteer{ID: "W-1", Name: "Udin", Contingent: "Kab. Balangan", Pillar: "Tagana", Source: SourceWalkIn}
	cases := []struct {
		name    string
		events  []Event
		status  map[string]Status
		total   Tally
		balngan Tally
	}{
		{
			name:    "no events: everyone missing",
			status:  map[string]Status{"A1": StatusMissing, "A2": StatusMissing, "B1": StatusMissing},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
		{
			name:    "one arrival",
			events:  []Event{ev("s-1", KindArrive, "A1", 0)},
			status:  map[string]Status{"A1": StatusArrived, "A2": StatusMissing},
			total:   Tally{Expected: 3, Arrived: 1, OnSite: 1, Missing: 2},
			balngan: Tally{Expected: 2, Arrived: 1, OnSite: 1, Missing: 1},
		},
		{
			name:    "a second arrival counts once",
			events:  []Event{ev("s-1", KindArrive, "A1", 0), ev("t-1", KindArrive, "A1", 5, station("gate 2"))},
			status:  map[string]Status{"A1": StatusArrived},
			total:   Tally{Expected: 3, Arrived: 1, OnSite: 1, Missing: 2},
			balngan: Tally{Expected: 2, Arrived: 1, OnSite: 1, Missing: 1},
		},
		{
			name:    "annulled arrival: expected again",
			events:  []Event{ev("s-1", KindArrive, "A1", 0), ev("s-2", KindAnnul, "A1", 1, ref("s-1"), reason("wrong person"))},
			status:  map[string]Status{"A1": StatusMissing},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
		{
			name:    "annul received before the arrival it cancels",
			events:  []Event{ev("s-2", KindAnnul, "A1", 1, ref("s-1"), reason("wrong person")), ev("s-1", KindArrive, "A1", 0)},
			status:  map[string]Status{"A1": StatusMissing},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
		{
			name: "walk-in registered and arrived",
			events: []Event{
				{ID: "s-1", Kind: KindWalkIn, Volunteer: "W-1", Record: &walkin, At: t0, Station: "gate 1", Operator: "Rina"},
				ev("s-2", KindArrive, "W-1", 0),
			},
			status:  map[string]Status{"W-1": StatusArrived},
			total:   Tally{Expected: 4, Arrived: 1, OnSite: 1, Missing: 3},
			balngan: Tally{Expected: 3, Arrived: 1, OnSite: 1, Missing: 2},
		},
		{
			name: "walk-in whose arrival is annulled: not waited for",
			events: []Event{
				{ID: "s-1", Kind: KindWalkIn, Volunteer: "W-1", Record: &walkin, At: t0, Station: "gate 1", Operator: "Rina"},
				ev("s-2", KindArrive, "W-1", 0),
				ev("s-3", KindAnnul, "W-1", 1, ref("s-2"), reason("typed twice")),
			},
			status:  map[string]Status{"W-1": StatusVoid},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
		{
			name: "walk-in whose registration is annulled: not counted, arrival or not",
			events: []Event{
				{ID: "s-1", Kind: KindWalkIn, Volunteer: "W-1", Record: &walkin, At: t0, Station: "gate 1", Operator: "Rina"},
				ev("s-2", KindArrive, "W-1", 0),
				ev("s-3", KindAnnul, "W-1", 1, ref("s-1"), reason("not a volunteer")),
			},
			status:  map[string]Status{"W-1": StatusVoid},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
		{
			name:    "depart after arrival",
			events:  []Event{ev("s-1", KindArrive, "A1", 0), ev("s-2", KindDepart, "A1", 60)},
			status:  map[string]Status{"A1": StatusDeparted},
			total:   Tally{Expected: 3, Arrived: 1, Departed: 1, Missing: 2},
			balngan: Tally{Expected: 2, Arrived: 1, Departed: 1, Missing: 1},
		},
		{
			name:    "depart without arrival is ignored",
			events:  []Event{ev("s-1", KindDepart, "A1", 0)},
			status:  map[string]Status{"A1": StatusMissing},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
		{
			name:    "excused",
			events:  []Event{ev("s-1", KindExcuse, "A2", 0, reason(ReasonSick))},
			status:  map[string]Status{"A2": StatusExcused},
			total:   Tally{Expected: 3, Excused: 1, Missing: 2},
			balngan: Tally{Expected: 2, Excused: 1, Missing: 1},
		},
		{
			name:    "excused, then arrived after all",
			events:  []Event{ev("s-1", KindExcuse, "A2", 0, reason(ReasonLeave)), ev("s-2", KindArrive, "A2", 30)},
			status:  map[string]Status{"A2": StatusArrived},
			total:   Tally{Expected: 3, Arrived: 1, OnSite: 1, Missing: 2},
			balngan: Tally{Expected: 2, Arrived: 1, OnSite: 1, Missing: 1},
		},
		{
			name:    "replaced: no longer expected",
			events:  []Event{ev("s-1", KindReplace, "B1", 0, ref("A2"))},
			status:  map[string]Status{"A2": StatusReplaced, "B1": StatusMissing},
			total:   Tally{Expected: 2, Replaced: 1, Missing: 2},
			balngan: Tally{Expected: 1, Replaced: 1, Missing: 1},
		},
		{
			name:    "annulled departure: on site again",
			events:  []Event{ev("s-1", KindArrive, "A1", 0), ev("s-2", KindDepart, "A1", 60), ev("s-3", KindAnnul, "A1", 61, ref("s-2"), reason("still here"))},
			status:  map[string]Status{"A1": StatusArrived},
			total:   Tally{Expected: 3, Arrived: 1, OnSite: 1, Missing: 2},
			balngan: Tally{Expected: 2, Arrived: 1, OnSite: 1, Missing: 1},
		},
		{
			name:    "annulled excuse: missing again",
			events:  []Event{ev("s-1", KindExcuse, "A2", 0, reason(ReasonSick)), ev("s-2", KindAnnul, "A2", 1, ref("s-1"), reason("she came"))},
			status:  map[string]Status{"A2": StatusMissing},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
		{
			name: "replaced by a walk-in who arrives",
			events: []Event{
				{ID: "s-1", Kind: KindWalkIn, Volunteer: "W-1", Record: &walkin, At: t0, Station: "gate 1", Operator: "Rina"},
				ev("s-2", KindReplace, "W-1", 0, ref("A2")),
				ev("s-3", KindArrive, "W-1", 1),
			},
			status:  map[string]Status{"A2": StatusReplaced, "W-1": StatusArrived},
			total:   Tally{Expected: 3, Arrived: 1, OnSite: 1, Replaced: 1, Missing: 2},
			balngan: Tally{Expected: 2, Arrived: 1, OnSite: 1, Replaced: 1, Missing: 1},
		},
		{
			name:    "annulled replacement",
			events:  []Event{ev("s-1", KindReplace, "B1", 0, ref("A2")), ev("s-2", KindAnnul, "", 1, ref("s-1"), reason("typo"))},
			status:  map[string]Status{"A2": StatusMissing},
			total:   Tally{Expected: 3, Missing: 3},
			balngan: Tally{Expected: 2, Missing: 2},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := mustFold(t, roster3(), c.events)
			for id, want := range c.status {
				p, ok := s.Person(id)
				if !ok || p.Status != want {
					t.Errorf("%s: status %v, want %v", id, p.Status, want)
				}
			}
			if got := s.Totals(); got != c.total {
				t.Errorf("totals %+v, want %+v", got, c.total)
			}
			b, _ := s.Contingent("Kab. Balangan")
			if b.Tally != c.balngan {
				t.Errorf("Balangan %+v, want %+v", b.Tally, c.balngan)
			}
		})
	}
}

func TestFoldFirstArrivalAndDuplicates(t *testing.T) {
	// Received out of order: gate 2's later arrival first.
	s := mustFold(t, roster3(), []Event{
		ev("t-1", KindArrive, "A1", 10, station("gate 2")),
		ev("s-1", KindArrive, "A1", 2),
	})
	p, _ := s.Person("A1")
	if p.Arrival == nil || p.Arrival.ID != "s-1" || p.Arrival.Station != "gate 1" {
		t.Fatalf("first arrival = %+v, want s-1 at gate 1", p.Arrival)
	}
	if len(p.Duplicates) != 1 || p.Duplicates[0].Station != "gate 2" {
		t.Fatalf("duplicates = %v, want the gate 2 arrival", p.Duplicates)
	}
}

func TestFoldRejectsDuplicateAndInvalidEvents(t *testing.T) {
	s := NewState(roster3())
	if err := s.Apply(ev("s-1", KindArrive, "A1", 0)); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(ev("s-1", KindArrive, "A2", 0)); err == nil {
		t.Error("an event ID applied twice was accepted")
	}
	if err := s.Apply(ev("s-2", KindAnnul, "A1", 1, ref("s-1"))); err == nil {
		t.Error("an annul without a reason was accepted")
	}
	if err := s.Apply(ev("s-3", KindExcuse, "A1", 1, reason("bolos"))); err == nil {
		t.Error("an excuse with an unknown reason was accepted")
	}
}

// The same events in any order of receipt fold to the same state.
func TestFoldOrderIndependent(t *testing.T) {
	roster := []Volunteer{}
	for i := range 40 {
		roster = append(roster, Volunteer{ID: fmt.Sprintf("V%02d", i), Name: "N", Contingent: fmt.Sprintf("C%d", i%3), Pillar: fmt.Sprintf("P%d", i%4)})
	}
	r := rand.New(rand.NewPCG(1, 2))
	var events []Event
	for i := range 120 {
		vol := fmt.Sprintf("V%02d", r.IntN(40))
		id := fmt.Sprintf("st%d-%06d", r.IntN(3), i)
		switch r.IntN(6) {
		case 0, 1, 2:
			events = append(events, ev(id, KindArrive, vol, r.IntN(300)))
		case 3:
			events = append(events, ev(id, KindDepart, vol, r.IntN(300)))
		case 4:
			events = append(events, ev(id, KindExcuse, vol, r.IntN(300), reason(ReasonSick)))
		case 5:
			if len(events) > 0 {
				target := events[r.IntN(len(events))]
				events = append(events, ev(id, KindAnnul, target.Volunteer, r.IntN(300), ref(target.ID), reason("x")))
			}
		}
	}
	want := snapshot(mustFold(t, roster, events))
	for range 20 {
		shuffled := append([]Event(nil), events...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := snapshot(mustFold(t, roster, shuffled)); !reflect.DeepEqual(got, want) {
			t.Fatalf("fold depends on order of receipt:\n got %v\nwant %v", got, want)
		}
	}
}

func snapshot(s *State) map[string]any {
	out := map[string]any{"total": s.Totals(), "pillars": s.Pillars(), "quarters": s.ArrivalsPerQuarter()}
	for _, c := range s.Contingents() {
		out["c:"+c.Name] = c.Tally
	}
	for _, v := range s.Volunteers() {
		p, _ := s.Person(v.ID)
		first := ""
		if p.Arrival != nil {
			first = p.Arrival.ID
		}
		out["p:"+v.ID] = fmt.Sprint(p.Status, first, len(p.Duplicates))
	}
	return out
}

func TestSignOff(t *testing.T) {
	confirm := Event{ID: "s-9", Kind: KindConfirm, Contingent: "Kab. Balangan", Leader: "H. Ahmad", At: t0.Add(time.Hour), Station: "gate 1", Operator: "Rina"}
	s := mustFold(t, roster3(), []Event{
		ev("s-1", KindArrive, "A1", 0),
		ev("s-2", KindExcuse, "A2", 0, reason(ReasonSick)),
		confirm,
	})
	c, _ := s.Contingent("Kab. Balangan")
	if c.Confirm == nil || c.Confirm.Leader != "H. Ahmad" || !c.ConfirmValid {
		t.Fatalf("sign-off = %+v valid=%v, want standing and valid", c.Confirm, c.ConfirmValid)
	}
	// An annulled arrival makes the contingent incomplete: the sign-off stands but is no longer valid.
	if err := s.Apply(ev("s-10", KindAnnul, "A1", 70, ref("s-1"), reason("not him"))); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Contingent("Kab. Balangan")
	if c.Confirm == nil || c.ConfirmValid {
		t.Fatalf("after annul: sign-off valid=%v, want standing but invalid", c.ConfirmValid)
	}
	// Annulling the annulment is refused by the store; annulling the sign-off removes it.
	s2 := mustFold(t, roster3(), []Event{
		ev("s-1", KindArrive, "A1", 0), ev("s-2", KindExcuse, "A2", 0, reason(ReasonSick)), confirm,
		ev("s-12", KindAnnul, "", 70, ref("s-9"), reason("signed too early")),
	})
	if c2, _ := s2.Contingent("Kab. Balangan"); c2.Confirm != nil {
		t.Fatalf("an annulled sign-off still stands: %+v", c2.Confirm)
	}
	// A withdrawal removes it.
	if err := s.Apply(Event{ID: "s-11", Kind: KindWithdraw, Contingent: "Kab. Balangan", At: t0.Add(2 * time.Hour), Station: "gate 1", Operator: "Rina"}); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Contingent("Kab. Balangan")
	if c.Confirm != nil {
		t.Fatalf("after withdraw: sign-off %+v still stands", c.Confirm)
	}
}

func TestArrivalsPerQuarter(t *testing.T) {
	s := mustFold(t, roster3(), []Event{
		ev("s-1", KindArrive, "A1", 0),
		ev("s-2", KindArrive, "A2", 14),
		ev("s-3", KindArrive, "B1", 46),
	})
	got := s.ArrivalsPerQuarter()
	want := []int{2, 0, 0, 1}
	if len(got) != len(want) {
		t.Fatalf("quarters %v, want counts %v", got, want)
	}
	for i := range want {
		if got[i].Count != want[i] {
			t.Errorf("quarter %d: %d, want %d", i, got[i].Count, want[i])
		}
	}
}

func TestUpsertMovesContingent(t *testing.T) {
	s := mustFold(t, roster3(), []Event{ev("s-1", KindArrive, "A1", 0)})
	v := roster3()[0]
	v.Contingent = "Kota Banjarbaru"
	s.Upsert(v)
	b, _ := s.Contingent("Kab. Balangan")
	k, _ := s.Contingent("Kota Banjarbaru")
	if b.Arrived != 0 || b.Expected != 1 || k.Arrived != 1 || k.Expected != 2 {
		t.Fatalf("after move: Balangan %+v, Banjarbaru %+v", b.Tally, k.Tally)
	}
	if s.Totals().Arrived != 1 {
		t.Fatalf("total arrived %d, want 1", s.Totals().Arrived)
	}
}

func TestDepartureSignOff(t *testing.T) {
	dep := Event{ID: "s-9", Kind: KindConfirm, Contingent: "Kota Banjarbaru", Leader: "Gusti Ridwan", Reason: PhaseDeparture, At: t0.Add(5 * time.Hour), Station: "gate 1", Operator: "Rina"}
	s := mustFold(t, roster3(), []Event{ev("s-1", KindArrive, "B1", 0), ev("s-2", KindDepart, "B1", 290), dep})
	c, _ := s.Contingent("Kota Banjarbaru")
	if c.DepartConfirm == nil || !c.DepartConfirmValid || c.Confirm != nil {
		t.Fatalf("departure sign-off %+v valid=%v; arrival sign-off %+v", c.DepartConfirm, c.DepartConfirmValid, c.Confirm)
	}
	// Back on site after the sign-off: no longer valid.
	if err := s.Apply(ev("s-10", KindAnnul, "B1", 300, ref("s-2"), reason("missed the bus"))); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.Contingent("Kota Banjarbaru"); c.DepartConfirmValid {
		t.Fatal("a departure sign-off stays valid with someone on site")
	}
}

func TestLatestArrivalsAndAnomalies(t *testing.T) {
	walkin := Volunteer{ID: "W-1", Name: "Udin", Contingent: "Kab. Balangan", Source: SourceWalkIn}
	s := mustFold(t, roster3(), []Event{
		ev("s-1", KindArrive, "A1", 0),
		ev("t-1", KindArrive, "A1", 3, station("gate 2")),
		ev("s-2", KindArrive, "B1", 5),
		{ID: "s-3", Kind: KindWalkIn, Volunteer: "W-1", Record: &walkin, At: t0.Add(9 * time.Minute), Station: "gate 1", Operator: "Rina"},
		ev("s-4", KindArrive, "W-1", 9),
	})
	latest := s.LatestArrivals(2)
	if len(latest) != 2 || latest[0].ID != "W-1" || latest[1].ID != "B1" {
		t.Fatalf("latest arrivals %v, want W-1 then B1", latest)
	}
	kinds := map[AnomalyKind]string{}
	for _, a := range s.Anomalies() {
		kinds[a.Kind] = a.Volunteer
	}
	if kinds[AnomalyDoubleArrival] != "A1" || kinds[AnomalyWalkIn] != "W-1" {
		t.Fatalf("anomalies %v, want A1 arrived twice and the walk-in W-1", s.Anomalies())
	}
	// Annulling the second arrival clears the anomaly.
	if err := s.Apply(ev("s-5", KindAnnul, "A1", 10, ref("t-1"), reason("merged twice"))); err != nil {
		t.Fatal(err)
	}
	for _, a := range s.Anomalies() {
		if a.Kind == AnomalyDoubleArrival {
			t.Fatal("an annulled second arrival is still an anomaly")
		}
	}
}
