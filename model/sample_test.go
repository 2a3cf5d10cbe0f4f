package model

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	sampleIDRe    = regexp.MustCompile(`^JRS-[A-Z]{3}-\d{4,}$`)
	samplePhoneRe = regexp.MustCompile(`^08\d{9,11}$`)
)

// checkRoster checks the invariants every generated roster keeps.
func checkRoster(t *testing.T, vs []Volunteer) {
	t.Helper()
	ids := make(map[string]bool, len(vs))
	leaders := map[string]int{}
	members := map[string]int{}
	for i, v := range vs {
		if v.ID == "" || !sampleIDRe.MatchString(v.ID) {
			t.Fatalf("row %d: bad ID %q", i, v.ID)
		}
		if ids[v.ID] {
			t.Fatalf("row %d: duplicate ID %q", i, v.ID)
		}
		ids[v.ID] = true
		if w := len(strings.Fields(v.Name)); w < 1 || w > 5 || strings.TrimSpace(v.Name) != v.Name {
			t.Fatalf("row %d: name %q has %d words", i, v.Name, w)
		}
		if v.Gender != "L" && v.Gender != "P" {
			t.Fatalf("row %d: gender %q", i, v.Gender)
		}
		if !slices.Contains(Contingents, v.Contingent) {
			t.Fatalf("row %d: unknown contingent %q", i, v.Contingent)
		}
		if !slices.Contains(Pillars, v.Pillar) {
			t.Fatalf("row %d: unknown pillar %q", i, v.Pillar)
		}
		if !samplePhoneRe.MatchString(v.Phone) {
			t.Fatalf("row %d: bad phone %q", i, v.Phone)
		}
		if v.Source != SourceRoster {
			t.Fatalf("row %d: source %q", i, v.Source)
		}
		if len(v.Extra) != 2 || v.ExtraValue("Ukuran Kaos") == "" || v.ExtraValue("Golongan Darah") == "" {
			t.Fatalf("row %d: extra %v", i, v.Extra)
		}
		if strings.HasPrefix(v.Name, "H. ") && v.Gender != "L" || strings.HasPrefix(v.Name, "Hj. ") && v.Gender != "P" {
			t.Fatalf("row %d: title of %q does not match gender %s", i, v.Name, v.Gender)
		}
		members[v.Contingent]++
		if v.Leader {
			leaders[v.Contingent]++
			if !strings.HasSuffix(v.ID, "-0001") {
				t.Errorf("row %d: leader %s is not the first of the contingent", i, v.ID)
			}
		}
	}
	for c := range members {
		if leaders[c] != 1 {
			t.Errorf("contingent %s has %d leaders, want 1", c, leaders[c])
		}
	}
}

func TestGenerateRosterSizes(t *testing.T) {
	for _, n := range []int{-5, 0, 1, 17, 3000, 100000} {
		vs := GenerateRoster(n, 1)
		want := max(n, 0)
		if len(vs) != want {
			t.Fatalf("GenerateRoster(%d): %d volunteers, want %d", n, len(vs), want)
		}
		checkRoster(t, vs)
	}
}

func TestGenerateRosterDeterministic(t *testing.T) {
	a, b := GenerateRoster(700, 42), GenerateRoster(700, 42)
	for i := range a {
		if !a[i].Equal(b[i]) {
			t.Fatalf("row %d differs for the same seed:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	c := GenerateRoster(700, 43)
	differ := 0
	for i := range a {
		if a[i].Name != c[i].Name || a[i].Phone != c[i].Phone {
			differ++
		}
	}
	if differ < len(a)/2 {
		t.Errorf("seeds 42 and 43 differ in only %d of %d rows", differ, len(a))
	}
}

func TestGenerateRosterBalanganShare(t *testing.T) {
	for _, n := range []int{30, 299, 1000, 2999, 3000, 3001, 4500, 12345} {
		got := 0
		for _, v := range GenerateRoster(n, 5) {
			if v.Contingent == "Kab. Balangan" {
				got++
			}
		}
		if d := got*30 - n; d <= -30 || d >= 30 {
			t.Errorf("n=%d: Balangan has %d, want about %d", n, got, n/30)
		}
	}
}

func TestDemoRoster(t *testing.T) {
	vs := DemoRoster()
	if len(vs) != 3000 {
		t.Fatalf("DemoRoster: %d volunteers, want 3000", len(vs))
	}
	checkRoster(t, vs)
	count := map[string]int{}
	for _, v := range vs {
		count[v.Contingent]++
	}
	if count["Kab. Balangan"] != 100 {
		t.Errorf("Kab. Balangan has %d, want 100", count["Kab. Balangan"])
	}
	for _, c := range Contingents {
		if count[c] == 0 {
			t.Errorf("contingent %s is missing", c)
		}
	}
	if count["Kota Banjarmasin"] <= count["Kab. Tapin"] || count["Kab. Banjar"] <= count["Prov. Jawa Barat"] {
		t.Errorf("contingent sizes are not uneven as expected: %v", count)
	}
	pins := []struct{ id, name, gender, pillar string }{
		{"JRS-BJM-0002", "Muhammad Rahman", "L", "Tagana"},
		{"JRS-BJR-0003", "Soedjatmoko", "L", "Penyuluh Sosial"},
		{"JRS-BLG-0002", "Siti Aisyah", "P", "Pendamping PKH"},
	}
	for _, p := range pins {
		i := slices.IndexFunc(vs, func(v Volunteer) bool { return v.ID == p.id })
		if i < 0 || vs[i].Name != p.name || vs[i].Gender != p.gender || vs[i].Pillar != p.pillar {
			t.Errorf("want %s = %s (%s, %s)", p.id, p.name, p.gender, p.pillar)
		}
	}
	if DemoRoster()[0].Name != vs[0].Name {
		t.Error("DemoRoster is not stable")
	}
	vs[0].Name = "changed"
	if DemoRoster()[0].Name == "changed" {
		t.Error("DemoRoster returns shared data")
	}
}

func TestDemoRosterNames(t *testing.T) {
	vs := DemoRoster()
	muhammad := []string{"Muhammad", "Muhamad", "Mohammad", "Mochammad", "Moch.", "Moh.", "M."}
	var nMuh, nOld, nSiti, nWomen, nTitle, nFive, nSingle int
	distinct := map[string]bool{}
	for _, v := range vs {
		distinct[v.Name] = true
		words := strings.Fields(v.Name)
		for _, w := range words {
			if slices.Contains(muhammad, w) {
				nMuh++
				break
			}
		}
		lower := strings.ToLower(v.Name)
		if strings.Contains(lower, "oe") || strings.Contains(lower, "dj") || strings.Contains(lower, "tj") {
			nOld++
		}
		if words[0] == "Siti" || words[0] == "Nurul" {
			nSiti++
			if v.Gender != "P" {
				t.Errorf("%s %q is not P", v.ID, v.Name)
			}
		}
		if words[0] == "H." || words[0] == "Hj." {
			nTitle++
		}
		if v.Gender == "P" {
			nWomen++
		}
		switch len(words) {
		case 1:
			nSingle++
		case 5:
			nFive++
		}
	}
	t.Logf("Muhammad %d, old spellings %d, Siti/Nurul %d, women %d, titled %d, single %d, five words %d, distinct %d",
		nMuh, nOld, nSiti, nWomen, nTitle, nSingle, nFive, len(distinct))
	if nMuh < 100 || nOld < 30 || nSiti < 50 || nTitle < 30 || nSingle < 100 {
		t.Error("names lack variety")
	}
	if nWomen < 900 || nWomen > 2100 {
		t.Errorf("%d women of 3000", nWomen)
	}
	if len(distinct) < 2850 {
		t.Errorf("%d distinct names of 3000: want mostly distinct, with a few namesakes", len(distinct))
	}
}

func TestSampleTables(t *testing.T) {
	sum := 0
	codes := map[string]bool{}
	for _, c := range genContingents {
		sum += c.weight
		codes[c.code] = true
	}
	if sum != genTotalWeight || len(codes) != len(genContingents) || len(Contingents) != 16 {
		t.Errorf("contingent table: weights sum to %d, %d codes, %d contingents", sum, len(codes), len(Contingents))
	}
	if len(Pillars) != 14 || len(slices.Compact(slices.Sorted(slices.Values(Pillars)))) != 14 {
		t.Errorf("pillars: %v", Pillars)
	}
}

func BenchmarkGenerateRoster(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		GenerateRoster(100000, 1)
	}
}
