package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// An unknown badge scanned between two good ones stays on screen under the
// next answer, is kept in the log as a note that never counts, is found by
// the Log's search, and the Summary counts it with its code.
func TestGateUnknownScanIsOnRecord(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 80, 21)
	for _, code := range []string{"JRS-BLG-0002", "ZZZ-0042", "JRS-BLG-0003"} {
		d.typeText(code)
		d.key(tea.KeyEnter)
	}
	d.mustShow("✓ Checked in: JRS-BLG-0003")
	v := d.view()
	under := v[strings.Index(v, "Checked in: JRS-BLG-0003"):]
	if !strings.Contains(under, "✗ Unknown ID: ZZZ-0042") || !strings.Contains(under, "✓ Checked in: JRS-BLG-0002") {
		t.Fatalf("the earlier answers are not under the latest:\n%s", v)
	}
	if got := st.Totals().Arrived; got != 2 {
		t.Fatalf("arrived %d, want 2: a refused scan counts nobody", got)
	}
	notes := st.Notes(time.Time{})
	if len(notes) != 1 || notes[0].Note != "ZZZ-0042" || notes[0].Reason != model.NoteUnknownBadge || notes[0].Station != "gerbang 1" || notes[0].Operator != "Rina" {
		t.Fatalf("the unknown badge is not on record: %+v", notes)
	}

	// The Log finds it by its code and by its kind's words, in Indonesian too.
	for _, lang := range []Lang{English, Indonesian} {
		l, _ := newScreenDriver(t, st, lang, 120, 21, func(c *Common) Screen { return newLog(c) })
		l.typeText("zzz-0042")
		want := map[Lang]string{English: "unknown badge: ZZZ-0042", Indonesian: "kartu tidak dikenal: ZZZ-0042"}[lang]
		l.mustShow(want)
		l.key(tea.KeyEsc)
		l.typeText(map[Lang]string{English: "refused scan", Indonesian: "pindaian ditolak"}[lang])
		l.mustShow("ZZZ-0042")
	}

	// The Summary: how many today, and which codes.
	d.typeText("ZZZ-0042")
	d.key(tea.KeyEnter)
	d.typeText("abc123")
	d.key(tea.KeyEnter)
	sum, _ := newDashboardDriver(t, st, English, 120, 40)
	sum.mustShow("3 unknown badges scanned today", "abc123, ZZZ-0042", "To check 1")
	sumID, _ := newDashboardDriver(t, st, Indonesian, 80, 24)
	sumID.mustShow("3 kartu tak dikenal dipindai hari ini")
}

// A scan the login may not make (a departure, for a gate login; the db
// refuses it even if the screen did not) is kept as a note too.
func TestGateRefusedByRoleIsOnRecord(t *testing.T) {
	st := testStore(t, nil)
	if _, err := st.CheckIn("JRS-BLG-0002", db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	d, c := newGateDriver(t, st, English, 100, 30)
	d.key(tea.KeyCtrlD)                                   // the owner may
	c.Actor.Role, c.Actor.Login = db.RoleGate, "key:gate" // the login changes under it: the store decides
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("✗ Departure not saved", "A gate login may not do this")
	notes := st.Notes(time.Time{})
	if len(notes) != 1 || notes[0].Reason != model.NoteRefusedRole || notes[0].Note != "JRS-BLG-0002" {
		t.Fatalf("the refused scan is not on record: %+v", notes)
	}
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusArrived {
		t.Fatalf("a refused departure changed the status to %v", p.Status)
	}
	if d.bell.String() != "\a\a\a" {
		t.Errorf("bell rang %q on a refusal, want three beeps", d.bell.String())
	}
}

// Ctrl+L shows the latest answer and the earlier ones in the new language.
func TestLanguageSwitchSaysTheAnswersAgain(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 80, 24)
	d.typeText("ZZZ-0042")
	d.key(tea.KeyEnter)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Checked in: JRS-BLG-0002", "✗ Unknown ID: ZZZ-0042")
	d.key(tea.KeyCtrlL)
	d.mustShow("H A D I R", "✓ Hadir: JRS-BLG-0002 Siti Aisyah", "Kab. Balangan: 1 dari 100 sudah tiba", "✗ ID tidak dikenal: ZZZ-0042")
	for _, old := range []string{"Checked in", "Unknown ID"} {
		if v := d.app.View(); strings.Contains(v, old) {
			t.Fatalf("after Ctrl+L the screen still says %q:\n%s", old, v)
		}
	}
}
