package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"hadir/internal/testclock"
)

// contingentView is what a screen shows of one contingent, members sorted:
// their order is the roster's, itself an input.
type contingentView struct {
	Name                             string
	Members                          []string
	Tally                            Tally
	Confirm, DepartConfirm           string
	ConfirmValid, DepartConfirmValid bool
}

func viewContingents(s *State) []contingentView {
	var out []contingentView
	for _, c := range s.Contingents() {
		v := contingentView{Name: c.Name, Members: slices.Sorted(slices.Values(s.Members(c.Name))), Tally: c.Tally,
			ConfirmValid: c.ConfirmValid, DepartConfirmValid: c.DepartConfirmValid}
		if c.Confirm != nil {
			v.Confirm = c.Confirm.ID
		}
		if c.DepartConfirm != nil {
			v.DepartConfirm = c.DepartConfirm.ID
		}
		out = append(out, v)
	}
	return out
}

// spellingsLog is a roster and a log whose records spell the Banjars and
// Balangan in every way an office does; some records come in walk-ins, so
// the order they reach the fold is the events' order.
func spellingsLog() ([]Volunteer, []Event) {
	roster := []Volunteer{
		rv("1", "Ahmad", "Kab. Banjar", ""), rv("2", "Bahrul", "KABUPATEN BANJAR", ""),
		rv("3", "Cici", "Banjar", ""), rv("4", "Dedi", "Kota Banjarbaru", ""),
		rv("5", "Euis", "Kota Banjar", ""), rv("6", "Fajar", "Balangan", ""),
		rv("7", "Gusti", "Kab Balangan", ""), rv("8", "Hasan", "kab. banjar", ""),
	}
	t0 := testclock.Epoch().UTC()
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	var events []Event
	add := func(e Event) {
		e.ID, e.At, e.Station = EventID("s", uint64(len(events)+1)), at(len(events)+1), "s"
		events = append(events, e)
	}
	walkIn := func(id, name, contingent string) {
		v := Volunteer{ID: id, Name: name, Contingent: contingent, Source: SourceWalkIn}
		add(Event{Kind: KindWalkIn, Volunteer: id, Record: &v})
	}
	walkIn("W1", "Indah", "Kab. Balangan")
	walkIn("W2", "Joko", "BANJAR")
	walkIn("W3", "Kiki", "KOTA BANJAR")
	for _, id := range []string{"1", "2", "3", "5", "6", "7", "8", "W1", "W2", "W3"} {
		add(Event{Kind: KindArrive, Volunteer: id})
	}
	add(Event{Kind: KindExcuse, Volunteer: "4", Reason: ReasonSick})
	// Sign-offs as each station showed the contingent when it was made.
	add(Event{Kind: KindConfirm, Contingent: "Balangan", Leader: "Pak Rudi"})
	add(Event{Kind: KindConfirm, Contingent: "KABUPATEN BANJAR", Leader: "Bu Sari"})
	add(Event{Kind: KindConfirm, Contingent: "Kota Banjarbaru", Leader: "Pak Anang"})
	add(Event{Kind: KindConfirm, Contingent: "Banjar", Leader: "Bu Ita"})
	add(Event{Kind: KindDepart, Volunteer: "5"})
	add(Event{Kind: KindDepart, Volunteer: "W3"})
	add(Event{Kind: KindConfirm, Contingent: "kodya banjar", Leader: "Pak Udin", Reason: PhaseDeparture})
	add(Event{Kind: KindWithdraw, Contingent: "Kab. Banjar", Reason: PhaseArrival, Note: "dihitung ulang"})
	add(Event{Kind: KindRename, Contingent: "Kota Banjarbaru", Note: "Kota Banjar Baru"})
	return roster, events
}

// Replicas receive the same records and events in any order: every order
// shows the same contingents, members, tallies and sign-offs.
func TestContingentsDoNotDependOnArrivalOrder(t *testing.T) {
	roster, events := spellingsLog()
	ref, err := Fold(roster, events)
	if err != nil {
		t.Fatal(err)
	}
	want := viewContingents(ref)
	var names []string
	for _, c := range want {
		names = append(names, c.Name)
	}
	// The set's answer: the two spellings of a Kabupaten are one, bare
	// Balangan is the Kabupaten (only one kind of it), bare Banjar stays
	// apart (a Kab. and a Kota of it).
	if wantNames := []string{"Banjar", "Kab Balangan", "Kab. Banjar", "Kota Banjar", "Kota Banjar Baru"}; !slices.Equal(names, wantNames) {
		t.Fatalf("contingents %q, want %q", names, wantNames)
	}
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 20))
		r, e := slices.Clone(roster), slices.Clone(events)
		rng.Shuffle(len(r), func(i, j int) { r[i], r[j] = r[j], r[i] })
		rng.Shuffle(len(e), func(i, j int) { e[i], e[j] = e[j], e[i] })
		// Half fold at once, as a store opens; half apply one by one after a
		// part of the roster, as a replica merges.
		var s *State
		if seed%2 == 0 {
			if s, err = Fold(r, e); err != nil {
				t.Fatal(err)
			}
		} else {
			cut := rng.IntN(len(r) + 1)
			s = NewState(r[:cut])
			for i, ev := range e {
				if i == len(e)/2 {
					for _, v := range r[cut:] {
						s.Upsert(v)
					}
				}
				if err := s.Apply(ev); err != nil {
					t.Fatal(err)
				}
			}
		}
		if got := viewContingents(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: the contingents differ from another order's:\n got %+v\nwant %+v", seed, got, want)
		}
	}
}

// contingentOfEach is the contingent each of ids is shown in.
func contingentOfEach(t *testing.T, s *State, ids ...string) []string {
	t.Helper()
	var out []string
	for _, id := range ids {
		p, ok := s.Person(id)
		if !ok {
			t.Fatalf("no volunteer %s", id)
		}
		out = append(out, p.Contingent)
	}
	return out
}

// The fold groups as import (unifyContingents) and the screens
// (ContingentNames) do: a bare name is the one with its kind when only
// one kind of it is there, even when the bare one came first.
func TestFoldJoinsABareNameAsImportAndScreensDo(t *testing.T) {
	t0 := testclock.Epoch().UTC()
	s := NewState([]Volunteer{rv("1", "Ahmad", "Balangan", "")})
	must := func(e Event) {
		t.Helper()
		if err := s.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	must(Event{ID: "s-1", Kind: KindArrive, Volunteer: "1", At: t0.Add(time.Minute), Station: "s"})
	must(Event{ID: "s-2", Kind: KindConfirm, Contingent: "Balangan", Leader: "Pak Rudi", At: t0.Add(2 * time.Minute), Station: "s"})
	if c, _ := s.Contingent("Balangan"); !c.ConfirmValid {
		t.Fatalf("Balangan alone, all arrived and signed off: %+v", c)
	}
	// Another station's roster spells it with its kind.
	s.Upsert(rv("2", "Bahrul", "Kab. Balangan", ""))
	if got := s.ContingentNames(); !slices.Equal(got, []string{"Kab. Balangan"}) {
		t.Fatalf("contingents %q, want one, Kab. Balangan", got)
	}
	for _, q := range []string{"Balangan", "Kab. Balangan", "kabupaten balangan"} {
		c, ok := s.Contingent(q)
		if !ok || c.Name != "Kab. Balangan" || c.Expected != 2 || c.Arrived != 1 || c.Missing != 1 {
			t.Fatalf("Contingent(%q) = %+v, %v; want Kab. Balangan, 2 expected, 1 arrived", q, c, ok)
		}
		// The sign-off filed under the bare name moved with the contingent;
		// it no longer holds, as Bahrul has not come.
		if c.Confirm == nil || c.Confirm.ID != "s-2" || c.ConfirmValid {
			t.Fatalf("Contingent(%q) sign-off %+v, valid %v; want s-2, not valid", q, c.Confirm, c.ConfirmValid)
		}
	}
	must(Event{ID: "s-3", Kind: KindArrive, Volunteer: "2", At: t0.Add(3 * time.Minute), Station: "s"})
	if c, _ := s.Contingent("Balangan"); c.Arrived != 2 || !c.ConfirmValid {
		t.Fatalf("both arrived: %+v", c)
	}
	if m := s.Members("balangan"); !slices.Equal(m, []string{"1", "2"}) {
		t.Fatalf("Members(balangan) = %v", m)
	}
	// The answers import and the screens give for the same spellings.
	spelt := []string{"Balangan", "Kab. Balangan"}
	if u := unifyContingents(spelt); u["Balangan"] != u["Kab. Balangan"] {
		t.Fatalf("import keeps %v apart", u)
	}
	names := NewContingentNames(spelt...)
	a, _ := names.Resolve("Balangan")
	b, _ := names.Resolve("Kab. Balangan")
	if a != b {
		t.Fatalf("the screens' resolver keeps them apart: %q, %q", a, b)
	}
	// A rename of the contingent takes every spelling of it along.
	must(Event{ID: "s-4", Kind: KindRename, Contingent: "Kab. Balangan", Note: "Kabupaten Balangan", At: t0.Add(4 * time.Minute), Station: "s"})
	if got := contingentOfEach(t, s, "1", "2"); !slices.Equal(got, []string{"Kabupaten Balangan", "Kabupaten Balangan"}) {
		t.Fatalf("after the rename: %q", got)
	}
}

// A bare name with two kinds of it stays apart in the fold, as in import
// and screens, even when the fold met it with one kind only at first; a
// sign-off follows the contingent it was made for.
func TestFoldKeepsABareNameOfTwoKindsApart(t *testing.T) {
	t0 := testclock.Epoch().UTC()
	s := NewState([]Volunteer{rv("1", "Ahmad", "Bogor", ""), rv("2", "Bahrul", "Kota Bogor", "")})
	if got := contingentOfEach(t, s, "1", "2"); !slices.Equal(got, []string{"Kota Bogor", "Kota Bogor"}) {
		t.Fatalf("Bogor with Kota Bogor only: %q", got)
	}
	for i, c := range []string{"Bogor", "Kota Bogor"} {
		if err := s.Apply(Event{ID: fmt.Sprintf("s-%d", i+1), Kind: KindConfirm, Contingent: c, Leader: "Pak Rudi", At: t0.Add(time.Duration(i+1) * time.Minute), Station: "s"}); err != nil {
			t.Fatal(err)
		}
	}
	s.Upsert(rv("3", "Cici", "Kab. Bogor", ""))
	if got := contingentOfEach(t, s, "1", "2", "3"); !slices.Equal(got, []string{"Bogor", "Kota Bogor", "Kab. Bogor"}) {
		t.Fatalf("with Kota and Kab. Bogor, bare Bogor should stay apart: %q", got)
	}
	for name, signoff := range map[string]string{"Bogor": "s-1", "Kota Bogor": "s-2", "Kab. Bogor": ""} {
		c, ok := s.Contingent(name)
		if !ok || c.Name != name || c.Expected != 1 {
			t.Fatalf("Contingent(%q) = %+v, %v", name, c, ok)
		}
		if got := ""; c.Confirm != nil {
			got = c.Confirm.ID
			if got != signoff {
				t.Errorf("%s's sign-off is %s, want %q", name, got, signoff)
			}
		} else if signoff != "" {
			t.Errorf("%s lost its sign-off %s", name, signoff)
		}
	}
	spelt := []string{"Bogor", "Kota Bogor", "Kab. Bogor"}
	u := unifyContingents(spelt)
	names := NewContingentNames(spelt...)
	for _, n := range spelt {
		if d, _ := names.Resolve(n); d != n || u[n] != n {
			t.Errorf("import or screens put %q under %q / %q", n, u[n], d)
		}
	}
	if _, ok := s.ResolveContingent("bogor"); !ok {
		t.Error("the bare contingent Bogor is not found by its name")
	}
	// Kab. Bogor's only record goes: Bogor is Kota Bogor's again.
	if !s.Remove("3") {
		t.Fatal("Cici has no events and should go")
	}
	if got := contingentOfEach(t, s, "1", "2"); !slices.Equal(got, []string{"Kota Bogor", "Kota Bogor"}) {
		t.Fatalf("after Kab. Bogor went: %q", got)
	}
	if c, _ := s.Contingent("Kota Bogor"); c.Expected != 2 || c.Confirm == nil || c.Confirm.ID != "s-2" {
		t.Fatalf("Kota Bogor after the regroup: %+v", c)
	}
}

// The shown spelling of a contingent is chosen from the set of spellings,
// not from which came first.
func TestShownSpellingIsTheSetsNotTheFirstOne(t *testing.T) {
	for _, order := range [][]string{
		{"KABUPATEN BANJAR", "Kab. Banjar", "Banjar"},
		{"Banjar", "KABUPATEN BANJAR", "Kab. Banjar"},
		{"Kab. Banjar", "Banjar", "KABUPATEN BANJAR"},
	} {
		var roster []Volunteer
		for i, c := range order {
			roster = append(roster, rv(fmt.Sprint(i), "N", c, ""))
		}
		if got := NewState(roster).ContingentNames(); !slices.Equal(got, []string{"Kab. Banjar"}) {
			t.Errorf("%q: contingents %q, want Kab. Banjar (says its kind, not in capitals)", order, got)
		}
	}
}

// A re-ID whose old record's spelling was the only one of its kind: once
// the new ID's record stands alone, the bare name joins the one kind left.
func TestReIDThatDropsASpellingRegroups(t *testing.T) {
	roster := []Volunteer{
		rv("1", "Ahmad", "Bogor", ""), rv("2", "Bahrul", "Kota Bogor", ""),
		rv("G-3", "Cici", "Kab. Bogor", ""), rv("T3", "Cici", "Kota Bogor", ""),
	}
	s := NewState(roster)
	if got := contingentOfEach(t, s, "1", "2"); !slices.Equal(got, []string{"Bogor", "Kota Bogor"}) {
		t.Fatalf("before the re-ID: %q", got)
	}
	if err := s.Apply(ev("a-1", KindReID, "T3", 10, ref("G-3"))); err != nil {
		t.Fatal(err)
	}
	if got := contingentOfEach(t, s, "1", "2", "G-3"); !slices.Equal(got, []string{"Kota Bogor", "Kota Bogor", "Kota Bogor"}) {
		t.Fatalf("after the re-ID: %q", got)
	}
	if got := s.ContingentNames(); !slices.Equal(got, []string{"Kota Bogor"}) {
		t.Fatalf("contingents %q, want Kota Bogor only", got)
	}
}
