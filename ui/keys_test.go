package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// The footer offers "? help" and how to quit on every screen and in every
// dialog, at 80 columns, however many keys the screen has.
func TestFooterAlwaysOffersHelp(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 80, 24)
	footer := func(where string) {
		t.Helper()
		lines := strings.Split(d.app.View(), "\n")
		last := lines[len(lines)-1]
		if !strings.Contains(last, "? help") || !strings.Contains(last, "ctrl+c quit") {
			t.Errorf("%s: the footer is %q; it must offer ? help and ctrl+c quit", where, last)
		}
	}
	footer("the gate")
	d.typeText("siti aisyah")
	d.key(tea.KeyEnter)
	d.mustShow("Check in this person?", "S i t i   A i s y a h")
	footer("the gate's confirmation")
	d.key(tea.KeyEsc)
	d.key(tea.KeyF2)
	footer("the contingents")
	d.typeText("balangan")
	d.key(tea.KeyEnter)
	d.mustShow("0/100 arrived")
	footer("a contingent's members")
	d.typeText("e")
	d.mustShow("Press s = sakit")
	footer("the excuse dialog")
	d.typeText("?")
	d.mustShow("Keys", "s ill")
	d.key(tea.KeyEsc)
	d.key(tea.KeyEsc)
	d.key(tea.KeyF3)
	footer("the summary")
	d.key(tea.KeyF4)
	footer("the log")
}

// Help lists the keys that work in the state it is opened from, each once.
func TestHelpListsOnlyKeysThatWork(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 120, 40)
	helpKeys := func(where string) []string {
		t.Helper()
		seen := map[string]bool{}
		var keys []string
		for _, col := range (shortHelp{d.app.screens[d.app.active], d.app.c}).FullHelp() {
			for _, b := range col {
				if !b.Enabled() {
					continue
				}
				k := b.Help().Key
				if seen[k] {
					t.Errorf("%s: help lists %q twice", where, k)
				}
				seen[k] = true
				keys = append(keys, k)
			}
		}
		return keys
	}
	has := func(keys []string, k string) bool {
		return strings.Contains(" "+strings.Join(keys, " ")+" ", " "+k+" ")
	}

	for _, screen := range []struct {
		key   tea.KeyType
		where string
	}{{tea.KeyF2, "the contingents"}, {tea.KeyF3, "the summary"}, {tea.KeyF4, "the log"}} {
		d.key(screen.key)
		helpKeys(screen.where)
	}
	d.key(tea.KeyF1)
	gate := helpKeys("the gate")
	if has(gate, "1…4") || !has(gate, "f1…f4") {
		t.Errorf("the gate's help lists %v: digits go into the search box; the screens are F1–F4", gate)
	}
	d.typeText("?")
	d.mustShow("f1…f4")
	if v := d.app.View(); strings.Contains(strings.ReplaceAll(v, "f1…f4", ""), "1…4") {
		t.Errorf("the gate's help offers 1…4:\n%s", v)
	}
	d.key(tea.KeyEsc)

	d.key(tea.KeyF2)
	d.typeText("balangan")
	d.key(tea.KeyEnter)
	d.mustShow("0/100 arrived")
	list := helpKeys("a contingent's members")
	for _, k := range []string{"j/k", "home/end", "pgup/pgdn", "/"} {
		if !has(list, k) {
			t.Errorf("the members' help lacks %s: %v", k, list)
		}
	}
	if has(list, "w") {
		t.Errorf("the members' help offers w (withdraw) with no sign-off to withdraw: %v", list)
	}
	d.typeText("e")
	dialog := helpKeys("the excuse dialog")
	if has(dialog, "tab") || has(dialog, "r") || has(dialog, "f1…f4") {
		t.Errorf("the excuse dialog's help lists keys that do not work there: %v", dialog)
	}
}

// q beside the action keys of a list does not quit (and nor does it on the
// summary): only Ctrl+C does.
func TestQDoesNotQuit(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 120, 40)
	quits := func() bool {
		_, cmd := d.app.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
		if cmd == nil {
			return false
		}
		_, quit := cmd().(tea.QuitMsg)
		return quit
	}
	d.key(tea.KeyF2)
	d.typeText("balangan")
	d.key(tea.KeyEnter)
	d.mustShow("0/100 arrived")
	if quits() {
		t.Error("q quit from a contingent's members")
	}
	d.key(tea.KeyF3)
	if quits() {
		t.Error("q quit from the summary")
	}
	_, cmd := d.app.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("Ctrl+C does not quit")
	}
}

// A contingent's members take j/k, Home/End, PgUp/PgDn, and / searches them.
func TestMembersListKeys(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	steps := []struct {
		keys tea.KeyMsg
		sel  int
	}{
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, 1},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, 2},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}, 1},
		{tea.KeyMsg{Type: tea.KeyEnd}, 99},
		{tea.KeyMsg{Type: tea.KeyHome}, 0},
		{tea.KeyMsg{Type: tea.KeyPgDown}, m.listHeight()},
		{tea.KeyMsg{Type: tea.KeyPgUp}, 0},
	}
	for _, s := range steps {
		d.send(s.keys)
		if m.sel != s.sel {
			t.Fatalf("after %s the selection is row %d, want %d", s.keys, m.sel, s.sel)
		}
	}
	d.typeText("/")
	d.typeText("siti")
	d.mustShow("⌕ siti", "Siti Aisyah")
	d.mustNotShow("Akhmad Darmawan")
	if len(m.rows) == 0 || !strings.HasPrefix(m.rows[0].Name, "Siti") {
		t.Fatalf("the search does not list a Siti first: %v", m.rows)
	}
	for _, p := range m.rows {
		if p.Contingent != "Kab. Balangan" {
			t.Fatalf("the search lists %s of %s", p.Name, p.Contingent)
		}
	}
	d.key(tea.KeyEnter) // the list keeps the search; its keys work again
	d.typeText("j")
	if m.sel != 1 || m.filter.Value() != "siti" {
		t.Fatalf("after the search, j selected row %d with the search %q", m.sel, m.filter.Value())
	}
	d.key(tea.KeyEsc) // clears the search first
	d.mustShow("Akhmad Darmawan")
	if d.s.(*Contingents).members == nil {
		t.Fatal("Esc closed the contingent instead of clearing the search")
	}
	d.key(tea.KeyEsc)
	if d.s.(*Contingents).members != nil {
		t.Fatal("a second Esc did not close the contingent")
	}
}

// Keys typed fast arrive together: "s" and the note in one message still
// choose sakit and write the note.
func TestExcuseKeysTogether(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	d.typeText("e")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("sdemam")})
	if m.reason != "sakit" || m.input.Value() != "demam" {
		t.Fatalf("reason %q, note %q; want sakit, demam", m.reason, m.input.Value())
	}
}

// A question at the gate lists its own keys in help, not the search's.
func TestGateHelpInAQuestion(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 120, 40)
	d.typeText("siti aisyah")
	d.key(tea.KeyEnter)
	d.mustShow("Check in this person?", "S i t i   A i s y a h")
	for _, col := range (shortHelp{d.app.screens[d.app.active], d.app.c}).FullHelp() {
		for _, b := range col {
			if k := b.Help().Key; b.Enabled() && (k == "ctrl+x" || k == "ctrl+n" || k == "tab") {
				t.Errorf("help in the confirmation offers %s, which does nothing there", k)
			}
		}
	}
}

// F2 pressed while a check-in is saved: the answer still reaches the gate,
// and the gate takes keys again when it is shown.
func TestGateAnswerReachesTheGateOnAnotherScreen(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 120, 40)
	d.typeText("JRS-BLG-0002")
	_, inFlight := d.app.Update(tea.KeyMsg{Type: tea.KeyEnter})
	d.key(tea.KeyF2)
	d.start(inFlight)
	d.settle()
	d.key(tea.KeyF1)
	d.mustShow("✓ Checked in: JRS-BLG-0002 Siti Aisyah")
	d.typeText("JRS-BLG-0003")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0003")
	if got := st.Totals().Arrived; got != 2 {
		t.Fatalf("%d arrived, want 2", got)
	}
}
