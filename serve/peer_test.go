package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hadir/db"
)

// pretendOtherUser makes this process believe it runs as another user, so
// that the real programs at the other end of a socket (this process) look
// like another account's.
func pretendOtherUser(t *testing.T) {
	pretendUID.Store(int64(os.Getuid() + 1000))
	t.Cleanup(func() { pretendUID.Store(0) })
}

// A socket planted at <store>.sock by another account is not believed: the
// command is not sent to it (the command line then opens the store
// itself), and the user is told why.
func TestLocalSocketOfAnotherUserIsNotBelieved(t *testing.T) {
	store := filepath.Join(t.TempDir(), "hadir.db")
	ln, err := net.Listen("unix", socketPath(store))
	if err != nil {
		t.Fatal(err)
	}
	fake := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(localReply{Stdout: []byte("JRS-BJM-0001: checked in (by the planted socket)\n"), Code: 0})
	})}
	go fake.Serve(ln)
	t.Cleanup(func() { fake.Close() })

	pretendOtherUser(t) // the planted server (this process) is another account's
	var stdout, stderr bytes.Buffer
	if _, forwarded := Forward(store, []string{"checkin", "JRS-BJM-0001"}, &stdout, &stderr); forwarded {
		t.Error("the command was sent to the planted socket")
	}
	if strings.Contains(stdout.String(), "planted") {
		t.Errorf("the planted socket was believed:\n%s", stdout.String())
	}
	for _, want := range []string{"held by another user's program", "not trusted", "Delete " + socketPath(store)} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("the note %q does not say %q", stderr.String(), want)
		}
	}
}

// The server answers no program of another user on its socket, and logs it.
func TestLocalServerRefusesAnotherUser(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hadir.db")
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	refused := make(chan error, 1)
	local, err := ListenLocal(st, path, testRun, func(err error) { refused <- err })
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	pretendOtherUser(t)
	conn, err := net.Dial("unix", socketPath(path))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "POST /run HTTP/1.1\r\nHost: hadir\r\nContent-Length: 20\r\n\r\n{\"args\":[\"backup\"]}\n")
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	if b, _ := io.ReadAll(conn); len(b) > 0 {
		t.Errorf("the server answered another user's program: %q", b)
	}
	select {
	case err := <-refused:
		if !strings.Contains(err.Error(), "another user") {
			t.Errorf("refused with %v", err)
		}
	case <-time.After(time.Minute):
		t.Error("the refusal was not told")
	}
}
