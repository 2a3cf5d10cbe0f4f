package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParseRoster checks that no input makes ParseRoster panic or hang, and
// that what it returns keeps its promises.
func FuzzParseRoster(f *testing.F) {
	for _, s := range []string{
		excelIndonesian, googleForms, englishTabs,
		"",
		"\ufeff",
		"\r\n\r\n;;;;\r\n",
		"Nama;Kontingen\r\n",
		"Nama;Kontingen\nAhmad;Banjar\n;Banjar\n",
		"No Peserta,Nama,Kontingen\nBLG-007,Ahmad,Balangan\nBLG-007,Citra,Balangan\n",
		"Nama,Kontingen\nAhmad \"Udin\" Saleh,Banjar\n",
		"Nama,Kontingen\n\"Siti,Banjar\nBudi,Banjar\n",
		"Nama,Kontingen\n\"Siti\" Aminah,Banjar\n",
		"ID;Kontingen\n1;B\n",
		"Nama,Kontingen,JK\nBudi,Tapin,X\n",
		"Nama,Kontingen\nRidwan, S.Pd,Tapin\n",
		"Nama;JK\nAndi;L\n",
		"Nama,Kontingen,HP\nSiti Aminah,Banjar,0812\nsiti  aminah,banjar,62812\n",
		"Nama ;Kontingen:;Jabatan;Ketua?;HP/WA;;Catatan\nAndi;Tapin;Ketua Kontingen;;8.12346E+10;;\nNama;Kontingen;Jabatan;Ketua;HP;;Catatan\n",
		"No.;Nama;Kontingen\r1;Andi;Tapin\r2;;\r",
		"\xff\xfeN\x00a\x00m\x00a\x00\t\x00K\x00\n\x00A\x00\t\x00B\x00\n\x00",
		"Nama;Kontingen\nD\xe9sy;T\x81apin\n",
		"PK\x03\x04",
		"No;No Peserta;Nama;Kontingen;JK\n1;B-1;Andi;Tapin;L\n;;;;\n;;Mengetahui,;;Banjarmasin, 1 Desember 2026\n;;Kepala Dinas;;\n;;NIP. 1970;;\n",
		"Nama;Kontingen\nAndi;Tapin\n\nJumlah;1\n\nNama;Kontingen\nBudi;Tala\n",
		"Jabatan;Nama;JK\nKetua;Ahmad;L\n;;\nKetua;Citra;P\n",
		"<html><table>",
		"Nama,Kontingen,HP,Timestamp\nHamidah,Tapin,0812\nHamidah,Tapin,0812,2026/03/02 9:00:00 AM GMT+8\n",
	} {
		f.Add([]byte(s), "", false)
		f.Add([]byte(s), "Tapin", true)
	}
	f.Fuzz(func(t *testing.T, data []byte, contingent string, skipBad bool) {
		opt := ParseOptions{Contingent: contingent, SkipBad: skipBad}
		r, err := ParseRoster(strings.NewReader(string(data)), opt)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("error %v (%T): want a *ParseError with problems", err, err)
			}
			for _, p := range pe.Problems {
				if p.Line < 0 || p.Msg == "" {
					t.Fatalf("problem %#v: want a line >= 0 and a message", p)
				}
			}
			_ = pe.Error()
			return
		}
		if len(r.Volunteers) == 0 || len(r.Lines) != len(r.Volunteers) {
			t.Fatalf("%d volunteers, %d lines: want some, one line each", len(r.Volunteers), len(r.Lines))
		}
		if !skipBad && len(r.Problems) > 0 {
			t.Fatalf("problems %v without SkipBad and no error", r.Problems)
		}
		ids := map[string]int{}
		last := r.HeaderLine
		for i, v := range r.Volunteers {
			if v.ID == "" || v.Name == "" || v.Contingent == "" || v.Source != SourceRoster {
				t.Fatalf("volunteer %d %#v: want an ID, a name, a contingent, source roster", i, v)
			}
			if g := v.Gender; g != "" && g != "L" && g != "P" {
				t.Fatalf("volunteer %d gender %q", i, g)
			}
			if Clean(v.Name, MaxNameLen) != v.Name || Clean(v.Contingent, MaxTextLen) != v.Contingent {
				t.Fatalf("volunteer %d %#v: text not clean", i, v)
			}
			key := IDKey(v.ID)
			if j, dup := ids[key]; dup {
				t.Fatalf("ID %q on lines %d and %d", v.ID, r.Lines[j], r.Lines[i])
			}
			ids[key] = i
			if r.Lines[i] <= last {
				t.Fatalf("Lines %v: want increasing, after the header on line %d", r.Lines, r.HeaderLine)
			}
			last = r.Lines[i]
		}
		// Imported into an empty store, then again: nothing refused, and
		// the second time nothing changes.
		none := func(string) bool { return false }
		first := PlanImport(nil, none, r.Rows(), ImportOptions{})
		if first.Refused() || len(first.Added) != len(r.Volunteers) {
			t.Fatalf("into an empty store: %d added of %d, conflicts %v, ambiguous %v", len(first.Added), len(r.Volunteers), first.Conflicts, first.Ambiguous)
		}
		second := PlanImport(first.Put, none, r.Rows(), ImportOptions{})
		if second.Refused() || second.Unchanged != len(r.Volunteers) {
			t.Fatalf("the same file again: %d unchanged of %d, added %d, updated %v, conflicts %v, ambiguous %v",
				second.Unchanged, len(r.Volunteers), len(second.Added), second.Updated, second.Conflicts, second.Ambiguous)
		}
		// The same file gives the same roster, generated IDs included.
		again, err := ParseRoster(strings.NewReader(string(data)), opt)
		if err != nil || !reflect.DeepEqual(again, r) {
			t.Fatalf("second parse differs: %v", err)
		}
	})
}
