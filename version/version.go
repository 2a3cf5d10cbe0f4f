// Package version says which build of hadir is running: five laptops at a
// gathering may carry five builds, and a count is only comparable when it
// is known which one wrote it.
package version

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// Build is what the Go toolchain recorded in the binary.
type Build struct {
	Version  string // the module version ("v1.2.0"), or "devel" for a build from a checkout
	Revision string // the VCS commit, shortened; "" when not built from a repository
	Time     string // the commit's time (RFC 3339)
	Modified bool   // built from a checkout with uncommitted changes
	Go       string // the Go version that built it
}

// Read returns the running binary's build information.
func Read() Build {
	b := Build{Version: "devel", Go: "unknown"}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	b.Go = info.GoVersion
	if v := info.Main.Version; v != "" && v != "(devel)" {
		b.Version = v
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value[:min(len(s.Value), 12)]
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// String is the build in one short line: "v1.2.0", or "devel 1a2b3c4d5e6f
// 2026-12-01T10:00:00Z (modified)".
func (b Build) String() string {
	parts := []string{b.Version}
	if b.Revision != "" {
		parts = append(parts, b.Revision)
	}
	if b.Time != "" {
		parts = append(parts, b.Time)
	}
	if b.Modified {
		parts = append(parts, "(modified)")
	}
	return strings.Join(parts, " ")
}

// Short is Read().String(): what logs, JSON and reports record.
func Short() string { return Read().String() }

// Describe is the build with its Go version, for `hadir version`.
func (b Build) Describe() string {
	return fmt.Sprintf("hadir %s (%s)", b.String(), b.Go)
}
