package serve

import (
	"fmt"
	"sync"

	"github.com/charmbracelet/ssh"
)

// Every screen served costs the laptop memory and a redraw at each
// check-in, so one login or one address cannot open many: a gate laptop
// needs one or two.
const (
	maxScreensPerLogin = 4
	maxScreensPerHost  = 8
)

// screenCount counts the screens open per login and per address. When a
// screen is refused for a cap, the log says so once, until the count falls
// below the cap again.
type screenCount struct {
	mu      sync.Mutex
	open    map[string]int  // "login …" or "address …" -> screens open
	refused map[string]bool // logged as refusing
}

func newScreenCount() *screenCount {
	return &screenCount{open: map[string]int{}, refused: map[string]bool{}}
}

// take opens a screen for login from host, or says which cap refuses it;
// logNow is true the first time that cap refuses.
func (c *screenCount) take(login, host string) (refusedBy string, limit int, logNow bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	byLogin, byHost := "login "+login, "address "+host
	switch {
	case c.open[byLogin] >= maxScreensPerLogin:
		refusedBy, limit = byLogin, maxScreensPerLogin
	case c.open[byHost] >= maxScreensPerHost:
		refusedBy, limit = byHost, maxScreensPerHost
	default:
		c.open[byLogin]++
		c.open[byHost]++
		return "", 0, false
	}
	logNow = !c.refused[refusedBy]
	c.refused[refusedBy] = true
	return refusedBy, limit, logNow
}

// give closes a screen taken by take.
func (c *screenCount) give(login, host string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range []string{"login " + login, "address " + host} {
		if c.open[k]--; c.open[k] <= 0 {
			delete(c.open, k)
		}
		delete(c.refused, k) // below the cap again: a new refusal is news
	}
}

// limitScreens refuses a screen beyond the caps, and gives an accepted one
// an input that drops what no field can hold (limitedInput). Commands pass
// untouched: they are answered at once and hold nothing.
func (srv *server) limitScreens(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if len(sess.Command()) > 0 {
			next(sess)
			return
		}
		_, login := srv.logins.sessionLogin(sess)
		host := hostOf(sess.RemoteAddr())
		by, limit, logNow := srv.screens.take(login, host)
		if by != "" {
			if logNow {
				srv.log.Printf("refusing more screens for %s: %d are open, the most one may have", logText(by), limit)
			}
			fmt.Fprintf(sess.Stderr(), "hadir: this gate already has %d screens open; close one, then connect again\r\n"+
				"hadir: gerbang ini sudah membuka %d layar; tutup satu, lalu sambung lagi\r\n", limit, limit)
			sess.Exit(1)
			return
		}
		defer srv.screens.give(login, host)
		in := newLimitedInput(sess, srv.inputClock)
		next(limitedSession{Session: sess, in: in})
		if n := in.droppedBytes(); n > 0 {
			srv.log.Printf("%s from %s: %d bytes of input dropped, more than a field holds", logText(operatorOf(sess)), host, n)
		}
	}
}

// limitedSession is a session whose input passes a limitedInput.
type limitedSession struct {
	ssh.Session
	in *limitedInput
}

func (s limitedSession) Read(p []byte) (int, error) { return s.in.Read(p) }
