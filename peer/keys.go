package peer

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"

	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
	"hadir/model"
)

// The store's own key, beside it (not inside: a copy of the store on
// another laptop must not carry this laptop's key). Made at first use.
func keyPath(store string) string { return store + ".peer_key" }

// Key returns this store's peer key, making it if missing.
func Key(storePath string) (gossh.Signer, error) {
	path := keyPath(storePath)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		_, priv, gerr := ed25519.GenerateKey(rand.Reader)
		if gerr != nil {
			return nil, gerr
		}
		block, merr := gossh.MarshalPrivateKey(priv, "hadir peer key")
		if merr != nil {
			return nil, merr
		}
		data = pem.EncodeToMemory(block)
		if err = db.WriteFileAtomic(path, func(w io.Writer) error {
			_, werr := w.Write(data)
			return werr
		}); err != nil {
			return nil, fmt.Errorf("cannot write this laptop's peer key %s: %w", path, err)
		}
		if err = os.Chmod(path, 0o600); err != nil {
			return nil, fmt.Errorf("cannot protect the peer key %s: %w", path, err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("cannot read this laptop's peer key %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("%s is not a key hadir made (%v); delete it and run `hadir peer key` again, then give the other laptops the new line", path, err)
	}
	return signer, nil
}

// KeyLine is this laptop's line for the other laptops' --authorized-keys
// files: "peer ssh-ed25519 AAAA… STATION".
func KeyLine(signer gossh.Signer, station string) string {
	key := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
	station, _ = model.CleanText(station, 64)
	station = strings.Join(strings.Fields(station), "-")
	return "peer " + key + " " + station
}

// knownHosts remembers the key each peer address showed the first time
// (trust on first use, as ssh does) in a file beside the store, and refuses
// an address whose key changed: another laptop answering at that address
// must not be sent the count.
type knownHosts struct {
	mu   sync.Mutex
	path string
}

func newKnownHosts(storePath string) *knownHosts {
	return &knownHosts{path: storePath + ".known_peers"}
}

func (k *knownHosts) check(addr string, _ net.Addr, key gossh.PublicKey) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	line := addr + " " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key)))
	f, err := os.Open(k.path)
	if err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if known, _, ok := strings.Cut(sc.Text(), " "); !ok || known != addr {
				continue
			}
			f.Close()
			if sc.Text() == line {
				return nil
			}
			return fmt.Errorf("the laptop at %s shows another key than the first time: if hadir serve was set up anew there, delete its line from %s; otherwise another computer is answering at that address, and nothing was sent", addr, k.path)
		}
		f.Close()
	}
	out, err := os.OpenFile(k.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("cannot remember the key of %s in %s: %w", addr, k.path, err)
	}
	defer out.Close()
	_, err = fmt.Fprintln(out, line)
	return err
}
