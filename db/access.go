package db

import (
	"fmt"
	"strings"

	"hadir/model"
)

// Role is what an operator may do. It is decided by how they authenticated
// (which SSH key or passcode), never by the name they typed.
type Role string

// The roles. The owner is whoever runs hadir on the laptop that holds the
// file (the local screen and the command line): they could edit the file
// anyway, so they may do everything.
const (
	RoleOwner  Role = ""
	RoleGate   Role = "gate"   // check in, walk-ins, annul their own events
	RoleLeader Role = "leader" // also contingents: excuse, replace, sign off, departures
	RoleAdmin  Role = "admin"  // everything, including annulling others' events
	// RolePeer is another laptop's store keeping in step with this one: it
	// may only exchange events (package peer), never open a screen.
	RolePeer Role = "peer"
)

// ParseRole reads a role name.
func ParseRole(s string) (Role, bool) {
	switch Role(s) {
	case RoleGate, RoleLeader, RoleAdmin, RolePeer:
		return Role(s), true
	}
	return "", false
}

// ErrNotAllowed is returned (wrapped) when the actor's role may not do the action.
type ErrNotAllowed struct {
	Role   Role
	Action string
}

func (e *ErrNotAllowed) Error() string {
	return fmt.Sprintf("a %s login may not %s; ask a contingent leader or the committee (admin)", e.Role, e.Action)
}

// mayLead reports whether the actor may do the contingent leaders' actions.
func (a Actor) mayLead(action string) error {
	switch a.Role {
	case RoleOwner, RoleAdmin, RoleLeader:
		return nil
	}
	return &ErrNotAllowed{Role: a.Role, Action: action}
}

// maySync reports whether the actor may bring in another store's records
// (a merge, a peer's events or roster): the owner, an admin or a peer.
func (a Actor) maySync(action string) error {
	switch a.Role {
	case RoleOwner, RoleAdmin, RolePeer:
		return nil
	}
	return &ErrNotAllowed{Role: a.Role, Action: action}
}

// mayAnnul reports whether the actor may annul an event. An admin (or the
// laptop's owner) may annul any; a gate or a leader only events recorded
// with the same login, whatever name was typed; a gate only check-ins and
// walk-ins.
func (a Actor) mayAnnul(e model.Event) error {
	switch {
	case a.Role == RoleOwner || a.Role == RoleAdmin:
		return nil
	case a.Login == "" || !SameLogin(e.Login, a.Login):
		return &ErrNotAllowed{Role: a.Role, Action: fmt.Sprintf("annul an event recorded by another login (%s)", e.Operator)}
	case a.Role == RoleGate && e.Kind != model.KindArrive && e.Kind != model.KindWalkIn:
		return &ErrNotAllowed{Role: a.Role, Action: "annul a " + string(e.Kind)}
	}
	return nil
}

// SameLogin reports whether two events' logins are one gate's: the same key,
// or the same passcode line at the same station. A passcode login also names
// its SSH connection ("passcode:gate:1@gerbang 1#3fa2…"), which a reconnect
// changes; it is kept on the event for the trail, and not compared, so a gate
// that reconnects can still annul what it checked in before.
func SameLogin(a, b string) bool {
	return a != "" && loginIdentity(a) == loginIdentity(b)
}

func loginIdentity(login string) string {
	if strings.HasPrefix(login, "passcode:") {
		if i := strings.LastIndexByte(login, '#'); i > 0 {
			return login[:i]
		}
	}
	return login
}
