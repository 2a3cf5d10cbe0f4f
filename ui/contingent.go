package ui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// What an open contingent is asking, if anything.
type membersMode int

const (
	membersList       membersMode = iota
	membersConfirm                // "check in 12 volunteers?"
	membersExcuse                 // sakit or izin, and a note
	membersReplace                // pick the replacement from the roster
	membersReplaceNew             // register a walk-in in their place
	membersSignOff                // the leader's name
	membersIncomplete             // why the sign-off is refused
	membersWithdraw               // take the sign-off back?
	membersAnnulBus               // annul today's bus check-in, with one reason
)

// members is one contingent for its leader: who is missing, several checked
// in at once, excused, replaced, signed off; and on the last day, departures.
type members struct {
	c         *Common
	name      string
	departure bool // departure mode: counting people out
	rows      []model.Person
	info      model.Contingent
	names     map[string]string // names of replacements and those replaced, by ID
	loaded    bool              // rows hold a reply (of the state at version)
	version   uint64
	filter    textinput.Model // "/": search the members
	searching bool            // the search box has the keys
	picked    map[string]bool
	listCursor
	mode    membersMode
	note    string // the answer to the last action
	noteBad bool

	input     textinput.Model // excuse note, leader name, replacement search
	reason    string          // sakit or izin, while excusing
	target    model.Person    // the member being excused or replaced
	found     []model.Person  // replacement candidates
	foundSel  int
	searchSeq uint64
	walkin    *walkInForm
	waiting   []model.Person // who keeps the sign-off back
	bus       db.Bus         // the bus being annulled
	listTop   int            // the first name shown in a dialog's list of names

	width, height int
}

type (
	membersLoadedMsg struct {
		name      string
		departure bool
		version   uint64 // the state the rows were read from
		rows      []model.Person
		info      model.Contingent
		query     string            // the search the rows answer
		names     map[string]string // replacements and those replaced, by ID
	}
	closeMembersMsg struct{}
	// actionDoneMsg is the answer to a leader's action.
	actionDoneMsg struct {
		text      string
		err       error
		counted   bool // a check-in (or departure) of several: moved of of
		moved, of int
	}
	candidatesMsg struct {
		seq  uint64
		rows []model.Person
	}
)

func newMembers(c *Common, name string) *members {
	return &members{c: c, name: name, picked: map[string]bool{}}
}

func (m *members) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = max(10, w-30)
	if m.walkin != nil {
		m.walkin.SetSize(w, h)
	}
	m.clampList()
}

func (m *members) Modal() bool { return m.mode != membersList }

// load reads the members: missing first (in departure mode, those still on
// site first), each with status and arrival time.
func (m *members) load() tea.Cmd {
	st, name, departure, q := m.c.Store, m.name, m.departure, m.query()
	return func() tea.Msg {
		msg := membersLoadedMsg{name: name, query: q, departure: departure}
		first := isMissing
		if departure {
			first = isOnSite
		}
		st.Read(func(s *model.State, ix *model.Index) {
			msg.version = s.Version()
			msg.info, _ = s.Contingent(name)
			if q != "" {
				msg.rows = searched(s, ix, model.Query{Text: q, Contingent: name})
			} else {
				msg.rows = membersFirst(s, name, first)
			}
			msg.names = map[string]string{}
			for _, p := range msg.rows {
				for _, id := range []string{p.ReplacedBy, p.Replaces} {
					if other, ok := s.Person(id); ok {
						msg.names[id] = other.Name
					}
				}
			}
		})
		return msg
	}
}

func (m *members) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case membersLoadedMsg:
		// Reloads run concurrently and may answer out of order: a reply read
		// from an older state than the one shown is dropped.
		if msg.name == m.name && msg.query == m.query() && msg.departure == m.departure &&
			(!m.loaded || msg.version >= m.version) {
			m.rows, m.info, m.names = msg.rows, msg.info, msg.names
			m.loaded, m.version = true, msg.version
			m.clampList()
		}
		return nil
	case signOffCheckMsg:
		return m.onSignOffCheck(msg)
	case storeChangedMsg:
		return m.load()
	case actionDoneMsg:
		if m.mode == membersReplaceNew && msg.err != nil {
			m.walkin.failure, m.walkin.saving = m.c.errorText(msg.err), false // keep what was typed
			return m.c.bell()
		}
		m.mode, m.walkin = membersList, nil
		var inc *db.IncompleteError
		switch {
		case errors.As(msg.err, &inc):
			m.mode, m.waiting = membersIncomplete, inc.Waiting
		case msg.err != nil:
			m.note, m.noteBad = m.c.errorText(msg.err), true
			return tea.Batch(m.load(), m.c.bell())
		default:
			m.note, m.noteBad = msg.text, false
			if msg.counted && m.departure {
				m.note = m.c.T("contingent.departed_n", msg.moved, msg.of)
			} else if msg.counted {
				m.note = m.c.T("contingent.checked_in_n", msg.moved, msg.of)
			}
			m.picked = map[string]bool{}
		}
		return m.load()
	case candidatesMsg:
		if msg.seq == m.searchSeq {
			m.found, m.foundSel = msg.rows, 0
		}
		return nil
	case contingentsMsg:
		if m.walkin != nil {
			m.walkin.Update(msg)
		}
		return nil
	case walkInCancelMsg:
		m.mode, m.walkin = membersList, nil
		return nil
	case busMsg:
		return m.onBus(msg)
	case similarMsg:
		if m.walkin != nil {
			return m.walkin.Update(msg)
		}
		return nil
	case tea.KeyMsg:
		return m.onKey(msg)
	}
	return nil
}

func (m *members) onKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.mode != membersList {
		return m.onDialogKey(msg)
	}
	if m.searching {
		return m.onSearchKey(msg)
	}
	m.note = ""
	switch {
	case key.Matches(msg, k.Back) && m.query() != "":
		return m.clearSearch()
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return closeMembersMsg{} }
	case m.navigate(msg, k, len(m.rows), m.listHeight()):
	case key.Matches(msg, k.ListUp):
		m.sel--
	case key.Matches(msg, k.ListDown):
		m.sel++
	case key.Matches(msg, k.Search):
		m.startSearch()
	case m.c.gateLogin() && (key.Matches(msg, k.Toggle) || key.Matches(msg, k.SelectAll)):
		m.note, m.noteBad = m.c.T("role.no_bulk_checkin"), true
	case m.c.gateLogin() && m.leadersKey(msg):
		// Said before any form is filled in, not after.
		m.note, m.noteBad = m.c.T("role.leaders_keys"), true
	case key.Matches(msg, k.Toggle):
		if p, ok := m.current(); ok {
			if m.movable(p) || m.picked[p.ID] {
				m.picked[p.ID] = !m.picked[p.ID]
			} else {
				m.say(m.whyNot(p))
			}
			m.sel++
		}
	case key.Matches(msg, k.SelectAll):
		// All missing (or, leaving, all on site): the excused stay out of a
		// bus load; one can still be picked alone if they came after all.
		n := 0
		for _, p := range m.rows {
			if (m.departure && p.Status == model.StatusArrived) || (!m.departure && p.Status == model.StatusMissing) {
				m.picked[p.ID] = true
				n++
			}
		}
		if n == 0 {
			m.say(m.c.T(m.byMode("members.nobody_left")))
		}
	case key.Matches(msg, k.Enter):
		if len(m.targets()) > 0 {
			m.mode, m.listTop = membersConfirm, 0
		} else if p, ok := m.current(); ok {
			m.say(m.whyNot(p))
		}
	case key.Matches(msg, k.Annul):
		return m.findBus()
	case key.Matches(msg, k.Departures):
		m.departure, m.picked, m.sel, m.top = !m.departure, map[string]bool{}, 0, 0
		return m.load()
	case key.Matches(msg, k.Excuse):
		if p, ok := m.current(); ok && !m.refuseExcuse(p) {
			m.mode, m.target, m.reason = membersExcuse, p, ""
			m.input = newInput(m.c, m.c.T("contingent.note_placeholder"), 120)
			m.input.Width = max(10, m.width-30)
		}
	case key.Matches(msg, k.Replace):
		if p, ok := m.current(); ok && !m.refuseReplace(p) {
			m.mode, m.target, m.found = membersReplace, p, nil
			m.input = newInput(m.c, m.c.T("contingent.replace_placeholder"), 80)
			m.input.Width = max(10, m.width-30)
		}
	case key.Matches(msg, k.SignOff):
		return m.checkSignOff() // who keeps it back is said before a name is asked
	case key.Matches(msg, k.Withdraw):
		if m.standing() != nil {
			m.mode = membersWithdraw
		} else {
			m.say(m.c.T("members.not_signed"))
		}
	}
	m.clampList()
	return nil
}

// movable reports whether a member can be checked in (or, in departure
// mode, out) from here.
func (m *members) movable(p model.Person) bool {
	if m.departure {
		return p.Status == model.StatusArrived
	}
	return p.Status == model.StatusMissing || p.Status == model.StatusExcused
}

// targets are the picked members, or the one under the cursor.
func (m *members) targets() []string {
	var ids []string
	for _, p := range m.rows {
		if m.picked[p.ID] && m.movable(p) {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 {
		if p, ok := m.current(); ok && m.movable(p) {
			ids = []string{p.ID}
		}
	}
	return ids
}

func (m *members) current() (model.Person, bool) {
	if m.sel < len(m.rows) {
		return m.rows[m.sel], true
	}
	return model.Person{}, false
}

func (m *members) standing() *model.Event {
	if m.departure {
		return m.info.DepartConfirm
	}
	return m.info.Confirm
}

func (m *members) phase() string {
	if m.departure {
		return model.PhaseDeparture
	}
	return model.PhaseArrival
}

func (m *members) onDialogKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.mode == membersReplaceNew {
		return m.walkin.Update(msg)
	}
	if key.Matches(msg, k.Cancel) {
		m.mode = membersList
		return nil
	}
	switch m.mode {
	case membersConfirm:
		if isText(msg) {
			// Typing goes on (a scanner's next badge): the question is
			// dropped, so its Enter never confirms it.
			m.mode = membersList
			m.say(m.c.T("contingent.confirm_dropped"))
			return nil
		}
		if key.Matches(msg, k.Enter) {
			return m.moveTargets()
		}
		m.scrollNames(msg, len(m.targets()))
	case membersAnnulBus:
		return m.onAnnulBusKey(msg)
	case membersIncomplete:
		if key.Matches(msg, k.Enter) {
			m.mode = membersList
		}
	case membersWithdraw:
		if key.Matches(msg, k.Enter) {
			name, phase := m.name, m.phase()
			return m.act(m.c.T("contingent.withdrawn", name), func(st *db.Store, by db.Actor) error {
				_, err := st.Withdraw(name, phase, "", by)
				return err
			})
		}
	case membersSignOff:
		if key.Matches(msg, k.Enter) {
			leader := m.input.Value()
			name, phase := m.name, m.phase()
			return m.act(m.c.T("contingent.signed", name, strings.TrimSpace(leader)), func(st *db.Store, by db.Actor) error {
				_, err := st.Confirm(name, leader, phase, by)
				return err
			})
		}
		return m.updateInput(msg)
	case membersExcuse:
		if m.reason == "" && msg.Type == tea.KeyRunes && len(msg.Runes) > 1 {
			// Keys typed fast arrive together ("sdemam"): the first chooses
			// the reason, the rest are the note.
			first, rest := msg, msg
			first.Runes, rest.Runes = msg.Runes[:1], msg.Runes[1:]
			return tea.Batch(m.onDialogKey(first), m.onDialogKey(rest))
		}
		switch {
		case m.reason == "" && key.Matches(msg, k.Sick):
			m.reason = model.ReasonSick
			return nil
		case m.reason == "" && key.Matches(msg, k.Leave):
			m.reason = model.ReasonLeave
			return nil
		case m.reason != "" && key.Matches(msg, k.Enter):
			id, reason, note, name := m.target.ID, m.reason, m.input.Value(), m.target.Name
			return m.act(m.c.T("contingent.excused", name, reason), func(st *db.Store, by db.Actor) error {
				_, err := st.Excuse(id, reason, note, by)
				return err
			})
		case m.reason != "":
			return m.updateInput(msg)
		}
	case membersReplace:
		switch {
		case key.Matches(msg, k.WalkIn):
			m.mode = membersReplaceNew
			m.walkin = newWalkInForm(m.c, m.input.Value())
			m.walkin.fields[fieldContingent].SetValue(m.name)
			target := m.target
			m.walkin.exclude, m.walkin.intro = target.ID, m.c.T("contingent.replace_new_intro", target.Name)
			m.walkin.submitFn = func(v model.Volunteer) tea.Cmd {
				return m.act(m.c.T("contingent.replaced_new", target.Name, v.Name), func(st *db.Store, by db.Actor) error {
					_, err := st.ReplaceWithWalkIn(target.ID, v, by)
					return err
				})
			}
			m.walkin.pickFn = func(p model.Person) tea.Cmd {
				return m.act(m.c.T("contingent.replaced", target.Name, p.Name), func(st *db.Store, by db.Actor) error {
					_, err := st.Replace(target.ID, p.ID, by)
					return err
				})
			}
			m.walkin.SetSize(m.width, m.height)
			return loadContingents(m.c.Store)
		case key.Matches(msg, k.Up):
			m.foundSel = max(0, m.foundSel-1)
			return nil
		case key.Matches(msg, k.Down):
			m.foundSel = min(len(m.found)-1, m.foundSel+1)
			return nil
		case key.Matches(msg, k.Enter):
			if m.foundSel >= len(m.found) {
				m.say(m.c.T("members.replace_none"))
				return nil
			}
			target, repl := m.target, m.found[m.foundSel]
			return m.act(m.c.T("contingent.replaced", target.Name, repl.Name), func(st *db.Store, by db.Actor) error {
				_, err := st.Replace(target.ID, repl.ID, by)
				return err
			})
		}
		before := m.input.Value()
		cmd := m.updateInput(msg)
		if m.input.Value() != before {
			return tea.Batch(cmd, m.searchCandidates())
		}
		return cmd
	}
	return nil
}

func (m *members) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// searchCandidates looks for a replacement among everyone on the roster.
func (m *members) searchCandidates() tea.Cmd {
	m.searchSeq++
	// Only this contingent: a replacement of another would leave a gap there.
	// Never the person being replaced: they cannot take their own place.
	seq, st, q, self := m.searchSeq, m.c.Store, model.Query{Text: m.input.Value(), Contingent: m.name, Limit: 9}, m.target.ID
	return func() tea.Msg {
		var rows []model.Person
		st.Read(func(s *model.State, ix *model.Index) {
			for _, p := range searched(s, ix, q) {
				if p.ID != self && len(rows) < 8 {
					rows = append(rows, p)
				}
			}
		})
		return candidatesMsg{seq: seq, rows: rows}
	}
}

// act runs a leader's action against the store and reports its answer.
// The text is made here, on the event loop: the command only touches the store.
func (m *members) act(text string, fn func(st *db.Store, by db.Actor) error) tea.Cmd {
	st, by := m.c.Store, m.c.Actor
	return func() tea.Msg {
		return actionDoneMsg{text: text, err: fn(st, by)}
	}
}

// moveTargets checks in (or out) the picked members in one transaction.
func (m *members) moveTargets() tea.Cmd {
	ids, departure := m.targets(), m.departure
	st, by := m.c.Store, m.c.Actor
	return func() tea.Msg {
		move := st.CheckInMany
		if departure {
			move = st.DepartMany
		}
		res, err := move(ids, by)
		done := 0
		for _, r := range res {
			if r.Outcome == db.CheckedIn || r.Outcome == db.Departed {
				done++
			}
		}
		return actionDoneMsg{err: err, moved: done, of: len(ids), counted: true}
	}
}

// listHeight is the rows left for members: a note of two lines takes one.
func (m *members) listHeight() int { return max(1, m.height-6-max(0, len(m.noteLines())-1)) }

func (m *members) clampList() { m.clamp(len(m.rows), m.listHeight()) }
