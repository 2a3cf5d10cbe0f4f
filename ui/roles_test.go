package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
)

func helpText(bs []key.Binding) string {
	var b strings.Builder
	for _, k := range bs {
		b.WriteString(k.Help().Key + " " + k.Help().Desc + "\n")
	}
	return b.String()
}

// A gate login checks in one by one: the bus keys are there, say why they
// do nothing, and the store refuses a bulk check-in from a gate anyway.
func TestGateLoginCannotCheckInABus(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newScreenDriver(t, st, English, 120, 30, func(c *Common) Screen {
		c.Actor.Role = db.RoleGate
		return newContingents(c)
	})
	m := openBalangan(d)
	if help := helpText(m.ShortHelp()); !strings.Contains(help, "select all (leaders and admins only)") {
		t.Errorf("help does not say select-all is for leaders:\n%s", help)
	}
	d.typeText("a")
	d.mustShow("checking several in at once is for a leader or admin login")
	d.mustNotShow("selected")
	d.key(tea.KeyEnter) // the one under the cursor, alone, is fine
	d.key(tea.KeyEnter)
	d.mustShow("1/100 arrived")
	if _, err := st.CheckInMany([]string{"JRS-BLG-0002", "JRS-BLG-0003"}, db.Actor{Role: db.RoleGate}); err == nil {
		t.Error("the store let a gate login check two in at once")
	}
}

// A gate login writes no file on the serving laptop.
func TestGateLoginWritesNoReport(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newScreenDriver(t, st, English, 120, 40, func(c *Common) Screen {
		c.Actor.Role = db.RoleGate
		return newDashboard(c)
	})
	if help := helpText(d.s.ShortHelp()); !strings.Contains(help, "(leaders and admins only)") {
		t.Errorf("help does not say p is for leaders:\n%s", help)
	}
	d.typeText("p")
	d.mustShow("A gate login cannot write files on the serving laptop")
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(st.Path()), "hadir-report-*")); len(m) > 0 {
		t.Errorf("a gate login wrote %v", m)
	}
}

// A gate login prints no badge on the serving laptop either.
func TestGateLoginWritesNoBadge(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newScreenDriver(t, st, English, 120, 40, func(c *Common) Screen {
		c.Actor.Role = db.RoleGate
		return newGate(c)
	})
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyCtrlP)
	d.mustShow("A gate login cannot write files on the serving laptop")
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(st.Path()), "hadir-badge-*")); len(m) > 0 {
		t.Errorf("a gate login wrote %v", m)
	}
}
