package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Kind names what an event records.
type Kind string

// The event kinds. Events are appended and never rewritten; a mistake is
// undone by an annul event that names the event it cancels.
const (
	KindArrive   Kind = "arrive"
	KindDepart   Kind = "depart"
	KindAnnul    Kind = "annul"
	KindWalkIn   Kind = "walk-in"  // a volunteer registered on site; carries the record
	KindExcuse   Kind = "excuse"   // sakit or izin, with a note
	KindReplace  Kind = "replace"  // Volunteer takes the place of Ref
	KindConfirm  Kind = "confirm"  // a leader signs a contingent off
	KindWithdraw Kind = "withdraw" // a sign-off taken back
	KindRename   Kind = "rename"   // a contingent renamed, or merged into another: Contingent becomes Note
	KindReID     Kind = "re-id"    // the volunteer known as Ref is now known as Volunteer (state_reid.go)
	// KindNote is a scan a gate refused (an unknown badge, a login's role, a
	// volunteer who has left), kept so the trail has every scan. It never
	// counts: the fold keeps it aside, and no tally reads it.
	KindNote Kind = "note"
)

// Why a scan was refused: the Reason of a note. Note holds the code scanned.
const (
	NoteUnknownBadge = "unknown-badge" // no volunteer has the scanned ID
	NoteRefusedRole  = "refused-role"  // the login may not do what the scan asked
	NoteDeparted     = "departed"      // the volunteer has left; nothing recorded
)

// Excuse reasons.
const (
	ReasonSick  = "sakit"
	ReasonLeave = "izin"
)

// Event is the only thing a check-in writes.
type Event struct {
	ID         string     `json:"id"` // station ID + "-" + sequence, unique everywhere
	Kind       Kind       `json:"kind"`
	Volunteer  string     `json:"volunteer_id,omitempty"`
	Contingent string     `json:"contingent,omitempty"`
	At         time.Time  `json:"at"` // UTC
	Station    string     `json:"station"`
	Operator   string     `json:"operator"`
	Login      string     `json:"login,omitempty"` // the SSH key or passcode that recorded it; empty on the laptop itself
	Reason     string     `json:"reason,omitempty"`
	Note       string     `json:"note,omitempty"`
	Ref        string     `json:"ref,omitempty"`    // annul: the event cancelled; replace: the volunteer replaced
	Leader     string     `json:"leader,omitempty"` // confirm: the leader who signed off
	Record     *Volunteer `json:"record,omitempty"` // walk-in: the new volunteer
}

// EventID builds the globally unique ID of a station's seq-th event.
func EventID(stationID string, seq uint64) string {
	return fmt.Sprintf("%s-%06d", stationID, seq)
}

// ParseEventID splits an event ID into its station ID and sequence; ok is
// false for an ID that EventID does not make.
func ParseEventID(id string) (station string, seq uint64, ok bool) {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 {
		return "", 0, false
	}
	seq, err := strconv.ParseUint(id[i+1:], 10, 64)
	if err != nil {
		return "", 0, false
	}
	return id[:i], seq, true
}

// Before orders events by time, then ID: the order the fold applies them in,
// whatever order they were received in.
func (e Event) Before(o Event) bool {
	if !e.At.Equal(o.At) {
		return e.At.Before(o.At)
	}
	return e.ID < o.ID
}

// Clone returns a copy that shares nothing with e.
func (e Event) Clone() Event {
	if e.Record != nil {
		r := e.Record.Clone()
		e.Record = &r
	}
	return e
}

// Validate checks that an event is complete enough to be stored.
func (e Event) Validate() error {
	if e.ID == "" {
		return errors.New("event has no ID")
	}
	if e.At.IsZero() {
		return fmt.Errorf("event %s has no time", e.ID)
	}
	switch e.Kind {
	case KindArrive, KindDepart:
		if e.Volunteer == "" {
			return fmt.Errorf("event %s (%s) names no volunteer", e.ID, e.Kind)
		}
	case KindAnnul:
		if e.Ref == "" {
			return fmt.Errorf("annul %s names no event to cancel", e.ID)
		}
		if strings.TrimSpace(e.Reason) == "" {
			return fmt.Errorf("annul %s gives no reason", e.ID)
		}
	case KindWalkIn:
		if e.Record == nil || e.Record.ID == "" || e.Record.ID != e.Volunteer {
			return fmt.Errorf("walk-in %s carries no volunteer record", e.ID)
		}
		if strings.TrimSpace(e.Record.Name) == "" {
			return fmt.Errorf("walk-in %s has no name", e.ID)
		}
	case KindExcuse:
		if e.Volunteer == "" {
			return fmt.Errorf("excuse %s names no volunteer", e.ID)
		}
		if e.Reason != ReasonSick && e.Reason != ReasonLeave {
			return fmt.Errorf("excuse %s: reason must be %q or %q, not %q", e.ID, ReasonSick, ReasonLeave, e.Reason)
		}
	case KindReplace:
		if e.Volunteer == "" || e.Ref == "" {
			return fmt.Errorf("replace %s must name both volunteers", e.ID)
		}
		if e.Volunteer == e.Ref {
			return fmt.Errorf("replace %s: a volunteer cannot replace themselves", e.ID)
		}
	case KindConfirm:
		if e.Contingent == "" {
			return fmt.Errorf("confirm %s names no contingent", e.ID)
		}
		if strings.TrimSpace(e.Leader) == "" {
			return fmt.Errorf("confirm %s names no leader", e.ID)
		}
	case KindWithdraw:
		if e.Contingent == "" {
			return fmt.Errorf("withdraw %s names no contingent", e.ID)
		}
	case KindReID:
		if e.Volunteer == "" || e.Ref == "" {
			return fmt.Errorf("re-id %s must name the old ID and the new one", e.ID)
		}
		if IDKey(e.Volunteer) == IDKey(e.Ref) {
			return fmt.Errorf("re-id %s: the new ID is the old one", e.ID)
		}
	case KindRename:
		if strings.TrimSpace(e.Contingent) == "" || strings.TrimSpace(e.Note) == "" {
			return fmt.Errorf("rename %s must name the contingent and its new name", e.ID)
		}
	case KindNote:
		if strings.TrimSpace(e.Note) == "" || strings.TrimSpace(e.Reason) == "" {
			return fmt.Errorf("note %s must say what was scanned and why it was refused", e.ID)
		}
	default:
		return fmt.Errorf("event %s has unknown kind %q", e.ID, e.Kind)
	}
	return nil
}
