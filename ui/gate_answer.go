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
// time it comes: no answer is lost, the gate's numbered answers
// (gateAnswer, which carries the gate's own replies) all come, and a screen
// never stays "writing…". Each screen drops replies that are not its own
// (by sequence, name or version). Every reply type a screen's command
// returns belongs here; input and the store's change signal do not.
type answerMsg interface{ answer() }

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

// minScannedSuffix is the shortest tail of the search box taken as a scan
// that landed on half-typed text: shorter tails match IDs by accident.
const minScannedSuffix = 4

// resolveEnter decides what Enter means: an exact ID checks in at once (a
// badge scan); otherwise the selected volunteer is offered for confirmation.
// A code that is nobody's is kept as a note before the gate says so. The
// text leaves the box at once: the scanner's next badge types into an empty
// box while this one is written.
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
	// Enter pressed before the list shows what was typed (a fast typist):
	// the best match of the text is offered, never a row of an older list.
	stale := g.rowsSeq != g.seq
	q := model.Query{Text: text, Contingent: g.contingent, Limit: 1}
	st, by, turn := g.c.Store, g.c.Actor, g.scanTurn()
	g.input.Reset()      // the list stays until the answer searches again: one search per scan
	g.typedAhead = false // the text typed ahead is Enter's now, and its answer searches
	return g.startAction(func(last *lastScan) tea.Msg {
		if m, ok := scannedBadge(st, text); ok {
			return turn.record(st, by, last, m)
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
			return enterMsg{confirm: selected, typed: text}
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

// scanTurn is what recording a scan takes from the gate as its Enter is
// pressed: the mode. What it needs of the actions before it (the badge
// scanned before) it reads in the queue, when they are done.
type scanTurn struct {
	departing bool
	now       func() time.Time
}

func (g *Gate) scanTurn() scanTurn {
	return scanTurn{departing: g.departing, now: g.c.Now}
}

// record checks in (or out) the badge Enter found, in the command that
// found it: one trip to the store per scan. A scanner that fires twice
// sends the same badge again at once: that is a repeat only while the first
// check-in stands (a badge scanned again after its check-in was annulled is
// checked in), and nothing is recorded for it.
func (t scanTurn) record(st *db.Store, by db.Actor, last *lastScan, m enterMsg) enterMsg {
	p := *m.scanned
	m.at = t.now()
	onSite := p.Status == model.StatusArrived || p.Status == model.StatusDeparted
	if p.ID == last.id && t.departing == last.departing && m.at.Sub(last.at) < scanRepeatWindow && onSite {
		m.repeat = true
		return m
	}
	var err error
	if t.departing {
		d := recordDeparture(st, p.ID, by)
		m.departed, err = &d, d.err
	} else {
		c := recordCheckIn(st, p.ID, by)
		m.checked, err = &c, c.err
	}
	*last = lastScan{id: p.ID, at: m.at, departing: t.departing}
	last.forgetIf(err)
	return m
}

// forgetIf forgets the badge scanned before when nothing was saved: the
// same badge again must be tried again, not taken as a repeat.
func (l *lastScan) forgetIf(err error) {
	if err != nil {
		*l = lastScan{}
	}
}

// checkIn is a confirmed name: see recordCheckIn.
func (g *Gate) checkIn(id string) tea.Cmd {
	st, by := g.c.Store, g.c.Actor
	return g.startAction(func(last *lastScan) tea.Msg {
		msg := recordCheckIn(st, id, by)
		last.forgetIf(msg.err)
		return msg
	})
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
	return g.startAction(func(last *lastScan) tea.Msg {
		res, err := st.CheckIn(id, by)
		last.forgetIf(err)
		return checkInMsg{res: res, err: err}
	})
}

func isNotAllowed(err error) bool {
	var denied *db.ErrNotAllowed
	return errors.As(err, &denied)
}

// onEnter shows what an Enter came to. Its text left the box at Enter, so
// what the box holds now was typed since, and stays. A question is put up
// only when fresh: nothing typed and no action started since that Enter.
func (g *Gate) onEnter(msg enterMsg, fresh bool) tea.Cmd {
	switch {
	case msg.scanned != nil:
		p := *msg.scanned
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
			if g.banner.kind == bannerNone && len(g.answers) > 0 {
				g.banner = g.answers[0] // the repeat's keystrokes cleared the first scan's answer: bring it back
			}
			g.setNote(func() string { return g.c.T("gate.repeat_scan", p.ID, p.Name) })
			g.showAbout(&p)
			return g.search()
		}
		if msg.departed != nil {
			return g.answerDepart(*msg.departed, note)
		}
		return g.answerCheckIn(*msg.checked, note, fresh)
	case msg.confirm != nil:
		p := *msg.confirm
		if !fresh {
			g.setNote(func() string { return g.c.T("gate.question_dropped", p.Name) })
			return nil
		}
		g.mode, g.confirming = modeConfirm, p
		g.banner, g.note, g.noteSay = banner{}, "", nil
		if p.Status == model.StatusDeparted && !g.departing {
			// Chosen by name, not scanned: asked at once whether they came back.
			g.mode = modeCameBack
			g.answerLeft(p)
		}
		g.showAbout(msg.confirm)
		g.input.SetValue(msg.typed) // fresh: the box is empty, and shows what the question answers
		return g.search()
	case msg.unknown != "":
		code, noteErr := msg.unknown, msg.noteErr
		g.setAnswer(bannerErr, func() (string, string) {
			return g.c.T("gate.unknown", code), g.c.T("gate.unknown_detail") + g.noteFailed(noteErr)
		})
		g.showAbout(nil)
		return tea.Batch(g.search(), g.c.bells(bellsErr))
	default:
		g.setNote(func() string { return g.c.T("gate.no_results") })
		if g.mode == modeSearch && g.input.Value() == "" {
			g.input.SetValue(msg.nomatch) // nothing typed since: the name comes back to be corrected
			return g.search()
		}
		return nil
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

// answerCheckIn shows the answer to a check-in, and note (when not nil)
// under it: what happened to the text typed before a scan. Someone who left
// is asked about ("came back?") only when fresh, as onEnter asks.
func (g *Gate) answerCheckIn(msg checkInMsg, note func() string, fresh bool) tea.Cmd {
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
		return tea.Batch(g.search(), g.c.bells(bellsErr))
	}
	r := msg.res
	p := r.Person
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
		g.answerLeft(p)
		if fresh {
			g.mode, g.confirming = modeCameBack, p
		} else {
			note = func() string { return g.c.T("gate.question_dropped", p.Name) }
		}
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
// A search typed since the action keeps the pane for its selected row.
func (g *Gate) showAbout(p *model.Person) {
	if g.input.Value() != "" {
		return
	}
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
