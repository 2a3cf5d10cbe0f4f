package peer

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// syncServer serves the sync subsystem of st on a loopback port, as `hadir
// serve` does, with keys listed by role.
type syncServer struct {
	addr string
	mu   sync.Mutex
	log  []string
	srv  *ssh.Server
}

func startSyncServer(t *testing.T, st *db.Store, roles map[string]db.Role) *syncServer {
	t.Helper()
	s := &syncServer{}
	signer, err := Key(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	handler := &Server{Store: st, Signer: signer, Log: func(format string, args ...any) {
		s.mu.Lock()
		s.log = append(s.log, fmt.Sprintf(format, args...))
		s.mu.Unlock()
	}}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(filepath.Join(t.TempDir(), "host_key")),
		wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			role, ok := roles[string(key.Marshal())]
			if ok {
				ctx.SetValue("role", role)
			}
			return ok
		}),
		wish.WithSubsystem(Subsystem, func(sess ssh.Session) {
			role, _ := sess.Context().Value("role").(db.Role)
			handler.Handle(sess, role, "key:"+sess.User(), sess.User())
		}),
	)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr, s.srv = ln.Addr().String(), srv
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *syncServer) logged() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.log, "\n")
}

// copies makes n stores copied from one with a small roster, on one clock.
func copies(t *testing.T, n int) []*db.Store {
	t.Helper()
	c := newCluster(t, n)
	return c.stores
}

func keyOf(t *testing.T, st *db.Store) string {
	t.Helper()
	signer, err := Key(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	return string(signer.PublicKey().Marshal())
}

func runLink(t *testing.T, st *db.Store, addr string) *Link {
	t.Helper()
	return runLinkTrusting(t, st, addr, nil)
}

// runLinkTrusting is runLink for a laptop that keeps a list of its peers.
func runLinkTrusting(t *testing.T, st *db.Store, addr string, trust func(gossh.PublicKey) bool) *Link {
	t.Helper()
	l := &Link{Addr: addr, Store: st, Trust: trust}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { l.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return l
}

// eventually polls cond for up to 30 s: a slow machine gets there late, a
// broken link never.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("never: %s", what)
}

func has(st *db.Store, id string) bool {
	p, ok := st.Person(id)
	return ok && p.Status == model.StatusArrived
}

// A gate laptop linked to the serving laptop over SSH: check-ins go both
// ways over the one connection the gate opened, and the footer's status
// says connected; a gate key may not sync.
func TestLinkOverSSHBothWays(t *testing.T) {
	st := copies(t, 2)
	main, gate := st[0], st[1]
	srv := startSyncServer(t, main, map[string]db.Role{keyOf(t, gate): db.RolePeer})
	link := runLink(t, gate, srv.addr)
	eventually(t, "the link is up", func() bool { return link.Status().Connected })

	if _, err := gate.CheckIn("JRS-BLG-0002", db.Actor{Station: "gerbang 2", Operator: "Rina"}); err != nil {
		t.Fatal(err)
	}
	if _, err := main.CheckIn("JRS-BLG-0003", db.Actor{Station: "gerbang 1", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the gate's check-in reaches the main laptop", func() bool { return has(main, "JRS-BLG-0002") })
	eventually(t, "the main laptop's check-in reaches the gate", func() bool { return has(gate, "JRS-BLG-0003") })
	if main.Totals() != gate.Totals() {
		t.Errorf("the two count differently: %+v and %+v", main.Totals(), gate.Totals())
	}
}

// Refusals: a gate key trying to sync, two stores from different rosters,
// a peer sending a batch with a bad date. Each changes nothing, and the
// serving laptop logs it once however often the other retries.
func TestSyncRefusals(t *testing.T) {
	t.Run("gate key", func(t *testing.T) {
		st := copies(t, 2)
		srv := startSyncServer(t, st[0], map[string]db.Role{keyOf(t, st[1]): db.RoleGate})
		link := runLink(t, st[1], srv.addr)
		st[1].CheckIn("JRS-BLG-0002", db.Actor{Operator: "Rina"})
		eventually(t, "the gate is told it may not sync", func() bool { return strings.Contains(link.Status().Err, "may not sync") })
		if has(st[0], "JRS-BLG-0002") {
			t.Error("a gate login pushed a check-in")
		}
	})
	t.Run("other roster", func(t *testing.T) {
		a := copies(t, 1)[0]
		b := copies(t, 1)[0] // made separately: another lineage
		srv := startSyncServer(t, a, map[string]db.Role{keyOf(t, b): db.RolePeer})
		link := runLink(t, b, srv.addr)
		b.CheckIn("JRS-BLG-0002", db.Actor{Operator: "Rina"})
		eventually(t, "the other roster is refused in one sentence", func() bool {
			return strings.Contains(link.Status().Err, "were not copied from the same store")
		})
		if has(a, "JRS-BLG-0002") {
			t.Error("stores of two rosters mixed")
		}
	})
	t.Run("serving laptop not listed", func(t *testing.T) {
		st := copies(t, 2)
		srv := startSyncServer(t, st[0], map[string]db.Role{keyOf(t, st[1]): db.RolePeer})
		st[0].CheckIn("JRS-BLG-0002", db.Actor{Operator: "Rina"})
		nobody := func(gossh.PublicKey) bool { return false }
		link := runLinkTrusting(t, st[1], srv.addr, nobody)
		eventually(t, "the dialling laptop refuses a peer it does not list", func() bool {
			return strings.Contains(link.Status().Err, "not listed here with the role peer")
		})
		if has(st[1], "JRS-BLG-0002") {
			t.Error("events were taken from a laptop not listed as a peer")
		}
		listed := keyOf(t, st[0])
		ok := runLinkTrusting(t, st[1], srv.addr, func(k gossh.PublicKey) bool { return string(k.Marshal()) == listed })
		eventually(t, "a listed peer's events are taken", func() bool { return has(st[1], "JRS-BLG-0002") && ok.Status().Connected })
	})
	t.Run("bad date", func(t *testing.T) {
		st := copies(t, 2)
		srv := startSyncServer(t, st[0], map[string]db.Role{keyOf(t, st[1]): db.RolePeer})
		before := st[0].Totals()
		bad := model.Event{ID: "zz9-000001", Kind: model.KindArrive, Volunteer: "JRS-BLG-0002",
			At: testclock.Epoch().AddDate(5, 0, 0).UTC(), Station: "gerbang 9", Operator: "x"}
		for range 3 { // a laptop that retries: logged once
			err := pushRaw(t, st[1], srv.addr, bad)
			var refused *Refused
			if !errors.As(err, &refused) || !strings.Contains(refused.Reason, "dated") {
				t.Fatalf("a batch with a bad date: %v", err)
			}
		}
		if st[0].Totals() != before || has(st[0], "JRS-BLG-0002") {
			t.Error("a refused batch changed the store")
		}
		if n := strings.Count(srv.logged(), "dated"); n != 1 {
			t.Errorf("the refusal is logged %d times, want once:\n%s", n, srv.logged())
		}
	})
}

// pushRaw sends one batch as a peer would, bypassing the store's own checks
// on the sending side, and returns how the exchange ended.
func pushRaw(t *testing.T, from *db.Store, addr string, events ...model.Event) error {
	t.Helper()
	signer, err := Key(from.Path())
	if err != nil {
		t.Fatal(err)
	}
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "raw", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.RequestSubsystem(Subsystem); err != nil {
		t.Fatal(err)
	}
	origin, _ := from.Origin()
	w := &writer{w: in}
	w.send(message{Hello: &hello{Version: protocolVersion, Origin: origin, Station: "raw", Heads: from.Heads()}})
	w.send(message{Events: events})
	sc := newScanner(out)
	if _, err := readHello(sc); err != nil {
		return err
	}
	for {
		var m message
		if err := readMessage(sc, &m); err != nil {
			return err
		}
		if m.Refused != "" {
			return &Refused{Reason: m.Refused}
		}
	}
}

// The key line for the other laptops names the role, the key and the station.
func TestKeyLine(t *testing.T) {
	st := copies(t, 1)[0]
	signer, err := Key(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	again, err := Key(st.Path())
	if err != nil || string(again.PublicKey().Marshal()) != string(signer.PublicKey().Marshal()) {
		t.Fatalf("the key changed between two reads: %v", err)
	}
	line := KeyLine(signer, "gerbang 2\x1b[31m")
	if !strings.HasPrefix(line, "peer ssh-ed25519 AAAA") || !strings.HasSuffix(line, " gerbang-2") || strings.ContainsRune(line, 0x1b) {
		t.Errorf("key line %q", line)
	}
	if fi, err := os.Stat(keyPath(st.Path())); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the key file is not owner-only: %v %v", fi.Mode(), err)
	}
}
