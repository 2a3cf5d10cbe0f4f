// Package testclock is the one fixed clock of hadir's tests.
//
// Every test that needs a fixed time starts from Epoch, and a store, a
// screen and the events a test makes by hand all read the same Clock. CI
// runs the suite a second time with HADIR_TEST_EPOCH far from the wall
// clock (31 December 2030 23:50 WITA: the events of a test cross midnight
// and a year end), so a test that mixes the wall clock with the test clock
// fails on any day, not only on the day the two drift apart. Only tests
// read the variable; hadir itself never does.
package testclock

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// Env names the variable that moves the epoch: an RFC 3339 time.
const Env = "HADIR_TEST_EPOCH"

// WITA is the campsite's zone (UTC+8), the zone the event is lived in.
var WITA = time.FixedZone("WITA", 8*3600)

// Default is the epoch when Env is not set: 09:14 WITA on the first day.
var Default = time.Date(2026, 12, 4, 9, 14, 0, 0, WITA)

var epoch = sync.OnceValue(func() time.Time {
	v := os.Getenv(Env)
	if v == "" {
		return Default
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		panic(fmt.Sprintf("%s=%q: not an RFC 3339 time such as 2030-12-31T23:50:00+08:00", Env, v))
	}
	return t
})

// Epoch is the tests' "now": Default, or the time Env gives.
func Epoch() time.Time { return epoch() }

// Moved reports whether Env moved the epoch away from Default: golden
// screens show the epoch's times, so each epoch has goldens of its own.
func Moved() bool { return !Epoch().Equal(Default) }

// Day is hour:minute WITA on the epoch's day: a scenario's times ("arrivals
// from 07:00") that keep their wall-clock reading wherever the epoch is.
func Day(hour, minute int) time.Time {
	y, m, d := Epoch().In(WITA).Date()
	return time.Date(y, m, d, hour, minute, 0, 0, WITA)
}

// Stamp names the epoch in a file name: 20301231T2350.
func Stamp() string { return Epoch().In(WITA).Format("20060102T1504") }

// Clock is a test's clock: it stands still, or moves by a step at each
// reading, and the test sets or advances it. Safe for concurrent use.
type Clock struct {
	mu   sync.Mutex
	at   time.Time
	step time.Duration
}

// New is a clock standing at at.
func New(at time.Time) *Clock { return &Clock{at: at} }

// Stepping is a clock that reads at, then at+step, at+2·step, and so on:
// each event a test writes gets a time of its own.
func Stepping(at time.Time, step time.Duration) *Clock { return &Clock{at: at, step: step} }

// Now reads the clock, then moves it by its step.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.at
	c.at = c.at.Add(c.step)
	return t
}

// Set puts the clock at t; it keeps its step.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.at = t
	c.mu.Unlock()
}

// Add moves the clock by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	c.at = c.at.Add(d)
	c.mu.Unlock()
}

// Step changes how far each reading moves the clock.
func (c *Clock) Step(d time.Duration) {
	c.mu.Lock()
	c.step = d
	c.mu.Unlock()
}
