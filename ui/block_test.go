package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// The measured blocks join and frame exactly as lipgloss does, in colour:
// the screens must not change by a byte for being drawn faster.
func TestBlocksDrawAsLipgloss(t *testing.T) {
	st := NewStyles(colourRenderer())
	words := []string{"", " ", "Siti", "Kab. Balangan", "✓ tiba", "世界", "é", st.Muted.Render("muted"), st.RowSelected.Render("▸· sel"), st.Bold.Render("⌕ ")}
	r := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		lines := make([]string, 1+r.IntN(6))
		for i := range lines {
			for range r.IntN(5) {
				lines[i] += words[r.IntN(len(words))]
			}
		}
		return strings.Join(lines, "\n")
	}
	for range 500 {
		a, b, c := text(), text(), text()
		if got, want := stack(measure(a), measure(b), measure(c)).String(), lipgloss.JoinVertical(lipgloss.Left, a, b, c); got != want {
			t.Fatalf("stack of %q, %q, %q:\n%q\nlipgloss:\n%q", a, b, c, got, want)
		}
		if got, want := beside(measure(a), measure(" "), measure(b)).String(), lipgloss.JoinHorizontal(lipgloss.Top, a, " ", b); got != want {
			t.Fatalf("beside of %q, %q:\n%q\nlipgloss:\n%q", a, b, got, want)
		}
		p := newPainter(st.App)
		for _, h := range []int{1, 3, 8} {
			if got, want := p.fill(measure(a), h).String(), st.App.Height(h).MaxHeight(h).Render(a); got != want {
				t.Fatalf("fill of %q to %d:\n%q\nlipgloss:\n%q", a, h, got, want)
			}
		}
	}
}
