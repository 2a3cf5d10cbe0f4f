package cli

import (
	"flag"
	"path/filepath"

	"hadir/serve"
)

// forwardToServer runs the command on a running `hadir serve` of the same
// store, if there is one. File arguments are made absolute: the server runs
// on this laptop, but in another folder.
func forwardToServer(env *runEnv, c *command, fs *flag.FlagSet, positional []string) (int, bool) {
	if !c.remote || env.shared != nil {
		return 0, false
	}
	args := []string{c.name}
	for _, p := range positional {
		if c.pathArgs {
			if abs, err := filepath.Abs(p); err == nil {
				p = abs
			}
		}
		args = append(args, p)
	}
	fs.Visit(func(f *flag.Flag) {
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
	return serve.Forward(env.opt.db, args, env.stdout, env.stderr)
}
