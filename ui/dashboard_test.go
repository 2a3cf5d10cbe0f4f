package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// dashChrome is the app's header, status and help lines around a screen.
const dashChrome = 3

// newDashboardDriver opens the dashboard on the store, at the size the app
// gives a screen in a terminal of w×h.
func newDashboardDriver(t testing.TB, st *db.Store, lang Lang, w, h int) (*screenDriver, *Dashboard) {
	d, _ := newScreenDriver(t, st, lang, w, h-dashChrome, func(c *Common) Screen { return newDashboard(c) })
	return d, d.s.(*Dashboard)
}

// dashWITA is a wall-clock time at the campsite on the tests' day.
func dashWITA(hour, minute int) time.Time { return testclock.Day(hour, minute) }

var (
	dashGate1 = db.Actor{Station: "gerbang 1", Operator: "Rina"}
	dashGate2 = db.Actor{Station: "gerbang 2", Operator: "Yusuf"}
)

// dashRosterIDs lists the volunteers contingent by contingent, in the demo
// roster's order: Kab. Balangan's 100 first.
func dashRosterIDs(st *db.Store) []string {
	var ids []string
	st.Read(func(s *model.State, _ *model.Index) {
		for _, c := range model.Contingents {
			ids = append(ids, s.Members(c)...)
		}
	})
	return ids
}

// dashArriveByQuarter checks volunteers in, in roster order, spread over
// quarter hours from 07:00 with the given counts, alternating two gates.
func dashArriveByQuarter(t testing.TB, st *db.Store, clock *testclock.Clock, ids []string, perQuarter []int) int {
	t.Helper()
	next := 0
	for q, n := range perQuarter {
		clock.Set(dashWITA(7, 0).Add(time.Duration(q)*15*time.Minute + 30*time.Second))
		clock.Step(14 * time.Minute / time.Duration(max(n, 1)))
		by := []db.Actor{dashGate1, dashGate2}[q%2]
		if _, err := st.CheckInMany(ids[next:next+n], by); err != nil {
			t.Fatal(err)
		}
		next += n
	}
	return next
}

// dashMorning is the golden scenario: 468 arrivals between 07:00 and 10:00,
// Balangan (the first 100) signed off and then one of them annulled, and a
// walk-in.
func dashMorning(t testing.TB) *db.Store {
	t.Helper()
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	ids := dashRosterIDs(st)
	dashArriveByQuarter(t, st, clock, ids, []int{4, 9, 16, 27, 44, 61, 72, 66, 58, 41, 30, 18, 12, 6, 4})
	clock.Set(dashWITA(10, 50))
	clock.Step(time.Minute)
	if _, err := st.Confirm("Kab. Balangan", "H. Rahmadi", model.PhaseArrival, dashGate1); err != nil {
		t.Fatal(err)
	}
	p, _ := st.Person(ids[7])
	if _, err := st.Annul(p.Arrival.ID, "salah orang", dashGate1); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WalkIn(model.Volunteer{Name: "Gusti Randi Pratama", Contingent: "Kab. Tapin", Pillar: "Tagana", Gender: "L"}, dashGate2); err != nil {
		t.Fatal(err)
	}
	return st
}

// Golden screens at 80x24 and 120x40 in both languages, and the end of the
// short one scrolled (the screen's part: the app draws its header, status
// and help lines around it). Update with:
// go test ./ui -run Dashboard -update
func TestDashboardGolden(t *testing.T) {
	eachGoldenScreen(t, func(t *testing.T, lang Lang, size [2]int) {
		st := dashMorning(t)
		d, dash := newDashboardDriver(t, st, lang, size[0], size[1])
		t.Run("top", func(t *testing.T) { requireGolden(t, []byte(d.view())) })
		if dash.scrollable() { // the rest, scrolled to the end
			for range 3 {
				d.key(tea.KeyPgDown)
			}
			t.Run("end", func(t *testing.T) { requireGolden(t, []byte(d.view())) })
		}
	})
}

// dashChartArea is the chart's bars and time labels as the screen shows them.
func dashChartArea(t *testing.T, view, title string) string {
	t.Helper()
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		if strings.Contains(l, title) {
			for j := i + 1; j < len(lines); j++ {
				if strings.Contains(lines[j], "└") {
					return strings.Join(lines[i+1:min(j+2, len(lines))], "\n")
				}
			}
		}
	}
	t.Fatalf("no chart titled %q on the screen:\n%s", title, view)
	return ""
}

func TestDashboardTotalsAndChartFollowTheStore(t *testing.T) {
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	d, _ := newDashboardDriver(t, st, English, 120, 40)
	d.mustShow("Arrived 0 of 3,000 expected (0.0%)", "No arrivals yet.", "Nobody has arrived yet.", "✓ To check 0")

	ids := dashRosterIDs(st)
	clock.Set(dashWITA(9, 1))
	clock.Step(10 * time.Second)
	if _, err := st.CheckInMany(ids[:30], dashGate1); err != nil {
		t.Fatal(err)
	}
	d.mustShow("Arrived 0 of 3,000") // nothing changes until the store says so
	d.send(storeChangedMsg{})
	d.mustShow("Arrived 30 of 3,000 expected (1.0%)", "✓ On site 30", "· Not arrived 2,970", "peak 30 at 09:00")
	before := dashChartArea(t, d.view(), "Arrivals per 15 minutes")
	if !strings.Contains(before, "09:00") || !strings.Contains(before, "█") {
		t.Fatalf("the chart does not show the 09:00 quarter:\n%s", before)
	}

	clock.Set(dashWITA(9, 31))
	if _, err := st.CheckInMany(ids[30:45], dashGate2); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	after := dashChartArea(t, d.view(), "Arrivals per 15 minutes")
	if after == before {
		t.Fatalf("the chart did not change after 15 more arrivals:\n%s", after)
	}
	d.mustShow("Arrived 45 of 3,000 expected (1.5%)")
	// Three quarters now: 09:00 (30), 09:15 (none), 09:30 (15, half as tall).
	bars := strings.Split(after, "\n")
	if top := bars[0]; !strings.HasPrefix(top, "30 ┤██") || strings.Contains(top[len("30 ┤██"):], "█") {
		t.Errorf("the top row should hold only the 09:00 bar, scaled to 30:\n%s", after)
	}
}

func TestDashboardLatestArrivalsNewestFirst(t *testing.T) {
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	names := map[string]string{}
	for i, id := range []string{"JRS-BLG-0002", "JRS-BJR-0003", "JRS-BJM-0002"} {
		clock.Set(dashWITA(9, 5*i))
		by := []db.Actor{dashGate1, dashGate2}[i%2]
		res, err := st.CheckIn(id, by)
		if err != nil {
			t.Fatal(err)
		}
		names[id] = res.Person.Name
	}
	d, _ := newDashboardDriver(t, st, English, 120, 40)
	v := d.view()
	rows := []string{
		"09:10 Muhammad Rahman",
		"09:05 Soedjatmoko",
		"09:00 Siti Aisyah",
	}
	last := -1
	for _, r := range rows {
		i := strings.Index(v, r)
		if i < 0 || i < last {
			t.Fatalf("the latest arrivals are not newest first (%q):\n%s", r, v)
		}
		last = i
	}
	d.mustShow("Kota Banjarmasin  ", "gerbang 1", "gerbang 2")
}

func TestDashboardPillarsAndContingentsMatchTheState(t *testing.T) {
	st := dashMorning(t)
	d, _ := newDashboardDriver(t, st, Indonesian, 160, 60)
	lines := strings.Split(d.view(), "\n")
	var total model.Tally
	var pillars []model.PillarTally
	var contingents []model.Contingent
	st.Read(func(s *model.State, _ *model.Index) {
		total, pillars, contingents = s.Totals(), s.Pillars(), s.Contingents()
	})
	d.mustShow(fmt.Sprintf("Tiba %d dari 3.001 yang diharapkan", total.Arrived))
	// row finds the line that shows label with its counts, and returns its index.
	row := func(label string, tl model.Tally) int {
		t.Helper()
		counts := d.s.(*Dashboard).c.Number(tl.Arrived) + "/" + d.s.(*Dashboard).c.Number(tl.Expected)
		for n, l := range lines {
			if i := strings.LastIndex(l, label); i >= 0 && strings.Contains(l[i:], " "+counts) {
				return n
			}
		}
		t.Errorf("no row shows %q with %s:\n%s", label, counts, strings.Join(lines, "\n"))
		return -1
	}
	prev := -1
	for _, c := range contingents { // sorted by name, as the State gives them
		n := row(c.Name+" ", c.Tally)
		if n <= prev {
			t.Errorf("%s is listed out of order", c.Name)
		}
		prev = n
	}
	for _, p := range pillars {
		label := p.Pillar
		if i := strings.LastIndex(label, " ("); i > 0 { // long names keep their abbreviation
			label = label[i+1:]
		}
		row(label, p.Tally)
	}
}

func TestDashboardDoubleArrival(t *testing.T) {
	// Two stations that worked apart both checked Siti Aisyah in; the store
	// cannot merge their records yet, so the state is folded from events.
	at := func(h, m int) time.Time { return dashWITA(h, m).UTC() }
	events := []model.Event{
		{ID: "S1-000001", Kind: model.KindArrive, Volunteer: "JRS-BLG-0002", At: at(9, 0), Station: "gerbang 1", Operator: "Rina"},
		{ID: "S2-000001", Kind: model.KindArrive, Volunteer: "JRS-BLG-0002", At: at(9, 20), Station: "gerbang 2", Operator: "Yusuf"},
		{ID: "S2-000002", Kind: model.KindArrive, Volunteer: "JRS-BLG-0003", At: at(9, 21), Station: "gerbang 2", Operator: "Yusuf"},
	}
	state, err := model.Fold(model.DemoRoster(), events)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []Lang{English, Indonesian} {
		d, dash := newDashboardDriver(t, testStore(t, nil), lang, 120, 40)
		dash.show(dashboardSnapshot(state))
		if lang == English {
			d.mustShow("Arrived 2 of 3,000", "! To check 1", "To check (1)",
				"! 09:20  arrived twice: Siti Aisyah", "Kab. Balangan · 09:00 at gerbang 1, again 09:20 at gerbang 2")
		} else {
			d.mustShow("Tiba 2 dari 3.000", "! Perlu diperiksa 1",
				"! 09:20  tiba dua kali: Siti Aisyah", "Kab. Balangan · 09:00 di gerbang 1, lagi 09:20 di gerbang 2")
		}
	}
}

func TestDashboardWalkInAndVoidSignOff(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newDashboardDriver(t, st, English, 120, 40)
	var balangan []string
	st.Read(func(s *model.State, _ *model.Index) { balangan = s.Members("Kab. Balangan") })
	res, err := st.CheckInMany(balangan, dashGate1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Confirm("Kab. Balangan", "H. Rahmadi", model.PhaseArrival, dashGate1); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.mustShow("✓ To check 0", "To check (0)", "✓ Nothing", "✓ Kab. Balangan")

	if _, err := st.Annul(res[4].Event.ID, "salah orang", dashGate1); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WalkIn(model.Volunteer{Name: "Gusti Randi", Contingent: "Kab. Tapin", Gender: "L"}, dashGate2); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.mustShow("! To check 2", "To check (2)",
		"+ "+hhmm(testClock)+"  walk-in (not on the roster): Gusti Randi", "Kab. Tapin · registered at gerbang 2 by Yusuf",
		"✗ "+hhmm(testClock)+"  sign-off no longer valid: Kab. Balangan", "signed off by H. Rahmadi; now 1 not arrived",
		"! Kab. Balangan", "Arrived 100 of 3,001 expected")
	d.mustNotShow("✓ Kab. Balangan")
}

func TestDashboardScrollsOnAShortScreen(t *testing.T) {
	st := dashMorning(t)
	d, dash := newDashboardDriver(t, st, English, 80, 24)
	d.mustShow("Arrived 468 of 3,001", "! To check 2", "Arrivals per 15 minutes", "07:00", "Latest arrivals", "10:52 Gusti Randi Pratama", "▼ lines 1–20 of")
	d.mustNotShow("By contingent")
	if n := strings.Count(d.view(), "\n") + 1; n != 21 {
		t.Errorf("the dashboard draws %d lines in the 21 it has", n)
	}
	if !dashHasHelp(dash.ShortHelp(), "scroll") {
		t.Error("the help line does not say the dashboard scrolls")
	}
	d.key(tea.KeyPgDown)
	d.mustShow("To check (2)", "By pillar", "By contingent", "▲▼")
	d.key(tea.KeyPgDown)
	d.mustShow("Prov. Jawa Barat", "Prov. Kalimantan Tim…", "Wanita Pemimpi… (WPKS)")
	d.mustNotShow("▼")
	d.key(tea.KeyPgUp)
	d.key(tea.KeyPgUp)
	d.key(tea.KeyUp)
	d.mustShow("Arrived 468 of 3,001", "▼ lines 1–20")

	// A taller window needs no scrolling, and the help says nothing of it.
	_, tall := newDashboardDriver(t, st, English, 120, 40)
	if dashHasHelp(tall.ShortHelp(), "scroll") {
		t.Error("the help offers scrolling when everything fits")
	}
}

func dashHasHelp(bs []key.Binding, desc string) bool {
	for _, b := range bs {
		if b.Help().Desc == desc {
			return true
		}
	}
	return false
}

func TestDashboardChartShowsTheLatestQuarters(t *testing.T) {
	clock := testclock.New(testClock)
	st := testStoreOn(t, nil, clock)
	ids := dashRosterIDs(st)
	counts := make([]int, 40) // 07:00 to 16:45, one arrival a quarter
	for i := range counts {
		counts[i] = 1 + i%3
	}
	dashArriveByQuarter(t, st, clock, ids, counts)
	d, _ := newDashboardDriver(t, st, English, 80, 24)
	chart := dashChartArea(t, d.view(), "Arrivals per 15 minutes")
	if !strings.Contains(chart, "16:00") || strings.Contains(chart, "07:00") {
		t.Errorf("the chart should show the most recent quarters, up to 16:45:\n%s", chart)
	}
	for _, l := range strings.Split(chart, "\n") {
		if w := lipgloss.Width(l); w > 80 || strings.Contains(l, "…") {
			t.Errorf("a chart line is cut, or %d cells wide in 80: %q", w, l)
		}
	}
}

func TestDashboardDropsAnOlderReply(t *testing.T) {
	st := testStore(t, nil)
	d, dash := newDashboardDriver(t, st, English, 120, 40)
	older := dash.load()()
	if _, err := st.CheckIn("JRS-BLG-0002", dashGate1); err != nil {
		t.Fatal(err)
	}
	newer := dash.load()()
	d.send(newer, older)
	d.mustShow("Arrived 1 of 3,000")
}

func TestDashboardLanguageSwitch(t *testing.T) {
	st := testStore(t, nil)
	d, dash := newDashboardDriver(t, st, Indonesian, 120, 40)
	d.mustShow("Kedatangan terakhir", "Per kontingen")
	dash.c.Lang = English
	d.send(langChangedMsg{})
	d.mustShow("Latest arrivals", "By contingent")
	if dash.Title() != "Summary" || dash.CapturesKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3")}) || dash.Modal() {
		t.Error("the dashboard must let number keys switch screens and open no dialog")
	}
}

func TestDashShortName(t *testing.T) {
	cases := []struct {
		name  string
		width int
		want  string
	}{
		{"Tagana", 20, "Tagana"},
		{"Pekerja Sosial Masyarakat (PSM)", 40, "Pekerja Sosial Masyarakat (PSM)"},
		{"Pekerja Sosial Masyarakat (PSM)", 22, "Pekerja Sosial… (PSM)"},
		{"Wanita Pemimpin Kesejahteraan Sosial (WPKS)", 18, "Wanita Pem… (WPKS)"},
		{"Wanita Pemimpin Kesejahteraan Sosial (WPKS)", 9, "Wanita P…"},
		{"Kab. Hulu Sungai Selatan", 12, "Kab. Hulu S…"},
	}
	for _, c := range cases {
		if got := dashShortName(c.name, c.width); got != c.want {
			t.Errorf("dashShortName(%q, %d) = %q, want %q", c.name, c.width, got, c.want)
		}
	}
}

func TestDashBigNumber(t *testing.T) {
	want := "" +
		"▄█    ▀▀█ █▀█ █ █\n" +
		" █    █▀▀ █ █ ▀▀█\n" +
		"▀▀▀ ▀ ▀▀▀ ▀▀▀   ▀"
	if got := dashBigNumber("1.204"); got != want {
		t.Fatalf("1.204 in large digits:\n%s\nwant:\n%s", got, want)
	}
}

// BenchmarkDashboard is switching to the dashboard, or a change at a gate:
// one reload (the command and its message) and one redraw, with 3,000
// arrivals in rosters of 3,000 and 100,000. The State keeps the counts, so
// the two should cost the same.
func BenchmarkDashboard(b *testing.B) {
	withColour(b)
	for _, n := range []int{3000, 100000} {
		b.Run(fmt.Sprintf("volunteers=%d", n), func(b *testing.B) {
			roster := model.GenerateRoster(n, 1)
			st := testStore(b, roster)
			ids := make([]string, len(roster))
			for i, v := range roster {
				ids[i] = v.ID
			}
			if _, err := st.CheckInMany(ids[:3000], dashGate1); err != nil {
				b.Fatal(err)
			}
			_, dash := newDashboardDriver(b, st, English, 120, 40)
			load := dash.load()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				dash.Update(load())
				_ = dash.View()
			}
		})
	}
}
