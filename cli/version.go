package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"hadir/db"
	"hadir/model"
	"hadir/version"
)

func versionCmd(env *runEnv) *cobra.Command {
	return env.command(spec{name: "version", args: "",
		summary: "say which hadir this is: its version, the Go that built it, and the store schema it writes (also: hadir --version)",
		example: "hadir version"}, func(_ *cobra.Command, args []string) error { return runVersion(env, args) })
}

func runVersion(env *runEnv, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, version.Read().Describe())
	fmt.Fprintf(env.stdout, "writes store schema %d and events files of schema %d; reads those and older\n", db.SchemaVersion, model.EventsSchema)
	return nil
}
