package serve

import (
	"sync"
	"time"
)

// Guessing passcodes (or keys) from one address is slowed, then refused:
// after backoffFailures failed logins within backoffWindow the address is
// refused for backoffFirst, doubling at each new refusal up to backoffMax.
// 100 guesses then take hours, while a gate that mistypes twice is not
// bothered.
const (
	backoffFailures = 5
	backoffWindow   = time.Minute
	backoffFirst    = time.Minute
	backoffMax      = 15 * time.Minute
	backoffForget   = time.Hour       // an address quiet this long starts afresh
	backoffMaxAddrs = 10000           // addresses remembered at most
	failDelay       = 1 * time.Second // each wrong passcode waits this long for its answer
)

// backoff remembers the failed logins of each source address.
type backoff struct {
	now   func() time.Time
	delay time.Duration // how long a wrong passcode waits for its answer

	mu    sync.Mutex
	addrs map[string]*addrFailures
	// keysLogged is when each address's unknown keys were last logged: a
	// burst of them is logged once per backoffWindow.
	keysLogged map[string]time.Time
}

type addrFailures struct {
	recent  []time.Time   // failures within backoffWindow, oldest first
	until   time.Time     // refused until then
	penalty time.Duration // the last refusal's length
	last    time.Time     // the last failure
}

func newBackoff() *backoff {
	return &backoff{now: time.Now, delay: failDelay, addrs: map[string]*addrFailures{}, keysLogged: map[string]time.Time{}}
}

// logUnknownKeys reports whether a connection of unknown keys from host is
// the first of a burst, to be logged: none was logged within backoffWindow.
func (b *backoff) logUnknownKeys(host string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	if last, ok := b.keysLogged[host]; ok && now.Sub(last) < backoffWindow {
		return false
	}
	if len(b.keysLogged) >= backoffMaxAddrs {
		clear(b.keysLogged) // a flood from many addresses: start afresh
	}
	b.keysLogged[host] = now
	return true
}

// refusing reports whether logins from host are refused now.
func (b *backoff) refusing(host string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	a := b.addrs[host]
	return a != nil && b.now().Before(a.until)
}

// fail records a failed login from host (a wrong passcode, or a connection
// that offered only unknown keys); what succeeds in between forgets nothing.
// When it starts a refusal it returns its length (and the caller logs it
// once), else 0.
func (b *backoff) fail(host string) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	a := b.addrs[host]
	if a == nil || now.Sub(a.last) > backoffForget {
		if len(b.addrs) >= backoffMaxAddrs {
			b.forgetOld(now)
		}
		a = &addrFailures{}
		b.addrs[host] = a
	}
	a.last = now
	keep := a.recent[:0]
	for _, t := range a.recent {
		if now.Sub(t) < backoffWindow {
			keep = append(keep, t)
		}
	}
	a.recent = append(keep, now)
	if len(a.recent) < backoffFailures || now.Before(a.until) {
		return 0
	}
	a.recent = a.recent[:0]
	a.penalty = min(max(2*a.penalty, backoffFirst), backoffMax)
	a.until = now.Add(a.penalty)
	return a.penalty
}

// forgetOld drops addresses neither refused nor failing lately; if that is
// not enough (a flood from many addresses), it starts afresh. Callers hold b.mu.
func (b *backoff) forgetOld(now time.Time) {
	for host, a := range b.addrs {
		if !now.Before(a.until) && now.Sub(a.last) > backoffWindow {
			delete(b.addrs, host)
		}
	}
	if len(b.addrs) >= backoffMaxAddrs {
		clear(b.addrs)
	}
}
