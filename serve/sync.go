package serve

import (
	"fmt"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
)

// syncSession is another laptop keeping its copy in step with this one
// (the subsystem peer.Subsystem): only a peer (or admin) login may.
func (srv *server) syncSession(sess ssh.Session) {
	role, login := srv.logins.sessionLogin(sess)
	srv.log.Printf("%s (%s, %s) syncs from %s", logText(stationOf(sess)), role, logText(login), sess.RemoteAddr())
	srv.sync.Handle(sess, role, login, stationOf(sess))
	srv.log.Printf("%s stopped syncing", logText(stationOf(sess)))
}

// peersOnlySync refuses a screen or a command to a peer login: a laptop's
// sync key exchanges records and does nothing else.
func (srv *server) peersOnlySync(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if role, _ := srv.logins.sessionLogin(sess); role == db.RolePeer {
			fmt.Fprintln(sess.Stderr(), "hadir: this key is another laptop's sync key (role peer): it keeps the stores in step and opens no screen; log in with a gate, leader or admin key")
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// maySync says whether a key may sync (role peer or admin): a serving
// laptop takes events only from those, on the links it dials too.
func (l *logins) maySync(key gossh.PublicKey) bool {
	role, ok := l.keys[string(key.Marshal())]
	return ok && (role == db.RolePeer || role == db.RoleAdmin)
}
