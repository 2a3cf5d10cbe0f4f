package serve

import (
	"bytes"
	"io"
	"log"
	"os"
	"path/filepath"
	"testing"
)

// The host key is made at the first start, readable by its owner only, and
// the same key is used again at the next start (gates would warn otherwise).
func TestServeHostKeyKeptBesideTheStore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hadir.db.host_key")
	srv := &server{logins: &logins{}, log: log.New(io.Discard, "", 0)}
	if _, err := srv.newSSHServer("127.0.0.1:0", path); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no host key beside the store: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}
	if _, err := srv.newSSHServer("127.0.0.1:0", path); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(first, again) {
		t.Error("the host key changed at the second start")
	}
}
