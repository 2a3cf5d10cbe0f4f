package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"hadir/db"
)

// Who runs a command line (session), and one command as it runs (job).
// The streams are cobra's, set once on the root (newRoot): a command reads
// them from its cobra command, as any cobra program does, so nothing of
// them is copied into a struct of our own.

// session is who runs this command line: the owner at this laptop, or a
// client of `hadir serve` with its login, on the store every session of
// the server shares. Made once per command line, never changed.
type session struct {
	caller caller
	shared *db.Store // inside `hadir serve`: the store every session shares
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

// job is one command as it runs, made by command()'s wrapper for it alone
// and dropped when it returns: its cobra command (streams, flags), the two
// global flags as given, who asks, and its store. Each command keeps its
// own flags beside it.
type job struct {
	cmd      *cobra.Command
	dbPath   string // --db
	langFlag string // --lang; "" when not given
	caller   caller
	store    *storeUse
}

// newJob is the job of cmd, once its flags are read.
func newJob(cmd *cobra.Command, who session, need storeNeed) job {
	j := job{cmd: cmd, caller: who.caller}
	if f := cmd.Flag("db"); f != nil {
		j.dbPath = f.Value.String()
	}
	if f := cmd.Flag("lang"); f != nil {
		j.langFlag = f.Value.String()
	}
	j.store = &storeUse{need: need, path: j.dbPath, shared: who.shared, notes: cmd.ErrOrStderr()}
	return j
}

func (j job) stdout() io.Writer { return j.cmd.OutOrStdout() }
func (j job) stderr() io.Writer { return j.cmd.ErrOrStderr() }

// streams are where a command line reads and writes: the process's, or an
// SSH client's.
type streams struct {
	stdout, stderr io.Writer
	stdin          io.Reader
}

// console is this process's terminal.
func console() streams { return streams{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin} }

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// partialError reports a command that did part of its work and already said
// what failed (checkin of several IDs): exit 1 without another message.
type partialError struct{}

func (partialError) Error() string { return "not every item succeeded" }
