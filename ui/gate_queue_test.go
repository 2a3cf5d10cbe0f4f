package ui

import (
	"math/rand"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// The gate's keys go straight to the screen while its store actions are in
// flight; these tests hold the actions' commands back and run them, and
// deliver their answers, in an order of the test's choosing.

// press sends a key to the gate and keeps the commands it starts, unrun.
func press(d *screenDriver, held *[]tea.Cmd, msg tea.KeyMsg) {
	d.t.Helper()
	*held = append(*held, d.s.Update(msg))
}

// runHeld runs the commands, in the order given, as the runtime would run
// them (a batch's parts each run), and returns the gate's answers they
// brought without applying them; everything else goes to the screen.
func runHeld(d *screenDriver, cmds []tea.Cmd) []gateAnswer {
	d.t.Helper()
	var answers []gateAnswer
	d.runKeeping(cmds, func(msg tea.Msg) bool {
		a, ok := msg.(gateAnswer)
		if ok {
			answers = append(answers, a)
		}
		return ok
	})
	return answers
}

// enterTypingOn types text and Enter, and more while Enter's action is in
// flight; then the action runs and answers.
func enterTypingOn(d *screenDriver, text, more string) {
	d.t.Helper()
	var held []tea.Cmd
	d.typeText(text)
	press(d, &held, tea.KeyMsg{Type: tea.KeyEnter})
	d.typeText(more)
	deliver(d, runHeld(d, held))
}

// deliver applies answers to the gate in the order given.
func deliver(d *screenDriver, answers []gateAnswer) {
	d.t.Helper()
	for _, a := range answers {
		d.send(a)
	}
}

// arrivalOrder is the IDs of the n latest arrivals, oldest first.
func arrivalOrder(st interface {
	Read(func(*model.State, *model.Index))
}, n int) []string {
	var order []string
	st.Read(func(s *model.State, _ *model.Index) {
		for _, p := range s.LatestArrivals(n) {
			order = append([]string{p.ID}, order...)
		}
	})
	return order
}

// burstIDs are 40 badges of the demo roster.
func burstIDs(t *testing.T, d *screenDriver) []string {
	t.Helper()
	var ids []string
	d.s.(*Gate).c.Store.Read(func(s *model.State, _ *model.Index) {
		for _, v := range s.Volunteers() {
			if len(ids) < 40 && strings.HasPrefix(v.ID, "JRS-") {
				ids = append(ids, v.ID)
			}
		}
	})
	if len(ids) != 40 {
		t.Fatalf("the roster gave %d badges", len(ids))
	}
	return ids
}

// Forty badges scanned in a burst, whose commands the runtime runs last
// first (or all at once) and whose answers come back shuffled: 40 arrivals
// in the order scanned, and the answers shown in that order. Without the
// gate's queue the commands written last-first would reverse the arrivals.
func TestGateBurstInAnyOrderArrivesInScanOrder(t *testing.T) {
	for _, how := range []string{"reverse", "shuffled", "concurrent"} {
		t.Run(how, func(t *testing.T) {
			st := testStore(t, nil)
			d, _ := newGateDriver(t, st, English, 100, 30)
			g := d.s.(*Gate)
			ids := burstIDs(t, d)
			var held []tea.Cmd
			for _, id := range ids {
				d.typeText(id)
				press(d, &held, tea.KeyMsg{Type: tea.KeyEnter})
			}
			if got := st.Totals().Arrived; got != 0 {
				t.Fatalf("%d arrivals before any command ran", got)
			}
			cmds := held
			rng := rand.New(rand.NewSource(20))
			var answers []gateAnswer
			switch how {
			case "reverse":
				for i := len(cmds) - 1; i >= 0; i-- {
					answers = append(answers, runHeld(d, cmds[i:i+1])...)
				}
			case "shuffled":
				rng.Shuffle(len(cmds), func(i, j int) { cmds[i], cmds[j] = cmds[j], cmds[i] })
				answers = runHeld(d, cmds)
			case "concurrent":
				var mu sync.Mutex
				var wg sync.WaitGroup
				for i := len(cmds) - 1; i >= 0; i-- {
					wg.Add(1)
					go func(c tea.Cmd) {
						defer wg.Done()
						a, ok := c().(gateAnswer)
						mu.Lock()
						defer mu.Unlock()
						if ok {
							answers = append(answers, a)
						}
					}(cmds[i])
				}
				wg.Wait()
			}
			if len(answers) != len(ids) {
				t.Fatalf("%d answers to %d scans", len(answers), len(ids))
			}
			if got := arrivalOrder(st, len(ids)); strings.Join(got, " ") != strings.Join(ids, " ") {
				t.Fatalf("arrivals in the order\n%v\nscanned\n%v", got, ids)
			}
			rng.Shuffle(len(answers), func(i, j int) { answers[i], answers[j] = answers[j], answers[i] })
			var first gateAnswer
			for i, a := range answers {
				if a.n == 1 {
					first = a
					answers = append(answers[:i:i], answers[i+1:]...)
					break
				}
			}
			deliver(d, answers)
			if g.banner.kind != bannerNone || len(g.answers) != 0 {
				t.Fatalf("answers shown before the first scan's: %q", g.banner.title)
			}
			deliver(d, []gateAnswer{first})
			if g.answerN != uint64(len(ids)) || g.busy() {
				t.Fatalf("%d answers shown of %d (busy %v)", g.answerN, len(ids), g.busy())
			}
			// The latest answers, newest first, are the last scans in order.
			for i, b := range g.answers[:3] {
				if want := ids[len(ids)-1-i]; !strings.Contains(b.title, want) || b.kind != bannerOK {
					t.Errorf("answer %d from the newest is %q, want the check-in of %s", i, b.title, want)
				}
			}
		})
	}
}

// Ctrl+X pressed while a check-in is being written annuls that check-in,
// not the one before it.
func TestGateAnnulWhileCheckInInFlight(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter) // written and answered
	var held []tea.Cmd
	d.typeText("JRS-BLG-0003")
	press(d, &held, tea.KeyMsg{Type: tea.KeyEnter})
	press(d, &held, tea.KeyMsg{Type: tea.KeyCtrlX})
	cmds := held
	answers := runHeld(d, []tea.Cmd{cmds[1]})          // Ctrl+X's command runs first
	answers = append(answers, runHeld(d, cmds[:1])...) // then the scan's
	deliver(d, answers)                                // Ctrl+X's answer first: it waits for the scan's
	d.mustShow("Annul", "JRS-BLG-0003")
	d.typeText("wrong badge")
	d.key(tea.KeyEnter)
	d.mustShow("Annulled: JRS-BLG-0003")
	if p, _ := st.Person("JRS-BLG-0003"); p.Status == model.StatusArrived {
		t.Error("the check-in in flight still stands")
	}
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusArrived {
		t.Errorf("the check-in before it was annulled (%v)", p.Status)
	}
}

// A scanner firing the same badge twice while the first is in flight: one
// arrival and a repeat, never an "already arrived" answer.
func TestGateRepeatWhileFirstInFlight(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	var held []tea.Cmd
	for range 2 {
		d.typeText("JRS-BLG-0002")
		press(d, &held, tea.KeyMsg{Type: tea.KeyEnter})
	}
	cmds := held
	var answers []gateAnswer
	for i := len(cmds) - 1; i >= 0; i-- {
		answers = append(answers, runHeld(d, cmds[i:i+1])...)
	}
	deliver(d, answers) // the repeat's answer comes first
	if got := st.Totals().Arrived; got != 1 {
		t.Fatalf("%d arrivals, want 1", got)
	}
	d.mustShow("The scanner fired twice", "✓  C H E C K E D   I N  ✓")
	d.mustNotShow("Already")
	if g.banner.kind != bannerOK || len(g.answers) != 1 {
		t.Errorf("the answers after a repeat: %q and %d kept", g.banner.title, len(g.answers))
	}
}

// Keys typed while a check-in is written are in the box at once, and stay
// when its answer comes.
func TestGateKeysDuringCheckInShowAtOnce(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	var held []tea.Cmd
	d.typeText("JRS-BLG-0002")
	press(d, &held, tea.KeyMsg{Type: tea.KeyEnter})
	if g.input.Value() != "" {
		t.Fatalf("the box holds %q after Enter", g.input.Value())
	}
	d.typeText("soedj")
	d.mustShow("⌕ soedj")
	deliver(d, runHeld(d, held))
	d.mustShow("⌕ soedj", "✓ Checked in: JRS-BLG-0002", "ID         JRS-BJR-0003") // the pane keeps the row typed for
	if g.input.Value() != "soedj" {
		t.Errorf("the answer left %q in the box", g.input.Value())
	}
}

// A name's confirmation that comes after the user typed on is not put up:
// the typing is a new action, and a note says the name was not recorded.
func TestGateConfirmAfterTypingOnIsDropped(t *testing.T) {
	for _, lang := range []Lang{English, Indonesian} {
		st := testStore(t, nil)
		d, _ := newGateDriver(t, st, lang, 100, 30)
		g := d.s.(*Gate)
		enterTypingOn(d, "soedjatmoko", "JRS")
		if g.mode != modeSearch || g.input.Value() != "JRS" {
			t.Fatalf("the late answer asked (mode %v), box %q", g.mode, g.input.Value())
		}
		d.mustShow([]string{"Soedjatmoko belum dicatat: Anda mengetik lagi", "Soedjatmoko not recorded: you typed on"}[lang])
		if st.Totals().Arrived != 0 {
			t.Fatal("a dropped question checked someone in")
		}
	}
}

// A name that found nobody comes back to the box when nothing was typed
// since; what was typed since stays.
func TestGateNoMatchPutsTheNameBack(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	enterTypingOn(d, "zzqx", "")
	if g.input.Value() != "zzqx" {
		t.Errorf("the box holds %q, want the name back", g.input.Value())
	}
	d.mustShow("Nobody matches")
	enterTypingOn(d, "", "ab") // Enter on the name put back, typing on
	if g.input.Value() != "ab" {
		t.Errorf("the box holds %q, want what was typed since", g.input.Value())
	}
}

// fillWalkIn fills the walk-in form for name in Kab. Balangan and presses
// the Enter that saves it, keeping that Enter's commands unrun.
func fillWalkIn(d *screenDriver, name string) []tea.Cmd {
	d.t.Helper()
	fillWalkInForm(d, name, "")
	var held []tea.Cmd
	press(d, &held, tea.KeyMsg{Type: tea.KeyEnter}) // no phone: save
	return held
}

// Saving a walk-in closes the form at once: the next keys go to the search
// box, not into the form, and stay there when the walk-in's answer comes.
func TestGateWalkInClosesWhileSaved(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	held := fillWalkIn(d, "Udin Saprudin")
	if g.mode != modeSearch || g.walkin != nil {
		t.Fatalf("the form is still open while it is saved (mode %v)", g.mode)
	}
	d.typeText("JRS-BLG")
	d.mustShow("⌕ JRS-BLG")
	deliver(d, runHeld(d, held))
	d.mustShow("⌕ JRS-BLG", "Checked in: W-", "Udin Saprudin, Kab. Balangan")
	if got := st.Totals().Arrived; got != 1 {
		t.Fatalf("%d arrivals after the walk-in", got)
	}
}

// A walk-in that could not be saved: with nothing typed since, the form
// comes back as typed with the failure; with typing since, the gate says so
// and Ctrl+N brings the form back as typed (Ctrl+C asks first meanwhile).
func TestGateWalkInFailedSaveComesBack(t *testing.T) {
	for _, typedOn := range []bool{false, true} {
		st := testStore(t, nil)
		d, _ := newGateDriver(t, st, English, 100, 30)
		g := d.s.(*Gate)
		held := fillWalkIn(d, "Udin Saprudin")
		if typedOn {
			d.typeText("abc")
		}
		st.Close() // the save fails
		deliver(d, runHeld(d, held))
		if typedOn {
			if g.mode != modeSearch || g.input.Value() != "abc" {
				t.Fatalf("the failed walk-in took over what was typed since (mode %v, box %q)", g.mode, g.input.Value())
			}
			d.mustShow("Walk-in Udin Saprudin not saved — Ctrl+N opens it again")
			if g.unsavedWork() != "quit.ask_form" {
				t.Error("Ctrl+C would quit without asking with the walk-in unsaved")
			}
			d.key(tea.KeyCtrlN)
		}
		if g.mode != modeWalkIn || g.walkin == nil {
			t.Fatalf("typed on %v: the form did not come back (mode %v)", typedOn, g.mode)
		}
		if v := g.walkin.fields[fieldName].Value(); v != "Udin Saprudin" {
			t.Errorf("typed on %v: the form came back with the name %q", typedOn, v)
		}
		if v := g.walkin.fields[fieldContingent].Value(); v != "balangan" {
			t.Errorf("typed on %v: the form came back with the contingent %q", typedOn, v)
		}
		d.mustShow("Walk-in (not on the roster)", "✗ ")
	}
}

// A walk-in whose name is on the roster waits for the choice; typed on
// meanwhile, the choice waits for Ctrl+N instead of taking the keys.
func TestGateWalkInChoiceWaitsWhenTypedOn(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	held := fillWalkIn(d, "siti aisyah")
	d.typeText("x")
	deliver(d, runHeld(d, held))
	if g.mode != modeSearch || g.input.Value() != "x" {
		t.Fatalf("the choice took over what was typed since (mode %v, box %q)", g.mode, g.input.Value())
	}
	d.mustShow("Walk-in siti aisyah not saved yet — Ctrl+N to choose")
	if st.Totals().Expected != 3000 {
		t.Fatal("the walk-in was saved before the choice")
	}
	d.key(tea.KeyCtrlN)
	d.mustShow("siti aisyah may be on the roster already", "Register siti aisyah (Kab. Balangan) as a new volunteer")
}

// A volunteer who left, scanned while typing went on: the amber answer is
// shown, "came back?" is not asked (an Enter meant for the next search
// would answer it), and the note says to scan again.
func TestGateCameBackAfterTypingOnIsNotAsked(t *testing.T) {
	st := testStore(t, nil)
	departAt(t, st, "JRS-BLG-0002")
	d, _ := newGateDriver(t, st, English, 100, 30)
	g := d.s.(*Gate)
	enterTypingOn(d, "JRS-BLG-0002", "soe")
	if g.mode != modeSearch {
		t.Fatalf("asked a question out of turn (mode %v)", g.mode)
	}
	d.mustShow("Has left: JRS-BLG-0002", "Siti Aisyah not recorded: you typed on", "⌕ soe")
	d.key(tea.KeyEnter) // meant for "soe"
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusDeparted {
		t.Fatalf("an Enter typed on checked a departed volunteer back in (%v)", p.Status)
	}
}

// Ctrl+X whose lookup answers after typing went on does not ask for a
// reason (the typing would be taken as one); the note, whole at 80x24, says
// to press it again.
func TestGateAnnulAfterTypingOnIsNotAsked(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 80, 24)
	g := d.s.(*Gate)
	d.typeText("JRS-BLG-0002")
	d.key(tea.KeyEnter)
	var held []tea.Cmd
	press(d, &held, tea.KeyMsg{Type: tea.KeyCtrlX})
	d.typeText("soe")
	deliver(d, runHeld(d, held))
	if g.mode != modeSearch || g.input.Value() != "soe" {
		t.Fatalf("the late lookup asked for a reason (mode %v, box %q)", g.mode, g.input.Value())
	}
	d.mustShow("Nothing annulled: you typed on. Ctrl+X again.")
	if p, _ := st.Person("JRS-BLG-0002"); p.Status != model.StatusArrived {
		t.Fatalf("the check-in was annulled (%v)", p.Status)
	}
}

// A badge scanned while the walk-in's similar names are asked is a scan,
// never a choice: the scanner's Enter neither picks the highlighted person
// nor registers the walk-in; the walk-in waits for Ctrl+N. Key by key, and
// as one burst (a fast scanner's characters arrive in one read).
func TestGateScanDuringSimilarChoiceIsAScan(t *testing.T) {
	for _, burst := range []bool{false, true} {
		st := testStore(t, nil)
		d, _ := newGateDriver(t, st, English, 100, 30)
		g := d.s.(*Gate)
		fillWalkInForm(d, "siti aisyah", "")
		d.key(tea.KeyEnter) // no phone: save, and the similar names are asked
		if g.walkin == nil || !g.walkin.choosing {
			t.Fatalf("the similar names were not asked (mode %v)", g.mode)
		}
		if burst {
			d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("JRS-BLG-0005")})
		} else {
			d.typeText("JRS-BLG-0005")
		}
		d.key(tea.KeyEnter)
		d.mustShow("✓ Checked in: JRS-BLG-0005")
		if p, _ := st.Person("JRS-BLG-0005"); p.Status != model.StatusArrived {
			t.Errorf("burst %v: the scanned badge is %v, want arrived", burst, p.Status)
		}
		if tot := st.Totals(); tot.Arrived != 1 || tot.Expected != 3000 {
			t.Errorf("burst %v: %d arrived of %d expected, want 1 of 3000 (the scan only; no walk-in, no one chosen)", burst, tot.Arrived, tot.Expected)
		}
		d.mustShow("Walk-in siti aisyah not saved yet — Ctrl+N to choose")
		d.key(tea.KeyCtrlN)
		d.mustShow("siti aisyah may be on the roster already")
	}
}

// A badge scanned into the open walk-in form (a scanner's burst, in one
// read) is checked in, not typed into a field; the form waits for Ctrl+N
// with what was typed. A phone pasted into the form is typed.
func TestGateScanIntoWalkInFormIsAScan(t *testing.T) {
	for _, lang := range []Lang{English, Indonesian} {
		st := testStore(t, nil)
		d, _ := newGateDriver(t, st, lang, 80, 24)
		g := d.s.(*Gate)
		d.key(tea.KeyCtrlN)
		d.typeText("Udin Saprudin")
		d.key(tea.KeyEnter)
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("081234567890")}) // a pasted phone
		if g.walkin == nil || g.mode != modeWalkIn {
			t.Fatalf("a pasted number closed the form (mode %v)", g.mode)
		}
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("JRS-BLG-0005")})
		d.key(tea.KeyEnter)
		if p, _ := st.Person("JRS-BLG-0005"); p.Status != model.StatusArrived {
			t.Fatalf("%v: the badge scanned into the form is %v, want arrived", lang, p.Status)
		}
		if tot := st.Totals(); tot.Arrived != 1 || tot.Expected != 3000 {
			t.Errorf("%v: %d arrived of %d expected, want the scan only", lang, tot.Arrived, tot.Expected)
		}
		if lang == English {
			d.mustShow("Walk-in Udin Saprudin not saved — Ctrl+N opens it again")
		} else {
			d.mustShow("Peserta baru Udin Saprudin belum tersimpan — Ctrl+N membukanya lagi")
		}
		d.key(tea.KeyCtrlN)
		if g.walkin == nil || g.walkin.fields[fieldName].Value() != "Udin Saprudin" {
			t.Fatalf("%v: Ctrl+N did not bring the form back as typed", lang)
		}
	}
}
