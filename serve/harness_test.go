package serve

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/internal/sshtest"
	"hadir/model"
)

// testServer is a real server on a loopback port, run in this process
// without the command line (Run), with logins made by the test: a key per
// role and one gate passcode. Commands sent over SSH are answered by
// testRun, a stand-in for the command line's.
type testServer struct {
	sshtest.Server[db.Role]
	t     *testing.T
	srv   *server
	store *db.Store
}

const testPasscode = "gerbang-rahasia-2026"

// serveSetup changes the server before it takes its first connection.
type serveSetup func(*server)

func startServer(t *testing.T, roster []model.Volunteer, setup ...serveSetup) *testServer {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "hadir.db")
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.ImportRoster(roster, false); err != nil {
		t.Fatal(err)
	}
	logins, keys, codes := sshtest.Logins(t, dir, testPasscode, db.RoleGate, db.RoleLeader, db.RoleAdmin)
	ts := &testServer{Server: sshtest.Server[db.Role]{Dir: dir, Keys: logins}, t: t, store: st}

	var mu sync.Mutex
	out := &bytes.Buffer{}
	started := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	cfg := Config{Store: st, StorePath: path, Listen: "127.0.0.1:0", KeyFiles: []string{keys}, Passcodes: codes,
		Idle: time.Minute, Run: testRun, Stdout: sshtest.LockedWriter{Mu: &mu, W: out}, Stderr: sshtest.LockedWriter{Mu: &mu, W: out},
		Started: func(addr net.Addr) { ts.Addr = addr.String(); close(started) },
		prepare: func(srv *server) {
			srv.backoff.delay = 0 // a wrong passcode is answered at once here
			for _, f := range setup {
				f(srv)
			}
			ts.srv = srv
		}}
	exited := make(chan error, 1)
	go func() { exited <- Run(ctx, cfg) }()
	select {
	case <-started:
	case err := <-exited:
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("the server ended before serving: %v\n%s", err, out.String())
	}
	t.Cleanup(func() {
		cancel()
		<-exited
	})
	return ts
}

// testRun answers the two commands these tests send, as the command line
// would in substance: checkin ID... (exit 1 unless every one is new) and
// stats.
func testRun(call Call) int {
	switch call.Args[0] {
	case "checkin":
		code := 0
		by := db.Actor{Station: call.Station, Operator: call.Operator, Role: call.Role, Login: call.Login}
		for _, id := range call.Args[1:] {
			res, err := call.Store.CheckIn(id, by)
			if err != nil {
				fmt.Fprintln(call.Stderr, err)
				return 1
			}
			if res.Outcome != db.CheckedIn {
				code = 1
			}
			fmt.Fprintf(call.Stdout, "%s: %v\n", id, res.Outcome)
		}
		return code
	case "stats":
		t := call.Store.Totals()
		fmt.Fprintf(call.Stdout, "arrived %d of %d expected\n", t.Arrived, t.Expected)
		return 0
	}
	fmt.Fprintf(call.Stderr, "hadir: unknown command %q\n", call.Args[0])
	return 2
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
