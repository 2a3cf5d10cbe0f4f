package peer

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// cluster is a few replicas in one process: copies of one store, each on
// its own file, joined by in-memory connections that a test cuts and heals.
type cluster struct {
	t      testing.TB
	clock  *testclock.Clock
	paths  []string
	stores []*db.Store
	links  map[[2]int]*link
}

type link struct {
	cancel context.CancelFunc
	conns  [2]net.Conn
	done   sync.WaitGroup
}

// newCluster copies one store with the demo roster to n files.
func newCluster(t testing.TB, n int) *cluster {
	t.Helper()
	dir := t.TempDir()
	c := &cluster{t: t, clock: testclock.Stepping(testclock.Epoch(), time.Second), links: map[[2]int]*link{}}
	first := filepath.Join(dir, "main.db")
	st, err := db.Open(first, db.WithClock(c.clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportRoster(model.DemoRoster()[:300], false); err != nil {
		t.Fatal(err)
	}
	st.Close()
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("gate%d.db", i))
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		c.paths = append(c.paths, p)
		c.stores = append(c.stores, nil)
		c.open(i)
	}
	t.Cleanup(c.close)
	return c
}

func (c *cluster) open(i int) {
	c.t.Helper()
	st, err := db.Open(c.paths[i], db.WithClock(c.clock.Now))
	if err != nil {
		c.t.Fatal(err)
	}
	c.stores[i] = st
}

// restart closes replica i and opens it again, as after a crash: its links
// are cut first.
func (c *cluster) restart(i int) {
	for k := range c.links {
		if k[0] == i || k[1] == i {
			c.cut(k[0], k[1])
		}
	}
	c.stores[i].Close()
	c.open(i)
}

func (c *cluster) connect(a, b int) {
	if a > b {
		a, b = b, a
	}
	if _, ok := c.links[[2]int{a, b}]; ok {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	ca, cb := net.Pipe()
	l := &link{cancel: cancel, conns: [2]net.Conn{ca, cb}}
	run := func(st *db.Store, conn net.Conn, name string) {
		defer l.done.Done()
		defer conn.Close()
		_ = Exchange(ctx, st, conn, db.Actor{Role: db.RolePeer, Station: name}, nil, Proof{})
	}
	l.done.Add(2)
	go run(c.stores[a], ca, fmt.Sprintf("gate%d", b))
	go run(c.stores[b], cb, fmt.Sprintf("gate%d", a))
	c.links[[2]int{a, b}] = l
}

func (c *cluster) cut(a, b int) {
	if a > b {
		a, b = b, a
	}
	l, ok := c.links[[2]int{a, b}]
	if !ok {
		return
	}
	l.cancel()
	l.conns[0].Close()
	l.conns[1].Close()
	l.done.Wait()
	delete(c.links, [2]int{a, b})
}

func (c *cluster) close() {
	for k := range c.links {
		c.cut(k[0], k[1])
	}
	for _, st := range c.stores {
		st.Close()
	}
}

// converged waits until every replica holds the same events.
func (c *cluster) converged() bool {
	c.t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if c.same() {
			return true
		}
	}
	return false
}

func (c *cluster) same() bool {
	want := eventIDs(c.stores[0])
	for _, st := range c.stores[1:] {
		if !slices.Equal(eventIDs(st), want) {
			return false
		}
	}
	return true
}

func sameRoster(c *cluster, roster func(*db.Store) string) bool {
	want := roster(c.stores[0])
	for _, st := range c.stores[1:] {
		if roster(st) != want {
			return false
		}
	}
	return true
}

func eventIDs(st *db.Store) []string {
	var ids []string
	st.Read(func(s *model.State, _ *model.Index) {
		for _, e := range s.Events() {
			ids = append(ids, e.ID)
		}
	})
	slices.Sort(ids)
	return ids
}

// The convergence property: replicas that check people in (the same person
// at two of them too), annul, register walk-ins and rename contingents while
// links are cut and healed at random and replicas restart, all hold the same
// events and the same count after a final heal; every acknowledged event is
// everywhere; nobody counts twice.
func TestReplicasConverge(t *testing.T) {
	seeds := 12
	if testing.Short() {
		seeds = 3
	}
	for seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { convergeOnce(t, uint64(seed)) })
	}
}

func convergeOnce(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 21))
	n := 3 + r.IntN(3)
	c := newCluster(t, n)
	var ids []string
	c.stores[0].Read(func(s *model.State, _ *model.Index) {
		for _, v := range s.Volunteers() {
			ids = append(ids, v.ID)
		}
	})
	acknowledged := map[string]bool{}
	for step := range 120 {
		i := r.IntN(n)
		st := c.stores[i]
		by := db.Actor{Station: fmt.Sprintf("gerbang %d", i), Operator: "Rina"}
		switch k := r.IntN(20); {
		case k < 10: // a check-in, often of someone another gate may take too
			res, err := st.CheckIn(ids[r.IntN(60)], by)
			if err != nil {
				t.Fatal(err)
			}
			if res.Outcome == db.CheckedIn {
				acknowledged[res.Event.ID] = true
			}
		case k < 12:
			if last, ok := st.LastArrival(by); ok {
				e, err := st.Annul(last.ID, "salah orang", by)
				if err == nil {
					acknowledged[e.ID] = true
				}
			}
		case k < 13:
			res, err := st.WalkIn(model.Volunteer{Name: fmt.Sprintf("Tamu %d", step), Contingent: "Kab. Balangan", Pillar: "Tagana", Gender: "L"}, by)
			if err != nil {
				t.Fatal(err)
			}
			acknowledged[res.Event.ID] = true
		case k < 14:
			if e, err := st.RenameContingent("Kab. Tapin", "Kabupaten Tapin", false, by); err == nil {
				acknowledged[e.ID] = true
			}
		case k < 17: // the network changes
			a, b := r.IntN(n), r.IntN(n)
			if a != b {
				if r.IntN(2) == 0 {
					c.connect(a, b)
				} else {
					c.cut(a, b)
				}
			}
		case k < 18:
			c.restart(i)
		case k < 19: // an office's corrected phones imported at one laptop
			var vs []model.Volunteer
			for range 3 {
				p, _ := st.Person(ids[r.IntN(len(ids))])
				v := p.Volunteer
				v.Phone = fmt.Sprintf("0812%08d", r.IntN(1e8))
				vs = append(vs, v)
			}
			if _, err := st.ImportRoster(vs, false); err != nil {
				t.Fatal(err)
			}
		default:
			time.Sleep(time.Millisecond)
		}
	}
	for i := 1; i < n; i++ { // heal as a chain: relays must carry the ends' events
		c.connect(i-1, i)
	}
	if !c.converged() {
		for i, st := range c.stores {
			t.Logf("replica %d: %d events", i, len(eventIDs(st)))
		}
		t.Fatal("the replicas did not converge after the final heal")
	}
	roster := func(st *db.Store) string {
		var out []string
		st.Read(func(s *model.State, _ *model.Index) {
			for _, v := range s.Volunteers() {
				out = append(out, v.ID+" "+v.Name+" "+v.Phone)
			}
		})
		slices.Sort(out)
		return strings.Join(out, "\n")
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline) && !sameRoster(c, roster); {
		time.Sleep(10 * time.Millisecond)
	}
	if !sameRoster(c, roster) {
		t.Error("the replicas hold different rosters after the final heal")
	}
	want := c.stores[0].Totals()
	for i, st := range c.stores {
		if got := st.Totals(); got != want {
			t.Errorf("replica %d counts %+v, replica 0 %+v", i, got, want)
		}
		have := map[string]bool{}
		for _, id := range eventIDs(st) {
			have[id] = true
		}
		for id := range acknowledged {
			if !have[id] {
				t.Errorf("replica %d lacks acknowledged event %s", i, id)
			}
		}
		arrived := 0
		st.Read(func(s *model.State, _ *model.Index) {
			for _, v := range s.Volunteers() {
				if p, _ := s.Person(v.ID); p.Status == model.StatusArrived {
					arrived++
				}
			}
		})
		if arrived != st.Totals().Arrived {
			t.Errorf("replica %d: %d people arrived, the count says %d", i, arrived, st.Totals().Arrived)
		}
	}
}

// The same person checked in at two gates while they were apart: after the
// link is back both arrivals are kept on both laptops, the person counts
// once, and each laptop lists them under "needs checking".
func TestSamePersonAtTwoGatesWhileApart(t *testing.T) {
	c := newCluster(t, 2)
	for i, st := range c.stores {
		if _, err := st.CheckIn("JRS-BLG-0002", db.Actor{Station: fmt.Sprintf("gerbang %d", i+1), Operator: "Rina"}); err != nil {
			t.Fatal(err)
		}
	}
	c.connect(0, 1)
	if !c.converged() {
		t.Fatal("the two laptops did not converge")
	}
	for i, st := range c.stores {
		arrivals, doubles := 0, 0
		st.Read(func(s *model.State, _ *model.Index) {
			for _, e := range s.Events() {
				if e.Kind == model.KindArrive && e.Volunteer == "JRS-BLG-0002" {
					arrivals++
				}
			}
			for _, a := range s.Anomalies() {
				if a.Kind == model.AnomalyDoubleArrival && a.Volunteer == "JRS-BLG-0002" {
					doubles++
				}
			}
		})
		if arrivals != 2 || doubles != 1 || st.Totals().Arrived != 1 {
			t.Errorf("laptop %d: %d arrivals kept (want 2), listed %d times for checking (want 1), counted %d (want 1)", i+1, arrivals, doubles, st.Totals().Arrived)
		}
	}
}
