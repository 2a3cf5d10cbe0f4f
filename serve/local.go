package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"

	"hadir/db"
)

// While `hadir serve` holds the store, the commands on the same laptop
// (stats, export, backup, checkin…) are run by the server on the shared
// store: they reach it through a socket beside the store that only the
// laptop's user can open.

func socketPath(store string) string { return store + ".sock" }

// localRequest and localReply are what travel over the socket.
type localRequest struct {
	Args []string `json:"args"`
}

type localReply struct {
	Stdout []byte `json:"stdout"`
	Stderr []byte `json:"stderr"`
	Code   int    `json:"code"`
}

// ListenLocal answers commands from this laptop on the shared store (run
// is told they are Local); a connection from another user's program is
// closed and told to refused. Close the returned server to stop.
func ListenLocal(st *db.Store, storePath string, run func(Call) int, refused func(error)) (io.Closer, error) {
	path := socketPath(storePath)
	os.Remove(path) // left by a server that died: we hold the store, so no other server is running
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s for the commands on this laptop: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil && runtime.GOOS != "windows" {
		ln.Close() // on Windows the folder's permissions guard it instead
		return nil, fmt.Errorf("cannot make %s private to this user: %w", path, err)
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req localRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Args) == 0 {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		var out, errOut bytes.Buffer
		code := run(Call{Args: req.Args, Store: st, Stdout: &out, Stderr: &errOut, Local: true, Role: db.RoleOwner})
		json.NewEncoder(w).Encode(localReply{Stdout: out.Bytes(), Stderr: errOut.Bytes(), Code: code})
	})
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(trustedListener{Listener: ln, path: path, refused: refused})
	return srv, nil
}

// Forward runs a command on a running `hadir serve` of the store, if
// there is one: ok is false when none answers. args are the command line
// as the server is to run it (its files made absolute by the caller).
func Forward(storePath string, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	sock := socketPath(storePath)
	if _, err := os.Stat(sock); err != nil {
		return 0, false
	}
	body, _ := json.Marshal(localRequest{Args: args})
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		conn, err := (&net.Dialer{Timeout: time.Second}).DialContext(ctx, "unix", sock)
		if err != nil {
			return nil, err
		}
		if err := checkPeer(conn, sock); err != nil {
			conn.Close()
			return nil, err
		}
		return conn, nil
	}}}
	resp, err := client.Post("http://hadir/run", "application/json", bytes.NewReader(body))
	var foreign *foreignPeerError
	if errors.As(err, &foreign) {
		fmt.Fprintf(stderr, "hadir: note: %v; the store is opened directly. Delete %s if no hadir serve of yours is running.\n", foreign, sock)
		return 0, false
	}
	if err != nil {
		return 0, false // no server answers: a stale socket; open the store as usual
	}
	defer resp.Body.Close()
	var rep localReply
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		fmt.Fprintf(stderr, "hadir %s: the running hadir serve gave an unreadable answer (%v)\n", args[0], err)
		return 1, true
	}
	stdout.Write(rep.Stdout)
	stderr.Write(rep.Stderr)
	return rep.Code, true
}
