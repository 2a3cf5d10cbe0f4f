package cli

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"hadir/internal/sshtest"
	"hadir/model"
)

// A badge ID typed or scanned in lower case is the volunteer's: the gate
// accepted it and the command line said "unknown".
func TestCheckInIgnoresCase(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.write("peserta.csv", []byte(smallRoster+"JRS-BLG-0010;Siti Aisyah;Kabupaten Balangan;PKH;P;081251110010\n"))
	c.ok("import", c.dir+"/peserta.csv")
	r := c.ok("checkin", "jrs-blg-0010")
	contains(t, "stdout", r.stdout, "jrs-blg-0010: checked in: Siti Aisyah, Kabupaten Balangan")
	r = c.expect(1, "checkin", "JRS-BLG-0010")
	contains(t, "stdout", r.stdout, "JRS-BLG-0010: already checked in")
	if s := c.stats(); s.Arrived != 1 {
		t.Errorf("arrived %d after checking in one person in two cases, want 1", s.Arrived)
	}
	r = c.ok("export", "events")
	if !strings.Contains(r.stdout, ",JRS-BLG-0010,") {
		t.Errorf("the arrival is not written for JRS-BLG-0010 as stored:\n%s", r.stdout)
	}
}

// The commands speak the user's language: HADIR_LANG=id, or --lang.
func TestCommandsSpeakIndonesian(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	t.Setenv("HADIR_LANG", "id")
	r := c.ok("checkin", "JRS-BLG-0001")
	contains(t, "checkin", r.stdout, "JRS-BLG-0001: tercatat hadir: Nurul Hikmah, Kabupaten Balangan (1/3 kontingen)")
	r = c.expect(1, "checkin", "JRS-BLG-0001", "NOPE")
	contains(t, "checkin", r.stdout, "JRS-BLG-0001: sudah tercatat hadir: Nurul Hikmah", "NOPE: ID tidak dikenal")
	r = c.ok("stats")
	contains(t, "stats", r.stdout, "tiba 1 dari 5 yang diharapkan (4 belum", "KONTINGEN", "DISAHKAN")
	r = c.ok("stats", "--lang", "en")
	contains(t, "stats --lang en", r.stdout, "arrived 1 of 5 expected", "CONTINGENT")
	t.Setenv("HADIR_LANG", "en")
	r = c.ok("stats", "--lang", "id")
	contains(t, "stats --lang id", r.stdout, "tiba 1 dari 5", "KONTINGEN")
	c.expect(2, "stats", "--lang", "fr")
}

// Over SSH the client's HADIR_LANG is the language of the answers, and a
// badge in lower case is found there too.
func TestSSHCommandsSpeakTheClientsLanguage(t *testing.T) {
	ts := startServer(t, numberedRoster(3))
	c, err := ts.Dial("rina", gossh.Password(testPasscode))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.Setenv("HADIR_LANG", "id"); err != nil {
		t.Fatal(err)
	}
	var out sshtest.Buffer
	sess.Stdout, sess.Stderr = &out, &out
	if err := sess.Run("checkin r0001"); err != nil {
		t.Fatalf("checkin r0001: %v\n%s", err, out.String())
	}
	contains(t, "ssh checkin", out.String(), "r0001: tercatat hadir")
	if p, _ := ts.store.Person("R0001"); p.Status != model.StatusArrived {
		t.Errorf("R0001 is %v after checkin r0001 over SSH", p.Status)
	}
}
