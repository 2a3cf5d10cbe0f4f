// Package cli is hadir's command line: the root command (the gate screen
// when no command is given) and every command, built on cobra.
package cli

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"

	"hadir/db"
)

// runEnv is one run of hadir: where it writes, the two global flags, who
// asks, and the store. Each command keeps its own flags beside it.
type runEnv struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	dbPath         string // --db
	langFlag       string // --lang; "" when not given
	caller         caller
	shared         *db.Store // set inside `hadir serve`: the store every session shares
	store          *db.Store // the open store, once useStore was called
	opened         bool      // the store was opened here and is closed after the command
	need           storeNeed // what the running command needs of the store
	// serving: inside `hadir serve`, which runs its own backups.
	serving bool
	// Tests run `hadir serve` in the process: serveStarted is told its
	// address once it listens, and done stops it like Ctrl+C.
	serveStarted func(net.Addr)
	done         <-chan struct{}
}

// caller is who asks: the owner locally, an SSH login remotely.
type caller struct {
	role  db.Role
	login string // which SSH key or passcode asks ("" locally)
	// Over SSH, the operator (the user name) and station (HADIR_STATION or
	// the address) are the connection's, whatever flags the client sent.
	operator, station string
	// getenv reads the user's environment (HADIR_LANG): the SSH client's
	// over SSH; nil is this process's.
	getenv func(string) string
}

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// partialError reports a command that did part of its work and already said
// what failed (checkin of several IDs): exit 1 without another message.
type partialError struct{}

func (partialError) Error() string { return "not every item succeeded" }

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
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = append([]string{"version"}, args[1:]...)
	}
	root := newRoot(env)
	root.SetArgs(args)
	c, err := root.ExecuteC()
	if err == nil {
		return 0
	}
	if name, ok := strings.CutPrefix(err.Error(), "unknown command "); ok {
		name, _, _ = strings.Cut(name, " for ")
		fmt.Fprintf(env.stderr, "hadir: unknown command %s", name)
		if like := closest(strings.Trim(name, `"`), root.SuggestionsFor(strings.Trim(name, `"`))); len(like) > 0 {
			fmt.Fprintf(env.stderr, "; did you mean %s?", strings.Join(like, " or "))
		}
		fmt.Fprint(env.stderr, "\n\n")
		root.SetOut(env.stderr)
		root.Help()
		return 2
	}
	var status exitStatus
	if errors.As(err, &status) {
		return int(status)
	}
	name := commandName(c)
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(env.stderr, "hadir %s: %v\n", name, err)
		fmt.Fprintf(env.stderr, "usage: hadir %s %s\n(see: hadir %s -h)\n", name, argsOf(c), name)
		return 2
	}
	if errors.As(err, &rowsLeftOut{}) {
		return 3
	}
	var partial partialError
	if !errors.As(err, &partial) {
		fmt.Fprintf(env.stderr, "hadir %s: %v\n", name, err)
	}
	return 1
}

// closest keeps the suggestions nearest in length to what was typed: "stat"
// is stats, not station (cobra also suggests every command it begins).
func closest(typed string, like []string) []string {
	var best []string
	bestGap := -1
	for _, l := range like {
		gap := len(l) - len(typed)
		if gap < 0 {
			gap = -gap
		}
		switch {
		case bestGap < 0 || gap < bestGap:
			best, bestGap = []string{l}, gap
		case gap == bestGap:
			best = append(best, l)
		}
	}
	return best
}
