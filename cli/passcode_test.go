package cli

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// `hadir passcode` prints a line for the passcodes file: the role, then at
// least four words of the list, about 50 bits; serve takes it, and refuses
// a short one.
func TestPasscodeCommand(t *testing.T) {
	c := newCLI(t)
	seen := map[string]bool{}
	for _, role := range []string{"", "leader", "admin"} {
		args := []string{"passcode"}
		if role != "" {
			args = append(args, role)
		}
		r := c.ok(args...)
		line := strings.TrimSpace(r.stdout)
		gotRole, code, _ := strings.Cut(line, " ")
		if want := map[string]string{"": "gate"}[role]; want == "" && gotRole != role || want != "" && gotRole != want {
			t.Errorf("hadir %v: role %q in %q", args, gotRole, line)
		}
		words := strings.Split(code, "-")
		if len(words) < 4 {
			t.Errorf("passcode %q has %d words, want at least 4", code, len(words))
		}
		for _, w := range words {
			if !slices.Contains(passcodeWords, w) {
				t.Errorf("%q is not from the word list", w)
			}
		}
		if seen[code] {
			t.Errorf("the same passcode %q came twice", code)
		}
		seen[code] = true
		contains(t, "stderr", r.stderr, "add this line to the file given to `hadir serve --passcodes`")
	}
	if bits := float64(passcodeWordCount()) * math.Log2(float64(len(slices.Compact(slices.Sorted(slices.Values(passcodeWords)))))); bits < 48 {
		t.Errorf("a passcode carries %.1f bits, want about 50", bits)
	}
	c.expect(2, "passcode", "tamu")

	c.importGood()
	short := c.write("pendek.txt", []byte("gate rahasia-123\n"))
	r := c.expect(1, "serve", "--headless", "--passcodes", short)
	contains(t, "stderr", r.stderr, "shorter than 12 characters", "hadir passcode gate")
}
