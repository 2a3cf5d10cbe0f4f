package cli

import (
	"path/filepath"

	"github.com/spf13/pflag"

	"hadir/serve"
)

// forwardToServer runs the command on a running `hadir serve` of the same
// store, if there is one (not when the job already runs inside that
// server, on its shared store). File arguments are made absolute: the
// server runs on this laptop, but in another folder.
func forwardToServer(j job, s spec, positional []string) (int, bool) {
	if !s.remote || j.store.shared != nil {
		return 0, false
	}
	args := []string{s.name}
	for _, p := range positional {
		if s.pathArgs {
			if abs, err := filepath.Abs(p); err == nil {
				p = abs
			}
		}
		args = append(args, p)
	}
	j.cmd.Flags().Visit(func(f *pflag.Flag) {
		v := f.Value.String()
		switch f.Name {
		case "db":
			return
		case "o":
			if abs, err := filepath.Abs(v); err == nil && v != "-" {
				v = abs
			}
		}
		args = append(args, "--"+f.Name+"="+v)
	})
	return serve.Forward(j.dbPath, args, j.stdout(), j.stderr())
}
