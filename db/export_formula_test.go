package db

import (
	"bytes"
	"encoding/csv"
	"testing"

	"hadir/model"
)

// A cell a spreadsheet would run as a formula is written with a leading
// apostrophe (OWASP's advice for CSV files); other cells are untouched.
func TestCSVExportEscapesFormulas(t *testing.T) {
	s, _ := openTest(t, 0)
	names := []string{`=HYPERLINK("http://x","klik")`, "+62 812", "-1+1", "@SUM(A1)", "\tTab", "\rCR", "Siti = Aisyah", "Budi-Santoso"}
	var vs []model.Volunteer
	for i, n := range names {
		vs = append(vs, model.Volunteer{ID: string(rune('A'+i)) + "-1", Name: n, Contingent: "Kab. Tapin", Source: model.SourceRoster})
	}
	if _, err := s.ImportRoster(vs, false); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Export(&buf, ExportRoster, FormatCSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range rows[1:] {
		for _, cell := range r {
			got[cell] = true
		}
	}
	for _, n := range names[:6] {
		if !got["'"+n] {
			t.Errorf("%q was not written as '%s", n, n)
		}
	}
	for _, n := range names[6:] {
		if !got[n] {
			t.Errorf("%q was changed", n)
		}
	}
}
