package model

import (
	"strconv"
	"strings"
	"testing"
)

func rv(id, name, contingent, phone string) Volunteer {
	return Volunteer{ID: id, Name: name, Contingent: contingent, Phone: phone, Source: SourceRoster}
}

// gen is a row of a file without IDs, with the ID the parser made up.
func gen(line int, name, contingent, phone string) ImportRow {
	v := rv("", name, contingent, phone)
	v.ID = generatedID(personKey(name, contingent) + "|" + phone)
	return ImportRow{Volunteer: v, Line: line, Generated: true}
}

func withID(line int, id, name, contingent string) ImportRow {
	return ImportRow{Volunteer: rv(id, name, contingent, ""), Line: line}
}

func ids(vs []Volunteer) string {
	var s []string
	for _, v := range vs {
		s = append(s, v.ID+"="+v.Name)
	}
	return strings.Join(s, ",")
}

func TestPlanImport(t *testing.T) {
	tapin := []Volunteer{rv("1", "Ahmad", "Kab. Tapin", ""), rv("2", "Bahrul", "Kab. Tapin", ""), rv("3", "Cici", "Kab. Tapin", "")}
	tests := []struct {
		name       string
		stored     []Volunteer
		events     string // IDs with events, comma-separated
		rows       []ImportRow
		opt        ImportOptions
		conflicts  string // "line:ID" of each conflict
		ambiguous  string // lines
		added      string
		updated    string
		kept       string
		unified    int
		corrected  string
		renumbered string
		moved      string
	}{
		{
			name: "another office's list numbered from 1 is refused", stored: tapin, events: "1",
			rows:      []ImportRow{withID(2, "1", "Dedi", "Kab. Balangan"), withID(3, "2", "Euis", "Kab. Balangan")},
			conflicts: "2:1,3:2", kept: "3=Cici",
		},
		{
			name: "with --id-prefix it is added", stored: tapin,
			rows: []ImportRow{withID(2, "1", "Dedi", "Kab. Balangan"), withID(3, "2", "Euis", "Kab. Balangan")},
			opt:  ImportOptions{IDPrefix: "BLG"}, added: "BLG-1=Dedi,BLG-2=Euis", // Tapin's people are not Balangan's file's business
		},
		{
			name:   "one office's file lists as not in it only the people of its own contingent",
			stored: append(append([]Volunteer(nil), tapin...), rv("B1", "Dedi", "Kab. Balangan", ""), rv("B2", "Euis", "Kab. Balangan", "")),
			rows:   []ImportRow{withID(2, "B1", "Dedi", "Kabupaten Balangan")}, kept: "B2=Euis", unified: 1,
		},
		{
			name: "a list numbered anew is noted: the same people under new IDs", stored: tapin,
			rows:  []ImportRow{withID(2, "1", "Ahmad", "Kab. Tapin"), withID(3, "TPN-2", "Bahrul", "Kab. Tapin"), withID(4, "TPN-9", "Rahmat", "Kab. Tapin")},
			added: "TPN-2=Bahrul,TPN-9=Rahmat", kept: "2=Bahrul,3=Cici", renumbered: "3",
		},
		{
			name: "another name under an ID is refused", stored: tapin,
			rows: []ImportRow{withID(2, "1", "Dedi", "Kab. Tapin")}, conflicts: "2:1", kept: "2=Bahrul,3=Cici",
		},
		{
			name: "--allow-rename lets a real correction through", stored: tapin, events: "1",
			rows: []ImportRow{withID(2, "1", "Dedi", "Kab. Balangan")}, opt: ImportOptions{AllowRename: true},
			updated: "1=Dedi",
		},
		{
			name: "a corrected typo and another spelling of the contingent are the same person", stored: tapin,
			rows:    []ImportRow{withID(2, "001", "AHMAD", "kabupaten tapin"), withID(3, "2.0", "Bahrul", "KAB. TAPIN"), withID(4, "3", "Cici", "Kab. Tapin")},
			updated: "1=AHMAD", unified: 2,
		},
		{
			name:   "a file without IDs updates the person whose phone was fixed",
			stored: []Volunteer{rv("G-A", "Hamidah", "Kab. Tapin", "0812")},
			rows:   []ImportRow{gen(2, "Hamidah", "Kab. Tapin", "0813")}, updated: "G-A=Hamidah",
		},
		{
			name:   "namesakes are told apart by phone",
			stored: []Volunteer{rv("G-A", "Hamidah", "Kab. Tapin", "0812"), rv("G-B", "Hamidah", "Kab. Tapin", "0857")},
			rows:   []ImportRow{gen(2, "Hamidah", "Kab. Tapin", "0857"), gen(3, "Hamidah", "Kab. Tapin", "0812")},
		},
		{
			name:   "namesakes that phones cannot tell apart are refused",
			stored: []Volunteer{rv("G-A", "Hamidah", "Kab. Tapin", "0812"), rv("G-B", "Hamidah", "Kab. Tapin", "0857")},
			rows:   []ImportRow{gen(2, "Hamidah", "Kab. Tapin", "0811")}, ambiguous: "2",
		},
		{
			name:   "a new namesake is added beside the stored one",
			stored: []Volunteer{rv("G-A", "Hamidah", "Kab. Tapin", "0812")},
			rows:   []ImportRow{gen(2, "Hamidah", "Kab. Tapin", "0812"), gen(3, "Hamidah", "Kab. Tapin", "0857")},
			added:  gen(3, "Hamidah", "Kab. Tapin", "0857").ID + "=Hamidah",
		},
		{
			name:    "a name corrected by a letter updates the person",
			stored:  []Volunteer{rv("G-A", "Siti Aisyah", "Kab. Tapin", "0812"), rv("G-B", "Rahmat", "Kab. Tapin", "")},
			rows:    []ImportRow{gen(2, "Siti Aisah", "Kab. Tapin", ""), gen(3, "Rahmat", "Kab. Tapin", "")},
			updated: "G-A=Siti Aisah", corrected: "2",
		},
		{
			name:   "a similar name with another phone is another person",
			stored: []Volunteer{rv("G-A", "Siti Aisyah", "Kab. Tapin", "0812")},
			rows:   []ImportRow{gen(2, "Siti Aisah", "Kab. Tapin", "0899")},
			added:  gen(2, "Siti Aisah", "Kab. Tapin", "0899").ID + "=Siti Aisah", kept: "G-A=Siti Aisyah",
		},
		{
			name:    "the same name and phone in another contingent is the same person, moved",
			stored:  []Volunteer{rv("G-A", "Hamidah", "Kab. Tapin", "0812"), rv("G-B", "Rina", "Kab. Tapin", "0813")},
			rows:    []ImportRow{gen(2, "Rina", "Kab. Tapin", "0813"), gen(3, "Hamidah", "Kab. Balangan", "0812")},
			updated: "G-A=Hamidah", moved: "3",
		},
		{
			name:   "with an ID, the same name and phone in another contingent is noted, not guessed",
			stored: []Volunteer{rv("1", "Hamidah", "Kab. Tapin", "0812")},
			rows:   []ImportRow{{Volunteer: rv("B7", "Hamidah", "Kab. Balangan", "0812"), Line: 3}},
			added:  "B7=Hamidah", renumbered: "3",
		},
		{
			name:   "two stored people of that name and phone: not guessed",
			stored: []Volunteer{rv("G-A", "Hamidah", "Kab. Tapin", "0812"), rv("G-C", "Hamidah", "Kab. Tabalong", "0812")},
			rows:   []ImportRow{gen(3, "Hamidah", "Kab. Balangan", "0812")},
			added:  gen(3, "Hamidah", "Kab. Balangan", "0812").ID + "=Hamidah",
		},
		{
			name:    "a file that gains an ID column adopts the IDs",
			stored:  []Volunteer{rv("G-A", "Hamidah", "Kab. Tapin", "0812")},
			rows:    []ImportRow{withID(2, "TPN-7", "Hamidah", "Kab. Tapin")},
			updated: "TPN-7=Hamidah",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			events := map[string]bool{}
			for _, id := range strings.Split(tc.events, ",") {
				events[id] = id != ""
			}
			p := PlanImport(tc.stored, func(id string) bool { return events[id] }, tc.rows, tc.opt)
			var conf, amb, corr []string
			for _, c := range p.Conflicts {
				conf = append(conf, strconv.Itoa(c.Line)+":"+c.ID)
				if c.HasEvents != events[c.ID] {
					t.Errorf("conflict on %s says events %v", c.ID, c.HasEvents)
				}
			}
			for _, a := range p.Ambiguous {
				amb = append(amb, strconv.Itoa(a.Line))
			}
			for _, c := range p.Corrections {
				corr = append(corr, strconv.Itoa(c.Line))
			}
			var renum []string
			for _, c := range p.Renumbered {
				renum = append(renum, strconv.Itoa(c.Line))
			}
			check := func(what, got, want string) {
				if got != want {
					t.Errorf("%s: got %q, want %q", what, got, want)
				}
			}
			check("conflicts", strings.Join(conf, ","), tc.conflicts)
			check("ambiguous", strings.Join(amb, ","), tc.ambiguous)
			check("corrections", strings.Join(corr, ","), tc.corrected)
			check("renumbered", strings.Join(renum, ","), tc.renumbered)
			var moved []string
			for _, c := range p.Moved {
				moved = append(moved, strconv.Itoa(c.Line))
			}
			check("moved", strings.Join(moved, ","), tc.moved)
			check("refused", boolWord(p.Refused()), boolWord(tc.conflicts+tc.ambiguous != ""))
			if p.Refused() {
				return
			}
			check("added", ids(p.Added), tc.added)
			check("updated", ids(p.Updated), tc.updated)
			check("kept", ids(p.Kept), tc.kept)
			if p.Unified != tc.unified {
				t.Errorf("unified %d rows, want %d", p.Unified, tc.unified)
			}
		})
	}
}

func boolWord(b bool) string {
	if b {
		return "refused"
	}
	return "accepted"
}
