package serve

import (
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/internal/sshtest"
)

// dialFrom opens a raw TCP connection to the server from a loopback
// address of its own (127.0.0.0/8 is all loopback on Linux), as another
// laptop on the Wi-Fi would.
func dialFrom(t *testing.T, ts *testServer, ip string) net.Conn {
	t.Helper()
	conn, err := sshtest.ConnectFrom(t, ts.Addr, ip)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// served reports whether the server greets a raw connection (it is waiting
// at the login) rather than closing it at once.
func served(t *testing.T, conn net.Conn) bool {
	return strings.HasPrefix(banner(t, conn), "SSH-2.0")
}

// fixedChance makes the waiting room's random draws a number the test sets.
func fixedChance(v *atomic.Value) serveSetup {
	return func(srv *server) { srv.waiting.chance = func() float64 { return v.Load().(float64) } }
}

// Forty connections from one address that never speak SSH take a handful
// of places, and the gates go on logging in, by key and by passcode.
func TestServeOneAddressCannotFillTheLogin(t *testing.T) {
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.handshake = 10 * time.Minute })
	kept := 0
	for i := range 40 {
		if served(t, dialFrom(t, ts, "127.0.0.2")) {
			kept++
		} else if i < maxUnauthPerHost {
			t.Fatalf("connection %d from one address was closed; %d may wait", i+1, maxUnauthPerHost)
		}
	}
	if kept != maxUnauthPerHost {
		t.Errorf("%d connections from one address wait at the login, want %d", kept, maxUnauthPerHost)
	}
	gate := ts.DialRole(t, "rina", db.RoleGate)
	if out, code := sshCommand(t, gate, "checkin R0000"); code != 0 {
		t.Errorf("a gate's key could not check in while one address held the login: %d %q", code, out)
	}
	c, err := ts.Dial("budi", gossh.Password(testPasscode))
	if err != nil {
		t.Fatalf("a gate's passcode was refused while one address held the login: %v", err)
	}
	settled(t, c)
	c.Close()
}

// As the places fill, newcomers are dropped at random: never below half
// full, by the draw above it.
func TestServeDropsNewcomersAtRandomAsTheLoginFills(t *testing.T) {
	var chance atomic.Value
	chance.Store(0.0) // every draw drops, where dropping may happen at all
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.handshake = 10 * time.Minute }, fixedChance(&chance))
	for i := range earlyDropFrom {
		if !served(t, dialFrom(t, ts, fmt.Sprintf("127.0.0.%d", 10+i/maxUnauthPerHost))) {
			t.Fatalf("connection %d was dropped below half full", i+1)
		}
	}
	if served(t, dialFrom(t, ts, "127.0.0.30")) {
		t.Error("a newcomer at half full was kept although the draw said drop")
	}
	chance.Store(0.99)
	if !served(t, dialFrom(t, ts, "127.0.0.30")) {
		t.Error("a newcomer at half full was dropped although the draw said keep")
	}
}

// When every place is taken, a newcomer the draw keeps takes the place of
// the oldest connection of the busiest address: a gate gets in.
func TestServeFullLoginLetsAGateIn(t *testing.T) {
	var chance atomic.Value
	chance.Store(1.0) // no draw drops: the places fill up
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.handshake = 10 * time.Minute }, fixedChance(&chance))
	var first net.Conn
	for i := range maxUnauth {
		conn := dialFrom(t, ts, fmt.Sprintf("127.0.0.%d", 10+i/maxUnauthPerHost))
		if !served(t, conn) {
			t.Fatalf("connection %d was closed before the login was full", i+1)
		}
		if i == 0 {
			first = conn
		}
	}
	gate := ts.DialRole(t, "rina", db.RoleGate)
	if out, code := sshCommand(t, gate, "checkin R0000"); code != 0 {
		t.Errorf("a gate could not check in with every place taken: %d %q", code, out)
	}
	first.SetReadDeadline(time.Now().Add(time.Minute))
	if _, err := first.Read(make([]byte, 1024)); err == nil || isTimeout(err) {
		t.Errorf("the oldest waiting connection was not closed to make room: %v", err)
	}
	if n := ts.srv.waiting.count(); n > maxUnauth {
		t.Errorf("%d connections wait at the login, more than %d", n, maxUnauth)
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
