package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// The serve log stops growing at its cap: it rotates, keeps three old
// files, and every line is whole in one of them.
func TestServeLogRotates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hadir.db.serve.log")
	l, err := openRotatingLog(path, 1000, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		fmt.Fprintf(l, "hadir serve: line %03d %s\n", i, strings.Repeat("x", 70))
	}
	l.Close()
	for _, p := range []string{path, path + ".1", path + ".2", path + ".3"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(p), err)
		}
		if len(data) > 1000 || !strings.HasSuffix(string(data), "\n") || !strings.HasPrefix(string(data), "hadir serve: ") {
			t.Errorf("%s: %d bytes, lines cut or over the cap", filepath.Base(p), len(data))
		}
	}
	if _, err := os.Stat(path + ".4"); err == nil {
		t.Error("a fourth old log was kept")
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "line 199") {
		t.Error("the newest line is not in the current log")
	}
}

// A user name cannot forge a log line, and is cut at 64 characters.
func TestServeLogQuotesNames(t *testing.T) {
	ts := startServer(t, numberedRoster(1))
	ts.Dial("rina\nhadir serve: admin logged in"+strings.Repeat("x", 100), gossh.Password("salah-tebak-123"))
	log := ts.LogText()
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		if !strings.HasPrefix(line, "hadir serve: ") {
			t.Errorf("a line not written by the server: %q", line)
		}
	}
	if !strings.Contains(log, `"rina hadir serve: admin logged in`+strings.Repeat("x", 64-len("rina hadir serve: admin logged in"))+`…"`) {
		t.Errorf("the name is not quoted and cut at 64:\n%s", log)
	}
}

// A reopen that failed once (a full disk, a folder locked for a moment)
// does not end the log: the next line tries again.
func TestServeLogReopensAfterAFailure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hadir.db.serve.log")
	l, err := openRotatingLog(path, 1000, 3)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.f.Close()
	l.f = nil // as rotate leaves it when the new file could not be opened
	if _, err := fmt.Fprintf(l, "hadir serve: after the failure\n"); err != nil {
		t.Fatalf("the log stayed closed: %v", err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "after the failure") {
		t.Error("the line after a failed reopen is not in the log")
	}
}
