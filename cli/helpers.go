package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"hadir/db"
)

// actorFlags are --station and --operator, recorded on each event.
type actorFlags struct{ station, operator string }

func (f *actorFlags) add(c *cobra.Command) {
	c.Flags().StringVar(&f.station, "station", "", "the gate's `NAME` recorded on each event (default: the store's station name)")
	c.Flags().StringVar(&f.operator, "operator", "", "the operator's `NAME` recorded on each event")
}

// of is who records an event: over SSH the connection's operator and
// station, whatever flags were sent.
func (f actorFlags) of(j job) db.Actor {
	by := db.Actor{Station: f.station, Operator: f.operator, Role: j.caller.role, Login: j.caller.login}
	if j.caller.login != "" {
		by.Station, by.Operator = j.caller.station, j.caller.operator
	}
	if by.Operator == "" {
		by.Operator = "cli"
	}
	return by
}

func noArgs(args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	return nil
}

func preview(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:n], ", ") + fmt.Sprintf(" and %d more", len(ids)-n)
}

// writeOutput gives write the -o FILE (written atomically, see
// db.WriteFileAtomic) or the screen.
func writeOutput(j job, dest string, write func(io.Writer) error) error {
	if dest == "" || dest == "-" {
		return write(j.stdout())
	}
	if err := db.WriteFileAtomic(dest, write); err != nil {
		return err
	}
	fmt.Fprintf(j.stderr(), "wrote %s\n", dest)
	return nil
}

// outputFlag is -o FILE (also --o, as it was once written).
func outputFlag(c *cobra.Command, to *string, def, usage string) {
	c.Flags().StringVarP(to, "o", "o", def, usage)
}

func localTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
