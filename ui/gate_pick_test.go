package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// selectedLine is the list row the ▸ marks, "" when none is drawn.
func selectedLine(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "▸") {
			return l
		}
	}
	return ""
}

// idOf finds a demo volunteer's ID by exact name and contingent.
func idOf(t *testing.T, d *screenDriver, name, contingent string) string {
	t.Helper()
	g := d.s.(*Gate)
	var id string
	g.c.Store.Read(func(s *model.State, _ *model.Index) {
		for _, v := range s.Volunteers() {
			if v.Name == name && v.Contingent == contingent {
				id = v.ID
			}
		}
	})
	if id == "" {
		t.Fatalf("no %s in %s", name, contingent)
	}
	return id
}

// After checking someone in, a new query selects its best match, not the
// person picked before: Enter asks about the top row.
func TestGateNewQuerySelectsItsBestMatch(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	hj := idOf(t, d, "Hj. Siti Aisyah", "Kab. Kotabaru")
	d.typeText(hj)
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: " + hj)
	d.key(tea.KeyEsc)
	d.typeText("siti aisyah")
	d.mustShow("Hj. Siti Aisyah") // listed, below the exact match
	if sel := selectedLine(d.view()); !strings.Contains(sel, "Siti Aisyah") || strings.Contains(sel, "Hj.") {
		t.Fatalf("the highlight is on %q; a new query must select its best match (Siti Aisyah)", sel)
	}
	d.key(tea.KeyEnter)
	d.mustShow("Check in this person?", "ID          JRS-BLG-0002")
	if g := d.s.(*Gate); g.confirming.ID != "JRS-BLG-0002" {
		t.Fatalf("Enter asks about %s, want JRS-BLG-0002 (the top row)", g.confirming.ID)
	}

	// Moving down, then typing more: the highlight goes to the new best
	// match, even when the row picked before is still listed.
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	d.typeText("siti")
	d.key(tea.KeyDown)
	d.key(tea.KeyDown)
	g := d.s.(*Gate)
	picked := g.rows[g.sel]
	d.typeText(" " + strings.ToLower(strings.Fields(picked.Name)[len(strings.Fields(picked.Name))-1]))
	if g.sel != 0 || !strings.Contains(selectedLine(d.view()), g.rows[0].Name) {
		t.Fatalf("after the query changed the selection is row %d (%q), want the first", g.sel, selectedLine(d.view()))
	}
}

// Browsing far down a long list at 120x40 keeps the highlighted row on
// screen; a new query brings it back to the top, still on screen.
func TestGateHighlightAlwaysVisible(t *testing.T) {
	st := testStore(t, nil)
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, size[0], size[1])
		d.typeText("siti")
		for i := 0; i < 3; i++ {
			d.key(tea.KeyPgDown)
		}
		d.key(tea.KeyDown)
		g := d.app.screens[0].(*Gate)
		if g.sel < 3*g.listHeight() {
			t.Fatalf("%v: three pages down reached row %d", size, g.sel)
		}
		v := d.app.View()
		if sel := selectedLine(v); sel == "" || !strings.Contains(sel, g.rows[g.sel].Name) {
			t.Fatalf("%v: row %d (%s) is selected and not on screen:\n%s", size, g.sel, g.rows[g.sel].Name, v)
		}
		d.typeText("a")
		v = d.app.View()
		if g.sel != 0 || !strings.Contains(selectedLine(v), g.rows[0].Name) {
			t.Fatalf("%v: after typing, the selection is row %d and shows as %q", size, g.sel, selectedLine(v))
		}
		d.key(tea.KeyEsc)
	}
}

// The confirmation shows the person on lines of their own: name, ID,
// contingent and the end of the phone number, to check against whoever
// stands there.
func TestGateConfirmationShowsWhomToCheck(t *testing.T) {
	st := testStore(t, nil)
	for _, lang := range []Lang{English, Indonesian} {
		d, _ := newGateDriver(t, st, lang, 80, 21)
		d.typeText("siti aisyah")
		d.key(tea.KeyEnter)
		want := []string{"S i t i   A i s y a h", "JRS-BLG-0002", "Kab. Balangan", "…9660"}
		lines := map[string]int{}
		for i, l := range strings.Split(d.view(), "\n") {
			for _, w := range want {
				if strings.Contains(l, w) {
					lines[w] = i
				}
			}
		}
		if len(lines) != len(want) {
			t.Fatalf("%v: the confirmation shows %v of %v:\n%s", lang, lines, want, d.view())
		}
		seen := map[int]bool{}
		for _, i := range lines {
			if seen[i] {
				t.Fatalf("%v: name, ID, contingent and phone share a line:\n%s", lang, d.view())
			}
			seen[i] = true
		}
		d.mustShow(map[Lang]string{English: "Phone ends", Indonesian: "HP akhiran"}[lang])
		d.mustNotShow("0852116599660") // the end is enough to ask; the number is not shown to the queue
		d.key(tea.KeyEsc)
	}
}
