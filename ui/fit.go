package ui

import "github.com/charmbracelet/x/ansi"

// cutMiddle fits s into width cells by cutting its middle: names that share
// a start ("Kab. Hulu Sungai Tengah", "… Selatan", "… Utara") stay
// distinguishable, as cutting the end would not leave them.
func cutMiddle(s string, width int) string {
	n := ansi.StringWidth(s)
	if n <= width {
		return s
	}
	if width < 5 {
		return truncate(s, width)
	}
	head := (width - 1) / 2
	tail := width - 1 - head
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, n-tail, "")
}
