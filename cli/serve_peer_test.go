package cli

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
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
// check-in is made in the store itself, and the user is told why.
func TestLocalSocketOfAnotherUserIsNotBelieved(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	ln, err := net.Listen("unix", socketPath(c.db))
	if err != nil {
		t.Fatal(err)
	}
	fake := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(localReply{Stdout: []byte("JRS-BJM-0001: checked in (by the planted socket)\n"), Code: 0})
	})}
	go fake.Serve(ln)
	t.Cleanup(func() { fake.Close() })

	pretendOtherUser(t) // the planted server (this process) is another account's
	r := c.run("checkin", "JRS-BJM-0001")
	if strings.Contains(r.stdout, "planted") {
		t.Errorf("the planted socket was believed:\n%v", r)
	}
	contains(t, "checkin", r.stdout, "JRS-BJM-0001: checked in: Muhammad Rizki")
	contains(t, "checkin", r.stderr, "held by another user's program", "not trusted", "Delete "+socketPath(c.db))
	fake.Close()
	os.Remove(socketPath(c.db))
	st, err := db.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if p, _ := st.Person("JRS-BJM-0001"); p.Arrival == nil {
		t.Error("the check-in was not stored")
	}
}

// The server answers no program of another user on its socket, and logs it.
func TestLocalServerRefusesAnotherUser(t *testing.T) {
	c := newCLI(t)
	c.importGood()
	st, err := db.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	refused := make(chan error, 1)
	local, err := serveLocal(st, c.db, func(err error) { refused <- err })
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	pretendOtherUser(t)
	conn, err := net.Dial("unix", socketPath(c.db))
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
