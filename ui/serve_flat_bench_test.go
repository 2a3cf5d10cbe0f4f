package ui

import (
	"fmt"
	"io"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/internal/cputime"
	"hadir/model"
)

// BenchmarkServeFlatOut is `hadir serve` with 5 and 10 gates scanning as
// fast as answers come, all at once, each session on its own goroutine as
// tea.Program runs it (256 colours, 120x40). A gate scans its next badge the
// moment its answer is on its screen. Reported: the process's CPU per scan,
// and the time from Enter to the answer on the gate's screen (median, 99th
// percentile), the wait a queue at the gate feels.
func BenchmarkServeFlatOut(b *testing.B) {
	for _, n := range []int{5, 10} {
		b.Run(fmt.Sprintf("gates=%d", n), func(b *testing.B) { benchFlatOut(b, n) })
	}
}

// flatGate is one gate's session and the scans it makes.
type flatGate struct {
	app   *App
	gate  *Gate
	inbox chan tea.Msg
	done  <-chan struct{}
	ids   []string  // the badges this gate scans, in turn
	id    string    // the badge whose answer is awaited
	at    time.Time // when its Enter was pressed
	took  []time.Duration
}

func (f *flatGate) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		select {
		case f.inbox <- msg:
		case <-f.done:
		}
	}()
}

func (f *flatGate) handle(msg tea.Msg) {
	switch m := msg.(type) {
	case nil, tea.QuitMsg:
		return
	case tea.BatchMsg:
		for _, c := range m {
			f.start(c)
		}
		return
	}
	if reflect.TypeOf(msg).String() == "tea.sequenceMsg" {
		for _, c := range reflect.ValueOf(msg).Interface().([]tea.Cmd) {
			f.start(c)
		}
		return
	}
	_, cmd := f.app.Update(msg)
	f.start(cmd)
	_ = f.app.View()
}

// scanNext scans the next badge, as a scanner types it: the ID in one read,
// then Enter.
func (f *flatGate) scanNext() {
	f.id, f.ids = f.ids[0], f.ids[1:]
	f.handle(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(f.id)})
	f.at = time.Now()
	f.handle(tea.KeyMsg{Type: tea.KeyEnter})
}

// answered reports whether the awaited badge's answer is on the screen.
func (f *flatGate) answered() bool {
	return f.id != "" && f.gate.banner.kind == bannerOK && f.gate.about != nil && f.gate.about.ID == f.id
}

// run is the gate's event loop until every gate has made its scans.
func (f *flatGate) run(finished *sync.WaitGroup) {
	if len(f.ids) > 0 {
		f.scanNext()
	} else {
		finished.Done()
	}
	for {
		select {
		case msg := <-f.inbox:
			f.handle(msg)
			if f.answered() {
				f.took = append(f.took, time.Since(f.at))
				f.id = ""
				if len(f.ids) > 0 {
					f.scanNext()
				} else {
					finished.Done()
				}
			}
		case <-f.done:
			return
		}
	}
}

func benchFlatOut(b *testing.B, n int) {
	roster := model.GenerateRoster(max(3000, b.N), 1)
	st := testStore(b, roster)
	done := make(chan struct{})
	gates := make([]*flatGate, n)
	for i := range gates {
		a := New(st, Options{Operator: fmt.Sprintf("op%d", i), Station: fmt.Sprintf("gate %d", i), Lang: English,
			Renderer: colourRenderer(), Out: io.Discard, NoBell: true})
		b.Cleanup(a.Close)
		f := &flatGate{app: a, gate: a.screens[0].(*Gate), inbox: make(chan tea.Msg, 64), done: done}
		f.handle(tea.WindowSizeMsg{Width: 120, Height: 40})
		f.start(a.Init())
		gates[i] = f
	}
	for i := range b.N {
		gates[i%n].ids = append(gates[i%n].ids, roster[i].ID)
	}
	var finished sync.WaitGroup
	finished.Add(n)
	cpu := cputime.Process()
	b.ResetTimer()
	var loops sync.WaitGroup
	for _, f := range gates {
		loops.Add(1)
		go func() { defer loops.Done(); f.run(&finished) }()
	}
	finished.Wait()
	b.StopTimer()
	used := cputime.Process() - cpu
	close(done)
	loops.Wait()
	var took []time.Duration
	for _, f := range gates {
		took = append(took, f.took...)
	}
	if len(took) != b.N || st.Totals().Arrived != b.N {
		b.Fatalf("%d answers, %d arrived, after %d scans", len(took), st.Totals().Arrived, b.N)
	}
	slices.Sort(took)
	if used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/scan")
	}
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-answer-p50")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "ms-answer-p99")
}
