package ui

import (
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/cellbuf"
	"github.com/muesli/termenv"

	"hadir/db"
)

// The measured blocks join and frame exactly as lipgloss does, in colour:
// the screens must not change by a byte for being drawn faster.
func TestBlocksDrawAsLipgloss(t *testing.T) {
	st := NewStyles(colourRenderer())
	words := []string{"", " ", "\t", "Siti", "Kab. Balangan", "✓ tiba", "世界", "é", st.Muted.Render("muted"), st.RowSelected.Render("▸· sel"), st.Bold.Render("⌕ ")}
	r := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		lines := make([]string, 1+r.IntN(6))
		for i := range lines {
			for range r.IntN(5) {
				lines[i] += words[r.IntN(len(words))]
			}
		}
		return strings.Join(lines, "\n")
	}
	for range 500 {
		a, b, c := text(), text(), text()
		if got, want := stack(measure(a), measure(b), measure(c)).String(), lipgloss.JoinVertical(lipgloss.Left, a, b, c); got != want {
			t.Fatalf("stack of %q, %q, %q:\n%q\nlipgloss:\n%q", a, b, c, got, want)
		}
		if got, want := beside(measure(a), measure(" "), measure(b)).String(), lipgloss.JoinHorizontal(lipgloss.Top, a, " ", b); got != want {
			t.Fatalf("beside of %q, %q:\n%q\nlipgloss:\n%q", a, b, got, want)
		}
		for _, box := range []lipgloss.Style{st.Input, st.InputFocused, st.InputDepart} {
			for _, w := range []int{8, 30, 118} {
				line, _, _ := strings.Cut(a, "\n")
				f := newFramer(box.Width(w))
				if !f.ok {
					t.Fatalf("the frame at %d was not learnt: lipgloss draws it at every key", w)
				}
				if got, want := f.render(line), box.Width(w).Render(line); got != want {
					t.Fatalf("frame of %q at %d:\n%q\nlipgloss:\n%q", line, w, got, want)
				}
			}
		}
		p := newPainter(st.App)
		for _, w := range []int{1, 12, 40} {
			line, _, _ := strings.Cut(a, "\n")
			if got, want := p.line(line, ansi.StringWidth(line), w), st.App.Width(w).Render(line); got != want {
				t.Fatalf("line %q to %d:\n%q\nlipgloss:\n%q", line, w, got, want)
			}
		}
		for _, h := range []int{1, 3, 8} {
			if got, want := p.fill(measure(a), h).String(), st.App.Height(h).MaxHeight(h).Render(a); got != want {
				t.Fatalf("fill of %q to %d:\n%q\nlipgloss:\n%q", a, h, got, want)
			}
		}
	}
}

// Every frame drawn from kept drawings is the frame a fresh drawing gives,
// through a gate's day: scans, a repeat, typing, moving, confirming, a
// check-in at another gate, an annul, the walk-in form, the contingent
// filter, the other language and a resize.
func TestKeptDrawingsAreNeverStale(t *testing.T) {
	st := testStore(t, nil)
	d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: English, Renderer: colourRenderer()}, 120, 40)
	g := d.app.screens[0].(*Gate)
	check := func(step string) {
		t.Helper()
		kept := d.app.View()
		app, gate := d.app.drawn, g.drawn
		d.app.drawn, g.drawn = appDrawn{}, gateDrawn{}
		fresh := d.app.View()
		d.app.drawn, g.drawn = app, gate
		if kept != fresh {
			t.Fatalf("after %s the frame kept differs from a fresh one:\n%s\nfresh:\n%s", step, kept, fresh)
		}
		// What is sent is shorter (sentLine); the terminal shows what
		// lipgloss drew.
		sameCells(t, step, kept, d.app.drawn.frame.out.String(), d.app.c.Width, d.app.c.Height)
	}
	check("the start")
	d.typeText("JRS-BLG-0002")
	check("typing an ID")
	d.key(tea.KeyEnter)
	check("a scan")
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	check("a repeated scan")
	d.typeText("siti a")
	check("typing a name")
	d.key(tea.KeyDown)
	d.key(tea.KeyDown)
	check("moving down")
	d.key(tea.KeyEnter)
	check("asking to confirm")
	d.key(tea.KeyEsc)
	check("not confirming")
	if _, err := st.CheckIn("JRS-BLG-0003", db.Actor{Station: "gerbang 2", Operator: "Budi"}); err != nil {
		t.Fatal(err)
	}
	d.settle()
	check("a check-in at another gate")
	d.key(tea.KeyEsc)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlX})
	check("asking why to annul")
	d.typeText("salah orang")
	d.key(tea.KeyEnter)
	check("an annul")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	check("the walk-in form")
	d.key(tea.KeyEsc)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlF})
	check("the contingent filter")
	d.key(tea.KeyEnter)
	check("a contingent chosen")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlL})
	check("the other language")
	d.send(tea.WindowSizeMsg{Width: 90, Height: 30})
	check("a smaller window")
}

// Colours worked out once per session draw as lipgloss draws the adaptive
// colours, on every kind of terminal and background.
func TestTerminalColourDrawsAsAdaptive(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		for _, dark := range []bool{false, true} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(profile)
			r.SetHasDarkBackground(dark)
			for _, c := range []lipgloss.AdaptiveColor{colText, colMuted, colAccent, colOK, colWarn, colErr, colOnBadge, colSelBg} {
				want := r.NewStyle().Foreground(c).Background(c).Render("x")
				if got := r.NewStyle().Foreground(terminalColour(r, c)).Background(terminalColour(r, c)).Render("x"); got != want {
					t.Errorf("profile %d, dark %v, %v: %q, lipgloss %q", profile, dark, c, got, want)
				}
			}
		}
	}
}

// shownAs is what a terminal of w×h shows for s: each cell's text and style.
func shownAs(s string, w, h int) *cellbuf.Buffer {
	buf := cellbuf.NewBuffer(w, h)
	cellbuf.SetContent(buf, s)
	return buf
}

// sameCells fails unless a and b look the same on a terminal of w×h: each
// cell shows the same text in the same style, a space in a style that does
// not show on a space (a text colour, bold) looking like an empty cell.
func sameCells(t *testing.T, what, a, b string, w, h int) {
	t.Helper()
	x, y := shownAs(a, w, h), shownAs(b, w, h)
	for row := range h {
		for col := range w {
			if cx, cy := x.Cell(col, row), y.Cell(col, row); !cx.Equal(cy) && !(looksEmpty(cx) && looksEmpty(cy)) {
				t.Fatalf("%s: the cell at %d,%d differs: %+v and %+v\n%q\n%q", what, col, row, cx, cy, a, b)
			}
		}
	}
}

func looksEmpty(c *cellbuf.Cell) bool {
	return c != nil && c.Rune == ' ' && c.Width == 1 && len(c.Comb) == 0 && c.Link.Empty() && plainSpace(c.Style)
}

// A line as sent shows the same on a terminal as the line drawn, and is
// never longer.
func TestSentLinesShowTheSame(t *testing.T) {
	st := NewStyles(colourRenderer())
	parts := []string{"", " ", "   ", "Siti", "✓", "世界", st.Muted.Render("muted"), st.App.Render(st.Muted.Render("x")),
		st.App.Render(st.App.Render("nested")), st.RowSelected.Render("sel "), st.Muted.Render("  "), "\x1b[0m", "\x1b[38;5;188m", "\x1b[1m",
		"\x1b[48;5;23m", "\x1b[39m", "\x1b[91m", "\x1b[1;38;5;74m", "\x1b[38;2;1;2;3m", "\x1b[m", "\x1b[4m", "\x1b[7m", "\x1b[22m", "\x1b[3m"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		line := ""
		for range r.IntN(10) {
			line += parts[r.IntN(len(parts))]
		}
		sent := sentLine(line)
		if len(sent) > len(line) {
			t.Fatalf("%q grew to %q", line, sent)
		}
		sameCells(t, "a line", line, sent, 60, 1)
	}
}

// A row of the latest arrivals is sent in one colour, gaps and separator
// included, and without the spaces that pad it to the screen's width; the
// selected row keeps its background to the end.
func TestSentRowsAreShort(t *testing.T) {
	st := NewStyles(colourRenderer())
	row := st.App.Render(st.Muted.Render(" ✓ Siti Aisyah      Kab. Balangan") + "  " + st.Muted.Render("│") + " " + st.Muted.Render("ID ") + "JRS-BLG-0002" + strings.Repeat(" ", 20))
	if got, want := sentLine(row), " \x1b[38;5;102m✓ Siti Aisyah      Kab. Balangan  │ ID \x1b[mJRS-BLG-0002"; got != want {
		t.Errorf("row sent as %q, want %q", got, want)
	}
	sel := st.RowSelected.Render("▸✓ Siti Aisyah   ") + "  "
	if got := sentLine(sel); !strings.HasSuffix(got, "Aisyah   \x1b[m") {
		t.Errorf("the selected row's background lost its end: %q", got)
	}
	if got := sentLine("plain text   "); got != "plain text" {
		t.Errorf("plain text sent as %q", got)
	}
}
