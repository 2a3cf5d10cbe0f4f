package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
)

// In a real 80x24 terminal, in both languages: the help box fits, a badge
// scanned in lower case is checked in, a walk-in spelt another way than the
// roster is shown the roster's person before anything is saved, and the
// command line answers in the same language.
func TestTerminalWordsAndWalkIns(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	for _, c := range []struct {
		lang, ready, helpClose, checkedIn, similar, stats string
	}{
		{"id", "Ketik nama atau pindai kartu", "Tekan tombol apa saja untuk menutup.", "Hadir: JRS-BLG-0010",
			"Siti Aisah mungkin sudah terdaftar", "tiba 1 dari 3000"},
		{"en", "Type a name or scan a badge", "Press any key to close.", "Checked in: JRS-BLG-0010",
			"Siti Aisah may be on the roster already", "arrived 1 of 3000"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			dir := t.TempDir()
			s := startTmux(t, dir, 80, 24, bin+" demo --operator Rina --no-bell --lang "+c.lang)
			s.waitFor(c.ready)
			s.typeLiteral("?")
			s.waitFor(c.helpClose)
			for i, l := range strings.Split(s.screen(), "\n") {
				if w := lipgloss.Width(l); w > 80 {
					t.Errorf("line %d of the help is %d columns wide:\n%s", i+1, w, s.screen())
				}
			}
			if strings.Count(s.screen(), "╮") != 1 || strings.Count(s.screen(), "╯") != 1 {
				t.Errorf("the help box is not whole:\n%s", s.screen())
			}
			s.keys("Escape")
			// The help closed before the scan: an Escape read together with
			// the next letter is Alt+letter to a terminal.
			for deadline := time.Now().Add(time.Minute); strings.Contains(s.screen(), c.helpClose); time.Sleep(50 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("the help never closed:\n%s", s.screen())
				}
			}
			s.typeLiteral("jrs-blg-0010\r") // Caps Lock off, the scanner set to lower case
			s.waitFor(c.checkedIn)
			s.keys("C-n")
			s.typeLiteral("Siti Aisah\rbalangan\rPKH\r")
			s.keys("Right", "Enter", "Enter")
			s.waitFor(c.similar)
			s.waitFor("JRS-BLG-0002")
			s.keys("Escape") // back to the form
			s.keys("Escape") // the form closes
			s.keys("C-c")
			// A form still half filled (two Escapes sent at once can read as
			// one Alt+Escape) asks before quitting: the second Ctrl+C quits.
			if !s.showsWithin("EXITED", 3*time.Second) && strings.Contains(s.screen(), "Ctrl+C") {
				s.keys("C-c")
			}
			s.waitFor("EXITED")
			cmd := exec.Command(bin, "stats", "--db", filepath.Join(dir, "hadir-demo.db"), "--lang", c.lang)
			out, err := cmd.Output()
			if err != nil || !strings.Contains(string(out), c.stats) {
				t.Fatalf("stats --lang %s: %v\n%s", c.lang, err, out)
			}
		})
	}
}
