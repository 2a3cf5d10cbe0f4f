package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/cellbuf"
)

// sentLine is a line of a frame as sent to the terminal: the same cells in
// fewer bytes, for gates on campsite Wi-Fi. lipgloss styles each part of a
// line on its own, so a row of the list sets and resets the same colour
// around every column, and pads every part with spaces to its width. Here
// the line is written again from what each cell shows: one sequence where
// the style changes, none around a space that looks the same in the style
// already set (a space shows only its background, reverse, underline or
// strike-through), and no spaces at the end of the line that look like an
// empty cell: Bubble Tea's renderer erases the rest of a line narrower than
// the terminal. A line with any other escape sequence is sent as drawn.
func sentLine(line string) string { return new(lineSender).line(line) }

// lineSender is sentLine for one session, keeping what it worked out: a
// screen uses a few styles, and reading and writing their sequences again
// for every line would cost more than the rest.
type lineSender struct {
	params  map[string][]ansi.Param     // a sequence's parameters
	changes map[[2]cellbuf.Style]string // the sequence from one style to another
}

// keptLimit bounds what a lineSender keeps; no screen comes near it.
const keptLimit = 256

func (s *lineSender) line(line string) string {
	if !strings.Contains(line, "\x1b") {
		return strings.TrimRight(line, " ")
	}
	var out strings.Builder
	out.Grow(len(line))
	var want, pen cellbuf.Style // the style the drawing asks for; the style the terminal has
	same := true                // pen is want; compared once after each run of sequences
	spaces := 0                 // spaces not written yet: they look the same in pen
	for i := 0; i < len(line); {
		if line[i] == '\x1b' {
			n := sgrLen(line[i:])
			if n == 0 {
				return line
			}
			cellbuf.ReadStyle(s.paramsOf(line[i:i+n]), &want)
			same = false
			i += n
			continue
		}
		if !same {
			same = pen.Equal(&want)
		}
		if line[i] == ' ' && (same || (plainSpace(pen) && plainSpace(want))) {
			spaces++
			i++
			continue
		}
		writeSpaces(&out, spaces)
		spaces = 0
		if !same {
			out.WriteString(s.change(pen, want))
			pen, same = want, true
		}
		if line[i] == ' ' {
			spaces = 1 // in pen now: written with what follows it, if anything does
			i++
			continue
		}
		j := i + 1 // the text up to the next space or sequence
		for j < len(line) && line[j] != ' ' && line[j] != '\x1b' {
			j++
		}
		out.WriteString(line[i:j])
		i = j
	}
	if !plainSpace(pen) {
		writeSpaces(&out, spaces)
	}
	if !pen.Empty() {
		out.WriteString(ansi.ResetStyle)
	}
	if out.Len() >= len(line) {
		return line // rare styles (underline) can cost more written again
	}
	return out.String()
}

const blanks = "                                                                "

func writeSpaces(out *strings.Builder, n int) {
	for ; n > len(blanks); n -= len(blanks) {
		out.WriteString(blanks)
	}
	out.WriteString(blanks[:n])
}

// plainSpace reports whether a space in style s looks like an empty cell.
func plainSpace(s cellbuf.Style) bool {
	return s.Bg == nil && s.UlStyle == cellbuf.NoUnderline && s.Attrs&(cellbuf.ReverseAttr|cellbuf.StrikethroughAttr) == 0
}

func (s *lineSender) paramsOf(seq string) ansi.Params {
	if ps, ok := s.params[seq]; ok {
		return ps
	}
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	ansi.DecodeSequence(seq, ansi.NormalState, p)
	ps := slices.Clone(p.Params())
	if s.params == nil || len(s.params) > keptLimit {
		s.params = make(map[string][]ansi.Param)
	}
	s.params[seq] = ps
	return ps
}

func (s *lineSender) change(pen, want cellbuf.Style) string {
	k := [2]cellbuf.Style{pen, want}
	if seq, ok := s.changes[k]; ok {
		return seq
	}
	seq := styleChange(pen, want)
	if s.changes == nil || len(s.changes) > keptLimit {
		s.changes = make(map[[2]cellbuf.Style]string)
	}
	s.changes[k] = seq
	return seq
}

// styleChange is the shortest sequence that changes the terminal's style
// from pen to want: the difference when want only adds to pen's attributes,
// else a reset and want in full.
func styleChange(pen, want cellbuf.Style) string {
	if want.Empty() {
		return ansi.ResetStyle
	}
	full := want.Sequence()
	if pen.Empty() {
		return full
	}
	full = "\x1b[0;" + full[2:]
	if want.Attrs&pen.Attrs == pen.Attrs && pen.UlStyle == cellbuf.NoUnderline {
		if diff := want.DiffSequence(pen); len(diff) < len(full) {
			return diff
		}
	}
	return full
}

// sgrLen is the length of the SGR sequence (ESC [ digits and ; m) s starts
// with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != '\x1b' || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c != ';' && (c < '0' || c > '9'):
			return 0
		}
	}
	return 0
}
