package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/internal/testclock"
)

// Golden screens of the last day at the gate: departures mode after a
// departure and an unknown badge, and a departed volunteer scanned in the
// normal mode (the came-back question), at 80x24 and 120x40 in both
// languages. Update with: go test ./ui -update
func TestGoldenGateDepartures(t *testing.T) {
	eachGoldenScreen(t, func(t *testing.T, lang Lang, size [2]int) {
		clock := testclock.New(testClock) // the store's and the screen's
		st := testStoreOn(t, nil, clock)
		for _, id := range []string{"JRS-BLG-0002", "JRS-BLG-0003"} {
			st.CheckIn(id, db.Actor{Station: "gerbang 2", Operator: "Budi"})
		}
		st.Depart("JRS-BLG-0003", db.Actor{Station: "pos kontingen", Operator: "Pak Harun"})
		d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: lang}, size[0], size[1])
		clock.Set(testClock.AddDate(0, 0, 2)) // the last day
		d.app.c.Now = clock.Now
		d.key(tea.KeyCtrlD)
		d.typeText("ZZZ-0042")
		d.key(tea.KeyEnter)
		d.typeText("JRS-BLG-0002")
		d.key(tea.KeyEnter)
		d.mustShow("JRS-BLG-0002 Siti Aisyah")
		t.Run("departures_mode", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
		d.key(tea.KeyCtrlD)
		d.typeText("JRS-BLG-0003")
		d.key(tea.KeyEnter)
		d.mustShow("JRS-BLG-0003")
		t.Run("came_back", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	})
}
