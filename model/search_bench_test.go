package model

import (
	"fmt"
	"testing"

	"github.com/sahilm/fuzzy"
)

// benchQueries are what gate staff type: first keystrokes, short prefixes,
// two words, and typos.
var benchQueries = []string{
	"a", "m", "mu", "sit", "rahm", "nur h", "gusti m", "moch rah",
	"achmd", "sitti", "fatimha", "rahmwati", "jrs-blg-00",
}

var benchSizes = []int{3000, 100000}

const benchSeed = 1

// BenchmarkSearch runs the same names and queries through the index and
// through sahilm/fuzzy's Find, which the bubbles list filter uses. One op is
// the whole query set; ns/query is per keystroke.
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		vs := GenerateRoster(n, benchSeed)
		names := make([]string, len(vs))
		for i, v := range vs {
			names[i] = v.Name
		}
		ix := NewIndex(vs)
		b.Run(fmt.Sprintf("hadir/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, q := range benchQueries {
					ix.Search(Query{Text: q, Limit: 50})
				}
			}
			perQuery(b)
		})
		b.Run(fmt.Sprintf("sahilm/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, q := range benchQueries {
					fuzzy.Find(q, names)
				}
			}
			perQuery(b)
		})
	}
}

func perQuery(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchQueries)), "ns/query")
}

// BenchmarkSearchQuery shows which queries cost what at 100,000 names.
func BenchmarkSearchQuery(b *testing.B) {
	ix := NewIndex(GenerateRoster(100000, benchSeed))
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.Search(Query{Text: q, Limit: 50})
			}
		})
	}
	// A group leader's view: one contingent of about 3,300 of the 100,000.
	for _, q := range []string{"a", "nur h", "achmd"} {
		b.Run("Kab.Balangan/"+q, func(b *testing.B) {
			for b.Loop() {
				ix.Search(Query{Text: q, Contingent: "Kab. Balangan", Limit: 50})
			}
		})
	}
}

// BenchmarkSearchIndex measures building the index and one walk-in.
func BenchmarkSearchIndex(b *testing.B) {
	for _, n := range benchSizes {
		vs := GenerateRoster(n, benchSeed)
		b.Run(fmt.Sprintf("build/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				NewIndex(vs)
			}
		})
		ix := NewIndex(vs)
		b.Run(fmt.Sprintf("add/n=%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				ix.Add(Volunteer{ID: fmt.Sprintf("WALK-%06d", i), Name: "Gusti Muhammad Walk In", Contingent: "Kab. Tapin"})
			}
		})
	}
}
