package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/internal/testclock"
)

// Golden screens of the gate's answers: already checked in (a day earlier),
// an unknown badge, and a walk-in whose name is on the roster, at 80x24 and
// 120x40 in both languages. Update with: go test ./ui -update
func TestGoldenGateAnswers(t *testing.T) {
	eachGoldenScreen(t, func(t *testing.T, lang Lang, size [2]int) {
		clock := testclock.New(testClock) // the store's and the screen's
		st := testStoreOn(t, nil, clock)
		st.CheckIn("JRS-BLG-0002", db.Actor{Station: "gerbang 2", Operator: "Budi"})
		d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: lang}, size[0], size[1])
		clock.Set(testClock.AddDate(0, 0, 1)) // the second day
		d.app.c.Now = clock.Now
		d.typeText("JRS-BLG-0002")
		d.key(tea.KeyEnter)
		d.mustShow("JRS-BLG-0002 Siti Aisyah")
		t.Run("already", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
		d.typeText("JRS-XXX-0001")
		d.key(tea.KeyEnter)
		d.mustShow("JRS-XXX-0001")
		t.Run("unknown", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
		d.key(tea.KeyCtrlN)
		d.typeText("Siti Aisyah")
		d.key(tea.KeyEnter)
		d.typeText("balangan")
		d.key(tea.KeyEnter)
		d.key(tea.KeyEnter)
		d.key(tea.KeyRight)
		d.key(tea.KeyEnter)
		d.key(tea.KeyEnter)
		d.mustShow("JRS-KTB-0121")
		t.Run("walkin_namesakes", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	})
}
