package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// helpBox is the "?" box: every key of the screen, in columns as many as fit
// the window, the rest in rows below. Indonesian words are longer, and a
// box wider than the window would break the screen at 80 columns; bubbles'
// own width cuts columns off with "…", which hides keys.
func (a *App) helpBox() string {
	km := shortHelp{a.screens[a.active], a.c}
	full := help.New()
	full.Styles = a.help.Styles
	frame := a.c.Styles.Frame
	inner := max(10, a.c.Width-frame.GetHorizontalFrameSize())
	groups := km.FullHelp()
	var rows []string
	for len(groups) > 0 {
		n := len(groups)
		for n > 1 && lipgloss.Width(full.FullHelpView(groups[:n])) > inner {
			n--
		}
		rows = append(rows, full.FullHelpView(groups[:n]))
		groups = groups[n:]
	}
	return frame.Render(a.c.Styles.Title.Render(a.c.T("help.title")) + "\n\n" + strings.Join(rows, "\n\n") +
		"\n\n" + a.c.Styles.Muted.Render(a.c.T("help.close")))
}
