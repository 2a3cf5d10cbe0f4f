package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"hadir/db"
	"hadir/model"
)

// `hadir contingent rename`: one contingent, one name.
func contingentCmd(who session) *cobra.Command {
	var by actorFlags
	var merge bool
	c := who.command(spec{name: "contingent", store: existingStore, remote: true, args: "rename OLD NEW [--merge]",
		summary: "rename a contingent (any spelling of its name), or put two together with --merge",
		example: "hadir contingent rename \"Kab Balangan\" \"Kabupaten Balangan\""}, func(j job, args []string) error { return runContingent(j, by, merge, args) })
	by.add(c)
	c.Flags().BoolVar(&merge, "merge", false, "when NEW already exists, put OLD's volunteers and sign-offs into it")
	return c
}

func runContingent(j job, by actorFlags, merge bool, args []string) error {
	if len(args) != 3 || args[0] != "rename" {
		return usagef("write: hadir contingent rename OLD NEW (quote names with spaces)")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	e, err := st.RenameContingent(args[1], args[2], merge, by.of(j))
	var exists *db.ErrContingentExists
	if errors.As(err, &exists) {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	if err != nil {
		return err
	}
	var c model.Contingent
	st.Read(func(s *model.State, _ *model.Index) { c, _ = s.Contingent(e.Note) })
	fmt.Fprintf(j.stdout(), "%s is now %s: %d volunteers, %d arrived [event %s]\n", e.Contingent, e.Note, c.Expected, c.Arrived, e.ID)
	return nil
}
