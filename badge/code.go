package badge

import (
	"fmt"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/code128"
	"github.com/boombuler/barcode/qr"
)

// Code is the kind of barcode printed on a badge.
type Code string

// The codes a badge can carry.
const (
	Code128 Code = "code128" // what every USB scanner reads
	QR      Code = "qr"      // for 2D scanners and phones
)

// Dot is one dot of a 300 dpi printer, in mm. Module sizes are whole dots,
// so every bar edge falls on the printer's grid and no bar is printed a dot
// thinner than its neighbour.
const Dot = 25.4 / 300

// Module sizes in dots. Code 128: 3 to 6 dots is 0.25 to 0.51 mm, inside
// the 0.19 to 0.53 mm that general-purpose scanners are specified for; QR
// modules of at least 3 dots (0.25 mm) are read by every 2D scanner.
const (
	minDots128, maxDots128 = 3, 6
	minDotsQR, maxDotsQR   = 3, 12
)

// Quiet zones in modules: ISO/IEC 15417 asks 10 for Code 128, ISO/IEC
// 18004 asks 4 for QR.
const (
	quiet128 = 10
	quietQR  = 4
)

// minBarHeight: bars at least 6.35 mm (a quarter inch) high, and at least
// 15 % of the symbol's width, so a scanner line held askew still crosses
// every bar.
const minBarHeight = 6.35

// Symbol is a barcode as its grid of dark modules, without the quiet zone.
// The PDF draws these modules as rectangles; the tests decode the same
// modules drawn at 300 dpi.
type Symbol struct {
	Code       Code
	Cols, Rows int // Rows is 1 for Code 128: its bars run the full height
	dark       []bool
	Quiet      int // modules of quiet zone on each side
}

// Dark reports whether the module at column x, row y is dark.
func (s *Symbol) Dark(x, y int) bool { return s.dark[y*s.Cols+x] }

// Encode makes the symbol of an ID. Only printable ASCII is accepted: a
// USB scanner types the code as key presses, and a letter with an accent
// comes out differently on every keyboard layout (Code 128 cannot even
// carry it: the library reads ñ as a function code).
func Encode(id string, code Code) (*Symbol, error) {
	for _, r := range id {
		if r < ' ' || r > '~' {
			return nil, fmt.Errorf("ID %q has the character %q, which a scanner cannot type: give this volunteer an ID of plain letters, digits and signs in the roster", id, r)
		}
	}
	var (
		bc    barcode.Barcode
		err   error
		quiet int
	)
	switch code {
	case Code128:
		bc, err = code128.Encode(id)
		quiet = quiet128
	case QR:
		bc, err = qr.Encode(id, qr.M, qr.Auto)
		quiet = quietQR
	default:
		return nil, fmt.Errorf("unknown code %q: choose code128 or qr", code)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot make a barcode of ID %q: %v", id, err)
	}
	b := bc.Bounds()
	s := &Symbol{Code: code, Cols: b.Dx(), Rows: b.Dy(), Quiet: quiet}
	if code == Code128 {
		s.Rows = 1
	}
	s.dark = make([]bool, s.Cols*s.Rows)
	for y := 0; y < s.Rows; y++ {
		for x := 0; x < s.Cols; x++ {
			r, _, _, _ := bc.At(b.Min.X+x, b.Min.Y+y).RGBA()
			s.dark[y*s.Cols+x] = r < 0x8000
		}
	}
	return s, nil
}

// Rect is a rectangle in mm.
type Rect struct{ X, Y, W, H float64 }

// Placed is a symbol fitted into a box: the module size and the area it
// takes with its quiet zone.
type Placed struct {
	*Symbol
	Module float64 // mm, a whole number of printer dots
	Box    Rect    // the symbol and its quiet zone
	BarH   float64 // Code 128: the height of the bars
}

// fitWidth is the largest module size, in whole dots within [lo, hi],
// at which n modules fit in w mm; 0 when even lo does not fit.
func fitWidth(n int, w float64, lo, hi int) float64 {
	for d := hi; d >= lo; d-- {
		if float64(n*d)*Dot <= w+1e-9 {
			return float64(d) * Dot
		}
	}
	return 0
}

// Bars are the dark modules as rectangles, one per run of dark modules in
// a row: what the PDF draws.
func (p *Placed) Bars() []Rect {
	x0 := p.Box.X + float64(p.Quiet)*p.Module
	y0 := p.Box.Y + float64(p.Quiet)*p.Module
	rowH := p.Module
	if p.Code == Code128 {
		y0, rowH = p.Box.Y, p.BarH
	}
	var out []Rect
	for y := 0; y < p.Rows; y++ {
		for x := 0; x < p.Cols; {
			if !p.Dark(x, y) {
				x++
				continue
			}
			start := x
			for x < p.Cols && p.Dark(x, y) {
				x++
			}
			out = append(out, Rect{X: x0 + float64(start)*p.Module, Y: y0 + float64(y)*rowH, W: float64(x-start) * p.Module, H: rowH})
		}
	}
	return out
}
