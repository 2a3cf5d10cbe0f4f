package badge

import (
	"math"
	"strconv"

	"github.com/go-pdf/fpdf"
)

// coverType is the type of the cover pages: smaller on A6 and a card.
type coverType struct{ titlePt, bodyPt, rowH float64 }

func (d *doc) coverType() coverType {
	if d.g.pageW < 150 {
		return coverType{titlePt: 12, bodyPt: 7, rowH: 5}
	}
	return coverType{titlePt: 18, bodyPt: 9, rowH: 6.5}
}

// coverRows is how many checklist rows fit on a cover page.
func (d *doc) coverRows() int {
	ct := d.coverType()
	used := d.coverHead(ct, 0, 0, false) + ct.bodyPt*ptMM*1.8 + ct.rowH // instruction, column titles
	return max(1, int((d.g.pageH-2*d.g.margin-used)/ct.rowH))
}

// coverPages is how many cover pages a contingent of n badges gets.
func (d *doc) coverPages(n int) int {
	if d.isCard() {
		return 1
	}
	per := d.coverRows()
	return (n + per - 1) / per
}

func (d *doc) isCard() bool { return d.g.pageH < 60 }

// cover writes the pages before a contingent's badges: the contingent, how
// many badges follow, and a checklist of names and IDs for its leader to
// tick off as the badges are handed out. A card is too small for a list:
// its cover names the contingent and the count only.
func (d *doc) cover(group []Badge) {
	ct, m := d.coverType(), d.g.margin
	width := d.g.pageW - 2*m
	pages := d.coverPages(len(group))
	per := d.coverRows()
	for page := 1; page <= pages; page++ {
		d.pdf.AddPageFormat("P", fpdf.SizeType{Wd: d.g.pageW, Ht: d.g.pageH})
		d.pdf.SetTextColor(0, 0, 0)
		y := m + d.coverHead(ct, page, pages, true, group...)
		if d.isCard() {
			return
		}
		if page == 1 {
			d.drawLine(sans, "", d.t("checklist"), ct.bodyPt, 5, m, y, width)
		}
		y += ct.bodyPt * ptMM * 1.8
		d.checklistRow(ct, y, width, "", d.t("col.no"), d.t("col.name"), d.t("col.id"), d.t("col.pillar"), "B")
		y += ct.rowH
		for i := (page - 1) * per; i < min(len(group), page*per); i++ {
			b := group[i]
			name := b.Name
			if b.Leader {
				name += " (" + d.t("mark") + ")"
			}
			d.checklistRow(ct, y, width, "box", strconv.Itoa(i+1), name, b.ID, b.Pillar, "")
			y += ct.rowH
		}
	}
}

// coverHead draws (when draw is set) the cover's heading and returns its
// height.
func (d *doc) coverHead(ct coverType, page, pages int, draw bool, group ...Badge) float64 {
	m, width := d.g.margin, d.g.pageW-2*d.g.margin
	y := 0.0
	if d.opt.Event != "" {
		if draw {
			d.drawLine(sans, "", d.opt.Event, ct.bodyPt, 5, m, m+y, width)
		}
		y += ct.bodyPt * ptMM * 1.6
	}
	if draw {
		cont := group[0].Contingent
		if cont == "" {
			cont = "-"
		}
		d.drawLine(sans, "B", d.t("cover", cont), ct.titlePt, 7, m, m+y, width)
	}
	y += ct.titlePt * ptMM * 1.4
	if draw {
		count := d.t("count", len(group))
		if pages > 1 {
			count += " · " + d.t("page", page, pages)
		}
		d.drawLine(sans, "", count, ct.bodyPt+1, 5, m, m+y, width)
	}
	return y + (ct.bodyPt+1)*ptMM*1.8
}

// checklistRow draws one row of the checklist: a box to tick, the number,
// name, ID and pillar; style "B" for the column titles.
func (d *doc) checklistRow(ct coverType, y, width float64, box, no, name, id, pillar, style string) {
	pdf, x := d.pdf, d.g.margin
	// Column widths as parts of the width: box, no, name, ID, pillar.
	parts := []float64{0.05, 0.06, 0.41, 0.21, 0.27}
	cols := make([]float64, len(parts))
	for i, p := range parts {
		cols[i] = p * width
	}
	base := y + (ct.rowH-ct.bodyPt*ptMM)/2 // top of the text, centred in the row
	if box != "" {
		side := math.Min(ct.rowH*0.6, cols[0]*0.8)
		pdf.SetLineWidth(0.2)
		pdf.Rect(x, y+(ct.rowH-side)/2, side, side, "D")
	}
	x += cols[0]
	pad := 1.0
	d.drawLine(sans, style, no, ct.bodyPt, 5, x, base, cols[1]-pad)
	x += cols[1]
	d.drawLine(sans, style, name, ct.bodyPt, 5, x, base, cols[2]-pad)
	x += cols[2]
	idFamily := mono
	if style == "B" {
		idFamily = sans
	}
	d.drawLine(idFamily, style, id, ct.bodyPt, 5, x, base, cols[3]-pad)
	x += cols[3]
	d.drawLine(sans, style, pillar, ct.bodyPt, 5, x, base, cols[4]-pad)
	pdf.SetLineWidth(0.1)
	pdf.Line(d.g.margin, y+ct.rowH, d.g.margin+width, y+ct.rowH)
}
