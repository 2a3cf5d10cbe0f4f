package cli

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// The server's own tests (package serve) have their copies of these; the
// ones here drive `hadir serve` through the command line.

// waitForLog waits until the serve log holds want (the server writes a
// connection's line when it has closed it).
func (ts *testServer) waitForLog(t *testing.T, want string, times int) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); strings.Count(ts.logText(), want) < times; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never held %q %d times:\n%s", want, times, ts.logText())
		}
	}
}

func newKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sshFrom logs in from a loopback address of its own (127.0.0.0/8 is all
// loopback on Linux), as another laptop on the Wi-Fi would.
func sshFrom(t *testing.T, ts *testServer, ip, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: time.Minute}
	conn, err := d.Dial("tcp", ts.addr)
	if err != nil {
		return nil, fmt.Errorf("cannot connect from %s: %w", ip, err)
	}
	t.Cleanup(func() { conn.Close() })
	c, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, &gossh.ClientConfig{User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return nil, err
	}
	client := gossh.NewClient(c, chans, reqs)
	t.Cleanup(func() { client.Close() })
	return client, nil
}
