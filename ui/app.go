package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

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
	// scanRefused is the refusal of a scan over a half-filled form, kept
	// to eat the scanner's Enter that follows (app_scan.go).
	scanRefused string
}

// refreshEvery is the least time between two refreshes for changes made
// elsewhere: with five gates scanning flat out the store changes every few
// milliseconds, and a gate redraws once for all the changes of that time.
const refreshEvery = 50 * time.Millisecond

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
		if cmd, done := a.takeScanToGate(msg); done {
			return a, cmd
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
