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
	n := 0
	for _, b := range bs {
		out.width = max(out.width, b.width)
		n += len(b.lines)
	}
	out.lines, out.widths = make([]string, 0, n), make([]int, 0, n)
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
	out.widths = make([]int, 0, len(out.lines))
	var line strings.Builder
	for i := range out.lines {
		line.Reset()
		n := out.width // the padding's spaces at most, and the lines' bytes
		for _, b := range bs {
			if i < len(b.lines) {
				n += len(b.lines[i])
			}
		}
		line.Grow(n)
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

// painter draws lines in one style: a foreground colour and nothing else,
// which lipgloss draws as the same sequence before each line and a reset
// after it. The two are learnt from lipgloss once; a line with a tab (which
// lipgloss widens) is left to lipgloss.
type painter struct {
	style         lipgloss.Style
	before, after string
	// The lines of the fill before, as given and as painted: most frames
	// change a line or two of a screen, and the others are painted again
	// for nothing.
	given, painted []string
	paintedWidths  []int
}

func newPainter(style lipgloss.Style) *painter {
	p := &painter{style: style}
	p.before, p.after, _ = strings.Cut(style.Render("x"), "x")
	return p
}

// line is p.style.Width(width).Render(l) for one line l of width w: in the
// style, padded to width. A line wider, with a tab or a line break, is left to
// lipgloss (which wraps and widens them).
func (p *painter) line(l string, w, width int) string {
	if w > width || strings.ContainsAny(l, "\t\n") {
		return p.style.Width(width).Render(l)
	}
	return padTo(p.before+l+p.after, w, width)
}

// fill is p.style.Height(h).MaxHeight(h).Render(b.String()): every line in
// the style, padded to the widest (lines cut by h included), cut or filled
// with blank lines to h.
func (p *painter) fill(b block, h int) block {
	if h <= 0 {
		h = len(b.lines)
	}
	lines, widths := make([]string, len(b.lines)), make([]int, len(b.lines))
	width := 0
	for i, l := range b.lines {
		switch {
		case i < len(p.given) && p.given[i] == l:
			lines[i], widths[i] = p.painted[i], p.paintedWidths[i]
		case strings.Contains(l, "\t"):
			lines[i] = p.style.Render(l)
			widths[i] = ansi.StringWidth(lines[i])
		default:
			lines[i], widths[i] = p.before+l+p.after, b.widths[i]
		}
		width = max(width, widths[i])
	}
	p.given, p.painted, p.paintedWidths = b.lines, lines, widths
	out := newBlock()
	out.width = width
	out.lines, out.widths = make([]string, 0, h), make([]int, 0, h)
	for i := range h {
		l, w := "", 0
		if i < len(lines) {
			l, w = lines[i], widths[i]
		}
		out.lines = append(out.lines, padTo(l, w, width))
		out.widths = append(out.widths, width)
	}
	return out
}

// framer draws one line in a bordered style (the search box) as the style
// does: the border, most of what lipgloss spends on the box, is the same at
// every key but for the line it frames, so it is drawn once. A text that
// does not fit on one line is left to lipgloss.
type framer struct {
	style, inner lipgloss.Style // inner: the style without its border
	top, bottom  string
	left, right  string
	width        int  // of the framed line
	ok           bool // the border was learnt; else lipgloss draws every time
}

func newFramer(style lipgloss.Style) *framer {
	f := &framer{style: style, inner: style.UnsetBorderStyle()}
	lines := strings.Split(style.Render(""), "\n")
	in := f.inner.Render("")
	if len(lines) != 3 || strings.Contains(in, "\n") {
		return f
	}
	i := strings.Index(lines[1], in)
	if i < 0 {
		return f
	}
	f.top, f.bottom = lines[0], lines[2]
	f.left, f.right = lines[1][:i], lines[1][i+len(in):]
	f.width, f.ok = ansi.StringWidth(in), true
	f.ok = f.render("x") == style.Render("x") // the parts make the whole, or lipgloss draws
	return f
}

// render is f.style.Render(s).
func (f *framer) render(s string) string {
	if !f.ok {
		return f.style.Render(s)
	}
	in := f.inner.Render(s)
	if strings.Contains(in, "\n") || ansi.StringWidth(in) != f.width {
		return f.style.Render(s)
	}
	return f.top + "\n" + f.left + in + f.right + "\n" + f.bottom
}
