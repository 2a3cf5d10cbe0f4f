package model

import (
	"strconv"
	"strings"
	"testing"
)

func TestRosterNamesakesAndRepeats(t *testing.T) {
	tests := []struct {
		name      string
		csv       string
		people    string // names read, in order
		namesakes string // "Name:phones" per group
		repeats   string // "line>kept" per repeat
		problem   string // in the error, "" when the file reads
	}{
		{
			name:      "namesakes with their own phones are two people",
			csv:       "Nama;Kontingen;HP\nHamidah;Kab. Tapin;0812111\nHamidah;Kab. Tapin;0857222\n",
			people:    "Hamidah,Hamidah",
			namesakes: "Hamidah:0812111/0857222",
		},
		{
			name:      "namesakes told apart by gender",
			csv:       "Nama;Kontingen;JK\nAdi;Kab. Tapin;L\nAdi;Kab. Tapin;P\n",
			people:    "Adi,Adi",
			namesakes: "Adi:/",
		},
		{
			name:    "the same person twice without an ID is a problem",
			csv:     "Nama;Kontingen;HP\nHamidah;Kab. Tapin;0812111\nHAMIDAH;Kabupaten Tapin;0812111\n",
			problem: "row 3, column 'Nama': the same volunteer as on row 2",
		},
		{
			name:    "IDs of digits are numbers: 1, 001 and 1.0 are one ID",
			csv:     "ID;Nama;Kontingen\n1;Ahmad;Kab. Tapin\n001;Bahrul;Kab. Tapin\n1.0;Cici;Kab. Tapin\n",
			problem: "row 3 (Bahrul), column 'ID': ID '001' is also on row 2",
		},
		{
			name: "a form sent twice counts once, the latest kept",
			csv: "Timestamp,Nama Lengkap,Asal Kabupaten/Kota,No. WhatsApp\n" +
				"2026/03/02 9:00:00 AM GMT+8,Hamidah,Kab. Tapin,0812111\n" +
				"2026/03/02 8:00:00 AM GMT+8,Rina,Kab. Tapin,0812333\n" +
				"2026/03/01 8:00:00 AM GMT+8,Hamidah,Kab. Tapin,0812111\n",
			people:  "Hamidah,Rina",
			repeats: "4>2",
		},
		{
			name: "namesakes in a form are not repeats",
			csv: "Timestamp,Nama Lengkap,Asal Kabupaten/Kota,No. WhatsApp\n" +
				"2026/03/02 9:00:00 AM GMT+8,Hamidah,Kab. Tapin,0812111\n" +
				"2026/03/02 9:30:00 AM GMT+8,Hamidah,Kab. Tapin,0857222\n",
			people:    "Hamidah,Hamidah",
			namesakes: "Hamidah:0812111/0857222",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseRoster(strings.NewReader(tc.csv), ParseOptions{})
			if tc.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tc.problem) {
					t.Fatalf("error %v, want one containing %q", err, tc.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var people, ns, reps []string
			ids := map[string]bool{}
			for _, v := range r.Volunteers {
				people = append(people, v.Name)
				if ids[v.ID] {
					t.Errorf("ID %s given twice", v.ID)
				}
				ids[v.ID] = true
			}
			for _, n := range r.Namesakes {
				ns = append(ns, n.Name+":"+strings.Join(n.Phones, "/"))
			}
			for _, x := range r.Repeats {
				reps = append(reps, strconv.Itoa(x.Line)+">"+strconv.Itoa(x.KeptLine))
			}
			for _, c := range [][3]string{{"people", strings.Join(people, ","), tc.people},
				{"namesakes", strings.Join(ns, ";"), tc.namesakes}, {"repeats", strings.Join(reps, ";"), tc.repeats}} {
				if c[1] != c[2] {
					t.Errorf("%s: got %q, want %q", c[0], c[1], c[2])
				}
			}
		})
	}
}

func TestGeneratedIDIgnoresPhoneAndSpelling(t *testing.T) {
	read := func(csv string) string {
		r, err := ParseRoster(strings.NewReader(csv), ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return r.Volunteers[0].ID
	}
	a := read("Nama;Kontingen;HP\nHj. Siti Aisyah;Kab. Tapin;0812111\n")
	for _, csv := range []string{
		"Nama;Kontingen;HP\nHj. Siti Aisyah;Kab. Tapin;0857999\n", // phone fixed
		"Nama;Kontingen;HP\nSITI AISYAH;Kabupaten Tapin;\n",       // another office's spelling
	} {
		if b := read(csv); b != a {
			t.Errorf("ID %s, then %s for\n%s", a, b, csv)
		}
	}
	if read("Nama;Kontingen\nSiti Aisyah;Kab. Balangan\n") == a {
		t.Error("the same name in another contingent has the same ID")
	}
}
