package ui

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

// From this size the dashboard has two columns: the totals, chart, latest
// arrivals and anomalies on the left, contingents and pillars on the right.
// Below it everything is one column that scrolls, and the first screen holds
// what matters most: the total (with the anomaly count), the chart and the
// newest arrivals.
const (
	dashWideWidth  = 110
	dashWideHeight = 30
)

// Fixed parts of the layout, in lines.
const (
	dashChartChrome  = 3 // the chart's heading, baseline and time labels
	dashFirstLatest  = 7 // the latest arrivals' heading and six rows, on a short screen's first page
	dashMinBars      = 4
	dashMaxBars      = 14
	dashAnomalyLines = 2 // lines per anomaly
)

// View draws the window of the content that fits, and the report's line.
func (d *Dashboard) View() string {
	view := d.window()
	if line := d.reportLine(); line != "" {
		view += "\n" + line
	}
	return view
}

// reportLine says where the p key's report was written, or why not; empty
// before the key is pressed.
func (d *Dashboard) reportLine() string {
	st, c, r := d.c.Styles, d.c, d.report
	var s string
	switch {
	case r.writing:
		s = st.Muted.Render("… " + c.T("dashboard.report_writing"))
	case r.err != nil:
		s = st.WarnText.Render("✗ " + c.T("dashboard.report_failed", r.err.Error()))
	case r.path != "":
		// The file's name first: a narrow screen cuts the folder, not the name.
		s = st.OKText.Render("✓ " + c.T("dashboard.report_written", filepath.Base(r.path), filepath.Dir(r.path)))
	default:
		return ""
	}
	return truncate(s, d.width)
}

// window is the part of the content that fits, with the scroll position
// on the last line when there is more.
func (d *Dashboard) window() string {
	lines := d.content()
	if len(lines) <= d.room() {
		return strings.Join(lines, "\n")
	}
	n := d.page()
	shown := lines[d.top : d.top+n]
	mark := " "
	if d.top > 0 {
		mark = "▲"
	}
	if d.top+n < len(lines) {
		mark += "▼"
	} else {
		mark += " "
	}
	pos := d.c.T("dashboard.scroll", d.c.Number(d.top+1), d.c.Number(d.top+n), d.c.Number(len(lines)))
	status := d.c.Styles.Muted.Render(truncate(mark+" "+pos, d.width))
	return strings.Join(shown, "\n") + "\n" + status
}

func (d *Dashboard) narrowLayout() string {
	w, h := d.width, d.height
	totals := d.totalsView(w)
	// A short screen drops the blank lines around the chart (the headings'
	// rules still part the panels) so the first page holds more of it.
	gap := []string{""}
	if h < dashWideHeight {
		gap = nil
	}
	bars := max(dashMinBars, min(dashMaxBars,
		h-1-lipgloss.Height(totals)-2*len(gap)-dashChartChrome-dashFirstLatest))
	breakdownW := (w - 2) / 2
	breakdown := lipgloss.JoinHorizontal(lipgloss.Top,
		d.pillarsView(breakdownW), "  ", d.contingentsView(w-breakdownW-2))
	parts := []string{totals}
	parts = append(append(parts, gap...), d.chartView(w, bars))
	parts = append(append(parts, gap...), d.latestView(w))
	parts = append(parts, "", d.anomaliesView(w, dashAnomalyN), "", breakdown)
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

func (d *Dashboard) wideLayout() string {
	w, h := d.width, d.height
	rightW := max(40, min(60, w*2/5))
	leftW := w - rightW - 1
	totals := d.totalsView(leftW)
	latest := d.latestView(leftW)
	// The chart takes the height the rest leaves, with room kept for three
	// anomalies and the "more" line under the latest arrivals.
	reserve := 1 + 3*dashAnomalyLines + 1
	bars := max(dashMinBars, min(dashMaxBars,
		h-lipgloss.Height(totals)-1-dashChartChrome-1-lipgloss.Height(latest)-1-reserve))
	left := lipgloss.JoinVertical(lipgloss.Left, totals, "", d.chartView(leftW, bars), "", latest, "")
	room := h - lipgloss.Height(left) - 2 // the heading and the "more" line
	left = lipgloss.JoinVertical(lipgloss.Left, left, d.anomaliesView(leftW, max(3, room/dashAnomalyLines)))

	inner := rightW - d.c.Styles.Details.GetHorizontalFrameSize()
	right := lipgloss.JoinVertical(lipgloss.Left, d.contingentsView(inner), "", d.pillarsView(inner))
	right = d.c.Styles.Details.Render(right)
	return lipgloss.JoinHorizontal(lipgloss.Top, left, " ", right)
}

// heading is a panel's title, an aside, and a rule to the panel's width.
func (d *Dashboard) heading(title, aside string, w int) string {
	st := d.c.Styles
	s := st.Title.Render(title)
	if aside != "" && lipgloss.Width(title)+2+lipgloss.Width(aside) <= w {
		s += "  " + st.Muted.Render(aside)
	}
	s = truncate(s, w)
	if rest := w - lipgloss.Width(s) - 1; rest > 0 {
		s += " " + st.Muted.Render(strings.Repeat("─", rest))
	}
	return s
}

// totalsView is the arrived count in large digits, with the other counts in
// words beside it.
func (d *Dashboard) totalsView(w int) string {
	st, c, t := d.c.Styles, d.c, d.snap.total
	big := st.Big.Render(dashBigNumber(c.Number(t.Arrived)))
	textW := w - lipgloss.Width(big) - 3
	anomalies := st.Muted.Render("✓ " + c.T("dashboard.to_check", c.Number(d.snap.toCheck())))
	if d.snap.toCheck() > 0 {
		anomalies = st.WarnText.Render("! " + c.T("dashboard.to_check", c.Number(d.snap.toCheck())))
	}
	lines := []string{
		st.Bold.Render(c.T("dashboard.arrived_of", c.Number(t.Arrived), c.Number(t.Expected), dashPercent(c, t.Arrived, t.Expected))),
		st.OKText.Render("✓ "+c.T("dashboard.on_site", c.Number(t.OnSite))) + "   " +
			"⇥ " + c.T("dashboard.departed", c.Number(t.Departed)) + "   " +
			"~ " + c.T("dashboard.excused", c.Number(t.Excused)),
		"· " + c.T("dashboard.missing", c.Number(t.Missing)) + "   " + anomalies,
	}
	for i := range lines {
		lines[i] = truncate(lines[i], textW)
	}
	return lipgloss.JoinHorizontal(lipgloss.Center, big, "   ", strings.Join(lines, "\n"))
}

// latestView lists the newest arrivals, newest first: time, name,
// contingent, station.
func (d *Dashboard) latestView(w int) string {
	st, c := d.c.Styles, d.c
	lines := []string{d.heading(c.T("dashboard.latest"), "", w)}
	if len(d.snap.latest) == 0 {
		return strings.Join(append(lines, st.Muted.Render(c.T("dashboard.latest_empty"))), "\n")
	}
	stationW := 0
	for _, a := range d.snap.latest {
		stationW = max(stationW, lipgloss.Width(a.station))
	}
	stationW = min(stationW, 14)
	contW := max(10, min(24, w/4))
	nameW := w - 6 - contW - 1 - stationW - 1
	if nameW < 14 { // narrow: the station goes first
		stationW, nameW = 0, w-6-contW-1
	}
	for _, a := range d.snap.latest {
		row := pad(truncate(a.name, nameW), nameW) + " " + pad(cutMiddle(a.contingent, contW), contW)
		if stationW > 0 {
			row += " " + truncate(a.station, stationW)
		}
		lines = append(lines, st.Muted.Render(c.When(a.at))+" "+row)
	}
	return strings.Join(lines, "\n")
}

// anomaliesView lists the count and up to n of the newest anomalies, two
// lines each: what and who, then where and when.
func (d *Dashboard) anomaliesView(w, n int) string {
	st, c := d.c.Styles, d.c
	lines := []string{d.heading(c.T("dashboard.anomalies", c.Number(d.snap.toCheck())), "", w)}
	if d.snap.toCheck() == 0 {
		return strings.Join(append(lines, st.OKText.Render("✓ "+c.T("dashboard.anomalies_none"))), "\n")
	}
	if n := d.snap.unknownScans; n > 0 {
		// Every refused badge is in the log (F4, search "refused scan" or the
		// code); here the day's count and which codes, to ask about.
		scanned := c.T("dashboard.unknown_scans", c.Number(n))
		if n == 1 {
			scanned = c.T("dashboard.unknown_scan")
		}
		lines = append(lines, truncate(st.ErrText.Render("✗ "+scanned), w),
			truncate("         "+strings.Join(d.snap.unknownCodes, ", "), w))
	}
	shown := d.snap.anomalies[:min(n, len(d.snap.anomalies))]
	for _, a := range shown {
		// Line one: what, when and who; line two: where, and what to look at.
		var mark, what, who, detail string
		switch a.kind {
		case model.AnomalyDoubleArrival:
			mark, what, who = "!", c.T("dashboard.double"), a.name
			detail = a.contingent + " · " + c.T("dashboard.double_detail", c.When(a.first.at), a.first.station, c.When(a.again.at), a.again.station)
			if a.moreAgain > 0 {
				detail += " " + c.T("dashboard.double_more", c.Number(a.moreAgain))
			}
		case model.AnomalyWalkIn:
			mark, what, who = "+", c.T("dashboard.walkin"), a.name
			detail = a.contingent + " · " + c.T("dashboard.walkin_detail", a.first.station, orDash(a.first.operator))
		case model.AnomalySignOffInvalid:
			mark, what, who = "✗", c.T("dashboard.signoff_invalid"), a.contingent
			detail = c.T("dashboard.signoff_detail", orDash(a.leader), c.Number(a.missing))
		}
		head := st.WarnText.Render(mark+" "+c.When(a.at)+"  "+what+":") + " " + st.Bold.Render(who)
		lines = append(lines, truncate(head, w), truncate("         "+detail, w))
	}
	if rest := d.snap.anomalyCount - len(shown); rest > 0 {
		lines = append(lines, st.Muted.Render(c.T("dashboard.more", c.Number(rest))))
	}
	return strings.Join(lines, "\n")
}

// dashLine is one row of a breakdown: a mark, a name, a bar when there is
// room, and arrived/expected.
type dashLine struct {
	mark  string // already styled
	name  string
	tally model.Tally
}

func (d *Dashboard) breakdownView(title, aside string, rows []dashLine, w int) string {
	c := d.c
	lines := make([]string, 0, len(rows)+1)
	lines = append(lines, d.heading(title, aside, w))
	countW := 0
	counts := make([]string, len(rows))
	for i, r := range rows {
		counts[i] = c.Number(r.tally.Arrived) + "/" + c.Number(r.tally.Expected)
		countW = max(countW, len(counts[i]))
	}
	barW := max(4, min(12, w/5))
	if w < 34 { // compact: no bar
		barW = 0
	}
	nameW := w - 2 - 1 - countW
	if barW > 0 {
		nameW -= barW + 1
	}
	for i, r := range rows {
		s := r.mark + " " + pad(dashShortName(r.name, nameW), nameW) + " "
		if barW > 0 {
			s += dashHBar(r.tally.Arrived, r.tally.Expected, barW) + " "
		}
		lines = append(lines, s+strings.Repeat(" ", countW-len(counts[i]))+counts[i])
	}
	return strings.Join(lines, "\n")
}

func (d *Dashboard) pillarsView(w int) string {
	st := d.c.Styles
	rows := make([]dashLine, len(d.snap.pillars))
	for i, p := range d.snap.pillars {
		name := p.Pillar
		if name == "" {
			name = d.c.T("dashboard.no_pillar")
		}
		rows[i] = dashLine{mark: st.Muted.Render("·"), name: name, tally: p.Tally}
		if p.Expected > 0 && p.Missing == 0 {
			rows[i].mark = st.OKText.Render("✓")
		}
	}
	return d.breakdownView(d.c.T("dashboard.pillars"), "", rows, w)
}

func (d *Dashboard) contingentsView(w int) string {
	st := d.c.Styles
	rows := make([]dashLine, len(d.snap.contingents))
	for i, g := range d.snap.contingents {
		rows[i] = dashLine{mark: st.Muted.Render("·"), name: g.name, tally: g.Tally}
		switch {
		case g.signOffBroken:
			rows[i].mark = st.WarnText.Render("!")
		case g.Expected > 0 && g.Missing == 0:
			rows[i].mark = st.OKText.Render("✓")
		}
	}
	return d.breakdownView(d.c.T("dashboard.contingents"), d.c.T("dashboard.legend"), rows, w)
}

// dashShortName fits a name to width cells. A name ending in an
// abbreviation, "Pekerja Sosial Masyarakat (PSM)", keeps it: "Pekerja
// So… (PSM)".
func dashShortName(name string, width int) string {
	if lipgloss.Width(name) <= width {
		return name
	}
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		abbr := name[i:]
		if head := width - lipgloss.Width(abbr); head >= 6 {
			short := truncate(name[:i], head)
			if cut, ok := strings.CutSuffix(short, " …"); ok {
				short = cut + "…"
			}
			return short + abbr
		}
	}
	return truncate(name, width)
}
