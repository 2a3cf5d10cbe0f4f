package cli

// End-to-end tests of the store itself: backup and verify, a second
// hadir refused, the station's and the event's names.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"hadir/db"
)

func TestBackupAndVerify(t *testing.T) {
	t.Parallel()
	fresh := newCLI(t)
	r := fresh.expect(1, "verify")
	contains(t, "verify of a store that does not exist", r.stderr, fresh.db+" does not exist: import a roster first")

	c := newCLI(t)
	c.importGood()
	c.ok("checkin", "--station", "gerbang 1", "JRS-BLG-0001", "JRS-BJM-0002")
	dest := filepath.Join(c.dir, "usb", "cadangan.db")
	os.Mkdir(filepath.Dir(dest), 0o755)
	r = c.ok("backup", dest)
	contains(t, "stdout", r.stdout, "backup written: "+dest)
	r = raw("verify", "--db", dest)
	if r.code != 0 {
		t.Fatalf("verify of the backup: %v", r)
	}
	contains(t, "verify of the backup", r.stdout, "is sound: 5 volunteers, 2 arrived")
	r = c.ok("backup", filepath.Dir(dest)) // a folder: named after the time
	m := regexp.MustCompile(`backup written: (\S+hadir-\d{8}-\d{6}\.db)\n`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("backup to a folder: %v", r)
	}
	if r := raw("verify", "--db", m[1]); r.code != 0 {
		t.Errorf("verify of %s: %v", m[1], r)
	}
	if r := c.expect(1, "backup", filepath.Join(c.dir, "no", "such", "folder", "x.db")); !strings.Contains(r.stderr, "the store itself is unchanged") {
		t.Errorf("backup to a missing folder: %v", r)
	}
	c.expect(2, "backup")

	junk := c.write("bukan.db", bytes.Repeat([]byte("not a store "), 1000))
	r = raw("verify", "--db", junk)
	if r.code != 1 || !strings.Contains(r.stderr, junk+" cannot be used: it is not a hadir store") {
		t.Errorf("verify of a file that is no store: %v", r)
	}
}

func TestSecondProcessIsRefused(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	st, err := db.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	// child gives up on a hang (hangLimit): waiting is a failure, however
	// loaded the machine.
	r, _ := child(t, "stats", "--db", c.db)
	if r.code != 1 {
		t.Errorf("a second hadir on a held store: want exit 1, got exit %d\n%v", r.code, r)
	}
	contains(t, "stderr", r.stderr, c.db+" is in use by another hadir", fmt.Sprintf("(pid %d)", os.Getpid()))
	st.Close()
	r, _ = child(t, "stats", "--db", c.db)
	if r.code != 0 || !strings.Contains(r.stdout, "arrived 0 of 5 expected") {
		t.Errorf("once the store is let go, another hadir opens it: %v", r)
	}
}
func TestStationName(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importGood()
	r := c.ok("station", "gerbang 2")
	m := regexp.MustCompile(`^station "gerbang 2" \(ID ([a-z0-9]{6})\)\n$`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("station rename: %v", r)
	}
	if again := c.ok("station").stdout; again != r.stdout {
		t.Errorf("station shows %q after the rename, want %q", again, r.stdout)
	}
	c.ok("checkin", "JRS-BLG-0001")
	c.ok("checkin", "--station", "gerbang 3", "JRS-BLG-0002")
	header, rows := table(t, c.ok("export", "events").stdout)
	ev := byID(header, rows)
	if len(ev) != 2 {
		t.Fatalf("events: %v", rows)
	}
	stations := map[string]string{}
	for id, e := range ev {
		if !strings.HasPrefix(id, m[1]+"-") || e["kind"] != "arrive" || e["operator"] != "cli" {
			t.Errorf("event %s: %v", id, e)
		}
		stations[e["volunteer_id"]] = e["station"]
	}
	if want := map[string]string{"JRS-BLG-0001": "gerbang 2", "JRS-BLG-0002": "gerbang 3"}; !reflect.DeepEqual(stations, want) {
		t.Errorf("stations recorded %v, want %v", stations, want)
	}
	c.expect(1, "station", "   ")
}

func TestEventName(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	c.ok("event", "Jambore Relawan Sosial PSKS 2026")
	contains(t, "stats", c.ok("stats").stdout, "Jambore Relawan Sosial PSKS 2026")
	contains(t, "event", c.ok("event").stdout, "Jambore Relawan Sosial PSKS 2026")
}
