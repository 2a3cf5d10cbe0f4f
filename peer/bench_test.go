package peer

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// pairOf makes two copies of one store with a roster of n; the first then
// checks everyone in, as a gate apart for a whole day would.
func pairOf(b *testing.B, n int) (busy, behind string) {
	b.Helper()
	dir := b.TempDir()
	clock := testclock.Stepping(testclock.Epoch(), time.Millisecond)
	first := filepath.Join(dir, "a.db")
	st, err := db.Open(first, db.WithClock(clock.Now))
	if err != nil {
		b.Fatal(err)
	}
	roster := model.GenerateRoster(n, 1)
	if _, err := st.ImportRoster(roster, false); err != nil {
		b.Fatal(err)
	}
	st.Close()
	data, _ := os.ReadFile(first)
	behind = filepath.Join(dir, "b.db")
	os.WriteFile(behind, data, 0o600)
	st, _ = db.Open(first, db.WithClock(clock.Now))
	for i := 0; i < n; i += 1000 {
		var ids []string
		for _, v := range roster[i:min(i+1000, n)] {
			ids = append(ids, v.ID)
		}
		if _, err := st.CheckInMany(ids, db.Actor{Station: "gerbang 1", Operator: "Rina"}); err != nil {
			b.Fatal(err)
		}
	}
	st.Close()
	return first, behind
}

// countingConn counts the bytes one side writes.
type countingConn struct {
	net.Conn
	n *atomic.Int64
}

func (c countingConn) Write(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	return c.Conn.Write(p)
}

// BenchmarkCatchUp: a gate that was apart while the other took n check-ins
// connects and catches up. Reports the bytes sent per event.
func BenchmarkCatchUp(b *testing.B) {
	for _, n := range []int{3000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			busyPath, behindPath := pairOf(b, n)
			data, _ := os.ReadFile(behindPath)
			var sent atomic.Int64
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				os.WriteFile(behindPath, data, 0o600) // behind again
				busy, err := db.Open(busyPath)
				if err != nil {
					b.Fatal(err)
				}
				behind, err := db.Open(behindPath)
				if err != nil {
					b.Fatal(err)
				}
				want := busy.Totals().Arrived
				b.StartTimer()
				ctx, cancel := context.WithCancel(context.Background())
				ca, cb := net.Pipe()
				go Exchange(ctx, busy, countingConn{ca, &sent}, db.Actor{Role: db.RolePeer}, nil, Proof{})
				go Exchange(ctx, behind, cb, db.Actor{Role: db.RolePeer}, nil, Proof{})
				for behind.Totals().Arrived < want {
					time.Sleep(time.Millisecond)
				}
				b.StopTimer()
				cancel()
				ca.Close()
				cb.Close()
				busy.Close()
				behind.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(sent.Load())/float64(b.N*n), "bytes/event")
		})
	}
}

// BenchmarkReachEveryReplica: ten laptops, each linked to the serving one
// (a star, as on the field), while every gate scans 5 badges a second; one
// op is one check-in at a gate, until every replica holds it. Reports the
// 50th and 99th percentile of that time.
func BenchmarkReachEveryReplica(b *testing.B) {
	c := newCluster(b, 10)
	defer c.close()
	for i := 1; i < 10; i++ {
		c.connect(0, i)
	}
	var ids []string
	c.stores[0].Read(func(s *model.State, _ *model.Index) {
		for _, v := range s.Volunteers() {
			ids = append(ids, v.ID)
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	next := atomic.Int64{}
	for g := 1; g < 10; g++ { // the background: 5 scans a second at each gate
		go func() {
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					c.stores[g].CheckIn(ids[int(next.Add(1))%len(ids)], db.Actor{Station: fmt.Sprint("gerbang ", g), Operator: "x"})
				}
			}
		}()
	}
	var took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		st := c.stores[1+i%9]
		start := time.Now()
		res, err := st.WalkIn(model.Volunteer{Name: fmt.Sprint("Tamu ", i), Contingent: "Kab. Balangan", Pillar: "Tagana", Gender: "L"}, db.Actor{Operator: "Rina"})
		if err != nil {
			b.Fatal(err)
		}
		for _, other := range c.stores {
			for {
				if _, ok := other.Person(res.Person.ID); ok {
					break
				}
				time.Sleep(100 * time.Microsecond)
			}
		}
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkGateAnswer: a gate's own check-in, alone and while linked to a
// peer that takes every event it makes: sync must not slow the answer.
func BenchmarkGateAnswer(b *testing.B) {
	for _, linked := range []bool{false, true} {
		b.Run(fmt.Sprint("linked=", linked), func(b *testing.B) {
			c := newCluster(b, 2)
			defer c.close()
			if linked {
				c.connect(0, 1)
			}
			var ids []string
			c.stores[0].Read(func(s *model.State, _ *model.Index) {
				for _, v := range s.Volunteers() {
					ids = append(ids, v.ID)
				}
			})
			by := db.Actor{Station: "gerbang 1", Operator: "Rina"}
			b.ResetTimer()
			for i := range b.N {
				if _, err := c.stores[0].CheckIn(ids[i%len(ids)], by); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
