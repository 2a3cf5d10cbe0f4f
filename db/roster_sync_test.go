package db

import (
	"strings"
	"testing"
	"time"
)

// A roster record from a peer is taken only when it is the later write;
// the same pair of records in either order ends the same; a gate login may
// not send one, and a record without a stamp refuses the batch.
func TestMergeRosterKeepsTheLaterWrite(t *testing.T) {
	s, _ := openTest(t, 3)
	p, _ := s.Person("V00001")
	older, newer := p.Volunteer, p.Volunteer
	older.Phone, newer.Phone = "081200000001", "081200000002"
	at := s.now()
	recs := []RosterRecord{
		{Volunteer: newer, Updated: at.Add(time.Minute), By: "bbb"},
		{Volunteer: older, Updated: at, By: "aaa"},
	}
	for _, order := range [][]RosterRecord{recs, {recs[1], recs[0]}} {
		s, _ := openTest(t, 3)
		for _, r := range order {
			if _, err := s.MergeRoster([]RosterRecord{r}, Actor{Role: RolePeer}); err != nil {
				t.Fatal(err)
			}
		}
		if got, _ := s.Person("V00001"); got.Phone != newer.Phone {
			t.Errorf("phone %q after the writes in either order, want the later %q", got.Phone, newer.Phone)
		}
		stamped, _ := s.StampedRoster()
		for _, r := range stamped {
			if r.ID == "V00001" && r.By != "bbb" {
				t.Errorf("V00001 is stamped %+v, want the later write's", r)
			}
		}
	}
	if _, err := s.MergeRoster(recs[:1], Actor{Role: RoleGate}); err == nil {
		t.Error("a gate login changed the roster")
	}
	bad := recs[0]
	bad.Updated = time.Time{}
	if n, err := s.MergeRoster([]RosterRecord{recs[0], bad}, Actor{Role: RolePeer}); err == nil || !strings.Contains(err.Error(), "no stamp") || n != 0 {
		t.Errorf("a batch with an unstamped record: %d stored, %v", n, err)
	}
	if got, _ := s.Person("V00001"); got.Phone == newer.Phone {
		t.Error("a refused batch changed a record")
	}
}
