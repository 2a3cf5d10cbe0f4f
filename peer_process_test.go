package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// replica is one `hadir serve` process on a loopback port with its own
// copy of the store.
type replica struct {
	t    *testing.T
	bin  string
	db   string
	port int
	keys string
	peer []string
	cmd  *exec.Cmd
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func (r *replica) hadir(args ...string) string {
	r.t.Helper()
	out, err := exec.Command(r.bin, append(args, "--db", r.db)...).CombinedOutput()
	if err != nil {
		r.t.Fatalf("hadir %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *replica) start() {
	r.t.Helper()
	args := []string{"serve", "--headless", "--db", r.db, "--listen", fmt.Sprintf("127.0.0.1:%d", r.port),
		"--authorized-keys", r.keys, "--backup-every", "0"}
	for _, p := range r.peer {
		args = append(args, "--peer", p)
	}
	r.cmd = exec.Command(r.bin, args...)
	log, err := os.Create(r.db + ".stdout")
	if err != nil {
		r.t.Fatal(err)
	}
	r.cmd.Stdout, r.cmd.Stderr = log, log
	if err := r.cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	// Serving once its port answers.
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", r.port)); err == nil {
			c.Close()
			return
		}
	}
	out, _ := os.ReadFile(r.db + ".stdout")
	r.t.Fatalf("hadir serve on %d never listened:\n%s", r.port, out)
}

func (r *replica) kill() {
	r.cmd.Process.Signal(syscall.SIGKILL)
	r.cmd.Wait()
}

func (r *replica) stop() {
	if r.cmd != nil && r.cmd.ProcessState == nil {
		r.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { r.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			r.kill()
		}
	}
}

// arrived is the count `hadir stats --json` gives (through serve's socket).
func (r *replica) arrived() int {
	r.t.Helper()
	out, err := exec.Command(r.bin, "stats", "--json", "--db", r.db).Output()
	if err != nil {
		return -1
	}
	var s struct {
		Arrived int `json:"arrived"`
	}
	if json.Unmarshal(out, &s) != nil {
		return -1
	}
	return s.Arrived
}

// Three `hadir serve` in a chain A ← B ← C on localhost: check-ins made at
// A and at C reach every replica through B; B is killed with SIGKILL while
// check-ins go on, started again, and all three converge on every
// acknowledged check-in.
func TestReplicaChainSurvivesAKill(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "main.db")
	roster := filepath.Join(dir, "roster.csv")
	if out, err := exec.Command(bin, "sample", "--n", "300", "-o", roster).CombinedOutput(); err != nil {
		t.Fatalf("sample: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "import", roster, "--db", first).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	data, _ := os.ReadFile(first)
	var ids []string
	out, _ := exec.Command(bin, "export", "roster", "--format", "json", "--db", first).Output()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var v struct {
			ID string `json:"id"`
		}
		json.Unmarshal([]byte(line), &v)
		ids = append(ids, v.ID)
	}
	if len(ids) != 300 {
		t.Fatalf("%d IDs in the roster, want 300", len(ids))
	}

	reps := map[string]*replica{}
	for _, name := range []string{"a", "b", "c"} {
		path := filepath.Join(dir, name+".db")
		os.WriteFile(path, data, 0o600)
		reps[name] = &replica{t: t, bin: bin, db: path, port: freePort(t), keys: filepath.Join(dir, name+".keys")}
	}
	a, b, c := reps["a"], reps["b"], reps["c"]
	keyLine := func(r *replica) string { return strings.TrimSpace(r.hadir("peer", "key")) }
	// Each serving laptop lists the laptops that connect to it and, when it
	// dials one itself, that one: it takes events only from listed peers.
	os.WriteFile(a.keys, []byte(keyLine(b)+"\n"), 0o600)                 // B connects to A
	os.WriteFile(b.keys, []byte(keyLine(c)+"\n"+keyLine(a)+"\n"), 0o600) // C connects to B; B dials A
	os.WriteFile(c.keys, []byte(keyLine(b)+"\n"), 0o600)                 // C dials B
	b.peer = []string{fmt.Sprintf("127.0.0.1:%d", a.port)}
	c.peer = []string{fmt.Sprintf("127.0.0.1:%d", b.port)}
	for _, r := range []*replica{a, b, c} {
		r.start()
		t.Cleanup(r.stop)
	}

	checkIn := func(r *replica, id string) {
		t.Helper()
		out, err := exec.Command(bin, "checkin", "--db", r.db, id).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "checked in") {
			t.Fatalf("checkin %s at %s: %v\n%s", id, r.db, err, out)
		}
	}
	for i := range 40 { // at both ends of the chain
		checkIn(a, ids[i])
		checkIn(c, ids[100+i])
		if i == 20 {
			b.kill() // the middle dies while check-ins go on
		}
	}
	b.start()
	for i := 40; i < 60; i++ {
		checkIn(a, ids[i])
		checkIn(c, ids[100+i])
	}
	want := 120
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if a.arrived() == want && b.arrived() == want && c.arrived() == want {
			return
		}
	}
	t.Fatalf("after a minute: A %d, B %d, C %d arrived, want %d everywhere", a.arrived(), b.arrived(), c.arrived(), want)
}
