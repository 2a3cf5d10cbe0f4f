package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// The screens in 256 colours, as an SSH gate draws them: what the view
// caches keep must be exactly what a fresh drawing gives, colours included.
// Update with: go test ./ui -run TestGoldenColour -update
func TestGoldenColour(t *testing.T) {
	st := testStore(t, nil)
	if err := st.SetStationName("gerbang 1"); err != nil {
		t.Fatal(err)
	}
	d := newAppDriver(t, st, Options{Operator: "Rina", Lang: English, Renderer: colourRenderer()}, 120, 40)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	t.Run("gate_checked_in", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	t.Run("gate_already", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	d.typeText("siti a")
	d.key(tea.KeyDown)
	d.key(tea.KeyDown)
	t.Run("gate_results", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	d.key(tea.KeyEnter)
	t.Run("gate_confirm", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	t.Run("gate_latest", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	d.key(tea.KeyF2)
	t.Run("contingents", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	d.key(tea.KeyF3)
	t.Run("dashboard", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	d.typeText("?")
	t.Run("help", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
}
