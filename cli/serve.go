package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"hadir/serve"
)

func init() {
	commands = append(commands, command{name: "serve", store: existingStore,
		args:    "[--listen ADDR] (--authorized-keys [ROLE=]FILE | --passcodes FILE) [--idle 30m] [--headless]",
		summary: "serve the check-in screen to other gates over SSH (one store, many gates)",
		example: "hadir serve --listen 0.0.0.0:2222 --authorized-keys gate.keys --passcodes passcodes.txt",
		run:     runServe, setup: func(fs *flag.FlagSet, o *options) {
			actorFlags(fs, o)
			fs.StringVar(&o.listen, "listen", "127.0.0.1:2222", "the address to serve on; 0.0.0.0:2222 to let the local network in")
			fs.Var(&o.keyFiles, "authorized-keys", "a `FILE` of SSH public keys, one per line, each optionally after a role (gate, leader, admin); ROLE=FILE gives all its keys that role; may be repeated")
			fs.StringVar(&o.passcodes, "passcodes", "", "a `FILE` of lines \"ROLE PASSCODE\" for gates without an SSH key")
			fs.DurationVar(&o.idle, "idle", 30*time.Minute, "close a gate's session after this long without a key press")
			fs.BoolVar(&o.headless, "headless", false, "no screen on this laptop, only serve")
			langFlag(fs, o, "this laptop's screen language, `LANG`: id or en")
			fs.BoolVar(&o.noBell, "no-bell", false, "do not beep at the answers (a check-in, a warning)")
			backupFlags(fs, o)
		}})
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runServe(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	if len(env.opt.keyFiles) == 0 && env.opt.passcodes == "" {
		return serve.ErrNoLogins // before the store is opened
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	cfg := serve.Config{Store: st, StorePath: env.opt.db, Listen: env.opt.listen, KeyFiles: env.opt.keyFiles,
		Passcodes: env.opt.passcodes, Idle: env.opt.idle, BackupEvery: env.opt.backupEvery, BackupKeep: env.opt.backupKeep,
		Run: runCall, Stdout: env.stdout, Stderr: env.stderr, Started: env.serveStarted}
	if !env.opt.headless {
		env.serving = true // serve runs the backups
		cfg.Screen = func() error { return runTUI(env, st) }
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if env.done != nil {
		go func() {
			select {
			case <-env.done:
				stop()
			case <-ctx.Done():
			}
		}()
	}
	return serve.Run(ctx, cfg)
}

// runCall runs a command a client of `hadir serve` sent, on the shared
// store: over SSH as the login's role, operator and station; from this
// laptop's socket as the owner, only the commands that may run there.
func runCall(call serve.Call) int {
	if call.Local {
		if c := findCommand(call.Args[0]); c == nil || !c.remote {
			fmt.Fprintf(call.Stderr, "hadir: %q cannot be run while hadir serve holds the store\n", call.Args[0])
			return 2
		}
	}
	env := &runEnv{stdout: call.Stdout, stderr: call.Stderr, stdin: call.Stdin, shared: call.Store, role: call.Role,
		login: call.Login, sshOperator: call.Operator, sshStation: call.Station, getenv: call.Getenv}
	return run(env, call.Args)
}
