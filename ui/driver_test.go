package ui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// requireGolden compares a screen with its golden file. Goldens are
// pictures of the tests' epoch, so a moved epoch (HADIR_TEST_EPOCH) has a
// set of its own under testdata/epoch-STAMP/. Update both with:
// go test ./ui -update && HADIR_TEST_EPOCH=2030-12-31T23:50:00+08:00 go test ./ui -update
func requireGolden(t *testing.T, screen []byte) {
	t.Helper()
	if testclock.Moved() {
		golden.RequireEqual(goldenAt{t, "epoch-" + testclock.Stamp() + "/" + t.Name()}, screen)
		return
	}
	golden.RequireEqual(t, screen)
}

// goldenAt is a test under another golden file name.
type goldenAt struct {
	*testing.T
	name string
}

func (g goldenAt) Name() string { return g.name }

func init() {
	// Golden screens are compared without colour.
	lipgloss.SetColorProfile(termenv.Ascii)
	// Times show as the campsite's wall clock (WITA) whatever the machine says.
	time.Local = time.FixedZone("WITA", 8*3600)
	// The beeps of one answer are counted, not listened to.
	bellGap = 0
}

// testClock is the tests' epoch (09:14 WITA on the first day, unless
// HADIR_TEST_EPOCH moves it), shown as local time.
var testClock = testclock.Epoch()

func fixedNow() time.Time { return testClock }

// testStore opens a store seeded with the demo roster (or the given one)
// whose events are stamped by the fixed clock.
func testStore(t testing.TB, roster []model.Volunteer) *db.Store {
	t.Helper()
	return testStoreOn(t, roster, testclock.New(testClock))
}

// testStoreOn is testStore on a clock the test moves.
func testStoreOn(t testing.TB, roster []model.Volunteer, clock *testclock.Clock) *db.Store {
	t.Helper()
	st, err := db.Open(filepath.Join(t.TempDir(), "hadir.db"), db.WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if roster == nil {
		roster = model.DemoRoster()
	}
	if _, err := st.ImportRoster(roster, false); err != nil {
		t.Fatal(err)
	}
	return st
}

// screenDriver drives one Screen synchronously: every command it returns is
// run to completion and its message fed back, as the Bubble Tea runtime
// would, so a test reads the screen after each step.
type screenDriver struct {
	t    testing.TB
	s    Screen
	bell *bytes.Buffer
}

// newScreenDriver opens the screen that open makes, for Rina at gerbang 1,
// sized w×h and loaded.
func newScreenDriver(t testing.TB, st *db.Store, lang Lang, w, h int, open func(*Common) Screen) (*screenDriver, *Common) {
	return newScreenDriverAs(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: lang}, w, h, open)
}

// newScreenDriverAs is newScreenDriver for the login o says; the driver
// sets its Out (the bell) and Now (the fixed clock).
func newScreenDriverAs(t testing.TB, st *db.Store, o Options, w, h int, open func(*Common) Screen) (*screenDriver, *Common) {
	bell := &bytes.Buffer{}
	o.Out, o.Now = bell, fixedNow
	c := newCommon(st, o)
	s := open(c)
	d := &screenDriver{t: t, s: s, bell: bell}
	s.SetSize(w, h)
	d.run(s.Init())
	return d, c
}

func newGateDriver(t testing.TB, st *db.Store, lang Lang, w, h int) (*screenDriver, *Common) {
	return newScreenDriver(t, st, lang, w, h, func(c *Common) Screen { return newGate(c) })
}

func (d *screenDriver) run(cmd tea.Cmd) {
	d.t.Helper()
	d.runKeeping([]tea.Cmd{cmd}, func(tea.Msg) bool { return false })
}

// runKeeping runs cmds as run does, in the order given, but a message keep
// takes is kept by it instead of going to the screen.
func (d *screenDriver) runKeeping(cmds []tea.Cmd, keep func(tea.Msg) bool) {
	d.t.Helper()
	queue := append([]tea.Cmd(nil), cmds...)
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			d.t.Fatal("commands keep coming: a loop")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if msg != nil && keep(msg) {
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			if reflect.TypeOf(msg).String() == "tea.sequenceMsg" {
				for _, sub := range reflect.ValueOf(msg).Interface().([]tea.Cmd) {
					queue = append(queue, sub)
				}
				continue
			}
			queue = append(queue, d.s.Update(msg))
		}
	}
}

func (d *screenDriver) send(msgs ...tea.Msg) {
	d.t.Helper()
	for _, m := range msgs {
		d.run(d.s.Update(m))
	}
}

// typeText sends each rune as a key press, as a keyboard or scanner does.
func (d *screenDriver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (d *screenDriver) key(k tea.KeyType) { d.t.Helper(); d.send(tea.KeyMsg{Type: k}) }

func (d *screenDriver) view() string { return d.s.View() }

func (d *screenDriver) mustShow(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			d.t.Fatalf("the screen does not show %q:\n%s", p, v)
		}
	}
}

func (d *screenDriver) mustNotShow(parts ...string) {
	d.t.Helper()
	v := d.view()
	for _, p := range parts {
		if strings.Contains(v, p) {
			d.t.Fatalf("the screen shows %q:\n%s", p, v)
		}
	}
}

// The words a screen uses for a moment of the tests' clock, spelt out here
// (not borrowed from the code under test) so the tests read on any epoch.
var (
	testDays   = [2][7]string{{"Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"}, {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}}
	testMonths = [2][12]string{
		{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
		{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	}
)

// hhmm is t as the wall clock reads it: "09:14".
func hhmm(t time.Time) string { return t.In(testclock.WITA).Format("15:04") }

// dayAndTime is t on another day than today: "Fri 4 Dec 09:14" / "Jum 4 Des 09:14".
func dayAndTime(t time.Time, lang Lang) string {
	t = t.In(testclock.WITA)
	month := testMonths[lang][t.Month()-1]
	if lang == Indonesian && t.Month() == time.August {
		month = "Agu"
	} else {
		month = month[:3]
	}
	return testDays[lang][t.Weekday()] + " " + strconv.Itoa(t.Day()) + " " + month + " " + hhmm(t)
}

// longDate is t's date as a signature block writes it: "4 Desember 2026".
func longDate(t time.Time, lang Lang) string {
	t = t.In(testclock.WITA)
	return strconv.Itoa(t.Day()) + " " + testMonths[lang][t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// eachGoldenScreen runs screen as a subtest for each size of the golden
// screens (80x24, 120x40) and each language, named as their files are
// ("80x24_id").
func eachGoldenScreen(t *testing.T, screen func(t *testing.T, lang Lang, size [2]int)) {
	t.Helper()
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, lang := range []Lang{Indonesian, English} {
			name := fmt.Sprintf("%dx%d_%s", size[0], size[1], []string{"id", "en"}[lang])
			t.Run(name, func(t *testing.T) { screen(t, lang, size) })
		}
	}
}
