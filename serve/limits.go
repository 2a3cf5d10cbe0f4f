package serve

import (
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"hadir/model"
)

// What one SSH connection may cost the serving laptop. Every gate shares
// its memory, so a stranger on the Wi-Fi (or a broken client) must not be
// able to take it all.
const (
	maxColumns       = 400              // a wider window is drawn this wide
	maxRows          = 200              // a taller one this tall
	maxEnvVars       = 64               // SetEnv values read per session
	maxEnvValue      = 1024             // bytes of one SetEnv value
	handshakeTimeout = 10 * time.Second // to log in, from the first byte
)

// guardKey is where a connection's guard waits in its context.
type guardKey struct{}

// connGuard watches one connection: it closes it when the login takes too
// long, and once logged in, when no session channel has been open for the
// idle time.
type connGuard struct {
	srv     *server
	conn    net.Conn
	host    string    // the address it comes from, without the port
	started time.Time // when it connected: a screen's idle time counts from here

	mu          sync.Mutex
	loggedIn    bool
	sessions    int
	timer       *time.Timer
	unknownKeys int    // keys offered that no login has
	firstKey    string // the first of them, for the log
	user        string // the user name it asked for, for the log
}

// guardConn is the server's ConnCallback: it refuses addresses in backoff
// and what the waiting room will not take, and starts the handshake clock.
func (srv *server) guardConn(ctx ssh.Context, conn net.Conn) net.Conn {
	host := hostOf(conn.RemoteAddr())
	if srv.backoff.refusing(host) {
		return nil
	}
	g := &connGuard{srv: srv, conn: conn, host: host, started: time.Now()}
	ok, evict := srv.waiting.enter(g)
	if !ok {
		return nil
	}
	if evict != nil {
		evict.conn.Close()
	}
	g.timer = time.AfterFunc(srv.handshake, func() { conn.Close() })
	ctx.SetValue(guardKey{}, g)
	return &guardedConn{Conn: conn, g: g}
}

func guardOf(ctx ssh.Context) *connGuard {
	g, _ := ctx.Value(guardKey{}).(*connGuard)
	return g
}

// serverConfig marks a connection logged in when the SSH library says its
// authentication succeeded. Not in the key callback: the library asks that
// one also when a client merely asks whether a key would do, and public keys
// are no secret, so a stranger could leave the handshake limits that way.
func (srv *server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		AuthLogCallback: func(_ gossh.ConnMetadata, _ string, err error) {
			if err == nil {
				guardOf(ctx).logIn()
			}
		},
	}
}

// logIn marks the connection authenticated: no longer counted against
// maxUnauth, and from now on closed when idle without a session.
func (g *connGuard) logIn() {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.loggedIn {
		return
	}
	g.loggedIn = true
	g.srv.waiting.leave(g)
	g.timer.Stop()
	if g.sessions == 0 {
		g.timer = time.AfterFunc(g.srv.sessionlessIdle(), func() { g.conn.Close() })
	}
}

func (g *connGuard) sessionOpened() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sessions++
	g.timer.Stop()
}

func (g *connGuard) sessionClosed() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sessions--
	if g.sessions == 0 && g.loggedIn {
		g.timer = time.AfterFunc(g.srv.sessionlessIdle(), func() { g.conn.Close() })
	}
}

// sessionlessIdle is how long a logged-in connection may stay without a
// session: the screens' idle time, or 30 minutes when screens never close
// (--idle 0), since such a connection shows nobody anything.
func (srv *server) sessionlessIdle() time.Duration {
	if srv.idle <= 0 {
		return 30 * time.Minute
	}
	return srv.idle
}

// closed is called once when the connection ends. One that never logged in
// after offering unknown keys counts as one failed login of its address,
// like a wrong passcode. (Unknown keys of a connection that then logs in are
// a client trying its keys in turn.) A burst is logged once: the first such
// connection of an address within backoffWindow, then its shut-out if any.
func (g *connGuard) closed() {
	g.srv.waiting.leave(g)
	g.mu.Lock()
	g.timer.Stop()
	failed := !g.loggedIn && g.unknownKeys > 0
	keys, first, user := g.unknownKeys, g.firstKey, g.user
	g.mu.Unlock()
	if !failed {
		return
	}
	if g.srv.backoff.logUnknownKeys(g.host) {
		g.srv.log.Printf("refused: unknown keys (%d; the first %s) for %s from %s; more from there within %v are counted, not logged", keys, first, logText(user), g.host, backoffWindow)
	}
	g.srv.failedLogin(g.host)
}

// unknownKey notes a key offered that no login has.
func (g *connGuard) unknownKey(key, user string) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.unknownKeys == 0 {
		g.firstKey, g.user = key, user
	}
	g.unknownKeys++
}

// guardedConn tells its guard when the connection ends.
type guardedConn struct {
	net.Conn
	g    *connGuard
	once sync.Once
}

func (c *guardedConn) Close() error {
	c.once.Do(c.g.closed)
	return c.Conn.Close()
}

// sessionChannel is the "session" channel handler: the library's, with the
// channel's requests passed through limitRequests, and the guard told that
// a session is open.
func (srv *server) sessionChannel(s *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	if g := guardOf(ctx); g != nil {
		g.sessionOpened()
		defer g.sessionClosed()
	}
	ssh.DefaultSessionHandler(s, conn, limitedChannel{newChan}, ctx)
}

// limitedChannel filters the requests of a session channel as it is accepted.
type limitedChannel struct{ gossh.NewChannel }

func (c limitedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go limitRequests(reqs, out)
	return ch, out, nil
}

// limitRequests refuses environment variables beyond maxEnvVars or
// maxEnvValue and clamps the terminal sizes a client reports, before the
// session sees them.
func limitRequests(in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	envs := 0
	for req := range in {
		switch req.Type {
		case "auth-agent-req@openssh.com":
			// Never used, and a gate's keys are not ours to borrow: refused
			// like the port and X11 forwardings the server does not offer.
			refuse(req)
			continue
		case "env":
			var kv struct{ Key, Value string }
			if envs >= maxEnvVars || gossh.Unmarshal(req.Payload, &kv) != nil || len(kv.Key) > 64 || len(kv.Value) > maxEnvValue {
				refuse(req)
				continue
			}
			envs++
		case "pty-req":
			var p struct {
				Term                string
				Columns, Rows, W, H uint32
				Modes               string
			}
			if gossh.Unmarshal(req.Payload, &p) != nil {
				refuse(req) // one the library might read otherwise, unclamped
				continue
			}
			p.Term = model.Clean(p.Term, 64)
			p.Columns, p.Rows, p.W, p.H = clampWindow(p.Columns, p.Rows, p.W, p.H)
			req.Payload = gossh.Marshal(p)
		case "window-change":
			var w struct{ Columns, Rows, W, H uint32 }
			if gossh.Unmarshal(req.Payload, &w) != nil {
				refuse(req)
				continue
			}
			w.Columns, w.Rows, w.W, w.H = clampWindow(w.Columns, w.Rows, w.W, w.H)
			req.Payload = gossh.Marshal(w)
		}
		out <- req
	}
}

func refuse(req *gossh.Request) {
	if req.WantReply {
		req.Reply(false, nil)
	}
}

// clampWindow caps a reported terminal size at maxColumns×maxRows (and its
// pixel size in proportion, at 32 pixels a cell).
func clampWindow(cols, rows, w, h uint32) (uint32, uint32, uint32, uint32) {
	return min(cols, maxColumns), min(rows, maxRows), min(w, 32*maxColumns), min(h, 32*maxRows)
}

// hostOf is the address a connection comes from, without its port.
func hostOf(addr net.Addr) string {
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return host
}
