package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// A bus on the contingent's screen: the confirmation names everyone about
// to be checked in (scrollable) and who is left out, and today's bus can be
// annulled as one, with one reason (Ctrl+X), by a leader or an admin.

func init() { addTexts(busTexts) }

var busTexts = map[string][2]string{
	"members.left_out":        {"Tidak ikut (%d): %s", "Left out (%d): %s"},
	"members.left_out_none":   {"Tidak ada yang tertinggal.", "Nobody is left out."},
	"members.scroll":          {"%d–%d dari %d · ↑/↓ gulir", "%d–%d of %d · ↑/↓ to scroll"},
	"members.no_bus":          {"Hari ini belum ada kedatangan bus kontingen ini yang bisa dibatalkan.", "No bus check-in of this contingent today to annul."},
	"members.bus_title":       {"Batalkan kedatangan bus pukul %s (%s): %d orang?", "Annul the bus check-in of %s (%s): %d people?"},
	"members.bus_reason":      {"Alasan:", "Reason:"},
	"members.bus_reason_ph":   {"mis. salah bus", "e.g. the wrong bus"},
	"members.bus_hint":        {"Enter = batalkan semuanya dengan satu alasan · Esc = batal", "Enter = annul them all, with one reason · Esc = cancel"},
	"members.bus_need_reason": {"Tulis alasannya dulu: alasan disimpan di riwayat.", "Type the reason first: it is kept in the log."},
	"members.bus_annulled":    {"Kedatangan bus pukul %s dibatalkan: %d orang (%s).", "The bus check-in of %s is annulled: %d people (%s)."},
	"key.annul_bus":           {"batalkan bus", "annul bus"},
}

// busMsg is the store's answer to "which bus of this contingent today?".
type busMsg struct {
	name string
	bus  db.Bus
	ok   bool
}

func (m *members) findBus() tea.Cmd {
	st, name := m.c.Store, m.name
	return func() tea.Msg {
		bus, ok := st.LastBus(name)
		return busMsg{name: name, bus: bus, ok: ok}
	}
}

func (m *members) onBus(msg busMsg) tea.Cmd {
	if msg.name != m.name || m.mode != membersList {
		return nil
	}
	if !msg.ok {
		m.say(m.c.T("members.no_bus"))
		return nil
	}
	m.mode, m.bus, m.listTop = membersAnnulBus, msg.bus, 0
	m.input = newInput(m.c, m.c.T("members.bus_reason_ph"), 120)
	m.input.Width = max(10, m.width-30)
	return nil
}

func (m *members) onAnnulBusKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.scrollNames(msg, len(m.bus.People)) {
		return nil
	}
	if !key.Matches(msg, k.Enter) {
		m.note = ""
		return m.updateInput(msg)
	}
	reason := strings.TrimSpace(m.input.Value())
	if reason == "" {
		m.say(m.c.T("members.bus_need_reason"))
		return nil
	}
	ids := make([]string, len(m.bus.Arrivals))
	for i, e := range m.bus.Arrivals {
		ids[i] = e.ID
	}
	text := m.c.T("members.bus_annulled", m.c.When(m.bus.At), len(ids), reason)
	return m.act(text, func(st *db.Store, by db.Actor) error {
		_, err := st.AnnulBus(ids, reason, by)
		return err
	})
}

// scrollNames moves a dialog's list of n names, and reports whether msg
// was a scrolling key.
func (m *members) scrollNames(msg tea.KeyMsg, n int) bool {
	k, rows := m.c.Keys, m.namesHeight()
	switch {
	case key.Matches(msg, k.Up):
		m.listTop--
	case key.Matches(msg, k.Down):
		m.listTop++
	case key.Matches(msg, k.PageUp):
		m.listTop -= rows
	case key.Matches(msg, k.PageDown):
		m.listTop += rows
	default:
		return false
	}
	m.listTop = max(0, min(m.listTop, n-rows))
	return true
}

// namesHeight is how many rows of names a dialog shows: the screen less
// the header, the frame and the dialog's other lines.
func (m *members) namesHeight() int { return max(2, m.height-15) }

// namesView draws people in columns, from row listTop, with a line saying
// which part is shown when not all fit.
func (m *members) namesView(people []model.Person) []string {
	inner := max(20, m.width-8)
	cols := max(1, min(3, inner/36))
	colW := inner / cols
	rows := m.namesHeight()
	perCol := (len(people) + cols - 1) / cols
	top := max(0, min(m.listTop, perCol-rows))
	shown := min(rows, perCol-top)
	var out []string
	for r := top; r < top+shown; r++ {
		var line string
		for c := 0; c < cols; c++ {
			i := c*perCol + r
			if i >= len(people) {
				break
			}
			p := people[i]
			cell := truncate(p.Name, colW-16) + "  " + m.c.Styles.Muted.Render(p.ID)
			line += pad(truncate(cell, colW-1), colW)
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	if shown < perCol {
		out = append(out, m.c.Styles.Muted.Render(m.c.T("members.scroll", top+1, top+shown, perCol)))
	}
	return out
}

// leftOut are the members not in this bus who are not accounted for.
func (m *members) leftOut(targets []string) []model.Person {
	in := make(map[string]bool, len(targets))
	for _, id := range targets {
		in[id] = true
	}
	var out []model.Person
	for _, p := range m.rows {
		if in[p.ID] {
			continue
		}
		if (m.departure && p.Status == model.StatusArrived) || (!m.departure && (p.Status == model.StatusMissing || p.Status == model.StatusExcused)) {
			out = append(out, p)
		}
	}
	return out
}

// confirmView is the bus confirmation: the question, the names, who is
// left out.
func (m *members) confirmView() []string {
	st := m.c.Styles
	targets := m.targets()
	q := m.c.T("contingent.confirm_checkin", len(targets), m.name)
	if m.departure {
		q = m.c.T("contingent.confirm_depart", len(targets), m.name)
	}
	byID := make(map[string]model.Person, len(m.rows))
	for _, p := range m.rows {
		byID[p.ID] = p
	}
	people := make([]model.Person, 0, len(targets))
	for _, id := range targets {
		people = append(people, byID[id])
	}
	body := []string{st.Big.Render(q), ""}
	body = append(body, m.namesView(people)...)
	out := m.leftOut(targets)
	left := m.c.T("members.left_out_none")
	if len(out) > 0 {
		names := make([]string, len(out))
		for i, p := range out {
			names[i] = p.Name
			if p.Status == model.StatusExcused {
				names[i] += fmt.Sprintf(" (%s)", p.Excuse.Reason)
			}
		}
		left = m.c.T("members.left_out", len(out), strings.Join(names, ", "))
	}
	body = append(body, "", st.WarnText.Render(truncate(left, max(20, m.width-8))), "", st.Muted.Render(m.c.T("contingent.enter_yes")))
	return body
}

// busView is the question before a bus is annulled.
func (m *members) busView() []string {
	st := m.c.Styles
	b := m.bus
	body := []string{st.Big.Render(m.c.T("members.bus_title", m.c.When(b.At), b.Station, len(b.People))), ""}
	body = append(body, m.namesView(b.People)...)
	body = append(body, "", m.c.T("members.bus_reason")+" "+m.input.View())
	return append(body, "", st.Muted.Render(m.c.T("members.bus_hint")))
}
