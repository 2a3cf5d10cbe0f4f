package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// A scanner that types a badge a key at a time while the searches are slow
// (held back here): one search is on its way at a time, so the twelve keys
// start four searches (the first key's, and one for the keys typed while
// each was on its way), not twelve, and the list ends on the whole badge.
func TestGateTypedBadgeSearchesOnceInFlight(t *testing.T) {
	const badge = "JRS-BLG-0002" // Siti Aisyah
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)

	searches := 0
	runCounting := func(cmds []tea.Cmd) {
		d.t.Helper()
		d.runKeeping(cmds, func(msg tea.Msg) bool {
			if _, ok := msg.(resultsMsg); ok {
				searches++
			}
			return false
		})
	}
	var held []tea.Cmd
	for _, r := range badge[:6] {
		press(d, &held, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	// The first search answers while the scanner is half way: one search
	// starts for the six keys typed by then, and the list shows them.
	runCounting(held)
	held = nil
	if searches != 2 || g.rowsQuery.Text != badge[:6] {
		t.Fatalf("%d searches for 6 keys, the list answers %q", searches, g.rowsQuery.Text)
	}
	for _, r := range badge[6:] {
		press(d, &held, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	runCounting(held)
	if searches > 4 {
		t.Fatalf("%d searches for %d keys typed while one was on its way", searches, len(badge))
	}
	if g.rowsQuery.Text != badge || g.input.Value() != badge {
		t.Fatalf("the list answers %q with %q in the box", g.rowsQuery.Text, g.input.Value())
	}
	var want []model.Person
	st.Read(func(s *model.State, ix *model.Index) {
		want = searched(s, ix, model.Query{Text: badge, Limit: resultLimit})
	})
	if len(want) == 0 || !model.SamePeople(g.rows, want) {
		t.Fatalf("the list shows %d rows, not the %d the badge finds", len(g.rows), len(want))
	}
	d.mustShow("Siti Aisyah", "1 result")

	// Enter checks the badge in, as it would have without the wait.
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0002 Siti Aisyah")
}

// Keys typed while a search is on its way, then Enter before it answers:
// the text typed is Enter's, searched by Enter as a fast typist's is, and
// the late answer does not start a search of its own for the emptied box.
func TestGateEnterWhileSearchOnItsWay(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	var held []tea.Cmd
	for _, r := range "Siti Aisyah" {
		press(d, &held, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	press(d, &held, tea.KeyMsg{Type: tea.KeyEnter})
	searches := 0
	d.runKeeping(held, func(msg tea.Msg) bool {
		if r, ok := msg.(resultsMsg); ok {
			searches++
			if searches == 1 && r.query.Text != "S" {
				t.Errorf("the first search asked for %q", r.query.Text)
			}
		}
		return false
	})
	if g.mode != modeConfirm || g.confirming.Name != "Siti Aisyah" {
		t.Fatalf("Enter asks about %q (mode %d), want Siti Aisyah", g.confirming.Name, g.mode)
	}
	if g.rowsQuery.Text != "Siti Aisyah" {
		t.Fatalf("the list answers %q under the question", g.rowsQuery.Text)
	}
	if searches != 2 {
		t.Fatalf("%d searches: want the first key's and the question's", searches)
	}
}
