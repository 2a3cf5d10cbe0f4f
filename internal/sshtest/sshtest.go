// Package sshtest is what the tests of `hadir serve` (package serve, and
// package cli driving it through the command line) share to talk to a
// server on a loopback port: keys, logins from an address of their own,
// one command over SSH, and a buffer to watch a screen in.
package sshtest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
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
)

// NewKey is a fresh ed25519 key.
func NewKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Logins writes in dir a key file with a fresh key for each role
// ("ROLE KEY" lines) and a passcode file giving passcode the role gate, as
// serve reads them (--authorized-keys, --passcodes), and returns the keys
// by role and the two files.
func Logins[R ~string](t testing.TB, dir, passcode string, roles ...R) (keys map[R]gossh.Signer, keyFile, passcodeFile string) {
	t.Helper()
	keys = map[R]gossh.Signer{}
	var lines strings.Builder
	for _, role := range roles {
		keys[role] = NewKey(t)
		fmt.Fprintf(&lines, "%s %s", role, gossh.MarshalAuthorizedKey(keys[role].PublicKey()))
	}
	keyFile, passcodeFile = filepath.Join(dir, "gate.keys"), filepath.Join(dir, "passcodes.txt")
	if err := os.WriteFile(keyFile, []byte(lines.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(passcodeFile, []byte("gate "+passcode+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return keys, keyFile, passcodeFile
}

// Server is what a test knows of a `hadir serve` it started: where it
// listens, its store's folder (the serve log is there) and a key per role.
type Server[R ~string] struct {
	Addr string
	Dir  string
	Keys map[R]gossh.Signer
}

// LogPath is the serve log's.
func (s *Server[R]) LogPath() string { return filepath.Join(s.Dir, "hadir.db.serve.log") }

// LogText is the serve log so far.
func (s *Server[R]) LogText() string {
	b, _ := os.ReadFile(s.LogPath())
	return string(b)
}

// WaitForLog waits until the serve log holds want times times (the server
// writes a connection's line when it has closed it).
func (s *Server[R]) WaitForLog(t testing.TB, want string, times int) {
	t.Helper()
	WaitForLog(t, s.LogPath(), want, times)
}

// Dial logs in as user.
func (s *Server[R]) Dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return Dial(s.Addr, user, auth...)
}

// DialRole logs in as user with role's key; the client is closed when the
// test ends.
func (s *Server[R]) DialRole(t testing.TB, user string, role R) *gossh.Client {
	t.Helper()
	c, err := s.Dial(user, gossh.PublicKeys(s.Keys[role]))
	if err != nil {
		t.Fatalf("%s cannot connect with the %s key: %v", user, role, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// Dial logs in to addr as user.
func Dial(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: time.Minute,
	})
}

// ConnectFrom opens a raw TCP connection to addr from a loopback address
// of its own (127.0.0.0/8 is all loopback on Linux), as another laptop on
// the Wi-Fi would; it is closed when the test ends. It returns the error,
// so goroutines other than the test's may call it.
func ConnectFrom(t testing.TB, addr, ip string) (net.Conn, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: time.Minute}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("cannot connect from %s: %w", ip, err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn, nil
}

// From logs in to addr as user from a loopback address of its own.
func From(t testing.TB, addr, ip, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	conn, err := ConnectFrom(t, addr, ip)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return nil, err
	}
	client := gossh.NewClient(c, chans, reqs)
	t.Cleanup(func() { client.Close() })
	return client, nil
}

// Command runs cmd in a session that says which station it is (none when
// station is "") and returns its output and exit code.
func Command(t testing.TB, c *gossh.Client, station, cmd string) (string, int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if station != "" {
		if err := sess.Setenv("HADIR_STATION", station); err != nil {
			t.Fatal(err)
		}
	}
	var out Buffer // stdout and stderr are copied by two goroutines
	sess.Stdout, sess.Stderr = &out, &out
	err = sess.Run(cmd)
	code := 0
	if exit, ok := err.(*gossh.ExitError); ok {
		code = exit.ExitStatus()
	} else if err != nil {
		t.Fatalf("%s: %v", cmd, err)
	}
	return out.String(), code
}

// Screen opens the gate screen in English in a session of rows×cols
// that says which station it is (none when station is ""), and answers the
// server's device-attributes query as every terminal does (wish asks it
// when the session starts, and waits for the answer). The session is
// closed when the test ends.
func Screen(t testing.TB, c *gossh.Client, station string, rows, cols int) (sess *gossh.Session, in io.Writer, out *Buffer) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	sess.Setenv("HADIR_LANG", "en")
	if station != "" {
		sess.Setenv("HADIR_STATION", station)
	}
	if err := sess.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out = &Buffer{}
	sess.Stdout = out
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	io.WriteString(stdin, "\x1b[?62;c")
	return sess, stdin, out
}

// WaitForLog waits until the file at path (a serve log) holds want times
// times: the server writes a connection's line when it has closed it.
func WaitForLog(t testing.TB, path, want string, times int) {
	t.Helper()
	text := func() string { b, _ := os.ReadFile(path); return string(b) }
	for deadline := time.Now().Add(time.Minute); strings.Count(text(), want) < times; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never held %q %d times:\n%s", want, times, text())
		}
	}
}

// Buffer is what a session sent, safe to write from its goroutines while
// the test reads it.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String is what was sent so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// WaitFor waits for the screen to show want. The wait is long (a loaded
// machine is slow): only a screen that never shows it fails.
func (b *Buffer) WaitFor(t testing.TB, want string) {
	t.Helper()
	const within = time.Minute
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(b.String(), want) {
			return
		}
	}
	t.Fatalf("the screen did not show %q within %v; it sent:\n%q", want, within, b.String())
}

// LockedWriter is a writer that several goroutines share, each write whole
// under mu.
type LockedWriter struct {
	Mu *sync.Mutex
	W  io.Writer
}

func (l LockedWriter) Write(p []byte) (int, error) {
	l.Mu.Lock()
	defer l.Mu.Unlock()
	return l.W.Write(p)
}
