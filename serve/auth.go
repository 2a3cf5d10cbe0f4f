package serve

import (
	"bufio"
	"crypto/subtle"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"hadir/db"
)

// minPasscode is the shortest passcode serve accepts: it is typed at a gate
// and guarded by nothing else.
const minPasscode = 12

// logins holds who may connect to `hadir serve` and in which role. The role
// comes from the key or passcode that authenticated, never from the user
// name the client chose.
type logins struct {
	keys      map[string]db.Role // marshalled public key -> role
	passcodes []passcode
}

type passcode struct {
	secret string
	role   db.Role
}

func (l *logins) empty() bool { return len(l.keys) == 0 && len(l.passcodes) == 0 }

// loadKeys reads an authorized keys file. Each line is an OpenSSH public key
// (as in ~/.ssh/id_ed25519.pub), optionally preceded by a role word: gate,
// leader or admin. spec may be "ROLE=FILE" to give every key of the file a
// role; a key without one is a gate key, the least it can be.
func (l *logins) loadKeys(spec string) error {
	fileRole, path := db.RoleGate, spec
	if r, p, ok := strings.Cut(spec, "="); ok {
		role, valid := db.ParseRole(r)
		if !valid {
			return fmt.Errorf("--authorized-keys %s: %q is not a role (gate, leader, admin or peer)", spec, r)
		}
		fileRole, path = role, p
	}
	return eachLine(path, func(n int, line string) error {
		role := fileRole
		if word, rest, ok := strings.Cut(line, " "); ok {
			if r, valid := db.ParseRole(word); valid {
				role, line = r, strings.TrimSpace(rest)
			}
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return fmt.Errorf("%s line %d: not a public key (%v); copy the line from the gate laptop's ~/.ssh/id_ed25519.pub", path, n, err)
		}
		if l.keys == nil {
			l.keys = map[string]db.Role{}
		}
		l.keys[string(key.Marshal())] = role
		return nil
	})
}

// loadPasscodes reads lines "ROLE PASSCODE", for gates whose laptops have no
// SSH key: `ssh -p 2222 rina@host` then asks for the passcode.
func (l *logins) loadPasscodes(path string) error {
	return eachLine(path, func(n int, line string) error {
		word, secret, _ := strings.Cut(line, " ")
		role, ok := db.ParseRole(word)
		secret = strings.TrimSpace(secret)
		switch {
		case !ok:
			return fmt.Errorf("%s line %d: write the role first, then the passcode, as `hadir passcode gate` makes it: \"gate batu-napas-jamur-elok-mandiri\"", path, n)
		case role == db.RolePeer:
			return fmt.Errorf("%s line %d: another laptop syncs with its key, not a passcode: put its `hadir peer key` line in --authorized-keys", path, n)
		case len(secret) < minPasscode:
			return fmt.Errorf("%s line %d: the passcode is shorter than %d characters; make a new one with `hadir passcode %s`", path, n, minPasscode, role)
		}
		l.passcodes = append(l.passcodes, passcode{secret: secret, role: role})
		return nil
	})
}

func eachLine(path string, fn func(n int, line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

// roleOfKey returns the role bound to a public key.
func (l *logins) roleOfKey(key ssh.PublicKey) (db.Role, bool) {
	if key == nil {
		return "", false
	}
	role, ok := l.keys[string(key.Marshal())]
	return role, ok
}

// passcodeLogin is what a passcode logged in: its role and which line of
// the passcode file it is. The login itself is also the station it names
// (see sessionLogin).
type passcodeLogin struct {
	role db.Role
	line int
}

// roleOfPasscode returns the login of a passcode, comparing in constant time.
func (l *logins) roleOfPasscode(given string) (passcodeLogin, bool) {
	found, login := 0, passcodeLogin{}
	for i, p := range l.passcodes {
		if subtle.ConstantTimeCompare([]byte(p.secret), []byte(given)) == 1 {
			found, login = 1, passcodeLogin{role: p.role, line: i + 1}
		}
	}
	return login, found == 1
}

// ctxPasscodeLogin is where the password handler leaves the login it granted.
type ctxPasscodeLogin struct{}

// sessionLogin is the role of an authenticated session and the login that
// recorded its events: from the key it authenticated with, else from its
// passcode. Never from the user name the client chose.
func (l *logins) sessionLogin(sess ssh.Session) (db.Role, string) {
	if role, ok := l.roleOfKey(sess.PublicKey()); ok {
		return role, "key:" + fingerprint(sess.PublicKey())
	}
	if p, ok := sess.Context().Value(ctxPasscodeLogin{}).(passcodeLogin); ok {
		// Laptops that share a passcode are separate logins by the station
		// they name: one gate's Ctrl+X or annul must not reach another
		// gate's check-ins, yet a gate that reconnects (a dropped Wi-Fi)
		// still reaches its own. Not the connection: it changes then.
		return p.role, fmt.Sprintf("passcode:%s:%d@%s", p.role, p.line, stationOf(sess))
	}
	return db.RoleGate, "unknown" // unreachable: unauthenticated sessions do not start
}

func fingerprint(key ssh.PublicKey) string { return gossh.FingerprintSHA256(key) }
