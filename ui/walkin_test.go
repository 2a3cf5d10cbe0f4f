package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// openWalkIn fills the walk-in form for name in Kab. Balangan and sends it.
func openWalkIn(d *screenDriver, name, pillar string) {
	d.t.Helper()
	fillWalkInForm(d, name, pillar)
	d.key(tea.KeyEnter) // no phone: save
}

// fillWalkInForm opens the walk-in form and fills it for name in Kab.
// Balangan up to the phone, left empty.
func fillWalkInForm(d *screenDriver, name, pillar string) {
	d.t.Helper()
	d.key(tea.KeyCtrlN)
	d.typeText(name)
	d.key(tea.KeyEnter)
	d.typeText("balangan")
	d.key(tea.KeyEnter)
	d.typeText(pillar)
	d.key(tea.KeyEnter)
	d.key(tea.KeyRight) // the gender is chosen, not typed
	d.key(tea.KeyEnter)
}

// A walk-in whose name is on the roster is not registered again without an
// explicit choice: here the person on the roster, already checked in, is
// chosen, and nobody is counted twice.
func TestWalkInNamesakeOnTheRoster(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	openWalkIn(d, "siti aisyah", "PKH")
	d.mustShow("siti aisyah may be on the roster already", "JRS-BLG-0002", "Siti Aisyah", "Kab. Balangan",
		"✓ arrived "+hhmm(testClock)+", gerbang 1", "Register siti aisyah (Kab. Balangan) as a new volunteer",
		"Enter = check this person in instead")
	if st.Totals().Expected != 3000 {
		t.Fatal("the walk-in was saved before the choice")
	}
	d.key(tea.KeyEnter) // the person on the roster
	d.mustShow("! Already checked in: JRS-BLG-0002 Siti Aisyah")
	if tot := st.Totals(); tot.Expected != 3000 || tot.Arrived != 1 {
		t.Fatalf("after choosing the roster's person: %d of %d; nobody may be added", tot.Arrived, tot.Expected)
	}
}

// Registering a namesake as a new volunteer is possible, by choosing it.
func TestWalkInNamesakeRegisteredOnChoice(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	openWalkIn(d, "Siti Aisyah", "Pendamping PKH")
	d.key(tea.KeyEsc) // back to the form, nothing saved
	d.mustShow("Walk-in (not on the roster)")
	d.key(tea.KeyEnter)
	d.mustShow("may be on the roster already")
	for range d.s.(*Gate).walkin.similar {
		d.key(tea.KeyDown)
	}
	d.mustShow("Enter = register a new volunteer")
	d.key(tea.KeyEnter)
	d.mustShow("Siti Aisyah, Kab. Balangan", "1 of 101 arrived")
	if tot := st.Totals(); tot.Expected != 3001 || tot.Arrived != 1 {
		t.Fatalf("after registering: %d of %d", tot.Arrived, tot.Expected)
	}
}

// The pillar is one the roster knows ("tagana" is Tagana); a new one is
// taken only after a second Enter. The gender is L or P.
func TestWalkInPillarAndGender(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	openWalkIn(d, "Udin Saprudin", "tagana")
	d.mustShow("Udin Saprudin, Kab. Balangan")
	openWalkIn(d, "Asep Sunandar", "Pramuka")
	d.mustShow(`"Pramuka" is not a known pillar. Press Enter again to add it.`)
	if st.Totals().Expected != 3001 {
		t.Fatal("a new pillar was taken without a confirmation")
	}
	d.key(tea.KeyEnter)
	d.mustShow("Asep Sunandar, Kab. Balangan")
	want := map[string]string{"Udin Saprudin": "Tagana", "Asep Sunandar": "Pramuka"}
	st.Read(func(s *model.State, _ *model.Index) {
		for _, v := range s.Volunteers() {
			if p, ok := want[v.Name]; ok && (v.Pillar != p || v.Gender != "L") {
				t.Errorf("%s saved with pillar %q, gender %q; want %q, L", v.Name, v.Pillar, v.Gender, p)
			}
		}
	})
}

// A walk-in written another way than the roster (y/i, sy/s, a letter more)
// or with the phone of someone on it is not saved before the gate has seen
// who it may be: each of them was once counted twice.
func TestWalkInSpellingVariantsOnTheRoster(t *testing.T) {
	roster := []model.Volunteer{
		{ID: "JRS-BLG-0001", Name: "Rusmilawati", Contingent: "Kab. Balangan", Pillar: "PKH", Gender: "P", Phone: "081350001111"},
		{ID: "JRS-BLG-0002", Name: "Siti Aisyah", Contingent: "Kab. Balangan", Pillar: "PKH", Gender: "P"},
		{ID: "JRS-TPN-0003", Name: "Ahmad Yani", Contingent: "Kab. Tapin", Pillar: "Tagana", Gender: "L"},
		{ID: "JRS-TPN-0004", Name: "Hasan Basri", Contingent: "Kab. Tapin", Pillar: "Tagana", Gender: "L", Phone: "085299998888"},
	}
	for _, c := range []struct{ typed, phone, listed, id string }{
		{"Rusmilawaty", "", "Rusmilawati", "JRS-BLG-0001"},
		{"Siti Aisah", "", "Siti Aisyah", "JRS-BLG-0002"},
		{"Ahmad Yanie", "", "Ahmad Yani", "JRS-TPN-0003"},
		{"Udin Saprudin", "0852-9999-8888", "Hasan Basri", "JRS-TPN-0004"}, // the same phone, another contingent
	} {
		st := testStore(t, roster)
		d, _ := newGateDriver(t, st, English, 100, 30)
		d.key(tea.KeyCtrlN)
		d.typeText(c.typed)
		d.key(tea.KeyEnter)
		d.typeText("balangan")
		d.key(tea.KeyEnter)
		d.typeText("PKH")
		d.key(tea.KeyEnter)
		d.key(tea.KeyRight)
		d.key(tea.KeyEnter)
		d.typeText(c.phone)
		d.key(tea.KeyEnter)
		d.mustShow(c.typed+" may be on the roster already", c.id, c.listed, "Register "+c.typed)
		if c.phone != "" {
			d.mustShow("same phone · ")
		} else {
			d.mustNotShow("same phone · ")
		}
		if tot := st.Totals(); tot.Expected != 4 || tot.Arrived != 0 {
			t.Fatalf("%s: %d of %d before the choice; nothing may be saved", c.typed, tot.Arrived, tot.Expected)
		}
		d.key(tea.KeyEnter) // the person on the roster, checked in instead
		if p, _ := st.Person(c.id); p.Status != model.StatusArrived || st.Totals().Expected != 4 {
			t.Fatalf("%s: choosing %s left them %v with %d expected", c.typed, c.id, p.Status, st.Totals().Expected)
		}
	}
}
