package badge

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
)

// ptMM is one typographic point in mm.
const ptMM = 25.4 / 72

// lineGap is the line height as a multiple of the font size.
const lineGap = 1.15

// minNamePt is the smallest a name is printed before it is cut: still
// readable at arm's length on a 90 mm badge.
const minNamePt = 7.0

// scale is the layout's size against the 90 x 54 mm design.
func (d *doc) scale() float64 { return math.Min(d.g.badgeW/90, d.g.badgeH/54) }

func (d *doc) margin() float64 { return 3.5 * d.scale() }

// idTextPt and headerPt are the sizes of the ID under the code and of the
// event's name at the top.
func (d *doc) idTextPt() float64  { return 8 * d.scale() }
func (d *doc) headerPt() float64  { return 7 * d.scale() }
func (d *doc) headerH() float64   { return d.headerPt()*ptMM*lineGap + 1.5*d.scale() }
func (d *doc) idTextH() float64   { return d.idTextPt() * ptMM * lineGap }
func (d *doc) landscape() bool    { return d.g.badgeW > d.g.badgeH }
func (d *doc) codeGap() float64   { return 1.5 * d.scale() }
func (d *doc) firstSlot() Rect    { return Rect{W: d.g.badgeW, H: d.g.badgeH} }
func (d *doc) qrMaxSide() float64 { return 0.3 * d.g.badgeW }

// placeCode fits a symbol into a badge: Code 128 across the bottom, QR at
// the bottom right of a landscape badge or the bottom centre of a portrait
// one. It reports false when the symbol cannot be printed large enough to
// scan.
func (d *doc) placeCode(sym *Symbol, box Rect) (Placed, bool) {
	m := d.margin()
	n := sym.Cols + 2*sym.Quiet
	p := Placed{Symbol: sym}
	bottom := box.Y + box.H - m - d.idTextH()
	if sym.Code == Code128 {
		p.Module = fitWidth(n, box.W-2*m, minDots128, maxDots128)
		if p.Module == 0 {
			return p, false
		}
		w := float64(n) * p.Module
		p.BarH = math.Max(minBarHeight, 0.15*float64(sym.Cols)*p.Module)
		p.Box = Rect{X: box.X + (box.W-w)/2, Y: bottom - p.BarH, W: w, H: p.BarH}
		return p, true
	}
	side := math.Min(d.qrMaxSide(), box.H-2*m-d.headerH()-d.idTextH())
	if !d.landscape() {
		side = math.Min(box.W-2*m, 0.4*box.H)
	}
	p.Module = fitWidth(n, side, minDotsQR, maxDotsQR)
	if p.Module == 0 {
		return p, false
	}
	w := float64(n) * p.Module
	x := box.X + (box.W-w)/2
	if d.landscape() {
		x = box.X + box.W - m - w
	}
	p.Box = Rect{X: x, Y: bottom - w, W: w, H: w}
	return p, true
}

// encodeAll makes every badge's symbol and checks that it fits, so that a
// bad ID refuses the file before a page is written.
func (d *doc) encodeAll(bs []Badge) ([]*Symbol, error) {
	syms := make([]*Symbol, len(bs))
	errs := make([]error, len(bs))
	// QR codes take most of the time of a PDF of 3,000: encode on every core.
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := w; i < len(bs); i += workers {
				syms[i], errs[i] = Encode(bs[i].ID, d.opt.Code)
				if errs[i] == nil {
					if _, ok := d.placeCode(syms[i], d.firstSlot()); !ok {
						errs[i] = fmt.Errorf("ID %q is too long for a %s barcode on a %s badge: print it with --code qr or --layout a6", bs[i].ID, d.opt.Code, d.opt.Layout)
					}
				}
			}
		})
	}
	wg.Wait()
	var bad []string
	for i, err := range errs {
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s (%s): %v", bs[i].Name, bs[i].Contingent, err))
		}
	}
	if len(bad) > 0 {
		const show = 10
		count, more := len(bad), ""
		if len(bad) > show {
			more = fmt.Sprintf("\n  and %d more", len(bad)-show)
			bad = bad[:show]
		}
		return nil, fmt.Errorf("%d badge(s) cannot carry a readable barcode; nothing was written:\n  %s%s", count, strings.Join(bad, "\n  "), more)
	}
	return syms, nil
}

// badge draws one badge in box and returns where its code went.
func (d *doc) badge(b Badge, sym *Symbol, box Rect) Placed {
	pdf := d.pdf
	s, m := d.scale(), d.margin()
	p, _ := d.placeCode(sym, box)

	pdf.SetFillColor(0, 0, 0)
	for _, r := range p.Bars() {
		pdf.Rect(r.X, r.Y, r.W, r.H, "F")
	}
	idPt, _ := d.fitLine(mono, "B", b.ID, d.idTextPt(), 5, math.Max(p.Box.W, 30*s))
	pdf.SetFont(mono, "B", idPt)
	pdf.SetTextColor(0, 0, 0)
	idW := pdf.GetStringWidth(b.ID)
	pdf.Text(p.Box.X+(p.Box.W-idW)/2, p.Box.Y+p.Box.H+0.5*s+idPt*ptMM*0.8, b.ID)

	// The header: the gathering's name, and the leader's label at the right.
	left, right, top := box.X+m, box.X+box.W-m, box.Y+m
	hPt := d.headerPt()
	if b.Leader {
		label := d.t("leader")
		pdf.SetFont(sans, "B", hPt)
		lw := pdf.GetStringWidth(label) + 2*s
		lh := hPt * ptMM * lineGap
		pdf.Rect(right-lw, top, lw, lh, "F")
		pdf.SetTextColor(255, 255, 255)
		pdf.Text(right-lw+s, top+hPt*ptMM*0.85, label)
		pdf.SetTextColor(0, 0, 0)
		right -= lw + 2*s
	}
	if d.opt.Event != "" {
		d.drawLine(sans, "", d.opt.Event, hPt, 5, left, top, right-left)
	}
	pdf.SetLineWidth(0.2 * s)
	rule := top + d.headerH() - 0.75*s
	pdf.Line(box.X+m, rule, box.X+box.W-m, rule)

	// The text area: above the code, or left of a QR on a landscape badge.
	textRight, textBottom := box.X+box.W-m, p.Box.Y-d.codeGap()
	if sym.Code == QR && d.landscape() {
		textRight, textBottom = p.Box.X-d.codeGap(), box.Y+box.H-m
	}
	width := textRight - left
	pillarPt, contPt := 7.5*s, 9*s
	y := textBottom
	if b.Pillar != "" {
		y -= pillarPt * ptMM * lineGap
		d.drawLine(sans, "", b.Pillar, pillarPt, 5, left, y, width)
	}
	if b.Contingent != "" {
		y -= contPt * ptMM * lineGap
		d.drawLine(sans, "B", b.Contingent, contPt, 5, left, y, width)
	}
	nameTop := rule + 1.5*s
	d.drawName(b.Name, left, nameTop, width, y-s-nameTop)
	return p
}

// drawLine writes one line of text at top-left (x, y), shrunk to width,
// cut with an ellipsis only below minPt.
func (d *doc) drawLine(family, style, text string, pt, minPt, x, y, width float64) {
	pt, text = d.fitLine(family, style, text, pt, minPt, width)
	d.pdf.SetFont(family, style, pt)
	d.pdf.Text(x, y+pt*ptMM*0.85, text)
}

// fitLine is the largest size from pt down to minPt at which text fits in
// width on one line, and the text, cut with an ellipsis if even minPt is
// too wide.
func (d *doc) fitLine(family, style, text string, pt, minPt, width float64) (float64, string) {
	d.pdf.SetFont(family, style, pt)
	w := d.pdf.GetStringWidth(text)
	if w <= width {
		return pt, text
	}
	if fit := pt * width / w; fit >= minPt {
		return math.Floor(fit*4) / 4, text // widths scale with the size
	}
	d.pdf.SetFont(family, style, minPt)
	return minPt, d.ellipsize(text, width)
}

// ellipsize cuts text to width with "…", in the current font.
func (d *doc) ellipsize(text string, width float64) string {
	rs := []rune(text)
	for n := len(rs); n > 0; n-- {
		s := strings.TrimSpace(string(rs[:n])) + "…"
		if d.pdf.GetStringWidth(s) <= width {
			return s
		}
	}
	return "…"
}

// drawName writes the name as large as it fits in the box: on one line,
// else on two, shrinking step by step; three lines at the smallest size;
// cut only if even that fails. Words are never dropped, so titles (H.,
// Hj., Dr.) stay, and a title is kept on the line of the word it belongs
// to.
func (d *doc) drawName(name string, x, y, width, height float64) {
	s := d.scale()
	big := 20 * s
	if !d.landscape() {
		big = 36 * s // an A6 badge has the room
	}
	maxPt := math.Min(big, height/ptMM/lineGap)
	pt, lines := float64(minNamePt), []string(nil)
	for try := maxPt; try >= minNamePt; try -= 0.5 {
		d.pdf.SetFont(sans, "B", try)
		if ls, ok := d.wrap(name, width, 2); ok && float64(len(ls))*try*ptMM*lineGap <= height {
			pt, lines = try, ls
			break
		}
	}
	if lines == nil {
		d.pdf.SetFont(sans, "B", pt)
		maxLines := max(1, int(height/(pt*ptMM*lineGap)))
		var ok bool
		if lines, ok = d.wrap(name, width, maxLines); !ok {
			lines = d.wrapCut(name, width, maxLines)
		}
	}
	d.pdf.SetFont(sans, "B", pt)
	lh := pt * ptMM * lineGap
	top := y + (height-float64(len(lines))*lh)/2
	for i, l := range lines {
		d.pdf.Text(x, top+float64(i)*lh+pt*ptMM*0.85, l)
	}
}

// units are the name's words, a short title ending in a dot ("H.", "Hj.",
// "Dr.") joined to the word after it so a line never ends on it.
func units(name string) []string {
	words := strings.Fields(name)
	var out []string
	for i := 0; i < len(words); i++ {
		u := words[i]
		for len([]rune(words[i])) <= 4 && strings.HasSuffix(words[i], ".") && i+1 < len(words) {
			i++
			u += " " + words[i]
		}
		out = append(out, u)
	}
	return out
}

// wrap breaks name into at most maxLines lines of width in the current
// font: two lines are balanced, not filled greedily, so a name reads as
// one block. ok is false when it does not fit.
func (d *doc) wrap(name string, width float64, maxLines int) ([]string, bool) {
	name = strings.Join(strings.Fields(name), " ")
	if d.pdf.GetStringWidth(name) <= width {
		return []string{name}, true
	}
	us := units(name)
	if maxLines < 2 || len(us) < 2 {
		return nil, false
	}
	if maxLines == 2 {
		best, bestW := -1, math.Inf(1)
		for k := 1; k < len(us); k++ {
			w := math.Max(d.pdf.GetStringWidth(strings.Join(us[:k], " ")), d.pdf.GetStringWidth(strings.Join(us[k:], " ")))
			if w <= width && w < bestW {
				best, bestW = k, w
			}
		}
		if best < 0 {
			return nil, false
		}
		return []string{strings.Join(us[:best], " "), strings.Join(us[best:], " ")}, true
	}
	var lines []string
	cur := ""
	for _, u := range us {
		if cur != "" && d.pdf.GetStringWidth(cur+" "+u) <= width {
			cur += " " + u
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		if d.pdf.GetStringWidth(u) > width {
			return nil, false
		}
		cur = u
	}
	lines = append(lines, cur)
	return lines, len(lines) <= maxLines
}

// wrapCut is the last resort: lines filled greedily, the last one cut with
// an ellipsis.
func (d *doc) wrapCut(name string, width float64, maxLines int) []string {
	var lines []string
	rest := []rune(strings.Join(strings.Fields(name), " "))
	for len(rest) > 0 && len(lines) < maxLines-1 {
		n := len(rest)
		for n > 1 && d.pdf.GetStringWidth(string(rest[:n])) > width {
			n--
		}
		// Break at the last space that fits, if there is one.
		if n < len(rest) {
			if sp := strings.LastIndex(string(rest[:n]), " "); sp > 0 {
				n = len([]rune(string(rest[:n])[:sp]))
			}
		}
		lines = append(lines, strings.TrimSpace(string(rest[:n])))
		rest = []rune(strings.TrimSpace(string(rest[n:])))
	}
	if len(rest) > 0 {
		last := string(rest)
		if d.pdf.GetStringWidth(last) > width {
			last = d.ellipsize(last, width)
		}
		lines = append(lines, last)
	}
	return lines
}
