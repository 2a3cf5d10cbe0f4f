package db

import (
	"fmt"
	"strings"

	"hadir/model"
)

// ErrContingentExists refuses a rename onto a contingent that exists, unless
// merging was asked for.
type ErrContingentExists struct{ Old, New string }

func (e *ErrContingentExists) Error() string {
	return fmt.Sprintf("a contingent %q already exists: to put %q together with it, add --merge", e.New, e.Old)
}

// RenameContingent renames a contingent (any spelling of its name), or with
// merge puts it together with another. It is an event in the log, so every
// station that merges the log shows the same contingents. Only the owner of
// the laptop or an admin may do it.
func (s *Store) RenameContingent(old, newName string, merge bool, by Actor) (model.Event, error) {
	if by.Role != RoleOwner && by.Role != RoleAdmin {
		return model.Event{}, &ErrNotAllowed{Role: by.Role, Action: "rename a contingent"}
	}
	newName = model.Clean(newName, model.MaxTextLen)
	if newName == "" {
		return model.Event{}, fmt.Errorf("the new name is empty")
	}
	s.mu.RLock()
	from, ok := s.state.ResolveContingent(old)
	to, exists := s.state.ResolveContingent(newName)
	names := s.state.ContingentNames()
	s.mu.RUnlock()
	switch {
	case !ok:
		return model.Event{}, fmt.Errorf("no contingent is called %q; the contingents are: %s", old, strings.Join(names, ", "))
	case from == newName:
		return model.Event{}, fmt.Errorf("%q already has that name", from)
	case exists && to != from && !merge:
		return model.Event{}, &ErrContingentExists{Old: from, New: to}
	case exists && to != from:
		newName = to // merged under the name the other already shows
	}
	e := s.newEvent(model.KindRename, "", by)
	e.Contingent, e.Note = from, newName
	return e, s.record(e)
}

// movesPeople says whether an event just applied changed who the search
// index finds where: a rename, a re-ID, or the annulment of a rename.
// Callers hold s.mu.
func (s *Store) movesPeople(e model.Event) bool {
	switch e.Kind {
	case model.KindRename, model.KindReID:
		return true
	case model.KindAnnul:
		t, ok := s.state.Event(e.Ref)
		return ok && t.Kind == model.KindRename
	}
	return false
}
