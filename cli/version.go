package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"hadir/db"
	"hadir/model"
	"hadir/version"
)

func versionCmd(who session) *cobra.Command {
	return who.command(spec{name: "version", args: "",
		summary: "say which hadir this is: its version, the Go that built it, and the store schema it writes (also: hadir --version)",
		example: "hadir version"}, func(j job, args []string) error { return runVersion(j, args) })
}

func runVersion(j job, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	fmt.Fprintln(j.stdout(), version.Read().Describe())
	fmt.Fprintf(j.stdout(), "writes store schema %d and events files of schema %d; reads those and older\n", db.SchemaVersion, model.EventsSchema)
	return nil
}
