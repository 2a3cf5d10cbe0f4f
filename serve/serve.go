// Package serve is `hadir serve`: one store shared by many gates over SSH.
// It knows nothing of the command line: a Config comes in, Run serves until
// its context ends, and what clients ask to run goes back out through
// Config.Run.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"

	"hadir/db"
	"hadir/model"
	"hadir/peer"
	"hadir/ui"
	"hadir/version"
)

// Config is what `hadir serve` is told: the store it shares, where it
// listens, who may log in, and the command line's part (Run, Screen).
type Config struct {
	Store *db.Store
	// StorePath is the store as the command line named it (--db): the
	// local socket lies beside it, where the laptop's commands look.
	StorePath string
	Listen    string   // the address, e.g. 127.0.0.1:2222
	KeyFiles  []string // --authorized-keys specs: [ROLE=]FILE
	Passcodes string   // a file of "ROLE PASSCODE" lines
	Idle      time.Duration
	// BackupEvery and BackupKeep: the automatic copies while serving.
	BackupEvery time.Duration
	BackupKeep  int
	// Run runs a command a client sent, over SSH or through the local
	// socket, on the shared store; it returns the exit status.
	Run func(Call) int
	// Screen runs this laptop's own screen until it is closed; nil serves
	// headless, with the log on Stderr too.
	Screen         func() error
	Stdout, Stderr io.Writer
	// Started is told the address once the server listens (tests, port 0).
	Started func(net.Addr)
	// Peers are the laptops this one keeps in step with while serving
	// (hadir serve --peer); their state is logged here, and each takes
	// events only from the keys KeyFiles lists as peer or admin.
	Peers []*peer.Link
	// prepare changes the server before it listens (this package's tests).
	prepare func(*server)
}

// Call is one command a client asks for: its words, its streams, and who
// asks. Operator and Station are the SSH connection's ("" locally).
type Call struct {
	Args              []string
	Store             *db.Store // the shared store
	Stdin             io.Reader
	Stdout, Stderr    io.Writer
	Local             bool // from this laptop's socket, as the owner
	Role              db.Role
	Login             string
	Operator, Station string
	Getenv            func(string) string // the SSH client's environment; nil locally
}

// ErrNoLogins is Run's answer when no key file and no passcode file is given.
var ErrNoLogins = errors.New(`serve needs a way for gates to log in, and none was given:
  --authorized-keys gate.keys   a file with one line per gate laptop: its public key (the
                                line in ~/.ssh/id_ed25519.pub; make one with ssh-keygen),
                                optionally after a role: gate, leader or admin
  --passcodes passcodes.txt     a file with lines "ROLE PASSCODE"; make each line with
                                hadir passcode gate >> passcodes.txt`)

// server is `hadir serve`: one store, many SSH sessions.
type server struct {
	store    *db.Store
	run      func(Call) int // the command line's commands (Config.Run)
	logins   *logins
	idle     time.Duration
	log      *log.Logger
	logFile  *rotatingLog
	sessions atomic.Int32
	waiting  *waitingRoom // connections not logged in yet (see guardConn)
	backoff  *backoff     // failed logins per source address
	screens  *screenCount // screens open per login and per address
	// inputClock is the clock of the input limits (limitedInput).
	inputClock func() time.Time
	// handshake is how long a connection has to log in (handshakeTimeout).
	handshake time.Duration
	sync      *peer.Server // the other laptops' sync sessions (package peer)
}

// Run serves the store until ctx ends (Ctrl+C in the command line), or
// the listener fails. The sessions are closed; every check-in is saved.
func Run(ctx context.Context, cfg Config) error {
	lg := &logins{}
	for _, spec := range cfg.KeyFiles {
		if err := lg.loadKeys(spec); err != nil {
			return err
		}
	}
	if cfg.Passcodes != "" {
		if err := lg.loadPasscodes(cfg.Passcodes); err != nil {
			return err
		}
	}
	if lg.empty() {
		return ErrNoLogins
	}
	for _, l := range cfg.Peers {
		l.Trust = lg.maySync // a serving laptop takes events only from its listed peers
	}
	st := cfg.Store
	logFile, err := openRotatingLog(st.Path()+".serve.log", logMaxBytes, logKeep)
	if err != nil {
		return fmt.Errorf("cannot write the serve log: %w", err)
	}
	defer logFile.Close()
	var logOut io.Writer = logFile
	if cfg.Screen == nil {
		logOut = io.MultiWriter(logFile, cfg.Stderr)
	}
	srv := &server{store: st, run: cfg.Run, logins: lg, idle: cfg.Idle, log: log.New(logOut, "hadir serve: ", log.LstdFlags), logFile: logFile, backoff: newBackoff(), handshake: handshakeTimeout,
		waiting: newWaitingRoom(), screens: newScreenCount(), inputClock: time.Now}
	signer, err := peer.Key(st.Path())
	if err != nil {
		return err
	}
	srv.sync = &peer.Server{Store: st, Log: srv.log.Printf, Signer: signer}
	if cfg.prepare != nil {
		cfg.prepare(srv)
	}
	stopLinks := peer.RunLinks(ctx, cfg.Peers, srv.log.Printf)
	defer stopLinks()

	sshSrv, err := srv.newSSHServer(cfg.Listen, st.Path()+".host_key")
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("cannot serve on %s (%v); is another hadir serve running? choose another port with --listen", cfg.Listen, err)
	}
	// The other commands on this laptop reach the store through a socket;
	// without one (a path too long for a socket, say) they say the store is
	// in use, but the gates are served all the same.
	refusedLocal := func(err error) { srv.log.Printf("the local socket refused a connection: %v", err) }
	if local, err := ListenLocal(st, cfg.StorePath, cfg.Run, refusedLocal); err != nil {
		srv.log.Printf("the commands on this laptop cannot reach the store while it is served: %v", err)
		fmt.Fprintf(cfg.Stderr, "note: %v; `hadir stats` and the other commands will wait until serving stops\n", err)
	} else {
		defer local.Close()
	}

	stopBackups := db.AutoBackup(st, cfg.BackupEvery, cfg.BackupKeep, srv.log.Printf)
	defer stopBackups()
	logFile.nextIsHeader()
	srv.log.Printf("%s serving %s on %s (logins: %d keys, %d passcodes)", version.Read().Describe(), st.Path(), ln.Addr(), len(lg.keys), len(lg.passcodes))
	if cfg.Started != nil {
		cfg.Started(ln.Addr())
	}
	served := make(chan error, 1)
	accepting := &firstAccept{Listener: ln, ready: make(chan struct{})}
	go func() { served <- sshSrv.Serve(accepting) }()
	hint := fmt.Sprintf("serving on %s: on the other laptops run  ssh -p %s NAME@THIS-LAPTOP'S-ADDRESS\n", ln.Addr(), portOf(ln.Addr()))

	if cfg.Screen != nil {
		if err := cfg.Screen(); err != nil {
			srv.log.Printf("local screen: %v", err)
		}
		fmt.Fprintf(cfg.Stdout, "the screen is closed; still %s", hint)
		fmt.Fprintf(cfg.Stdout, "%d gates connected; Ctrl+C stops serving\n", srv.sessions.Load())
	} else {
		fmt.Fprint(cfg.Stdout, hint)
	}
	serving := true
	select {
	case <-ctx.Done():
	case err := <-served:
		serving = false
		if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
			return fmt.Errorf("serving stopped: %w", err)
		}
	}
	srv.log.Printf("stopping: closing %d sessions; every check-in they made is saved", srv.sessions.Load())
	// The SSH library's Shutdown waits on the listeners Serve counts as it
	// starts; a Shutdown before that (a serve stopped at once) races it.
	if serving {
		select {
		case <-accepting.ready:
		case <-served:
		}
	}
	stopCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := sshSrv.Shutdown(stopCtx); err != nil {
		sshSrv.Close()
	}
	return nil
}

func portOf(addr net.Addr) string {
	_, port, _ := net.SplitHostPort(addr.String())
	return port
}

// newSSHServer builds the SSH server: host key beside the store (created at
// first start, owner-only), key and passcode logins, the TUI for terminals
// and a few commands for scripts.
func (srv *server) newSSHServer(addr, hostKey string) (*ssh.Server, error) {
	if err := makeHostKey(hostKey); err != nil {
		return nil, err
	}
	s, err := wish.NewServer(
		wish.WithAddress(addr),
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(srv.checkKey),
		wish.WithPasswordAuth(srv.checkPasscode),
		wish.WithSubsystem(peer.Subsystem, srv.syncSession),
		wish.WithMiddleware(
			srv.commandMiddleware,
			bm.MiddlewareWithProgramHandler(srv.programHandler, termenv.Ascii),
			srv.limitScreens,
			srv.peersOnlySync,
			srv.countSessions, // the first to see a session: middleware runs last to first
		),
		func(s *ssh.Server) error {
			s.ConnCallback = srv.guardConn
			s.ServerConfigCallback = srv.serverConfig
			s.ChannelHandlers = map[string]ssh.ChannelHandler{"session": srv.sessionChannel}
			return nil
		},
	)
	if err != nil {
		return nil, fmt.Errorf("cannot set up the SSH server (host key %s): %w", hostKey, err)
	}
	if err := os.Chmod(hostKey, 0o600); err != nil {
		return nil, fmt.Errorf("cannot protect the host key %s: %w", hostKey, err)
	}
	return s, nil
}

func (srv *server) checkKey(ctx ssh.Context, key ssh.PublicKey) bool {
	if _, ok := srv.logins.roleOfKey(key); ok {
		return true // logged in only once the client proves it holds the key (serverConfig)
	}
	// Logged and counted when the connection ends (connGuard.closed): a
	// stranger offering key after key writes one line per connection.
	guardOf(ctx).unknownKey(fingerprint(key), ctx.User())
	return false
}

// checkPasscode lets a passcode in, unless its address is refused for
// guessing (see backoff). A wrong one is answered slowly.
func (srv *server) checkPasscode(ctx ssh.Context, given string) bool {
	host := hostOf(ctx.RemoteAddr())
	if srv.backoff.refusing(host) {
		return false
	}
	login, ok := srv.logins.roleOfPasscode(given)
	if !ok {
		srv.log.Printf("refused: wrong passcode for %s from %s", logText(ctx.User()), ctx.RemoteAddr())
		srv.failedLogin(host)
		time.Sleep(srv.backoff.delay)
		return false
	}
	// A right passcode does not wipe the address's failures: a guesser
	// who knows one gate's passcode would mix it in to guess on.
	ctx.SetValue(ctxPasscodeLogin{}, login)
	return true
}

// failedLogin counts a failed login (a wrong passcode, a connection of
// unknown keys) against its address and says once when it is shut out.
func (srv *server) failedLogin(host string) {
	if d := srv.backoff.fail(host); d > 0 {
		srv.log.Printf("refusing every login from %s for %v: %d failed logins within %v", host, d, backoffFailures, backoffWindow)
	}
}

// countSessions logs sessions coming and going.
func (srv *server) countSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		n := srv.sessions.Add(1)
		role, login := srv.logins.sessionLogin(sess)
		srv.log.Printf("%s (%s, %s) at %s connected from %s; %d sessions", logText(operatorOf(sess)), role, logText(login), logText(stationOf(sess)), sess.RemoteAddr(), n)
		defer func() {
			srv.log.Printf("%s left; %d sessions", logText(operatorOf(sess)), srv.sessions.Add(-1))
		}()
		next(sess)
	}
}

// stationOf names a session's station: what the client sent as
// HADIR_STATION (ssh -o SetEnv=HADIR_STATION="gerbang 2"), else its
// address. It comes from a stranger: cleaned and cut.
func stationOf(sess ssh.Session) string {
	if s := model.Clean(getenv(sess.Environ(), "HADIR_STATION"), model.MaxLoginLen); s != "" {
		return s
	}
	return "ssh " + hostOf(sess.RemoteAddr())
}

// operatorOf is the SSH user name, cleaned and cut: it is recorded on
// every event the session writes.
func operatorOf(sess ssh.Session) string {
	return model.Clean(sess.User(), model.MaxLoginLen)
}

func getenv(environ []string, key string) string {
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return v
		}
	}
	return ""
}

// programHandler starts a screen's program (bm.Middleware's, but kept): a
// screen whose client closed the session ends at once, not only when the
// whole connection does.
func (srv *server) programHandler(sess ssh.Session) *tea.Program {
	m, opts := srv.teaHandler(sess)
	if m == nil {
		return nil
	}
	p := tea.NewProgram(m, append(opts, bm.MakeOptions(sess)...)...)
	if ls, ok := sess.(limitedSession); ok {
		ls.in.atEOF(p.Quit)
	}
	return p
}

// teaHandler gives a terminal session its own screen: its own renderer and
// colours, size, language, operator (the SSH user name) and role.
func (srv *server) teaHandler(sess ssh.Session) (tea.Model, []tea.ProgramOption) {
	if len(sess.Command()) > 0 {
		return nil, nil // a command, not a screen: commandMiddleware answers it
	}
	// The idle time counts from the connection: a client that never answers
	// the colour query below (or sends nothing at all) is closed all the same.
	since := time.Now()
	if g := guardOf(sess.Context()); g != nil {
		since = g.started
	}
	var timedOut atomic.Bool
	if srv.idle > 0 {
		t := time.AfterFunc(time.Until(since.Add(srv.idle)), func() { timedOut.Store(true); sess.Close() })
		defer t.Stop()
	}
	renderer := bm.MakeRenderer(sess) // asks the terminal for its background colour
	if timedOut.Load() {
		return nil, nil
	}
	environ := sess.Environ()
	role, login := srv.logins.sessionLogin(sess)
	app := ui.New(srv.store, ui.Options{
		Operator:    operatorOf(sess),
		Station:     stationOf(sess),
		Role:        role,
		Login:       login,
		Lang:        ui.DetectLang("", func(k string) string { return getenv(environ, k) }),
		Renderer:    renderer,
		Out:         sess,
		IdleTimeout: srv.idle,
		IdleSince:   since,
	})
	go func() {
		<-sess.Context().Done()
		app.Close()
	}()
	return app, []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion()}
}

// remoteCommands may be run over SSH (`ssh -p 2222 rina@host checkin ID`);
// the store checks what the login's role allows.
var remoteCommands = []string{"checkin", "stats", "depart", "excuse", "replace", "confirm", "annul"}

// commandMiddleware runs a command sent over SSH on the shared store, as the
// SSH user at the connection's station with the login's role.
func (srv *server) commandMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		args := sess.Command()
		if len(args) == 0 {
			next(sess)
			return
		}
		if !slices.Contains(remoteCommands, args[0]) {
			fmt.Fprintf(sess.Stderr(), "hadir: %q cannot be run over SSH; these can: %s\n", args[0], strings.Join(remoteCommands, ", "))
			sess.Exit(2)
			return
		}
		role, login := srv.logins.sessionLogin(sess)
		// The operator and station are the connection's, whatever flags were
		// sent (see cli's actorOf); commands that record nothing take neither.
		code := srv.run(Call{Args: args, Store: srv.store, Stdin: sess, Stdout: sess, Stderr: sess.Stderr(), Role: role, Login: login,
			Operator: operatorOf(sess), Station: stationOf(sess),
			Getenv: func(k string) string { return getenv(sess.Environ(), k) }})
		srv.log.Printf("%s ran %s: exit %d", logText(operatorOf(sess)), logText(strings.Join(sess.Command(), " ")), code)
		sess.Exit(code)
	}
}

// firstAccept says when Serve first waits for a connection: it has then
// counted its listener, and Shutdown may wait for it.
type firstAccept struct {
	net.Listener
	once  sync.Once
	ready chan struct{}
}

func (l *firstAccept) Accept() (net.Conn, error) {
	l.once.Do(func() { close(l.ready) })
	return l.Listener.Accept()
}
