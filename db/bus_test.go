package db

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hadir/internal/testclock"
	"hadir/model"
)

// A bus checked in at once is found again as one, and annulled as one with
// one reason, by a leader on the same day; not by a gate, not the next day.
func TestBusIsAnnulledAsOne(t *testing.T) {
	clock := testclock.New(testclock.Epoch())
	s := openAt(t, filepath.Join(t.TempDir(), "hadir.db"), clock.Now, 12)
	leader := Actor{Operator: "Rifani", Role: RoleLeader, Login: "key:rifani"}
	// Balangan is V00000, V00003, V00006, V00009.
	checkIn(t, s, "V00000") // a lone check-in at the gate earlier: not part of the bus
	clock.Add(time.Minute)
	if _, err := s.CheckInMany([]string{"V00003", "V00006", "V00009"}, leader); err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Minute)
	checkIn(t, s, "V00001") // another contingent, later
	bus, ok := s.LastBus("kab balangan")
	if !ok || len(bus.Arrivals) != 3 || bus.People[0].Contingent != "Kab. Balangan" {
		t.Fatalf("LastBus: %+v %v; want the three of the bus", bus, ok)
	}
	var ids []string
	for _, e := range bus.Arrivals {
		ids = append(ids, e.ID)
	}
	if _, err := s.AnnulBus(ids, "wrong bus", Actor{Operator: "Rina", Role: RoleGate, Login: "key:rina"}); err == nil {
		t.Fatal("a gate annulled a bus")
	}
	if _, err := s.AnnulBus(ids, "  ", leader); err == nil {
		t.Fatal("a bus was annulled without a reason")
	}
	if s.Totals().Arrived != 5 {
		t.Fatalf("refused annuls changed the count: %d arrived", s.Totals().Arrived)
	}
	today := clock.Now()
	clock.Add(24 * time.Hour)
	if _, err := s.AnnulBus(ids, "wrong bus", leader); err == nil || !strings.Contains(err.Error(), "not today") {
		t.Fatalf("the bus was annulled the next day: %v", err)
	}
	if _, ok := s.LastBus("Kab. Balangan"); ok {
		t.Error("yesterday's bus is offered today")
	}
	clock.Set(today)
	annuls, err := s.AnnulBus(ids, "wrong bus", leader)
	if err != nil || len(annuls) != 3 {
		t.Fatalf("AnnulBus: %d events, %v", len(annuls), err)
	}
	for _, a := range annuls {
		if a.Reason != "wrong bus" || a.Kind != model.KindAnnul {
			t.Errorf("annul %+v", a)
		}
	}
	if tot := s.Totals(); tot.Arrived != 2 {
		t.Fatalf("after the bus is annulled: %d arrived, want the 2 lone check-ins", tot.Arrived)
	}
	if p, _ := s.Person("V00000"); p.Status != model.StatusArrived {
		t.Error("the lone check-in before the bus was annulled with it")
	}
	if _, ok := s.LastBus("Kab. Balangan"); ok {
		t.Error("an annulled bus is offered again")
	}
}
