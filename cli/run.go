// Package cli is hadir's command line: the root command (the gate screen
// when no command is given) and every command, built on cobra.
package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"hadir/serve"
)

// Main runs hadir with the process's arguments and returns its exit status.
// A hadir started to check a store in a child process (checkStore) only
// checks it.
func Main(args []string) int {
	if path := os.Getenv(checkStoreEnv); path != "" {
		return checkStoreChild(path, os.Stdout)
	}
	return run(console(), session{}, args)
}

// run executes the command line for who, on std, and returns the exit
// status: 0 success, 1 failure, 2 bad usage, 3 imported with rows left out.
func run(std streams, who session, args []string) int {
	return execute(newRoot(std, who, serveHooks{}), args)
}

// execute runs root on args and gives the exit status (run).
func execute(root *cobra.Command, args []string) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = append([]string{"version"}, args[1:]...)
	}
	stderr := root.ErrOrStderr()
	root.SetArgs(args)
	c, err := root.ExecuteC()
	if err == nil {
		return 0
	}
	if name, ok := strings.CutPrefix(err.Error(), "unknown command "); ok {
		name, _, _ = strings.Cut(name, " for ")
		fmt.Fprintf(stderr, "hadir: unknown command %s", name)
		if like := closest(strings.Trim(name, `"`), root.SuggestionsFor(strings.Trim(name, `"`))); len(like) > 0 {
			fmt.Fprintf(stderr, "; did you mean %s?", strings.Join(like, " or "))
		}
		fmt.Fprint(stderr, "\n\n")
		root.SetOut(stderr)
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
		fmt.Fprintf(stderr, "hadir %s: %v\n", name, err)
		fmt.Fprintf(stderr, "usage: hadir %s %s\n(see: hadir %s -h)\n", name, argsOf(c), name)
		return 2
	}
	if errors.As(err, &rowsLeftOut{}) {
		return 3
	}
	var partial partialError
	if !errors.As(err, &partial) {
		fmt.Fprintf(stderr, "hadir %s: %v\n", name, err)
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

// runCall runs a command a client of `hadir serve` sent, on the shared
// store: over SSH as the login's role, operator and station; from this
// laptop's socket as the owner, only the commands that may run there.
func runCall(call serve.Call) int {
	if call.Local {
		if !isRemote(call.Args[0]) {
			fmt.Fprintf(call.Stderr, "hadir: %q cannot be run while hadir serve holds the store\n", call.Args[0])
			return 2
		}
	}
	std := streams{stdout: call.Stdout, stderr: call.Stderr, stdin: call.Stdin}
	who := session{shared: call.Store,
		caller: caller{role: call.Role, login: call.Login, operator: call.Operator, station: call.Station, getenv: call.Getenv}}
	return run(std, who, call.Args)
}
