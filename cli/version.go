package cli

import (
	"flag"
	"fmt"

	"hadir/db"
	"hadir/model"
	"hadir/version"
)

func init() {
	commands = append(commands, command{name: "version", args: "",
		summary: "say which hadir this is: its version, the Go that built it, and the store schema it writes (also: hadir --version)",
		example: "hadir version", run: runVersion})
}

func runVersion(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, version.Read().Describe())
	fmt.Fprintf(env.stdout, "writes store schema %d and events files of schema %d; reads those and older\n", db.SchemaVersion, model.EventsSchema)
	return nil
}
