package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// newLogDriver opens the log on st at the given size, read once.
func newLogDriver(t testing.TB, st *db.Store, lang Lang, w, h int) (*screenDriver, *Log) {
	d, _ := newScreenDriver(t, st, lang, w, h, func(c *Common) Screen { return newLog(c) })
	return d, d.s.(*Log)
}

// steppingClock stamps each event a step after the one before, so the log
// shows distinct times.
func steppingClock(start time.Time, step time.Duration) func() time.Time {
	var mu sync.Mutex
	t := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(step)
		return t
	}
}

var (
	logGate1 = db.Actor{Station: "gerbang 1", Operator: "Rina"}
	logGate2 = db.Actor{Station: "gerbang 2", Operator: "Dedi"}
)

// logStore is a small gathering with one event of every kind the desk
// writes: 11 events, the first the day before.
func logStore(t testing.TB) *db.Store {
	t.Helper()
	v := func(id, name, contingent string) model.Volunteer {
		return model.Volunteer{ID: id, Name: name, Contingent: contingent, Pillar: "Tagana", Gender: "L", Source: model.SourceRoster}
	}
	roster := []model.Volunteer{
		v("TL-001", "H. Ahmad Fauzi", "Kab. Tanah Laut"),
		v("TL-002", "Siti Rahmah", "Kab. Tanah Laut"),
		v("TL-003", "Gusti Rizky", "Kab. Tanah Laut"),
		v("BJB-001", "Dewi Lestari", "Kota Banjarbaru"),
		v("BJB-002", "Rudi Hartono", "Kota Banjarbaru"),
		v("BJB-003", "Nur Aini", "Kota Banjarbaru"),
		v("BJB-004", "Andi Saputra", "Kota Banjarbaru"),
		v("BJB-005", "Yusuf Maulana", "Kota Banjarbaru"),
	}
	roster[0].Leader = true
	clock := testclock.New(testClock)
	st := testStoreOn(t, roster, clock)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	clock.Set(testclock.Day(16, 40).AddDate(0, 0, -1)) // the day before, 16:40
	must(st.CheckIn("BJB-001", logGate1))
	clock.Set(testclock.Day(8, 3)) // from 08:03, every 3 minutes
	clock.Step(3 * time.Minute)
	res, err := st.CheckIn("BJB-002", logGate2)
	must(res, err)
	must(st.Annul(res.Event.ID, "salah orang", logGate2))
	must(st.WalkIn(model.Volunteer{Name: "Muhammad Rizky", Contingent: "Kota Banjarbaru", Gender: "L"}, logGate1))
	must(st.Excuse("BJB-003", "sakit", "demam", logGate2))
	must(st.Replace("BJB-004", "BJB-005", logGate1))
	must(st.CheckInMany([]string{"TL-001", "TL-002", "TL-003"}, logGate1))
	must(st.Confirm("Kab. Tanah Laut", "H. Ahmad Fauzi", model.PhaseArrival, logGate2))
	return st
}

// logRows are the event rows on screen, without the search box, the
// summary and the column titles.
func logRows(d *screenDriver) []string {
	l := d.s.(*Log)
	lines := strings.Split(d.view(), "\n")
	if l.detail {
		return nil
	}
	return lines[l.searchHeight()+2:]
}

func TestLogListsEveryKindNewestFirst(t *testing.T) {
	cases := []struct {
		lang Lang
		want [][]string // each row's texts, newest first
	}{
		{English, [][]string{
			{"signed off", "Kab. Tanah Laut", "gerbang 2", "Dedi", "by leader H. Ahmad Fauzi"},
			{"arrived", "Gusti Rizky", "TL-003", "gerbang 1", "Rina"},
			{"arrived", "Siti Rahmah"},
			{"arrived", "H. Ahmad Fauzi"},
			{"replaced", "Yusuf Maulana", "replaces Andi Saputra"},
			{"excused", "Nur Aini", "sakit: demam"},
			{"arrived", "Muhammad Rizky", "W-"},
			{"walk-in", "Muhammad Rizky", "Kota Banjarbaru"},
			{"annul", "Rudi Hartono", "salah orang (↶ arrived 08:03)"},
			{"✗", "08:03", "arrived", "Rudi Hartono", "✗ annulled: salah orang"},
			{dayAndTime(testclock.Day(16, 40).AddDate(0, 0, -1), English), "arrived", "Dewi Lestari", "BJB-001", "gerbang 1", "Rina"},
		}},
		{Indonesian, [][]string{
			{"disahkan", "Kab. Tanah Laut", "oleh ketua H. Ahmad Fauzi"},
			{"tiba", "Gusti Rizky"},
			{"tiba", "Siti Rahmah"},
			{"tiba", "H. Ahmad Fauzi"},
			{"pengganti", "Yusuf Maulana", "menggantikan Andi Saputra"},
			{"berhalangan", "Nur Aini", "sakit: demam"},
			{"tiba", "Muhammad Rizky"},
			{"daftar di tempat", "Muhammad Rizky"},
			{"batal", "Rudi Hartono", "salah orang (↶ tiba 08:03)"},
			{"✗", "tiba", "Rudi Hartono", "✗ dibatalkan: salah orang"},
			{dayAndTime(testclock.Day(16, 40).AddDate(0, 0, -1), Indonesian), "tiba", "Dewi Lestari"},
		}},
	}
	st := logStore(t)
	for _, c := range cases {
		d, _ := newLogDriver(t, st, c.lang, 140, 30)
		rows := logRows(d)
		for i, want := range c.want {
			for _, w := range want {
				if !strings.Contains(rows[i], w) {
					t.Errorf("%v: row %d is %q; it does not show %q\n%s", []string{"id", "en"}[c.lang], i+1, rows[i], w, d.view())
				}
			}
		}
		if len(rows) != len(c.want) {
			t.Errorf("%d rows, want %d", len(rows), len(c.want))
		}
		for i, r := range rows {
			if strings.Contains(r, "✗") != (i == 9) {
				t.Errorf("row %d: the annulled mark is wrong: %q", i+1, r)
			}
		}
	}
	d, _ := newLogDriver(t, st, English, 140, 30)
	d.mustShow("11 events, newest first", "1–11")
}

func TestLogSignOffForDeparture(t *testing.T) {
	st := logStore(t)
	if _, err := st.DepartMany([]string{"TL-001", "TL-002", "TL-003"}, logGate1); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Confirm("Kab. Tanah Laut", "H. Ahmad Fauzi", model.PhaseDeparture, logGate2); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Withdraw("Kab. Tanah Laut", model.PhaseDeparture, "belum lengkap", logGate2); err != nil {
		t.Fatal(err)
	}
	d, _ := newLogDriver(t, st, English, 140, 30)
	rows := logRows(d)
	for i, want := range [][]string{
		{"sign-off withdrawn", "Kab. Tanah Laut", "departure · belum lengkap"},
		{"signed off", "by leader H. Ahmad Fauzi · departure"},
		{"departed", "Gusti Rizky"},
	} {
		for _, w := range want {
			if !strings.Contains(rows[i], w) {
				t.Errorf("row %d is %q; it does not show %q", i+1, rows[i], w)
			}
		}
	}
}

func TestLogSearchNarrowsTheRows(t *testing.T) {
	st := logStore(t)
	var newest string
	st.Read(func(s *model.State, _ *model.Index) { newest = s.NewestEvents(0, 1)[0].ID })
	d, l := newLogDriver(t, st, English, 120, 30)
	if !l.CapturesKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}) || l.CapturesKey(tea.KeyMsg{Type: tea.KeyTab}) {
		t.Fatal("the search box must take letters and leave Tab to switch screens")
	}
	count := func() int {
		n := 0
		for _, r := range logRows(d) {
			if strings.TrimSpace(r) != "" {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		query string
		rows  int
		shows []string
	}{
		{"rizky", 3, []string{"Gusti Rizky", "Muhammad Rizky", "walk-in"}},           // by name
		{"bjb-00", 5, []string{"Dewi Lestari", "Yusuf Maulana", "Rudi Hartono"}},     // by ID
		{"GERBANG 2", 4, []string{"signed off", "Nur Aini", "✗ annulled"}},           // by station
		{"dedi", 4, []string{"signed off", "annul", "excused"}},                      // by operator
		{"andi saputra", 1, []string{"replaces Andi Saputra"}},                       // the replaced one
		{newest, 1, []string{"signed off"}},                                          // by event ID
		{"salah orang", 1, []string{"annul"}},                                        // by reason
		{"nobody here", 0, []string{"No event matches \"nobody here\". Esc clears"}}, // nothing
	} {
		d.typeText(c.query)
		if n := count(); n != c.rows {
			t.Errorf("search %q: %d rows, want %d\n%s", c.query, n, c.rows, d.view())
		}
		d.mustShow(c.shows...)
		if c.rows > 0 {
			d.mustShow(fmt.Sprintf("%d of 11 events match", c.rows))
		}
		d.key(tea.KeyEsc)
		if n := count(); n != 11 {
			t.Fatalf("Esc after %q: %d rows, want all 11", c.query, n)
		}
		d.mustShow("11 events, newest first")
	}
	d.typeText("rina")
	d.mustNotShow("Dedi", "Nur Aini")
	d.mustShow("Dewi Lestari", "Muhammad Rizky")
}

// manyEvents is a store with n arrivals, one a minute, the newest last in
// roster order.
func manyEvents(t testing.TB, n int) (*db.Store, []model.Volunteer) {
	roster := model.GenerateRoster(n, 1)
	st := testStoreOn(t, roster, testclock.Stepping(testClock.Add(-time.Duration(n-1)*time.Minute), time.Minute))
	for i := 0; i < n; i += 1000 {
		var ids []string
		for _, v := range roster[i:min(i+1000, n)] {
			ids = append(ids, v.ID)
		}
		if _, err := st.CheckInMany(ids, logGate1); err != nil {
			t.Fatal(err)
		}
	}
	return st, roster
}

// showsName reports whether a row shows a name, perhaps cut short.
func showsName(row, name string) bool {
	if r := []rune(name); len(r) > 10 {
		name = string(r[:10])
	}
	return strings.Contains(row, name)
}

func TestLogScrollsAndRendersOnlyVisibleRows(t *testing.T) {
	const n = 300
	st, roster := manyEvents(t, n)
	d, l := newLogDriver(t, st, English, 80, 21) // the room the app gives a screen at 80x24
	h := l.listHeight()
	if got := len(strings.Split(d.view(), "\n")); got != 21 {
		t.Fatalf("the screen is %d lines, want 21", got)
	}
	if len(l.win) > h+2*max(h, logMargin) {
		t.Fatalf("the log holds %d rows for %d on screen", len(l.win), h)
	}
	rows := logRows(d)
	if len(rows) != h || !showsName(rows[0], roster[n-1].Name) || !showsName(rows[h-1], roster[n-h].Name) {
		t.Fatalf("want the %d newest arrivals, newest first:\n%s", h, d.view())
	}
	d.key(tea.KeyPgDown)
	rows = logRows(d)
	if !showsName(rows[0], roster[n-1-h].Name) {
		t.Fatalf("after pgdown the first row is %q, want %s", rows[0], roster[n-1-h].Name)
	}
	d.mustShow(fmt.Sprintf("%d–%d", h+1, 2*h))
	d.key(tea.KeyEnd)
	rows = logRows(d)
	if !showsName(rows[h-1], roster[0].Name) {
		t.Fatalf("after End the last row is %q, want the oldest, %s", rows[h-1], roster[0].Name)
	}
	if len(l.win) > h+2*max(h, logMargin) {
		t.Fatalf("the log holds %d rows for %d on screen", len(l.win), h)
	}
	d.send(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if rows = logRows(d); !showsName(rows[h-1], roster[logWheelStep].Name) {
		t.Fatalf("the wheel did not scroll up %d rows: %q", logWheelStep, rows[h-1])
	}
	d.key(tea.KeyHome)
	if rows = logRows(d); !showsName(rows[0], roster[n-1].Name) {
		t.Fatalf("after Home the first row is %q", rows[0])
	}
}

func TestLogFollowsNewEvents(t *testing.T) {
	st, roster := manyEvents(t, 100)
	d, l := newLogDriver(t, st, English, 100, 30)
	// At the top: a new check-in appears first.
	if _, err := st.Depart(roster[0].ID, logGate2); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	if rows := logRows(d); !strings.Contains(rows[0], "departed") || !strings.Contains(rows[0], roster[0].Name) {
		t.Fatalf("the new departure is not on top:\n%s", d.view())
	}
	// Reading older events: new ones do not move the rows on screen.
	unmarked := func(row string) string { return strings.TrimLeft(row, "▸ ") }
	d.key(tea.KeyPgDown)
	first := unmarked(logRows(d)[0])
	d.key(tea.KeyDown)
	d.key(tea.KeyEnter)
	selected := l.rowAt(l.sel).ev.ID
	d.key(tea.KeyEsc)
	if _, err := st.Depart(roster[1].ID, logGate2); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	if got := unmarked(logRows(d)[0]); got != first {
		t.Fatalf("the first row moved from %q to %q", first, got)
	}
	if got := l.rowAt(l.sel).ev.ID; got != selected {
		t.Fatalf("the selection moved from %s to %s", selected, got)
	}
	d.mustShow("102 events")
}

func TestLogDetails(t *testing.T) {
	st := logStore(t)
	d, l := newLogDriver(t, st, English, 100, 30)
	for range 9 {
		d.key(tea.KeyDown)
	}
	d.key(tea.KeyEnter)
	if !l.Modal() {
		t.Fatal("the details are open and Esc must close them: the screen is modal")
	}
	d.mustShow("· arrived", "Rudi Hartono · BJB-002", "Kota Banjarbaru", "gerbang 2", "Dedi",
		testclock.Day(8, 3).Format("2006-01-02 15:04:05 MST"), "✗ annulled by", "reason: salah orang")
	d.key(tea.KeyUp)
	d.mustShow("· annul", "Cancels", "salah orang")
	d.key(tea.KeyEsc)
	if l.Modal() {
		t.Fatal("Esc did not close the details")
	}
	d.mustShow("Name / contingent")
}

// Golden screens: the log as the app shows it at 80x24 and 120x40 (the
// screen gets all but the header, status and help lines), in both
// languages. The store's random station ID is masked. Update with:
// go test ./ui -run TestGoldenLog -update
func TestGoldenLog(t *testing.T) {
	eachGoldenScreen(t, func(t *testing.T, lang Lang, size [2]int) {
		st := logStore(t)
		d, _ := newLogDriver(t, st, lang, size[0], size[1]-3)
		// Walk-in IDs carry the station ID in upper case.
		masked := strings.NewReplacer(st.StationID(), "stn001", strings.ToUpper(st.StationID()), "STN001")
		shot := func() []byte { return []byte(masked.Replace(d.view())) }
		t.Run("list", func(t *testing.T) { requireGolden(t, shot()) })
		for range 9 {
			d.key(tea.KeyDown)
		}
		d.key(tea.KeyEnter)
		t.Run("details", func(t *testing.T) { requireGolden(t, shot()) })
		d.key(tea.KeyEsc)
		d.typeText("gerbang 2")
		t.Run("search", func(t *testing.T) { requireGolden(t, shot()) })
	})
}

// BenchmarkLogView is one reload and redraw of the log at 3,000 and
// 100,000 events: with no search (a page is read) and with one, searched
// from scratch (every event is scanned: "siti" looks up every name,
// "gerbang" matches every event by its station).
func BenchmarkLogView(b *testing.B) {
	withColour(b)
	for _, n := range []int{3000, 100000} {
		st, _ := manyEvents(b, n)
		for _, filter := range []string{"", "siti", "gerbang"} {
			b.Run(fmt.Sprintf("events=%d/filter=%s", n, orDash(filter)), func(b *testing.B) {
				d, l := newLogDriver(b, st, English, 120, 37)
				d.typeText(filter)
				if l.total == 0 {
					b.Fatal("nothing to draw")
				}
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					l.found = logMatchSet{} // search from scratch, not from the last answer
					d.send(storeChangedMsg{})
					_ = d.view()
				}
			})
		}
	}
}

// The search is kept up to date without scanning every event when it need
// not: check-ins after it, and a longer query. Each shortcut must find what
// a full scan finds.
func TestLogSearchShortcutsFindWhatAScanFinds(t *testing.T) {
	st, roster := manyEvents(t, 400)
	d, l := newLogDriver(t, st, English, 120, 30)
	same := func(what string) {
		t.Helper()
		var want []string
		st.Read(func(s *model.State, _ *model.Index) { want = scanLog(s, l.query(), l.kindWords) })
		if strings.Join(l.found.ids, ",") != strings.Join(want, ",") {
			t.Fatalf("%s: the search %q found %d events, a full scan %d", what, l.query(), len(l.found.ids), len(want))
		}
		if l.total != len(want) {
			t.Fatalf("%s: %d rows listed, %d match", what, l.total, len(want))
		}
	}
	for _, r := range "siti" {
		d.typeText(string(r))
		same("typing")
	}
	// New events while the search is open: one matches, one does not.
	var siti, other model.Volunteer
	for _, v := range roster {
		if strings.Contains(strings.ToLower(v.Name), "siti") {
			siti = v
		} else {
			other = v
		}
	}
	for _, v := range []model.Volunteer{siti, other} {
		if _, err := st.Depart(v.ID, logGate2); err != nil {
			t.Fatal(err)
		}
		d.send(storeChangedMsg{})
		same("after a departure")
	}
	if rows := logRows(d); !strings.Contains(rows[0], "departed") || !showsName(rows[0], siti.Name) {
		t.Fatalf("the new matching departure is not on top: %q", rows[0])
	}
	// A walk-in adds a name: the search starts over.
	if _, err := st.WalkIn(model.Volunteer{Name: "Siti Walkin", Contingent: roster[0].Contingent}, logGate1); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	same("after a walk-in")
	d.mustShow("Siti Walkin")
	d.key(tea.KeyBackspace)
	same("after a backspace")
}

// BenchmarkLogTyping is typing "siti" into the empty search, a keystroke
// at a time, each a search and a redraw: the cost of a query as typed.
func BenchmarkLogTyping(b *testing.B) {
	withColour(b)
	for _, n := range []int{3000, 100000} {
		st, _ := manyEvents(b, n)
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			d, l := newLogDriver(b, st, English, 120, 37)
			b.ResetTimer()
			for range b.N {
				l.input.SetValue("")
				for _, r := range "siti" {
					d.typeText(string(r))
					_ = d.view()
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(4*b.N), "ns/keystroke")
		})
	}
}

// BenchmarkLogLiveUpdate is the log with a search open when a check-in is
// written elsewhere: the reload and redraw that follow.
func BenchmarkLogLiveUpdate(b *testing.B) {
	withColour(b)
	for _, n := range []int{3000, 100000} {
		st, roster := manyEvents(b, n)
		b.Run(fmt.Sprintf("events=%d/filter=siti", n), func(b *testing.B) {
			d, _ := newLogDriver(b, st, English, 120, 37)
			d.typeText("siti")
			b.ResetTimer()
			for i := range b.N {
				b.StopTimer()
				if _, err := st.Depart(roster[i%n].ID, logGate2); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				d.send(storeChangedMsg{})
				_ = d.view()
			}
		})
	}
}

// Every width from the smallest the app allows: no line overflows, and the
// screen fills exactly the height it is given.
func TestLogFitsEveryWidth(t *testing.T) {
	st := logStore(t)
	for _, w := range []int{70, 80, 99, 100, 120, 200} {
		for _, lang := range []Lang{Indonesian, English} {
			d, l := newLogDriver(t, st, lang, w, 17)
			check := func(what string) {
				t.Helper()
				lines := strings.Split(d.view(), "\n")
				for _, line := range lines {
					if lw := lipgloss.Width(line); lw > w {
						t.Fatalf("%d wide, %s: a line is %d wide: %q", w, what, lw, line)
					}
				}
				if len(lines) > 17 {
					t.Fatalf("%d wide, %s: %d lines for 17", w, what, len(lines))
				}
			}
			check("list")
			d.key(tea.KeyDown)
			d.key(tea.KeyEnter)
			check("details")
			d.key(tea.KeyEsc)
			l.Update(langChangedMsg{})
		}
	}
}

func TestLogPlaceholderFollowsTheLanguage(t *testing.T) {
	st := logStore(t)
	d, l := newLogDriver(t, st, English, 100, 20)
	d.mustShow("Search a name, ID, station, operator or event ID")
	l.c.Lang = Indonesian
	d.send(langChangedMsg{})
	d.mustShow("Cari nama, ID, pos, petugas atau ID peristiwa", "11 peristiwa")
}
