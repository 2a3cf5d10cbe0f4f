package ui

import (
	"fmt"
	"io"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"hadir/db"
	"hadir/internal/cputime"
	"hadir/model"
)

// colourRenderer is a session's renderer as an SSH gate gets it from a
// 256-colour terminal with a dark background.
func colourRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	return r
}

// withColour makes the default renderer draw 256 colours for the rest of a
// benchmark: colour is where a view's cost is, so the view benchmarks pay it.
func withColour(b *testing.B) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	lipgloss.SetHasDarkBackground(true)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
}

// liveSession is one gate's App run as tea.Program runs it: every message
// goes through Update and is followed by View, every command runs in its own
// goroutine and its message comes back.
type liveSession struct {
	app     *App
	pending int // commands started whose message is not handled yet (one is the wait for a change)
	waiting int // of them, waits for a change
	changes int // store changes handled
	view    string
	frame   []string // the lines of view
	sent    int      // bytes the renderer would send, drawing every frame
	flushed []string // the frame when the last scan had settled
}

type delivery struct {
	s    *liveSession
	msg  tea.Msg
	wait bool // the message of a wait for a change
}

// liveServer is N sessions on one store, driven from one goroutine.
type liveServer struct {
	sessions []*liveSession
	inbox    chan delivery
	widths   lineWidths
}

// benchWidth and benchHeight are a gate's terminal in the serve benchmarks.
const benchWidth, benchHeight = 120, 40

func newLiveServer(b *testing.B, st *db.Store, n int) *liveServer {
	l := &liveServer{inbox: make(chan delivery), widths: lineWidths{}}
	for i := range n {
		a := New(st, Options{Operator: fmt.Sprintf("op%d", i), Station: fmt.Sprintf("gate %d", i), Lang: English,
			Renderer: colourRenderer(), Out: io.Discard, NoBell: true})
		b.Cleanup(a.Close)
		s := &liveSession{app: a}
		l.sessions = append(l.sessions, s)
		l.handle(s, tea.WindowSizeMsg{Width: benchWidth, Height: benchHeight})
		l.start(s, a.Init())
	}
	l.settle(0)
	for _, s := range l.sessions {
		l.flush(s)
	}
	return l
}

func (l *liveServer) start(s *liveSession, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	s.pending++
	wait := isWaitForChange(cmd)
	if wait {
		s.waiting++
	}
	go func() { l.inbox <- delivery{s, cmd(), wait} }()
}

// handle is one turn of tea.Program's event loop.
func (l *liveServer) handle(s *liveSession, msg tea.Msg) {
	switch m := msg.(type) {
	case nil, tea.QuitMsg:
		return
	case tea.BatchMsg:
		for _, c := range m {
			l.start(s, c)
		}
		return
	case storeChangedMsg:
		s.changes++
	}
	if reflect.TypeOf(msg).String() == "tea.sequenceMsg" {
		for _, c := range reflect.ValueOf(msg).Interface().([]tea.Cmd) {
			l.start(s, c)
		}
		return
	}
	_, cmd := s.app.Update(msg)
	l.start(s, cmd)
	l.draw(s)
}

// draw counts what tea.Program's standard renderer would send for a new
// frame: nothing when it is the same, else the lines that differ from the
// frame before (see changedBytes). The renderer sends at most 60 frames a
// second, so drawing every frame is the most it could send; the least is
// one frame per scan (see flush).
func (l *liveServer) draw(s *liveSession) {
	v := s.app.View()
	if v == s.view {
		return
	}
	lines := strings.Split(v, "\n")
	s.sent += l.widths.changedBytes(s.frame, lines)
	s.view, s.frame = v, lines
}

// lineWidths keeps the width of each line measured: the sessions draw the
// same rows, and measuring them again would be counted as the server's CPU.
type lineWidths map[string]int

// changedBytes is what the standard renderer (bubbletea's
// standard_renderer.go, flush) writes for after when the terminal shows
// before: the cursor sent home, a line feed over each line that did not
// change, each other line with "\r\n" after it and, when it is narrower
// than the terminal, an erase to the end of the line; then the cursor
// placed below.
func (w lineWidths) changedBytes(before, after []string) int {
	n := len(ansi.CursorHomePosition) + len(ansi.CursorPosition(0, len(after)))
	for i, line := range after {
		if i < len(before) && before[i] == line {
			n++
			continue
		}
		n += len(line) + 2
		width, ok := w[line]
		if !ok {
			width = ansi.StringWidth(line)
			w[line] = width
		}
		if width < benchWidth {
			n += len(ansi.EraseLineRight)
		}
	}
	return n
}

// flush is the bytes sent if the renderer sent the settled frame only.
func (l *liveServer) flush(s *liveSession) int {
	if slices.Equal(s.flushed, s.frame) {
		return 0
	}
	n := l.widths.changedBytes(s.flushed, s.frame)
	s.flushed = s.frame
	return n
}

// isWaitForChange reports whether cmd is App.waitForChange's: a session
// that waits for anything else (its reload after a change, its totals) has
// not settled. The closure's code is named after the method, wherever the
// compiler put it.
func isWaitForChange(cmd tea.Cmd) bool {
	f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	return f != nil && strings.Contains(f.Name(), ".waitForChange.")
}

// settle handles messages until every session has seen changes store
// changes and waits for nothing but the next one.
func (l *liveServer) settle(changes int) {
	for !l.settled(changes) {
		d := <-l.inbox
		d.s.pending--
		if d.wait {
			d.s.waiting--
		}
		l.handle(d.s, d.msg)
	}
}

func (l *liveServer) settled(changes int) bool {
	for _, s := range l.sessions {
		if s.pending != 1 || s.waiting != 1 || s.changes < changes {
			return false
		}
	}
	return true
}

// BenchmarkServeScan is `hadir serve` with 1, 5 and 20 gate sessions on one
// store, each in 256 colours at 120x40, as over SSH. One op is one badge
// scanned at one gate (the sessions take turns): the ID arrives in one read
// and Enter after it, and every session settles, redrawing what the store's
// change signal makes it redraw. Reported: the process's CPU per scan (all
// sessions, the store and its disk writes), and the bytes the renderer
// would send per scan to the scanning gate and to each watching gate: B if
// it sent every frame drawn, B-1flush if it sent only the settled one.
// "keys=1" is a scanner that types one key at a time: each key is a search
// and a redraw of its own.
func BenchmarkServeScan(b *testing.B) {
	for _, oneByOne := range []bool{false, true} {
		for _, n := range []int{1, 5, 20} {
			name := fmt.Sprintf("sessions=%d", n)
			if oneByOne {
				name = "keys=1/" + name
			}
			b.Run(name, func(b *testing.B) { benchServeScan(b, n, oneByOne) })
		}
	}
}

func benchServeScan(b *testing.B, n int, oneByOne bool) {
	roster := model.GenerateRoster(max(3000, b.N), 1)
	st := testStore(b, roster)
	l := newLiveServer(b, st, n)
	var scanner, watchers, scannerOnce, watchersOnce int
	cpu := cputime.Process()
	b.ResetTimer()
	for i := range b.N {
		s := l.sessions[i%n]
		before := make([]int, n)
		for j, o := range l.sessions {
			before[j] = o.sent
		}
		id := roster[i].ID
		if oneByOne {
			for _, r := range id {
				l.handle(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				l.settle(i)
			}
		} else {
			l.handle(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(id)})
		}
		l.handle(s, tea.KeyMsg{Type: tea.KeyEnter})
		l.settle(i + 1)
		for j, o := range l.sessions {
			if o == s {
				scanner += o.sent - before[j]
				scannerOnce += l.flush(o)
			} else {
				watchers += o.sent - before[j]
				watchersOnce += l.flush(o)
			}
		}
	}
	b.StopTimer()
	if used := cputime.Process() - cpu; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/scan")
	}
	b.ReportMetric(float64(scanner)/float64(b.N), "B/scanning-gate")
	b.ReportMetric(float64(scannerOnce)/float64(b.N), "B-1flush/scanning-gate")
	if n > 1 {
		b.ReportMetric(float64(watchers)/float64(b.N*(n-1)), "B/watching-gate")
		b.ReportMetric(float64(watchersOnce)/float64(b.N*(n-1)), "B-1flush/watching-gate")
	}
	if got := st.Totals().Arrived; got != b.N {
		b.Fatalf("%d arrived after %d scans", got, b.N)
	}
	if v := l.sessions[(b.N-1)%n].app.View(); !strings.Contains(v, "Checked in") {
		b.Fatalf("the last scan's answer is not on its gate:\n%s", v)
	}
}
