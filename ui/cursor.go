package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// listCursor is the selected row of a list and the first row drawn, for a
// list of n rows shown height rows at a time.
type listCursor struct{ sel, top int }

// navigate moves the selection for the arrow and page keys, and reports
// whether msg was one of them.
func (l *listCursor) navigate(msg tea.KeyMsg, k KeyMap, n, height int) bool {
	switch {
	case key.Matches(msg, k.Up):
		l.sel--
	case key.Matches(msg, k.Down):
		l.sel++
	case key.Matches(msg, k.PageUp):
		l.sel -= height
	case key.Matches(msg, k.PageDown):
		l.sel += height
	case key.Matches(msg, k.Home):
		l.sel = 0
	case key.Matches(msg, k.End):
		l.sel = n - 1
	default:
		return false
	}
	l.clamp(n, height)
	return true
}

// clamp keeps the selection on a row and in view.
func (l *listCursor) clamp(n, height int) {
	l.sel = max(0, min(l.sel, n-1))
	if l.sel < l.top {
		l.top = l.sel
	}
	if height > 0 && l.sel >= l.top+height {
		l.top = l.sel - height + 1
	}
	l.top = max(0, min(l.top, n-height))
}
