package version

import (
	"runtime"
	"strings"
	"testing"
)

// A release says its version; a build from a checkout says its commit, its
// time and whether it had changes nobody committed.
func TestBuildString(t *testing.T) {
	cases := []struct {
		b    Build
		want string
	}{
		{Build{Version: "v1.2.0", Go: "go1.26.8"}, "v1.2.0"},
		{Build{Version: "devel", Revision: "1a2b3c4d5e6f", Time: "2026-12-01T10:00:00Z", Go: "go1.26.8"}, "devel 1a2b3c4d5e6f 2026-12-01T10:00:00Z"},
		{Build{Version: "devel", Revision: "1a2b3c4d5e6f", Modified: true}, "devel 1a2b3c4d5e6f (modified)"},
	}
	for _, c := range cases {
		if got := c.b.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.b, got, c.want)
		}
	}
	if d := (Build{Version: "v1.2.0", Go: "go1.26.8"}).Describe(); d != "hadir v1.2.0 (go1.26.8)" {
		t.Errorf("Describe: %q", d)
	}
	if r := Read(); r.Go != runtime.Version() || !strings.HasPrefix(Short(), r.Version) {
		t.Errorf("Read: %+v, Short %q; want this binary's Go %s", r, Short(), runtime.Version())
	}
}
