package db

import (
	"strings"
	"time"

	"hadir/model"
)

// RecordNote keeps a scan the gate refused: the code as scanned, why it
// was refused (model.NoteUnknownBadge, NoteRefusedRole, NoteDeparted) and
// whom it names, if anyone. Any login may record one; it never counts.
func (s *Store) RecordNote(code, reason, volunteer string, by Actor) (model.Event, error) {
	code = model.Clean(strings.TrimSpace(code), model.MaxTextLen) // scanned: outside text
	volunteer = strings.TrimSpace(volunteer)
	if volunteer == "" {
		// An unknown badge: its code stands in the volunteer column, so the
		// events export (CSV, which has no note column) shows what was scanned.
		volunteer = code
	}
	e := s.newEvent(model.KindNote, volunteer, by)
	e.Note, e.Reason = code, reason
	return e, s.record(e)
}

// Notes lists the standing notes of refused scans recorded since the given
// time, oldest first.
func (s *Store) Notes(since time.Time) []model.Event {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Notes(since)
}
