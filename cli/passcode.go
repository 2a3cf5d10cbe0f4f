package cli

import (
	"crypto/rand"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/spf13/cobra"

	"hadir/db"
)

// passcodeBits is the strength of a new passcode: with the login backoff,
// far beyond what guessing over a campsite's Wi-Fi can reach.
const passcodeBits = 50

func passcodeCmd(who session) *cobra.Command {
	return who.command(spec{name: "passcode", args: "[ROLE]",
		summary: "make a new random passcode for `hadir serve --passcodes` (ROLE: gate, leader or admin; default gate)",
		example: "hadir passcode leader >> passcodes.txt"}, func(j job, args []string) error { return runPasscode(j, args) })
}

// passcodeWordCount is how many words reach passcodeBits (at least 4).
func passcodeWordCount() int {
	return max(4, int(math.Ceil(passcodeBits/math.Log2(float64(len(passcodeWords))))))
}

// newPasscode draws words uniformly from passcodeWords with crypto/rand.
func newPasscode() (string, error) {
	words := make([]string, passcodeWordCount())
	for i := range words {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(passcodeWords))))
		if err != nil {
			return "", err
		}
		words[i] = passcodeWords[n.Int64()]
	}
	return strings.Join(words, "-"), nil
}

func runPasscode(j job, args []string) error {
	role := db.RoleGate
	switch {
	case len(args) > 1:
		return usagef("name at most one role: gate, leader or admin")
	case len(args) == 1:
		r, ok := db.ParseRole(args[0])
		if !ok || r == db.RolePeer {
			return usagef("%q is not a role: choose gate, leader or admin", args[0])
		}
		role = r
	}
	code, err := newPasscode()
	if err != nil {
		return fmt.Errorf("cannot draw a random passcode: %w", err)
	}
	// The line goes to stdout, so `>> passcodes.txt` adds it; the advice to
	// the screen only.
	fmt.Fprintf(j.stderr(), "a new %s passcode (%d random words, about %d bits); add this line to the file given to `hadir serve --passcodes`:\n",
		role, passcodeWordCount(), int(float64(passcodeWordCount())*math.Log2(float64(len(passcodeWords)))))
	fmt.Fprintf(j.stdout(), "%s %s\n", role, code)
	return nil
}
