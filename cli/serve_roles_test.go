package cli

import (
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/internal/sshtest"
	"hadir/model"
)

// roleRoster gives each role its own contingents, so the roles' commands do
// not meet: "K gate" with five members, and "S gate" with one.
func roleRoster() []model.Volunteer {
	var vs []model.Volunteer
	for _, role := range []db.Role{db.RoleGate, db.RoleLeader, db.RoleAdmin} {
		for i := range 5 {
			vs = append(vs, model.Volunteer{ID: fmt.Sprintf("%s-%d", role, i), Name: fmt.Sprintf("Relawan %s %d", role, i), Contingent: "K " + string(role), Source: model.SourceRoster})
		}
		vs = append(vs, model.Volunteer{ID: fmt.Sprintf("%s-s", role), Name: "Satu " + string(role), Contingent: "S " + string(role), Source: model.SourceRoster})
	}
	return vs
}

// Every command the README lists for SSH works over SSH for each role that
// may run it, through the real server; the others are refused in words.
func TestServeREADMECommandsForEachRole(t *testing.T) {
	ts := startServer(t, roleRoster())
	for _, role := range []db.Role{db.RoleGate, db.RoleLeader, db.RoleAdmin} {
		c := ts.DialRole(t, "op-"+string(role), role)
		id := func(i any) string { return fmt.Sprintf("%s-%v", role, i) }
		leads := role != db.RoleGate
		steps := []struct {
			cmd     string
			allowed bool
			want    string
		}{
			{"checkin " + id(0), true, id(0) + ": checked in"},
			{"checkin " + id("s"), true, id("s") + ": checked in"}, // a gate checks in one ID per command
			{"stats", true, "arrived 2 of 18 expected"},
			{"stats --json", true, `"expected": 18`},
			{"depart " + id(0), leads, "departed"},
			{"excuse " + id(1) + " --reason sakit --note demam", leads, "excused (sakit)"},
			{"replace " + id(2) + " --by " + id(3), leads, "is replaced by"},
			{`confirm "S ` + string(role) + `" --leader "H. Ahmad"`, leads, "signed off by H. Ahmad"},
		}
		if role != db.RoleGate {
			steps[2].want, steps[3].want = "arrived", `"expected": ` // replacements done by the roles before change the totals
		}
		for _, s := range steps {
			out, code := sshCommand(t, c, s.cmd)
			switch {
			case s.allowed && (code != 0 || !strings.Contains(out, s.want)):
				t.Errorf("%s: %s: exit %d, want %q:\n%s", role, s.cmd, code, s.want, out)
			case !s.allowed && (code != 1 || !strings.Contains(out, "a gate login may not")):
				t.Errorf("%s: %s should be refused in words: exit %d\n%s", role, s.cmd, code, out)
			}
		}
		p, _ := ts.store.Person(id("s"))
		if out, code := sshCommand(t, c, "annul "+p.Arrival.ID+" --reason salah"); code != 0 || !strings.Contains(out, "annulled") {
			t.Errorf("%s: annul of its own check-in: exit %d\n%s", role, code, out)
		}
		if p.Arrival.Operator != "op-"+string(role) || p.Arrival.Station != "ssh 127.0.0.1" {
			t.Errorf("%s: recorded by %q at %q, want the connection's user and address", role, p.Arrival.Operator, p.Arrival.Station)
		}
	}
}

// Two laptops that share a passcode are two logins: neither can annul what
// the other checked in, and each gate's Ctrl+X offers its own last check-in,
// naming the volunteer, the station and the time.
func TestServeSharedPasscodeIsTwoLogins(t *testing.T) {
	ts := startServer(t, numberedRoster(5))
	gate := func(user string) *gossh.Client {
		c, err := ts.Dial(user, gossh.Password(testPasscode))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	one, two := gate("rina"), gate("budi")
	sshtest.Command(t, one, "gerbang 1", "checkin R0001")
	sshtest.Command(t, two, "gerbang 2", "checkin R0002")
	first, _ := ts.store.Person("R0001")
	if out, code := sshtest.Command(t, two, "gerbang 2", "annul "+first.Arrival.ID+" --reason salah"); code == 0 || !strings.Contains(out, "recorded by another login") {
		t.Errorf("gate 2 annulled gate 1's check-in with the same passcode: %d %q", code, out)
	}

	_, in, out := sshtest.Screen(t, two, "gerbang 2", 30, 120)
	out.WaitFor(t, "Arrived 2 / 5")
	in.Write([]byte{0x18}) // Ctrl+X
	out.WaitFor(t, "Annul the check-in of Relawan 2 at station gerbang 2 at ")
	if strings.Contains(out.String(), "Relawan 1 at station") {
		t.Error("gate 2's Ctrl+X offered gate 1's check-in")
	}
}

// Over SSH a gate checks in one ID per command, by key or by passcode, and
// nothing of a refused command is stored; a leader may check a bus in.
func TestServeGateChecksInOneIDPerCommand(t *testing.T) {
	ts := startServer(t, numberedRoster(6))
	byPasscode, err := ts.Dial("budi", gossh.Password(testPasscode))
	if err != nil {
		t.Fatal(err)
	}
	defer byPasscode.Close()
	for _, gate := range []*gossh.Client{ts.DialRole(t, "rina", db.RoleGate), byPasscode} {
		before := ts.store.Totals().Arrived
		out, code := sshCommand(t, gate, "checkin R0001 R0002")
		if code == 0 || !strings.Contains(out, "one ID per command") {
			t.Errorf("a gate's bus check-in: exit %d %q", code, out)
		}
		if n := ts.store.Totals().Arrived; n != before {
			t.Fatalf("a refused bus check-in stored %d arrivals", n-before)
		}
		if out, code := sshCommand(t, gate, "checkin R0001"); code != 0 && !strings.Contains(out, "already checked in") {
			t.Errorf("a gate's single check-in: exit %d %q", code, out)
		}
	}
	leader := ts.DialRole(t, "sari", db.RoleLeader)
	if out, code := sshCommand(t, leader, "checkin R0003 R0004 R0005"); code != 0 {
		t.Errorf("a leader's bus check-in: exit %d %q", code, out)
	}
	if n := ts.store.Totals().Arrived; n != 4 {
		t.Errorf("%d arrived, want 4 (one by the gates, three by the leader)", n)
	}
}

// A passcode gate that reconnects (a dropped Wi-Fi) is the same login at
// the same station: it may annul the check-in it made a minute ago.
func TestServePasscodeGateAnnulsItsOwnAfterReconnect(t *testing.T) {
	ts := startServer(t, numberedRoster(3))
	connect := func() *gossh.Client {
		c, err := ts.Dial("rina", gossh.Password(testPasscode))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	first := connect()
	if out, code := sshtest.Command(t, first, "gerbang 1", "checkin R0001"); code != 0 {
		t.Fatalf("checkin: %d %q", code, out)
	}
	first.Close()
	p, _ := ts.store.Person("R0001")
	again := connect()
	defer again.Close()
	// Its screen's Ctrl+X offers the check-in made before the reconnect.
	_, in, out := sshtest.Screen(t, again, "gerbang 1", 30, 120)
	out.WaitFor(t, "Arrived 1 / 3")
	in.Write([]byte{0x18}) // Ctrl+X
	out.WaitFor(t, "Annul the check-in of Relawan 1 at station gerbang 1 at ")
	in.Write([]byte{0x1b}) // Esc: the annul is done below, over SSH
	if out, code := sshtest.Command(t, again, "gerbang 1", "annul "+p.Arrival.ID+" --reason salah"); code != 0 || !strings.Contains(out, "annulled") {
		t.Errorf("the gate could not annul its own check-in after reconnecting: %d %q", code, out)
	}
	if p, _ := ts.store.Person("R0001"); p.Status == model.StatusArrived {
		t.Error("R0001 is still checked in")
	}
}

// Over SSH as at the gate: a gate login's checkin of someone who left is
// refused, naming the station they left at and the way to check them in
// again, and kept as a note; with --came-back they are checked in.
func TestServeCheckInOfWhoLeft(t *testing.T) {
	ts := startServer(t, numberedRoster(3))
	gate := ts.DialRole(t, "rina", db.RoleGate)
	leader := ts.DialRole(t, "sari", db.RoleLeader)
	if out, code := sshCommand(t, gate, "checkin R0001"); code != 0 {
		t.Fatalf("checkin: exit %d %q", code, out)
	}
	if out, code := sshtest.Command(t, leader, "pos timur", "depart R0001"); code != 0 {
		t.Fatalf("depart: exit %d %q", code, out)
	}
	out, code := sshCommand(t, gate, "checkin R0001")
	if code != 1 || !strings.Contains(out, "pos timur") || !strings.Contains(out, "hadir checkin --came-back R0001") {
		t.Errorf("a gate's checkin of someone who left: exit %d %q; want exit 1, where they left and the way to check them in again", code, out)
	}
	if p, _ := ts.store.Person("R0001"); p.Status != model.StatusDeparted {
		t.Errorf("after the refused checkin R0001 is %v, want departed", p.Status)
	}
	notes := 0
	for _, n := range ts.store.Notes(time.Time{}) {
		if n.Volunteer == "R0001" && n.Reason == model.NoteDeparted {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("%d notes of the refused checkin, want 1", notes)
	}
	if out, code := sshCommand(t, gate, "checkin --came-back R0001"); code != 0 {
		t.Errorf("checkin --came-back: exit %d %q", code, out)
	}
	if p, _ := ts.store.Person("R0001"); p.Status != model.StatusArrived {
		t.Errorf("after checkin --came-back R0001 is %v, want arrived", p.Status)
	}
}
