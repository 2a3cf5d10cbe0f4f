package db

import (
	"strings"
	"testing"

	"hadir/model"
)

// What people type at a gate or send over SSH reaches the store clean.
func TestTypedTextIsCleanedOnTheWayIn(t *testing.T) {
	s, _ := openTest(t, 3)
	dirty := Actor{Station: "gerbang\x1b[2J 1", Operator: "Rina\u202e\x07"}
	res, err := s.WalkIn(model.Volunteer{Name: "\x1b[31mBudi\x1b[0m  Santoso", Contingent: "Kab.\tTapin", Phone: "+62 812-3456-7890"}, dirty)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Person(res.Person.ID)
	if p.Name != "Budi Santoso" || p.Contingent != "Kab. Tapin" || p.Phone != "081234567890" {
		t.Errorf("walk-in stored as %+v", p.Volunteer)
	}
	if e := res.Event; e.ID == "" {
		t.Fatal("no arrival event")
	}
	s.Read(func(st *model.State, _ *model.Index) {
		for _, e := range st.Events() {
			if e.Station != "gerbang 1" || e.Operator != "Rina" {
				t.Errorf("event %s recorded by %q at %q", e.ID, e.Operator, e.Station)
			}
		}
	})
	if _, err := s.Excuse("V00001", model.ReasonSick, "demam\x1b]0;pwned\x07", dirty); err != nil {
		t.Fatal(err)
	}
	s.Read(func(st *model.State, _ *model.Index) {
		for _, e := range st.Events() {
			if strings.ContainsAny(e.Note, "\x1b\x07") {
				t.Errorf("note stored raw: %q", e.Note)
			}
		}
	})
	if err := s.SetStationName("gerbang\x1b]0;x\x07 2\u202e"); err != nil || s.StationName() != "gerbang 2" {
		t.Errorf("station named %q (%v)", s.StationName(), err)
	}
	// A reason made only of escape codes is no reason.
	_, err = s.Annul(res.Event.ID, "\x1b[0m", Actor{})
	if err == nil || !strings.Contains(err.Error(), "reason") {
		t.Errorf("an annul whose reason is only escape codes: %v", err)
	}
	if _, err := s.Annul(res.Event.ID, "salah \x1b[0morang", Actor{}); err != nil {
		t.Errorf("a real reason with an escape code in it: %v", err)
	}
}
