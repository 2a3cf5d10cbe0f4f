package ui

import (
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

// Contingents lists every contingent with its count and sign-off; Enter
// opens one (contingent.go) for its leader.
type Contingents struct {
	c       *Common
	rows    []model.Contingent
	loaded  bool // rows hold a reply (of the state at version)
	version uint64
	filter  textinput.Model
	byGap   bool // sorted by how many are missing, else by name
	listCursor
	members *members // the open contingent, nil in the table

	width, height int
}

// contingentsLoadedMsg carries the table's rows.
type contingentsLoadedMsg struct {
	rows    []model.Contingent
	version uint64 // the state the rows were read from
}

func newContingents(c *Common) *Contingents {
	in := newInput(c, c.T("contingents.filter_placeholder"), 40)
	return &Contingents{c: c, filter: in}
}

func (s *Contingents) Title() string { return s.c.T("contingents.title") }

func (s *Contingents) Init() tea.Cmd {
	if s.members != nil {
		return tea.Batch(s.load(), s.members.load())
	}
	return s.load()
}

// load reads the tally of every contingent: the State keeps them, so this
// costs the number of contingents, not of volunteers.
func (s *Contingents) load() tea.Cmd {
	st := s.c.Store
	return func() tea.Msg {
		var rows []model.Contingent
		var version uint64
		st.Read(func(state *model.State, _ *model.Index) { rows, version = state.Contingents(), state.Version() })
		return contingentsLoadedMsg{rows: rows, version: version}
	}
}

func (s *Contingents) SetSize(w, h int) {
	s.width, s.height = w, h
	s.filter.Width = max(10, w/3)
	if s.members != nil {
		s.members.SetSize(w, h)
	}
}

// CapturesKey: in the table, letters narrow the list (contingent names have
// no digits, so number keys still switch screens); an open contingent takes
// its command keys.
func (s *Contingents) CapturesKey(msg tea.KeyMsg) bool {
	if s.members != nil {
		return s.members.CapturesKey(msg)
	}
	return isText(msg) && !strings.ContainsAny(msg.String(), "0123456789?")
}

func (s *Contingents) Modal() bool { return s.members != nil && s.members.Modal() }

func (s *Contingents) ShortHelp() []key.Binding {
	if s.members != nil {
		return s.members.ShortHelp()
	}
	k := s.c.Keys
	return []key.Binding{withHelp(k.Enter, "enter", s.c.T("key.open")), k.Up, k.Sort, withHelp(k.Cancel, "esc", s.c.T("key.clear")), k.NextScreen}
}

func (s *Contingents) FullHelp() [][]key.Binding {
	if s.members != nil {
		return s.members.FullHelp()
	}
	k := s.c.Keys
	return [][]key.Binding{
		{withHelp(k.Enter, "enter", s.c.T("key.open")), k.Up, k.PageUp, k.Home},
		{k.Sort, withHelp(k.Cancel, "esc", s.c.T("key.clear"))},
	}
}

func (s *Contingents) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case contingentsLoadedMsg:
		// Reloads run concurrently: a reply older than the one shown is dropped.
		if s.loaded && msg.version < s.version {
			return nil
		}
		s.rows, s.loaded, s.version = msg.rows, true, msg.version
		s.clampList()
		return nil
	case storeChangedMsg:
		if s.members != nil {
			return tea.Batch(s.load(), s.members.Update(msg))
		}
		return s.load()
	case langChangedMsg:
		s.filter.Placeholder = s.c.T("contingents.filter_placeholder")
	case closeMembersMsg:
		s.members = nil
		return s.load()
	}
	if s.members != nil {
		return s.members.Update(msg)
	}
	if msg, ok := msg.(tea.KeyMsg); ok {
		return s.onKey(msg)
	}
	return nil
}

func (s *Contingents) onKey(msg tea.KeyMsg) tea.Cmd {
	k := s.c.Keys
	shown := s.shown()
	switch {
	case key.Matches(msg, k.Enter):
		if s.sel < len(shown) {
			s.members = newMembers(s.c, shown[s.sel].Name)
			s.members.SetSize(s.width, s.height)
			return s.members.load()
		}
		return nil
	case s.navigate(msg, k, len(shown), s.listHeight()):
		return nil
	case key.Matches(msg, k.Sort):
		s.byGap = !s.byGap
	case key.Matches(msg, k.Cancel):
		s.filter.Reset()
	default:
		var cmd tea.Cmd
		s.filter, cmd = s.filter.Update(msg)
		s.sel = 0
		s.clampList()
		return cmd
	}
	s.clampList()
	return nil
}

// shown is the table after the filter and the sort.
func (s *Contingents) shown() []model.Contingent {
	q := strings.ToLower(strings.TrimSpace(s.filter.Value()))
	out := make([]model.Contingent, 0, len(s.rows))
	for _, r := range s.rows {
		// Any spelling finds it: "kabupaten balangan" finds "Kab. Balangan".
		if q == "" || strings.Contains(strings.ToLower(r.Name), q) || model.ContingentMatches(r.Name, q) {
			out = append(out, r)
		}
	}
	if s.byGap {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Missing > out[j].Missing })
	}
	return out
}

func (s *Contingents) listHeight() int { return max(1, s.height-4) }

func (s *Contingents) clampList() { s.clamp(len(s.shown()), s.listHeight()) }

func (s *Contingents) View() string {
	if s.members != nil {
		return s.members.View()
	}
	st := s.c.Styles
	order := s.c.T("contingents.by_name")
	if s.byGap {
		order = s.c.T("contingents.by_missing")
	}
	head := st.Title.Render(s.c.T("contingents.heading")) + "  " + st.Muted.Render(order) + "   " + st.Bold.Render("⌕ ") + s.filter.View()
	lines := []string{truncate(head, s.width), ""}

	shown := s.shown()
	// The name column gets the width the other columns do not need; a name
	// that must still be cut loses its middle, not the end that tells
	// "Hulu Sungai Tengah" from "Hulu Sungai Utara".
	arrW, excW := lipgloss.Width(s.c.T("contingents.col_arrived")), lipgloss.Width(s.c.T("contingents.col_excused"))
	longest, signW := 0, lipgloss.Width(s.c.T("contingents.col_signed"))
	for _, r := range shown {
		arrW = max(arrW, lipgloss.Width(s.c.Number(r.Arrived)+"/"+s.c.Number(r.Expected)))
		excW = max(excW, lipgloss.Width(s.c.Number(r.Excused)))
		longest = max(longest, lipgloss.Width(r.Name))
	}
	for i := s.top; i < len(shown) && i < s.top+s.listHeight(); i++ {
		signW = max(signW, lipgloss.Width(s.signOffText(shown[i])))
	}
	barW := max(6, min(20, s.width-100))
	others := 2 + 1 + arrW + 1 + excW + 1 + barW + 5 + 1
	nameW := max(12, min(longest, s.width-others-min(signW, 24)))
	header := "  " + pad(s.c.T("contingents.col_name"), nameW) + " " + pad(s.c.T("contingents.col_arrived"), arrW) + " " +
		pad(s.c.T("contingents.col_excused"), excW) + " " + pad("", barW+5) + " " + s.c.T("contingents.col_signed")
	lines = append(lines, st.Muted.Render(truncate(header, s.width)))
	if len(shown) == 0 {
		lines = append(lines, st.Hint.Render(s.c.T("contingents.none")))
	}
	for i := s.top; i < len(shown) && i < s.top+s.listHeight(); i++ {
		r := shown[i]
		cursor := "  "
		if i == s.sel {
			cursor = "▸ "
		}
		line := cursor + pad(cutMiddle(r.Name, nameW), nameW) + " " +
			pad(s.c.Number(r.Arrived)+"/"+s.c.Number(r.Expected), arrW) + " " +
			pad(s.c.Number(r.Excused), excW) + " " + bar(r.Arrived+r.Excused, r.Expected, barW) + " " +
			pad(percent(r.Arrived+r.Excused, r.Expected), 4) + " " + s.signOffText(r)
		line = truncate(line, s.width)
		if i == s.sel {
			line = st.RowSelected.Render(pad(line, s.width))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// signOffText says whether a contingent is signed off, by whom and when.
func (s *Contingents) signOffText(r model.Contingent) string {
	switch {
	case r.Confirm == nil:
		return "—"
	case !r.ConfirmValid:
		return "! " + s.c.T("contingents.signoff_invalid", r.Confirm.Leader)
	}
	return "✓ " + r.Confirm.Leader + " " + s.c.When(r.Confirm.At)
}

// bar draws done out of total as a bar of width cells.
func bar(done, total, width int) string {
	filled := 0
	if total > 0 {
		filled = min(width, done*width/total)
	}
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

func percent(done, total int) string {
	if total == 0 {
		return "–"
	}
	return strconv.Itoa(done*100/total) + "%"
}
