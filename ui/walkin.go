package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

// The walk-in form's fields, in order.
const (
	fieldName = iota
	fieldContingent
	fieldPillar
	fieldGender
	fieldPhone
	fieldCount
)

var fieldLabels = [fieldCount]string{"walkin.name", "walkin.contingent", "walkin.pillar", "walkin.gender", "walkin.phone"}

// walkInDoneMsg is the store's answer to a walk-in registration.
type walkInDoneMsg checkInMsg

// walkInCancelMsg closes the form without saving.
type walkInCancelMsg struct{}

// walkInForm registers a volunteer who is not on the roster and checks them
// in. The contingent must be one the store knows, so counts stay per
// contingent; it can be typed in part ("balangan").
type walkInForm struct {
	c           *Common
	fields      [fieldCount]textinput.Model
	errs        [fieldCount]string
	focus       int
	contingents []string
	pillars     []string // the pillars the roster knows
	newPillar   string   // a pillar not known yet, confirmed by a second Enter
	newCont     string   // a contingent not on the roster, confirmed by a second Enter
	intro       string   // the line under the title, when not the gate's
	exclude     string   // an ID never offered as the person on the roster (the one being replaced)
	failure     string
	width       int
	// submitFn saves a valid form; by default the walk-in is checked in at
	// the gate. A leader registering a replacement saves it differently.
	submitFn func(model.Volunteer) tea.Cmd
	// pickFn takes a namesake already on the roster instead of registering
	// a new volunteer; by default they are checked in at the gate.
	pickFn func(model.Person) tea.Cmd
	saving bool // a save is under way: a second Enter must not register the person twice
	// queued, when set (the gate's form), runs the form's store work in
	// the gate's queue of actions, behind the scans before it.
	queued func(work tea.Cmd) tea.Cmd
	similarChoice
}

func newWalkInForm(c *Common, name string) *walkInForm {
	f := &walkInForm{c: c}
	placeholders := [fieldCount]string{"walkin.name_ph", "walkin.contingent_ph", "walkin.pillar_ph", "walkin.gender_ph", "walkin.phone_ph"}
	limits := [fieldCount]int{80, 60, 60, 12, 20}
	for i := range f.fields {
		f.fields[i] = newInput(c, c.T(placeholders[i]), limits[i])
		f.fields[i].Blur()
	}
	// A name typed in the search box that found nobody is the likely walk-in.
	if looksLikeName(name) {
		f.fields[fieldName].SetValue(strings.TrimSpace(name))
	}
	f.fields[0].Focus()
	return f
}

func looksLikeName(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.ContainsAny(s, "0123456789")
}

func (f *walkInForm) SetSize(w, _ int) {
	f.width = w
	for i := range f.fields {
		f.fields[i].Width = max(10, min(50, w-24))
	}
}

func (f *walkInForm) ShortHelp() []key.Binding {
	k := f.c.Keys
	if f.choosing {
		return f.choiceHelp()
	}
	return []key.Binding{k.NextField, withHelp(k.Submit, "enter", f.c.T("key.save_walkin")), withHelp(k.Cancel, "esc", f.c.T("key.cancel"))}
}

func (f *walkInForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case contingentsMsg:
		f.contingents, f.pillars = msg.names, msg.pillars
		return nil
	case similarMsg:
		return f.onSimilar(msg)
	case tea.KeyMsg:
		k := f.c.Keys
		if f.choosing {
			return f.onChoiceKey(msg)
		}
		if f.focus == fieldGender && f.toggleGender(msg) {
			return nil
		}
		switch {
		case key.Matches(msg, k.Cancel):
			return func() tea.Msg { return walkInCancelMsg{} }
		case key.Matches(msg, k.NextField):
			f.setFocus(f.focus + 1)
			return nil
		case key.Matches(msg, k.PrevField):
			f.setFocus(f.focus - 1)
			return nil
		case key.Matches(msg, k.Submit):
			if f.focus < fieldCount-1 && f.fields[f.focus].Value() != "" && !f.hasErrors() {
				f.setFocus(f.focus + 1) // Enter moves on until the last field
				return nil
			}
			return f.submit()
		}
		var cmd tea.Cmd
		f.fields[f.focus], cmd = f.fields[f.focus].Update(msg)
		f.errs[f.focus], f.failure = "", ""
		return cmd
	}
	return nil
}

// hasErrors reports whether an answer to the last save is still shown: Enter
// then tries to save again (and a new pillar is confirmed that way).
func (f *walkInForm) hasErrors() bool {
	for _, e := range f.errs {
		if e != "" {
			return true
		}
	}
	return false
}

func (f *walkInForm) setFocus(i int) {
	f.fields[f.focus].Blur()
	f.focus = (i + fieldCount) % fieldCount
	f.fields[f.focus].Focus()
}

// matchContingent resolves what was typed to a known contingent: the exact
// name (any case), else the only one containing the text.
func (f *walkInForm) matchContingent(typed string) (string, []string) {
	// Any spelling of a contingent's name: "kab balangan", "Kabupaten Balangan".
	if n, ok := model.NewContingentNames(f.contingents...).Resolve(typed); ok {
		return n, []string{n}
	}
	return matchName(f.contingents, typed)
}

// matchName resolves typed text to one of names: the exact name (any case),
// else the only one containing the text; hits are all that contain it.
func matchName(names []string, typed string) (string, []string) {
	q := strings.ToLower(strings.TrimSpace(typed))
	if q == "" {
		return "", nil
	}
	var hits []string
	for _, n := range names {
		if strings.ToLower(n) == q {
			return n, []string{n}
		}
		if strings.Contains(strings.ToLower(n), q) {
			hits = append(hits, n)
		}
	}
	if len(hits) == 1 {
		return hits[0], hits
	}
	return "", hits
}

// matchPillar resolves what was typed to a known pillar, as matchContingent.
func (f *walkInForm) matchPillar(typed string) (string, []string) {
	return matchName(f.pillars, typed)
}

// toggleGender makes the gender field a choice of the two known values:
// ←, → and space switch between L and P.
func (f *walkInForm) toggleGender(msg tea.KeyMsg) bool {
	switch msg.String() {
	case "left", "right", " ":
		if g, _ := model.NormalizeGender(f.fields[fieldGender].Value()); g == "L" {
			f.fields[fieldGender].SetValue("P")
		} else {
			f.fields[fieldGender].SetValue("L")
		}
		f.errs[fieldGender] = ""
		return true
	}
	return false
}

// validate checks every field and returns the volunteer when all are good.
func (f *walkInForm) validate() (model.Volunteer, bool) {
	f.errs = [fieldCount]string{}
	v := model.Volunteer{
		Name: model.Clean(strings.Join(strings.Fields(f.fields[fieldName].Value()), " "), model.MaxNameLen),
	}
	if len([]rune(v.Name)) < 2 {
		f.errs[fieldName] = f.c.T("walkin.err_name")
	}
	typed := f.fields[fieldContingent].Value()
	c, hits := f.matchContingent(typed)
	typedCont := model.Clean(strings.Join(strings.Fields(typed), " "), model.MaxTextLen)
	switch {
	case strings.TrimSpace(typed) == "":
		f.errs[fieldContingent] = f.c.T("walkin.err_contingent_empty")
	case c == "" && len(hits) == 0 && f.c.gateLogin():
		// Only a leader or an admin adds a contingent (the store refuses a gate too).
		f.errs[fieldContingent] = f.c.T("walkin.err_contingent_gate", strings.TrimSpace(typed))
	case c == "" && len(hits) == 0 && f.newCont == typedCont:
		c = f.newCont // a new contingent, confirmed by a second Enter
	case c == "" && len(hits) == 0:
		f.newCont = typedCont
		f.errs[fieldContingent] = f.c.T("walkin.contingent_new", f.newCont)
	case c == "":
		f.errs[fieldContingent] = f.c.T("walkin.err_contingent_many", len(hits))
	}
	v.Contingent = c
	typedPillar := model.Clean(strings.Join(strings.Fields(f.fields[fieldPillar].Value()), " "), model.MaxTextLen)
	pillar, pillarHits := f.matchPillar(typedPillar)
	switch {
	case typedPillar == "" || pillar != "":
		v.Pillar = pillar
	case len(pillarHits) > 1:
		f.errs[fieldPillar] = f.c.T("walkin.err_pillar_many", len(pillarHits))
	case f.newPillar == typedPillar:
		v.Pillar = typedPillar // a new pillar, confirmed by a second Enter
	default:
		f.newPillar = typedPillar
		f.errs[fieldPillar] = f.c.T("walkin.pillar_new", typedPillar)
	}
	if g, ok := model.NormalizeGender(f.fields[fieldGender].Value()); ok && g != "" {
		v.Gender = g
	} else {
		f.errs[fieldGender] = f.c.T("walkin.err_gender")
	}
	if phone, ok := model.NormalizePhone(f.fields[fieldPhone].Value()); ok && (phone == "" || validPhone(phone)) {
		v.Phone = phone
	} else {
		f.errs[fieldPhone] = f.c.T("walkin.err_phone")
	}
	for i, e := range f.errs {
		if e != "" {
			f.setFocus(i)
			return v, false
		}
	}
	return v, true
}

// validPhone accepts a normalised phone (model.NormalizePhone): 8 to 15
// digits and nothing else.
func validPhone(s string) bool {
	return len(s) >= 8 && len(s) <= 15 && strings.Trim(s, "0123456789") == ""
}

func (f *walkInForm) submit() tea.Cmd {
	if f.saving {
		return nil
	}
	v, ok := f.validate()
	if !ok {
		return nil
	}
	f.saving = true
	if f.queued != nil {
		return f.queued(f.similarOrSave(v))
	}
	return f.findSimilar(v)
}

// save registers the validated volunteer.
func (f *walkInForm) save(v model.Volunteer) tea.Cmd {
	f.saving = true
	return f.send(f.saveCmd(v))
}

// saveCmd is save's store work.
func (f *walkInForm) saveCmd(v model.Volunteer) tea.Cmd {
	if f.submitFn != nil {
		return f.submitFn(v)
	}
	st, by := f.c.Store, f.c.Actor
	return func() tea.Msg {
		res, err := st.WalkIn(v, by)
		return walkInDoneMsg{res: res, err: err}
	}
}

// pick takes a namesake on the roster instead of a new registration.
func (f *walkInForm) pick(p model.Person) tea.Cmd {
	f.saving = true
	if f.pickFn != nil {
		return f.send(f.pickFn(p))
	}
	st, by := f.c.Store, f.c.Actor
	return f.send(func() tea.Msg {
		res, err := st.CheckIn(p.ID, by)
		return walkInDoneMsg{res: res, err: err}
	})
}

// send runs store work in the gate's queue when the form is the gate's.
func (f *walkInForm) send(work tea.Cmd) tea.Cmd {
	if f.queued != nil {
		return f.queued(work)
	}
	return work
}

func (f *walkInForm) View() string {
	st := f.c.Styles
	if f.choosing {
		return f.choiceView()
	}
	intro := f.intro
	if intro == "" {
		intro = f.c.T("walkin.intro")
	}
	lines := []string{st.Title.Render(f.c.T("walkin.title")), st.Muted.Width(max(20, f.width-2)).Render(intro), ""}
	for i := range f.fields {
		label := st.FieldLabel.Render(f.c.T(fieldLabels[i]))
		marker := "  "
		if i == f.focus {
			marker = "▸ "
		}
		lines = append(lines, marker+label+f.fields[i].View())
		switch {
		case f.errs[i] != "":
			// Wrapped under the field, never cut: the answer says what to do.
			indent := "  " + st.FieldLabel.Render("")
			w := max(20, f.width-lipgloss.Width(indent))
			lines = append(lines, lipgloss.JoinHorizontal(lipgloss.Top, indent, st.FieldError.Width(w).Render("✗ "+f.errs[i])))
		case (i == fieldContingent || i == fieldPillar) && i == f.focus:
			match := f.matchContingent
			if i == fieldPillar {
				match = f.matchPillar
			}
			if c, hits := match(f.fields[i].Value()); c != "" {
				lines = append(lines, "  "+st.FieldLabel.Render("")+st.OKText.Render("✓ "+c))
			} else if len(hits) > 0 {
				lines = append(lines, "  "+st.FieldLabel.Render("")+st.Muted.Render(truncate(strings.Join(hits, " · "), max(10, f.width-20))))
			}
		case i == fieldGender && i == f.focus:
			lines = append(lines, "  "+st.FieldLabel.Render("")+st.Muted.Render(f.c.T("walkin.gender_hint")))
		}
	}
	if f.failure != "" {
		lines = append(lines, "", st.ErrText.Render("✗ "+f.failure))
	}
	return strings.Join(lines, "\n")
}
