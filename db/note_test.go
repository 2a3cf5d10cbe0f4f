package db

import (
	"testing"
	"time"

	"hadir/model"
)

// A refused scan is kept through a reopen, an export and a merge like any
// other event, and no count, check or report takes it for an arrival.
func TestNotesAreKeptMergedAndNeverCounted(t *testing.T) {
	a := station(t, "gerbang-1", 0)
	b := station(t, "gerbang-2", 30)
	checkIn(t, a, "V00001")
	gate := Actor{Station: "gerbang 1", Operator: "Rina", Role: RoleGate, Login: "passcode:gate:1@gerbang 1#abcd"}
	n, err := a.RecordNote("ZZZ-0042", model.NoteUnknownBadge, "", gate)
	if err != nil {
		t.Fatalf("a gate login may not keep a refused scan: %v", err)
	}
	if _, err := a.RecordNote("V00001", model.NoteDeparted, "V00001", gate); err != nil {
		t.Fatal(err)
	}
	if got := a.Totals(); got.Arrived != 1 || got.Expected != 20 {
		t.Fatalf("notes changed the count: %+v", got)
	}
	if rep, err := a.Inspect(); err != nil || len(rep.Problems) > 0 || len(rep.Notes) > 0 {
		t.Fatalf("verify after notes: %+v %v", rep, err)
	}
	notes := a.Notes(n.At.Add(-time.Second))
	if len(notes) != 2 || notes[0].Note != "ZZZ-0042" || notes[0].Reason != model.NoteUnknownBadge {
		t.Fatalf("notes read back: %+v", notes)
	}

	rep, err := b.Merge(exportEvents(t, a), Actor{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 3 || len(rep.Unknown) != 0 {
		t.Fatalf("merge report %+v: want 3 added and no unknown volunteers (a note names a code, not a person)", rep)
	}
	if summary(a) != summary(b) {
		t.Fatalf("after the merge the stations differ:\n%s\n%s", summary(a), summary(b))
	}
	got := b.Notes(time.Time{})
	if len(got) != 2 || got[0].ID != n.ID || got[0].Note != "ZZZ-0042" || got[0].Login != gate.Login {
		t.Fatalf("the merged note lost what it said: %+v", got)
	}
	again, err := b.Merge(exportEvents(t, a), Actor{})
	if err != nil || again.Added != 0 || len(again.Conflicts) != 0 {
		t.Fatalf("merging the same notes twice: %+v %v", again, err)
	}
}
