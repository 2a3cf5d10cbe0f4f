package ui

import tea "github.com/charmbracelet/bubbletea"

// The gate's walk-in form saves in the gate's queue of actions. Once Enter
// saves it, the form closes at once and keys go to the search box (the
// next badge in the queue is not typed into the form). An answer that needs
// the form again (a failed save, similar names to choose from) reopens it
// when nothing was typed since; otherwise the form waits, as typed, for
// Ctrl+N, and the gate says so.

// newWalkIn is a walk-in form for the gate, taking the searched name.
func (g *Gate) newWalkIn() *walkInForm {
	f := newWalkInForm(g.c, g.input.Value())
	f.queued = func(work tea.Cmd) tea.Cmd {
		return g.startActionFor(f, func(*lastScan) tea.Msg { return work() })
	}
	return f
}

// closeWalkIn closes the form being saved: the name it took from the
// search box leaves the box too, as a scan's text does at Enter.
func (g *Gate) closeWalkIn() tea.Cmd {
	g.mode, g.walkin = modeSearch, nil
	g.input.Reset()
	return g.search()
}

func (g *Gate) openWalkIn(f *walkInForm) {
	g.mode, g.walkin = modeWalkIn, f
	f.SetSize(g.width, g.height)
}

// onWalkInSaved shows the answer to saving the walk-in form f.
func (g *Gate) onWalkInSaved(f *walkInForm, msg walkInDoneMsg, fresh bool) tea.Cmd {
	if g.waitForm == f {
		g.waitForm = nil
	}
	if msg.err == nil || f == nil {
		var cmd tea.Cmd
		if g.walkin == f && f != nil {
			cmd = g.closeWalkIn() // saved while still open
		}
		return tea.Batch(cmd, g.answerCheckIn(checkInMsg(msg), nil, fresh))
	}
	f.failure, f.saving = g.c.errorText(msg.err), false // keep what was typed
	if g.formBack(f, fresh) {
		name, failure := f.fields[fieldName].Value(), f.failure
		g.setAnswer(bannerErr, func() (string, string) {
			return g.c.T("gate.walkin_not_saved", name), failure
		})
	}
	return g.c.bells(bellsErr)
}

// onWalkInSimilar puts up the choice of the people on the roster a walk-in
// may be, found before it was saved (nothing is saved yet).
func (g *Gate) onWalkInSimilar(msg similarMsg, fresh bool) tea.Cmd {
	f := msg.form
	f.askSimilar(msg)
	if g.formBack(f, fresh) {
		name := f.held.Name
		g.setAnswerWord(bannerWarn, "gate.word_err", func() (string, string) {
			return g.c.T("gate.walkin_waits", name), g.c.T("gate.walkin_waits_detail")
		})
	}
	return f.c.bell()
}

// formBack shows the form f again: open still, or reopened when fresh;
// otherwise it waits for Ctrl+N (true), and the caller says so.
func (g *Gate) formBack(f *walkInForm, fresh bool) bool {
	switch {
	case g.walkin == f:
	case fresh:
		g.openWalkIn(f)
	default:
		g.waitForm = f
		return true
	}
	return false
}

// setFormAside: text while the similar names are asked is a badge scanned
// (or typing going on), never a choice: the scanner's Enter must not pick
// the highlighted person or register a duplicate. A badge scanned into the
// form's fields is a scan too. The walk-in waits for Ctrl+N, unsaved, as
// typed; the gate says so, and the keys go to the search box.
func (g *Gate) setFormAside(msg tea.KeyMsg) tea.Cmd {
	f := g.walkin
	g.mode, g.walkin, g.waitForm = modeSearch, nil, f
	g.input.Reset()
	if f.choosing {
		name := f.held.Name
		g.setAnswerWord(bannerWarn, "gate.word_err", func() (string, string) {
			return g.c.T("gate.walkin_waits", name), g.c.T("gate.walkin_waits_detail")
		})
	} else {
		name := f.fields[fieldName].Value()
		g.setAnswerWord(bannerWarn, "gate.word_err", func() (string, string) {
			return g.c.T("gate.walkin_not_saved", name), g.c.T("gate.walkin_scanned")
		})
	}
	return tea.Batch(g.c.bell(), g.onKey(msg))
}

// scannedIntoForm: a scanner's badge typed into the walk-in form (see
// scanBurst). Only a stored ID counts: a number typed into the phone field
// without bracketed paste arrives in one read too.
func (g *Gate) scannedIntoForm(msg tea.KeyMsg) bool {
	_, ok := scanBurst(g.c.Store, msg, false)
	return ok
}
