package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// layers is hadir from top to bottom: a package imports only packages
// below it (a higher number). Packages on one level do not import each
// other. A new package gets its place here.
var layers = map[string]int{
	"hadir":                    0, // main: only wires
	"hadir/cli":                1, // the command line
	"hadir/serve":              2, // the SSH server
	"hadir/ui":                 3, // the screens
	"hadir/peer":               3, // laptops keeping their copies in step
	"hadir/db":                 4, // the store: the only package that touches bbolt
	"hadir/badge":              4, // badges and their PDFs
	"hadir/model":              5, // the domain, pure
	"hadir/version":            6,
	"hadir/internal/testclock": 7,
	"hadir/internal/cputime":   7,
	"hadir/internal/sshtest":   7, // the SSH tests' client side (serve, cli)
}

// Imports run one way, top to bottom (main → cli → serve → ui → db →
// model, badge → model), tests included: one that runs back up fails here.
func TestImportsRunDownward(t *testing.T) {
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,TestImports,XTestImports", "./...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for {
		var p struct {
			ImportPath                         string
			Imports, TestImports, XTestImports []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		seen++
		from, ok := layers[p.ImportPath]
		if !ok {
			t.Errorf("%s has no place in layers (layers_test.go): give it one", p.ImportPath)
			continue
		}
		check := func(imports []string, what string) {
			for _, imp := range imports {
				if imp != "hadir" && !strings.HasPrefix(imp, "hadir/") {
					continue
				}
				to, ok := layers[imp]
				switch {
				case !ok:
					t.Errorf("%s imports %s, which has no place in layers", p.ImportPath, imp)
				case to <= from && imp != p.ImportPath:
					t.Errorf("%s%s imports %s: an import that runs back up (or sideways) the layers", p.ImportPath, what, imp)
				}
			}
		}
		check(p.Imports, "")
		check(p.TestImports, " (in its tests)")
		check(p.XTestImports, " (in its external tests)")
	}
	if seen < len(layers) {
		t.Errorf("go list saw %d packages, fewer than the %d in layers: is a layer gone?", seen, len(layers))
	}
}
