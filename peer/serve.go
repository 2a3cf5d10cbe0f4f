package peer

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
)

// Server answers the sync sessions of the laptops that connect to `hadir
// serve`: only a login with the role peer (or admin) may sync, and each
// refusal is logged once per laptop, not at each of its retries.
type Server struct {
	Store  *db.Store
	Log    func(format string, args ...any)
	Signer gossh.Signer // this store's peer key (Key): shown to the laptops that dial

	mu      sync.Mutex
	refused map[string]string // login -> the last refusal logged
}

// Handle runs one sync session to its end. role and login are what the
// session logged in as; station is the name the other laptop gave.
func (s *Server) Handle(sess ssh.Session, role db.Role, login, station string) {
	if role != db.RolePeer && role != db.RoleAdmin {
		why := fmt.Sprintf("a %s login may not sync; list this laptop's `hadir peer key` line with the role peer in --authorized-keys", role)
		_ = (&writer{w: sess}).send(message{Refused: why})
		s.logOnce(login, why)
		_ = sess.Exit(1)
		return
	}
	session, _ := hex.DecodeString(sess.Context().SessionID())
	err := Exchange(sess.Context(), s.Store, sess, db.Actor{Role: db.RolePeer, Station: station, Login: login}, nil,
		Proof{Session: session, Signer: s.Signer})
	var theirs *Refused
	switch {
	case err == nil, errors.Is(err, io.EOF), errors.As(err, &theirs):
		s.forget(login)
	default:
		s.logOnce(login, err.Error())
	}
	_ = sess.Exit(0)
}

func (s *Server) logOnce(login, why string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused == nil {
		s.refused = map[string]string{}
	}
	if s.refused[login] == why {
		return
	}
	s.refused[login] = why
	if s.Log != nil {
		s.Log("sync with %q stopped: %s", login, why)
	}
}

func (s *Server) forget(login string) {
	s.mu.Lock()
	delete(s.refused, login)
	s.mu.Unlock()
}
