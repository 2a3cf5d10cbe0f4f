package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

// Each quarter hour is a bar two cells wide and a gap: an hour is twelve
// cells, room for its "HH:MM" label.
const (
	dashBarWidth = 2
	dashBarStep  = dashBarWidth + 1
)

// dashEighths are a cell filled from the bottom by eighths.
var dashEighths = [...]string{" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// chartView draws arrivals per quarter hour as vertical bars, bars rows
// tall, scaled to the largest bar shown, the most recent quarters that fit,
// with local times along the bottom.
func (d *Dashboard) chartView(w, bars int) string {
	st, c := d.c.Styles, d.c
	qs := d.snap.quarters
	title := c.T("dashboard.chart")
	if len(qs) == 0 {
		return d.heading(title, "", w) + "\n" + st.Muted.Render(c.T("dashboard.chart_empty"))
	}
	peak := 0
	for i, q := range qs {
		if q.Count > qs[peak].Count {
			peak = i
		}
	}
	aside := c.T("dashboard.chart_peak", c.Number(qs[peak].Count), c.Clock(qs[peak].Start))

	// The scale is the largest bar shown, never more than the peak: the
	// peak's label is the widest the axis needs.
	axisW := lipgloss.Width(c.Number(qs[peak].Count))
	n := max(1, min(len(qs), (w-axisW-2)/dashBarStep))
	top := 0
	for _, q := range qs[len(qs)-n:] {
		top = max(top, q.Count)
	}
	axisW = lipgloss.Width(c.Number(top))
	shown := qs[len(qs)-n:]
	plotW := n * dashBarStep

	lines := make([]string, 0, bars+dashChartChrome)
	lines = append(lines, d.heading(title, aside, w))
	var row strings.Builder
	for r := range bars {
		row.Reset()
		for _, q := range shown {
			cell := dashBarCell(q.Count, top, bars, r)
			for range dashBarWidth {
				row.WriteString(cell)
			}
			row.WriteByte(' ')
		}
		label, axis := "", " │"
		if r == 0 {
			label, axis = c.Number(top), " ┤"
		}
		lines = append(lines, st.Muted.Render(dashPadLeft(label, axisW)+axis)+st.OKText.Render(row.String()))
	}
	lines = append(lines, st.Muted.Render(dashPadLeft("0", axisW)+" └"+strings.Repeat("─", plotW)))
	lines = append(lines, st.Muted.Render(strings.Repeat(" ", axisW+2)+d.timeLabels(shown, w-axisW-2)))
	return strings.Join(lines, "\n")
}

// timeLabels puts "HH:MM" under the bars of whole hours, and under the
// first bar when there is room before the first hour, within room cells.
func (d *Dashboard) timeLabels(shown []model.QuarterCount, room int) string {
	const labelW = 5
	buf := []byte(strings.Repeat(" ", max(room, 0)))
	fits := func(col int) bool { return col+labelW <= len(buf) }
	first := -1 // column of the first label placed
	next := 0   // first free column
	for i, q := range shown {
		col := i * dashBarStep
		if q.Start.Local().Minute() != 0 || col < next || !fits(col) {
			continue
		}
		copy(buf[col:], d.c.Clock(q.Start))
		next = col + labelW + 1
		if first < 0 {
			first = col
		}
	}
	if first != 0 && (first < 0 || first >= labelW+1) && fits(0) {
		copy(buf, d.c.Clock(shown[0].Start))
	}
	return strings.TrimRight(string(buf), " ")
}

// dashBarCell is row r (from the top) of a bar of value v in a chart of rows
// rows scaled to top. A bar that is not zero shows at least an eighth.
func dashBarCell(v, top, rows, r int) string {
	if v <= 0 || top <= 0 {
		return " "
	}
	units := max(1, (v*rows*8+top/2)/top)
	fill := units - (rows-1-r)*8
	switch {
	case fill >= 8:
		return "█"
	case fill <= 0:
		return " "
	}
	return dashEighths[fill]
}

// dashHBar draws done out of total as a bar of width cells, by eighths.
func dashHBar(done, total, width int) string {
	if width <= 0 {
		return ""
	}
	units := 0
	if total > 0 {
		units = min(width*8, done*width*8/total)
	}
	full, part := units/8, units%8
	var b strings.Builder
	b.WriteString(strings.Repeat("█", full))
	if part > 0 {
		b.WriteString(dashHEighths[part])
		full++
	}
	b.WriteString(strings.Repeat("░", width-full))
	return b.String()
}

// dashHEighths are a cell filled from the left by eighths.
var dashHEighths = [...]string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// dashPercent is done of total with one decimal, in the language's notation.
func dashPercent(c *Common, done, total int) string {
	if total <= 0 {
		return "–"
	}
	tenths := (done*1000 + total/2) / total
	sep := "."
	if c.Lang == Indonesian {
		sep = ","
	}
	return strconv.Itoa(tenths/10) + sep + strconv.Itoa(tenths%10) + "%"
}

func dashPadLeft(s string, w int) string {
	if n := w - lipgloss.Width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// The large digits: a 3×5 pixel font drawn with half blocks, three lines tall.
var dashFont = map[rune][5]string{
	'0': {"###", "#.#", "#.#", "#.#", "###"},
	'1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"},
	'3': {"###", "..#", "###", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"},
	'5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"},
	'7': {"###", "..#", "..#", "..#", "..#"},
	'8': {"###", "#.#", "###", "#.#", "###"},
	'9': {"###", "#.#", "###", "..#", "###"},
	'.': {".", ".", ".", ".", "#"},
	',': {".", ".", ".", ".", "#"},
}

// dashGlyphs is dashFont as three lines of half blocks: each line is two
// pixel rows.
var dashGlyphs = func() map[rune][3]string {
	out := make(map[rune][3]string, len(dashFont))
	for r, px := range dashFont {
		var g [3]string
		for line := range 3 {
			var b strings.Builder
			for col := range len(px[0]) {
				upper := px[2*line][col] == '#'
				lower := 2*line+1 < len(px) && px[2*line+1][col] == '#'
				switch {
				case upper && lower:
					b.WriteString("█")
				case upper:
					b.WriteString("▀")
				case lower:
					b.WriteString("▄")
				default:
					b.WriteString(" ")
				}
			}
			g[line] = b.String()
		}
		out[r] = g
	}
	return out
}()

// dashBigNumber draws a formatted number in large digits.
func dashBigNumber(s string) string {
	var lines [3]strings.Builder
	for i, r := range s {
		g, ok := dashGlyphs[r]
		if !ok {
			continue
		}
		for l := range lines {
			if i > 0 {
				lines[l].WriteByte(' ')
			}
			lines[l].WriteString(g[l])
		}
	}
	return lines[0].String() + "\n" + lines[1].String() + "\n" + lines[2].String()
}
