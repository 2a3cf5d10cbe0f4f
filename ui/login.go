package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Login asks for the operator's name before the first check-in, so every
// event says who recorded it.
type Login struct {
	c             *Common
	input         textinput.Model
	err           string
	width, height int
}

type loggedInMsg struct{ operator string }

func newLogin(c *Common) *Login {
	return &Login{c: c, input: newInput(c, c.T("login.placeholder"), 40)}
}

// newInput is a focused text field with a steady cursor (a blinking one
// would make every screen different from the last).
func newInput(c *Common, placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.Prompt = ""
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Focus()
	return in
}

func (l *Login) Init() tea.Cmd { return nil }

func (l *Login) SetSize(w, h int) { l.width, l.height = w, h; l.input.Width = min(40, w-20) }

func (l *Login) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, l.c.Keys.Submit) {
		name := strings.Join(strings.Fields(l.input.Value()), " ")
		if name == "" {
			l.err = l.c.T("login.empty")
			return nil
		}
		return func() tea.Msg { return loggedInMsg{operator: name} }
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd
}

func (l *Login) View() string {
	st := l.c.Styles
	lines := []string{
		st.Title.Render(l.c.T("login.title")),
		"",
		st.Muted.Render(l.c.T("login.station", l.c.Actor.Station)),
		"",
		st.Bold.Render(l.c.T("login.prompt")),
		st.InputFocused.Width(l.input.Width + 4).Render(l.input.View()),
	}
	if l.err != "" {
		lines = append(lines, st.ErrText.Render("✗ "+l.err))
	}
	lines = append(lines, "", st.Muted.Render(l.c.T("login.hint")))
	box := st.Frame.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(l.width, l.height, lipgloss.Center, lipgloss.Center, box)
}
