package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// CapturesKey: the member list's letters are its commands; the search box
// takes every printable key, and a dialog every one but "?" (help).
func (m *members) CapturesKey(msg tea.KeyMsg) bool {
	if m.mode != membersList || m.searching {
		return isText(msg) && (m.mode == membersList || msg.String() != "?")
	}
	k := m.c.Keys
	for _, b := range []key.Binding{k.Toggle, k.SelectAll, k.Excuse, k.Replace, k.SignOff, k.Withdraw, k.Departures, k.Back, k.ListUp, k.ListDown, k.Search, k.Annul} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

func (m *members) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch {
	case m.mode == membersList && m.searching:
		return []key.Binding{withHelp(k.Enter, "enter", m.c.T("key.search_done")), withHelp(k.Up, "↑/↓", m.c.T("key.select")), withHelp(k.Cancel, "esc", m.c.T("key.clear"))}
	case m.mode == membersList:
		return []key.Binding{m.enterKey(), m.c.leadersOnly(k.Toggle), m.c.leadersOnly(k.SelectAll), m.c.leadersOnly(k.Excuse), m.c.leadersOnly(k.Replace), m.c.leadersOnly(k.SignOff), k.Departures, k.Search, m.backKey()}
	}
	switch m.mode {
	case membersExcuse:
		if m.reason == "" {
			return []key.Binding{k.Sick, k.Leave, withHelp(k.Cancel, "esc", m.c.T("key.cancel"))}
		}
		return []key.Binding{withHelp(k.Enter, "enter", m.c.T("key.submit")), withHelp(k.Cancel, "esc", m.c.T("key.cancel"))}
	case membersReplaceNew:
		return m.walkin.ShortHelp()
	case membersReplace:
		return []key.Binding{withHelp(k.Enter, "enter", m.c.T("key.choose")), k.WalkIn, withHelp(k.Cancel, "esc", m.c.T("key.cancel"))}
	case membersConfirm, membersAnnulBus:
		return []key.Binding{withHelp(k.Enter, "enter", m.c.T("key.yes")), withHelp(k.Up, "↑/↓", m.c.T("key.scroll")), withHelp(k.Cancel, "esc", m.c.T("key.cancel"))}
	}
	return []key.Binding{withHelp(k.Enter, "enter", m.c.T("key.yes")), withHelp(k.Cancel, "esc", m.c.T("key.cancel"))}
}

// FullHelp lists the keys that work now: a dialog's own, or the list's.
func (m *members) FullHelp() [][]key.Binding {
	k := m.c.Keys
	if m.mode != membersList || m.searching {
		return [][]key.Binding{m.ShortHelp()}
	}
	withdraw := k.Withdraw
	withdraw.SetEnabled(m.standing() != nil)
	return [][]key.Binding{
		{m.enterKey(), m.c.leadersOnly(k.Toggle), m.c.leadersOnly(k.SelectAll), k.Up, k.ListUp, k.PageUp, k.Home, k.Search},
		{m.c.leadersOnly(k.Excuse), m.c.leadersOnly(k.Replace), m.c.leadersOnly(k.SignOff), m.c.leadersOnly(withdraw),
			m.c.leadersOnly(withHelp(k.Annul, "ctrl+x", m.c.T("key.annul_bus"))), k.Departures, m.backKey()},
	}
}

func (m *members) enterKey() key.Binding {
	if m.departure {
		return withHelp(m.c.Keys.Enter, "enter", m.c.T("key.depart"))
	}
	return withHelp(m.c.Keys.Enter, "enter", m.c.T("key.checkin"))
}

// backKey is Esc: it clears a search first, then closes the contingent.
func (m *members) backKey() key.Binding {
	if m.query() != "" {
		return withHelp(m.c.Keys.Back, "esc", m.c.T("key.clear"))
	}
	return m.c.Keys.Back
}

// formTyped: a dialog of the open contingent holds text typed into it (a
// reason, a note, the leader's name, a walk-in in the making).
func (c *Contingents) formTyped() bool {
	m := c.members
	if m == nil {
		return false
	}
	switch m.mode {
	case membersReplaceNew:
		return true
	case membersExcuse:
		return m.reason != "" || m.input.Value() != ""
	case membersSignOff, membersAnnulBus:
		return m.input.Value() != ""
	}
	return false
}
