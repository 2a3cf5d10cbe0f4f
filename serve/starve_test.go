package serve

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/internal/sshtest"
	"hadir/internal/testclock"
)

// settled runs a command on a login, so the server has finished taking the
// connection in before the test ends: the SSH library's shutdown races
// with a login it is still taking in.
func settled(t *testing.T, c *gossh.Client) {
	t.Helper()
	if out, code := sshCommand(t, c, "stats"); code != 0 {
		t.Errorf("stats after logging in: %d %q", code, out)
	}
}

// A stranger offering unknown keys is counted per address like a guesser
// of passcodes, one failure per connection; the burst is logged once (its
// first connection, then the shut-out). A gate whose client offers other
// keys before its own is not counted.
func TestServeUnknownKeysAreCountedPerAddress(t *testing.T) {
	clock := testclock.New(testclock.Epoch())
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.backoff.now = clock.Now })
	for i := range backoffFailures {
		sshtest.From(t, ts.Addr, "127.0.0.1", "gate", gossh.PublicKeys(sshtest.NewKey(t), sshtest.NewKey(t)))
		if i == 0 {
			ts.WaitForLog(t, `refused: unknown keys (2; the first SHA256:`, 1)
		}
		// Another gate, with another key first, logs in between: it wipes nothing.
		c, err := sshtest.From(t, ts.Addr, "127.0.0.1", "rina", gossh.PublicKeys(sshtest.NewKey(t), ts.Keys[db.RoleGate]))
		if err != nil && i < backoffFailures-1 {
			t.Fatalf("a gate offering another key before its own was refused: %v", err)
		} else if err == nil {
			settled(t, c)
		}
	}
	ts.WaitForLog(t, "refusing every login from 127.0.0.1 for 1m0s", 1)
	if n := strings.Count(ts.LogText(), "unknown keys"); n != 1 {
		t.Errorf("a burst of unknown keys from one address reached the log %d times, want once:\n%s", n, ts.LogText())
	}
	if _, err := sshtest.From(t, ts.Addr, "127.0.0.1", "gate", gossh.PublicKeys(sshtest.NewKey(t))); err == nil {
		t.Error("an address shut out for unknown keys was let in")
	}
	if c, err := sshtest.From(t, ts.Addr, "127.0.0.5", "rina", gossh.PublicKeys(ts.Keys[db.RoleGate])); err != nil {
		t.Errorf("a gate at another address was refused: %v", err)
	} else {
		settled(t, c)
	}
	if n := strings.Count(ts.LogText(), "refusing every login from 127.0.0.1"); n != 1 {
		t.Errorf("the shut-out is in the log %d times, want once", n)
	}
}

// Failures count per address whatever succeeds in between: a guesser who
// knows one gate's passcode cannot mix it in to guess on.
func TestServeRightPasscodeKeepsTheFailures(t *testing.T) {
	clock := testclock.New(testclock.Epoch())
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.backoff.now = clock.Now })
	for i := range backoffFailures {
		if c, err := ts.Dial("tebak", gossh.Password(fmt.Sprintf("salah-tebak-%03d", i))); err == nil {
			c.Close()
			t.Fatal("a wrong passcode was let in")
		}
		if i < backoffFailures-1 {
			c, err := ts.Dial("rina", gossh.Password(testPasscode))
			if err != nil {
				t.Fatalf("the right passcode was refused after %d wrong ones: %v", i+1, err)
			}
			settled(t, c)
			c.Close()
		}
		clock.Add(time.Second)
	}
	if c, err := ts.Dial("rina", gossh.Password(testPasscode)); err == nil {
		c.Close()
		t.Error("5 wrong passcodes within a minute, mixed with right ones, did not shut the address out")
	}
}

// However fast the log fills, every file of it begins with serve's start
// line.
func TestServeEveryLogFileBeginsWithTheStartLine(t *testing.T) {
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.logFile.setMax(1500) })
	for i := range 30 {
		sshtest.From(t, ts.Addr, fmt.Sprintf("127.0.0.%d", 20+i), "gate", gossh.PublicKeys(sshtest.NewKey(t)))
	}
	ts.WaitForLog(t, "unknown keys", 1)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(ts.Dir, "hadir.db.serve.log.3")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the log never rotated three times")
		}
	}
	for _, name := range []string{"hadir.db.serve.log", "hadir.db.serve.log.1", "hadir.db.serve.log.2", "hadir.db.serve.log.3"} {
		data, _ := os.ReadFile(filepath.Join(ts.Dir, name))
		first, _, _ := strings.Cut(string(data), "\n")
		if !strings.Contains(first, " serving "+filepath.Join(ts.Dir, "hadir.db")+" on ") {
			t.Errorf("%s begins with %q, not serve's start line", name, first)
		}
	}
}

// An agent-forwarding request is refused like the other forwardings.
func TestServeRefusesAgentForwarding(t *testing.T) {
	ts := startServer(t, numberedRoster(1))
	c := ts.DialRole(t, "rina", db.RoleGate)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	ok, err := sess.SendRequest("auth-agent-req@openssh.com", true, nil)
	if err != nil || ok {
		t.Errorf("agent forwarding was answered %v (%v), want refused", ok, err)
	}
	for _, fwd := range []string{"x11-req"} {
		if ok, _ := sess.SendRequest(fwd, true, gossh.Marshal(struct {
			Single        bool
			Proto, Cookie string
			Screen        uint32
		}{})); ok {
			t.Errorf("%s was answered yes", fwd)
		}
	}
}

// openScreen starts a screen session and, unless noWait (a screen that is
// refused or cut off), waits until it asks the terminal's colour (so the
// server counts it); it does not answer.
func openScreen(t *testing.T, c *gossh.Client, noWait bool) (*gossh.Session, *sshtest.Buffer) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	out := &sshtest.Buffer{}
	sess.Stdout, sess.Stderr = out, out
	sess.Setenv("HADIR_LANG", "en")
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdinPipe(); err != nil { // kept open: the input never ends
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if !noWait {
		out.WaitFor(t, "\x1b]11;?")
	}
	return sess, out
}

// One login opens at most 4 screens and one address at most 8; a refused
// screen is told why in both languages, and the log says so once.
func TestServeScreensPerLoginAndAddress(t *testing.T) {
	ts := startServer(t, numberedRoster(1))
	gate := ts.DialRole(t, "rina", db.RoleGate)
	for range maxScreensPerLogin {
		openScreen(t, gate, false)
	}
	for range 3 {
		sess, out := openScreen(t, gate, true)
		if err := sess.Wait(); err == nil {
			t.Fatalf("a fifth screen of one login was opened: %q", out.String())
		}
		out.WaitFor(t, "already has 4 screens open")
		out.WaitFor(t, "sudah membuka 4 layar")
	}
	if n := strings.Count(ts.LogText(), "refusing more screens for \"login key:"); n != 1 {
		t.Errorf("the refusal is in the log %d times, want once:\n%s", n, ts.LogText())
	}
	leader := ts.DialRole(t, "budi", db.RoleLeader)
	for range maxScreensPerHost - maxScreensPerLogin {
		openScreen(t, leader, false)
	}
	admin := ts.DialRole(t, "sari", db.RoleAdmin)
	sess, out := openScreen(t, admin, true)
	if err := sess.Wait(); err == nil {
		t.Fatal("a ninth screen from one address was opened")
	}
	out.WaitFor(t, "already has 8 screens open")
	if n := strings.Count(ts.LogText(), `refusing more screens for "address 127.0.0.1"`); n != 1 {
		t.Errorf("the address's refusal is in the log %d times, want once", n)
	}
	// Commands are no screens: they are answered all the same.
	if out, code := sshCommand(t, gate, "checkin R0000"); code != 0 {
		t.Errorf("a command was refused with the screens full: %d %q", code, out)
	}
}

// A session that never answers the terminal's colour query is closed when
// the idle time, counted from the connection, runs out.
func TestServeIdleCountsFromTheConnection(t *testing.T) {
	// Long enough for the login and the session to open on a loaded machine.
	ts := startServer(t, numberedRoster(1), func(srv *server) { srv.idle = 2 * time.Second })
	c := ts.DialRole(t, "rina", db.RoleGate)
	sess, _ := openScreen(t, c, true) // not waiting for the query: it may be cut off
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	select {
	case <-ended:
	case <-time.After(time.Minute):
		t.Fatal("a session that never answered the colour query was kept open past the idle time")
	}
}

// A 10 MB paste is read and dropped at the connection; the screen takes
// what a field can hold, goes on working, and the log says how much was
// dropped.
func TestServeDropsInputNoFieldHolds(t *testing.T) {
	clock := testclock.New(testclock.Epoch())
	ts := startServer(t, numberedRoster(5), func(srv *server) { srv.inputClock = clock.Now })
	sess, in, out := sshtest.Screen(t, ts.DialRole(t, "rina", db.RoleGate), "", 30, 100)
	out.WaitFor(t, "Arrived 0 / 5")
	paste := strings.Repeat("x", 10<<20)
	if _, err := io.WriteString(in, paste); err != nil {
		t.Fatal(err)
	}
	// The clock stands still: the paste was dropped by its length, without
	// spending the allowance the next scan needs.
	io.WriteString(in, "\x15R0001\r")
	out.WaitFor(t, "Checked in: R0001")
	other := ts.DialRole(t, "budi", db.RoleGate)
	if out, code := sshCommand(t, other, "checkin R0002"); code != 0 {
		t.Errorf("another gate was not answered: %d %q", code, out)
	}
	sess.Close()
	ts.WaitForLog(t, "bytes of input dropped", 1)
	var dropped int
	for line := range strings.SplitSeq(ts.LogText(), "\n") {
		if _, after, ok := strings.Cut(line, "from 127.0.0.1: "); ok && strings.Contains(line, "bytes of input dropped") {
			fmt.Sscanf(after, "%d", &dropped)
		}
	}
	if dropped < 10<<20-maxInputRun {
		t.Errorf("%d bytes of the 10 MB paste were dropped, want all but the %d a field may take", dropped, maxInputRun)
	}
}

// Past a burst, input passes at a steady rate and the rest is dropped;
// the allowance fills again with time. (Byte by byte, on a reader: through
// the server the stream's timing is the machine's.)
func TestLimitedInputRate(t *testing.T) {
	clock := testclock.New(testclock.Epoch())
	lines := strings.Repeat("JRS-BLG-0001\r", 10<<10) // 130 KB of scans at once
	in := newLimitedInput(strings.NewReader(lines+"JRS-BJM-0002\r"), clock.Now)
	got, err := io.ReadAll(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != inputBurst {
		t.Errorf("%d bytes passed at once, want the burst of %d", len(got), inputBurst)
	}
	if in.droppedBytes() != int64(len(lines)+13-inputBurst) {
		t.Errorf("%d bytes dropped, want the rest", in.droppedBytes())
	}
	clock.Add(time.Second)
	in.r = strings.NewReader("JRS-BJM-0002\r")
	if got, _ := io.ReadAll(in); string(got) != "JRS-BJM-0002\r" {
		t.Errorf("a second later a scan passed as %q", got)
	}
	clock.Add(time.Hour)
	in.r = strings.NewReader(strings.Repeat("x", 2000) + "\r")
	if got, _ := io.ReadAll(in); len(got) != maxInputRun+1 {
		t.Errorf("a run of 2,000 characters passed %d bytes, want %d (the Enter after it too)", len(got), maxInputRun+1)
	}
}
