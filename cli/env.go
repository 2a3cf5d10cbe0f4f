package cli

import (
	"fmt"
	"io"
	"net"

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
