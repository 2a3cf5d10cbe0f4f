package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// contingentsMsg carries the known contingent and pillar names.
type contingentsMsg struct{ names, pillars []string }

func loadContingents(st *db.Store) tea.Cmd {
	return func() tea.Msg {
		var msg contingentsMsg
		st.Read(func(s *model.State, _ *model.Index) {
			msg.names = s.ContingentNames()
			for _, p := range s.Pillars() {
				if p.Pillar != "" {
					msg.pillars = append(msg.pillars, p.Pillar)
				}
			}
		})
		return msg
	}
}

// pickedMsg is the picker's answer.
type pickedMsg struct {
	value     string
	cancelled bool
}

// picker chooses one contingent: type to narrow, arrows to move, Enter to
// take. Its first option ("all") stands for no choice.
type picker struct {
	c       *Common
	title   string
	all     string
	options []string
	shown   []string
	sel     int
	filter  textinput.Model
}

func newPicker(c *Common, title, all string) *picker {
	p := &picker{c: c, title: title, all: all, filter: newInput(c, c.T("picker.placeholder"), 40)}
	p.refilter()
	return p
}

func (p *picker) setOptions(names []string) {
	p.options = names
	p.refilter()
}

func (p *picker) refilter() {
	q := strings.ToLower(strings.TrimSpace(p.filter.Value()))
	p.shown = []string{p.all}
	for _, n := range p.options {
		if q == "" || strings.Contains(strings.ToLower(n), q) || model.ContingentMatches(n, q) {
			p.shown = append(p.shown, n)
		}
	}
	p.sel = max(0, min(p.sel, len(p.shown)-1))
	if q != "" && len(p.shown) > 1 {
		p.sel = 1 // typing narrows to a contingent: offer the first match
	}
}

func (p *picker) ShortHelp() []key.Binding {
	k := p.c.Keys
	return []key.Binding{withHelp(k.Enter, "enter", p.c.T("key.choose")), withHelp(k.Up, "↑/↓", p.c.T("key.select")), withHelp(k.Cancel, "esc", p.c.T("key.cancel"))}
}

func (p *picker) Update(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Enter):
		v := ""
		if p.sel > 0 && p.sel < len(p.shown) {
			v = p.shown[p.sel]
		}
		return func() tea.Msg { return pickedMsg{value: v} }
	case key.Matches(msg, k.Cancel):
		return func() tea.Msg { return pickedMsg{cancelled: true} }
	case key.Matches(msg, k.Up):
		p.sel = max(0, p.sel-1)
		return nil
	case key.Matches(msg, k.Down):
		p.sel = min(len(p.shown)-1, p.sel+1)
		return nil
	}
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	p.refilter()
	return cmd
}

// View draws the picker in at most height lines.
func (p *picker) View(width, height int) string {
	st := p.c.Styles
	lines := []string{st.Title.Render(p.title), "> " + p.filter.View()}
	room := max(1, height-len(lines))
	top := max(0, p.sel-room+1)
	for i := top; i < len(p.shown) && i < top+room; i++ {
		label := cutMiddle(p.shown[i], width-4)
		if i == p.sel {
			lines = append(lines, st.RowSelected.Render("▸ "+pad(label, width-4)))
		} else {
			lines = append(lines, "  "+label)
		}
	}
	return strings.Join(lines, "\n")
}
