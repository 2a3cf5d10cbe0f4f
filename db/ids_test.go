package db

import (
	"strings"
	"testing"

	"hadir/model"
)

// A badge is the same in any case: a check-in, an excuse and a replacement
// by a lower-case ID write the event for the ID as stored, and the count
// moves. New walk-in IDs are upper case.
func TestIDsInAnyCase(t *testing.T) {
	s, _ := openTest(t, 6)
	res, err := s.CheckIn("v00001", gate1)
	if err != nil || res.Outcome != CheckedIn || res.Person.ID != "V00001" || res.Event.Volunteer != "V00001" {
		t.Fatalf("check-in of v00001: %v %+v %v", res.Outcome, res.Event, err)
	}
	res, _ = s.CheckIn("V00001", gate1)
	if res.Outcome != AlreadyArrived {
		t.Fatalf("V00001 after v00001: %v, want already arrived", res.Outcome)
	}
	many, err := s.CheckInMany([]string{"v00002", "V00002"}, Actor{Operator: "Rina", Role: RoleLeader})
	if err != nil || many[0].Outcome != CheckedIn || many[1].Outcome != AlreadyArrived {
		t.Fatalf("v00002 and V00002 in one bus: %+v %v; want one arrival", many, err)
	}
	if e, err := s.Excuse("v00003", model.ReasonSick, "", Actor{}); err != nil || e.Volunteer != "V00003" {
		t.Fatalf("excuse of v00003: %+v %v", e, err)
	}
	if e, err := s.Replace("v00004", "v00000", Actor{}); err == nil {
		t.Fatalf("v00000 (Balangan) replaced v00004 (Banjarmasin): %+v", e)
	}
	if e, err := s.Replace("v00003", "V00003", Actor{}); err == nil {
		t.Fatalf("v00003 replaced V00003, themselves: %+v", e)
	}
	if tot := s.Totals(); tot.Arrived != 2 || tot.Excused != 1 {
		t.Fatalf("totals %+v: want 2 arrived, 1 excused", tot)
	}

	w, err := s.WalkIn(model.Volunteer{Name: "Udin Saprudin", Contingent: "Kab. Tapin", Gender: "L"}, gate1)
	if err != nil {
		t.Fatal(err)
	}
	if id := w.Person.ID; id != strings.ToUpper(id) || !strings.HasPrefix(id, "W-") {
		t.Fatalf("walk-in ID %q: want it upper case", id)
	}
	if p, ok := s.Person(strings.ToLower(w.Person.ID)); !ok || p.ID != w.Person.ID {
		t.Fatalf("the walk-in %s is not found in lower case", w.Person.ID)
	}
}

// A store from before upper-case walk-in IDs holds "W-xxxxxx-000001": it is
// found in upper case, and another station's events naming a roster ID in
// another case count for the person as stored here.
func TestOldLowerCaseWalkInAndMergedIDs(t *testing.T) {
	a := station(t, "a", 0)
	b := station(t, "b", 30)
	w, err := b.WalkIn(model.Volunteer{Name: "Udin Saprudin", Contingent: "Kab. Tapin", Gender: "L"}, Actor{Operator: "op"})
	if err != nil {
		t.Fatal(err)
	}
	checkIn(t, b, "V00005")
	events := exportEvents(t, b)
	old := strings.ToLower(w.Person.ID)
	for i := range events {
		e := &events[i]
		switch {
		case e.Volunteer == w.Person.ID: // as an old hadir wrote it
			e.Volunteer = old
			if e.Record != nil {
				rec := *e.Record
				rec.ID = old
				e.Record = &rec
			}
		case e.Volunteer == "V00005": // as a roster typed in lower case had it
			e.Volunteer = "v00005"
		}
	}
	rep, err := a.Merge(events, Actor{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Unknown) != 0 {
		t.Errorf("merge reports unknown volunteers %v", rep.Unknown)
	}
	if p, ok := a.Person(strings.ToUpper(old)); !ok || p.ID != old || p.Status != model.StatusArrived {
		t.Fatalf("the old walk-in %s by %s: %+v %v", old, strings.ToUpper(old), p, ok)
	}
	if p, _ := a.Person("V00005"); p.Status != model.StatusArrived {
		t.Fatalf("V00005 checked in at b as v00005: %v at a", p.Status)
	}
	if tot := a.Totals(); tot.Arrived != 2 || tot.Expected != 21 {
		t.Fatalf("after the merge %+v: want 2 of 21", tot)
	}
	again, err := a.Merge(events, Actor{})
	if err != nil || again.Added != 0 || len(again.Conflicts) != 0 {
		t.Fatalf("the same file again: %+v %v; want nothing new and no conflicts", again, err)
	}
}
