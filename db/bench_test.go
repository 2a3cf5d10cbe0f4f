package db

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"hadir/internal/cputime"
	"hadir/model"
)

// BenchmarkCheckIn is one arrival committed to disk. Compare it with
// BenchmarkFsyncFloor in the same run: bbolt's commit syncs twice.
func BenchmarkCheckIn(b *testing.B) {
	s, _ := openTest(b, b.N+1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res, err := s.CheckIn(fmt.Sprintf("V%05d", i), gate1); err != nil || res.Outcome != CheckedIn {
			b.Fatal(res.Outcome, err)
		}
	}
}

// BenchmarkFsyncFloor writes 4 KB and syncs it: the cost of one durable write on this disk.
func BenchmarkFsyncFloor(b *testing.B) {
	f, err := os.Create(filepath.Join(b.TempDir(), "floor"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	page := make([]byte, 4096)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.WriteAt(page, int64(i%256)*4096); err != nil {
			b.Fatal(err)
		}
		if err := fdatasync(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport imports a roster into a new store. Each store is closed
// and removed before the next: 200 stores of 100,000 kept open would not fit
// in a CI machine's memory.
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{3000, 100000} {
		roster := model.GenerateRoster(n, 1)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "hadir.db")
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := s.ImportRoster(roster, false); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				if err := os.Remove(path); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkOpen opens a store of 100,000 volunteers and 100,000 events and
// folds them into the State, as at every start. ns/op is the wait; cpu-ns/op
// the work of both cores.
func BenchmarkOpen(b *testing.B) {
	for _, n := range []int{3000, 100000} {
		b.Run(fmt.Sprintf("volunteers=%d,events=%d", n, n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "big.db")
			s, err := Open(path)
			if err != nil {
				b.Fatal(err)
			}
			roster := model.GenerateRoster(n, 1)
			if _, err := s.ImportRoster(roster, false); err != nil {
				b.Fatal(err)
			}
			// Write the events in large transactions: the setup, not the measure.
			const chunk = 10000
			for lo := 0; lo < n; lo += chunk {
				var evs []model.Event
				for i := lo; i < min(lo+chunk, n); i++ {
					e := s.newEvent(model.KindArrive, roster[i].ID, gate1)
					evs = append(evs, e)
				}
				if err := s.bolt.Update(func(tx *bolt.Tx) error {
					_, err := putEvents(tx, s.station, evs)
					return err
				}); err != nil {
					b.Fatal(err)
				}
			}
			s.Close()
			b.ReportAllocs()
			cpu := cputime.Process()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if got := s.Totals().Arrived; got != n {
					b.Fatalf("arrived %d, want %d", got, n)
				}
				s.Close()
			}
			b.StopTimer()
			if used := cputime.Process() - cpu; used > 0 {
				// On a shared machine the wall time waits for other work too.
				b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// BenchmarkConcurrentCheckIn is check-ins per second with 1 and with 16 gates
// writing at once: concurrent writes share transactions (bbolt's Batch), so
// 16 gates do not queue behind one another's disk syncs. ns/op is per
// check-in; compare the two in one run.
func BenchmarkConcurrentCheckIn(b *testing.B) {
	for _, writers := range []int{1, 16} {
		b.Run(fmt.Sprintf("writers=%d", writers), func(b *testing.B) {
			s, _ := openTest(b, b.N+writers)
			b.ResetTimer()
			var wg sync.WaitGroup
			for w := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w; i < b.N; i += writers {
						if res, err := s.CheckIn(fmt.Sprintf("V%05d", i), gate1); err != nil || res.Outcome != CheckedIn {
							b.Error(res.Outcome, err)
							return
						}
					}
				}()
			}
			wg.Wait()
		})
	}
}

// BenchmarkImportGainsIDs imports a roster without IDs (every ID made up),
// then the same roster with its IDs: everyone takes the file's ID through
// a re-ID event, in one transaction.
func BenchmarkImportGainsIDs(b *testing.B) {
	for _, n := range []int{3000, 100000} {
		roster := model.GenerateRoster(n, 1)
		without := make([]model.ImportRow, len(roster))
		with := make([]model.ImportRow, len(roster))
		for i, v := range roster {
			with[i] = model.ImportRow{Volunteer: v, Line: i + 2}
			v.ID = fmt.Sprintf("G-%08d", i) // made up, as the parser makes them
			without[i] = model.ImportRow{Volunteer: v, Line: i + 2, Generated: true}
		}
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), "hadir.db")
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.ImportRows(without, model.ImportOptions{}, false); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				rep, err := s.ImportRows(with, model.ImportOptions{}, false)
				if err != nil || len(rep.Adopted) != n {
					b.Fatalf("%d adopted, %v", len(rep.Adopted), err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
		})
	}
}
