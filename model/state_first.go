package model

import "time"

// FirstEventAt is the time of the earliest event, and false when there is none.
func (s *State) FirstEventAt() (time.Time, bool) {
	if len(s.sorted) == 0 {
		return time.Time{}, false
	}
	return s.sorted[0].At, true
}
