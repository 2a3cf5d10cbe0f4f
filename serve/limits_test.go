package serve

import (
	"bufio"
	"io"
	"net"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/internal/sshtest"
	"hadir/internal/testclock"
)

// cursorMove is a control sequence that moves the cursor or erases (any
// CSI but a colour).
var cursorMove = regexp.MustCompile(`\x1b\[[0-9;?]*[^0-9;?m]`)

// A gate that reports a huge window is drawn at 400×200, and the server
// goes on serving every gate.
func TestServeClampsTheWindow(t *testing.T) {
	ts := startServer(t, numberedRoster(5))
	sess, in, out := sshtest.Screen(t, ts.DialRole(t, "rina", db.RoleGate), "", 30000, 30000)
	out.WaitFor(t, "Arrived 0 / 5")
	sess.WindowChange(50000, 50000)
	io.WriteString(in, "R0001\r")
	out.WaitFor(t, "Checked in: R0001 Relawan 1")
	// What is drawn between two cursor moves is one stretch of a line.
	screen := ansi.Strip(cursorMove.ReplaceAllString(out.String(), "\n"))
	for line := range strings.SplitSeq(strings.ReplaceAll(screen, "\r", "\n"), "\n") {
		if w := ansi.StringWidth(line); w > maxColumns {
			t.Fatalf("a line %d columns wide was drawn; the window is clamped at %d", w, maxColumns)
		}
	}
	other := ts.DialRole(t, "budi", db.RoleGate)
	if out, code := sshCommand(t, other, "checkin R0002"); code != 0 {
		t.Errorf("the server stopped serving the other gates: %d %q", code, out)
	}
}

// A session keeps at most 64 environment variables of at most 1 KB, and
// names and stations from the client reach the store cleaned and cut.
func TestServeSessionLimits(t *testing.T) {
	ts := startServer(t, numberedRoster(5))
	long := strings.Repeat("r", 100)
	c := ts.DialRole(t, long+"\x1b[2J\n", db.RoleGate)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.Setenv("BIG", strings.Repeat("x", 2000)); err == nil {
		t.Error("a 2,000-byte environment value was taken")
	}
	if err := sess.Setenv("HADIR_STATION", "gerbang\x1b[31m 2\u202e\r\n"); err != nil {
		t.Fatal(err)
	}
	taken := 1
	for i := range 100 {
		if sess.Setenv("V"+strings.Repeat("x", i%10), "1") == nil {
			taken++
		}
	}
	if taken != maxEnvVars {
		t.Errorf("%d environment variables were taken, want %d", taken, maxEnvVars)
	}
	var out sshtest.Buffer
	sess.Stdout, sess.Stderr = &out, &out
	if err := sess.Run("checkin R0003"); err != nil {
		t.Fatalf("checkin: %v\n%s", err, out.String())
	}
	p, _ := ts.store.Person("R0003")
	if p.Arrival.Station != "gerbang 2" {
		t.Errorf("station recorded as %q, want the cleaned \"gerbang 2\"", p.Arrival.Station)
	}
	if p.Arrival.Operator != long[:64] {
		t.Errorf("operator recorded as %q (%d characters), want it cut at 64", p.Arrival.Operator, len(p.Arrival.Operator))
	}
	if log := ts.LogText(); strings.Contains(log, "\x1b") || strings.Count(log, "\n") != strings.Count(log, "hadir serve: ") {
		t.Errorf("the log took a control character or a forged line:\n%q", log)
	}
}

// banner reads what the server says first on a raw TCP connection: its
// SSH version, or nothing when it closes the connection at once.
func banner(t *testing.T, conn net.Conn) string {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	line, _ := bufio.NewReader(conn).ReadString('\n')
	return line
}

// A connection that does not log in within the handshake time is closed;
// one that logs in but opens no session is closed after the idle time.
func TestServeClosesSilentConnections(t *testing.T) {
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.handshake = 100 * time.Millisecond })
	conn, err := net.Dial("tcp", ts.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	if _, err := r.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, r); err != nil {
		t.Errorf("a connection that never logged in was kept open: %v", err)
	}

	// A second server: logging in must not race a short handshake time.
	ts = startServer(t, numberedRoster(1), func(srv *server) { srv.idle = 100 * time.Millisecond })
	c := ts.DialRole(t, "rina", db.RoleGate)
	closed := make(chan error, 1)
	go func() { closed <- c.Wait() }()
	select {
	case <-closed:
	case <-time.After(time.Minute):
		t.Error("a logged-in connection without a session was kept open past the idle time")
	}
}

// Five wrong passcodes within a minute shut the address out for a minute,
// said once in the log; a hundred guesses take far more than ten minutes.
func TestServeLoginBackoff(t *testing.T) {
	clock := testclock.New(testclock.Epoch())
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.backoff.now = clock.Now })
	for i := range backoffFailures {
		if c, err := ts.Dial("tebak", gossh.Password("salah-tebak-123")); err == nil {
			c.Close()
			t.Fatalf("wrong passcode %d was let in", i+1)
		}
		clock.Add(time.Second)
	}
	if c, err := ts.Dial("rina", gossh.Password(testPasscode)); err == nil {
		c.Close()
		t.Fatal("the address was not refused after 5 wrong passcodes")
	}
	if n := strings.Count(ts.LogText(), "refusing every login from 127.0.0.1 for 1m0s"); n != 1 {
		t.Errorf("the refusal is in the log %d times, want once:\n%s", n, ts.LogText())
	}
	clock.Add(backoffFirst)
	c, err := ts.Dial("rina", gossh.Password(testPasscode))
	if err != nil {
		t.Fatalf("still refused after the minute: %v", err)
	}
	c.Close()

	// An attacker who tries again as soon as the server lets them.
	start, failures := clock.Now(), 0
	for failures < 100 {
		before := strings.Count(ts.LogText(), "refused: wrong passcode")
		if c, err := ts.Dial("tebak", gossh.Password("salah-tebak-123")); err == nil {
			c.Close()
			t.Fatal("a wrong passcode was let in")
		}
		if strings.Count(ts.LogText(), "refused: wrong passcode") > before {
			failures++
		} else {
			clock.Add(30 * time.Second) // refused at the door: wait and try again
		}
	}
	if took := clock.Now().Sub(start); took < 10*time.Minute {
		t.Errorf("100 wrong passcodes took %v of the attacker's time, want at least 10 minutes", took)
	}
}

// stalledSigner offers a listed public key but never signs with it: a
// client that only asks whether a key would do, as a stranger who knows a
// gate's public key can.
type stalledSigner struct {
	gossh.Signer
	release chan struct{}
}

func (s stalledSigner) Sign(rand io.Reader, data []byte) (*gossh.Signature, error) {
	<-s.release
	return nil, io.EOF
}

// closeWatch tells when the other side ended the connection.
type closeWatch struct {
	net.Conn
	once   sync.Once
	closed chan struct{}
}

func (c *closeWatch) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil {
		c.once.Do(func() { close(c.closed) })
	}
	return n, err
}

// Asking whether a listed key would do is not logging in: the connection
// stays under the handshake time and is closed when it runs out.
func TestServeKeyQueryIsNoLogin(t *testing.T) {
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.handshake = 200 * time.Millisecond })
	raw, err := net.Dial("tcp", ts.Addr)
	if err != nil {
		t.Fatal(err)
	}
	conn := &closeWatch{Conn: raw, closed: make(chan struct{})}
	defer conn.Close()
	release := make(chan struct{})
	defer close(release)
	go gossh.NewClientConn(conn, ts.Addr, &gossh.ClientConfig{
		User: "stranger", HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Auth: []gossh.AuthMethod{gossh.PublicKeys(stalledSigner{ts.Keys[db.RoleGate], release})},
	})
	select {
	case <-conn.closed:
	case <-time.After(time.Minute):
		t.Fatal("a connection that only asked about a key was kept open past the handshake time")
	}
}
