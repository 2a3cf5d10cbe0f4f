package cli

import (
	"bytes"
	"strings"
	"testing"
)

// Rosters as thirty social offices send them: each numbered from 1, each
// spelling its own name its own way.

const tapinCSV = "ID;Nama;Kabupaten;JK\n1;Ahmad Fauzi;Kab. Tapin;L\n2;Bahrul Ilmi;Kab. Tapin;L\n3;Cici Paramida;Kab. Tapin;P\n"

const balanganCSV = "No Peserta;Nama;Kabupaten;JK\n1;Dedi Kurniawan;Kab. Balangan;L\n2;Euis Darliah;Kab. Balangan;P\n"

func TestImportIDConflicts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		code     int
		out      []string // in stdout
		errs     []string // in stderr
		changed  bool
		expected int
	}{
		{name: "refused", args: nil, code: 1, expected: 3, errs: []string{
			"balangan.csv: 2 IDs already belong to another person in the store:",
			"row 2: ID 1 is Ahmad Fauzi (Kab. Tapin, HAS CHECK-INS OR OTHER EVENTS) in the store, but this row is Dedi Kurniawan (Kab. Balangan)",
			"row 3: ID 2 is Bahrul Ilmi (Kab. Tapin, no check-ins yet)",
			"hadir import --id-prefix BAL balangan.csv", "--allow-rename", "nothing was changed"}},
		{name: "dry run shows the same", args: []string{"--dry-run"}, code: 1, expected: 3, errs: []string{
			"row 2: ID 1 is Ahmad Fauzi", "dry run"}},
		{name: "prefix", args: []string{"--id-prefix", "BLG"}, code: 0, changed: true, expected: 5,
			out: []string{"balangan.csv imported 2 volunteers: 2 added, 0 updated, 0 unchanged.",
				"2 added, 0 updated"}},
		{name: "allow rename", args: []string{"--allow-rename"}, code: 0, changed: true, expected: 3,
			out: []string{"2 updated", "row 2: ID 1 changed from Ahmad Fauzi (Kab. Tapin) to Dedi Kurniawan (Kab. Balangan)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := newCLI(t)
			c.ok("import", c.write("tapin.csv", []byte(tapinCSV)))
			c.ok("checkin", "1")
			before := c.read(c.db)
			r := c.expect(tc.code, append(append([]string{"import"}, tc.args...), c.write("balangan.csv", []byte(balanganCSV)))...)
			contains(t, "stdout", r.stdout, tc.out...)
			contains(t, "stderr", r.stderr, tc.errs...)
			if changed := !bytes.Equal(before, c.read(c.db)); changed != tc.changed {
				t.Errorf("store changed: %v, want %v", changed, tc.changed)
			}
			s := c.stats()
			if s.Expected != tc.expected {
				t.Errorf("%d expected, want %d", s.Expected, tc.expected)
			}
			if s.Arrived != 1 {
				t.Errorf("%d arrived, want 1", s.Arrived)
			}
		})
	}
}

func TestImportUnifiesContingentSpellings(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.ok("import", c.write("a.csv", []byte("No;Nama;Kabupaten\nB1;Dedi;Kab. Balangan\nB2;Euis;KAB. BALANGAN\nB3;Fitri;Kabupaten Balangan\n")))
	r := c.ok("import", c.write("b.csv", []byte("No;Nama;Kabupaten\nB4;Gani;Kab.Balangan\nB5;Hana; kab. balangan \nB6;Iwan;Balangan\n")))
	contains(t, "stdout", r.stdout, "3 rows had the contingent written another way; unified to the name first imported (Kab. Balangan)")
	s := c.stats()
	if len(s.Contingents) != 1 || s.Contingents[0].Name != "Kab. Balangan" || s.Contingents[0].Expected != 6 {
		t.Errorf("contingents after two files: %+v, want Kab. Balangan with 6", s.Contingents)
	}
	if strings.Contains(c.ok("stats").stdout, "KAB. BALANGAN") {
		t.Error("a second spelling is shown")
	}
}

func TestImportWithoutIDsCorrectionsNeverDouble(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	first := "Nama;Kabupaten;HP\nHamidah;Kab. Tapin;081211110001\nHamidah;Kab. Tapin;085711110002\nSiti Aisyah;Kab. Tapin;081211110003\nRahmat;Kab. Tapin;\n"
	r := c.ok("import", c.write("tapin.csv", []byte(first)))
	contains(t, "stdout", r.stdout, "4 added",
		"2 namesakes in Kab. Tapin: Hamidah 081211110001, Hamidah 085711110002 (rows 2, 3)")
	// Next week: Siti's name corrected, Rahmat's phone filled in, one
	// Hamidah's phone fixed, Rahmat moved below; nobody new.
	// One Hamidah with a phone neither has: which one is it? Not guessed.
	second := "Nama;Kabupaten;HP\nHamidah;Kab. Tapin;085711110009\nSiti Aisyah;Kabupaten Tapin;081211110003\n"
	r = c.expect(1, "import", "--dry-run", c.write("tapin2.csv", []byte(second)))
	contains(t, "stderr", r.stderr, "row 2: Hamidah (Kab. Tapin, 085711110009) could be Hamidah (Kab. Tapin, 085711110002, ID G-", "add an ID column")
	second = "Nama;Kabupaten;HP\nHamidah;Kab. Tapin;081211110001\nSiti Aisah;Kabupaten Tapin;081211110003\nRahmat;Kab. Tapin;081299990000\n"
	r = c.ok("import", c.write("tapin2.csv", []byte(second)))
	contains(t, "stdout", r.stdout, "3 volunteers: 0 added, 2 updated, 1 unchanged",
		"row 3: 'Siti Aisah' taken as a corrected spelling of 'Siti Aisyah' (Kab. Tapin",
		"1 volunteers in the store are not in this file; they are kept: Hamidah (Kab. Tapin, G-")
	if s := c.stats(); s.Expected != 4 {
		t.Errorf("%d expected after the corrections, want 4", s.Expected)
	}
	// The file gains an ID column: the people take the IDs, nobody is added.
	third := "ID;Nama;Kabupaten;HP\nT1;Hamidah;Kab. Tapin;081211110001\nT2;Hamidah;Kab. Tapin;085711110002\nT3;Siti Aisah;Kab. Tapin;081211110003\nT4;Rahmat;Kab. Tapin;081299990000\n"
	r = c.ok("import", c.write("tapin3.csv", []byte(third)))
	contains(t, "stdout", r.stdout, "0 added, 4 updated", "row 5: Rahmat now has the file's ID T4")
	if s := c.stats(); s.Expected != 4 {
		t.Errorf("%d expected after the IDs came, want 4", s.Expected)
	}
	if r := c.ok("checkin", "T3"); !strings.Contains(r.stdout, "Siti Aisah") {
		t.Errorf("the adopted ID does not check in: %v", r)
	}
}

func TestContingentAnySpellingAndRename(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.ok("import", c.write("a.csv", []byte("ID;Nama;Kabupaten\nB1;Dedi;Kab. Balangan\nB2;Euis;Kab. Balangan\nT1;Fitri;Kab. Tapin\nX1;Gani;Tagana Balangan\n")))
	c.ok("checkin", "B1", "B2")
	r := c.ok("confirm", "kab balangan", "--leader", "H. Rifani")
	contains(t, "stdout", r.stdout, "Kab. Balangan")

	r = c.expect(1, "contingent", "rename", "Tagana Balangan", "KAB. TAPIN")
	contains(t, "stderr", r.stderr, `a contingent "Kab. Tapin" already exists`, "--merge", "nothing was changed")
	r = c.ok("contingent", "rename", "balangan", "Kabupaten Balangan")
	contains(t, "stdout", r.stdout, "Kab. Balangan is now Kabupaten Balangan: 2 volunteers, 2 arrived")
	c.ok("contingent", "rename", "Tagana Balangan", "kabupaten balangan", "--merge")
	s := c.stats()
	names := map[string]int{}
	for _, k := range s.Contingents {
		names[k.Name] = k.Expected
	}
	if len(names) != 2 || names["Kabupaten Balangan"] != 3 || names["Kab. Tapin"] != 1 {
		t.Errorf("contingents after rename and merge: %v", names)
	}
	c.ok("verify") // the renamed store is sound
	// The file from before the renames changes nobody.
	r = c.ok("import", c.write("a.csv", []byte("ID;Nama;Kabupaten\nB1;Dedi;Kab. Balangan\nB2;Euis;Kab. Balangan\nT1;Fitri;Kab. Tapin\nX1;Gani;Tagana Balangan\n")))
	contains(t, "stdout", r.stdout, "0 added, 0 updated, 4 unchanged")
	// The renames are events: another station merging this log agrees.
	events := c.ok("export", "events", "--format", "json").stdout
	other := newCLI(t)
	other.ok("import", other.write("a.csv", []byte("ID;Nama;Kabupaten\nB1;Dedi;Kab. Balangan\nB2;Euis;Kab. Balangan\nT1;Fitri;Kab. Tapin\nX1;Gani;Tagana Balangan\n")))
	other.ok("merge", other.write("events.jsonl", []byte(events)))
	if got := other.ok("stats").stdout; !strings.Contains(got, "Kabupaten Balangan") || strings.Contains(got, "Tagana") {
		t.Errorf("the other station after merging:\n%s", got)
	}
}

func TestImportMessagesLeadSomewhere(t *testing.T) {
	t.Parallel()
	forms := "Timestamp,Nama Lengkap,Asal Kabupaten/Kota,No. WhatsApp,Alamat,JK\n" +
		"2026/03/02 8:00:00 AM GMT+8,Hamidah,Kab. Tapin,0812111,\"Jl. A. Yani\nKm. 5\nRantau\",P\n" + // one row over three lines
		"2026/03/02 8:30:00 AM GMT+8,Rina,Kab. Tapin,0812333,Rantau,X\n" +
		"2026/03/02 9:00:00 AM GMT+8,Hamidah,Kab. Tapin,0812111,Rantau,P\n"
	tests := []struct {
		name     string
		data     string
		args     []string
		code     int
		out, err []string
		notErr   string
	}{
		{name: "the spreadsheet row and the form's timestamp", data: forms, code: 1,
			err: []string{"r.csv row 3 (2026/03/02 8:30:00 AM GMT+8), column 'JK': gender 'X'",
				"import the 1 good row now with --skip-bad"}},
		{name: "--skip-bad lists what was left out and exits 3", data: forms, args: []string{"--skip-bad"}, code: 3,
			out: []string{"1 volunteers: 1 added", "1 bad rows left out",
				"1 repeated form response counted once, the latest kept:", "row 2 (Hamidah, sent 2026/03/02 8:00:00 AM GMT+8) left out; row 4 kept"},
			err: []string{"row 3 (2026/03/02 8:30:00 AM GMT+8), column 'JK'", "(row left out)"}},
		{name: "no --skip-bad when no row is good", data: "Nama;Kontingen;JK\nAhmad;Kab. Tapin;X\nRina;Kab. Tapin;Y\n", code: 1,
			err: []string{"row 2 (Ahmad), column 'JK'", "fix them and import again; nothing was changed"}, notErr: "--skip-bad"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := newCLI(t)
			r := c.expect(tc.code, append(append([]string{"import"}, tc.args...), c.write("r.csv", []byte(tc.data)))...)
			contains(t, "stdout", r.stdout, tc.out...)
			contains(t, "stderr", r.stderr, tc.err...)
			if tc.notErr != "" && strings.Contains(r.stderr, tc.notErr) {
				t.Errorf("stderr suggests %s where it cannot help:\n%s", tc.notErr, r.stderr)
			}
		})
	}
}

func TestImportNotesAListNumberedAnew(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.ok("import", c.write("tapin.csv", []byte(tapinCSV)))
	renumbered := "ID;Nama;Kabupaten;JK\nTPN-1;Ahmad Fauzi;Kab. Tapin;L\n2;Bahrul Ilmi;Kab. Tapin;L\n3;Cici Paramida;Kab. Tapin;P\n"
	r := c.ok("import", "--dry-run", c.write("tapin2.csv", []byte(renumbered)))
	contains(t, "stdout", r.stdout, "row 2: Ahmad Fauzi (Kab. Tapin) is added under the new ID TPN-1, but the store has Ahmad Fauzi (Kab. Tapin) under the ID 1, who is not in this file")
}
