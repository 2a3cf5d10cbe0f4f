package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
)

// appDriver drives the whole app. Its commands run as the runtime runs them,
// each in its own goroutine; a step ends when no message has come for a
// while. The live-update command blocks until the store changes, which is
// why this driver cannot run commands one after another.
type appDriver struct {
	t    testing.TB
	app  *App
	msgs chan tea.Msg
	// pending counts commands started whose message is not handled yet;
	// waiting is how many of them wait for good (the store's change
	// signal, the idle tick): a step ends only when no other is running,
	// however slow a loaded machine makes them.
	pending, waiting int
}

const quiet = 150 * time.Millisecond

func newAppDriver(t testing.TB, st *db.Store, o Options, w, h int) *appDriver {
	o.Out, o.Now = &bytes.Buffer{}, fixedNow
	a := New(st, o)
	t.Cleanup(a.Close)
	d := &appDriver{t: t, app: a, msgs: make(chan tea.Msg, 64), waiting: 1}
	if o.IdleTimeout > 0 {
		d.waiting++
	}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.start(a.Init())
	d.settle()
	return d
}

func (d *appDriver) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	d.pending++
	go func() { d.msgs <- cmd() }()
}

func (d *appDriver) settle() {
	giveUp := time.Now().Add(time.Minute) // a command that never answers fails the test's next check
	for {
		select {
		case msg := <-d.msgs:
			d.pending--
			switch m := msg.(type) {
			case nil:
			case tea.BatchMsg:
				for _, c := range m {
					d.start(c)
				}
			default:
				_, cmd := d.app.Update(m)
				d.start(cmd)
			}
		case <-time.After(quiet):
			if d.pending <= d.waiting || time.Now().After(giveUp) {
				return
			}
		}
	}
}

func (d *appDriver) send(msgs ...tea.Msg) {
	for _, m := range msgs {
		_, cmd := d.app.Update(m)
		d.start(cmd)
		d.settle()
	}
}

func (d *appDriver) typeText(s string) {
	for _, r := range s {
		_, cmd := d.app.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		d.start(cmd)
	}
	d.settle()
}

func (d *appDriver) key(k tea.KeyType) { d.send(tea.KeyMsg{Type: k}) }

// mustShow waits for the screen to show every part: a command that is slow
// on a loaded machine answers after settle gave up, so settle again, for up
// to a minute, before calling it missing.
func (d *appDriver) mustShow(parts ...string) {
	d.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		v, missing := d.app.View(), ""
		for _, p := range parts {
			if !strings.Contains(v, p) {
				missing = p
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("the screen does not show %q:\n%s", missing, v)
		}
		d.settle()
	}
}

func TestAppAsksForTheOperator(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Station: "gerbang 1", Lang: English}, 80, 24)
	d.mustShow("Operator's name:", "Station: gerbang 1")
	d.key(tea.KeyEnter)
	d.mustShow("Type your name: every check-in records who made it.")
	d.typeText("Rina")
	d.key(tea.KeyEnter)
	d.mustShow("Operator: Rina", "Type a name or scan a badge")
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow("Checked in: JRS-BLG-0002 Siti Aisyah", "Arrived 1 / 3,000")
	p, _ := st.Person("JRS-BLG-0002")
	if p.Arrival.Operator != "Rina" || p.Arrival.Station != "gerbang 1" {
		t.Errorf("the event was recorded by %q at %q", p.Arrival.Operator, p.Arrival.Station)
	}
}

func TestAppTypingNeverRunsACommand(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English}, 80, 24)
	// q quits elsewhere; in the search box it is a letter.
	_, cmd := d.app.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("typing q in the search box quit the app")
		}
	}
	d.settle()
	d.typeText("ufiq")
	d.mustShow("⌕ qufiq")
}

func TestAppTooSmall(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Lang: English}, 60, 15)
	d.mustShow("The window is too small (60×15)", "at least 70×20")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.mustShow("Type a name or scan a badge")
}

func TestAppHelpAndLanguageSwitch(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Lang: Indonesian}, 80, 24)
	d.mustShow("Tiba 0 / 3.000", "Ketik nama atau pindai kartu peserta")
	d.typeText("?")
	d.mustShow("Tombol", "batalkan terakhir", "peserta baru")
	d.key(tea.KeyEsc)
	d.key(tea.KeyCtrlL)
	d.mustShow("Arrived 0 / 3,000", "Type a name or scan a badge")
}

// Golden screens: the gate at 80x24 and 120x40, in both languages, with
// results listed and after a check-in. Update with: go test ./ui -update
func TestGoldenGate(t *testing.T) {
	eachGoldenScreen(t, func(t *testing.T, lang Lang, size [2]int) {
		st := testStore(t, nil)
		if err := st.SetStationName("gerbang 1"); err != nil {
			t.Fatal(err)
		}
		d := newAppDriver(t, st, Options{Operator: "Rina", Lang: lang}, size[0], size[1])
		d.typeText("JRS-BLG-0002")
		d.key(tea.KeyEnter)
		t.Run("checked_in", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
		d.typeText("siti a")
		d.key(tea.KeyDown)
		d.key(tea.KeyDown)
		t.Run("results", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
		d.key(tea.KeyEnter)
		t.Run("confirm", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	})
}

// An SSH session left alone is closed after the idle time; a key press
// keeps it open.
func TestAppIdleSessionCloses(t *testing.T) {
	st := testStore(t, nil)
	now := testClock
	a := New(st, Options{Operator: "Rina", Lang: English, Out: &bytes.Buffer{}, Now: func() time.Time { return now }, IdleTimeout: 30 * time.Minute})
	t.Cleanup(a.Close)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	now = now.Add(20 * time.Minute)
	a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s")})
	now = now.Add(20 * time.Minute)
	if _, cmd := a.Update(idleTickMsg{}); isQuit(cmd) {
		t.Fatal("closed 20 minutes after a key press; the idle time is 30")
	}
	now = now.Add(11 * time.Minute)
	if _, cmd := a.Update(idleTickMsg{}); !isQuit(cmd) {
		t.Fatal("not closed after 31 minutes without a key")
	}
}

// isQuit reports whether cmd is tea.Quit itself (a tick that would fire
// later is not a quit). It compares the function, not how soon it answers:
// a loaded machine must not turn a quit into "not a quit".
func isQuit(cmd tea.Cmd) bool {
	return cmd != nil && reflect.ValueOf(cmd).Pointer() == reflect.ValueOf(tea.Quit).Pointer()
}

// A failed backup is shown in the status line, in words, until one succeeds.
func TestAppShowsBackupFailure(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Lang: English}, 100, 30)
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	st.BackupRotate(filepath.Join(blocker, "backups"), 12)
	d.settle()
	d.mustShow("✗ BACKUP FAILED " + hhmm(testClock) + ": cannot create the backup folder")
	st.BackupRotate(t.TempDir(), 12)
	d.settle()
	d.mustShow("✓ backup "+hhmm(testClock), "Operator: Rina")
}

// A report still being written when the user moves to another screen is
// not forgotten: back on the Summary it says where it was written, and p
// writes another.
func TestReportAnswerReachesSummaryShownLater(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Lang: English, Role: db.RoleAdmin}, 120, 40)
	a := d.app
	a.Update(tea.KeyMsg{Type: tea.KeyF3})
	dash := a.screens[2].(*Dashboard)
	dash.report = dashReport{writing: true}
	a.Update(tea.KeyMsg{Type: tea.KeyF1})
	a.Update(reportWrittenMsg{path: "/tmp/laporan.html"})
	if dash.report.writing || dash.report.path != "/tmp/laporan.html" {
		t.Fatalf("the Summary after its report was written elsewhere: %+v; want the path, not still writing", dash.report)
	}
}
