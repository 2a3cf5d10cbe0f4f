package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A gate on its own copy, linked to the serving laptop: its footer says
// connected, then offline (in words, with what is still to send) when the
// serving laptop stops, and connected again when it is back; the check-in
// made meanwhile reaches it.
func TestTerminalGateFooterFollowsItsPeer(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	roster := filepath.Join(dir, "roster.csv")
	mainDB, gateDB := filepath.Join(dir, "main.db"), filepath.Join(dir, "gate.db")
	for _, args := range [][]string{{"sample", "--n", "300", "-o", roster}, {"import", roster, "--db", mainDB}} {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("hadir %v: %v\n%s", args, err, out)
		}
	}
	data, _ := os.ReadFile(mainDB)
	os.WriteFile(gateDB, data, 0o600)
	server := &replica{t: t, bin: bin, db: mainDB, port: freePort(t), keys: filepath.Join(dir, "main.keys")}
	gate := &replica{t: t, bin: bin, db: gateDB}
	os.WriteFile(server.keys, []byte(strings.TrimSpace(gate.hadir("peer", "key"))+"\n"), 0o600)
	server.start()
	t.Cleanup(server.stop)
	id := firstID(t, bin, gateDB)

	s := startTmux(t, dir, 100, 30, fmt.Sprintf("%s --db %s --peer 127.0.0.1:%d --operator Rina --no-bell --lang en --backup-every 0", bin, gateDB, server.port))
	s.waitFor("⇄ connected")
	server.stop()
	s.waitFor("✗ offline since")
	s.typeLiteral(id + "\r")
	s.waitFor("1 records to send")
	server.start()
	s.waitFor("⇄ connected")
	// The link is up again: what was made apart reaches the serving laptop.
	for deadline := time.Now().Add(time.Minute); server.arrived() != 1; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the check-in made apart never reached the serving laptop (%d arrived there)", server.arrived())
		}
	}
	s.keys("C-c")
}

func firstID(t *testing.T, bin, db string) string {
	t.Helper()
	out, err := exec.Command(bin, "export", "roster", "--format", "csv", "--db", db).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	return strings.Split(lines[1], ",")[0]
}
