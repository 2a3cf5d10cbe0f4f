// Package cli is hadir's command line: the dispatcher and every command.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"time"

	"hadir/db"
)

// command is one subcommand: its flags are set up by setup, and run does the work.
type command struct {
	name    string
	args    string // shown after the name in usage
	summary string
	example string
	run     func(env *runEnv, fs *flag.FlagSet, args []string) error
	setup   func(fs *flag.FlagSet, o *options)
	store   storeNeed // whether run gets env.store, opened by the dispatcher
	remote  bool      // may run on the store of a running `hadir serve`
	// pathArgs: the positional arguments are files, made absolute when the
	// command runs in a `hadir serve` elsewhere on the laptop.
	pathArgs bool
}

// storeNeed says what a command needs of the store.
type storeNeed int

const (
	noStore       storeNeed = iota // opens nothing, or opens it itself
	existingStore                  // a store that must exist (a mistyped --db is an error)
	anyStore                       // created if missing
)

// options holds every flag; each command registers the ones it takes.
type options struct {
	db, operator, station, lang, format, output, contingent, sheet string
	reason, note, by, leader, listen, passcodes                    string
	keyFiles                                                       stringList
	idle, backupEvery                                              time.Duration
	backupKeep                                                     int
	headless                                                       bool
	dryRun, skipBad, json, noBell, departure                       bool
	idPrefix                                                       string
	allowRename, merge                                             bool
	n                                                              int
	seed                                                           int64
	badge                                                          badgeFlags
	sign                                                           signFlags
}

// runEnv is what a command writes to, so tests can capture it.
type runEnv struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	opt            *options
	store          *db.Store                 // the open store, once useStore was called
	useStore       func() (*db.Store, error) // opens the store the command needs
	opened         bool                      // the store was opened here and is closed after the command
	shared         *db.Store                 // set inside `hadir serve`: the store every session shares
	role           db.Role                   // who asks: the owner locally, an SSH login's role remotely
	login          string                    // which SSH key or passcode asks ("" locally)
	// Over SSH, the operator (the user name) and station (HADIR_STATION or
	// the address) are the connection's, whatever flags the client sent.
	sshOperator, sshStation string
	serving                 bool // inside `hadir serve`, which runs its own backups
	// getenv reads the user's environment (HADIR_LANG): the SSH client's
	// over SSH; nil is this process's.
	getenv func(string) string
	// Tests run `hadir serve` in the process: serveStarted is told its
	// server and address once it listens, and done stops it like Ctrl+C.
	serveStarted func(net.Addr)
	done         <-chan struct{}
}

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Main runs hadir with the process's arguments and returns its exit status.
// A hadir started to check a store in a child process (checkStore) only
// checks it.
func Main(args []string) int {
	if path := os.Getenv(checkStoreEnv); path != "" {
		return checkStoreChild(path, os.Stdout)
	}
	env := &runEnv{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}
	return run(env, args)
}

// run executes the command line and returns the exit status:
// 0 success, 1 failure, 2 bad usage, 3 imported with rows left out.
func run(env *runEnv, args []string) int {
	name := "gate"
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args[0] = "version"
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		if len(args) > 0 {
			if c := findCommand(args[0]); c != nil {
				printCommandHelp(env.stdout, c, newFlagSet(c, &options{}))
				return 0
			}
		}
		printUsage(env.stdout)
		return 0
	}
	c := findCommand(name)
	if c == nil {
		fmt.Fprintf(env.stderr, "hadir: unknown command %q\n\n", name)
		printUsage(env.stderr)
		return 2
	}
	opt := &options{}
	env.opt = opt
	fs := newFlagSet(c, opt)
	positional, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printCommandHelp(env.stdout, c, fs)
		return 0
	}
	if err == nil {
		if code, forwarded := forwardToServer(env, c, fs, positional); forwarded {
			return code
		}
		err = withStore(env, c, func() error { return c.run(env, fs, positional) })
	}
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) || strings.HasPrefix(err.Error(), "flag provided but not defined") || strings.Contains(err.Error(), "invalid value") {
		fmt.Fprintf(env.stderr, "hadir %s: %v\n", c.name, err)
		fmt.Fprintf(env.stderr, "usage: hadir %s %s\n(see: hadir %s -h)\n", c.name, c.args, c.name)
		return 2
	}
	if errors.As(err, &rowsLeftOut{}) {
		return 3
	}
	var partial partialError
	if !errors.As(err, &partial) {
		fmt.Fprintf(env.stderr, "hadir %s: %v\n", c.name, err)
	}
	return 1
}

// partialError reports a command that did part of its work and already said
// what failed (checkin of several IDs): exit 1 without another message.
type partialError struct{}

func (partialError) Error() string { return "not every item succeeded" }

// withStore lets fn open the store the command needs, once it has checked
// its arguments (env.useStore), takes the shared one inside `hadir serve`,
// and closes what it opened.
func withStore(env *runEnv, c *command, fn func() error) error {
	env.useStore = func() (*db.Store, error) {
		switch {
		case env.store != nil:
		case env.shared != nil:
			env.store = env.shared
		case c.store == anyStore:
			st, err := openStore(env)
			if err != nil {
				return nil, err
			}
			env.store, env.opened = st, true
		default:
			st, err := openExisting(env)
			if err != nil {
				return nil, err
			}
			env.store, env.opened = st, true
		}
		return env.store, nil
	}
	defer func() {
		if env.opened {
			env.store.Close()
		}
	}()
	return fn()
}

func newFlagSet(c *command, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("hadir "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def := os.Getenv("HADIR_DB")
	if def == "" {
		def = "hadir.db"
	}
	fs.StringVar(&o.db, "db", def, "the store `file` (or set $HADIR_DB)")
	if c.setup != nil {
		c.setup(fs, o)
	}
	return fs
}

// parseInterleaved lets flags come before or after the positional
// arguments ("hadir import roster.csv --dry-run"), as people type them.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `hadir: the check-in desk of the jamboree.

Usage: hadir [COMMAND] [FLAGS]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command takes --db FILE (default ./hadir.db, or $HADIR_DB).
Run "hadir COMMAND -h" for the flags and an example of one command.

Example:
  hadir import peserta.csv && hadir --operator Rina --station "gerbang 1"
`)
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "hadir %s %s\n\n%s\n\nFlags:\n", c.name, c.args, c.summary)
	var lines []string
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		left := "--" + f.Name
		if name != "" {
			left += " " + name
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		lines = append(lines, fmt.Sprintf("  %-22s %s%s", left, usage, def))
	})
	sort.Strings(lines)
	fmt.Fprintln(w, strings.Join(lines, "\n"))
	fmt.Fprintf(w, "\nExample:\n  %s\n", c.example)
}
