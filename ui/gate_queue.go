package ui

import (
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// The gate's store work runs through one ordered queue. Every action Enter,
// Ctrl+X or the walk-in form starts gets the next number; its store work
// runs only after the work of every action numbered before it, whatever
// order the runtime runs the commands in, so a burst of badges is written
// in the order scanned while the keys keep going straight to the screen.
// Each answer carries its number and the gate applies them in that order.

// gateQueue holds the actions issued and not run yet, and the facts the
// next one reads about those before it.
type gateQueue struct {
	run  sync.Mutex // held while store work runs: one action at a time
	mu   sync.Mutex // guards jobs only, so Update never waits for the store
	jobs []*gateJob
	last lastScan // read and written only by work, under run
}

// lastScan is the badge the gate scanned before: a scanner that fires
// twice sends it again at once (scanTurn.record).
type lastScan struct {
	id        string
	at        time.Time
	departing bool // scanned in departures mode: the other mode's scan is no repeat
}

// gateWork is an action's store work. It gets the queue's facts, up to date
// with every action before it.
type gateWork func(last *lastScan) tea.Msg

type gateJob struct {
	work   gateWork
	done   bool
	answer tea.Msg
}

// gateAnswer is an action's answer with its number, and the walk-in form
// it saves (nil for the others).
type gateAnswer struct {
	n    uint64
	form *walkInForm
	msg  tea.Msg
}

func (gateAnswer) answer() {}

// add queues work behind every action added before it. The command it
// returns runs the queue up to and including this work, in order (an
// earlier command that has not run yet finds its work done and only
// answers), and answers with a.
func (q *gateQueue) add(a gateAnswer, work gateWork) tea.Cmd {
	j := &gateJob{work: work}
	q.mu.Lock()
	q.jobs = append(q.jobs, j)
	q.mu.Unlock()
	return func() tea.Msg {
		q.run.Lock()
		defer q.run.Unlock()
		for !j.done {
			q.mu.Lock()
			next := q.jobs[0]
			q.jobs = q.jobs[1:]
			q.mu.Unlock()
			next.answer, next.done, next.work = next.work(&q.last), true, nil
		}
		a.msg = j.answer
		return a
	}
}

// startAction gives work the next number and queues it.
func (g *Gate) startAction(work gateWork) tea.Cmd {
	return g.startActionFor(nil, work)
}

// startActionFor is startAction for work that saves the walk-in form f.
func (g *Gate) startActionFor(f *walkInForm, work gateWork) tea.Cmd {
	g.issued++
	g.typedSince = false
	return g.queue.add(gateAnswer{n: g.issued, form: f}, work)
}

// busy: an action's answer has not been applied yet (Ctrl+C asks first).
func (g *Gate) busy() bool { return g.applied < g.issued }

// onAnswer holds an answer until every one numbered before it is applied,
// then applies all that are next in line.
func (g *Gate) onAnswer(a gateAnswer) tea.Cmd {
	if a.n <= g.applied {
		return nil // not this gate's
	}
	if g.early == nil {
		g.early = map[uint64]gateAnswer{}
	}
	g.early[a.n] = a
	var cmds []tea.Cmd
	for {
		next, ok := g.early[g.applied+1]
		if !ok {
			return tea.Batch(cmds...)
		}
		delete(g.early, next.n)
		g.applied++
		cmds = append(cmds, g.apply(next))
	}
}

// fresh: nothing was typed and no action started since a's; only then may
// its answer put up a question.
func (g *Gate) fresh(a gateAnswer) bool {
	return a.n == g.issued && !g.typedSince
}
