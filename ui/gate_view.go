package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"hadir/model"
)

// bannerHeight is fixed so the layout does not jump when an answer appears.
const bannerHeight = 5

// listHeight is how many result rows fit.
func (g *Gate) listHeight() int {
	return max(1, g.height-3-bannerHeight-answersKept-1-1) // search box, banner, earlier answers, list header, note
}

// detailsWidth is the width of the selected volunteer's panel.
func (g *Gate) detailsWidth() int {
	return max(28, min(44, g.width*2/5))
}

// gateDrawn keeps the parts of the gate last drawn (see drawn): a scan
// changes the search box, the list or the banner, rarely all three.
type gateDrawn struct {
	search  drawn[searchKey]
	frames  map[frameKey]*framer // the search box's frames
	list    drawn[listKey]
	header  drawn[noteKey]
	rows    map[rowKey]block // the rows of the list last drawn
	details drawn[detailsKey]
	// detailsOf is the person the details pane was last drawn for, and
	// detailsN counts the changes of them: after a check-in elsewhere the
	// list moves, and the same volunteer stays selected, unchanged.
	detailsOf model.Person
	detailsN  uint64
	banner    drawn[bannerKey]
	note      drawn[noteKey]
	history   drawn[historyKey] // the earlier answers
	below     joined            // the banner, the earlier answers and the note
	mode      drawn[string]     // the walk-in form or the contingent picker
	columns   joined
	middle    joined
	frame     joined
	paint     *painter // the middle in the app's colours
	text      string   // the frame as a string (View)
	textID    uint64   // the frame text is of
}

type searchKey struct {
	input     string // the text box as drawn
	focused   bool
	width     int
	departing bool
	lang      Lang
}

// listKey is what the result list is drawn from; rowsDrawn stands for the
// rows, and changes whenever they do.
type listKey struct {
	rowsDrawn             uint64
	sel, top, width, rows int
	queryEmpty            bool
	contingent            string
	lang                  Lang
	answered              bool
	about                 *model.Person // replaced, never changed in place, when read again
}

// rowKey is what one row of the list shows.
type rowKey struct {
	id, name, contingent string
	status               model.Status
	selected             bool
	width                int
}

// detailsKey is what the details pane shows: a person (shown stands for
// them, and changes whenever what is known of them does) or nobody.
type detailsKey struct {
	shown  uint64
	nobody bool
	width  int
	lang   Lang
	today  int // a time of today is said without its day
}

type bannerKey struct {
	style               *lipgloss.Style
	word, title, detail string
	width               int
}

type noteKey struct {
	note  string
	width int
}

func (g *Gate) View() string {
	b := g.viewBlock()
	if b.id != g.drawn.textID {
		g.drawn.text, g.drawn.textID = b.String(), b.id
	}
	return g.drawn.text
}

func (g *Gate) viewBlock() block {
	st := g.c.Styles
	if g.drawn.paint == nil {
		g.drawn.paint = newPainter(st.App)
	}
	focused := g.mode == modeSearch
	input := g.input.View()
	search := g.drawn.search.text(searchKey{input, focused, g.width, g.departing, g.c.Lang}, func() string {
		box := g.searchFrame(focused)
		if g.departing {
			// Unmistakable: another colour, a thicker frame, and the word.
			return box.render(g.departFrameWord() + " " + st.Bold.Render("⌕ ") + input)
		}
		return box.render(st.Bold.Render("⌕ ") + input)
	})

	var middle block
	// The walk-in form needs every line at 80x24: the earlier answers give
	// their lines to it while it is open.
	kept := answersKept
	if g.mode == modeWalkIn {
		kept = 0
	}
	bodyHeight := g.height - len(search.lines) - bannerHeight - kept - 1
	switch g.mode {
	case modeConfirm, modeCameBack:
		view := g.confirmCard()
		middle = g.drawn.mode.text(view, func() string { return view })
	case modeWalkIn:
		view := g.walkin.View()
		middle = g.drawn.mode.text(view, func() string { return view })
	case modeFilter:
		view := g.picker.View(g.width, bodyHeight)
		middle = g.drawn.mode.text(view, func() string { return view })
	default:
		list, details := g.listView(g.width-g.detailsWidth()-2), g.detailsView()
		middle = g.drawn.columns.get([4]uint64{list.id, details.id}, func() block {
			return beside(list, measure(" "), details)
		})
	}
	middle = g.drawn.middle.get([4]uint64{middle.id, uint64(bodyHeight)}, func() block {
		return g.drawn.paint.fill(middle, bodyHeight)
	})
	note := g.drawn.note.text(noteKey{g.note, g.width}, func() string { return st.Muted.Render(truncate(g.note, g.width)) })
	banner := g.bannerView()
	history := g.historyView()
	if kept == 0 {
		history = block{}
	}
	below := g.drawn.below.get([4]uint64{banner.id, history.id, note.id}, func() block { return stack(banner, history, note) })
	return g.drawn.frame.get([4]uint64{search.id, middle.id, below.id}, func() block {
		return stack(search, middle, below)
	})
}

// searchFrame is the search box's frame: departures mode's, or the
// focused or the unfocused one, as wide as the screen.
func (g *Gate) searchFrame(focused bool) *framer {
	st := g.c.Styles
	k := frameKey{focused: focused, departing: g.departing, width: g.width}
	if f, ok := g.drawn.frames[k]; ok {
		return f
	}
	box := st.InputFocused
	switch {
	case g.departing:
		box = st.InputDepart
	case !focused:
		box = st.Input
	}
	if g.drawn.frames == nil {
		g.drawn.frames = map[frameKey]*framer{}
	}
	f := newFramer(box.Width(g.width - 2))
	g.drawn.frames[k] = f
	return f
}

type frameKey struct {
	focused, departing bool
	width              int
}

func (g *Gate) listView(width int) block {
	k := listKey{rowsDrawn: g.rowsDrawn, sel: g.sel, top: g.top, width: width, rows: g.listHeight(),
		queryEmpty: g.listsLatest(), contingent: g.contingent, lang: g.c.Lang,
		answered: g.answered, about: g.about}
	return g.drawn.list.get(k, func() block { return g.drawList(width) })
}

// listsLatest: the rows answer no typed text (the latest arrivals, or a
// contingent's members). It follows the rows, not the box: Enter empties the
// box at once, and its list stays until the answer's search.
func (g *Gate) listsLatest() bool { return strings.TrimSpace(g.rowsQuery.Text) == "" }

// drawList draws the list a row at a time, each row in the app's colours
// and as wide as the list: a row still listed keeps its drawing (after a
// check-in elsewhere the latest arrivals move down one row).
func (g *Gate) drawList(width int) block {
	st := g.c.Styles
	h := g.listHeight()
	var header string
	switch {
	case g.listsLatest() && g.contingent == "" && len(g.rows) > 0:
		header = st.Muted.Render(g.c.T("gate.latest"))
	case g.listsLatest() && g.contingent == "":
		header = st.Hint.Render(g.c.T("gate.hint"))
	case len(g.rows) == 0:
		header = st.Muted.Render(g.c.T("gate.no_results"))
	default:
		n := g.c.Number(len(g.rows))
		if len(g.rows) >= resultLimit {
			n = g.c.T("gate.more_than", n)
		}
		header = st.Muted.Render(g.c.T("gate.results", n))
	}
	if g.contingent != "" {
		header += st.Muted.Render("  ·  " + g.c.T("gate.search_in", g.contingent))
	}
	lines := make([]block, 0, h+1)
	lines = append(lines, g.drawn.header.text(noteKey{header, width}, func() string {
		return st.App.Width(width).Render(truncate(header, width))
	}))
	kept := g.drawn.rows
	g.drawn.rows = make(map[rowKey]block, h)
	for i := g.top; i < len(g.rows) && i < g.top+h; i++ {
		p := &g.rows[i]
		selected := i == g.sel && (!g.answered || (g.about != nil && g.about.ID == p.ID))
		k := rowKey{id: p.ID, name: p.Name, contingent: p.Contingent, status: p.Status, selected: selected, width: width}
		row, ok := kept[k]
		if !ok {
			text := g.rowText(p, k.selected, width)
			row = measure(g.drawn.paint.line(text, ansi.StringWidth(text), width))
		}
		g.drawn.rows[k] = row
		lines = append(lines, row)
	}
	return stack(lines...)
}

// rowText is one row of the list, in its style.
func (g *Gate) rowText(p *model.Person, selected bool, width int) string {
	st := g.c.Styles
	contW := min(24, max(15, width*2/5)) // wide enough that contingents sharing a start stay apart
	idW := 0
	if width >= 66 { // wide enough to show the ID a badge carries
		idW = 14
	}
	nameW := width - 3 - 1 - contW - idW
	mark := " " + statusMark(p.Status)
	if selected {
		mark = "▸" + statusMark(p.Status) // the selection is shown without colour too
	}
	text := mark + " " + pad(truncate(p.Name, nameW), nameW) + " " + pad(cutMiddle(p.Contingent, contW), contW)
	if idW > 0 {
		text += " " + truncate(p.ID, idW-1)
	}
	switch {
	case selected:
		return st.RowSelected.Render(pad(text, width))
	case p.Status == model.StatusArrived || p.Status == model.StatusDeparted:
		return st.Muted.Render(text)
	}
	return text
}

// statusMark is a status as a symbol, so it is not said by colour alone.
func statusMark(s model.Status) string {
	switch s {
	case model.StatusArrived:
		return "✓"
	case model.StatusDeparted:
		return "⇥"
	case model.StatusExcused:
		return "~"
	case model.StatusReplaced:
		return "⇄"
	case model.StatusVoid:
		return "✗"
	}
	return "·"
}

// statusText says a volunteer's status in words.
func (g *Gate) statusText(p model.Person) string { return statusWords(g.c, p) }

func (g *Gate) detailsView() block {
	p, ok := g.detailsPerson()
	if ok && !p.Same(g.drawn.detailsOf) {
		g.drawn.detailsOf = p
		g.drawn.detailsN++
	}
	y, m, d := g.c.Now().Local().Date()
	k := detailsKey{shown: g.drawn.detailsN, nobody: !ok, width: g.detailsWidth(), lang: g.c.Lang, today: (y*100+int(m))*100 + d}
	return g.drawn.details.text(k, func() string { return g.drawDetails(p, ok) })
}

// detailsPerson is whom the details pane shows (false: nobody).
func (g *Gate) detailsPerson() (model.Person, bool) {
	switch {
	case g.answered && g.about != nil:
		return *g.about, true // the answer's person, never the row selected before it
	case g.answered, g.sel >= len(g.rows):
		return model.Person{}, false
	}
	return g.rows[g.sel], true
}

func (g *Gate) drawDetails(p model.Person, ok bool) string {
	st := g.c.Styles
	w := g.detailsWidth()
	if !ok {
		return st.Details.Width(w).Render(st.Muted.Render(g.c.T("gate.no_selection")))
	}
	row := func(label, value string) string {
		return st.Label.Render(pad(g.c.T(label), 11)) + truncate(value, w-13)
	}
	lines := []string{
		st.Bold.Render(truncate(p.Name, w-2)),
		row("field.id", p.ID),
		row("field.contingent", p.Contingent),
		row("field.pillar", orDash(p.Pillar)),
		row("field.phone", orDash(p.Phone)),
		row("field.gender", orDash(p.Gender)),
	}
	if p.Leader {
		lines = append(lines, row("field.role", g.c.T("field.leader")))
	}
	if p.Source == model.SourceWalkIn {
		lines = append(lines, row("field.source", g.c.T("field.walkin")))
	}
	status := g.statusText(p)
	styled := st.Value
	switch p.Status {
	case model.StatusArrived, model.StatusDeparted:
		styled = st.OKText
	case model.StatusMissing:
		styled = st.WarnText
	}
	lines = append(lines, "", st.Label.Render(g.c.T("field.status")))
	lines = append(lines, styled.Width(w-2).Render(status))
	if n := len(p.Duplicates); n > 0 {
		lines = append(lines, st.WarnText.Render(g.c.T("gate.duplicates", n)))
	}
	return st.Details.Width(w).Render(strings.Join(lines, "\n"))
}

func (g *Gate) bannerView() block {
	st := g.c.Styles
	w := g.width - 2
	style := &st.BannerNote
	var word *lipgloss.Style // the answer's bar, for a check-in's answer
	var title, detail string
	switch {
	case g.mode == modeConfirm:
		style = &st.BannerAsk
		title = g.c.T("gate.confirm_title")
		if g.departing {
			style, title = &st.BannerDepart, g.c.T("gate.depart_confirm_title")
		}
		detail = g.c.T("gate.confirm_keys")
	case g.mode == modeCameBack:
		style, word, title = &st.BannerWarn, &st.AnswerWarn, "! "+g.banner.title
		detail = g.c.T("gate.cameback_keys")
	case g.mode == modeReason:
		style = &st.BannerAsk
		title = g.c.T("gate.annul_ask", g.annulName, g.annulling.Station, g.c.When(g.annulling.At))
		detail = g.c.T("gate.reason_label") + " " + g.reason.View()
		if g.note != "" {
			detail += "  " + st.ErrText.Render(g.note)
		}
	case g.banner.kind == bannerNone && g.departing:
		style = &st.BannerDepart
		title = g.c.T("gate.depart_ready")
		detail = g.c.T("gate.depart_ready_detail")
	case g.banner.kind == bannerNone:
		title = g.c.T("gate.ready")
		detail = g.c.T("gate.ready_detail")
	default:
		title, detail = g.banner.title, g.banner.detail
		switch g.banner.kind {
		case bannerOK:
			style, word, title = &st.BannerOK, &st.AnswerOK, "✓ "+title
		case bannerWarn:
			style, word, title = &st.BannerWarn, &st.AnswerWarn, "! "+title
		case bannerErr:
			style, word, title = &st.BannerErr, &st.AnswerErr, "✗ "+title
		case bannerNote:
			title = "i " + title
		}
	}
	answer := ""
	if word != nil {
		answer = g.answerWord()
	}
	return g.drawn.banner.text(bannerKey{style, answer, title, detail, w}, func() string {
		body := st.BannerTitle.Render(truncate(title, w-4)) + "\n" + truncate(detail, w-4) + "\n"
		if word != nil {
			// Read from a step away: the colour, the symbol and the word fill
			// the width, above who it is about.
			body = word.Width(w-4).Render(truncate(answer, w-4)) + "\n" + st.BannerTitle.Render(truncate(title, w-4)) + "\n" + truncate(detail, w-4)
		}
		return style.Width(w).Render(body)
	})
}
