package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The last day at a real gate, in Indonesian: departures mode counts people
// out, a departed volunteer scanned in the normal mode is not checked back
// in, and an unknown badge between two good ones stays on screen and in
// the log.
func TestTerminalDeparturesAndRefusedScans(t *testing.T) {
	requireTmux(t)
	bin, dir := buildBinary(t), t.TempDir()
	s := startTmux(t, dir, 80, 24, bin+" demo --operator Rina --no-bell --lang id --station 'gerbang 1'")
	s.waitFor("Ketik nama atau pindai kartu peserta")

	s.typeLiteral("JRS-BLG-0002\r")
	s.waitFor("Hadir: JRS-BLG-0002 Siti Aisyah")

	s.keys("C-d")
	s.waitFor("⇥ PULANG")
	s.waitFor("Mode PULANG: pindaian mencatat kepulangan")
	s.typeLiteral("JRS-BLG-0002\r")
	s.waitFor("Pulang: JRS-BLG-0002 Siti Aisyah")
	s.keys("C-d")
	s.waitFor("Kembali ke kedatangan")

	s.typeLiteral("JRS-BLG-0002\r") // staff scan a departed volunteer in the normal mode
	s.waitFor("S U D A H   P U L A N G")
	s.waitFor("Sudah pulang: JRS-BLG-0002 Siti Aisyah")
	// No Esc: a terminal may read Esc and the next scan as Alt keys. The next
	// scan drops the question by itself.

	s.typeLiteral("ZZZ-0042\r")
	s.waitFor("ID tidak dikenal: ZZZ-0042")
	s.typeLiteral("JRS-BLG-0003\r")
	s.waitFor("Hadir: JRS-BLG-0003")
	if screen := s.screen(); !strings.Contains(screen[strings.Index(screen, "Hadir: JRS-BLG-0003"):], "✗ ID tidak dikenal: ZZZ-0042") {
		t.Fatalf("the unknown badge is not under the next answer:\n%s", screen)
	}

	s.keys("F4")
	s.typeLiteral("zzz")
	s.waitFor("pindaian d") // the kind, cut at 80 columns
	s.keys("Enter")
	s.waitFor("Dipindai")
	s.waitFor("ZZZ-0042")

	s.keys("C-c")
	s.waitFor("EXITED")
	store := filepath.Join(dir, "hadir-demo.db")
	got := readStats(t, bin, store)
	if got.Arrived != 2 || got.Departed != 1 {
		t.Fatalf("stats says %d arrived, %d departed; want 2 and 1 (the departed scan checked nobody back in)", got.Arrived, got.Departed)
	}
	out, err := exec.Command(bin, "export", "events", "--db", store).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{",note,ZZZ-0042,", "unknown-badge", ",note,JRS-BLG-0002,", "departed"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the events export lacks %q:\n%s", want, out)
		}
	}
}
