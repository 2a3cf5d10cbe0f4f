package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"os"

	gossh "golang.org/x/crypto/ssh"
)

// makeHostKey writes a new ed25519 host key at path, owner-only, unless one
// is there. Made here rather than by the SSH library, which also changes
// the mode of the folder to 0700: a shared store folder (mode 1777) is not
// serve's to close, and another user's folder cannot be changed at all.
func makeHostKey(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write the host key %s: %w", path, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err == nil {
		var block *pem.Block
		if block, err = gossh.MarshalPrivateKey(priv, ""); err == nil {
			err = pem.Encode(f, block)
		}
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // a half-written key would stop every later start
		return fmt.Errorf("cannot write the host key %s: %w", path, err)
	}
	return nil
}
