package model

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// searchRoster is a fixed roster of names as they appear in Indonesian
// registration forms: titles, Muhammad spellings, old spellings.
func searchRoster() []Volunteer {
	groups := []struct {
		code, contingent string
		names            []string
	}{
		{"BJM", "Kota Banjarmasin", []string{
			"Muhammad Rahman", "M. Rahman Hakim", "Abdul Rahman", "Rahmawati",
			"Rahmat Hidayat", "Khairul Anwar", "Chairul Saleh", "Hairul Fahmi",
			"Noor Hasanah", "Nurul Huda", "Nurhasanah", "Mahyuni", "Ma'ruf Amin",
		}},
		{"BJR", "Kota Banjarbaru", []string{
			"Soedjatmoko", "Soekarman", "Djoko Tjahjono", "Tjipto Wibowo",
			"Raden Soeharti", "Siti Chadidjah", "Khadijah", "Joesoef Hamzah",
			"Dr. Ir. Bambang Soesilo, M.Si.",
		}},
		{"BLG", "Kab. Balangan", []string{
			"Hj. Siti Aisyah", "Siti Aisyah Putri", "Siti Nurhaliza", "Nur Hidayah",
			"Antung Fatimah", "Aluh Rahmah", "Galuh Mariani", "Mariani", "Norhayati",
			"Gusti Muhammad Ridwan", "Gusti Rusdiansyah",
		}},
		{"TPN", "Kab. Tapin", []string{
			"Siti Aisyah", "Achmad Fauzi", "Ahmad Fauzan", "H. Ahmad Syarifuddin, S.Pd.",
			"Mochammad Iqbal", "Muhamad Arsyad", "Moh. Fadli", "Mhd. Hafiz",
			"Muhammad Ilham", "Ilham Maulana", "Yusuf Ramadhan", "Hajah Masitah",
		}},
		{"HSS", "Kab. Hulu Sungai Selatan", []string{
			"Andi Baso Amir", "Andi Nurhayati", "Asep Saepudin", "Euis Komariah",
			"Yohanes Setiawan", "Maria Yuliana", "Rabiatul Adawiyah", "Dewi Lestari",
			"Fitri Handayani", "Eko Prasetyo", "Budi Santoso", "Agus Salim",
		}},
		{"KTB", "Kab. Kotabaru", []string{
			"Sri Wahyuni", "Rina Susanti", "Zainuddin", "Hasanuddin", "Syamsul Bahri",
			"Iberahim", "Fahrurrazi", "Wahyudi", "Herliansyah", "Rizky Pratama",
			"Yayan Sopian", "Ahmad Rahmadi", "Sitti Rahmah",
		}},
	}
	var vs []Volunteer
	for _, g := range groups {
		for i, n := range g.names {
			vs = append(vs, Volunteer{
				ID:         fmt.Sprintf("JRS-%s-%04d", g.code, i+1),
				Name:       n,
				Contingent: g.contingent,
				Source:     SourceRoster,
			})
		}
	}
	return vs
}

func nameOf(vs []Volunteer, id string) string {
	for _, v := range vs {
		if v.ID == id {
			return v.Name
		}
	}
	return "?" + id
}

func matchNames(vs []Volunteer, ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = nameOf(vs, m.ID)
	}
	return out
}

func TestSearchQuality(t *testing.T) {
	vs := searchRoster()
	ix := NewIndex(vs)
	tests := []struct {
		query, contingent string
		want              string // name, or ID when it starts with JRS-
		rank              MatchRank
	}{
		{"moch rah", "", "Muhammad Rahman", RankWordPrefix},
		{"m rahman", "", "Muhammad Rahman", RankWordPrefix},
		{"m rahman hak", "", "M. Rahman Hakim", RankWordPrefix},
		{"sudjatmoko", "", "Soedjatmoko", RankWordPrefix},
		{"soedj", "", "Soedjatmoko", RankWordPrefix},
		{"siti aisyah", "", "Hj. Siti Aisyah", RankWordPrefix},
		{"aisyah siti", "", "Hj. Siti Aisyah", RankWordPrefix},
		{"siti aisyah", "Kab. Tapin", "Siti Aisyah", RankWordPrefix},
		{"sitti aisyah", "", "Hj. Siti Aisyah", RankWordPrefix},
		{"ahmad fauzi", "", "Achmad Fauzi", RankWordPrefix},
		{"joko cahyono", "", "Djoko Tjahjono", RankWordPrefix},
		{"tjahjono", "", "Djoko Tjahjono", RankWordPrefix},
		{"cipto", "", "Tjipto Wibowo", RankWordPrefix},
		{"jrs-blg-0001", "", "JRS-BLG-0001", RankExactID},
		{"JRS BJR 0003", "", "JRS-BJR-0003", RankExactID},
		{"jrs-bjr-00", "", "JRS-BJR-0001", RankIDPrefix},
		{"fatimha", "", "Antung Fatimah", RankFuzzy}, // letters swapped
		{"rahmwati", "", "Rahmawati", RankFuzzy},     // letter missing
		{"soedjatmko", "", "Soedjatmoko", RankFuzzy}, // letter missing
		{"muhammad ridwna", "", "Gusti Muhammad Ridwan", RankFuzzy},
		{"muhamad", "", "Muhamad Arsyad", RankWordPrefix}, // all spellings match, as typed first
		{"mochammad iq", "", "Mochammad Iqbal", RankWordPrefix},
		{"muhammad fadli", "", "Moh. Fadli", RankWordPrefix},
		{"mhd hafiz", "", "Mhd. Hafiz", RankWordPrefix},
		{"muhammad ilh", "", "Muhammad Ilham", RankWordPrefix},
		{"ilham", "", "Ilham Maulana", RankWordPrefix}, // first word before second
		{"gusti ridwan", "", "Gusti Muhammad Ridwan", RankWordPrefix},
		{"ridwan", "", "Gusti Muhammad Ridwan", RankWordPrefix},
		{"haji ahmad", "", "H. Ahmad Syarifuddin, S.Pd.", RankWordPrefix},
		{"hj siti", "", "Hj. Siti Aisyah", RankWordPrefix},
		{"dr bambang", "", "Dr. Ir. Bambang Soesilo, M.Si.", RankWordPrefix},
		{"syarifudin", "", "H. Ahmad Syarifuddin, S.Pd.", RankWordPrefix},
		{"bambang susilo", "", "Dr. Ir. Bambang Soesilo, M.Si.", RankWordPrefix},
		{"hairul saleh", "", "Chairul Saleh", RankWordPrefix},
		{"khairul", "", "Khairul Anwar", RankWordPrefix},
		{"siti khadijah", "", "Siti Chadidjah", RankWordPrefix},
		{"noor has", "", "Noor Hasanah", RankWordPrefix},
		{"nurhas", "", "Nurhasanah", RankWordPrefix},
		{"nur hi", "", "Nur Hidayah", RankWordPrefix},
		{"yusuf ramadan", "", "Yusuf Ramadhan", RankWordPrefix},
		{"jusuf hamzah", "", "Joesoef Hamzah", RankWordPrefix},
		{"suharti", "", "Raden Soeharti", RankWordPrefix},
		{"maruf", "", "Ma'ruf Amin", RankWordPrefix},
		{"amir", "", "Andi Baso Amir", RankWordPrefix},
		{"andi", "", "Andi Nurhayati", RankWordPrefix}, // shorter name first
		{"antung", "", "Antung Fatimah", RankWordPrefix},
		{"hajjah masitah", "", "Hajah Masitah", RankWordPrefix},
		{"rabiatul", "", "Rabiatul Adawiyah", RankWordPrefix},
		{"euis kom", "", "Euis Komariah", RankWordPrefix},
		{"m", "", "Mahyuni", RankWordPrefix},
		{"s", "", "Soedjatmoko", RankWordPrefix},
		{"z", "", "Zainuddin", RankWordPrefix},
		{"a", "Kab. Tapin", "Ahmad Fauzan", RankWordPrefix},
		{"fahrurazi", "", "Fahrurrazi", RankWordPrefix},
		{"ibrahim", "", "Iberahim", RankFuzzy},
	}
	for _, tt := range tests {
		got := ix.Search(Query{Text: tt.query, Contingent: tt.contingent, Limit: 10})
		if len(got) == 0 {
			t.Errorf("%q: no results, want %s", tt.query, tt.want)
			continue
		}
		gotName := nameOf(vs, got[0].ID)
		if strings.HasPrefix(tt.want, "JRS-") {
			gotName = got[0].ID
		}
		if gotName != tt.want || got[0].Rank != tt.rank {
			t.Errorf("%q (%s): top is %s (%v), want %s (%v); all: %q",
				tt.query, tt.contingent, gotName, got[0].Rank, tt.want, tt.rank, matchNames(vs, got))
		}
	}
}

func TestSearchMuhammadFamily(t *testing.T) {
	vs := searchRoster()
	ix := NewIndex(vs)
	family := []string{"Muhammad Rahman", "M. Rahman Hakim", "Gusti Muhammad Ridwan",
		"Mochammad Iqbal", "Muhamad Arsyad", "Moh. Fadli", "Mhd. Hafiz", "Muhammad Ilham"}
	for _, q := range []string{"muhammad", "muhamad", "mohammad", "moch", "moh", "mhd", "muh "} {
		got := matchNames(vs, ix.Search(Query{Text: q}))
		if len(got) < len(family) {
			t.Fatalf("%q: %d results, want at least %d: %q", q, len(got), len(family), got)
		}
		head := slices.Clone(got[:len(family)])
		slices.Sort(head)
		want := slices.Clone(family)
		slices.Sort(want)
		if !slices.Equal(head, want) {
			t.Errorf("%q: first results %q, want the Muhammad family %q", q, got[:len(family)], family)
		}
	}
	// The first keystroke "m" must not hide names that merely start with m.
	got := matchNames(vs, ix.Search(Query{Text: "m"}))
	for _, want := range []string{"Mariani", "Galuh Mariani", "Muhammad Rahman", "M. Rahman Hakim", "Maria Yuliana"} {
		if !slices.Contains(got, want) {
			t.Errorf(`"m" misses %s: %q`, want, got)
		}
	}
}

// Typing a word letter by letter, the selected row must not jump while it
// still matches as well as before (same rank, same score). It may move when
// the letters typed stop matching its name as written ("muhamm" leaves
// "Muhamad" for "Muhammad"), or at a space: a finished word prefers names
// with that whole word.
func TestSearchStableWhileTyping(t *testing.T) {
	vs := searchRoster()
	ix := NewIndex(vs)
	for _, word := range []string{"rahmawati", "fatimah", "soedjatmoko", "ridwan",
		"siti aisyah", "nur hidayah", "muhammad rahman", "hasanuddin", "andi nurhayati",
		"mariani", "khairul anwar", "yusuf ramadhan"} {
		var prev Match
		for i := 1; i <= len(word); i++ {
			got := ix.Search(Query{Text: word[:i], Limit: 40})
			if len(got) == 0 {
				t.Fatalf("%q: no results", word[:i])
			}
			still := slices.Contains(got, prev)
			if i > 1 && word[i-1] != ' ' && got[0].ID != prev.ID && still {
				t.Errorf("%q: top jumped from %s to %s, though %s still matches",
					word[:i], nameOf(vs, prev.ID), nameOf(vs, got[0].ID), nameOf(vs, prev.ID))
			}
			prev = got[0]
		}
	}
}

func TestSearchDeterministic(t *testing.T) {
	vs := searchRoster()
	rev := slices.Clone(vs)
	slices.Reverse(rev)
	a, b := NewIndex(vs), NewIndex(rev)
	// Built one by one through Add, the index must answer the same.
	c := NewIndex(nil)
	for _, v := range rev {
		c.Add(v)
	}
	for _, q := range []string{"a", "m", "s", "siti", "nur", "rah", "achmd", "h", "jrs-", "jrs-b0", ""} {
		ra := a.Search(Query{Text: q})
		for _, other := range []*Index{b, c} {
			if rb := other.Search(Query{Text: q}); !slices.Equal(ra, rb) {
				t.Errorf("%q: results depend on roster order:\n%q\n%q", q, matchNames(vs, ra), matchNames(vs, rb))
			}
		}
		if again := a.Search(Query{Text: q}); !slices.Equal(ra, again) {
			t.Errorf("%q: two searches differ", q)
		}
	}
}

func TestSearchEmptyAndLimits(t *testing.T) {
	ix := NewIndex(searchRoster())
	for _, q := range []string{"", "   ", "...", "-"} {
		if got := ix.Search(Query{Text: q}); got != nil {
			t.Errorf("%q: %d results, want none", q, len(got))
		}
	}
	if got := ix.Search(Query{Text: "a", Limit: 3}); len(got) != 3 {
		t.Errorf("limit 3: %d results", len(got))
	}
	if got := ix.Search(Query{Text: "siti", Contingent: "Kab. Entah"}); got != nil {
		t.Errorf("unknown contingent: %d results", len(got))
	}
	for _, m := range ix.Search(Query{Text: "a", Contingent: "Kab. Balangan"}) {
		if !strings.Contains(m.ID, "-BLG-") {
			t.Errorf("contingent filter let %s through", m.ID)
		}
	}
	// Letters alone never list IDs: "jrs" is in every ID.
	for _, m := range ix.Search(Query{Text: "jrs"}) {
		if m.Rank <= RankIDPrefix {
			t.Errorf(`"jrs" matched ID %s`, m.ID)
		}
	}
	// Each volunteer appears once, at its best rank, and ranks never go back.
	got := ix.Search(Query{Text: "jrs-bjm-0001"})
	if len(got) != 1 || got[0].Rank != RankExactID {
		t.Errorf("exact ID: %+v", got)
	}
	seen := map[string]bool{}
	last := RankExactID
	for _, m := range ix.Search(Query{Text: "ra"}) {
		if seen[m.ID] || m.Rank < last {
			t.Errorf(`"ra": %s repeated or out of rank order`, m.ID)
		}
		seen[m.ID], last = true, m.Rank
	}
}

func TestSearchAdd(t *testing.T) {
	vs := searchRoster()
	ix := NewIndex(vs)
	n := ix.Len()
	walkIn := Volunteer{ID: "WALK-0001", Name: "Hadi Saputra", Contingent: "Kab. Tapin", Source: SourceWalkIn}
	if got := ix.Search(Query{Text: "hadi sap"}); len(got) != 0 {
		t.Fatalf("found %q before it was added", matchNames(vs, got))
	}
	ix.Add(walkIn)
	if ix.Len() != n+1 {
		t.Errorf("Len = %d, want %d", ix.Len(), n+1)
	}
	for _, q := range []string{"hadi sap", "saputra", "walk-0001", "walk0001"} {
		got := ix.Search(Query{Text: q, Contingent: "Kab. Tapin"})
		if len(got) == 0 || got[0].ID != walkIn.ID {
			t.Errorf("%q: walk-in not found first: %+v", q, got)
		}
	}

	// A corrected name replaces the old one; the ID stays.
	walkIn.Name, walkIn.Contingent = "Hadi Kurniawan", "Kab. Balangan"
	ix.Add(walkIn)
	if ix.Len() != n+1 {
		t.Errorf("Len after update = %d, want %d", ix.Len(), n+1)
	}
	if got := ix.Search(Query{Text: "saputra"}); len(got) != 0 {
		t.Errorf("old name still found: %+v", got)
	}
	if got := ix.Search(Query{Text: "hadi kur", Contingent: "Kab. Balangan"}); len(got) == 0 || got[0].ID != walkIn.ID {
		t.Errorf("new name not found: %+v", got)
	}
	for _, m := range ix.Search(Query{Text: "hadi", Contingent: "Kab. Tapin"}) {
		if m.ID == walkIn.ID {
			t.Errorf("old contingent still matches: %+v", m)
		}
	}

	// Updating a roster name re-indexes it too.
	ix.Add(Volunteer{ID: "JRS-BJR-0001", Name: "Soekarno", Contingent: "Kota Banjarbaru"})
	if got := ix.Search(Query{Text: "sudjat"}); len(got) != 0 && got[0].ID == "JRS-BJR-0001" {
		t.Errorf("old name of JRS-BJR-0001 still found first")
	}
	if got := ix.Search(Query{Text: "sukarno"}); len(got) == 0 || got[0].ID != "JRS-BJR-0001" {
		t.Errorf("renamed volunteer not found: %+v", got)
	}
}

func TestSearchConcurrentReaders(t *testing.T) {
	ix := NewIndex(searchRoster())
	want := ix.Search(Query{Text: "siti", Limit: 5})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := ix.Search(Query{Text: "siti", Limit: 5}); !slices.Equal(got, want) {
					t.Error("concurrent search differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestNormalisation(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Soedjatmoko", "Sujatmoko"}, {"Tjahjono", "Cahyono"}, {"Achmad", "Ahmad"},
		{"Akhmad", "Ahmad"}, {"Chairul", "Khairul"}, {"Noor", "Nur"}, {"Sitti", "Siti"},
		{"Ramadhan", "Ramadan"}, {"Mochammad", "M."}, {"Moch.", "Muhammad"}, {"Ma'ruf", "Maruf"},
		{"Joesoef", "Yusuf"}, {"Hajjah", "Hj."}, {"Abd.", "Abdul"}, {"Renée", "Renee"},
	} {
		wa, wb := nameWords(tt.a), nameWords(tt.b)
		if len(wa) != 1 || len(wb) != 1 || wa[0].norm != wb[0].norm {
			t.Errorf("%q and %q normalise to %+v and %+v", tt.a, tt.b, wa, wb)
		}
	}
	ws := nameWords("Dr. H. Ahmad Fauzi, S.Pd., M.Pd.")
	var real []string
	for _, w := range ws {
		if !w.title {
			real = append(real, w.fold)
		}
	}
	if !slices.Equal(real, []string{"ahmad", "fauzi"}) {
		t.Errorf("titles: %+v", ws)
	}
	if ws := nameWords("H."); len(ws) != 1 || ws[0].title {
		t.Errorf(`"H." alone must stay a name word: %+v`, ws)
	}
}

// Over a generated roster: every name typed letter by letter keeps its top
// row while it matches as well as before, every full name finds its owner,
// and a limited search is the start of the unlimited one (the pruning that
// makes a keystroke cheap changes nothing).
func TestSearchRosterProperties(t *testing.T) {
	vs := GenerateRoster(3000, 1)
	ix := NewIndex(vs)
	step := 15
	if testing.Short() {
		step = 150
	}
	for i := 0; i < len(vs); i += step {
		v := vs[i]
		cont := ""
		if i%2 == 0 {
			cont = v.Contingent
		}
		text := strings.ToLower(v.Name)
		var prev Match
		for n := 1; n <= len(text); n++ {
			q := Query{Text: text[:n], Contingent: cont, Limit: 40}
			got := ix.Search(q)
			if len(got) == 0 {
				t.Fatalf("%+v: no results", q)
			}
			// Within a word: a new word may reorder, as it adds points.
			inWord := n > 1 && !strings.ContainsAny(text[n-2:n], " .,")
			if inWord && got[0].ID != prev.ID && slices.Contains(got, prev) {
				t.Errorf("%q: top jumped from %s to %s", q.Text, nameOf(vs, prev.ID), nameOf(vs, got[0].ID))
			}
			prev = got[0]
			checkLimited(t, ix, q, got)
		}
		// Typos: two letters swapped, one dropped, one doubled; words reversed.
		fs := strings.Fields(text)
		slices.Reverse(fs)
		variants := []string{strings.Join(fs, " ")}
		for p := 1; p+1 < len(text); p += 2 {
			b := []byte(text)
			b[p], b[p+1] = b[p+1], b[p]
			variants = append(variants, string(b), text[:p]+text[p+1:], text[:p]+text[p:p+1]+text[p:])
		}
		for _, s := range variants {
			q := Query{Text: s, Contingent: cont, Limit: 40}
			checkLimited(t, ix, q, ix.Search(q))
		}
		got := ix.Search(Query{Text: v.Name, Limit: 40})
		if !slices.ContainsFunc(got, func(m Match) bool { return m.ID == v.ID }) {
			t.Errorf("full name %q does not find %s", v.Name, v.ID)
		}
	}
	// Large limits take another path: sort everything once.
	for _, text := range []string{"a", "siti", "m rah", "nurs"} {
		q := Query{Text: text, Limit: 1500}
		checkLimited(t, ix, q, ix.Search(q))
	}
}

func checkLimited(t *testing.T, ix *Index, q Query, limited []Match) {
	t.Helper()
	all := ix.Search(Query{Text: q.Text, Contingent: q.Contingent})
	if want := all[:min(len(all), q.Limit)]; !slices.Equal(limited, want) {
		t.Errorf("%+v: gives %v,\nwant the first %d of all: %v", q, limited, q.Limit, want)
	}
}
