package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// Departures at the gate. On the last day staff count people out: in
// departures mode (Ctrl+D, shown in its own colour and named on the search
// box) a scan records a departure. Outside it, a scan of someone who left
// records nothing and asks whether they came back.

// toggleDepartures turns departures mode on or off. Departures are the
// leaders' to record (db refuses a gate login), so a gate login is told at
// once, not after its first scan.
func (g *Gate) toggleDepartures() tea.Cmd {
	if g.c.gateLogin() && !g.departing {
		g.setNote(func() string { return g.c.T("gate.depart_leaders_only") })
		return g.c.bells(bellsWarn)
	}
	g.departing = !g.departing
	g.sizeInput()
	g.banner, g.noteSay = banner{}, nil
	if g.departing {
		g.setNote(func() string { return g.c.T("gate.depart_on") })
	} else {
		g.setNote(func() string { return g.c.T("gate.depart_off") })
	}
	return nil
}

// depart records a departure in departures mode; a scan the login's role
// refuses is kept as a note.
func (g *Gate) depart(id string) tea.Cmd {
	st, by := g.c.Store, g.c.Actor
	return g.startAction(func(last *lastScan) tea.Msg {
		msg := recordDeparture(st, id, by)
		last.forgetIf(msg.err)
		return msg
	})
}

// recordDeparture is depart's work, also done by a scan's Enter itself.
func recordDeparture(st *db.Store, id string, by db.Actor) departMsg {
	res, err := st.Depart(id, by)
	msg := departMsg{res: res, err: err}
	if isNotAllowed(err) {
		_, msg.noteErr = st.RecordNote(id, model.NoteRefusedRole, id, by)
	}
	return msg
}

// answerDepart shows the answer to a departure, and note as answerCheckIn
// does.
func (g *Gate) answerDepart(msg departMsg, note func() string) tea.Cmd {
	defer func() {
		if note != nil {
			g.setNote(note)
		}
	}()
	if msg.err != nil {
		err, noteErr := msg.err, msg.noteErr
		g.setAnswer(bannerErr, func() (string, string) {
			return g.c.T("gate.depart_failed"), g.c.errorText(err) + g.noteFailed(noteErr)
		})
		return tea.Batch(g.search(), g.c.bells(bellsErr))
	}
	r := msg.res
	p := r.Person
	switch r.Outcome {
	case db.Departed:
		g.setAnswerWord(bannerOK, "gate.word_departed", func() (string, string) {
			return g.c.T("gate.departed", p.ID, p.Name, p.Contingent),
				g.c.T("gate.departed_detail", p.Contingent, g.c.Number(r.Contingent.OnSite))
		})
		g.showAbout(&p)
		return tea.Batch(g.search(), g.c.bells(bellsOK))
	case db.NotOnSite:
		if p.Status == model.StatusDeparted && p.Departure != nil {
			left := *p.Departure
			g.setAnswerWord(bannerWarn, "gate.word_left", func() (string, string) {
				return g.c.T("gate.left", p.ID, p.Name),
					g.c.T("gate.left_already", g.c.When(left.At), orDash(left.Operator), left.Station)
			})
		} else {
			g.setAnswerWord(bannerWarn, "gate.word_not_here", func() (string, string) {
				return g.c.T("gate.not_on_site", p.ID, p.Name), g.c.T("gate.not_on_site_detail", g.statusText(p))
			})
		}
		g.showAbout(&p)
		return tea.Batch(g.search(), g.c.bells(bellsWarn))
	}
	g.setAnswer(bannerErr, func() (string, string) { return g.c.T("gate.unknown", p.ID), g.c.T("gate.unknown_detail") })
	g.showAbout(nil)
	return tea.Batch(g.search(), g.c.bells(bellsErr))
}
