package serve

import (
	"fmt"
	"net"
	"os"
	"sync/atomic"
)

// The local socket answers for the store, so each end checks who is at
// the other before believing a word: the commands ask whether the server
// runs as this laptop's user (a socket planted at <store>.sock by another
// account would otherwise say "checked in" and store nothing), and the
// server whether the command does. The kernel says (peerUID, per OS).

// pretendUID, when not 0, is taken for this process's user: tests pretend
// to be another, so that this process at the other end looks foreign.
var pretendUID atomic.Int64

// localUID is this process's user.
func localUID() int {
	if uid := pretendUID.Load(); uid != 0 {
		return int(uid)
	}
	return os.Getuid()
}

// foreignPeerError is a socket whose other end runs as another user.
type foreignPeerError struct {
	path string
	uid  int
}

func (e *foreignPeerError) Error() string {
	return fmt.Sprintf("%s is held by another user's program (user id %d), not by this user's hadir serve; it is not trusted", e.path, e.uid)
}

// checkPeer returns an error unless the other end of conn runs as this
// user. Where the system cannot tell (Windows), the folder's permissions
// guard the socket, and it is believed.
func checkPeer(conn net.Conn, path string) error {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return fmt.Errorf("%s is not a local socket", path)
	}
	uid, known, err := peerUID(uc)
	if err != nil {
		return fmt.Errorf("cannot tell who holds %s: %w", path, err)
	}
	if known && uid != localUID() {
		return &foreignPeerError{path: path, uid: uid}
	}
	return nil
}

// peerUID is the user of the process at the other end of c; not known
// where the system cannot tell (socketUID is nil).
func peerUID(c *net.UnixConn) (uid int, known bool, err error) {
	if socketUID == nil {
		return 0, false, nil
	}
	raw, err := c.SyscallConn()
	if err != nil {
		return 0, false, err
	}
	var uidErr error
	if err := raw.Control(func(fd uintptr) { uid, uidErr = socketUID(int(fd)) }); err != nil {
		return 0, false, err
	}
	if uidErr != nil {
		return 0, false, uidErr
	}
	return uid, true, nil
}

// trustedListener accepts only connections from this user's programs.
type trustedListener struct {
	net.Listener
	path    string
	refused func(error)
}

func (l trustedListener) Accept() (net.Conn, error) {
	for {
		conn, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if err := checkPeer(conn, l.path); err != nil {
			conn.Close()
			l.refused(err)
			continue
		}
		return conn, nil
	}
}
