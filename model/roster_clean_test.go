package model

import (
	"strings"
	"testing"
)

func TestRosterTextIsCleaned(t *testing.T) {
	long := strings.Repeat("Panjang ", 30) // 240 characters
	tests := []struct {
		name    string
		row     string // Nama;Kontingen;HP;Catatan
		want    Volunteer
		note    string // a warning, when one is expected
		problem string // in the error, when the row is refused
	}{
		{name: "ANSI escapes and controls go", row: "\x1b[31mAhmad\x1b[0m\x07 Fauzi;Kab.\tTapin;0812 3456 7890;ok\x01\u009b",
			want: Volunteer{Name: "Ahmad Fauzi", Contingent: "Kab. Tapin", Phone: "081234567890", Extra: []Field{{"Catatan", "ok"}}}},
		{name: "bidi overrides and invisible characters go", row: "Rina\u202e Wulan\u200bdari;Kab. Tapin\u2066;+62 812-3456-7890;\ufeffx",
			want: Volunteer{Name: "Rina Wulandari", Contingent: "Kab. Tapin", Phone: "081234567890", Extra: []Field{{"Catatan", "x"}}}},
		{name: "a joiner inside an emoji stays", row: "Dedi;Kab. Tapin;62812345678;👨\u200d👩\u200d👧",
			want: Volunteer{Name: "Dedi", Contingent: "Kab. Tapin", Phone: "0812345678", Extra: []Field{{"Catatan", "👨\u200d👩\u200d👧"}}}},
		{name: "a long remark is cut, and said where", row: "Euis;Kab. Tapin;;" + long,
			want: Volunteer{Name: "Euis", Contingent: "Kab. Tapin", Extra: []Field{{"Catatan", strings.TrimSpace(long[:100])}}},
			note: "1 value longer than 100 characters cut (first on row 2, column 'Catatan')"},
		{name: "a name past 200 characters is a row problem", row: long + ";Kab. Tapin;;",
			problem: "column 'Nama': the value is 239 characters long, more than 200"},
		{name: "a phone in scientific notation is a row problem", row: "Fitri;Kab. Tapin;8.12346E+10;",
			problem: "row 2 (Fitri), column 'HP': phone '8.12346E+10' is a number Excel turned into scientific notation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseRoster(strings.NewReader("Nama;Kontingen;HP;Catatan\n"+tc.row+"\n"), ParseOptions{})
			if tc.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tc.problem) {
					t.Fatalf("error %v, want %q", err, tc.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			v := r.Volunteers[0]
			tc.want.ID, tc.want.Source = v.ID, SourceRoster
			if !v.Equal(tc.want) {
				t.Errorf("read %+v\nwant %+v", v, tc.want)
			}
			if tc.note != "" && !hasWarning(r, tc.note) {
				t.Errorf("warnings %q, want %q", r.Warnings, tc.note)
			}
		})
	}
}
