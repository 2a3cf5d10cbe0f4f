package ui

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"hadir/db"
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
	changes int // store changes handled
	frame   []string
	sent    int // bytes of the lines that differed from the previous frame
}

type delivery struct {
	s   *liveSession
	msg tea.Msg
}

// liveServer is N sessions on one store, driven from one goroutine.
type liveServer struct {
	sessions []*liveSession
	inbox    chan delivery
}

func newLiveServer(b *testing.B, st *db.Store, n int) *liveServer {
	l := &liveServer{inbox: make(chan delivery)}
	for i := range n {
		a := New(st, Options{Operator: fmt.Sprintf("op%d", i), Station: fmt.Sprintf("gate %d", i), Lang: English,
			Renderer: colourRenderer(), Out: io.Discard, NoBell: true})
		b.Cleanup(a.Close)
		s := &liveSession{app: a}
		l.sessions = append(l.sessions, s)
		l.handle(s, tea.WindowSizeMsg{Width: 120, Height: 40})
		l.start(s, a.Init())
	}
	l.settle(0)
	return l
}

func (l *liveServer) start(s *liveSession, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	s.pending++
	go func() { l.inbox <- delivery{s, cmd()} }()
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

// draw counts what tea.Program's standard renderer would send: the lines
// that differ from the frame before (and a byte to step over each other line).
// The renderer sends at most 60 frames a second, so this is an upper bound.
func (l *liveServer) draw(s *liveSession) {
	lines := strings.Split(s.app.View(), "\n")
	for i, line := range lines {
		if i < len(s.frame) && s.frame[i] == line {
			s.sent++
			continue
		}
		s.sent += len(line) + 1
	}
	s.frame = lines
}

// settle handles messages until every session has seen changes store
// changes and waits for nothing but the next one.
func (l *liveServer) settle(changes int) {
	for !l.settled(changes) {
		d := <-l.inbox
		d.s.pending--
		l.handle(d.s, d.msg)
	}
}

func (l *liveServer) settled(changes int) bool {
	for _, s := range l.sessions {
		if s.pending != 1 || s.changes < changes {
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
// would send per scan to the scanning gate and to each watching gate.
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
	var scanner, watchers int
	cpu := processCPU()
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
			} else {
				watchers += o.sent - before[j]
			}
		}
	}
	b.StopTimer()
	if used := processCPU() - cpu; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/scan")
	}
	b.ReportMetric(float64(scanner)/float64(b.N), "B-sent/scanning-gate")
	if n > 1 {
		b.ReportMetric(float64(watchers)/float64(b.N*(n-1)), "B-sent/watching-gate")
	}
	if got := st.Totals().Arrived; got != b.N {
		b.Fatalf("%d arrived after %d scans", got, b.N)
	}
	if v := l.sessions[(b.N-1)%n].app.View(); !strings.Contains(v, "Checked in") {
		b.Fatalf("the last scan's answer is not on its gate:\n%s", v)
	}
}
