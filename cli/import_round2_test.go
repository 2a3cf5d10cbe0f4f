package cli

import (
	"strings"
	"testing"

	"hadir/model"
)

// exportedRoster returns the stored roster by ID, each as its columns.
func (c *cli) exportedRoster() map[string]map[string]string {
	c.t.Helper()
	h, rows := table(c.t, c.ok("export", "roster").stdout)
	return byID(h, rows)
}

// idOf finds the stored ID of a person by name and contingent.
func (c *cli) idOf(name, contingent string) string {
	c.t.Helper()
	for id, r := range c.exportedRoster() {
		if r["name"] == name && r["contingent"] == contingent {
			return id
		}
	}
	c.t.Fatalf("no %s of %s in the store", name, contingent)
	return ""
}

// A later file of the same people with fewer columns (a shirt-size list),
// a phone column hadir does not know by its header, or empty cells, never
// erases what the store has; a value the file gives updates it.
func TestImportNeverBlanksWhatAFileDoesNotSay(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	people := officePeople("Kab. Tabalong", 80)
	c.ok("import", c.write("tabalong.csv", officeCSV(";", people,
		colCounter(), colID("No Peserta"), colName("Nama Lengkap"), colContingent("Kabupaten/Kota", ""),
		colPillar("Unsur PSKS"), colGender("L/P"), colPhone("No. HP"))))
	before := c.exportedRoster()

	shirts := officeCSV(",", people, colID("ID Peserta"), colName("Nama"), colContingent("Kabupaten", "TABALONG"), colExtra("Ukuran Kaos", "Ukuran Kaos"))
	r := c.ok("import", c.write("kaos.csv", shirts))
	contains(t, "stdout", r.stdout, "80 volunteers: 0 added, 80 updated")
	// The same list again changes nothing.
	r = c.ok("import", c.write("kaos.csv", shirts))
	contains(t, "stdout", r.stdout, "0 added, 0 updated, 80 unchanged")

	// Empty phone cells, and a corrected phone for the first person.
	blanked := append([]byte(nil), officeCSV(";", people, colID("No Peserta"), colName("Nama"), colContingent("Kab/Kota", ""),
		officeCol{"No. HP", func(i int, v model.Volunteer) string {
			if i == 0 {
				return "0811-5000-0001"
			}
			return ""
		}})...)
	r = c.ok("import", c.write("hp.csv", blanked))
	contains(t, "stdout", r.stdout, "0 added, 1 updated, 79 unchanged")

	after := c.exportedRoster()
	for _, v := range people {
		b, a := before[v.ID], after[v.ID]
		wantPhone := b["phone"]
		if v.ID == people[0].ID {
			wantPhone = "081150000001"
		}
		if a["phone"] != wantPhone || a["pillar"] != b["pillar"] || a["gender"] != b["gender"] || a["pillar"] == "" {
			t.Fatalf("%s after the later files: phone %q pillar %q gender %q; before: %q %q %q (phone now wanted %q)",
				v.ID, a["phone"], a["pillar"], a["gender"], b["phone"], b["pillar"], b["gender"], wantPhone)
		}
		if a["Ukuran Kaos"] != v.ExtraValue("Ukuran Kaos") {
			t.Fatalf("%s: shirt %q, want %q", v.ID, a["Ukuran Kaos"], v.ExtraValue("Ukuran Kaos"))
		}
	}
	if s := c.stats(); s.Expected != 80 || len(s.Contingents) != 1 {
		t.Errorf("after three files of one office: %d expected in %d contingents, want 80 in 1", s.Expected, len(s.Contingents))
	}
}

// A file that gains an ID column gives everyone its ID, checked in or not:
// the new badge checks in, the old ID still finds them, nobody counts
// twice, and a station that merges the events agrees.
func TestImportGivesEveryoneTheFileIDCheckedInOrNot(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	people := officePeople("Kab. Tapin", 30)
	noIDs := officeCSV(";", people, colName("Nama"), colContingent("Kabupaten", "Kab. Tapin"), colPhone("No HP"))
	c.ok("import", c.write("tapin.csv", noIDs))
	early := c.idOf(people[0].Name, "Kab. Tapin")
	if !strings.HasPrefix(early, "G-") {
		t.Fatalf("a file without IDs gave %s", early)
	}
	c.ok("checkin", early)

	withIDs := officeCSV(";", people, colID("No Peserta"), colName("Nama"), colContingent("Kabupaten", "Kab. Tapin"), colPhone("No HP"))
	r := c.ok("import", c.write("tapin-id.csv", withIDs))
	contains(t, "stdout", r.stdout, "30 volunteers: 0 added, 30 updated",
		"row 2: "+people[0].Name+" now has the file's ID "+people[0].ID+" (was "+early+", made up when the file had no IDs; the old ID still finds them, and their check-ins count under the new one)",
		"and 10 more took the file's ID the same way")
	if s := c.stats(); s.Expected != 30 || s.Arrived != 1 {
		t.Fatalf("after the IDs came: %d expected, %d arrived; want 30 and 1", s.Expected, s.Arrived)
	}
	if _, ok := c.exportedRoster()[early]; ok {
		t.Errorf("the made-up ID %s is still a record of its own", early)
	}
	r = c.expect(1, "checkin", people[0].ID, early)
	contains(t, "stdout", r.stdout, people[0].ID+": already checked in: "+people[0].Name, early+": already checked in: "+people[0].Name)
	c.ok("checkin", people[1].ID)
	if s := c.stats(); s.Expected != 30 || s.Arrived != 2 {
		t.Fatalf("after the second check-in: %d expected, %d arrived; want 30 and 2", s.Expected, s.Arrived)
	}
	c.ok("verify")

	// Another station that only ever had the file without IDs checks the
	// second person in by their old badge, then merges this log.
	other := newCLI(t)
	other.ok("import", other.write("tapin.csv", noIDs))
	other.ok("checkin", other.idOf(people[2].Name, "Kab. Tapin"))
	other.ok("merge", other.write("events.jsonl", []byte(c.ok("export", "events", "--format", "json").stdout)))
	if s := other.stats(); s.Expected != 30 || s.Arrived != 3 {
		t.Errorf("the other station after merging: %d expected, %d arrived; want 30 and 3", s.Expected, s.Arrived)
	}
	other.ok("verify")
	// And this station merging the other's: the same count.
	c.ok("merge", c.write("other.jsonl", []byte(other.ok("export", "events", "--format", "json").stdout)))
	if s := c.stats(); s.Expected != 30 || s.Arrived != 3 {
		t.Errorf("this station after merging back: %d expected, %d arrived; want 30 and 3", s.Expected, s.Arrived)
	}
	c.ok("verify")
}

// The short forms of South Kalimantan's regencies are those regencies; a
// contingent an import adds beside others is named with what it may mean.
func TestImportNamesTheContingentsItAdds(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	var first []byte
	for _, k := range []string{"Kab. Hulu Sungai Utara", "Kab. Kotabaru", "Kab. Barito Kuala", "Kab. Tanah Bumbu", "Kab. Tanah Laut", "Kab. Hulu Sungai Tengah", "Kab. Hulu Sungai Selatan"} {
		first = append(first, officeCSV(";", officePeople(k, 5), colID("ID"), colName("Nama"), colContingent("Kabupaten", ""))...)
	}
	c.ok("import", c.write("first.csv", dropRepeatedHeaders(first)))
	short := map[string]string{"HSU": "Kab. Hulu Sungai Utara", "Kota Baru": "Kab. Kotabaru", "Batola": "Kab. Barito Kuala",
		"TANBU": "Kab. Tanah Bumbu", "Tala": "Kab. Tanah Laut", "HST": "Kab. Hulu Sungai Tengah", "Kab. HSS": "Kab. Hulu Sungai Selatan"}
	for spelling, name := range short {
		people := officePeople(name, 0)[5:25]
		r := c.ok("import", c.write("later.csv", officeCSV(";", people, colID("ID"), colName("Nama"), colContingent("Kabupaten", spelling))))
		contains(t, "stdout", r.stdout, "20 added", "'"+spelling+"' (20 rows) is "+name)
		if strings.Contains(r.stdout, "new contingent") {
			t.Errorf("%s was taken as a new contingent:\n%s", spelling, r.stdout)
		}
	}
	s := c.stats()
	if len(s.Contingents) != 7 || s.Expected != 7*25 {
		t.Fatalf("after the short forms: %d contingents, %d expected; want 7 and 175: %+v", len(s.Contingents), s.Expected, s.Contingents)
	}
	// A short form hadir does not know, and a typo: named, with the way out.
	r := c.ok("import", "--dry-run", c.write("x.csv", []byte("ID;Nama;Kabupaten\nX1;Ahmad;Kab. Tanah Bumbuu\nX2;Rina;T. Bumbu\nX3;Udin;Kota Banjarmasin\n")))
	contains(t, "stdout", r.stdout,
		`new contingent 'Kab. Tanah Bumbuu' (1 person): did you mean Kab. Tanah Bumbu? hadir contingent rename "Kab. Tanah Bumbuu" "Kab. Tanah Bumbu" --merge`,
		`new contingent 'Kota Banjarmasin' (1 person): like no contingent already here`)
	if s := c.stats(); len(s.Contingents) != 7 {
		t.Errorf("a dry run added contingents: %+v", s.Contingents)
	}
}

// One office's file lists as "not in this file" only the people of its
// own contingent, not every other office's.
func TestImportListsOnlyItsOwnContingentAsMissing(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	tapin, balangan := officePeople("Kab. Tapin", 10), officePeople("Kab. Balangan", 10)
	c.ok("import", c.write("tapin.csv", officeCSV(";", tapin, colID("ID"), colName("Nama"), colContingent("Kabupaten", ""))))
	c.ok("import", c.write("balangan.csv", officeCSV(";", balangan, colID("ID"), colName("Nama"), colContingent("Kabupaten", ""))))
	r := c.ok("import", c.write("tapin2.csv", officeCSV(";", tapin[:8], colID("ID"), colName("Nama"), colContingent("Kabupaten", "KAB. TAPIN"))))
	contains(t, "stdout", r.stdout, "2 volunteers in the store are not in this file; they are kept: "+tapin[8].Name)
	if strings.Contains(r.stdout, balangan[0].Name) {
		t.Errorf("Tapin's file lists Balangan's people:\n%s", r.stdout)
	}
}

// A Google Form answered for the wrong contingent, then again for the
// right one with the same name and phone: one person, the latest answer.
func TestImportFormAnsweredAgainForAnotherContingent(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	form := "Timestamp,Nama Lengkap,Asal Kabupaten/Kota,Nomor WhatsApp yang aktif\n" +
		"2026/11/02 8:00:00 AM GMT+8,Hamidah,Kab. Tapin,0812 1111 0001\n" +
		"2026/11/02 8:05:00 AM GMT+8,Rahmat,Kab. Tapin,0812 1111 0002\n" +
		"2026/11/03 9:00:00 AM GMT+8,Hamidah,Kab. Balangan,0812-1111-0001\n"
	r := c.ok("import", c.write("form.csv", []byte(form)))
	contains(t, "stdout", r.stdout, "2 volunteers: 2 added",
		"row 2 (Hamidah, Kab. Tapin, sent 2026/11/02 8:00:00 AM GMT+8) left out; row 4 kept, the same name and phone sent later for Kab. Balangan")
	// The office imported the first export before the second answer came.
	c2 := newCLI(t)
	c2.ok("import", c2.write("form1.csv", []byte(strings.Join(strings.Split(form, "\n")[:3], "\n")+"\n")))
	r = c2.ok("import", c2.write("form.csv", []byte(form)))
	contains(t, "stdout", r.stdout, "0 added, 1 updated, 1 unchanged")
	for _, cl := range []*cli{c, c2} {
		s := cl.stats()
		got := map[string]int{}
		for _, k := range s.Contingents {
			got[k.Name] = k.Expected
		}
		if s.Expected != 2 || got["Kab. Balangan"] != 1 || got["Kab. Tapin"] != 1 {
			t.Errorf("after the form: %d expected, %v; want Hamidah in Balangan and Rahmat in Tapin", s.Expected, got)
		}
	}
}

// dropRepeatedHeaders keeps the first header of CSV files pasted together.
func dropRepeatedHeaders(data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\r\n")
	out := []string{lines[0]}
	for _, l := range lines[1:] {
		if l != lines[0] {
			out = append(out, l)
		}
	}
	return []byte(strings.Join(out, ""))
}

// A shirt-size list of people of several contingents, with IDs and names
// but no contingent column, updates them: each row's contingent is the
// stored one. A row whose ID is not stored has no contingent to go to and
// is refused by name, and nothing changes.
func TestImportWithoutContingentColumnTakesTheStoredOne(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	tabalong, tapin := officePeople("Kab. Tabalong", 20), officePeople("Kab. Tapin", 20)
	people := append(tabalong, tapin...)
	c.ok("import", c.write("all.csv", officeCSV(";", people, colID("No Peserta"), colName("Nama"),
		colContingent("Kabupaten/Kota", ""), colPillar("Unsur PSKS"), colPhone("No. HP"))))
	before := c.exportedRoster()

	r := c.ok("import", c.write("kaos.csv", officeCSV(",", people, colID("ID Peserta"), colName("Nama"), colExtra("Ukuran Kaos", "Ukuran Kaos"))))
	contains(t, "stdout", r.stdout, "40 volunteers: 0 added, 40 updated")
	after := c.exportedRoster()
	for _, v := range people {
		b, a := before[v.ID], after[v.ID]
		if a["contingent"] != b["contingent"] || a["phone"] != b["phone"] || a["pillar"] != b["pillar"] || a["Ukuran Kaos"] != v.ExtraValue("Ukuran Kaos") {
			t.Fatalf("%s after the shirt list: %v; before %v", v.ID, a, b)
		}
	}

	stranger := model.Volunteer{ID: "JRS-XXX-0001", Name: "Orang Baru"}
	r = c.expect(1, "import", c.write("baru.csv", officeCSV(",", append(people[:1:1], stranger), colID("ID Peserta"), colName("Nama"))))
	contains(t, "stderr", r.stderr, "ID 'JRS-XXX-0001' is not in the store, and the file has no contingent column")
	if s := c.stats(); s.Expected != 40 {
		t.Errorf("a refused file changed the store: %d expected, want 40", s.Expected)
	}
}
