package model

import "time"

// StartOfDay is midnight of t's day on the laptop's clock: "today" at the
// campsite is its own day, not UTC's (07:30 WITA is the evening before in UTC).
func StartOfDay(t time.Time) time.Time {
	t = t.Local()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}
