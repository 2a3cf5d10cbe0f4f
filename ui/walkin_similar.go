package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

// similarMsg carries the volunteers on the roster a walk-in may already be
// (the same phone, or a similar name), found before the walk-in is saved.
type similarMsg struct {
	form   *walkInForm // the form that asked: the gate and a leader may each have one open
	v      model.Volunteer
	people []model.Person
}

// similarChoice is the question a walk-in form asks when the name is on the
// roster already: check that person in instead, or register a new one. A
// person counted twice is worse than a second of the queue's time.
type similarChoice struct {
	choosing bool
	similar  []model.Person
	choice   int             // an index into similar; len(similar) = register a new volunteer
	held     model.Volunteer // the validated walk-in, waiting for the choice
}

func (f *walkInForm) findSimilar(v model.Volunteer) tea.Cmd {
	st := f.c.Store
	return func() tea.Msg {
		var people []model.Person
		st.Read(func(s *model.State, ix *model.Index) { people = model.SimilarPeople(s, ix, v.Name, v.Phone) })
		return similarMsg{form: f, v: v, people: people}
	}
}

// similarOrSave is the gate's walk-in in one trip: the similar names are
// looked for and, when there are none, the walk-in is saved at once.
func (f *walkInForm) similarOrSave(v model.Volunteer) tea.Cmd {
	find, save, exclude := f.findSimilar(v), f.saveCmd(v), f.exclude
	return func() tea.Msg {
		msg := find().(similarMsg)
		if msg.people = without(msg.people, exclude); len(msg.people) == 0 {
			return save()
		}
		return msg
	}
}

// without is people less the one with ID id.
func without(people []model.Person, id string) []model.Person {
	kept := people[:0:0]
	for _, p := range people {
		if p.ID != id {
			kept = append(kept, p)
		}
	}
	return kept
}

func (f *walkInForm) onSimilar(msg similarMsg) tea.Cmd {
	if msg.form != f {
		return nil // another form's answer
	}
	if msg.people = without(msg.people, f.exclude); len(msg.people) == 0 {
		return f.save(msg.v)
	}
	f.askSimilar(msg)
	return f.c.bell()
}

// askSimilar puts up the choice between the people found and a new one.
func (f *walkInForm) askSimilar(msg similarMsg) {
	f.saving = false
	f.similarChoice = similarChoice{choosing: true, similar: msg.people, held: msg.v}
}

func (f *walkInForm) onChoiceKey(msg tea.KeyMsg) tea.Cmd {
	k := f.c.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		f.similarChoice = similarChoice{} // back to the form, as it was typed
	case key.Matches(msg, k.Up):
		f.choice = max(0, f.choice-1)
	case key.Matches(msg, k.Down):
		f.choice = min(len(f.similar), f.choice+1)
	case key.Matches(msg, k.Enter):
		if f.saving {
			return nil
		}
		if f.choice < len(f.similar) {
			return f.pick(f.similar[f.choice])
		}
		return f.save(f.held)
	}
	return nil
}

func (f *walkInForm) choiceHelp() []key.Binding {
	k := f.c.Keys
	return []key.Binding{withHelp(k.Enter, "enter", f.c.T("key.choose")), withHelp(k.Up, "↑/↓", f.c.T("key.select")), withHelp(k.Cancel, "esc", f.c.T("key.back"))}
}

func (f *walkInForm) choiceView() string {
	st := f.c.Styles
	w := max(20, f.width-2)
	lines := []string{
		st.Title.Render(f.c.T("walkin.title")),
		st.WarnText.Width(w).Render("! " + f.c.T("walkin.similar", f.held.Name, len(f.similar))),
		"",
	}
	// Columns as wide as their content, so the status (arrived, and when)
	// keeps its room at 80 columns.
	idW, nameW, contW := 0, 0, 0
	for _, p := range f.similar {
		idW, nameW, contW = max(idW, lipgloss.Width(p.ID)), max(nameW, lipgloss.Width(p.Name)), max(contW, lipgloss.Width(p.Contingent))
	}
	idW, nameW, contW = min(idW, 16), min(nameW, 24), min(contW, 20)
	for i, p := range f.similar {
		// Listed for the phone, not the name: say so, or the row looks wrong.
		samePhone := ""
		if model.SamePhone(p.Phone, f.held.Phone) {
			samePhone = f.c.T("walkin.same_phone") + " · "
		}
		text := pad(truncate(p.ID, idW), idW) + "  " + pad(truncate(p.Name, nameW), nameW) + "  " +
			pad(cutMiddle(p.Contingent, contW), contW) + "  " + samePhone + statusMark(p.Status) + " " + shortStatus(f.c, p)
		lines = append(lines, f.choiceLine(i, text, w))
	}
	lines = append(lines, f.choiceLine(len(f.similar), "+ "+f.c.T("walkin.register_new", f.held.Name, f.held.Contingent), w))
	what := f.c.T("walkin.enter_checkin_instead")
	if f.pickFn != nil {
		what = f.c.T("walkin.enter_take_instead")
	}
	if f.choice == len(f.similar) {
		what = f.c.T("walkin.enter_register")
	}
	lines = append(lines, "", st.Muted.Width(w).Render(what))
	if f.failure != "" {
		lines = append(lines, "", st.ErrText.Render("✗ "+f.failure))
	}
	return strings.Join(lines, "\n")
}

func (f *walkInForm) choiceLine(i int, text string, w int) string {
	if i == f.choice {
		return f.c.Styles.RowSelected.Render(pad(truncate("▸ "+text, w), w))
	}
	return truncate("  "+text, w)
}

// shortStatus says a volunteer's status in a few words, with the time and
// place that matter, for a row of a list.
func shortStatus(c *Common, p model.Person) string {
	switch p.Status {
	case model.StatusArrived:
		return c.T("contingent.row_arrived", c.When(p.Arrival.At), p.Arrival.Station)
	case model.StatusDeparted:
		return c.T("contingent.row_departed", c.When(p.Departure.At))
	case model.StatusExcused:
		return c.T("contingent.row_excused", p.Excuse.Reason)
	case model.StatusReplaced:
		return c.T("status.replaced", p.ReplacedBy)
	case model.StatusVoid:
		return c.T("status.void")
	}
	return c.T("contingent.row_missing")
}

// statusWords says a volunteer's status as a mark and words, with the time
// and place that matter.
func statusWords(c *Common, p model.Person) string {
	mark := statusMark(p.Status) + " "
	switch p.Status {
	case model.StatusArrived:
		return mark + c.T("status.arrived_at", c.When(p.Arrival.At), p.Arrival.Station, orDash(p.Arrival.Operator))
	case model.StatusDeparted:
		return mark + c.T("status.departed_at", c.When(p.Departure.At))
	case model.StatusExcused:
		return mark + c.T("status.excused", p.Excuse.Reason)
	case model.StatusReplaced:
		return mark + c.T("status.replaced", p.ReplacedBy)
	case model.StatusVoid:
		return mark + c.T("status.void")
	}
	return mark + c.T("status.missing")
}
