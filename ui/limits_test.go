package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A paste longer than any field is refused whole, with a note in the status
// line; the next key works as usual.
func TestLongInputIsRefused(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 100, 30)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("JRS-BLG-0002 ", 40)), Paste: true})
	d.mustShow("Input of 520 characters refused: a field takes at most 256.")
	if strings.Contains(d.app.View(), "JRS-BLG-0002 JRS") {
		t.Error("part of the refused paste reached the field")
	}
	d.typeText("JRS-BLG-0002")
	d.mustShow("Siti Aisyah")
	if strings.Contains(d.app.View(), "refused") {
		t.Error("the note stayed after the next key")
	}
}
