package ui

import tea "github.com/charmbracelet/bubbletea"

// maxInput is the most characters one key message may bring into a field:
// no field holds more, and a stranger's paste of megabytes must not cost
// every gate's screen its time.
const maxInput = 256

func init() {
	addTexts(map[string][2]string{
		"app.input_too_long": {"Masukan %d karakter ditolak: satu kolom paling banyak %d karakter.", "Input of %d characters refused: a field takes at most %d."},
	})
}

// refuseLongInput drops a paste longer than maxInput whole (a field would
// keep only its start, which is worse than nothing for an ID) and says so
// in the status line until the next key.
func (a *App) refuseLongInput(msg tea.KeyMsg) bool {
	if len(msg.Runes) > maxInput {
		a.refused = a.c.T("app.input_too_long", len(msg.Runes), maxInput)
		return true
	}
	a.refused = ""
	return false
}
