package ui

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// answerMsg is the reply to work a screen started (a store read or write,
// a file written). It reaches that screen even when another is shown by the
// time it comes: no answer is lost, the gate never waits for one forever
// with the keys it keeps, and a screen never stays "writing…". Each screen
// drops replies that are not its own (by sequence, name or version). Every
// reply type a screen's command returns belongs here; input and the store's
// change signal do not.
type answerMsg interface{ answer() }

func (enterMsg) answer()             {}
func (checkInMsg) answer()           {}
func (walkInDoneMsg) answer()        {}
func (annulTargetMsg) answer()       {}
func (annulledMsg) answer()          {}
func (departMsg) answer()            {}
func (similarMsg) answer()           {}
func (actionDoneMsg) answer()        {}
func (signOffCheckMsg) answer()      {}
func (reportWrittenMsg) answer()     {}
func (badgeWrittenMsg) answer()      {}
func (contingentsMsg) answer()       {}
func (resultsMsg) answer()           {}
func (candidatesMsg) answer()        {}
func (membersLoadedMsg) answer()     {}
func (contingentsLoadedMsg) answer() {}
func (dashboardLoadedMsg) answer()   {}
func (logLoadedMsg) answer()         {}

// maxPendingKeys bounds the keys kept while a check-in is being written. A
// scanner's burst of badges is far below it; a key held down for minutes is
// not something to replay.
const maxPendingKeys = 4096

// minScannedSuffix is the shortest tail of the search box taken as a scan
// that landed on half-typed text: shorter tails match IDs by accident.
const minScannedSuffix = 4

// startAction marks the gate busy until the answer to cmd is handled: keys
// that arrive meanwhile (a scanner sending the next badge) are kept and
// handled after it, in order, instead of being typed into a box the answer
// is about to clear.
func (g *Gate) startAction(cmd tea.Cmd) tea.Cmd {
	if cmd != nil {
		g.busy = true
	}
	return cmd
}

// finishAction ends the action in flight and handles the keys kept
// meanwhile, until one of them starts the next action.
func (g *Gate) finishAction(cmd tea.Cmd) tea.Cmd {
	g.busy = false
	cmds := []tea.Cmd{cmd}
	for len(g.pending) > 0 && !g.busy {
		next := g.pending[0]
		g.pending = g.pending[1:]
		if g.mode == modeCameBack && next.Type == tea.KeyEnter {
			continue // typed before the question was shown: "came back" must be chosen
		}
		cmds = append(cmds, g.onKey(next))
	}
	return tea.Batch(cmds...)
}

// keep holds a key that arrived during an action.
func (g *Gate) keep(msg tea.KeyMsg) tea.Cmd {
	if len(g.pending) >= maxPendingKeys {
		g.setNote(func() string { return g.c.T("gate.too_many_keys") })
		return g.c.bells(bellsErr)
	}
	g.pending = append(g.pending, msg)
	return nil
}

// resolveEnter decides what Enter means: an exact ID checks in at once (a
// badge scan); otherwise the selected volunteer is offered for confirmation.
// A code that is nobody's is kept as a note before the gate says so.
func (g *Gate) resolveEnter() tea.Cmd {
	text := strings.TrimSpace(g.input.Value())
	if text == "" {
		return nil
	}
	var selected *model.Person
	if g.sel < len(g.rows) && g.rowsSeq == g.seq {
		p := g.rows[g.sel]
		selected = &p
	}
	// Keys replayed after a check-in (or typed faster than the search
	// answers) may press Enter before the list shows what was typed: then
	// the best match of the text is offered, never a row of an older list.
	stale := g.rowsSeq != g.seq
	q := model.Query{Text: text, Contingent: g.contingent, Limit: 1}
	st, by, turn := g.c.Store, g.c.Actor, g.scanTurn()
	return g.startAction(func() tea.Msg {
		if m, ok := scannedBadge(st, text); ok {
			return turn.record(st, by, m)
		}
		if looksLikeID(text) {
			// A badge that is on no roster: never offer a near match instead.
			_, err := st.RecordNote(text, model.NoteUnknownBadge, "", by)
			return enterMsg{unknown: text, noteErr: err}
		}
		if stale {
			st.Read(func(s *model.State, ix *model.Index) {
				if best := searched(s, ix, q); len(best) > 0 {
					selected = &best[0]
				}
			})
		}
		if selected != nil {
			return enterMsg{confirm: selected}
		}
		return enterMsg{nomatch: text}
	})
}

// scannedBadge finds the badge in text: the whole of it, or a scan that
// landed on half-typed text ("siti" then a badge), whose longest tail that
// is a known ID is the scan.
func scannedBadge(st *db.Store, text string) (enterMsg, bool) {
	if p, ok := lookupID(st, text); ok {
		return enterMsg{scanned: &p}, true
	}
	for i := 1; i < len(text); i++ {
		tail := text[i:]
		if utf8.RuneCountInString(tail) < minScannedSuffix {
			break
		}
		if !utf8.RuneStart(text[i]) || !looksLikeID(tail) {
			continue
		}
		if p, ok := lookupID(st, tail); ok {
			return enterMsg{scanned: &p, dropped: strings.TrimSpace(text[:i])}, true
		}
	}
	return enterMsg{}, false
}

// lookupID finds a volunteer by an ID as typed or as a scanner set to lower
// case sends it.
func lookupID(st *db.Store, text string) (model.Person, bool) {
	if p, ok := st.Person(text); ok {
		return p, true
	}
	return st.Person(strings.ToUpper(text))
}

// scanTurn is what recording a scan needs to know of the gate as its Enter
// is pressed: the mode, and the badge scanned before it (a scanner that
// fires twice). Keys wait while an action is in flight (startAction), so
// it is still true when the command runs.
type scanTurn struct {
	departing bool
	lastID    string
	lastAt    time.Time
	now       func() time.Time
}

func (g *Gate) scanTurn() scanTurn {
	return scanTurn{departing: g.departing, lastID: g.lastScanID, lastAt: g.lastScanAt, now: g.c.Now}
}

// record checks in (or out) the badge Enter found, in the command that
// found it: one trip to the store per scan. A scanner that fires twice
// sends the same badge again at once: that is a repeat only while the first
// check-in stands (a badge scanned again after its check-in was annulled is
// checked in), and nothing is recorded for it.
func (t scanTurn) record(st *db.Store, by db.Actor, m enterMsg) enterMsg {
	p := *m.scanned
	m.at = t.now()
	onSite := p.Status == model.StatusArrived || p.Status == model.StatusDeparted
	switch {
	case p.ID == t.lastID && m.at.Sub(t.lastAt) < scanRepeatWindow && onSite:
		m.repeat = true
	case t.departing:
		d := recordDeparture(st, p.ID, by)
		m.departed = &d
	default:
		c := recordCheckIn(st, p.ID, by)
		m.checked = &c
	}
	return m
}

// checkIn is a confirmed name: see recordCheckIn.
func (g *Gate) checkIn(id string) tea.Cmd {
	st, by := g.c.Store, g.c.Actor
	return g.startAction(func() tea.Msg { return recordCheckIn(st, id, by) })
}

// recordCheckIn checks in a scan or a confirmed name: a volunteer who left
// is not checked back in (see cameBack), and that scan is kept as a note,
// as is one the login's role refuses.
func recordCheckIn(st *db.Store, id string, by db.Actor) checkInMsg {
	res, err := st.GateCheckIn(id, by)
	msg := checkInMsg{res: res, err: err}
	switch {
	case err == nil && res.Outcome == db.HasLeft:
		_, msg.noteErr = st.RecordNote(id, model.NoteDeparted, id, by)
	case isNotAllowed(err):
		_, msg.noteErr = st.RecordNote(id, model.NoteRefusedRole, id, by)
	}
	return msg
}

// cameBack checks in again a volunteer who left: the deliberate choice
// after the amber answer.
func (g *Gate) cameBack(id string) tea.Cmd {
	st, by := g.c.Store, g.c.Actor
	return g.startAction(func() tea.Msg {
		res, err := st.CheckIn(id, by)
		return checkInMsg{res: res, err: err}
	})
}

func isNotAllowed(err error) bool {
	var denied *db.ErrNotAllowed
	return errors.As(err, &denied)
}

func (g *Gate) onEnter(msg enterMsg) tea.Cmd {
	switch {
	case msg.scanned != nil:
		p := *msg.scanned
		g.input.Reset()
		var note func() string // said under the answer
		if msg.annulSkipped != "" {
			reason := msg.annulSkipped
			note = func() string { return g.c.T("gate.annul_not_made", reason) }
		}
		if msg.dropped != "" {
			dropped := msg.dropped
			note = func() string { return g.c.T("gate.dropped_text", dropped, p.ID) }
		}
		if msg.repeat { // see scanTurn.record
			g.banner = g.shelved // the repeat's keystrokes cleared the answer: bring it back
			g.setNote(func() string { return g.c.T("gate.repeat_scan", p.ID, p.Name) })
			g.showAbout(&p)
			return g.finishAction(g.search())
		}
		g.lastScanID, g.lastScanAt = p.ID, msg.at
		if msg.departed != nil {
			return g.finishAction(g.answerDepart(*msg.departed, note))
		}
		return g.finishAction(g.answerCheckIn(*msg.checked, note))
	case msg.confirm != nil:
		p := *msg.confirm
		g.mode, g.confirming = modeConfirm, p
		g.banner, g.note, g.noteSay = banner{}, "", nil
		if p.Status == model.StatusDeparted && !g.departing {
			// Chosen by name, not scanned: asked at once whether they came back.
			g.mode = modeCameBack
			g.answerLeft(p)
		}
		g.showAbout(msg.confirm)
		return g.finishAction(nil)
	case msg.unknown != "":
		g.input.Reset()
		code, noteErr := msg.unknown, msg.noteErr
		g.setAnswer(bannerErr, func() (string, string) {
			return g.c.T("gate.unknown", code), g.c.T("gate.unknown_detail") + g.noteFailed(noteErr)
		})
		g.showAbout(nil)
		return g.finishAction(tea.Batch(g.search(), g.c.bells(bellsErr)))
	default:
		g.setNote(func() string { return g.c.T("gate.no_results") })
		return g.finishAction(nil)
	}
}

// noteFailed says, after an answer, that its note could not be kept.
func (g *Gate) noteFailed(err error) string {
	if err == nil {
		return ""
	}
	return " " + g.c.T("gate.note_failed", g.c.errorText(err))
}

// looksLikeID tells a badge code from a name: codes have a digit and no
// spaces, names have no digits.
func looksLikeID(s string) bool {
	return !strings.ContainsAny(s, " \t") && strings.ContainsAny(s, "0123456789")
}

func (g *Gate) onCheckIn(msg checkInMsg) tea.Cmd {
	return g.finishAction(g.answerCheckIn(msg, nil))
}

// answerCheckIn shows the answer to a check-in, and note (when not nil)
// under it: what happened to the text typed before a scan.
func (g *Gate) answerCheckIn(msg checkInMsg, note func() string) tea.Cmd {
	defer func() {
		if note != nil {
			g.setNote(note)
		}
	}()
	if msg.err != nil {
		err, noteErr := msg.err, msg.noteErr
		g.setAnswer(bannerErr, func() (string, string) {
			return g.c.T("gate.failed"), g.c.errorText(err) + g.noteFailed(noteErr)
		})
		g.lastScanID = "" // nothing was saved: the same badge again must be tried again
		return tea.Batch(g.search(), g.c.bells(bellsErr))
	}
	r := msg.res
	p := r.Person
	g.input.Reset()
	switch r.Outcome {
	case db.CheckedIn:
		g.setAnswer(bannerOK, func() (string, string) {
			return g.c.T("gate.checked_in", p.ID, p.Name, p.Contingent),
				g.c.T("gate.checked_in_detail", p.Contingent, g.c.Number(r.Contingent.Arrived), g.c.Number(r.Contingent.Expected))
		})
		g.showAbout(&p)
		return tea.Batch(g.search(), g.c.bells(bellsOK))
	case db.AlreadyArrived:
		g.setAnswer(bannerWarn, func() (string, string) {
			return g.c.T("gate.already", p.ID, p.Name),
				g.c.T("gate.already_detail", g.c.When(r.First.At), r.First.Station, orDash(r.First.Operator))
		})
		g.showAbout(&p)
		return tea.Batch(g.search(), g.c.bells(bellsWarn))
	case db.HasLeft:
		g.mode, g.confirming = modeCameBack, p
		g.answerLeft(p)
		if msg.noteErr != nil {
			noteErr := msg.noteErr
			note = func() string { return g.noteFailed(noteErr) }
		}
		g.showAbout(&p)
		return tea.Batch(g.search(), g.c.bells(bellsWarn))
	default:
		g.setAnswer(bannerErr, func() (string, string) { return g.c.T("gate.unknown", p.ID), g.c.T("gate.unknown_detail") })
		g.showAbout(nil)
		return tea.Batch(g.search(), g.c.bells(bellsErr))
	}
}

// answerLeft is the amber answer for a volunteer who left: when, and who
// recorded it; nothing is recorded until "came back" is chosen.
func (g *Gate) answerLeft(p model.Person) {
	var left model.Event
	if p.Departure != nil {
		left = *p.Departure
	}
	g.setAnswerWord(bannerWarn, "gate.word_left", func() (string, string) {
		return g.c.T("gate.left", p.ID, p.Name),
			g.c.T("gate.left_detail", g.c.When(left.At), orDash(left.Operator), left.Station)
	})
}

// showAbout makes the details pane show the person an answer is about (nil:
// nobody, for an unknown ID) until the next action, whatever row was selected.
func (g *Gate) showAbout(p *model.Person) {
	g.answered, g.about = true, nil
	if p != nil {
		cp := *p
		g.about = &cp
	}
}

// forgetAbout gives the details pane back to the selected row.
func (g *Gate) forgetAbout() { g.answered, g.about = false, nil }

// answerWord is the latest answer as a symbol and a word in spaced capitals
// ("✓  H A D I R  ✓"): the first thing a glance from the queue catches.
func (g *Gate) answerWord() string {
	var mark, key string
	switch g.banner.kind {
	case bannerOK:
		mark, key = "✓", "gate.word_ok"
	case bannerWarn:
		mark, key = "!", "gate.word_already"
	default:
		mark, key = "✗", "gate.word_err"
	}
	if g.banner.word != "" {
		key = g.banner.word
	}
	letters := strings.Split(g.c.T(key), "")
	return mark + "  " + strings.Join(letters, " ") + "  " + mark
}
