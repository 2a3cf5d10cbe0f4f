package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

func (m *members) View() string {
	st := m.c.Styles
	i := m.info
	var lines []string
	mode := m.c.T("contingent.mode_arrival")
	count := m.c.T("contingent.count", m.c.Number(i.Arrived), m.c.Number(i.Expected), m.c.Number(i.Missing), m.c.Number(i.Excused), m.c.Number(i.Replaced))
	if m.departure {
		mode = m.c.T("contingent.mode_departure")
		count = m.c.T("contingent.count_departure", m.c.Number(i.Departed), m.c.Number(i.Arrived), m.c.Number(i.OnSite))
	}
	lines = append(lines, truncate(st.Title.Render(m.name)+"  "+st.TabActive.Render(mode)+"  "+st.Bold.Render(count), m.width))
	lines = append(lines, truncate(m.signOffLine(), m.width))
	if m.searching || m.query() != "" {
		lines = append(lines, m.searchLine())
	} else if m.note != "" {
		style := st.OKText
		if m.noteBad {
			style = st.ErrText
		}
		// Wrapped, never cut: a note says why a key did nothing, and what to do.
		for _, l := range m.noteLines() {
			lines = append(lines, style.Render(l))
		}
	} else if n := len(m.targets()); n > 0 && len(m.picked) > 0 {
		lines = append(lines, st.Muted.Render(m.c.T("contingent.picked", n)))
	} else {
		lines = append(lines, "")
	}
	if m.mode == membersReplaceNew {
		return strings.Join(lines, "\n") + "\n" + m.walkin.View()
	}
	if dialog := m.dialogView(); dialog != "" {
		return strings.Join(lines, "\n") + "\n" + dialog
	}
	h := m.listHeight()
	nameW := max(16, min(36, m.width-50))
	for r := m.top; r < len(m.rows) && r < m.top+h; r++ {
		p := m.rows[r]
		box := "[ ]"
		if m.picked[p.ID] {
			box = "[x]"
		}
		cursor := " "
		if r == m.sel {
			cursor = "▸"
		}
		line := cursor + box + " " + statusMark(p.Status) + " " + pad(truncate(p.Name, nameW), nameW) + " " + pad(p.ID, 14) + " " + m.rowStatus(p)
		line = truncate(line, m.width)
		switch {
		case r == m.sel:
			line = st.RowSelected.Render(pad(line, m.width))
		case !m.movable(p):
			line = st.Muted.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func (m *members) signOffLine() string {
	st := m.c.Styles
	e, valid := m.info.Confirm, m.info.ConfirmValid
	if m.departure {
		e, valid = m.info.DepartConfirm, m.info.DepartConfirmValid
	}
	switch {
	case e == nil:
		return st.Muted.Render(m.c.T("contingent.not_signed"))
	case !valid && m.departure:
		return st.WarnText.Render("! " + m.c.T("contingent.signed_invalid_departure", e.Leader, m.c.When(e.At)))
	case !valid:
		return st.WarnText.Render("! " + m.c.T("contingent.signed_invalid", e.Leader, m.c.When(e.At)))
	}
	return st.OKText.Render("✓ " + m.c.T("contingent.signed_by", e.Leader, m.c.When(e.At)))
}

// rowStatus is shortStatus with what a leader's list adds: an excuse's
// note, and the names of a replacement's two people.
func (m *members) rowStatus(p model.Person) string {
	switch {
	case p.Status == model.StatusExcused && p.Excuse.Note != "":
		return shortStatus(m.c, p) + ": " + p.Excuse.Note
	case p.Status == model.StatusReplaced:
		return m.c.T("contingent.row_replaced", m.names[p.ReplacedBy], p.ReplacedBy)
	case p.Status == model.StatusMissing && p.Replaces != "":
		return m.c.T("contingent.row_missing_replacing", m.names[p.Replaces], p.Replaces)
	}
	return shortStatus(m.c, p)
}

// dialogView draws the open dialog, or "" for none.
func (m *members) dialogView() string {
	st := m.c.Styles
	var body []string
	switch m.mode {
	case membersConfirm:
		body = m.confirmView()
	case membersAnnulBus:
		body = m.busView()
	case membersExcuse:
		body = []string{st.Big.Render(m.c.T("contingent.excuse_title", m.target.Name))}
		if m.reason == "" {
			body = append(body, "", m.c.T("contingent.excuse_choose"))
		} else {
			body = append(body, st.Bold.Render(m.reason), "", m.c.T("contingent.note_label")+" "+m.input.View(), "", st.Muted.Render(m.c.T("contingent.enter_save")))
		}
	case membersReplace:
		body = []string{st.Big.Render(m.c.T("contingent.replace_title", m.target.Name)), "", "⌕ " + m.input.View(), ""}
		for i, p := range m.found {
			line := pad(truncate(p.Name, 30), 30) + " " + pad(cutMiddle(p.Contingent, 20), 20) + " " + p.ID
			if i == m.foundSel {
				line = st.RowSelected.Render("▸ " + line)
			} else {
				line = "  " + line
			}
			body = append(body, truncate(line, m.width-6))
		}
		body = append(body, "", st.Muted.Render(m.c.T("contingent.replace_hint")))
	case membersSignOff:
		body = []string{st.Big.Render(m.signOffTitle()), "", m.c.T("contingent.leader_label") + " " + m.input.View(), "", st.Muted.Render(m.c.T("contingent.enter_save"))}
	case membersIncomplete:
		key := "contingent.incomplete"
		if m.departure {
			key = "contingent.incomplete_departure"
		}
		body = []string{st.ErrText.Render("✗ " + m.c.T(key, m.name, len(m.waiting))), ""}
		room := max(1, m.height-10)
		for i, p := range m.waiting {
			if i == room {
				body = append(body, st.Muted.Render(m.c.T("contingent.and_more", len(m.waiting)-room)))
				break
			}
			body = append(body, "· "+p.Name+"  "+st.Muted.Render(p.ID))
		}
		hint := "contingent.incomplete_hint"
		if m.departure {
			hint = "contingent.incomplete_departure_hint"
		}
		body = append(body, "", st.Muted.Render(m.c.T(hint)))
	case membersWithdraw:
		body = []string{st.Big.Render(m.c.T("contingent.withdraw_title", m.name)), "", st.Muted.Render(m.c.T("contingent.enter_yes"))}
	default:
		return ""
	}
	return st.Modal.Width(max(20, m.width-4)).Render(strings.Join(body, "\n"))
}

// noteLines is the note with its mark, wrapped to the width: most notes
// take one line, a long "why" two.
func (m *members) noteLines() []string {
	if m.note == "" || m.searching || m.query() != "" {
		return nil
	}
	mark := "✓ "
	if m.noteBad {
		mark = "✗ "
	}
	lines := strings.Split(lipgloss.NewStyle().Width(max(10, m.width)).Render(mark+m.note), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}
