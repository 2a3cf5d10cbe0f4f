package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// Annulling at the gate: Ctrl+X finds the newest standing check-in of this
// login at this station (a reconnect keeps it), asks why, and annuls it.

// findLastArrival looks up the newest standing arrival recorded at this
// gate, in the queue: a Ctrl+X pressed while a check-in is written finds
// that check-in.
func (g *Gate) findLastArrival() tea.Cmd {
	st, by := g.c.Store, g.c.Actor
	return g.startAction(func(*lastScan) tea.Msg {
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
	return g.startAction(func(last *lastScan) tea.Msg {
		if looksLikeID(reason) {
			if p, ok := lookupID(st, reason); ok {
				return turn.record(st, by, last, enterMsg{scanned: &p, annulSkipped: reason})
			}
		}
		_, err := st.Annul(e.ID, reason, by)
		if err == nil {
			*last = lastScan{} // the same badge next is a new check-in, not a repeat
		}
		p, _ := st.Person(e.Volunteer)
		return annulledMsg{name: name, person: p, err: err}
	})
}

func (g *Gate) onAnnulled(msg annulledMsg) tea.Cmd {
	if msg.err != nil {
		err := msg.err
		g.setAnswer(bannerErr, func() (string, string) { return g.c.T("gate.annul_failed"), g.c.errorText(err) })
		return g.c.bells(bellsErr)
	}
	p := msg.person
	g.setAnswer(bannerNote, func() (string, string) {
		return g.c.T("gate.annulled", p.ID, msg.name), g.c.T("gate.annulled_detail")
	})
	g.showAbout(&p)
	return g.search()
}

// onAnnulTarget asks why the check-in found is annulled, when fresh (see
// onEnter); a reason typed into the search box is no answer to it.
func (g *Gate) onAnnulTarget(msg annulTargetMsg, fresh bool) {
	switch {
	case !msg.found:
		station := g.c.Actor.Station
		g.setAnswer(bannerNote, func() (string, string) { return g.c.T("gate.annul_none", station), "" })
	case !fresh:
		g.setNote(func() string { return g.c.T("gate.annul_dropped") })
	default:
		g.mode, g.annulling, g.annulName = modeReason, msg.event, msg.name
		g.note, g.noteSay = "", nil
		g.reason.Reset()
	}
}
