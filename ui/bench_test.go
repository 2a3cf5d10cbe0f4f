package ui

import (
	"fmt"
	"testing"

	"hadir/model"
)

// BenchmarkGateView renders the gate, in 256 colours, with results listed
// at 1,000 and 100,000 volunteers: only the rows that fit are drawn, so the
// cost should not grow with the roster. "fresh" draws every part anew (a
// new list, a resize); "kept" is a redraw after a message that changed
// nothing on the screen, as most messages do.
func BenchmarkGateView(b *testing.B) {
	withColour(b)
	for _, n := range []int{1000, 100000} {
		st := testStore(b, model.GenerateRoster(n, 1))
		for _, fresh := range []bool{true, false} {
			name := fmt.Sprintf("volunteers=%d/fresh", n)
			if !fresh {
				name = fmt.Sprintf("volunteers=%d/kept", n)
			}
			b.Run(name, func(b *testing.B) {
				d, _ := newGateDriver(b, st, English, 120, 40)
				d.typeText("siti")
				g := d.s.(*Gate)
				if len(g.rows) == 0 {
					b.Fatal("no results to draw")
				}
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if fresh {
						g.drawn = gateDrawn{}
					}
					_ = d.view()
				}
			})
		}
	}
}

// BenchmarkGateKeystroke is one typed letter: the search and the redraw.
func BenchmarkGateKeystroke(b *testing.B) {
	withColour(b)
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("volunteers=%d", n), func(b *testing.B) {
			st := testStore(b, model.GenerateRoster(n, 1))
			d, _ := newGateDriver(b, st, English, 120, 40)
			g := d.s.(*Gate)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				g.input.SetValue("")
				d.typeText("sit")
				_ = d.view()
			}
		})
	}
}
