package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"hadir/model"
)

// logCols are the widths of the log's columns; 0 drops a column.
type logCols struct {
	time, kind, who, id, station, operator, note int
}

// logRow is one event and what the log shows with it, copied out of the
// state while it was read.
type logRow struct {
	ev         model.Event
	name       string       // the volunteer's name ("" when unknown)
	contingent string       // the volunteer's contingent, or the event's
	refName    string       // replace: the replaced volunteer's name
	refKind    model.Kind   // annul: the kind of the event it cancels
	refAt      time.Time    // annul: when the cancelled event happened
	annul      *model.Event // the annulment that cancels this event, if any
}

// logRowOf copies an event and the names it needs out of the state.
func logRowOf(s *model.State, e model.Event) logRow {
	e.Record = nil // shared with the state; the row needs nothing from it
	r := logRow{ev: e, contingent: e.Contingent}
	if e.Volunteer != "" {
		if p, ok := s.Person(e.Volunteer); ok {
			r.name, r.contingent = p.Name, p.Contingent
		}
	}
	switch e.Kind {
	case model.KindReplace:
		if p, ok := s.Person(e.Ref); ok {
			r.refName = p.Name
		}
	case model.KindAnnul:
		if t, ok := s.Event(e.Ref); ok {
			r.refKind, r.refAt = t.Kind, t.At
		}
	}
	if a, ok := s.Annulment(e.ID); ok {
		ac := *a
		ac.Record = nil
		r.annul = &ac
	}
	return r
}

// searchHeight is the search box's height: one line and its frame.
func (l *Log) searchHeight() int { return 1 + l.c.Styles.InputFocused.GetVerticalFrameSize() }

// listHeight is how many event rows fit under the search box, the summary
// and the column titles.
func (l *Log) listHeight() int { return max(1, l.height-l.searchHeight()-2) }

func (l *Log) View() string {
	st := l.c.Styles
	box := st.InputFocused
	if l.detail {
		box = st.Input
	}
	search := box.Width(l.width - 2).Render(st.Bold.Render("⌕ ") + l.input.View())
	body := l.detailView()
	if !l.detail {
		body = l.listView()
	}
	return lipgloss.JoinVertical(lipgloss.Left, search, l.summaryLine(), body)
}

// summaryLine says how many events (or matches) there are, and which rows
// are on screen.
func (l *Log) summaryLine() string {
	st := l.c.Styles
	var left string
	switch {
	case !l.loaded:
		left = l.c.T("log.loading")
	case l.listFor == "":
		left = l.c.T("log.count", l.c.Number(l.total))
	default:
		left = l.c.T("log.count_match", l.c.Number(l.total), l.c.Number(l.events))
	}
	var right string
	if l.total > 0 {
		right = l.c.Number(l.top+1) + "–" + l.c.Number(min(l.top+l.listHeight(), l.total))
	}
	gap := l.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return st.Muted.Render(truncate(left, l.width))
	}
	return st.Muted.Render(left + strings.Repeat(" ", gap) + right)
}

func (l *Log) listView() string {
	st := l.c.Styles
	h := l.listHeight()
	if l.loaded && l.total == 0 {
		msg := l.c.T("log.empty")
		if l.listFor != "" {
			msg = l.c.T("log.no_match", strings.TrimSpace(l.input.Value()))
		}
		return st.Hint.Width(l.width).Render(msg)
	}
	end := min(l.top+h, l.total)
	// The time and kind columns are as wide as the visible rows need: the
	// time "09:14" today, "Kam 3 Des 16:40" on another day.
	times := make([]string, 0, end-l.top)
	timeW, kindW := 5, lipgloss.Width(l.c.T("log.col_kind"))
	for i := l.top; i < end; i++ {
		var t string
		if r := l.rowAt(i); r != nil {
			t = l.c.When(r.ev.At)
			kindW = max(kindW, lipgloss.Width(l.kindWord(r.ev.Kind)))
		}
		times = append(times, t)
		timeW = max(timeW, len(t))
	}
	cols := l.columns(timeW, kindW)
	lines := make([]string, 0, h+1)
	lines = append(lines, st.Muted.Render(l.cells(cols, "", l.c.T("log.col_time"), l.c.T("log.col_kind"),
		l.c.T("log.col_who"), l.c.T("log.col_id"), l.c.T("log.col_station"), l.c.T("log.col_operator"), l.c.T("log.col_note"))))
	for i := l.top; i < end; i++ {
		r := l.rowAt(i)
		if r == nil {
			lines = append(lines, "") // on its way
			continue
		}
		// The selection and an annulment are marked in the text as well as
		// by style: neither may be said by colour alone.
		mark := " "
		if i == l.sel {
			mark = "▸"
		}
		if r.annul != nil {
			mark += "✗"
		} else {
			mark += " "
		}
		e := &r.ev
		who := l.who(r)
		if e.Volunteer == "" {
			who = cutMiddle(who, cols.who) // a contingent: those sharing a start stay apart
		}
		text := l.cells(cols, mark, padLeft(times[i-l.top], timeW), l.kindWord(e.Kind), who,
			e.Volunteer, e.Station, e.Operator, l.note(r))
		switch {
		case i == l.sel:
			lines = append(lines, st.RowSelected.Render(pad(text, l.width)))
		case r.annul != nil:
			lines = append(lines, st.Muted.Render(text))
		case e.Kind == model.KindAnnul:
			lines = append(lines, st.WarnText.Render(text))
		default:
			lines = append(lines, text)
		}
	}
	return strings.Join(lines, "\n")
}

// logMarkW is the width of the marks before the time: the selection and
// an annulment.
const logMarkW = 2

// columns fits the columns to the width. The time, kind, name and note
// always show; station, operator and ID follow, in that order, while they fit.
func (l *Log) columns(timeW, kindW int) logCols {
	if l.width < 100 {
		kindW = min(kindW, 11)
	}
	c := logCols{time: timeW, kind: kindW, who: max(16, lipgloss.Width(l.c.T("log.col_who"))), note: 20}
	spare := l.width - (logMarkW + 1) - (timeW + 1) - (kindW + 1) - (c.who + 1) - c.note
	for _, opt := range []struct {
		w   *int
		min int
	}{{&c.station, 10}, {&c.operator, 10}, {&c.id, 15}} {
		if spare >= opt.min+1 {
			*opt.w = opt.min
			spare -= opt.min + 1
		}
	}
	spare = max(0, spare)
	grow := min(spare/2, 6)
	c.who += grow
	c.note += spare - grow
	return c
}

// cells lays out one row: the mark, then each column cut or padded to its width.
func (l *Log) cells(c logCols, mark, when, kind, who, id, station, operator, note string) string {
	var b strings.Builder
	b.WriteString(pad(mark, logMarkW))
	b.WriteByte(' ')
	for _, col := range []struct {
		s string
		w int
	}{{when, c.time}, {kind, c.kind}, {who, c.who}, {id, c.id}, {station, c.station}, {operator, c.operator}} {
		if col.w > 0 {
			b.WriteString(pad(truncate(col.s, col.w), col.w))
			b.WriteByte(' ')
		}
	}
	b.WriteString(truncate(note, c.note))
	return b.String()
}

func padLeft(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return strings.Repeat(" ", width-w) + s
	}
	return s
}

func (l *Log) kindWord(k model.Kind) string {
	if t, ok := logKindText[k]; ok {
		return l.c.T(t)
	}
	return string(k)
}

// who is whom an event concerns: the volunteer, or the contingent signed off.
func (l *Log) who(r *logRow) string {
	switch {
	case r.ev.Kind == model.KindConfirm || r.ev.Kind == model.KindWithdraw || r.ev.Kind == model.KindRename:
		return r.ev.Contingent
	case r.name != "":
		return r.name
	}
	return r.ev.Volunteer
}

// noteReason says why a scan was refused, in the session's language.
func (l *Log) noteReason(reason string) string {
	if t, ok := noteReasonText[reason]; ok {
		return l.c.T(t)
	}
	return reason
}

func (l *Log) phaseWord(phase string) string {
	if phase == model.PhaseDeparture {
		return l.c.T("log.phase_departure")
	}
	return l.c.T("log.phase_arrival")
}

// note is the row's reason or remark; an annulled event says so first.
func (l *Log) note(r *logRow) string {
	e := &r.ev
	var note string
	switch e.Kind {
	case model.KindAnnul:
		note = e.Reason
		if !r.refAt.IsZero() {
			note = l.c.T("log.annul_note", e.Reason, l.kindWord(r.refKind), l.c.When(r.refAt))
		}
	case model.KindExcuse:
		note = joinNonEmpty(": ", e.Reason, e.Note)
	case model.KindReplace:
		note = l.c.T("log.replaces", orDash(firstNonEmpty(r.refName, e.Ref)))
	case model.KindConfirm:
		note = l.c.T("log.signed_by", e.Leader)
		if e.Reason == model.PhaseDeparture {
			note += " · " + l.phaseWord(e.Reason)
		}
	case model.KindWithdraw:
		if e.Reason == model.PhaseDeparture {
			note = l.phaseWord(e.Reason)
		}
		note = joinNonEmpty(" · ", note, e.Note)
	case model.KindWalkIn:
		note = r.contingent
	case model.KindRename:
		note = l.c.T("log.renamed_to", e.Note)
	case model.KindNote:
		note = joinNonEmpty(": ", l.noteReason(e.Reason), e.Note) // why, and the code as scanned
	case model.KindReID:
		note = l.c.T("log.reid_from", e.Ref)
	}
	if r.annul != nil {
		note = joinNonEmpty(" · ", l.c.T("log.annulled", r.annul.Reason), note)
	}
	return note
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// detailView is every field of the selected event, in a panel over the list.
func (l *Log) detailView() string {
	st := l.c.Styles
	inner := l.width - 2 - st.Frame.GetHorizontalFrameSize()
	r := l.rowAt(l.sel)
	if r == nil {
		return st.Frame.Width(l.width - 2).Render(st.Muted.Render(l.c.T("log.loading")))
	}
	e := &r.ev
	const labelW = 14
	lines := []string{st.Bold.Render(truncate(l.c.T("log.detail_title", e.ID, l.kindWord(e.Kind)), inner)), ""}
	add := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		if label != "" {
			label = l.c.T(label)
		}
		lines = append(lines, st.Label.Render(pad(label, labelW))+truncate(value, inner-labelW))
	}
	full := func(t time.Time) string {
		lt := t.Local()
		return weekdayNames[l.c.Lang][lt.Weekday()] + " " + lt.Format("2006-01-02 15:04:05 MST")
	}
	add("log.f_time", full(e.At))
	if e.Volunteer != "" {
		add("log.f_volunteer", joinNonEmpty(" · ", r.name, e.Volunteer))
	}
	add("log.f_contingent", r.contingent)
	add("log.f_station", e.Station)
	add("log.f_operator", e.Operator)
	switch e.Kind {
	case model.KindAnnul:
		add("log.f_reason", e.Reason)
		cancels := e.Ref
		if !r.refAt.IsZero() {
			cancels = l.c.T("log.cancels_detail", e.Ref, l.kindWord(r.refKind), full(r.refAt))
		}
		add("log.f_cancels", cancels)
	case model.KindExcuse:
		add("log.f_reason", e.Reason)
		add("log.f_note", e.Note)
	case model.KindReplace:
		add("log.f_replaces", joinNonEmpty(" · ", r.refName, e.Ref))
	case model.KindConfirm, model.KindWithdraw:
		add("log.f_leader", e.Leader)
		add("log.f_phase", l.phaseWord(e.Reason))
		add("log.f_note", e.Note)
	case model.KindNote:
		add("log.f_reason", l.noteReason(e.Reason))
		add("log.f_scanned", e.Note)
	default:
		add("log.f_reason", e.Reason)
		add("log.f_note", e.Note)
	}
	lines = append(lines, "")
	if a := r.annul; a != nil {
		add("log.f_status", l.c.T("log.annulled_by", a.ID))
		add("", l.c.T("log.annulled_when", full(a.At), a.Station, orDash(a.Operator)))
		add("", l.c.T("log.annulled_why", a.Reason))
	} else {
		add("log.f_status", l.c.T("log.standing"))
	}
	lines = append(lines, "", st.Muted.Render(truncate(l.c.T("log.detail_hint"), inner)))
	h := l.listHeight() + 1 - st.Frame.GetVerticalFrameSize()
	if len(lines) > h {
		lines = lines[:max(1, h)]
	}
	return st.Frame.Width(l.width - 2).Render(strings.Join(lines, "\n"))
}
