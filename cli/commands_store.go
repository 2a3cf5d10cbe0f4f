package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// The store's own commands: a backup, a check, the station's name.

func backupCmd(who session) *cobra.Command {
	return who.command(spec{name: "backup", pathArgs: true, store: existingStore, remote: true, args: "DEST", summary: "write a consistent copy of the store to a file or folder (a USB stick)",
		example: "hadir backup /media/usb"}, func(j job, args []string) error { return runBackup(j, args) })
}

func verifyCmd(who session) *cobra.Command {
	return who.command(spec{name: "verify", store: existingStore, remote: true, args: "", summary: "check the store's integrity and that the counts add up",
		example: "hadir verify --db hadir.db"}, func(j job, args []string) error { return runVerify(j, args) })
}

func stationCmd(who session) *cobra.Command {
	return who.command(spec{name: "station", store: anyStore, remote: true, args: "[NAME]", summary: "show or set this station's name (shown on every event)",
		example: "hadir station \"gerbang 2\""}, func(j job, args []string) error { return runStation(j, args) })
}

func runBackup(j job, args []string) error {
	if len(args) != 1 {
		return usagef("name the backup file or folder")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	path, err := st.Backup(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(j.stdout(), "backup written: %s\nto restore: copy it over %s while hadir is closed\n", path, st.Path())
	return nil
}

func runVerify(j job, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	rep, err := st.Inspect()
	if err != nil {
		return err
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(j.stdout(), "note:", n)
	}
	if len(rep.Problems) > 0 {
		for _, p := range rep.Problems {
			fmt.Fprintln(j.stdout(), "problem:", p)
		}
		return fmt.Errorf("%s has %d problem(s); restore the newest backup that verifies: see README, Backups", st.Path(), len(rep.Problems))
	}
	t := st.Totals()
	fmt.Fprintf(j.stdout(), "%s is sound: %d volunteers, %d arrived\n", st.Path(), t.Expected+t.Replaced, t.Arrived)
	// The heads the report prints: the same here means the same events.
	for _, c := range rep.Chains {
		fmt.Fprintf(j.stdout(), "station %s: %d events, chain head %s\n", c.Station, c.Events, c.Head)
	}
	return nil
}

func runStation(j job, args []string) error {
	if len(args) > 1 {
		return usagef("give the station name as one argument (quote it if it has spaces)")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	if len(args) == 1 {
		if err := st.SetStationName(args[0]); err != nil {
			return err
		}
	}
	fmt.Fprintf(j.stdout(), "station %q (ID %s)\n", st.StationName(), st.StationID())
	return nil
}
