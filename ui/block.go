package ui

import (
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// block is a drawing cut into its lines, each measured in cells once, when
// it was drawn. Measuring is most of what lipgloss spends joining and
// framing a whole screen; a gate redraws after every message, and most of
// its lines are the same as in the frame before. stack, beside and painter
// give exactly what lipgloss.JoinVertical(lipgloss.Left, …),
// lipgloss.JoinHorizontal(lipgloss.Top, …) and a foreground-only style's
// Height(h).MaxHeight(h).Render give for the same strings (TestBlocksDrawAsLipgloss
// and the colour goldens hold them to it).
type block struct {
	id     uint64 // this drawing: a drawing made from blocks is kept by their ids
	lines  []string
	widths []int
	width  int // the widest line
}

var blockIDs atomic.Uint64

func newBlock() block { return block{id: blockIDs.Add(1)} }

// measure cuts s into lines and measures them.
func measure(s string) block {
	lines := strings.Split(s, "\n")
	b := newBlock()
	b.lines, b.widths = lines, make([]int, len(lines))
	for i, l := range lines {
		b.widths[i] = ansi.StringWidth(l)
		b.width = max(b.width, b.widths[i])
	}
	return b
}

func (b block) String() string { return strings.Join(b.lines, "\n") }

// padTo pads a line of width w to width to.
func padTo(line string, w, to int) string {
	if w >= to {
		return line
	}
	return line + strings.Repeat(" ", to-w)
}

// stack puts blocks one under the other, each line padded to the widest.
func stack(bs ...block) block {
	out := newBlock()
	for _, b := range bs {
		out.width = max(out.width, b.width)
	}
	for _, b := range bs {
		for i, l := range b.lines {
			out.lines = append(out.lines, padTo(l, b.widths[i], out.width))
			out.widths = append(out.widths, out.width)
		}
	}
	return out
}

// beside puts blocks side by side, top-aligned, each as wide as its widest
// line and as tall as the tallest block.
func beside(bs ...block) block {
	out := newBlock()
	for _, b := range bs {
		out.width += b.width
		out.lines = append(out.lines, make([]string, max(0, len(b.lines)-len(out.lines)))...)
	}
	var line strings.Builder
	for i := range out.lines {
		line.Reset()
		for _, b := range bs {
			s, w := "", 0
			if i < len(b.lines) {
				s, w = b.lines[i], b.widths[i]
			}
			line.WriteString(padTo(s, w, b.width))
		}
		out.lines[i] = line.String()
		out.widths = append(out.widths, out.width)
	}
	return out
}

// painter draws lines in one style (a foreground colour, no background),
// keeping the lines of the last frame: the next frame is mostly the same
// lines.
type painter struct {
	style       lipgloss.Style
	last, fresh map[string]paintedLine
}

type paintedLine struct {
	text  string
	width int
}

func newPainter(style lipgloss.Style) *painter {
	return &painter{style: style, last: map[string]paintedLine{}, fresh: map[string]paintedLine{}}
}

func (p *painter) line(s string) paintedLine {
	if l, ok := p.fresh[s]; ok {
		return l
	}
	l, ok := p.last[s]
	if !ok {
		text := p.style.Render(s)
		l = paintedLine{text, ansi.StringWidth(text)}
	}
	p.fresh[s] = l
	return l
}

// fill is p.style.Height(h).MaxHeight(h).Render(b.String()): every line in
// the style, padded to the widest, cut or filled with blank lines to h.
func (p *painter) fill(b block, h int) block {
	painted := make([]paintedLine, len(b.lines))
	out := newBlock()
	for i, l := range b.lines {
		painted[i] = p.line(l)
		out.width = max(out.width, painted[i].width)
	}
	if h <= 0 {
		h = len(painted)
	}
	for i := range h {
		var l paintedLine
		if i < len(painted) {
			l = painted[i]
		}
		out.lines = append(out.lines, padTo(l.text, l.width, out.width))
		out.widths = append(out.widths, out.width)
	}
	p.last, p.fresh = p.fresh, p.last
	clear(p.fresh)
	return out
}
