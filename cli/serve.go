package cli

import (
	"context"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"hadir/db"
	"hadir/serve"
)

// serveCmd is `hadir serve`; answer runs what its clients send (the
// whole command line, given by newRoot); hooks are the tests'.
func serveCmd(who session, answer func(serve.Call) int, hooks serveHooks) *cobra.Command {
	var f serveFlags
	c := who.command(spec{name: "serve", store: existingStore,
		args:    "[--listen ADDR] (--authorized-keys [ROLE=]FILE | --passcodes FILE) [--idle 30m] [--headless]",
		summary: "serve the check-in screen to other gates over SSH (one store, many gates)",
		example: "hadir serve --listen 0.0.0.0:2222 --authorized-keys gate.keys --passcodes passcodes.txt"},
		func(j job, args []string) error { return runServe(j, f, answer, hooks, args) })
	f.screen.add(c)
	c.Flags().StringVar(&f.listen, "listen", "127.0.0.1:2222", "the address to serve on; 0.0.0.0:2222 to let the local network in")
	c.Flags().Var(&f.keyFiles, "authorized-keys", "a `FILE` of SSH public keys, one per line, each optionally after a role (gate, leader, admin, or peer for another laptop's `hadir peer key` line); ROLE=FILE gives all its keys that role; may be repeated")
	c.Flags().StringVar(&f.passcodes, "passcodes", "", "a `FILE` of lines \"ROLE PASSCODE\" for gates without an SSH key")
	c.Flags().DurationVar(&f.idle, "idle", 30*time.Minute, "close a gate's session after this long without a key press")
	c.Flags().BoolVar(&f.headless, "headless", false, "no screen on this laptop, only serve")
	return c
}

// serveFlags are the flags of `hadir serve`: this laptop's screen's, and
// how the gates reach it.
type serveFlags struct {
	screen            screenFlags
	listen, passcodes string
	keyFiles          stringList
	idle              time.Duration
	headless          bool
}

// serveHooks let tests run `hadir serve` in the process: started is told
// its address and store once it listens, and done stops it like Ctrl+C.
type serveHooks struct {
	started func(net.Addr, *db.Store)
	done    <-chan struct{}
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }
func (l *stringList) Type() string       { return "value" }

func runServe(j job, f serveFlags, answer func(serve.Call) int, hooks serveHooks, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	if len(f.keyFiles) == 0 && f.passcodes == "" {
		return serve.ErrNoLogins // before the store is opened
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	cfg := serve.Config{Store: st, StorePath: j.dbPath, Listen: f.listen, KeyFiles: f.keyFiles,
		Passcodes: f.passcodes, Idle: f.idle, BackupEvery: f.screen.backups.every, BackupKeep: f.screen.backups.keep,
		Run: answer, Stdout: j.stdout(), Stderr: j.stderr(),
		Peers: newLinks(st, f.screen.peers)}
	if hooks.started != nil {
		cfg.Started = func(addr net.Addr) { hooks.started(addr, st) }
	}
	if !f.headless {
		// serve runs the backups and the links itself: the screen only shows them.
		cfg.Screen = func() error { return runScreen(j, st, f.screen, cfg.Peers) }
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if hooks.done != nil {
		go func() {
			select {
			case <-hooks.done:
				stop()
			case <-ctx.Done():
			}
		}()
	}
	return serve.Run(ctx, cfg)
}
