package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// The gate's modes: what Enter and Esc mean right now.
type gateMode int

const (
	modeSearch   gateMode = iota // typing a name or waiting for a scan
	modeConfirm                  // "check in NAME?" Enter = yes, Esc = no
	modeReason                   // annulling the last check-in: asking why
	modeWalkIn                   // the walk-in form is open
	modeFilter                   // choosing a contingent to search in
	modeCameBack                 // a departed volunteer scanned: "came back?" Enter = yes, Esc = no
)

// scanRepeatWindow: a scanner that fires twice sends the same ID again at
// once; a second scan of the same badge within this window is ignored.
const scanRepeatWindow = 3 * time.Second

// resultLimit bounds the ranked results fetched per keystroke: more than any
// screen shows, far fewer than the roster.
const resultLimit = 200

// latestShown is how many of the latest arrivals the idle gate lists.
const latestShown = 50

type bannerKind int

const (
	bannerNone bannerKind = iota
	bannerOK              // green: checked in
	bannerWarn            // amber: already checked in
	bannerErr             // red: unknown ID, or a failure
	bannerNote            // quiet: annulled, ignored repeat scan
)

// banner is the large answer that stays until the next action.
type banner struct {
	kind   bannerKind
	title  string
	detail string
	// say gives title and detail again in the session's language: Ctrl+L
	// shows the latest answers in the new one.
	say  func() (title, detail string)
	word string    // the text key of the answer's word, when not the kind's own
	at   time.Time // when it was answered, for the answers kept under it
	n    uint64    // which answer it is (0: none)
}

// Gate is the check-in screen.
type Gate struct {
	c      *Common
	input  textinput.Model
	reason textinput.Model
	mode   gateMode

	rows []model.Person // ranked results of the current query
	listCursor
	seq   uint64   // the newest search asked for; older replies are dropped
	found foundSet // what the last search found, kept while the index does not change

	banner     banner
	note       string        // a quiet line under the banner
	noteSay    func() string // says the note again in the session's language
	answers    []banner      // the latest answers, newest first (answersKept)
	answerN    uint64        // answers given so far
	departing  bool          // departures mode: a scan records a departure
	confirming model.Person
	annulling  model.Event
	annulName  string
	contingent string // search only this contingent ("" = all)

	rowsSeq    uint64        // the search the rows answer; behind seq while one is on its way
	typedAhead bool          // keys changed the box while a search was on its way (searchTyped)
	rowsQuery  model.Query   // the query the rows answer
	answered   bool          // the details pane shows about, not the selected row
	about      *model.Person // whom the latest answer is about (nil: nobody)

	// The actions in flight (gate_queue.go): issued and applied count
	// them, early holds answers that came before an earlier one's.
	queue           *gateQueue
	issued, applied uint64
	early           map[uint64]gateAnswer
	typedSince      bool // a key changed the box or the mode since the last action started

	walkin   *walkInForm
	waitForm *walkInForm // a walk-in saved while typing went on that needs the form again (Ctrl+N)
	picker   *picker

	width, height int
	rowsDrawn     uint64 // changes whenever rows do: the drawings of the list are kept until then
	drawn         gateDrawn
}

// Messages of the gate: each carries what a store call returned.
type (
	resultsMsg struct {
		seq   uint64
		rows  []model.Person
		about *model.Person // the latest answer's person, read again
		found foundSet
		query model.Query // what the rows answer
	}
	// enterMsg is what Enter resolved to: a scanned ID, the selected
	// volunteer to confirm, or an unknown ID.
	enterMsg struct {
		scanned *model.Person
		confirm *model.Person
		unknown string // looked like an ID, and no volunteer has it
		nomatch string // a name that found nobody
		typed   string // the name Enter took from the box, put back with its question
		dropped string // text typed before the scanned ID, not part of it
		noteErr error  // the unknown ID could not be kept as a note
		// What recording the scan did, in the same command (scanTurn.record):
		// when, and checked (or departed) unless it was a repeat.
		at       time.Time
		repeat   bool
		checked  *checkInMsg
		departed *departMsg
		// annulSkipped is an annul's reason that was a known badge: taken
		// as a scan, and the annul not made.
		annulSkipped string
	}
	checkInMsg struct {
		res     db.CheckInResult
		err     error
		noteErr error // the refused scan could not be kept as a note
	}
	annulTargetMsg struct {
		event model.Event
		name  string
		found bool
	}
	annulledMsg struct {
		name   string
		person model.Person // as they stand after the annul
		err    error
	}
	// departMsg answers a departure recorded in departures mode.
	departMsg struct {
		res     db.CheckInResult
		err     error
		noteErr error
	}
)

func newGate(c *Common) *Gate {
	g := &Gate{c: c, queue: &gateQueue{}}
	g.input = newInput(c, c.T("gate.placeholder"), 80)
	g.reason = newInput(c, c.T("gate.reason_placeholder"), 120)
	return g
}

func (g *Gate) Title() string { return g.c.T("screen.gate") }

func (g *Gate) Init() tea.Cmd { return g.search() }

// CapturesKey: the search box takes every printable key but "?" (in no
// name or ID), so a name or a scanned ID never runs a command.
func (g *Gate) CapturesKey(msg tea.KeyMsg) bool { return isText(msg) && msg.String() != "?" }

func (g *Gate) Modal() bool { return g.mode != modeSearch }

func (g *Gate) SetSize(w, h int) {
	g.width, g.height = w, h
	g.sizeInput()
	g.reason.Width = max(10, w-30)
	if g.walkin != nil {
		g.walkin.SetSize(w, h)
	}
	g.clampSelection()
}

func (g *Gate) ShortHelp() []key.Binding {
	k := g.c.Keys
	switch g.mode {
	case modeConfirm:
		if g.departing {
			return []key.Binding{withHelp(k.Enter, "enter", g.c.T("key.yes_depart")), withHelp(k.Cancel, "esc", g.c.T("key.no"))}
		}
		return []key.Binding{withHelp(k.Enter, "enter", g.c.T("key.yes_checkin")), withHelp(k.Cancel, "esc", g.c.T("key.no"))}
	case modeCameBack:
		return []key.Binding{withHelp(k.Enter, "enter", g.c.T("key.yes_came_back")), withHelp(k.Cancel, "esc", g.c.T("key.no"))}
	case modeReason:
		return []key.Binding{withHelp(k.Enter, "enter", g.c.T("key.annul")), withHelp(k.Cancel, "esc", g.c.T("key.cancel"))}
	case modeWalkIn:
		return g.walkin.ShortHelp()
	case modeFilter:
		return g.picker.ShortHelp()
	}
	return []key.Binding{g.enterKey(), k.Up, k.Annul, k.WalkIn, k.Filter, k.NextScreen}
}

// enterKey is Enter as help shows it: a check-in, or in departures mode a
// departure.
func (g *Gate) enterKey() key.Binding {
	if g.departing {
		return withHelp(g.c.Keys.Enter, "enter", g.c.T("key.record_departure"))
	}
	return g.c.Keys.Enter
}

// FullHelp lists the keys that work now: a question's or form's own, or
// the search's.
func (g *Gate) FullHelp() [][]key.Binding {
	k := g.c.Keys
	if g.mode != modeSearch {
		return [][]key.Binding{g.ShortHelp()}
	}
	return [][]key.Binding{{g.enterKey(), k.Cancel, k.Up, k.PageUp, k.Home}, {k.Annul, k.WalkIn, k.Filter, g.c.leadersOnly(k.Badge), g.c.leadersOnly(k.GateDepart)}}
}

func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

// Update handles the gate's keys and the replies of its store calls.
func (g *Gate) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case storeChangedMsg:
		return g.search() // statuses in the list may have changed at another gate
	case langChangedMsg:
		g.input.Placeholder = g.c.T("gate.placeholder")
		g.reason.Placeholder = g.c.T("gate.reason_placeholder")
		g.sizeInput() // the departures word is as long as its language makes it
		g.sayAgain()
		return nil
	case resultsMsg:
		if msg.seq == g.seq {
			if msg.about != nil && g.about != nil && msg.about.ID == g.about.ID && !msg.about.Same(*g.about) {
				g.about = msg.about // its status changed since the answer
			}
			g.found, g.rowsSeq = msg.found, msg.seq
			g.setRows(msg.rows, msg.query)
			return g.searchedAll(msg.query)
		}
		return nil
	case gateAnswer:
		return g.onAnswer(msg)
	case contingentsMsg:
		if g.walkin != nil {
			g.walkin.Update(msg)
		}
		if g.picker != nil {
			g.picker.setOptions(msg.names)
		}
		return nil
	case pickedMsg:
		g.mode, g.picker = modeSearch, nil
		if !msg.cancelled {
			g.contingent = msg.value
		}
		return g.search()
	case badgeWrittenMsg:
		return g.onBadgeWritten(msg)
	case walkInCancelMsg:
		g.mode, g.walkin = modeSearch, nil
		return nil
	case tea.MouseMsg:
		if g.mode == modeSearch && msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				g.forgetAbout()
				g.move(-1)
			case tea.MouseButtonWheelDown:
				g.forgetAbout()
				g.move(1)
			}
		}
		return nil
	case tea.KeyMsg:
		issued, text, mode, departing := g.issued, g.input.Value(), g.mode, g.departing
		cmd := g.onKey(msg)
		changed := g.input.Value() != text || g.mode != mode || g.departing != departing || mode == modeWalkIn
		if g.issued == issued && changed {
			g.typedSince = true // an answer's question would now come out of turn
		}
		return cmd
	}
	return nil
}

// apply shows the answer to one action, in the order they were started.
func (g *Gate) apply(a gateAnswer) tea.Cmd {
	fresh := g.fresh(a)
	switch msg := a.msg.(type) {
	case enterMsg:
		return g.onEnter(msg, fresh)
	case checkInMsg:
		return g.answerCheckIn(msg, nil, fresh)
	case departMsg:
		return g.answerDepart(msg, nil)
	case annulTargetMsg:
		g.onAnnulTarget(msg, fresh)
	case annulledMsg:
		return g.onAnnulled(msg)
	case walkInDoneMsg:
		return g.onWalkInSaved(a.form, msg, fresh)
	case similarMsg:
		return g.onWalkInSimilar(msg, fresh)
	}
	return nil
}

func (g *Gate) onKey(msg tea.KeyMsg) tea.Cmd {
	k := g.c.Keys
	switch g.mode {
	case modeWalkIn:
		if g.walkin.choosing && isText(msg) || g.scannedIntoForm(msg) {
			return g.setFormAside(msg)
		}
		issued := g.issued
		cmd := g.walkin.Update(msg)
		if g.issued != issued {
			return tea.Batch(cmd, g.closeWalkIn()) // saved in the queue: the keys go to the search box meanwhile
		}
		return cmd
	case modeFilter:
		return g.picker.Update(msg)
	case modeConfirm, modeCameBack:
		switch {
		case key.Matches(msg, k.Enter):
			mode := g.mode
			g.mode = modeSearch
			g.input.Reset() // the name asked about leaves the box, as a scan's does
			switch {
			case mode == modeCameBack:
				return g.cameBack(g.confirming.ID)
			case g.departing:
				return g.depart(g.confirming.ID)
			}
			return g.checkIn(g.confirming.ID)
		case key.Matches(msg, k.Cancel):
			g.mode = modeSearch
			return nil
		case !isText(msg):
			return nil
		}
		// Typing (or a badge scan) while asked to confirm is a new action:
		// the question is dropped, and the keys start a new search.
		g.mode = modeSearch
		g.input.Reset()
	case modeReason:
		switch {
		case key.Matches(msg, k.Enter):
			reason := strings.TrimSpace(g.reason.Value())
			if reason == "" {
				g.setNote(func() string { return g.c.T("gate.reason_needed") })
				return nil
			}
			g.mode, g.note, g.noteSay = modeSearch, "", nil
			return g.annul(g.annulling, reason, g.annulName)
		case key.Matches(msg, k.Cancel):
			g.mode, g.note, g.noteSay = modeSearch, "", nil
			return nil
		}
		var cmd tea.Cmd
		g.reason, cmd = g.reason.Update(msg)
		return cmd
	}

	switch {
	case key.Matches(msg, k.Enter):
		return g.resolveEnter()
	case key.Matches(msg, k.Cancel):
		g.input.Reset()
		g.banner, g.note, g.noteSay = banner{}, "", nil
		g.forgetAbout()
		return g.search()
	case g.navigate(msg, k, len(g.rows), g.listHeight()):
		g.forgetAbout()
		return nil
	case key.Matches(msg, k.Annul):
		return g.findLastArrival()
	case key.Matches(msg, k.GateDepart):
		return g.toggleDepartures()
	case key.Matches(msg, k.WalkIn):
		if f := g.waitForm; f != nil {
			g.waitForm, g.note, g.noteSay = nil, "", nil
			g.openWalkIn(f)
			return nil
		}
		g.openWalkIn(g.newWalkIn())
		return loadContingents(g.c.Store)
	case key.Matches(msg, k.Badge):
		return g.printBadge()
	case key.Matches(msg, k.Filter):
		g.mode = modeFilter
		g.picker = newPicker(g.c, g.c.T("gate.filter_title"), g.c.T("gate.filter_all"))
		return loadContingents(g.c.Store)
	}
	before := g.input.Value()
	var cmd tea.Cmd
	g.input, cmd = g.input.Update(msg)
	if g.input.Value() == before {
		return cmd
	}
	// A new query is the next action: the old answer goes.
	g.banner, g.note, g.noteSay = banner{}, "", nil
	g.forgetAbout()
	return tea.Batch(cmd, g.searchTyped())
}

// setRows shows the rows a search found. The same query read again (a
// check-in elsewhere) keeps the volunteer selected; a new query selects its
// best match, never the row picked for the query before.
func (g *Gate) setRows(rows []model.Person, query model.Query) {
	var keep string
	switch {
	case g.about != nil:
		keep = g.about.ID // the answer's person, when the list has them
	case query == g.rowsQuery && g.sel < len(g.rows):
		keep = g.rows[g.sel].ID
	}
	if !model.SamePeople(rows, g.rows) {
		g.rowsDrawn++
	}
	if query != g.rowsQuery {
		g.top = 0
	}
	g.rows, g.rowsQuery, g.sel = rows, query, 0
	for i, p := range rows {
		if p.ID == keep {
			g.sel = i
			break
		}
	}
	g.clampSelection()
}

func (g *Gate) move(delta int) {
	g.sel += delta
	g.clampSelection()
}

func (g *Gate) clampSelection() { g.clamp(len(g.rows), g.listHeight()) }
