package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"hadir/db"
)

// Minimum window size; below it the app says so instead of drawing.
const (
	minWidth  = 70
	minHeight = 20
)

// App is the root model: it owns the screen switch, the window size, the
// global keys and the messages that cross screens, and forwards everything
// else to the active screen only.
type App struct {
	c        *Common
	login    *Login // asks for the operator's name; nil once known
	screens  []Screen
	active   int
	showHelp bool
	help     help.Model
	arrived  int
	expected int
	sync     func() []SyncStatus // the links to peers; nil without
	syncText string              // what the footer says of them
	backup   db.BackupStatus
	changes  <-chan struct{}
	stop     func()
	idle     time.Duration // close the session after this long without input (0: never)
	lastKey  time.Time
	shown    time.Time // when changes made elsewhere were last shown
	drawn    appDrawn
	refused  string // why the last input was refused (refuseLongInput), until the next key
	askQuit  string // the text key of why Ctrl+C asks before quitting, until the next key
}

// refreshEvery is the least time between two refreshes for changes made
// elsewhere: with five gates scanning flat out the store changes every few
// milliseconds, and a gate redraws once for all the changes of that time.
const refreshEvery = 50 * time.Millisecond

// appDrawn keeps the chrome and the frame last drawn (see drawn).
type appDrawn struct {
	header drawn[headerKey]
	status drawn[statusKey]
	help   drawn[helpKey]
	screen drawn[string] // a screen that draws itself as one string
	body   joined
	frame  joined
	paint  *painter // the body in the app's colours
	text   string   // the frame as sent
	textID uint64   // the frame text is of
	// The lines of the frame before, as drawn and as sent (see sentLine):
	// a line that did not change is not written again, nor one that moved
	// (the latest arrivals move down a row at every check-in).
	drawnLines, sentLines []string
	sender                lineSender
}

// squeeze is the frame as sent: each line the same cells in fewer bytes.
func (d *appDrawn) squeeze(frame block) string {
	sent := make([]string, len(frame.lines))
	var before map[string]string // the frame before's lines, made at the first line not in its place
	for i, l := range frame.lines {
		if i < len(d.drawnLines) && d.drawnLines[i] == l {
			sent[i] = d.sentLines[i]
			continue
		}
		if before == nil {
			before = make(map[string]string, len(d.drawnLines))
			for j, drawn := range d.drawnLines {
				before[drawn] = d.sentLines[j]
			}
		}
		if s, ok := before[l]; ok {
			sent[i] = s
		} else {
			sent[i] = d.sender.line(l)
		}
	}
	d.drawnLines, d.sentLines = frame.lines, sent
	return strings.Join(sent, "\n")
}

// blockViewer is a screen that gives its view already measured (see block).
type blockViewer interface {
	viewBlock() block
}

type headerKey struct {
	titles string
	active int
	width  int
}

type statusKey struct {
	arrived, expected int
	backupAt          time.Time
	backupErr         string
	operator, station string
	lang              Lang
	width             int
	refused           string
	askQuit           string
	sync              string
}

type helpKey struct {
	keys  string // every binding's keys and words, as the help shows them
	width int
}

// idleTickMsg checks whether the session has been idle too long.
type idleTickMsg struct{}

// New builds the app for one session on the store.
func New(st *db.Store, o Options) *App {
	c := newCommon(st, o)
	a := &App{c: c, help: help.New()}
	a.help.Styles.ShortKey = c.Styles.Bold
	a.help.Styles.ShortDesc = c.Styles.Muted
	a.help.Styles.FullKey = c.Styles.Bold
	a.help.Styles.FullDesc = c.Styles.Muted
	a.screens = []Screen{newGate(c), newContingents(c), newDashboard(c), newLog(c)}
	if c.Actor.Operator == "" {
		a.login = newLogin(c)
	}
	a.changes, a.stop = st.Subscribe()
	a.idle, a.lastKey = o.IdleTimeout, c.Now()
	if !o.IdleSince.IsZero() {
		a.lastKey = o.IdleSince
	}
	a.sync = o.Sync
	return a
}

func (a *App) idleTick() tea.Cmd {
	if a.idle <= 0 {
		return nil
	}
	return tea.Tick(min(a.idle/4, 30*time.Second), func(time.Time) tea.Msg { return idleTickMsg{} })
}

// Close ends the app's subscription to the store.
func (a *App) Close() { a.stop() }

// Init starts the active screen, the status line and the live updates.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.c.loadTotals(), a.waitForChange(), a.idleTick(), a.syncTick()}
	if a.login != nil {
		cmds = append(cmds, a.login.Init())
	} else {
		cmds = append(cmds, a.screens[a.active].Init())
	}
	return tea.Batch(cmds...)
}

// waitForChange turns the store's change signal into a message, at most
// one per refreshEvery: a change soon after the last refresh waits for the
// rest of that time, and the changes made meanwhile come with it.
func (a *App) waitForChange() tea.Cmd {
	ch, shown := a.changes, a.shown
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		if wait := refreshEvery - time.Since(shown); wait > 0 {
			time.Sleep(wait)
			select {
			case <-ch: // shown by this refresh, which reads the store after it
			default:
			}
		}
		return storeChangedMsg{}
	}
}

// Update handles what crosses screens and forwards the rest.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		a.layout()
		return a, nil
	case syncTickMsg:
		a.syncText = a.c.syncText(a.sync())
		return a, a.syncTick()
	case idleTickMsg:
		if a.c.Now().Sub(a.lastKey) >= a.idle {
			return a, tea.Quit // nothing is lost: every action was saved when it was made
		}
		return a, a.idleTick()
	case totalsMsg:
		a.arrived, a.expected, a.backup = msg.arrived, msg.expected, msg.backup
		return a, nil
	case storeChangedMsg:
		// Only the screen on view reloads: the others reload when they are
		// switched to (switchTo runs their Init), not at every check-in.
		a.shown = time.Now()
		return a, tea.Batch(a.screens[a.active].Update(msg), a.c.loadTotals(), a.waitForChange())
	case loggedInMsg:
		a.c.Actor.Operator = msg.operator
		a.login = nil
		a.layout()
		return a, a.screens[a.active].Init()
	case tea.MouseMsg:
		a.lastKey = a.c.Now()
	case tea.KeyMsg:
		a.lastKey = a.c.Now()
		if a.refuseLongInput(msg) {
			return a, nil
		}
		if a.askQuit != "" {
			// Asked whether to quit: Ctrl+C again quits, any other key stays
			// and is handled as usual.
			a.askQuit = ""
			if key.Matches(msg, a.c.Keys.Quit) {
				return a, tea.Quit
			}
		}
		if cmd, done := a.globalKey(msg); done {
			return a, cmd
		}
	}
	if a.login != nil {
		return a, a.login.Update(msg)
	}
	if _, ok := msg.(answerMsg); ok {
		// The screen that asked may not be shown any more (F2 pressed while
		// a check-in was saved): every screen gets it, and takes its own.
		cmds := make([]tea.Cmd, 0, len(a.screens))
		for _, s := range a.screens {
			cmds = append(cmds, s.Update(msg))
		}
		return a, tea.Batch(cmds...)
	}
	return a, a.screens[a.active].Update(msg)
}

// globalKey handles the keys that work on every screen. A screen whose text
// field has the keys gets printable keys first, so typing never runs a command.
func (a *App) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := a.c.Keys
	if key.Matches(msg, k.Quit) {
		if why := a.unsaved(); why != "" {
			a.askQuit = why // a check-in being written, or a form half filled: ask first
			return nil, true
		}
		return tea.Quit, true
	}
	if a.showHelp {
		a.showHelp = false // any key closes the help
		return nil, true
	}
	if a.login != nil {
		return nil, false
	}
	s := a.screens[a.active]
	if s.CapturesKey(msg) {
		return nil, false
	}
	if key.Matches(msg, k.Help) { // in a dialog too: the footer always offers it
		a.showHelp = true
		return nil, true
	}
	if s.Modal() {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Lang):
		a.switchLang()
		for _, s := range a.screens {
			s.Update(langChangedMsg{})
		}
		return nil, true
	case key.Matches(msg, k.NextScreen):
		return a.switchTo((a.active + 1) % len(a.screens)), true
	case key.Matches(msg, k.PrevScreen):
		return a.switchTo((a.active + len(a.screens) - 1) % len(a.screens)), true
	}
	for i, b := range []key.Binding{k.Screen1, k.Screen2, k.Screen3, k.Screen4} {
		if key.Matches(msg, b) && i < len(a.screens) {
			return a.switchTo(i), true
		}
	}
	// No letter quits: on a list, q sits beside the action keys. Ctrl+C
	// quits everywhere, and nothing is lost (every action is saved at once).
	return nil, false
}

// unsavedWorker is a screen that can hold work not saved yet.
type unsavedWorker interface {
	// unsavedWork is the text key that says what would be lost, or "".
	unsavedWork() string
}

// unsaved says what quitting now would lose, on any screen ("" if nothing).
func (a *App) unsaved() string {
	for _, s := range a.screens {
		if u, ok := s.(unsavedWorker); ok {
			if why := u.unsavedWork(); why != "" {
				return why
			}
		}
	}
	return ""
}

func (a *App) switchTo(i int) tea.Cmd {
	if i == a.active {
		return nil
	}
	a.active = i
	a.layout()
	return a.screens[i].Init()
}

func (a *App) switchLang() {
	if a.c.Lang == Indonesian {
		a.c.Lang = English
	} else {
		a.c.Lang = Indonesian
	}
	a.c.Keys = newKeyMap(a.c)
}

// chrome is the header, status and help lines around the active screen.
func (a *App) header() block {
	var titles strings.Builder
	for _, s := range a.screens {
		titles.WriteString(s.Title())
		titles.WriteByte(0)
	}
	return a.drawn.header.text(headerKey{titles.String(), a.active, a.c.Width}, a.drawHeader)
}

func (a *App) drawHeader() string {
	st := a.c.Styles
	var tabs []string
	for i, s := range a.screens {
		// F1–F4 work on every screen (digits go into the search boxes).
		label := "F" + string(rune('1'+i)) + " " + s.Title()
		if i == a.active {
			tabs = append(tabs, st.TabActive.Render(label))
		} else {
			tabs = append(tabs, st.Tab.Render(label))
		}
	}
	left := st.Title.Render("hadir") + " " + strings.Join(tabs, "")
	right := st.Muted.Render(a.c.EventName)
	gap := a.c.Width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return truncate(left, a.c.Width)
	}
	return left + strings.Repeat(" ", gap) + right
}

func (a *App) statusLine() block {
	k := statusKey{arrived: a.arrived, expected: a.expected, backupAt: a.backup.At,
		operator: a.c.Actor.Operator, station: a.c.Actor.Station, lang: a.c.Lang, width: a.c.Width, refused: a.refused, askQuit: a.askQuit, sync: a.syncText}
	if a.backup.Err != nil {
		k.backupErr = a.backup.Err.Error()
	}
	return a.drawn.status.text(k, a.drawStatusLine)
}

func (a *App) drawStatusLine() string {
	st := a.c.Styles
	count := st.Bold.Render(a.c.T("status.arrived", a.c.Number(a.arrived), a.c.Number(a.expected)))
	if a.askQuit != "" {
		return truncate(count+"  "+st.WarnText.Render("! "+a.c.T(a.askQuit)), a.c.Width)
	}
	if a.refused != "" {
		return truncate(count+"  "+st.WarnText.Render("! "+a.refused), a.c.Width)
	}
	if b := a.backup; b.Err != nil {
		// A failing backup takes the place of everything but the count.
		return truncate(count+"  "+st.ErrText.Render("✗ "+a.c.T("status.backup_failed", a.c.Clock(b.At), b.Err.Error())), a.c.Width)
	}
	line := count
	if a.syncText != "" { // before the names: it is what a gate worker must see
		style := st.OKText
		if !strings.HasPrefix(a.syncText, syncUp) {
			style = st.WarnText
		}
		line += st.Status.Render("  ·  ") + style.Render(a.syncText)
	}
	line += st.Status.Render("  ·  " + a.c.T("status.who", orDash(a.c.Actor.Operator), a.c.Actor.Station))
	if !a.backup.At.IsZero() {
		line += st.Status.Render("  ·  " + a.c.T("status.backup_ok", a.c.Clock(a.backup.At)))
	}
	return truncate(line, a.c.Width)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (a *App) helpLine() block {
	km := shortHelp{a.screens[a.active], a.c}
	var keys strings.Builder
	for _, b := range km.ShortHelp() {
		if b.Enabled() {
			keys.WriteString(b.Help().Key + "\x00" + b.Help().Desc + "\x00")
		}
	}
	return a.drawn.help.text(helpKey{keys.String(), a.c.Width}, func() string {
		return a.footerHelp()
	})
}

// footerHelp is the active screen's keys, as many as fit, then "? help" and
// "ctrl+c quit", which always show: help is where the rest are.
func (a *App) footerHelp() string {
	k := a.c.Keys
	global := a.help.ShortHelpView([]key.Binding{k.Help, k.Quit})
	sep := a.help.Styles.ShortSeparator.Render(a.help.ShortSeparator)
	room := a.c.Width - lipgloss.Width(global) - lipgloss.Width(sep)
	a.help.Width = max(0, room)
	// bubbles' help can run past its width when the last item does not
	// fit; a line wider than the window would wrap and break the layout.
	screen := truncate(a.help.ShortHelpView(a.screens[a.active].ShortHelp()), room)
	a.help.Width = a.c.Width
	if screen == "" {
		return truncate(global, a.c.Width)
	}
	return screen + sep + global
}

// shortHelp adds the global keys to the active screen's help.
type shortHelp struct {
	s Screen
	c *Common
}

func (h shortHelp) ShortHelp() []key.Binding {
	return append(h.s.ShortHelp(), h.c.Keys.Help, h.c.Keys.Quit)
}

// FullHelp lists the keys that work now: in a dialog, the screen switch and
// the language wait until it is closed.
func (h shortHelp) FullHelp() [][]key.Binding {
	k := h.c.Keys
	global := []key.Binding{k.NextScreen, k.Screen1, k.Lang, k.Help, k.Quit}
	if h.s.Modal() {
		global = []key.Binding{k.Help, k.Quit}
	}
	return append(h.s.FullHelp(), global)
}

// layout gives the active screen the room between the header and the footer.
func (a *App) layout() {
	if a.c.Width == 0 {
		return
	}
	chrome := len(a.header().lines) + len(a.statusLine().lines) + len(a.helpLine().lines)
	h := a.c.Height - chrome
	if a.login != nil {
		a.login.SetSize(a.c.Width, h)
	}
	a.screens[a.active].SetSize(a.c.Width, h)
}

// View draws the header, the active screen, the status line and the help.
func (a *App) View() string {
	if a.c.Width == 0 {
		return ""
	}
	if a.c.Width < minWidth || a.c.Height < minHeight {
		msg := a.c.T("app.too_small", a.c.Width, a.c.Height, minWidth, minHeight)
		return lipgloss.Place(a.c.Width, a.c.Height, lipgloss.Center, lipgloss.Center,
			a.c.Styles.WarnText.Width(max(10, a.c.Width-2)).Render(msg))
	}
	var body block
	switch {
	case a.showHelp:
		body = measure(a.helpBox())
	case a.login != nil:
		view := a.login.View()
		body = a.drawn.screen.text(view, func() string { return view })
	default:
		if bv, ok := a.screens[a.active].(blockViewer); ok {
			body = bv.viewBlock()
		} else {
			view := a.screens[a.active].View()
			body = a.drawn.screen.text(view, func() string { return view })
		}
	}
	bodyHeight := a.c.Height - 3
	if a.drawn.paint == nil {
		a.drawn.paint = newPainter(a.c.Styles.App)
	}
	body = a.drawn.body.get([4]uint64{body.id, uint64(bodyHeight)}, func() block { return a.drawn.paint.fill(body, bodyHeight) })
	header, status, helpLine := a.header(), a.statusLine(), a.helpLine()
	frame := a.drawn.frame.get([4]uint64{header.id, body.id, status.id, helpLine.id}, func() block {
		return stack(header, body, status, helpLine)
	})
	if frame.id != a.drawn.textID {
		a.drawn.text, a.drawn.textID = a.drawn.squeeze(frame), frame.id
	}
	return a.drawn.text
}
