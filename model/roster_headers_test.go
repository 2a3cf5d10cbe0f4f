package model

import (
	"strings"
	"testing"
)

func TestRosterOfficeHeaders(t *testing.T) {
	tests := []struct {
		header string // name, contingent, phone columns in that order
	}{
		{"Nama;Regency;Phone"},
		{"Name;Regency/City;Phone"},
		{"Nama Peserta;City;Kontak"},
		{"Nama Lengkap dan Gelar;Kota;Telepon"},
		{"Nama;Utusan;No. Telp/HP"},
		{"Nama;Asal Utusan;Nomor Telepon/HP"},
		{"Nama;Delegasi;No HP Aktif"},
		{"Nama;Kabupaten/Kota Asal;Kontak"},
		{"Nama;Nama Kab/Kota;No. Telp/HP"},
		{"Nama;Asal Daerah;Telepon"},
		{"NAMA LENGKAP DAN GELAR;KABUPATEN/KOTA ASAL;NO. TELP/HP"},
	}
	for _, tc := range tests {
		t.Run(tc.header, func(t *testing.T) {
			csv := tc.header + "\nDr. Ahmad Fauzi, M.Si.;Kab. Balangan;+62 812-3456-7890\n"
			r, err := ParseRoster(strings.NewReader(csv), ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			v := r.Volunteers[0]
			if v.Name != "Dr. Ahmad Fauzi, M.Si." || v.Contingent != "Kab. Balangan" || len(v.Extra) != 0 {
				t.Errorf("read %+v", v)
			}
			if !strings.HasSuffix(phoneKey(v.Phone), "81234567890") {
				t.Errorf("phone %q", v.Phone)
			}
		})
	}
	r, err := ParseRoster(strings.NewReader("Name,Regency,Phone,Gender\nRina,Kota Banjarmasin,081234567890,Female\n"), ParseOptions{})
	if err != nil || r.Volunteers[0].Gender != "P" || r.Volunteers[0].Contingent != "Kota Banjarmasin" {
		t.Errorf("English headers: %+v, %v", r, err)
	}
}

func TestContingentFlagOverRegionColumnRefused(t *testing.T) {
	csv := "Nama;Tempat Tugas;JK\nAhmad;Kab. Balangan;L\nRina;Kab. Tapin;P\nDedi;Kota Banjarmasin;L\n"
	_, err := ParseRoster(strings.NewReader(csv), ParseOptions{Contingent: "Kab. Balangan"})
	if err == nil || !strings.Contains(err.Error(), "column 'Tempat Tugas'") || !strings.Contains(err.Error(), "not one contingent's") {
		t.Fatalf("--contingent over a file of several regions: %v", err)
	}
	// One region in that column (the office's own), or none: one contingent.
	one := "Nama;Alamat;JK\nAhmad;Kab. Balangan;L\nRina;Kab. Balangan;P\nDedi;Jl. A. Yani;L\n"
	if r, err := ParseRoster(strings.NewReader(one), ParseOptions{Contingent: "Kab. Balangan"}); err != nil || len(r.Volunteers) != 3 {
		t.Fatalf("a file of one contingent: %v", err)
	}
}

// A Google Form's questions as headers are read by their words; a question
// about someone else stays an extra column, and a column of phones whose
// header does not say so is named.
func TestFormQuestionHeaders(t *testing.T) {
	data := "Timestamp,Nama lengkap sesuai KTP,Asal Kabupaten/Kota,No. HP/WA yang bisa dihubungi,Jenis kelamin peserta,Nomor HP keluarga (darurat),Unsur PSKS Anda\n" +
		"2026/11/02 8:00:00 AM GMT+8,Hamidah,Kab. Tapin,0812 1111 0001,Perempuan,0813 2222 0001,Tagana\n"
	r, err := ParseRoster(strings.NewReader(data), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v := r.Volunteers[0]
	if v.Name != "Hamidah" || v.Phone != "081211110001" || v.Gender != "P" || v.Pillar != "Tagana" {
		t.Errorf("read as %+v", v)
	}
	if got := v.ExtraValue("Nomor HP keluarga (darurat)"); got != "0813 2222 0001" {
		t.Errorf("the family's phone = %q, want it kept as its own column", got)
	}

	data = "Nama;Kabupaten;Nomor yang bisa dihubungi\nA;Kab. Tapin;081211110001\nB;Kab. Tapin;081211110002\nC;Kab. Tapin;+62 812 1111 0003\n"
	r, err = ParseRoster(strings.NewReader(data), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "column 'Nomor yang bisa dihubungi' (column 3) holds phone numbers, but its header does not say whose") {
		t.Errorf("warnings: %q", r.Warnings)
	}
}
