package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

// The confirmation card: before a name chosen from the list is checked in
// (or out, or back in), the person is shown large enough to check against
// whoever stands at the desk: the name on its own line, then the ID, the
// contingent and the end of the phone number, each on a line of its own.

// confirmCard draws the person being confirmed.
func (g *Gate) confirmCard() string {
	st := g.c.Styles
	p := g.confirming
	w := max(30, min(g.width-2, 72))
	label := func(key string) string { return st.Label.Render(pad(g.c.T(key), 12)) }
	value := func(s string) string { return st.Big.Render(truncate(s, w-18)) }
	lines := []string{
		st.Big.Render(truncate(spacedName(p.Name, w-6), w-6)),
		label("field.id") + value(p.ID),
		label("field.contingent") + value(p.Contingent),
		label("gate.phone_end") + value(phoneEnd(p.Phone)),
	}
	if p.Pillar != "" {
		lines = append(lines, label("field.pillar")+value(p.Pillar))
	}
	warn := ""
	switch {
	case g.mode == modeCameBack:
		warn = g.banner.detail // when they left, and who recorded it
	case p.Status == model.StatusArrived && !g.departing && p.Arrival != nil:
		warn = g.c.T("gate.card_already", g.c.When(p.Arrival.At), p.Arrival.Station)
	}
	if warn != "" {
		lines = append(lines, st.WarnText.Width(w-6).Render("! "+warn)) // wrapped, not cut
	}
	box := st.Modal
	switch {
	case g.mode == modeCameBack:
		box = box.BorderForeground(st.WarnText.GetForeground())
	case g.departing:
		box = box.BorderForeground(st.BannerDepart.GetForeground())
	}
	return box.Width(w).Render(strings.Join(lines, "\n"))
}

// spacedName is the name with its letters spaced when that fits, so it
// reads from a step away; as it is when it does not.
func spacedName(name string, width int) string {
	spaced := strings.Join(strings.Split(name, ""), " ")
	if lipgloss.Width(spaced) <= width {
		return spaced
	}
	return name
}

// phoneEnd is the last four digits of a phone number ("…7890"), what a
// person can say when asked; "-" when there is none.
func phoneEnd(phone string) string {
	var digits []rune
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	if len(digits) == 0 {
		return "-"
	}
	return "…" + string(digits[max(0, len(digits)-4):])
}

// departFrameWord is the word the search box carries in departures mode.
func (g *Gate) departFrameWord() string {
	return g.c.Styles.DepartWord.Render("⇥ " + g.c.T("gate.depart_frame"))
}

// sizeInput fits the search box to the width, less the departures word.
func (g *Gate) sizeInput() {
	w := g.width - 6
	if g.departing {
		w -= lipgloss.Width(g.departFrameWord()) + 1
	}
	g.input.Width = max(10, w)
}
