package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// signOffCheckMsg is what the store says before a sign-off is asked for:
// who keeps it back, and the leader to offer (one who is here).
type signOffCheckMsg struct {
	name    string
	waiting []model.Person
	leader  string
}

// checkSignOff looks at the whole contingent (the list may be searched
// down) before the leader's name is asked for: a sign-off that will be
// refused is refused at once, naming who keeps it back.
func (m *members) checkSignOff() tea.Cmd {
	st, name, departure := m.c.Store, m.name, m.departure
	return func() tea.Msg {
		msg := signOffCheckMsg{name: name}
		st.Read(func(s *model.State, _ *model.Index) {
			for _, id := range s.Members(name) {
				p, _ := s.Person(id)
				if (departure && p.Status == model.StatusArrived) || (!departure && p.Status == model.StatusMissing) {
					msg.waiting = append(msg.waiting, p)
				}
				// Offer the roster's leader only when they are here (or,
				// leaving, have left): an excused leader signs nothing.
				present := p.Status == model.StatusArrived || p.Status == model.StatusDeparted
				if departure {
					present = p.Status == model.StatusDeparted
				}
				if p.Leader && present && msg.leader == "" {
					msg.leader = p.Name
				}
			}
		})
		return msg
	}
}

func (m *members) onSignOffCheck(msg signOffCheckMsg) tea.Cmd {
	if msg.name != m.name || m.mode != membersList {
		return nil
	}
	if len(msg.waiting) > 0 {
		m.mode, m.waiting = membersIncomplete, msg.waiting
		return m.c.bell()
	}
	m.mode = membersSignOff
	m.input = newInput(m.c, m.c.T("contingent.leader_placeholder"), 80)
	m.input.Width = max(10, m.width-30)
	m.input.SetValue(msg.leader)
	return nil
}

// signOffTitle says what is true when the name is asked for: everyone is
// accounted for, and how.
func (m *members) signOffTitle() string {
	i := m.info
	if m.departure {
		return m.c.T("contingent.signoff_departure_title", m.name, m.c.Number(i.Departed))
	}
	return m.c.T("contingent.signoff_title", m.name, m.c.Number(i.Arrived), m.c.Number(i.Excused), m.c.Number(i.Replaced))
}

// The members' search: "/" narrows the list to the names (or IDs) typed,
// with the gate's matching; Enter keeps the list narrowed for the action
// keys, Esc shows everyone again.

func (m *members) startSearch() {
	if m.filter.Placeholder == "" {
		m.filter = newInput(m.c, m.c.T("contingent.search_placeholder"), 60)
	}
	m.filter.Width = max(10, m.width/2)
	m.searching = true
	m.filter.Focus()
}

func (m *members) onSearchKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Enter):
		m.searching = false
		m.filter.Blur()
		return nil
	case key.Matches(msg, k.Cancel):
		return m.clearSearch()
	case m.navigate(msg, k, len(m.rows), m.listHeight()):
		return nil
	}
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() == before {
		return cmd
	}
	m.sel, m.top = 0, 0
	return tea.Batch(cmd, m.load())
}

func (m *members) clearSearch() tea.Cmd {
	m.searching = false
	m.filter.Reset()
	m.filter.Blur()
	m.sel, m.top = 0, 0
	return m.load()
}

func (m *members) query() string { return strings.TrimSpace(m.filter.Value()) }

func (m *members) searchLine() string {
	st := m.c.Styles
	line := st.Bold.Render("⌕ ") + m.filter.View()
	if m.query() != "" {
		line += "  " + st.Muted.Render(m.c.T("contingent.search_found", len(m.rows)))
	}
	return truncate(line, m.width)
}
