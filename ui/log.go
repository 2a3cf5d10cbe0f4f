package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// logMargin is how many rows are fetched above and below the visible ones,
// so scrolling a little or a taller window needs no new read.
const logMargin = 40

// logWheelStep is how many rows one turn of the mouse wheel scrolls.
const logWheelStep = 3

// Log is the audit trail: every event, newest first, searchable. It holds
// only the rows around the visible ones; with a search, it also holds the
// IDs of the matching events (not the events).
type Log struct {
	c       *Common
	input   textinput.Model
	keyHome key.Binding
	keyEnd  key.Binding
	// kindWords is each kind's words in both languages, lower case, so a
	// search for "tiba" or "arrived" finds arrivals whatever the language.
	kindWords map[model.Kind]string

	seq     uint64 // the newest load asked for; older replies are dropped
	loaded  bool
	total   int    // rows in the list: every event, or the search's matches
	events  int    // every event in the store
	listFor string // the query total and the rows belong to

	found logMatchSet // the last search's matches

	top, sel int      // the first visible row and the selected one, in list order
	winStart int      // list index of win[0]
	win      []logRow // the rows read around the visible ones

	detail        bool // the selected event's details are open
	width, height int
}

// logLoadedMsg carries one read of the log.
type logLoadedMsg struct {
	seq      uint64
	query    string
	found    *logMatchSet // the search's matches, when they changed
	total    int
	events   int
	shift    int // rows added above the requested top (or taken by clamping)
	winStart int
	win      []logRow
}

// logRequest is what a load needs, copied so the command shares nothing
// that the screen changes.
type logRequest struct {
	seq       uint64
	query     string      // lower case, spaces collapsed; "" = every event
	found     logMatchSet // the last search's matches, to reuse or update
	kindWords map[model.Kind]string
	top       int
	height    int
	known     int  // the total the top refers to; -1 when it refers to another list
	follow    bool // at the top: stay on the newest events
}

var _ Screen = (*Log)(nil)

func newLog(c *Common) *Log {
	l := &Log{c: c, kindWords: map[model.Kind]string{}}
	l.input = newInput(c, c.T("log.placeholder"), 80)
	l.keyHome = key.NewBinding(key.WithKeys("home"))
	l.keyEnd = key.NewBinding(key.WithKeys("end"))
	for k, t := range logKindText {
		l.kindWords[k] = strings.ToLower(texts[t][Indonesian] + " | " + texts[t][English])
	}
	return l
}

func (l *Log) Title() string { return l.c.T("log.title") }

// Init reads the log afresh each time the screen is shown.
func (l *Log) Init() tea.Cmd { return l.load() }

// CapturesKey: the search box takes every printable key but "?", so a
// name or an ID is typed, never run as a command.
func (l *Log) CapturesKey(msg tea.KeyMsg) bool { return isText(msg) && msg.String() != "?" }

// Modal is true while the details are open: Esc closes them.
func (l *Log) Modal() bool { return l.detail }

func (l *Log) SetSize(w, h int) {
	l.width, l.height = w, h
	l.input.Width = max(10, w-6)
	l.clampSel()
}

func (l *Log) ShortHelp() []key.Binding {
	k := l.c.Keys
	if l.detail {
		return []key.Binding{withHelp(k.Cancel, "esc", l.c.T("log.key_close")), withHelp(k.Up, "↑/↓", l.c.T("log.key_other"))}
	}
	// Short: the help line must leave room for the global keys at 70 wide.
	return []key.Binding{k.Up, k.PageUp, withHelp(k.Enter, "enter", l.c.T("log.key_details")), k.Cancel}
}

func (l *Log) FullHelp() [][]key.Binding {
	k := l.c.Keys
	if l.detail {
		return [][]key.Binding{l.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.PageUp, withHelp(l.keyHome, "home/end", l.c.T("log.key_ends"))},
		{withHelp(k.Enter, "enter", l.c.T("log.key_details")), withHelp(k.Cancel, "esc", l.c.T("log.key_clear"))},
	}
}

// query is the search as matched: lower case, spaces collapsed.
func (l *Log) query() string {
	return strings.ToLower(strings.Join(strings.Fields(l.input.Value()), " "))
}

// load reads the rows around the visible ones (and, for a new search or a
// changed store, the matches). The reply carries a sequence number, so a
// slow reply to an older request is dropped.
func (l *Log) load() tea.Cmd {
	l.seq++
	r := logRequest{seq: l.seq, query: l.query(), kindWords: l.kindWords, top: l.top,
		height: l.listHeight(), known: l.total, follow: l.top == 0 && !l.detail}
	if !l.loaded || r.query != l.listFor {
		r.known = -1
	}
	if r.query != "" {
		r.found = l.found
	}
	st := l.c.Store
	return func() tea.Msg {
		var m logLoadedMsg
		st.Read(func(s *model.State, _ *model.Index) { m = r.run(s) })
		return m
	}
}

// run reads under the store's lock: only the page around the visible rows
// with no search; with one, a scan that keeps the matching IDs.
func (r logRequest) run(s *model.State) logLoadedMsg {
	m := logLoadedMsg{seq: r.seq, query: r.query, events: s.EventCount()}
	var ids []string
	if r.query == "" {
		m.total = m.events
	} else {
		found, changed := r.found.update(s, r.query, r.kindWords)
		if changed {
			m.found = &found
		}
		ids = found.ids
		m.total = len(ids)
	}
	top := r.top
	if !r.follow && r.known >= 0 {
		// Reading older events: new ones arrive above, so move down with
		// the rows on screen rather than let them slide away.
		top += m.total - r.known
	}
	top = max(0, min(top, m.total-r.height))
	m.shift = top - r.top
	margin := max(r.height, logMargin)
	m.winStart = max(0, top-margin)
	end := min(m.total, top+r.height+margin)
	if m.winStart >= end {
		return m
	}
	m.win = make([]logRow, 0, end-m.winStart)
	if r.query == "" {
		for _, e := range s.NewestEvents(m.winStart, end-m.winStart) {
			m.win = append(m.win, logRowOf(s, e))
		}
		return m
	}
	for _, id := range ids[m.winStart:end] {
		e, ok := s.Event(id)
		if !ok {
			e = model.Event{ID: id} // never removed; keep the rows aligned all the same
		}
		m.win = append(m.win, logRowOf(s, e))
	}
	return m
}

// logMatchSet is a search's result: the IDs of the matching events, newest
// first, and the state they were found in.
type logMatchSet struct {
	query   string
	ids     []string // never changed once made: load commands share it
	version uint64   // the state's version
	events  int      // the number of events
	newest  string   // the newest event's ID
}

// update brings a search up to date with the state, for query q. It scans
// every event only when it must: a state it has seen needs nothing; events
// added after the newest one searched need only those searched; a longer
// query keeps those of the shorter one's matches that still match.
func (p logMatchSet) update(s *model.State, q string, kindWords map[model.Kind]string) (logMatchSet, bool) {
	v, n := s.Version(), s.EventCount()
	if p.query == q && p.version == v {
		return p, false
	}
	out := logMatchSet{query: q, version: v, events: n}
	if n > 0 {
		out.newest = s.NewestEvents(0, 1)[0].ID
	}
	added := n - p.events
	switch {
	case p.query == q && added > 0 && v-p.version == uint64(added) && p.newest != "" &&
		s.NewestEvents(added, 1)[0].ID == p.newest:
		// Only events newer than the last search (live check-ins): the
		// version moved once per event, so no record changed either.
		s.EachEventNewestFirst(func(e model.Event) bool {
			if added == 0 {
				return false
			}
			added--
			if logMatches(s, &e, q, kindWords) {
				out.ids = append(out.ids, e.ID)
			}
			return true
		})
		out.ids = append(out.ids, p.ids...)
	case p.query != "" && strings.Contains(q, p.query) && p.version == v && len(p.ids) <= n/4:
		// Typing on: whatever matches the longer query matched the shorter.
		for _, id := range p.ids {
			if e, ok := s.Event(id); ok && logMatches(s, &e, q, kindWords) {
				out.ids = append(out.ids, id)
			}
		}
	default:
		out.ids = scanLog(s, q, kindWords)
	}
	return out, true
}

// scanLog returns the IDs of the events that match q, newest first.
func scanLog(s *model.State, q string, kindWords map[model.Kind]string) []string {
	var ids []string
	s.EachEventNewestFirst(func(e model.Event) bool {
		if logMatches(s, &e, q, kindWords) {
			ids = append(ids, e.ID)
		}
		return true
	})
	return ids
}

// logMatches reports whether q (lower case) is in the event's volunteer
// name or ID, event ID, station, operator, kind, reason, note or leader; for
// a sign-off, its contingent; for a replacement, the replaced volunteer.
func logMatches(s *model.State, e *model.Event, q string, kindWords map[model.Kind]string) bool {
	if containsFold(e.Volunteer, q) || containsFold(e.ID, q) || containsFold(e.Station, q) ||
		containsFold(e.Operator, q) || strings.Contains(kindWords[e.Kind], q) ||
		containsFold(e.Reason, q) || containsFold(e.Note, q) || containsFold(e.Leader, q) {
		return true
	}
	name := func(id string) bool {
		p, ok := s.Person(id)
		return ok && containsFold(p.Name, q)
	}
	switch e.Kind {
	case model.KindConfirm, model.KindWithdraw:
		return containsFold(e.Contingent, q)
	case model.KindReplace:
		if containsFold(e.Ref, q) || name(e.Ref) {
			return true
		}
	}
	return e.Volunteer != "" && name(e.Volunteer)
}

// containsFold reports whether s contains q, ignoring case; q is lower
// case. ASCII text (nearly every name and ID) is compared in one pass
// without copying; other text is lowered first.
func containsFold(s, q string) bool {
	if len(q) > len(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(strings.ToLower(s), q)
		}
		if i+len(q) > len(s) || lowerASCII(s[i]) != q[0] {
			continue
		}
		j := 1
		for j < len(q) && lowerASCII(s[i+j]) == q[j] {
			j++
		}
		if j == len(q) {
			return true
		}
	}
	return false
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// Update handles the log's keys and the replies of its reads.
func (l *Log) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case storeChangedMsg:
		return l.load()
	case langChangedMsg:
		l.input.Placeholder = l.c.T("log.placeholder")
		return nil
	case logLoadedMsg:
		return l.onLoaded(msg)
	case tea.MouseMsg:
		if !l.detail && msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				return l.scroll(-logWheelStep)
			case tea.MouseButtonWheelDown:
				return l.scroll(logWheelStep)
			}
		}
		return nil
	case tea.KeyMsg:
		if l.detail {
			return l.onDetailKey(msg)
		}
		return l.onKey(msg)
	}
	return nil
}

func (l *Log) onLoaded(msg logLoadedMsg) tea.Cmd {
	if msg.seq != l.seq {
		return nil // an answer to an older request
	}
	// Rows added above: the same events stay on screen and selected.
	l.top += msg.shift
	l.sel += msg.shift
	l.total, l.events, l.listFor = msg.total, msg.events, msg.query
	switch {
	case msg.query == "":
		l.found = logMatchSet{}
	case msg.found != nil:
		l.found = *msg.found
	}
	l.winStart, l.win = msg.winStart, msg.win
	l.loaded = true
	l.clampSel()
	// Scrolling within the rows held asks for no read, so the view may have
	// moved while this one was on its way.
	return l.ensureLoaded()
}

func (l *Log) onKey(msg tea.KeyMsg) tea.Cmd {
	k := l.c.Keys
	h := l.listHeight()
	switch {
	case key.Matches(msg, k.Enter):
		l.detail = l.rowAt(l.sel) != nil
		return nil
	case key.Matches(msg, k.Cancel):
		if l.input.Value() != "" {
			l.input.Reset()
			l.top, l.sel = 0, 0
			return l.load()
		}
		l.top, l.sel = 0, 0
		return l.ensureLoaded()
	case key.Matches(msg, k.Up):
		return l.move(-1)
	case key.Matches(msg, k.Down):
		return l.move(1)
	case key.Matches(msg, k.PageUp):
		return l.page(-h)
	case key.Matches(msg, k.PageDown):
		return l.page(h)
	case key.Matches(msg, l.keyHome):
		l.top, l.sel = 0, 0
		return l.ensureLoaded()
	case key.Matches(msg, l.keyEnd):
		l.sel, l.top = l.total-1, l.total-h
		l.clampSel()
		return l.ensureLoaded()
	}
	before := l.query()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	if l.query() == before {
		return cmd
	}
	l.top, l.sel = 0, 0
	return tea.Batch(cmd, l.load())
}

func (l *Log) onDetailKey(msg tea.KeyMsg) tea.Cmd {
	k := l.c.Keys
	switch {
	case key.Matches(msg, k.Cancel), key.Matches(msg, k.Enter):
		l.detail = false
	case key.Matches(msg, k.Up):
		return l.move(-1)
	case key.Matches(msg, k.Down):
		return l.move(1)
	}
	return nil
}

// move moves the selection, scrolling as little as needed to keep it seen.
func (l *Log) move(delta int) tea.Cmd {
	l.sel = max(0, min(l.sel+delta, l.total-1))
	h := l.listHeight()
	if l.sel < l.top {
		l.top = l.sel
	}
	if l.sel >= l.top+h {
		l.top = l.sel - h + 1
	}
	return l.ensureLoaded()
}

// page scrolls a page, the selection keeping its place on screen.
func (l *Log) page(delta int) tea.Cmd {
	l.top += delta
	l.sel += delta
	l.clampSel()
	return l.ensureLoaded()
}

// scroll moves the view; the selection stays on screen.
func (l *Log) scroll(delta int) tea.Cmd {
	l.top += delta
	l.clampSel()
	return l.ensureLoaded()
}

// clampSel keeps top and sel inside the list and sel on screen, moving the
// selection rather than the view.
func (l *Log) clampSel() {
	h := l.listHeight()
	l.top = max(0, min(l.top, l.total-h))
	l.sel = max(l.top, min(l.sel, l.top+h-1, l.total-1))
	l.sel = max(0, l.sel)
}

// ensureLoaded reads the rows around the visible ones when they are not held.
func (l *Log) ensureLoaded() tea.Cmd {
	visible := min(l.top+l.listHeight(), l.total)
	if l.loaded && l.winStart <= l.top && visible <= l.winStart+len(l.win) {
		return nil
	}
	return l.load()
}

// rowAt returns the held row at list index i, or nil.
func (l *Log) rowAt(i int) *logRow {
	if i < l.winStart || i >= l.winStart+len(l.win) {
		return nil
	}
	return &l.win[i-l.winStart]
}
