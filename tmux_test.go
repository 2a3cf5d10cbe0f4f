package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession runs the built binary in a real terminal (tmux), types into it
// and reads the screen, as a person at the gate would.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is not installed; CI must install it (see .ci/run)")
		}
		t.Skip("tmux is not installed")
	}
}

// buildBinary builds hadir once per test into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "hadir")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startDemo builds hadir and opens `hadir demo` for Rina in a w×h terminal
// in a new folder, with the extra flags, ready for a scan.
func startDemo(t *testing.T, w, h int, flags string) (s *tmuxSession, bin, dir string) {
	t.Helper()
	requireTmux(t)
	bin, dir = buildBinary(t), t.TempDir()
	s = startTmux(t, dir, w, h, bin+" demo --operator Rina --no-bell "+flags)
	s.waitFor("Type a name or scan a badge")
	return s, bin, dir
}

var tmuxSessions int // each session gets its own tmux server

func startTmux(t *testing.T, dir string, w, h int, command string) *tmuxSession {
	t.Helper()
	tmuxSessions++
	s := &tmuxSession{t: t, socket: fmt.Sprintf("hadir-test-%d-%d", os.Getpid(), tmuxSessions), name: "gate"}
	s.tmux("new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-c", dir,
		"env TERM=xterm-256color HADIR_LANG=en "+command+"; echo EXITED; sleep 60")
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", s.name) }

// typeLiteral sends text at full speed, as a USB scanner types.
func (s *tmuxSession) typeLiteral(text string) { s.tmux("send-keys", "-t", s.name, "-l", text) }

func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

func (s *tmuxSession) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(time.Minute) // long: only a screen that never shows it fails
	for time.Now().Before(deadline) {
		if strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s.screen())
}

// showsWithin reports whether the screen shows want within d: for a step
// that may or may not come (a question before quitting), never for a pass.
func (s *tmuxSession) showsWithin(want string, d time.Duration) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if strings.Contains(s.screen(), want) {
			return true
		}
	}
	return false
}

// The gate in a real terminal: scan an ID, search a name, confirm, quit, and
// the command line agrees with what the screen said.
func TestTerminalGate(t *testing.T) {
	s, bin, dir := startDemo(t, 100, 30, "--station 'gerbang 1'")
	s.waitFor("Arrived 0 / 3,000")

	s.typeLiteral("JRS-BLG-0002\r") // the scanner: ID and Enter, no other key
	s.waitFor("Checked in: JRS-BLG-0002 Siti Aisyah, Kab. Balangan")

	s.typeLiteral("sudjatmoko")
	s.waitFor("Soedjatmoko")
	s.keys("Enter")
	s.waitFor("Check in this person?")
	s.waitFor("S o e d j a t m o k o")
	s.keys("Enter")
	s.waitFor("Checked in: JRS-BJR-0003 Soedjatmoko")
	s.waitFor("Arrived 2 / 3,000")

	s.keys("C-c")
	s.waitFor("EXITED")

	out, err := exec.Command(bin, "stats", "--json", "--db", filepath.Join(dir, "hadir-demo.db")).Output()
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	var stats struct {
		Expected, Arrived int
	}
	if err := json.Unmarshal(out, &stats); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	if stats.Arrived != 2 || stats.Expected != 3000 {
		t.Fatalf("stats says %d of %d arrived; the screen said 2 of 3,000", stats.Arrived, stats.Expected)
	}

	// Reopened, the screen shows the same arrivals.
	s2 := startTmux(t, dir, 100, 30, bin+" demo --operator Rina --no-bell")
	s2.waitFor("Arrived 2 / 3,000")
}

// The Balangan flow in a real terminal: open the contingent, excuse one
// member, check the other 99 in together, sign off; the command line agrees;
// an annulled arrival makes the sign-off no longer valid.
func TestTerminalBalanganSignOff(t *testing.T) {
	s, bin, dir := startDemo(t, 120, 40, "--station 'gerbang 1'")
	store := filepath.Join(dir, "hadir-demo.db")
	s.keys("Tab")
	s.waitFor("Kab. Balangan")
	s.typeLiteral("balangan")
	s.keys("Enter")
	s.waitFor("0/100 arrived · 100 missing")

	s.typeLiteral("e")
	s.waitFor("Press s = sakit")
	s.typeLiteral("s")
	s.typeLiteral("demam")
	s.keys("Enter")
	s.waitFor("0/100 arrived · 99 missing · 1 excused")

	s.typeLiteral("a")
	s.waitFor("99 selected")
	s.keys("Enter")
	s.waitFor("Check in 99 volunteers of Kab. Balangan?")
	s.keys("Enter")
	s.waitFor("99/100 arrived · 0 missing · 1 excused")

	s.typeLiteral("s")
	s.waitFor("Leader's name:")
	s.keys("C-u")
	s.typeLiteral("H. Ahmad Rifani")
	s.keys("Enter")
	s.waitFor("Signed off by H. Ahmad Rifani")
	s.keys("Escape")
	s.waitFor("✓ H. Ahmad Rifani")
	s.keys("C-c")
	s.waitFor("EXITED")

	stats := readStats(t, bin, store)
	b := stats.contingent("Kab. Balangan")
	if b.Arrived != 99 || b.Excused != 1 || b.ConfirmedBy == nil || *b.ConfirmedBy != "H. Ahmad Rifani" {
		t.Fatalf("stats for Balangan: %+v", b)
	}

	// Annul one arrival from the command line: the sign-off is no longer valid.
	out, err := exec.Command(bin, "export", "arrivals", "--format", "json", "--db", store).Output()
	if err != nil {
		t.Fatal(err)
	}
	var first struct{ ID string }
	json.Unmarshal([]byte(strings.SplitN(string(out), "\n", 2)[0]), &first)
	events, _ := exec.Command(bin, "export", "events", "--db", store).Output()
	var eventID string
	for _, line := range strings.Split(string(events), "\n") {
		if strings.Contains(line, ",arrive,"+first.ID+",") {
			eventID = strings.SplitN(line, ",", 2)[0]
		}
	}
	if out, err := exec.Command(bin, "annul", eventID, "--reason", "tidak jadi datang", "--db", store).CombinedOutput(); err != nil {
		t.Fatalf("annul %s: %v\n%s", eventID, err, out)
	}
	if b := readStats(t, bin, store).contingent("Kab. Balangan"); b.ConfirmedBy != nil || b.Arrived != 98 {
		t.Fatalf("after the annul: %+v; the sign-off must no longer count", b)
	}
	s2 := startTmux(t, dir, 120, 40, bin+" demo --operator Rina --no-bell")
	s2.waitFor("Type a name or scan a badge")
	s2.keys("Tab")
	s2.waitFor("H. Ahmad Rifani: no longer valid")
}

// contingentStats is one contingent in `stats --json`.
type contingentStats struct {
	Name                       string
	Expected, Arrived, Excused int
	ConfirmedBy                *string `json:"confirmed_by"`
}

type terminalStats struct {
	Expected, Arrived, Departed int
	Contingents                 []contingentStats
}

func (s terminalStats) contingent(name string) contingentStats {
	for _, c := range s.Contingents {
		if c.Name == name {
			return c
		}
	}
	return contingentStats{}
}

func readStats(t *testing.T, bin, store string) terminalStats {
	t.Helper()
	out, err := exec.Command(bin, "stats", "--json", "--db", store).Output()
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	var s terminalStats
	if err := json.Unmarshal(out, &s); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	return s
}

// Pull the plug mid-session: the newest automatic backup opens and verifies,
// and holds what was checked in before it was written.
func TestTerminalKilledNewestBackupVerifies(t *testing.T) {
	s, bin, dir := startDemo(t, 100, 30, "--backup-every 300ms")
	for _, id := range []string{"JRS-BLG-0002", "JRS-BLG-0003", "JRS-BJM-0002"} {
		s.typeLiteral(id + "\r")
		s.waitFor("Checked in:")
	}
	s.waitFor("✓ backup")
	// Wait (however long a loaded machine takes) for a backup written after
	// the last check-in, then pull the plug.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
		backups, _ := filepath.Glob(filepath.Join(dir, "backups", "hadir-*.db"))
		if len(backups) > 0 {
			out, _ := exec.Command(bin, "verify", "--db", backups[len(backups)-1]).CombinedOutput()
			if strings.Contains(string(out), "3 arrived") {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("no backup holding the 3 check-ins was written within a minute")
		}
	}
	shell := strings.TrimSpace(s.tmux("display", "-p", "-t", s.name, "#{pane_pid}"))
	if out, err := exec.Command("pkill", "-KILL", "-P", shell).CombinedOutput(); err != nil {
		t.Fatalf("pkill: %v %s", err, out)
	}
	s.waitFor("Killed")
	backups, _ := filepath.Glob(filepath.Join(dir, "backups", "hadir-*.db"))
	if len(backups) == 0 {
		t.Fatal("no backup was written")
	}
	newest := backups[len(backups)-1]
	out, err := exec.Command(bin, "verify", "--db", newest).CombinedOutput()
	if err != nil {
		t.Fatalf("the newest backup %s does not verify: %v\n%s", newest, err, out)
	}
	if !strings.Contains(string(out), "3 arrived") {
		t.Errorf("the newest backup holds: %s; want the 3 check-ins", out)
	}
	// The store itself also survived the kill.
	if out, err := exec.Command(bin, "verify", "--db", filepath.Join(dir, "hadir-demo.db")).CombinedOutput(); err != nil {
		t.Errorf("the store after the kill: %v\n%s", err, out)
	}
}

// A scanner that stores badges sends them all at once: 40 IDs, each with its
// Enter, in one burst. Every one is checked in, none lost.
func TestTerminalScanBurst(t *testing.T) {
	s, bin, dir := startDemo(t, 100, 30, "--station 'gerbang 1'")
	var burst strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&burst, "JRS-BLG-%04d\r", i)
	}
	s.typeLiteral(burst.String()) // one send-keys call: no pause between badges
	s.waitFor("Checked in: JRS-BLG-0040")
	s.waitFor("Arrived 40 / 3,000")
	s.keys("C-c")
	s.waitFor("EXITED")
	if got := readStats(t, bin, filepath.Join(dir, "hadir-demo.db")); got.Arrived != 40 {
		t.Fatalf("stats says %d arrived after a burst of 40 badges", got.Arrived)
	}
}
