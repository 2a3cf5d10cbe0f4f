// Package badge lays out volunteers' badges as a print-ready PDF: name,
// contingent, pillar and a barcode of the ID that the gate's USB scanner
// reads, on A4 sheets with cut marks or one badge per page for a badge
// printer, each contingent after a cover page with a checklist.
//
// It is output, like the report, but not a screen, so it lives beside ui
// rather than in it: it depends on model only, and the command line and
// the gate both call it. Fonts are carried in the binary, so the file
// prints the same on any computer.
package badge

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"hadir/model"
)

// Layout is how badges sit on paper.
type Layout string

// The layouts. The A4 sheets carry badges of 90 x 54 mm, the size of a
// badge holder's card.
const (
	A4x8  Layout = "a4-8"  // 2 x 4 on A4, cut marks
	A4x10 Layout = "a4-10" // 2 x 5 on A4, cut marks
	A6    Layout = "a6"    // one per A6 page
	Card  Layout = "card"  // one per 85.6 x 54 mm card (ID-1), for a badge printer
)

// Layouts lists the layouts, the default first.
var Layouts = []Layout{A4x8, A4x10, A6, Card}

// geometry is a layout's page and grid, in mm.
type geometry struct {
	pageW, pageH   float64
	badgeW, badgeH float64
	cols, rows     int
	margin         float64 // of the cover pages
}

var geometries = map[Layout]geometry{
	A4x8:  {pageW: 210, pageH: 297, badgeW: 90, badgeH: 54, cols: 2, rows: 4, margin: 15},
	A4x10: {pageW: 210, pageH: 297, badgeW: 90, badgeH: 54, cols: 2, rows: 5, margin: 15},
	A6:    {pageW: 105, pageH: 148, badgeW: 105, badgeH: 148, cols: 1, rows: 1, margin: 8},
	Card:  {pageW: 85.6, pageH: 54, badgeW: 85.6, badgeH: 54, cols: 1, rows: 1, margin: 4},
}

// PerPage is how many badges one page of the layout carries.
func (l Layout) PerPage() int { g := geometries[l]; return g.cols * g.rows }

// Options say how to print.
type Options struct {
	Layout Layout
	Code   Code
	Lang   string // "id" or "en": the cover pages' words
	Event  string // the gathering's name, at the top of every badge
	// Covers puts a cover page with a checklist before each contingent.
	Covers bool
	Now    time.Time // the file's creation date
}

// Badge is what one badge shows.
type Badge struct {
	ID, Name, Contingent, Pillar string
	Leader                       bool
}

// FromVolunteer is the badge of a roster record.
func FromVolunteer(v model.Volunteer) Badge {
	return Badge{ID: v.ID, Name: v.Name, Contingent: v.Contingent, Pillar: v.Pillar, Leader: v.Leader}
}

// Sort orders badges by contingent, then name, as an Indonesian reader
// expects (accents and case do not split the alphabet), then ID.
func Sort(bs []Badge) {
	col := collate.New(language.Indonesian, collate.IgnoreCase, collate.Loose)
	var buf collate.Buffer
	type keyed struct {
		cont, name []byte
		b          Badge
	}
	ks := make([]keyed, len(bs))
	for i, b := range bs {
		ks[i] = keyed{cont: slices.Clone(col.KeyFromString(&buf, b.Contingent)), name: slices.Clone(col.KeyFromString(&buf, b.Name)), b: b}
		buf.Reset()
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(string(a.cont), string(b.cont)); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.name), string(b.name)); c != 0 {
			return c
		}
		return strings.Compare(a.b.ID, b.b.ID)
	})
	for i := range ks {
		bs[i] = ks[i].b
	}
}

// Group splits sorted badges into runs of one contingent.
func Group(bs []Badge) [][]Badge {
	var out [][]Badge
	for i := 0; i < len(bs); {
		j := i + 1
		for j < len(bs) && bs[j].Contingent == bs[i].Contingent {
			j++
		}
		out = append(out, bs[i:j])
		i = j
	}
	return out
}

// Placement is where one badge and its barcode landed: page (from 1) and
// the barcode's modules and box. Tests read it back.
type Placement struct {
	Badge Badge
	Page  int
	Box   Rect // the badge
	Code  Placed
}

// Check refuses badges that cannot be printed with these options (an ID no
// scanner could read, or too long for the layout), naming each, so the
// caller can refuse before it opens a file.
func Check(badges []Badge, opt Options) error {
	if len(badges) == 0 {
		return fmt.Errorf("no badge to print")
	}
	g, ok := geometries[opt.Layout]
	if !ok {
		return fmt.Errorf("unknown layout %q: choose %s", opt.Layout, layoutNames())
	}
	_, err := (&doc{g: g, opt: opt}).encodeAll(badges)
	return err
}

// Write writes the PDF of the badges to w, sorted and grouped by
// contingent. Every ID is checked before anything is written (see Check).
// It returns where each badge and its barcode went.
func Write(w io.Writer, badges []Badge, opt Options) ([]Placement, error) {
	if len(badges) == 0 {
		return nil, fmt.Errorf("no badge to print")
	}
	g, ok := geometries[opt.Layout]
	if !ok {
		return nil, fmt.Errorf("unknown layout %q: choose %s", opt.Layout, layoutNames())
	}
	if opt.Lang != "en" {
		opt.Lang = "id"
	}
	bs := slices.Clone(badges)
	Sort(bs)
	d := newDoc(g, opt)
	codes, err := d.encodeAll(bs)
	if err != nil {
		return nil, err
	}
	var placed []Placement
	i := 0
	for _, group := range Group(bs) {
		if opt.Covers {
			d.cover(group)
		}
		per := g.cols * g.rows
		for k, b := range group {
			if k%per == 0 {
				d.newSheet() // each contingent starts a new sheet
			}
			box := d.slot(k % per)
			p := d.badge(b, codes[i], box)
			placed = append(placed, Placement{Badge: b, Page: d.pdf.PageNo(), Box: box, Code: p})
			i++
		}
	}
	if err := d.pdf.Output(w); err != nil {
		return nil, fmt.Errorf("cannot write the PDF: %w", err)
	}
	return placed, nil
}

func layoutNames() string {
	names := make([]string, len(Layouts))
	for i, l := range Layouts {
		names[i] = string(l)
	}
	return strings.Join(names, ", ")
}

// ParseLayout reads a --layout value.
func ParseLayout(s string) (Layout, error) {
	l := Layout(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := geometries[l]; !ok {
		return "", fmt.Errorf("unknown layout %q: choose %s", s, layoutNames())
	}
	return l, nil
}

// ParseCode reads a --code value.
func ParseCode(s string) (Code, error) {
	switch c := Code(strings.ToLower(strings.TrimSpace(s))); c {
	case Code128, QR:
		return c, nil
	}
	return "", fmt.Errorf("unknown code %q: choose code128 or qr", s)
}

// doc is one PDF being written.
type doc struct {
	pdf  *fpdf.Fpdf
	g    geometry
	opt  Options
	lang string
}

func newDoc(g geometry, opt Options) *doc {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: g.pageW, Ht: g.pageH}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	addFonts(pdf)
	title := texts[opt.Lang]["title"]
	if opt.Event != "" {
		title += " - " + opt.Event
	}
	pdf.SetTitle(title, true)
	pdf.SetCreator("hadir", true)
	pdf.SetLang(map[string]string{"id": "id-ID", "en": "en"}[opt.Lang])
	if !opt.Now.IsZero() {
		pdf.SetCreationDate(opt.Now)
		pdf.SetModificationDate(opt.Now)
	}
	return &doc{pdf: pdf, g: g, opt: opt, lang: opt.Lang}
}

func (d *doc) newSheet() {
	d.pdf.AddPageFormat("P", fpdf.SizeType{Wd: d.g.pageW, Ht: d.g.pageH})
	if d.g.cols*d.g.rows > 1 {
		d.cutMarks()
	}
}

// origin is the top left corner of the badge grid, centred on the page.
func (d *doc) origin() (float64, float64) {
	return (d.g.pageW - float64(d.g.cols)*d.g.badgeW) / 2, (d.g.pageH - float64(d.g.rows)*d.g.badgeH) / 2
}

func (d *doc) slot(i int) Rect {
	x0, y0 := d.origin()
	c, r := i%d.g.cols, i/d.g.cols
	return Rect{X: x0 + float64(c)*d.g.badgeW, Y: y0 + float64(r)*d.g.badgeH, W: d.g.badgeW, H: d.g.badgeH}
}

// cutMarks draws thin lines in the page margin along every cut, stopping
// short of the badges so no mark shows on a badge cut a little off.
func (d *doc) cutMarks() {
	const gap, length = 2.0, 6.0
	pdf := d.pdf
	pdf.SetLineWidth(0.1)
	pdf.SetDrawColor(0, 0, 0)
	x0, y0 := d.origin()
	x1, y1 := x0+float64(d.g.cols)*d.g.badgeW, y0+float64(d.g.rows)*d.g.badgeH
	for c := 0; c <= d.g.cols; c++ {
		x := x0 + float64(c)*d.g.badgeW
		pdf.Line(x, y0-gap-length, x, y0-gap)
		pdf.Line(x, y1+gap, x, y1+gap+length)
	}
	for r := 0; r <= d.g.rows; r++ {
		y := y0 + float64(r)*d.g.badgeH
		pdf.Line(x0-gap-length, y, x0-gap, y)
		pdf.Line(x1+gap, y, x1+gap+length, y)
	}
}
