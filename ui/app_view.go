package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// The app's drawing: the header, the status and help lines around the
// active screen, each kept until what it shows changes.

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
