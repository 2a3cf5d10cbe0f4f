package serve

import (
	"math/rand/v2"
	"sync"
)

// The connections waiting at the login are what a stranger on the Wi-Fi can
// fill without knowing anything. So, as OpenSSH's MaxStartups does, a few
// addresses cannot take every place: each address may hold a handful, new
// connections are dropped at random as the places fill, and when every
// place is taken a newcomer that was not dropped takes the place of the
// oldest waiting connection of the address holding the most. A gate that
// knows its key or passcode logs in within milliseconds, so it gets in
// whenever anything does.
const (
	maxUnauth        = 64  // connections not yet logged in
	maxUnauthPerHost = 4   // of them from one address
	earlyDropFrom    = 32  // from this many waiting, newcomers are dropped at random,
	earlyDropAtFull  = 0.5 // more often as the places fill: at maxUnauth half of them
)

// waitingRoom counts the connections not yet logged in.
type waitingRoom struct {
	chance func() float64 // a number in [0,1); tests fix it

	mu      sync.Mutex
	waiting []*connGuard // oldest first
	perHost map[string]int
}

func newWaitingRoom() *waitingRoom {
	return &waitingRoom{chance: rand.Float64, perHost: map[string]int{}}
}

// enter decides about a newcomer. When it may wait, evict is a waiting
// connection the caller must close to make room (nil when there was room).
func (w *waitingRoom) enter(g *connGuard) (ok bool, evict *connGuard) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.perHost[g.host] >= maxUnauthPerHost {
		return false, nil
	}
	if n := len(w.waiting); n >= earlyDropFrom {
		filled := float64(n-earlyDropFrom+1) / float64(maxUnauth-earlyDropFrom+1)
		if w.chance() < earlyDropAtFull*min(filled, 1) {
			return false, nil
		}
	}
	if len(w.waiting) >= maxUnauth {
		evict = w.oldestOfBusiestHost()
		w.remove(evict)
	}
	w.waiting = append(w.waiting, g)
	w.perHost[g.host]++
	return true, evict
}

// oldestOfBusiestHost is the connection to give up when every place is
// taken: the oldest of the address holding the most. Callers hold w.mu.
func (w *waitingRoom) oldestOfBusiestHost() *connGuard {
	var pick *connGuard
	for _, g := range w.waiting {
		if pick == nil || w.perHost[g.host] > w.perHost[pick.host] {
			pick = g
		}
	}
	return pick
}

// leave takes g out of the room; it may be called more than once.
func (w *waitingRoom) leave(g *connGuard) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.remove(g)
}

// remove takes g out if it is in. Callers hold w.mu.
func (w *waitingRoom) remove(g *connGuard) {
	for i, x := range w.waiting {
		if x == g {
			w.waiting = append(w.waiting[:i], w.waiting[i+1:]...)
			if w.perHost[g.host]--; w.perHost[g.host] <= 0 {
				delete(w.perHost, g.host)
			}
			return
		}
	}
}

// count is how many connections wait at the login.
func (w *waitingRoom) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.waiting)
}
