package peer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
)

// Status is how a link to one peer stands, for the footer of the screen.
type Status struct {
	Addr      string
	Connected bool
	Since     time.Time // connected, or offline, since
	LastHeard time.Time // the last message either way
	ToSend    int       // events stored here since the peer last had all of them
	Err       string    // why the last attempt failed, in the words of the error
}

// Link keeps this store in step with the laptop at Addr: it dials over SSH
// with this store's peer key, asks for the sync subsystem and exchanges;
// when the link drops it tries again, waiting 1 s, then longer, up to 30 s.
type Link struct {
	Addr  string
	Store *db.Store
	// Log is told each change of state once (connected, offline, refused),
	// never each retry.
	Log func(format string, args ...any)
	// Trust is the keys this laptop takes events from (a serving laptop's
	// peers); nil for a gate, which trusts the address's host key on first
	// use.
	Trust func(gossh.PublicKey) bool
	now   func() time.Time

	mu       sync.Mutex
	status   Status
	sentUpTo uint64 // the store's log position the peer has, as far as known
	mark     uint64 // the log position when the link went down: what follows is to send
	lastErr  string
}

// maxBackoff is the longest wait between tries.
const maxBackoff = 30 * time.Second

// Run keeps the link until ctx ends.
func (l *Link) Run(ctx context.Context) {
	if l.now == nil {
		l.now = time.Now
	}
	l.setOffline(nil)
	signer, err := Key(l.Store.Path())
	if err != nil {
		l.setOffline(err)
		return
	}
	hosts := newKnownHosts(l.Store.Path())
	wait := time.Second
	for ctx.Err() == nil {
		started := l.now()
		err := l.once(ctx, signer, hosts)
		l.setOffline(err)
		if l.now().Sub(started) > time.Minute {
			wait = time.Second // it held a while: the next drop starts afresh
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, maxBackoff)
	}
}

func (l *Link) once(ctx context.Context, signer gossh.Signer, hosts *knownHosts) error {
	cfg := &gossh.ClientConfig{
		User:            l.Store.StationName(),
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: hosts.check,
		Timeout:         10 * time.Second,
	}
	conn, err := (&net.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "tcp", l.Addr)
	if err != nil {
		return err
	}
	sshConn, chans, reqs, err := gossh.NewClientConn(conn, l.Addr, cfg)
	if err != nil {
		conn.Close()
		return err
	}
	client := gossh.NewClient(sshConn, chans, reqs)
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		return err
	}
	defer sess.Close()
	stdin, err := sess.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return err
	}
	if err := sess.RequestSubsystem(Subsystem); err != nil {
		return fmt.Errorf("%s does not offer hadir's sync (%v): is it `hadir serve` of this version, and is this laptop's line (hadir peer key) in its --authorized-keys with the role peer?", l.Addr, err)
	}
	stop := context.AfterFunc(ctx, func() { client.Close() })
	defer stop()
	l.setConnected()
	rw := struct {
		io.Reader
		io.Writer
		io.Closer
	}{stdout, stdin, client}
	return Exchange(ctx, l.Store, rw, db.Actor{Role: db.RolePeer}, l.progress, Proof{Session: sshConn.SessionID(), Trust: l.Trust})
}

func (l *Link) progress(sentUpTo uint64, _ int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.status.LastHeard = l.now()
	l.sentUpTo = max(l.sentUpTo, sentUpTo)
}

func (l *Link) setConnected() {
	l.mu.Lock()
	l.status.Connected, l.status.Since, l.status.LastHeard, l.status.Err = true, l.now(), l.now(), ""
	l.lastErr = ""
	l.mu.Unlock()
	l.logf("connected to %s", l.Addr)
}

func (l *Link) setOffline(err error) {
	l.mu.Lock()
	was := l.status.Connected || l.status.Since.IsZero()
	if was {
		l.status.Since = l.now()
		// Connected, everything up to sentUpTo went out; never connected
		// since start, what this laptop makes from now on is the news.
		l.mark = l.sentUpTo
		if !l.status.Connected {
			l.mark = l.Store.LogEnd()
		}
	}
	l.status.Connected = false
	msg := ""
	if err != nil && !errors.Is(err, context.Canceled) {
		msg = err.Error()
	}
	l.status.Err = msg
	repeat := msg == l.lastErr && !was
	l.lastErr = msg
	l.mu.Unlock()
	if !repeat && msg != "" {
		l.logf("no link to %s: %s", l.Addr, msg) // once per new reason, not per retry
	}
}

func (l *Link) logf(format string, args ...any) {
	if l.Log != nil {
		l.Log(format, args...)
	}
}

// Status is how the link stands now.
func (l *Link) Status() Status {
	l.mu.Lock()
	s := l.status
	s.Addr = l.Addr
	mark := l.mark
	l.mu.Unlock()
	if !s.Connected { // connected, what is stored goes out as it is stored
		end := l.Store.LogEnd()
		s.ToSend = int(end - min(mark, end))
	}
	return s
}

// RunLinks keeps the links until stop is called, which waits for them: the
// store must not close under a merge. A link without a Log logs to logf.
func RunLinks(ctx context.Context, links []*Link, logf func(string, ...any)) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, l := range links {
		if l.Log == nil {
			l.Log = logf
		}
		wg.Add(1)
		go func() { defer wg.Done(); l.Run(ctx) }()
	}
	return func() { cancel(); wg.Wait() }
}
