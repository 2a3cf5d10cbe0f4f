package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// Annulling at the gate: Ctrl+X finds the newest standing check-in of this
// login at this station (a reconnect keeps it), asks why, and annuls it.

// findLastArrival looks up the newest standing arrival recorded at this gate.
func (g *Gate) findLastArrival() tea.Cmd {
	st, by := g.c.Store, g.c.Actor
	return g.startAction(func() tea.Msg {
		e, ok := st.LastArrival(by)
		if !ok {
			return annulTargetMsg{}
		}
		p, _ := st.Person(e.Volunteer)
		return annulTargetMsg{event: e, name: p.Name, found: true}
	})
}

// annul cancels the check-in e with the reason typed. Only a reason that is
// exactly a known badge (a scan landed in the box) is taken as that scan;
// then nothing is annulled, and the answer says so.
func (g *Gate) annul(e model.Event, reason, name string) tea.Cmd {
	st, by, turn := g.c.Store, g.c.Actor, g.scanTurn()
	return g.startAction(func() tea.Msg {
		if looksLikeID(reason) {
			if p, ok := lookupID(st, reason); ok {
				return turn.record(st, by, enterMsg{scanned: &p, annulSkipped: reason})
			}
		}
		_, err := st.Annul(e.ID, reason, by)
		p, _ := st.Person(e.Volunteer)
		return annulledMsg{name: name, person: p, err: err}
	})
}

func (g *Gate) onAnnulled(msg annulledMsg) tea.Cmd {
	if msg.err != nil {
		err := msg.err
		g.setAnswer(bannerErr, func() (string, string) { return g.c.T("gate.annul_failed"), g.c.errorText(err) })
		return g.finishAction(g.c.bells(bellsErr))
	}
	p := msg.person
	g.setAnswer(bannerNote, func() (string, string) {
		return g.c.T("gate.annulled", p.ID, msg.name), g.c.T("gate.annulled_detail")
	})
	g.lastScanID = "" // the same badge next is a new check-in, not a repeat
	g.showAbout(&p)
	return g.finishAction(g.search())
}
