package cli

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/internal/sshtest"
	"hadir/model"
	"hadir/serve"
)

// testServer is a real `hadir serve --headless` on a loopback port, run
// in this process, with logins made by the test: a key per role and one
// gate passcode.
type testServer struct {
	sshtest.Server[db.Role]
	t     *testing.T
	store *db.Store
}

const testPasscode = "gerbang-rahasia-2026"

func startServer(t *testing.T, roster []model.Volunteer) *testServer {
	t.Helper()
	return startServerWith(t, roster, nil, nil)
}

// startServerWith is startServer with prepare run on the store's folder
// before serve starts, and extra arguments after the usual ones.
func startServerWith(t *testing.T, roster []model.Volunteer, prepare func(dir string), extra []string) *testServer {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "hadir.db")
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportRoster(roster, false); err != nil {
		t.Fatal(err)
	}
	st.Close()
	logins, keys, codes := sshtest.Logins(t, dir, testPasscode, db.RoleGate, db.RoleLeader, db.RoleAdmin)
	ts := &testServer{Server: sshtest.Server[db.Role]{Dir: dir, Keys: logins}, t: t}

	if prepare != nil {
		prepare(dir)
	}
	var mu sync.Mutex
	out := &bytes.Buffer{}
	started := make(chan struct{})
	done := make(chan struct{})
	std := streams{stdout: sshtest.LockedWriter{Mu: &mu, W: out}, stderr: sshtest.LockedWriter{Mu: &mu, W: out}, stdin: strings.NewReader("")}
	hooks := serveHooks{done: done,
		started: func(addr net.Addr, st *db.Store) {
			ts.store, ts.Addr = st, addr.String()
			close(started)
		}}
	exited := make(chan int, 1)
	go func() {
		exited <- execute(newRoot(std, session{}, hooks), append([]string{"serve", "--headless", "--db", path, "--listen", "127.0.0.1:0",
			"--authorized-keys", keys, "--passcodes", codes, "--backup-every", "0", "--idle", "1m"}, extra...))
	}()
	select {
	case <-started:
	case code := <-exited:
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("hadir serve ended with %d before serving:\n%s", code, out.String())
	}
	t.Cleanup(func() {
		close(done)
		<-exited
	})
	return ts
}

// sshCommand runs one command over SSH and returns its output and exit code.
func sshCommand(t *testing.T, c *gossh.Client, cmd string) (string, int) {
	t.Helper()
	return sshtest.Command(t, c, "", cmd)
}

func numberedRoster(n int) []model.Volunteer {
	vs := make([]model.Volunteer, n)
	for i := range vs {
		vs[i] = model.Volunteer{ID: fmt.Sprintf("R%04d", i), Name: fmt.Sprintf("Relawan %d", i), Contingent: "Kab. Balangan", Source: model.SourceRoster}
	}
	return vs
}

// Twenty gates at once, each checking in its own volunteers while all race
// on the same ten: one arrival each, and every gate told the truth.
func TestServeTwentyGates(t *testing.T) {
	const gates, own, shared = 20, 5, 10
	ts := startServer(t, numberedRoster(gates*own+shared))
	type answer struct {
		gate int
		id   string
		out  string
	}
	answers := make(chan answer, gates*(own+shared))
	var wg sync.WaitGroup
	for g := range gates {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Twenty laptops: each its own address, as on the Wi-Fi.
			c, err := sshtest.From(t, ts.Addr, fmt.Sprintf("127.0.0.%d", 10+g), fmt.Sprintf("gate%02d", g), gossh.PublicKeys(ts.Keys[db.RoleGate]))
			if err != nil {
				t.Error(err)
				return
			}
			var ids []string
			for i := range shared {
				ids = append(ids, fmt.Sprintf("R%04d", gates*own+(i+g)%shared)) // each gate starts elsewhere in the ten
				if i < own {
					ids = append(ids, fmt.Sprintf("R%04d", g*own+i))
				}
			}
			for _, id := range ids {
				out, _ := sshCommand(t, c, "checkin "+id)
				answers <- answer{g, id, out}
			}
		}()
	}
	wg.Wait()
	close(answers)
	told := map[string][]int{} // volunteer -> gates told "checked in"
	for a := range answers {
		switch {
		case strings.Contains(a.out, a.id+": checked in:"):
			told[a.id] = append(told[a.id], a.gate)
		case strings.Contains(a.out, a.id+": already checked in:"):
		default:
			t.Errorf("gate %d, %s: %q", a.gate, a.id, a.out)
		}
	}
	for i := range gates*own + shared {
		id := fmt.Sprintf("R%04d", i)
		if len(told[id]) != 1 {
			t.Errorf("%s: %d gates were told it was checked in (%v), want exactly one", id, len(told[id]), told[id])
		}
		p, _ := ts.store.Person(id)
		if p.Status != model.StatusArrived || len(p.Duplicates) != 0 {
			t.Errorf("%s: %v with %d extra arrivals", id, p.Status, len(p.Duplicates))
		}
		if len(told[id]) == 1 && p.Arrival.Operator != fmt.Sprintf("gate%02d", told[id][0]) {
			t.Errorf("%s: recorded by %s, but gate%02d was told it checked in", id, p.Arrival.Operator, told[id][0])
		}
	}
	if got := ts.store.Totals().Arrived; got != gates*own+shared {
		t.Errorf("arrived %d, want %d", got, gates*own+shared)
	}
}

func TestServeLogins(t *testing.T) {
	ts := startServer(t, numberedRoster(3))
	if _, err := ts.Dial("rina", gossh.PublicKeys(sshtest.NewKey(t))); err == nil {
		t.Error("a key that is not listed was let in")
	}
	if _, err := ts.Dial("rina", gossh.Password("tebak-tebak-saja")); err == nil {
		t.Error("a wrong passcode was let in")
	}
	ts.WaitForLog(t, "refused: unknown key", 1) // said when the server has closed the connection
	ts.WaitForLog(t, "refused: wrong passcode", 1)
	c, err := ts.Dial("rina", gossh.Password(testPasscode))
	if err != nil {
		t.Fatalf("the passcode was refused: %v", err)
	}
	defer c.Close()
	if out, code := sshCommand(t, c, "checkin R0001"); code != 0 || !strings.Contains(out, "checked in") {
		t.Errorf("a passcode gate cannot check in: %d %q", code, out)
	}
	p, _ := ts.store.Person("R0001")
	if p.Arrival.Operator != "rina" || p.Arrival.Station != "ssh 127.0.0.1" {
		t.Errorf("recorded by %q at %q, want the SSH user at the connection's station", p.Arrival.Operator, p.Arrival.Station)
	}
}

// A role is the key's, never the name the client chose.
func TestServeRoleLimits(t *testing.T) {
	ts := startServer(t, numberedRoster(3))
	gate := ts.DialRole(t, "admin", db.RoleGate) // calls itself admin; holds a gate key
	for _, id := range []string{"R0000", "R0001", "R0002"} {
		sshCommand(t, gate, "checkin "+id) // a gate: one ID per command
	}
	out, code := sshCommand(t, gate, `confirm "Kab. Balangan" --leader "H. Ahmad"`)
	if code == 0 || !strings.Contains(out, "a gate login may not sign a contingent off") {
		t.Errorf("a gate key signed off: %d %q", code, out)
	}
	if out, code := sshCommand(t, gate, "excuse R0000 --reason sakit"); code == 0 {
		t.Errorf("a gate key excused someone: %q", out)
	}
	if out, code := sshCommand(t, gate, "export roster"); code != 2 || !strings.Contains(out, "cannot be run over SSH") {
		t.Errorf("export over SSH: %d %q", code, out)
	}
	leader := ts.DialRole(t, "ahmad", db.RoleLeader)
	if out, code := sshCommand(t, leader, `confirm "Kab. Balangan" --leader "H. Ahmad"`); code != 0 {
		t.Errorf("a leader key cannot sign off: %d %q", code, out)
	}
}

// The screen over SSH: a check-in at one gate shows on the other's status
// line.
func TestServeScreensAreLive(t *testing.T) {
	ts := startServer(t, numberedRoster(5))
	screen := func(user string) (io.Writer, *sshtest.Buffer) {
		_, in, out := sshtest.Screen(t, ts.DialRole(t, user, db.RoleGate), "", 30, 100)
		return in, out
	}
	rinaIn, rina := screen("rina")
	_, budi := screen("budi")
	rina.WaitFor(t, "Arrived 0 / 5")
	budi.WaitFor(t, "Arrived 0 / 5")
	io.WriteString(rinaIn, "R0003\r")
	rina.WaitFor(t, "Checked in: R0003 Relawan 3")
	budi.WaitFor(t, "Arrived 1 / 5")
}

func TestServeRefusesWithoutLogins(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	r := c.expect(1, "serve", "--headless")
	contains(t, "stderr", r.stderr, "serve needs a way for gates to log in", "--authorized-keys", "--passcodes")
}

// servingCLI is a store held by a running server (its local socket), with
// the small roster, as `hadir serve` leaves it for the commands on the laptop.
func servingCLI(t *testing.T) (*cli, *db.Store) {
	t.Helper()
	c := newCLI(t)
	c.importGood()
	st, err := db.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	local, err := serve.ListenLocal(st, c.db, runCall, func(error) {})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { local.Close() })
	return c, st
}

// While serve holds the store, stats on the same laptop asks the server.
func TestLocalCommandsReachTheServer(t *testing.T) {
	c, st := servingCLI(t)
	st.CheckIn("JRS-BLG-0001", db.Actor{Operator: "Rina"})
	r := c.ok("stats", "--json")
	contains(t, "stats while serving", r.stdout, `"arrived": 1`)
	r = c.ok("checkin", "JRS-BJM-0001")
	contains(t, "checkin while serving", r.stdout, "checked in")
	if st.Totals().Arrived != 2 {
		t.Errorf("the check-in did not reach the serving store")
	}
}

// Two laptops ran alone and checked in overlapping volunteers: export and
// merge both ways, and both end with the same stats and see the overlap.
func TestMergeTwoLaptopsBothWays(t *testing.T) {
	a, b := newCLI(t), newCLI(t)
	a.importGood()
	b.importGood()
	a.ok("station", "gerbang 1")
	b.ok("station", "gerbang 2")
	a.ok("checkin", "JRS-BLG-0001", "JRS-BLG-0002")
	time.Sleep(10 * time.Millisecond) // gate 2's arrival of the same person comes later
	b.ok("checkin", "JRS-BLG-0002", "JRS-BJM-0001")
	fromA, fromB := filepath.Join(a.dir, "gerbang1.jsonl"), filepath.Join(b.dir, "gerbang2.jsonl")
	a.ok("export", "events", "-o", fromA)
	b.ok("export", "events", "-o", fromB)
	r := a.ok("merge", fromB)
	contains(t, "merge into A", r.stdout, "2 new events", "arrived twice: ", "(JRS-BLG-0002)", "at gerbang 1", "again", "at gerbang 2")
	b.ok("merge", fromA)
	if sa, sb := a.ok("stats", "--json").stdout, b.ok("stats", "--json").stdout; sa != sb {
		t.Fatalf("after merging both ways the stats differ:\n%s\n%s", sa, sb)
	}
	contains(t, "stats", a.ok("stats", "--json").stdout, `"arrived": 3`)
	r = a.ok("merge", fromB)
	contains(t, "merging again", r.stdout, "0 new events, 2 already here")
	bad := a.write("rusak.jsonl", []byte("{\"id\":\"x-1\",\"kind\":\"arrive\"}\nnot json\n"))
	r = a.expect(1, "merge", bad)
	contains(t, "a broken file", r.stderr, "rusak.jsonl line 1", "rusak.jsonl line 2", "nothing was changed")
}

// A shared store folder (mode 1777) keeps its mode: serve writes its host
// key, its log and its socket in it and changes only its own files.
func TestServeLeavesASharedFolderAlone(t *testing.T) {
	shared := filepath.Join(t.TempDir(), "bersama")
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	c := &cli{t: t, dir: shared, db: filepath.Join(shared, "hadir.db")}
	c.importGood()
	keys := c.write("gate.keys", []byte("gate "+string(gossh.MarshalAuthorizedKey(sshtest.NewKey(t).PublicKey()))))
	done := make(chan struct{})
	started := make(chan struct{})
	exited := make(chan int, 1)
	var out sshtest.Buffer
	std := streams{stdout: &out, stderr: &out, stdin: strings.NewReader("")}
	hooks := serveHooks{done: done, started: func(net.Addr, *db.Store) { close(started) }}
	go func() {
		exited <- execute(newRoot(std, session{}, hooks), []string{"serve", "--headless", "--db", c.db, "--listen", "127.0.0.1:0", "--authorized-keys", keys, "--backup-every", "0"})
	}()
	select {
	case <-started:
	case code := <-exited:
		t.Fatalf("serve ended with %d: %s", code, out.String())
	}
	close(done)
	<-exited
	fi, err := os.Stat(shared)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o777 || fi.Mode()&os.ModeSticky == 0 {
		t.Errorf("the shared folder's mode became %v, want drwxrwxrwt as it was", fi.Mode())
	}
	if fi, _ := os.Stat(c.db + ".host_key"); fi == nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the host key is not owner-only: %v", fi)
	}
}

// A gate may annul its own check-ins only: "own" is the key or passcode
// that recorded them, not the name the client typed.
func TestServeAnnulOwnOnly(t *testing.T) {
	ts := startServer(t, numberedRoster(3))
	rina := ts.DialRole(t, "rina", db.RoleGate)
	sshCommand(t, rina, "checkin R0001")
	p, _ := ts.store.Person("R0001")
	impostor, err := ts.Dial("rina", gossh.Password(testPasscode)) // another gate login, same name
	if err != nil {
		t.Fatal(err)
	}
	defer impostor.Close()
	if out, code := sshCommand(t, impostor, "annul "+p.Arrival.ID+" --reason salah"); code == 0 || !strings.Contains(out, "recorded by another login") {
		t.Errorf("another login annulled rina's check-in: %d %q", code, out)
	}
	if out, code := sshCommand(t, rina, "annul "+p.Arrival.ID+" --reason salah"); code != 0 {
		t.Errorf("rina cannot annul her own check-in: %d %q", code, out)
	}
}
