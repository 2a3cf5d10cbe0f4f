package db

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"hadir/internal/testclock"
	"hadir/model"
)

// station opens a store for one laptop with the shared roster and a clock
// that starts at a given minute and ticks one minute per event.
func station(t *testing.T, name string, startMinute int) *Store {
	t.Helper()
	clock := testclock.Stepping(testclock.Epoch().Add(time.Duration(startMinute)*time.Minute), time.Minute)
	s := openAt(t, filepath.Join(t.TempDir(), name+".db"), clock.Now, 0)
	s.SetStationName(name)
	if _, err := s.ImportRoster(testRoster(20), false); err != nil {
		t.Fatal(err)
	}
	return s
}

func exportEvents(t *testing.T, s *Store) []model.Event {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(&buf, ExportEvents, FormatJSON); err != nil {
		t.Fatal(err)
	}
	events, err := model.ParseEvents(&buf)
	if err != nil {
		t.Fatalf("the export does not read back: %v\n%s", err, buf.String())
	}
	return events
}

func checkIn(t *testing.T, s *Store, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if res, err := s.CheckIn(id, Actor{Operator: "op"}); err != nil || res.Outcome != CheckedIn {
			t.Fatalf("check-in %s: %v %v", id, res.Outcome, err)
		}
	}
}

// summary is what two merged stores must agree on.
func summary(s *Store) string {
	var out string
	s.Read(func(st *model.State, _ *model.Index) {
		out = fmt.Sprintf("%+v %d", st.Totals(), st.EventCount())
		for _, v := range st.Volunteers() {
			p, _ := st.Person(v.ID)
			first := ""
			if p.Arrival != nil {
				first = p.Arrival.ID
			}
			out += fmt.Sprintf("|%s:%v:%s:%d", v.ID, p.Status, first, len(p.Duplicates))
		}
	})
	return out
}

func TestMergeBothWaysAgreesAndShowsOverlaps(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	b := station(t, "gerbang 2", 10)
	checkIn(t, a, "V00001", "V00002", "V00003")
	checkIn(t, b, "V00003", "V00004") // V00003 arrived at both gates
	walk, err := b.WalkIn(model.Volunteer{Name: "Udin", Contingent: "Kab. Tapin", Gender: "L"}, Actor{Operator: "op"})
	if err != nil {
		t.Fatal(err)
	}
	fromA, fromB := exportEvents(t, a), exportEvents(t, b)

	repA, err := a.Merge(fromB, Actor{})
	if err != nil {
		t.Fatal(err)
	}
	repB, err := b.Merge(fromA, Actor{})
	if err != nil {
		t.Fatal(err)
	}
	if summary(a) != summary(b) {
		t.Fatalf("after merging both ways the stores differ:\n%s\n%s", summary(a), summary(b))
	}
	if a.Totals().Arrived != 5 {
		t.Errorf("arrived %d after the merge, want 5 (4 roster + 1 walk-in, V00003 once)", a.Totals().Arrived)
	}
	for _, rep := range []MergeReport{repA, repB} {
		if len(rep.Doubles) != 1 || rep.Doubles[0] != "V00003" {
			t.Errorf("merge report doubles %v, want V00003", rep.Doubles)
		}
		if len(rep.Unknown) != 0 || len(rep.Conflicts) != 0 {
			t.Errorf("merge report %+v", rep)
		}
	}
	// The first arrival is kept: gate 1's, minutes earlier.
	p, _ := a.Person("V00003")
	if p.Arrival.Station != "gerbang 1" || len(p.Duplicates) != 1 || p.Duplicates[0].Station != "gerbang 2" {
		t.Errorf("V00003 first arrival %s, duplicates %v", p.Arrival.Station, p.Duplicates)
	}
	// The walk-in came along with their record.
	if w, ok := a.Person(walk.Person.ID); !ok || w.Name != "Udin" || w.Status != model.StatusArrived {
		t.Errorf("the walk-in on the other laptop: %+v %v", w, ok)
	}
	// Merging again changes nothing.
	again, err := a.Merge(fromB, Actor{})
	if err != nil || again.Added != 0 || again.Known != len(fromB) {
		t.Errorf("merging twice: %+v %v", again, err)
	}
	if problems, _ := a.Verify(); len(problems) > 0 {
		t.Errorf("verify after merge: %v", problems)
	}
}

// mergedBothWays is two more stations, one merging a's events then b's,
// the other b's then a's.
func mergedBothWays(t *testing.T, a, b *Store) (aThenB, bThenA *Store) {
	t.Helper()
	fromA, fromB := exportEvents(t, a), exportEvents(t, b)
	c := station(t, "pusat", 30)
	d := station(t, "cadangan", 30)
	for _, step := range []struct {
		s  *Store
		ev []model.Event
	}{{c, fromA}, {c, fromB}, {d, fromB}, {d, fromA}} {
		if _, err := step.s.Merge(step.ev, Actor{}); err != nil {
			t.Fatal(err)
		}
	}
	return c, d
}

func TestMergeOrderDoesNotMatter(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	b := station(t, "gerbang 2", 0)
	checkIn(t, a, "V00001", "V00002")
	checkIn(t, b, "V00002", "V00005")
	res, _ := a.CheckIn("V00006", Actor{Operator: "op"})
	if _, err := a.Annul(res.Event.ID, "wrong badge", Actor{Operator: "op"}); err != nil {
		t.Fatal(err)
	}
	c, d := mergedBothWays(t, a, b)
	if summary(c) != summary(d) {
		t.Fatalf("A then B differs from B then A:\n%s\n%s", summary(c), summary(d))
	}
	if got := c.Totals().Arrived; got != 3 {
		t.Errorf("arrived %d, want 3 (V00006 annulled)", got)
	}
}

func TestMergeReportsRosterDifferencesAndRefusesGateRole(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	other := model.Event{ID: "zz9-000001", Kind: model.KindArrive, Volunteer: "NOT-HERE", At: a.now().UTC(), Station: "gerbang 9", Operator: "x"}
	rep, err := a.Merge([]model.Event{other}, Actor{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rep.Unknown, []string{"NOT-HERE"}) || rep.Added != 1 {
		t.Errorf("report %+v: the unknown volunteer must be reported, the event kept", rep)
	}
	if _, err := a.Merge([]model.Event{other}, Actor{Role: RoleGate, Operator: "x"}); err == nil {
		t.Error("a gate login merged records")
	}
}

func TestRoleLimits(t *testing.T) {
	s, _ := openTest(t, 4)
	gate := Actor{Operator: "Rina", Role: RoleGate, Login: "key:SHA256:rina"}
	other := Actor{Operator: "Rina", Role: RoleGate, Login: "key:SHA256:budi"} // types Rina's name
	res, err := s.CheckIn("V00000", gate)
	if err != nil || res.Outcome != CheckedIn {
		t.Fatalf("a gate login cannot check in: %v", err)
	}
	if _, err := s.Confirm("Kab. Balangan", "H. Ahmad", model.PhaseArrival, gate); err == nil {
		t.Error("a gate login signed a contingent off")
	}
	if _, err := s.Excuse("V00003", model.ReasonSick, "", gate); err == nil {
		t.Error("a gate login excused a volunteer")
	}
	if _, err := s.Depart("V00000", gate); err == nil {
		t.Error("a gate login recorded a departure")
	}
	if _, err := s.Annul(res.Event.ID, "not mine", other); err == nil {
		t.Error("a gate login annulled someone else's check-in")
	}
	if _, err := s.Annul(res.Event.ID, "my mistake", gate); err != nil {
		t.Errorf("a gate login cannot annul their own check-in: %v", err)
	}
	res, _ = s.CheckIn("V00000", gate)
	if _, err := s.Annul(res.Event.ID, "admin fixes it", Actor{Operator: "Ketua", Role: RoleAdmin}); err != nil {
		t.Errorf("an admin cannot annul others' events: %v", err)
	}
	leader := Actor{Operator: "Ahmad", Role: RoleLeader, Login: "passcode:leader"}
	excuse, _ := s.Excuse("V00002", model.ReasonSick, "", Actor{})
	if _, err := s.Annul(excuse.ID, "not mine", gate); err == nil {
		t.Error("a gate login annulled an excuse")
	}
	if _, err := s.Excuse("V00003", model.ReasonSick, "", leader); err != nil {
		t.Errorf("a leader cannot excuse: %v", err)
	}
}

// A store copied to a second laptop (or a restored backup) becomes a station
// of its own: the two never write the same event ID, and merging them keeps
// every arrival.
func TestCopiedStoreGetsItsOwnStation(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	a.Close()
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	data, _ := os.ReadFile(a.path)
	os.WriteFile(copyPath, data, 0o600)
	a, err := Open(a.path, WithClock(a.now))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(copyPath, WithClock(a.now))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	checkIn(t, a, "V00001")
	checkIn(t, b, "V00002")
	if a.StationID() == b.StationID() {
		t.Fatalf("the copy kept the station ID %s", a.StationID())
	}
	rep, err := a.Merge(exportEvents(t, b), Actor{})
	if err != nil || len(rep.Conflicts) > 0 || a.Totals().Arrived != 2 {
		t.Fatalf("merge of the copy: %+v %v; arrived %d, want 2", rep, err, a.Totals().Arrived)
	}
	// The copy keeps its new station ID when reopened.
	id := b.StationID()
	b.Close()
	b, _ = Open(copyPath)
	if b.StationID() != id {
		t.Errorf("the copy's station ID changed again on reopen: %s then %s", id, b.StationID())
	}
}

// Merging our own export back (e.g. through a running server after a
// restore) must not make later check-ins reuse an event ID.
func TestMergeOwnEventsThenCheckIn(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	checkIn(t, a, "V00001", "V00002")
	own := exportEvents(t, a)
	b := station(t, "gerbang 2", 0)
	checkIn(t, b, "V00003")
	// b now holds a's events, and a's own export merged into a changes nothing.
	if _, err := b.Merge(own, Actor{}); err != nil {
		t.Fatal(err)
	}
	if rep, err := a.Merge(own, Actor{}); err != nil || rep.Added != 0 || len(rep.Conflicts) != 0 {
		t.Fatalf("own export merged back: %+v %v", rep, err)
	}
	checkIn(t, a, "V00004")
	checkIn(t, b, "V00005")
}

func TestBackupOntoTheStoreIsRefused(t *testing.T) {
	s, path := openTest(t, 2)
	checkIn(t, s, "V00000")
	if _, err := s.Backup(path); err == nil || !strings.Contains(err.Error(), "is the store itself") {
		t.Fatalf("a backup over the live store: %v", err)
	}
	if s.Totals().Arrived != 1 {
		t.Error("the store lost its arrival")
	}
}

// Restored from an older backup, then given the newer events back by a
// merge: in place, the merge is refused (it would move the station's
// counter); under another name the copy is a station of its own, takes
// them, and later check-ins go on without reusing an ID.
func TestRestoreThenMergeOwnNewerEvents(t *testing.T) {
	a := station(t, "gerbang 1", 0)
	checkIn(t, a, "V00001")
	backup := filepath.Join(t.TempDir(), "older.db")
	if _, err := a.Backup(backup); err != nil {
		t.Fatal(err)
	}
	checkIn(t, a, "V00002", "V00003")
	newer := exportEvents(t, a)
	clock := a.now
	path := a.path
	a.Close()
	data, _ := os.ReadFile(backup)
	os.WriteFile(path, data, 0o600) // the restore: the older copy over the store
	r, err := Open(path, WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Merge(newer, Actor{}); err == nil || !strings.Contains(err.Error(), "would move this station's event counter") {
		t.Fatalf("own newer events merged into the restored store in place: %v", err)
	}
	if got := r.Totals().Arrived; got != 1 {
		t.Errorf("a refused merge changed the count: %d arrived", got)
	}
	r.Close()

	elsewhere := filepath.Join(t.TempDir(), "restored.db")
	os.WriteFile(elsewhere, data, 0o600)
	c, err := Open(elsewhere, WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Merge(newer, Actor{}); err != nil {
		t.Fatal(err)
	}
	checkIn(t, c, "V00004")
	if got := c.Totals().Arrived; got != 4 {
		t.Errorf("arrived %d after restore and merge, want 4", got)
	}
}
