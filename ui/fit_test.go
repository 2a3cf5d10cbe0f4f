package ui

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestCutMiddleKeepsNamesApart(t *testing.T) {
	names := []string{"Kab. Hulu Sungai Tengah", "Kab. Hulu Sungai Selatan", "Kab. Hulu Sungai Utara",
		"Prov. Kalimantan Timur", "Prov. Kalimantan Tengah"}
	for _, w := range []int{12, 15, 18} {
		seen := map[string]string{}
		for _, n := range names {
			cut := cutMiddle(n, w)
			if lipgloss.Width(cut) > w {
				t.Errorf("cutMiddle(%q, %d) = %q, wider than %d", n, w, cut, w)
			}
			if other, dup := seen[cut]; dup {
				t.Errorf("at %d cells %q and %q both show as %q", w, other, n, cut)
			}
			seen[cut] = n
		}
	}
	if got := cutMiddle("Kab. Tapin", 18); got != "Kab. Tapin" {
		t.Errorf("a name that fits was cut: %q", got)
	}
}
