package cli

import (
	"time"

	"github.com/spf13/cobra"
	"hadir/model"
)

// gateCmd is the check-in screen: the root command (asRoot, the default when
// no command is given) or `hadir gate`.
func gateCmd(who session, asRoot bool) *cobra.Command {
	var f screenFlags
	s := spec{name: "gate", store: existingStore, args: "[--db FILE] [--operator NAME] [--station NAME]", summary: "open the check-in screen (the default when no command is given)",
		example: "hadir --operator Rina --station \"gerbang 1\""}
	c := who.command(s, func(j job, args []string) error { return runGate(j, f, args) })
	if asRoot {
		c.Use = "hadir"
	}
	f.add(c)
	return c
}

// demoStore is where `hadir demo` keeps its made-up arrivals between runs.
const demoStore = "hadir-demo.db"

func demoCmd(who session) *cobra.Command {
	var f screenFlags
	c := who.command(spec{name: "demo", args: "[--db FILE]", summary: "open the check-in screen on a demo store with 3,000 made-up volunteers",
		example: "hadir demo"}, func(j job, args []string) error { return runDemo(j, j.cmd.Flags().Changed("db"), f, args) })
	f.add(c)
	return c
}

// screenFlags are the flags of the commands that open the screen here.
type screenFlags struct {
	actor   actorFlags
	backups backupFlags
	noBell  bool
	peers   stringList // other laptops to keep this store in step with
}

func (f *screenFlags) add(c *cobra.Command) {
	f.actor.add(c)
	f.backups.add(c)
	c.Flags().BoolVar(&f.noBell, "no-bell", false, "do not beep at the answers (a check-in, a warning)")
	c.Flags().Var(&f.peers, "peer", "keep this store in step with the laptop at `HOST:PORT` (its hadir serve); may be repeated")
}

// backupFlags are taken by the commands that keep a store open for hours
// (the gate screen, demo, serve).
type backupFlags struct {
	every time.Duration
	keep  int
}

func (f *backupFlags) add(c *cobra.Command) {
	c.Flags().DurationVar(&f.every, "backup-every", 5*time.Minute, "write a copy of the store into backups/ beside it this often (0: never)")
	c.Flags().IntVar(&f.keep, "backup-keep", 12, "how many of those copies to keep")
}

func runGate(j job, f screenFlags, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	return runLocalScreen(j, st, f)
}

func runDemo(j job, dbGiven bool, f screenFlags, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	path := j.dbPath
	if !dbGiven {
		path = demoStore
	}
	st, err := openStore(j.stderr(), path)
	if err != nil {
		return err
	}
	defer st.Close()
	if st.Totals().Expected == 0 {
		if _, err := st.ImportRoster(model.DemoRoster(), false); err != nil {
			return err
		}
	}
	return runLocalScreen(j, st, f)
}
