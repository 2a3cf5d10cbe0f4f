package ui

import (
	"fmt"
	"slices"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

func newContingentsDriver(t testing.TB, st *db.Store, lang Lang, w, h int) *screenDriver {
	d, _ := newScreenDriver(t, st, lang, w, h, func(c *Common) Screen { return newContingents(c) })
	return d
}

// openBalangan opens Kab. Balangan from the table by typing its name.
func openBalangan(d *screenDriver) *members {
	d.typeText("balangan")
	d.key(tea.KeyEnter)
	return d.s.(*Contingents).members
}

func TestContingentsTableFilterAndSort(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	d.mustShow("Kab. Balangan", "0/100", "Kota Banjarmasin", "0/420")
	d.typeText("banjar")
	d.mustShow("Kab. Banjar", "Kota Banjarbaru", "Kota Banjarmasin")
	d.mustNotShow("Kab. Balangan")
	d.key(tea.KeyEsc)
	d.key(tea.KeyCtrlO) // most missing first
	if first := d.s.(*Contingents).shown()[0]; first.Name != "Kota Banjarmasin" {
		t.Errorf("sorted by missing, the first is %s, want Kota Banjarmasin (420 missing)", first.Name)
	}
	d.mustShow("most missing first")
}

// The Balangan flow: 100 expected, select all, check in together, sign off.
func TestContingentBusArrivesAndSignOff(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	if m == nil {
		t.Fatal("Enter did not open the contingent")
	}
	d.mustShow("Kab. Balangan", "0/100 arrived · 100 missing", "Not signed off")
	// Sign-off refused while people are missing, naming them, before a
	// name is asked for.
	d.typeText("s")
	d.mustShow("cannot be signed off: 100 not arrived", "Siti Aisyah")
	d.mustNotShow("Leader's name")
	d.key(tea.KeyEnter)
	// Select all missing, one confirmation naming how many.
	d.typeText("a")
	d.mustShow("100 selected")
	d.key(tea.KeyEnter)
	d.mustShow("Check in 100 volunteers of Kab. Balangan?")
	if st.Totals().Arrived != 0 {
		t.Fatal("checked in before the confirmation")
	}
	d.key(tea.KeyEnter)
	d.mustShow("100 of 100 checked in.", "100/100 arrived")
	if st.Totals().Arrived != 100 {
		t.Fatalf("arrived %d, want 100", st.Totals().Arrived)
	}
	// Sign off with the leader's name (the roster's leader is offered).
	d.typeText("s")
	if got := m.input.Value(); got == "" {
		t.Error("the roster's leader was not offered as the signing leader")
	}
	m.input.SetValue("H. Ahmad Rifani")
	d.key(tea.KeyEnter)
	d.mustShow("Signed off by H. Ahmad Rifani at " + hhmm(testClock))
	c, _ := st.Person("JRS-BLG-0001")
	_ = c
	var info model.Contingent
	st.Read(func(s *model.State, _ *model.Index) { info, _ = s.Contingent("Kab. Balangan") })
	if info.Confirm == nil || !info.ConfirmValid || info.Confirm.Leader != "H. Ahmad Rifani" {
		t.Fatalf("sign-off in the store: %+v valid=%v", info.Confirm, info.ConfirmValid)
	}
	// Back in the table it shows as signed off.
	d.key(tea.KeyEsc)
	d.mustShow("✓ H. Ahmad Rifani " + hhmm(testClock))

	// An annulled arrival: the sign-off is no longer valid.
	p, _ := st.Person("JRS-BLG-0050")
	if _, err := st.Annul(p.Arrival.ID, "not here after all", db.Actor{Station: "gerbang 1", Operator: "Rina"}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.mustShow("H. Ahmad Rifani: no longer valid")
}

func TestContingentSpaceSelectsSeveral(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	openBalangan(d)
	d.typeText(" ")
	d.typeText(" ")
	d.typeText(" ")
	d.mustShow("3 selected")
	d.key(tea.KeyEnter)
	d.mustShow("Check in 3 volunteers of Kab. Balangan?")
	d.key(tea.KeyEsc)
	if st.Totals().Arrived != 0 {
		t.Fatal("Esc checked people in")
	}
	d.key(tea.KeyEnter)
	d.key(tea.KeyEnter)
	if st.Totals().Arrived != 3 {
		t.Fatalf("arrived %d, want 3", st.Totals().Arrived)
	}
}

func TestContingentExcuseAllowsSignOff(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, Indonesian, 120, 30)
	m := openBalangan(d)
	// Check in everyone but the first, who is ill.
	var rest []string
	for _, p := range m.rows[1:] {
		rest = append(rest, p.ID)
	}
	if _, err := st.CheckInMany(rest, db.Actor{Station: "bus", Operator: "Rina"}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.mustShow("99/100 tiba · 1 belum")
	d.typeText("e")
	d.typeText("s") // sakit
	d.typeText("demam")
	d.key(tea.KeyEnter)
	d.mustShow("berhalangan (sakit): demam", "0 belum · 1 berhalangan")
	d.typeText("s")
	d.mustShow("99 tiba, 1 berhalangan, 0 diganti — semua tercatat")
	// The roster's leader is the one who is ill: not offered to sign.
	if leader := m.rows[0]; !leader.Leader || leader.Status != model.StatusExcused || m.input.Value() != "" {
		t.Fatalf("the sign-off offers %q; the excused leader must not be offered", m.input.Value())
	}
	d.typeText("Hj. Rusmini")
	d.key(tea.KeyEnter)
	d.mustShow("Disahkan oleh Hj. Rusmini")
}

func TestContingentReplace(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	first := m.rows[0]
	// Replace from the roster: search, pick.
	d.typeText("r")
	d.mustShow("Who replaces " + first.Name + "?")
	d.typeText("soedjatmoko") // of Kab. Banjar: not offered for a place in Balangan
	d.mustNotShow("JRS-BJR-0003")
	d.key(tea.KeyCtrlU)
	d.typeText("siti aisyah")
	d.mustShow("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	d.mustShow(first.Name + " is replaced by Siti Aisyah.")
	if p, _ := st.Person(first.ID); p.Status != model.StatusReplaced || p.ReplacedBy != "JRS-BLG-0002" {
		t.Fatalf("replaced volunteer: %v by %q", p.Status, p.ReplacedBy)
	}
	d.mustShow("0/99 arrived", "1 replaced", "not arrived (replaces "+first.Name+", "+first.ID+")")
	// Replace the next one by someone not on the roster.
	d.key(tea.KeyUp)
	second := m.rows[m.sel]
	d.typeText("r")
	d.key(tea.KeyCtrlN)
	d.mustShow("Walk-in (not on the roster)", "Fill this in with the new person standing here: they take "+second.Name+"'s place and are checked in.")
	w := m.walkin
	w.fields[fieldName].SetValue("Iyus Saputra")
	w.fields[fieldGender].SetValue("L")
	w.setFocus(fieldPhone)
	d.key(tea.KeyEnter)
	d.mustShow(second.Name + " is replaced by Iyus Saputra, checked in now.")
	var info model.Contingent
	st.Read(func(s *model.State, _ *model.Index) { info, _ = s.Contingent("Kab. Balangan") })
	if info.Replaced != 2 || info.Expected != 99 || info.Arrived != 1 {
		t.Errorf("Balangan after two replacements: %+v (the walk-in joins and is checked in, two leave)", info.Tally)
	}
}

func TestContingentDepartureMode(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	var ids []string
	for _, p := range m.rows {
		ids = append(ids, p.ID)
	}
	st.CheckInMany(ids, db.Actor{Station: "bus", Operator: "Rina"})
	d.send(storeChangedMsg{})
	d.typeText("d")
	d.mustShow("Departures", "0/100 departed · 100 still on site")
	d.typeText(" ")
	d.typeText(" ")
	d.key(tea.KeyEnter)
	d.mustShow("Record 2 volunteers of Kab. Balangan as departed?")
	d.key(tea.KeyEnter)
	d.mustShow("2 of 2 recorded as departed.", "2/100 departed · 98 still on site")
	// Those still on site are listed first.
	if m.rows[0].Status != model.StatusArrived {
		t.Errorf("first row is %v, want someone still on site", m.rows[0].Status)
	}
	d.typeText("s")
	d.mustShow("The departure of Kab. Balangan cannot be signed off: 98 still on site", "Record their departure first")
	d.key(tea.KeyEnter)
	d.typeText("a")
	d.key(tea.KeyEnter)
	d.key(tea.KeyEnter)
	d.typeText("s")
	d.key(tea.KeyEnter)
	d.mustShow("✓ Signed off by")
	if got := st.Totals(); got.Departed != 100 || got.OnSite != 0 || got.Arrived != 100 {
		t.Errorf("totals after departures %+v: arrived stays 100, all departed", got)
	}
}

// Golden screens of the contingents table and of one contingent, at 80x24
// and 120x40 in both languages. Update with: go test ./ui -update
func TestGoldenContingents(t *testing.T) {
	eachGoldenScreen(t, func(t *testing.T, lang Lang, size [2]int) {
		st := testStore(t, nil)
		st.SetStationName("gerbang 1")
		var ids []string
		st.Read(func(s *model.State, _ *model.Index) { ids = s.Members("Kab. Balangan") })
		st.CheckInMany(ids[1:], db.Actor{Station: "bus", Operator: "Rina"})
		st.Excuse(ids[0], model.ReasonSick, "demam", db.Actor{Operator: "Rina"})
		st.Confirm("Kab. Balangan", "H. Ahmad Rifani", model.PhaseArrival, db.Actor{Operator: "Rina"})
		d := newAppDriver(t, st, Options{Operator: "Rina", Lang: lang}, size[0], size[1])
		d.key(tea.KeyTab)
		t.Run("table", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
		d.key(tea.KeyEnter)
		t.Run("members", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
	})
}

// BenchmarkContingents switches to the Contingents screen and draws it at
// 3,000 and 100,000 volunteers with 3,000 arrivals: the State keeps the
// counts, so the cost should not grow with the roster.
func BenchmarkContingents(b *testing.B) {
	withColour(b)
	for _, n := range []int{3000, 100000} {
		b.Run(fmt.Sprintf("volunteers=%d", n), func(b *testing.B) {
			roster := model.GenerateRoster(n, 1)
			st := testStore(b, roster)
			ids := make([]string, 3000)
			for i := range ids {
				ids[i] = roster[i*(n/3000)].ID
			}
			if _, err := st.CheckInMany(ids, db.Actor{Station: "bus", Operator: "Rina"}); err != nil {
				b.Fatal(err)
			}
			d := newContingentsDriver(b, st, English, 120, 40)
			s := d.s.(*Contingents)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d.run(s.Init()) // what a switch to the screen does
				_ = s.View()
			}
		})
	}
}

// A gate login may look at a contingent but not sign it off; it is told so
// in its own language.
func TestContingentGateLoginCannotSignOff(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newScreenDriverAs(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: Indonesian, Role: db.RoleGate, Login: "key:x"}, 120, 30,
		func(c *Common) Screen { return newContingents(c) })
	m := openBalangan(d)
	var help []string
	for _, b := range m.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	for _, want := range []string{"e berhalangan (khusus ketua/admin)", "r pengganti (khusus ketua/admin)", "s sahkan (khusus ketua/admin)"} {
		if !slices.Contains(help, want) {
			t.Errorf("the gate's help %q does not mark %q", help, want)
		}
	}
	// Refused at the key, before any form is filled in.
	for _, k := range []string{"e", "r", "s", "w"} {
		d.typeText(k)
		d.mustShowWrapped("Login pos tidak dapat mencatat berhalangan, pengganti, pengesahan atau membatalkan bus: minta ketua atau admin.")
		d.mustNotShow("Catatan:", "Siapa pengganti", "Nama ketua:")
	}
	d.key(tea.KeyCtrlX)
	d.mustShow("Login pos tidak dapat")
	if p, _ := st.Person("JRS-BLG-0001"); p.Status != model.StatusMissing {
		t.Error("a gate login excused a volunteer")
	}
}

// Any spelling of a contingent finds it, as on the command line.
func TestContingentsFilterTakesAnySpelling(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	d.typeText("kabupaten balangan")
	d.mustShow("Kab. Balangan")
	d.mustNotShow("Kota Banjarmasin", "Kab. Banjar ")
	if n := len(d.s.(*Contingents).shown()); n != 1 {
		t.Errorf("%d contingents shown for 'kabupaten balangan', want 1", n)
	}
}

// The gate's contingent picker takes any spelling too.
func TestPickerTakesAnySpelling(t *testing.T) {
	st := testStore(t, nil)
	c := newCommon(st, Options{Lang: English, Now: fixedNow})
	p := newPicker(c, "Contingent", "all")
	p.setOptions([]string{"Kab. Balangan", "Kab. Banjar", "Kota Banjarmasin"})
	p.filter.SetValue("kabupaten balangan")
	p.refilter()
	if len(p.shown) != 2 || p.shown[p.sel] != "Kab. Balangan" {
		t.Errorf("picker shows %q, offers %q; want Kab. Balangan", p.shown, p.shown[p.sel])
	}
}

// Reloads run concurrently: a reply read before the last change, arriving
// after the reply read after it, must not put the old counts back.
func TestContingentStaleReloadIsDropped(t *testing.T) {
	st := testStore(t, nil)
	d := newContingentsDriver(t, st, English, 120, 30)
	m := openBalangan(d)
	staleMembers := m.load()()
	staleTable := d.s.(*Contingents).load()()
	first := m.rows[0].ID
	if _, err := st.Excuse(first, "sakit", "demam", db.Actor{Station: "gerbang 1", Operator: "Rina"}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	d.mustShow("99 missing · 1 excused")
	d.send(staleMembers, staleTable)
	d.mustShow("99 missing · 1 excused")
	d.key(tea.KeyEsc)
	if c := d.s.(*Contingents).rows; len(c) == 0 || c[0].Name != "Kab. Balangan" || c[0].Excused != 1 {
		t.Fatalf("the table after a stale reply: %+v, want Kab. Balangan with 1 excused", c[0])
	}
}
