package ui

import (
	"fmt"
	"time"

	"hadir/db"
)

// The report's signature block: the final total once more, the place and
// date, and lines for the committee chair, the secretary and two
// witnesses, kept on one page (report.tmpl, #signatures). The names come
// from `hadir event`; an unset one is a blank line to fill in by hand.

func init() { addTexts(reportSignTexts) }

var reportSignTexts = map[string][2]string{
	"report.sign_title": {"Pengesahan", "Signatures"},
	"report.sign_total": {"Jumlah relawan yang hadir: %s dari %s yang diharapkan.", "Total volunteers arrived: %s of %s expected."},
	"report.sign_attest": {"Demikian laporan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.",
		"We certify that this report is true and made from the records of every gate."},
	"report.sign_chair":     {"Ketua Panitia", "Committee chair"},
	"report.sign_secretary": {"Sekretaris", "Secretary"},
	"report.sign_witness":   {"Saksi %d", "Witness %d"},
}

// reportSign is the signature block as the template shows it.
type reportSign struct {
	Place string // "" leaves a blank before the date
	Date  string // "4 Desember 2026", in the report's language
	Lines []reportSignLine
}

type reportSignLine struct{ Role, Name string }

func newReportSign(c *Common, g db.Signatories, now time.Time) reportSign {
	now = now.Local()
	month := monthLongNames[c.Lang][now.Month()-1]
	s := reportSign{Place: g.Place, Date: fmt.Sprintf("%d %s %d", now.Day(), month, now.Year())}
	s.Lines = []reportSignLine{{c.T("report.sign_chair"), g.Chair}, {c.T("report.sign_secretary"), g.Secretary}}
	for i, w := range g.Witnesses {
		s.Lines = append(s.Lines, reportSignLine{c.T("report.sign_witness", i+1), w})
	}
	return s
}
