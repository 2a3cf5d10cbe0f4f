// Package ui is hadir's terminal interface: a small root model that owns the
// screen switch, and one file per screen.
package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"hadir/db"
)

// Lang is a screen language.
type Lang int

// The two languages of every visible string.
const (
	Indonesian Lang = iota
	English
)

// ParseLang reads "id" or "en" (as in --lang or $HADIR_LANG).
func ParseLang(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "id", "in", "ind", "indonesia", "bahasa":
		return Indonesian, true
	case "en", "eng", "english":
		return English, true
	}
	return English, false
}

// DetectLang chooses the language: the flag, else $HADIR_LANG, else
// Indonesian when $LANG starts with "id", else English.
func DetectLang(flag string, getenv func(string) string) Lang {
	if l, ok := ParseLang(flag); ok {
		return l
	}
	if l, ok := ParseLang(getenv("HADIR_LANG")); ok {
		return l
	}
	if strings.HasPrefix(strings.ToLower(getenv("LANG")), "id") {
		return Indonesian
	}
	return English
}

// Common is what every screen shares: the store, who is working, the
// language, styles, keys and size. There are no globals; each SSH session
// has its own Common.
type Common struct {
	Store     *db.Store
	EventName string // the gathering's name, read once: View never asks the store
	Actor     db.Actor
	Lang      Lang
	Styles    *Styles
	Keys      KeyMap
	Width     int
	Height    int
	Bell      bool
	Out       io.Writer        // where the bell is rung
	Now       func() time.Time // the clock, fixed in tests
}

// Options configure a session of the TUI.
type Options struct {
	Operator string  // asked for at start when empty
	Station  string  // default: the store's station name
	Role     db.Role // what this session may do (an SSH login's role); the owner locally
	Login    string  // which SSH key or passcode logged in; "" locally
	Lang     Lang
	NoBell   bool
	Renderer *lipgloss.Renderer // nil: the default one (stdout)
	Out      io.Writer          // nil: os.Stdout
	Now      func() time.Time   // nil: time.Now
	// IdleTimeout ends the session after this long without a key (SSH
	// sessions); zero for never.
	IdleTimeout time.Duration
	// IdleSince is when the idle time starts (the SSH connection's start);
	// zero: when the app is made.
	IdleSince time.Time
	// Sync tells how this laptop's links to its peers stand (hadir --peer);
	// nil when it has none. The footer says it in words.
	Sync func() []SyncStatus
}

func newCommon(st *db.Store, o Options) *Common {
	r := o.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	c := &Common{Store: st, EventName: st.EventName(), Lang: o.Lang, Styles: NewStyles(r), Bell: !o.NoBell, Out: o.Out, Now: o.Now}
	if c.Out == nil {
		c.Out = os.Stdout
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	c.Actor = db.Actor{Station: strings.TrimSpace(o.Station), Operator: strings.TrimSpace(o.Operator), Role: o.Role, Login: o.Login}
	if c.Actor.Station == "" {
		c.Actor.Station = st.StationName()
	}
	c.Keys = newKeyMap(c)
	return c
}

// T returns the text for key in the session's language, formatted with args.
func (c *Common) T(key string, args ...any) string {
	pair, ok := texts[key]
	if !ok {
		return "«" + key + "»" // a missing text shows, and TestTextsComplete fails
	}
	s := pair[c.Lang]
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// Clock formats a time as the local wall clock, as gate staff read it.
func (c *Common) Clock(t time.Time) string { return t.Local().Format("15:04") }

// Number formats a count with the language's thousands separator.
func (c *Common) Number(n int) string {
	s := fmt.Sprint(n)
	sep := ","
	if c.Lang == Indonesian {
		sep = "."
	}
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// Screen is the contract every screen meets: a model that gives its key help
// and takes its size. Screens are pointers and update in place.
type Screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// CapturesKey reports whether the screen takes this key before the
	// global bindings: a search box takes the letters (and digits, for IDs)
	// so typed text never runs a command.
	CapturesKey(msg tea.KeyMsg) bool
	// Modal reports whether a dialog is open that owns Tab and Esc.
	Modal() bool
	Title() string
}

// storeChangedMsg says the store changed (here or at another gate).
type storeChangedMsg struct{}

// langChangedMsg tells screens to redo texts they keep (placeholders).
type langChangedMsg struct{}

// totalsMsg carries the whole event's tally and the latest backup's outcome
// for the status line.
type totalsMsg struct {
	arrived, expected int
	backup            db.BackupStatus
}

// bell rings the terminal bell once, when it is on (see bells).
func (c *Common) bell() tea.Cmd { return c.bells(1) }

// bellGap is the pause between the beeps of one answer, so a terminal
// sounds them apart; tests set it to nothing.
var bellGap = 150 * time.Millisecond

// The answers' bells: one beep for a check-in, two for a warning, three
// for an error, so the queue is heard without a look at the screen.
const (
	bellsOK   = 1
	bellsWarn = 2
	bellsErr  = 3
)

// bells rings the bell n times, spaced so they are heard as n, when it is
// on. Each bell is one byte written outside the renderer; a terminal writes
// it atomically between frames.
func (c *Common) bells(n int) tea.Cmd {
	if !c.Bell || n <= 0 {
		return nil
	}
	out, gap := c.Out, bellGap
	return func() tea.Msg {
		for i := 0; i < n; i++ {
			if i > 0 && gap > 0 {
				time.Sleep(gap)
			}
			io.WriteString(out, "\a")
		}
		return nil
	}
}

// loadTotals reads the tally for the status line.
func (c *Common) loadTotals() tea.Cmd {
	st := c.Store
	return func() tea.Msg {
		t := st.Totals()
		b, _ := st.LastBackup()
		return totalsMsg{arrived: t.Arrived, expected: t.Expected, backup: b}
	}
}

// truncate cuts s to width cells, with an ellipsis when cut.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// pad fills s with spaces to width cells.
func pad(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// isText reports whether a key types text (letters, digits, space, punctuation).
func isText(msg tea.KeyMsg) bool {
	return (msg.Type == tea.KeyRunes && !msg.Alt) || msg.Type == tea.KeySpace
}

// errorText says what went wrong in the session's language where the error
// is one a gate meets (a full disk, a role's limit); others as they are.
func (c *Common) errorText(err error) string {
	var denied *db.ErrNotAllowed
	switch {
	case errors.Is(err, db.ErrDiskFull):
		return c.T("error.disk_full")
	case errors.As(err, &denied):
		return c.T("error.not_allowed", denied.Role)
	}
	return err.Error()
}
