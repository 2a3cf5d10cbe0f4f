package ui

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// How much detail the dashboard copies out of the State.
const (
	dashLatestN  = 10 // the latest arrivals listed
	dashAnomalyN = 8  // anomalies kept in detail; the count covers them all
)

// Dashboard is the committee's summary (Ringkasan): the total, arrivals per
// quarter hour, the latest arrivals, what needs checking, and the count per
// pillar and contingent. It draws a snapshot copied from the State's running
// aggregates, so neither a reload nor a redraw grows with the roster.
type Dashboard struct {
	c      *Common
	snap   dashSnapshot
	loaded bool

	// lines is the whole content drawn for the current snapshot, size and
	// language; scrolling only moves the window over it.
	lines []string
	top   int

	width, height int

	// report is the last report written with the p key, or being written.
	report dashReport
}

// dashReport is where the dashboard's report went, or why it did not.
type dashReport struct {
	writing bool
	path    string
	err     error
}

// dashReportKey writes the printable report beside the store (p for
// print; "laporan" has no free letter here).
var dashReportKey = key.NewBinding(key.WithKeys("p"))

// reportWrittenMsg says the report file is written, or why not.
type reportWrittenMsg struct {
	path string
	err  error
}

// dashSnapshot is what the dashboard shows, copied out of the State under
// its lock: it shares no pointers with it. dashboardSnapshot builds one from
// any State, so tests can draw states the store cannot produce yet.
type dashSnapshot struct {
	version      uint64
	total        model.Tally
	pillars      []model.PillarTally  // sorted by name
	contingents  []dashContingent     // sorted by name
	quarters     []model.QuarterCount // oldest first, gaps filled
	latest       []dashArrival        // newest first
	anomalyCount int
	anomalies    []dashAnomaly // the newest dashAnomalyN, newest first
	unknownScans int           // unknown badges scanned today (since midnight WITA)
	unknownCodes []string      // their codes, each once, newest first
}

// toCheck is how many things the committee should look at: the anomalies,
// and the unknown badges scanned today as one.
func (s dashSnapshot) toCheck() int {
	if s.unknownScans > 0 {
		return s.anomalyCount + 1
	}
	return s.anomalyCount
}

type dashContingent struct {
	name string
	model.Tally
	signOffBroken bool // signed off, and no longer complete
}

type dashArrival struct {
	at                        time.Time
	name, contingent, station string
}

// dashStamp is when, where and by whom something was recorded.
type dashStamp struct {
	at                time.Time
	station, operator string
}

// dashAnomaly is one thing to check, with what the committee needs to act.
type dashAnomaly struct {
	kind             model.AnomalyKind
	at               time.Time
	name, contingent string    // the volunteer and their contingent, or the contingent signed off
	first            dashStamp // the first arrival, or the sign-off
	again            dashStamp // double arrival: the second arrival
	moreAgain        int       // double arrival: arrivals beyond the second
	leader           string    // sign-off: who signed
	missing          int       // sign-off: members not arrived now
}

// dashboardLoadedMsg carries a fresh snapshot.
type dashboardLoadedMsg struct{ snap dashSnapshot }

func newDashboard(c *Common) *Dashboard { return &Dashboard{c: c} }

func (d *Dashboard) Title() string { return d.c.T("dashboard.title") }

func (d *Dashboard) Init() tea.Cmd { return d.load() }

// CapturesKey: the dashboard takes no text, so digits switch screens; it
// takes only its report key.
func (d *Dashboard) CapturesKey(msg tea.KeyMsg) bool { return key.Matches(msg, dashReportKey) }

func (d *Dashboard) Modal() bool { return false }

func (d *Dashboard) SetSize(w, h int) {
	if w != d.width || h != d.height {
		d.width, d.height = w, h
		d.lines = nil
	}
}

func (d *Dashboard) ShortHelp() []key.Binding {
	k := d.c.Keys
	report := d.c.leadersOnly(withHelp(dashReportKey, "p", d.c.T("dashboard.key_report")))
	if !d.scrollable() {
		return []key.Binding{report, k.NextScreen}
	}
	return []key.Binding{
		withHelp(k.Up, "↑/↓", d.c.T("dashboard.key_scroll")),
		withHelp(k.PageUp, "pgup/pgdn", d.c.T("key.page")),
		report,
		k.NextScreen,
	}
}

func (d *Dashboard) FullHelp() [][]key.Binding {
	k := d.c.Keys
	return [][]key.Binding{{
		withHelp(k.Up, "↑/↓", d.c.T("dashboard.key_scroll")),
		withHelp(k.PageUp, "pgup/pgdn", d.c.T("key.page")),
		d.c.leadersOnly(withHelp(dashReportKey, "p", d.c.T("dashboard.key_report"))),
	}}
}

// writeReport writes the printable report beside the store, in the
// session's language.
func (d *Dashboard) writeReport() tea.Cmd {
	st, lang, now := d.c.Store, d.c.Lang, d.c.Now()
	return func() tea.Msg {
		path, err := saveReport(st, lang, now)
		return reportWrittenMsg{path: path, err: err}
	}
}

// load reads the snapshot. It calls only the State's aggregate readers:
// their cost is the number of contingents, pillars, quarters and anomalies.
func (d *Dashboard) load() tea.Cmd {
	st, now := d.c.Store, d.c.Now()
	return func() tea.Msg {
		var snap dashSnapshot
		st.Read(func(s *model.State, _ *model.Index) {
			snap = dashboardSnapshot(s)
			snap.unknownScans, snap.unknownCodes = unknownScansToday(s, now)
		})
		return dashboardLoadedMsg{snap: snap}
	}
}

// dashboardSnapshot copies what the dashboard shows out of a State.
func dashboardSnapshot(s *model.State) dashSnapshot {
	snap := dashSnapshot{
		version:  s.Version(),
		total:    s.Totals(),
		pillars:  s.Pillars(),
		quarters: s.ArrivalsPerQuarter(),
	}
	for _, c := range s.Contingents() {
		snap.contingents = append(snap.contingents, dashContingent{
			name: c.Name, Tally: c.Tally, signOffBroken: c.Confirm != nil && !c.ConfirmValid,
		})
	}
	for _, p := range s.LatestArrivals(dashLatestN) {
		a := dashArrival{name: p.Name, contingent: p.Contingent}
		if p.Arrival != nil {
			a.at, a.station = p.Arrival.At, p.Arrival.Station
		}
		snap.latest = append(snap.latest, a)
	}
	all := s.Anomalies()
	snap.anomalyCount = len(all)
	for _, a := range all[:min(len(all), dashAnomalyN)] {
		snap.anomalies = append(snap.anomalies, dashAnomalyOf(s, a))
	}
	return snap
}

// unknownScansToday counts the unknown badges scanned since midnight (the
// campsite's day) and lists their codes, each once, newest first.
func unknownScansToday(s *model.State, now time.Time) (int, []string) {
	notes := s.Notes(model.StartOfDay(now))
	n, seen := 0, map[string]bool{}
	var codes []string
	for i := len(notes) - 1; i >= 0; i-- {
		if notes[i].Reason != model.NoteUnknownBadge {
			continue
		}
		n++
		if code := notes[i].Note; !seen[code] {
			seen[code] = true
			codes = append(codes, code)
		}
	}
	return n, codes
}

func dashStampOf(e *model.Event) dashStamp {
	if e == nil {
		return dashStamp{}
	}
	return dashStamp{at: e.At, station: e.Station, operator: e.Operator}
}

func dashAnomalyOf(s *model.State, a model.Anomaly) dashAnomaly {
	out := dashAnomaly{kind: a.Kind, at: a.At, contingent: a.Contingent}
	switch a.Kind {
	case model.AnomalyDoubleArrival, model.AnomalyWalkIn:
		out.name = a.Volunteer
		p, ok := s.Person(a.Volunteer)
		if !ok {
			break
		}
		if p.Name != "" {
			out.name = p.Name
		}
		out.contingent = p.Contingent
		out.first = dashStampOf(p.Arrival)
		if n := len(p.Duplicates); n > 0 {
			out.again = dashStampOf(p.Duplicates[0])
			out.moreAgain = n - 1
		}
	case model.AnomalySignOffInvalid:
		c, ok := s.Contingent(a.Contingent)
		if !ok {
			break
		}
		out.first = dashStampOf(c.Confirm)
		if c.Confirm != nil {
			out.leader = c.Confirm.Leader
		}
		out.missing = c.Missing
	}
	return out
}

// Update reloads on every change of the store and scrolls on keys.
func (d *Dashboard) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case storeChangedMsg:
		return d.load()
	case dashboardLoadedMsg:
		// Reloads run concurrently: a reply older than the one shown is dropped.
		if !d.loaded || msg.snap.version >= d.snap.version {
			d.show(msg.snap)
		}
	case langChangedMsg:
		d.lines = nil
	case reportWrittenMsg:
		d.report = dashReport{path: msg.path, err: msg.err}
		d.clampTop()
	case tea.KeyMsg:
		k := d.c.Keys
		switch {
		case key.Matches(msg, dashReportKey):
			if d.report.writing {
				return nil
			}
			if d.c.gateLogin() { // files on the serving laptop are its owner's
				d.report = dashReport{err: errors.New(d.c.T("role.no_report_writes"))}
				d.clampTop()
				return nil
			}
			d.report = dashReport{writing: true}
			d.clampTop()
			return d.writeReport()
		case key.Matches(msg, k.Up):
			d.scroll(-1)
		case key.Matches(msg, k.Down):
			d.scroll(1)
		case key.Matches(msg, k.PageUp):
			d.scroll(-d.page())
		case key.Matches(msg, k.PageDown):
			d.scroll(d.page())
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				d.scroll(-3)
			case tea.MouseButtonWheelDown:
				d.scroll(3)
			}
		}
	}
	return nil
}

// show puts a snapshot on screen.
func (d *Dashboard) show(snap dashSnapshot) {
	d.snap, d.loaded, d.lines = snap, true, nil
}

// content is the whole dashboard drawn at the current width, built once
// per snapshot, size and language.
func (d *Dashboard) content() []string {
	if d.lines != nil || d.width <= 0 || d.height <= 0 {
		return d.lines
	}
	var s string
	switch {
	case !d.loaded:
		s = d.c.Styles.Muted.Render(d.c.T("dashboard.loading"))
	case d.width >= dashWideWidth && d.height >= dashWideHeight:
		s = d.wideLayout()
	default:
		s = d.narrowLayout()
	}
	d.lines = strings.Split(s, "\n")
	for i, l := range d.lines {
		d.lines[i] = truncate(l, d.width)
	}
	d.clampTop()
	return d.lines
}

// room is the lines the content has: the screen, less the report's line
// while there is one.
func (d *Dashboard) room() int {
	if d.reportLine() != "" {
		return max(1, d.height-1)
	}
	return d.height
}

// scrollable reports whether the content is taller than the screen.
func (d *Dashboard) scrollable() bool { return len(d.content()) > d.room() }

// page is how many content lines one screen shows when scrolling: one line
// is kept for the scroll position.
func (d *Dashboard) page() int { return max(1, d.room()-1) }

func (d *Dashboard) scroll(delta int) {
	d.top += delta
	d.clampTop()
}

func (d *Dashboard) clampTop() {
	if !d.scrollable() {
		d.top = 0
		return
	}
	d.top = max(0, min(d.top, len(d.lines)-d.page()))
}
