package db

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"hadir/internal/testclock"
	"hadir/model"
)

var gate1 = Actor{Station: "gate 1", Operator: "Rina"}

func testRoster(n int) []model.Volunteer {
	vs := make([]model.Volunteer, n)
	for i := range vs {
		vs[i] = model.Volunteer{
			ID: fmt.Sprintf("V%05d", i), Name: fmt.Sprintf("Relawan %d", i),
			Contingent: []string{"Kab. Balangan", "Kota Banjarmasin", "Kab. Tapin"}[i%3],
			Pillar:     []string{"Tagana", "PSM", "Karang Taruna"}[i%3], Gender: "L", Source: model.SourceRoster,
		}
	}
	return vs
}

// testClock is the clock of every store a test opens: it starts at the
// tests' epoch and moves a second at each reading, so events differ in time.
func testClock() *testclock.Clock { return testclock.Stepping(testclock.Epoch(), time.Second) }

// openTest opens a fresh store in a temporary folder with a roster of n, on
// a clock of its own from the tests' epoch.
func openTest(t testing.TB, n int) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hadir.db")
	return openAt(t, path, testClock().Now, n), path
}

// openAt opens the store at path on clock, closed when the test ends, with
// a roster of n (none when n is 0).
func openAt(t testing.TB, path string, clock func() time.Time, n int) *Store {
	t.Helper()
	s, err := Open(path, WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if n > 0 {
		if _, err := s.ImportRoster(testRoster(n), false); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestCheckInTwiceSaysWhenWhereWho(t *testing.T) {
	s, _ := openTest(t, 3)
	first, err := s.CheckIn("V00000", gate1)
	if err != nil || first.Outcome != CheckedIn {
		t.Fatalf("first check-in: %+v, %v", first.Outcome, err)
	}
	if first.Contingent.Arrived != 1 || first.Contingent.Expected != 1 {
		t.Errorf("contingent after check-in %+v, want 1/1", first.Contingent)
	}
	second, err := s.CheckIn("V00000", Actor{Station: "gate 2", Operator: "Budi"})
	if err != nil || second.Outcome != AlreadyArrived {
		t.Fatalf("second check-in: %v, %v; want already arrived", second.Outcome, err)
	}
	if second.First.Station != "gate 1" || second.First.Operator != "Rina" || !second.First.At.Equal(first.Event.At) {
		t.Errorf("already checked in reports %+v, want gate 1 by Rina at %v", second.First, first.Event.At)
	}
	if res, _ := s.CheckIn("NOPE", gate1); res.Outcome != UnknownVolunteer {
		t.Errorf("unknown ID gave %v", res.Outcome)
	}
	if got := s.Totals().Arrived; got != 1 {
		t.Errorf("arrived %d, want 1", got)
	}
}

func TestArrivalsSurviveReopen(t *testing.T) {
	s, path := openTest(t, 5)
	s.CheckIn("V00001", gate1)
	s.CheckIn("V00002", gate1)
	e, _ := s.CheckIn("V00003", gate1)
	if _, err := s.Annul(e.Event.ID, "wrong person", gate1); err != nil {
		t.Fatal(err)
	}
	station := s.StationID()
	s.Close()
	s2, err := Open(path, WithClock(s.now)) // the test's clock goes on
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got := s2.Totals().Arrived; got != 2 {
		t.Errorf("after reopen arrived %d, want 2", got)
	}
	if s2.StationID() != station {
		t.Errorf("station ID changed on reopen: %s then %s", station, s2.StationID())
	}
	// New event IDs continue after the old ones, never reuse them.
	res, _ := s2.CheckIn("V00004", gate1)
	if _, dup := s2.state.Event(res.Event.ID); !dup || res.Event.ID <= e.Event.ID {
		t.Errorf("new event ID %s does not follow %s", res.Event.ID, e.Event.ID)
	}
}

func TestAnnulRules(t *testing.T) {
	s, _ := openTest(t, 2)
	res, _ := s.CheckIn("V00000", gate1)
	if _, err := s.Annul(res.Event.ID, "  ", gate1); err == nil {
		t.Error("an annul without a reason was accepted")
	}
	a, err := s.Annul(res.Event.ID, "scanned the wrong badge", gate1)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Person("V00000"); p.Status != model.StatusMissing {
		t.Errorf("after annul status %v, want missing (expected again)", p.Status)
	}
	if _, err := s.Annul(res.Event.ID, "again", gate1); err == nil || !strings.Contains(err.Error(), "already annulled") {
		t.Errorf("second annul of the same event: %v", err)
	}
	if _, err := s.Annul(a.ID, "undo", gate1); err == nil {
		t.Error("an annulment was annulled")
	}
	if _, err := s.Annul("zzz-000001", "x", gate1); err == nil {
		t.Error("annul of an unknown event accepted")
	}
	// The volunteer can be checked in again.
	if again, _ := s.CheckIn("V00000", gate1); again.Outcome != CheckedIn {
		t.Errorf("check-in after annul: %v", again.Outcome)
	}
}

func TestWalkIn(t *testing.T) {
	s, _ := openTest(t, 2)
	res, err := s.WalkIn(model.Volunteer{Name: "  Udin   Saprudin ", Contingent: "Kab. Tapin", Pillar: "Tagana", Gender: "laki-laki"}, gate1)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != CheckedIn || res.Person.Name != "Udin Saprudin" || res.Person.Source != model.SourceWalkIn || res.Person.Gender != "L" {
		t.Fatalf("walk-in result %+v", res.Person)
	}
	var found bool
	s.Read(func(_ *model.State, ix *model.Index) {
		for _, m := range ix.Search(model.Query{Text: "saprudin", Limit: 5}) {
			found = found || m.ID == res.Person.ID
		}
	})
	if !found {
		t.Error("the walk-in cannot be found by name")
	}
	if _, err := s.WalkIn(model.Volunteer{Contingent: "Kab. Tapin"}, gate1); err == nil {
		t.Error("a walk-in without a name was accepted")
	}
	if _, err := s.WalkIn(model.Volunteer{Name: "X", Contingent: "Kab. Tapin", Gender: "Q"}, gate1); err == nil {
		t.Error("a walk-in with gender Q was accepted")
	}
}

func TestImportIsAtomic(t *testing.T) {
	s, path := openTest(t, 3)
	s.Close()
	before, _ := os.ReadFile(path)
	s, err := Open(path, WithClock(s.now))
	if err != nil {
		t.Fatal(err)
	}
	bad := testRoster(5)
	bad[4].ID = bad[1].ID // a duplicate ID at the end of the file
	if _, err := s.ImportRoster(bad, false); err == nil || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("a roster with a duplicate ID: %v", err)
	}
	if got := s.Totals().Expected; got != 3 {
		t.Errorf("after a failed import %d expected, want 3", got)
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a failed import changed the store file")
	}
}

func TestReimport(t *testing.T) {
	s, _ := openTest(t, 4)
	s.CheckIn("V00003", gate1)
	rep, err := s.ImportRoster(testRoster(4), false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 4 || len(rep.Added)+len(rep.Updated)+len(rep.Kept) != 0 {
		t.Errorf("same file again: %+v, want 4 unchanged", rep)
	}
	next := testRoster(3) // V00003 dropped from the file
	next[0].Name = "Hj. Relawan 0"
	next = append(next, model.Volunteer{ID: "V09999", Name: "Baru", Contingent: "Kab. Tapin", Source: model.SourceRoster})
	dry, _ := s.ImportRoster(next, true)
	if s.Totals().Expected != 4 {
		t.Error("a dry run changed the store")
	}
	rep, _ = s.ImportRoster(next, false)
	for _, r := range []ImportReport{dry, rep} {
		if len(r.Added) != 1 || len(r.Updated) != 1 || r.Unchanged != 2 || len(r.Kept) != 1 || r.Kept[0].ID != "V00003" {
			t.Errorf("report %+v, want 1 added, 1 updated, 2 unchanged, V00003 not in file", *r.ImportPlan)
		}
	}
	if p, ok := s.Person("V00003"); !ok || p.Status != model.StatusArrived {
		t.Error("a volunteer who arrived was lost by a re-import")
	}
	if p, _ := s.Person("V00000"); p.Name != "Hj. Relawan 0" {
		t.Errorf("updated name %q", p.Name)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	_, path := openTest(t, 1)
	// Open gives up after LockTimeout; a hang would end the test run. How
	// fast it gives up is the machine's business, not this test's.
	s2, err := Open(path)
	if err == nil {
		s2.Close()
		t.Fatal("a second Open of a held store succeeded")
	}
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "in use by another hadir") || !strings.Contains(msg, fmt.Sprint(os.Getpid())) {
		t.Errorf("message %q should name the file, say another hadir has it, and give its pid", msg)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	s, path := openTest(t, 0)
	s.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("99")) })
	s.Close()
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "newer hadir") {
		t.Fatalf("a store of schema 99 opened: %v", err)
	}
}

func TestVerifyCatchesPlantedProblems(t *testing.T) {
	s, _ := openTest(t, 3)
	s.CheckIn("V00000", gate1)
	if problems, err := s.Verify(); err != nil || len(problems) > 0 {
		t.Fatalf("a sound store: %v %v", problems, err)
	}
	// Plant an arrival of a volunteer on no roster, behind the store's back.
	orphan := model.Event{ID: "zzz-000001", Kind: model.KindArrive, Volunteer: "GHOST", At: s.now().UTC(), Station: "x"}
	if err := s.bolt.Update(func(tx *bolt.Tx) error {
		_, err := putEvents(tx, "zzz", []model.Event{orphan})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// And an event stored twice, under a second key.
	if err := s.bolt.Update(func(tx *bolt.Tx) error {
		data, _ := json.Marshal(orphan)
		return tx.Bucket(bucketEvents).Put(seqKey(9999), data)
	}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Inspect()
	if err != nil {
		t.Fatal(err)
	}
	// The orphan is a note (a merge keeps such events on purpose); the
	// event stored twice is damage.
	if text := strings.Join(rep.Problems, "\n"); !strings.Contains(text, "zzz-000001 is stored twice") || strings.Contains(text, "GHOST") {
		t.Errorf("problems: want the event stored twice and not the orphan; got:\n%s", text)
	}
	if text := strings.Join(rep.Notes, "\n"); !strings.Contains(text, "kept for volunteer GHOST, who is on no roster here") {
		t.Errorf("notes: want the volunteer on no roster; got:\n%s", text)
	}
}

func TestBackupWhileWriting(t *testing.T) {
	s, _ := openTest(t, 400)
	dir := t.TempDir()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 400 {
			if _, err := s.CheckIn(fmt.Sprintf("V%05d", i), gate1); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var backups []string
	for i := 0; i < 5; i++ {
		p, err := s.Backup(filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			t.Fatal(err)
		}
		backups = append(backups, p)
		time.Sleep(5 * time.Millisecond)
	}
	wg.Wait()
	prev := -1
	for _, p := range backups {
		b, err := Open(p)
		if err != nil {
			t.Fatalf("backup %s does not open: %v", p, err)
		}
		problems, err := b.Verify()
		arrived := b.Totals().Arrived
		b.Close()
		if err != nil || len(problems) > 0 {
			t.Fatalf("backup %s does not verify: %v %v", p, problems, err)
		}
		if arrived < prev {
			t.Errorf("a later backup holds fewer arrivals (%d) than an earlier one (%d)", arrived, prev)
		}
		prev = arrived
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*.partial")); len(matches) > 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}
}

func TestBackupToAFolderAndToNowhere(t *testing.T) {
	s, _ := openTest(t, 2)
	dir := t.TempDir()
	p, err := s.Backup(dir)
	if err != nil || filepath.Dir(p) != dir || !strings.HasPrefix(filepath.Base(p), "hadir-") {
		t.Fatalf("backup into a folder wrote %q, %v", p, err)
	}
	if _, err := s.Backup(filepath.Join(dir, "no", "such", "folder", "x.db")); err == nil || !strings.Contains(err.Error(), "the store itself is unchanged") {
		t.Errorf("a backup to a missing folder: %v", err)
	}
}

func TestExport(t *testing.T) {
	s, _ := openTest(t, 3)
	s.CheckIn("V00001", gate1)
	var buf bytes.Buffer
	if err := s.Export(&buf, ExportArrivals, FormatCSV); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || lines[0] != "id,name,contingent,pillar,gender,phone,leader,arrived_at,station,operator" || !strings.HasPrefix(lines[1], "V00001,Relawan 1,") || !strings.HasSuffix(lines[1], ",gate 1,Rina") {
		t.Errorf("arrivals CSV:\n%s", buf.String())
	}
	buf.Reset()
	if err := s.Export(&buf, ExportEvents, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(buf.Bytes()), &obj); err != nil {
		t.Fatalf("events JSON line %q: %v", buf.String(), err)
	}
	for _, k := range []string{"id", "kind", "volunteer_id", "contingent", "at", "station", "operator", "reason", "ref"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("events JSON lacks %q: %v", k, obj)
		}
	}
	if obj["kind"] != "arrive" || obj["contingent"] != "Kota Banjarmasin" {
		t.Errorf("events JSON %v", obj)
	}
	if err := s.Export(&buf, "people", FormatCSV); err == nil {
		t.Error("an unknown export kind was accepted")
	}
}

// A check-in with no station named records the store's station name (and
// returns: reading the name must not wait on the lock the check-in holds).
func TestCheckInWithoutStationUsesStoreName(t *testing.T) {
	s, _ := openTest(t, 2)
	done := make(chan CheckInResult, 1)
	go func() {
		res, _ := s.CheckIn("V00000", Actor{Operator: "Rina"})
		done <- res
	}()
	select {
	case res := <-done:
		if res.Event.Station != s.StationName() || res.Event.Station == "" {
			t.Errorf("recorded station %q, want the store's %q", res.Event.Station, s.StationName())
		}
	case <-time.After(time.Minute):
		t.Fatal("a check-in without a station never returned")
	}
}

func TestBackupRotation(t *testing.T) {
	clock := testclock.New(testclock.Epoch())
	s := openAt(t, filepath.Join(t.TempDir(), "hadir.db"), clock.Now, 0)
	dir := filepath.Join(t.TempDir(), "backups")
	for i := range 15 {
		clock.Add(5 * time.Minute)
		if _, err := s.BackupRotate(dir, 12); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "hadir-*.db"))
	if len(kept) != 12 {
		t.Fatalf("%d backups kept, want the last 12", len(kept))
	}
	last, ok := s.LastBackup()
	if !ok || last.Err != nil || last.Path != kept[len(kept)-1] {
		t.Errorf("last backup %+v, want the newest file %s", last, kept[len(kept)-1])
	}
	// Two in the same second keep both, and the newer still sorts last.
	p1, _ := s.BackupRotate(dir, 20)
	p2, _ := s.BackupRotate(dir, 20)
	if p1 == p2 || p2 < p1 {
		t.Errorf("two backups in one second: %s then %s", p1, p2)
	}
}

func TestBackupFailureIsReported(t *testing.T) {
	s, _ := openTest(t, 3)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(blocker, []byte("x"), 0o644)
	changes, stop := s.Subscribe()
	defer stop()
	if _, err := s.BackupRotate(filepath.Join(blocker, "backups"), 12); err == nil {
		t.Fatal("a backup into a file's path succeeded")
	}
	last, _ := s.LastBackup()
	if last.Err == nil || !strings.Contains(last.Err.Error(), "cannot create the backup folder") {
		t.Errorf("last backup status %+v, want the failure", last)
	}
	select {
	case <-changes:
	default:
		t.Error("sessions were not told about the failed backup")
	}
}

func TestOpenWhereNothingCanBeWritten(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	_, err := Open(filepath.Join(blocker, "hadir.db"))
	if err == nil || !strings.Contains(err.Error(), "cannot create the folder for") {
		t.Fatalf("opening under a file: %v", err)
	}
	// A file that is not a store is refused, and left as it was.
	notStore := filepath.Join(t.TempDir(), "peserta.db")
	os.WriteFile(notStore, []byte(strings.Repeat("Nama;Kontingen\n", 500)), 0o644)
	before, _ := os.ReadFile(notStore)
	if _, err := Open(notStore); err == nil || !strings.Contains(err.Error(), "not a hadir store") {
		t.Errorf("opening a CSV as a store: %v", err)
	}
	if after, _ := os.ReadFile(notStore); !bytes.Equal(before, after) {
		t.Error("opening a file that is not a store changed it")
	}
}
