package ui

// answersKept is how many earlier answers the gate shows under the current
// one: a bad badge in a quick queue is still on screen after the next good
// scan.
const answersKept = 3

// setAnswer shows an answer and keeps it among the latest. say is called
// again when the language changes, so the answer is always in the one the
// screen speaks.
func (g *Gate) setAnswer(kind bannerKind, say func() (string, string)) {
	g.setAnswerWord(kind, "", say)
}

// setAnswerWord is setAnswer with the answer's word given by its text key.
func (g *Gate) setAnswerWord(kind bannerKind, word string, say func() (string, string)) {
	g.answerN++
	title, detail := say()
	b := banner{kind: kind, title: title, detail: detail, say: say, word: word, at: g.c.Now(), n: g.answerN}
	g.banner, g.note, g.noteSay = b, "", nil
	g.answers = append([]banner{b}, g.answers[:min(len(g.answers), answersKept)]...)
}

// setNote shows the quiet line under the banner, in the session's language.
func (g *Gate) setNote(say func() string) { g.note, g.noteSay = say(), say }

// sayAgain puts the answers and the note in the session's language (Ctrl+L).
func (g *Gate) sayAgain() {
	again := func(b *banner) {
		if b.say != nil {
			b.title, b.detail = b.say()
		}
	}
	again(&g.banner)
	for i := range g.answers {
		again(&g.answers[i])
	}
	if g.noteSay != nil {
		g.note = g.noteSay()
	}
}

// earlierAnswers are the answers shown under the current one: the latest,
// less the one the banner shows.
func (g *Gate) earlierAnswers() []banner {
	list := g.answers
	if len(list) > 0 && g.banner.n == list[0].n {
		list = list[1:]
	}
	return list[:min(len(list), answersKept)]
}

// historyView draws the earlier answers, one line each, newest first, in
// their colour and with their symbol (so not by colour alone).
func (g *Gate) historyView() block {
	st := g.c.Styles
	w := g.width
	list := g.earlierAnswers()
	k := historyKey{width: w, lang: g.c.Lang}
	for i, b := range list {
		k.lines[i] = b.n
		k.titles[i] = b.title
	}
	return g.drawn.history.get(k, func() block {
		lines := make([]block, 0, answersKept)
		for _, b := range list {
			mark, style := "i", st.Muted
			switch b.kind {
			case bannerOK:
				mark, style = "✓", st.OKText
			case bannerWarn:
				mark, style = "!", st.WarnText
			case bannerErr:
				mark, style = "✗", st.ErrText
			}
			text := st.Muted.Render(g.c.Clock(b.at)+"  ") + style.Render(mark+" "+b.title)
			lines = append(lines, measure(st.App.Width(w).Render(truncate(text, w))))
		}
		for len(lines) < answersKept {
			lines = append(lines, measure(st.App.Width(w).Render("")))
		}
		return stack(lines...)
	})
}

// historyKey is what the earlier answers are drawn from.
type historyKey struct {
	lines  [answersKept]uint64
	titles [answersKept]string
	width  int
	lang   Lang
}

// unsavedWork: Ctrl+C asks first while a check-in is being written, or
// while the walk-in form (open, or waiting for Ctrl+N) or an annul's reason
// holds what was typed.
func (g *Gate) unsavedWork() string {
	switch {
	case g.busy():
		return "quit.ask_writing"
	case g.waitForm != nil:
		return "quit.ask_form"
	case g.mode == modeReason && g.reason.Value() != "":
		return "quit.ask_form"
	case g.mode == modeWalkIn && g.walkin != nil:
		for _, f := range g.walkin.fields {
			if f.Value() != "" {
				return "quit.ask_form"
			}
		}
	}
	return ""
}
