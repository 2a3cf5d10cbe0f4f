package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"hadir/model"
	"hadir/version"
)

func statsCmd(who session) *cobra.Command {
	var asJSON bool
	c := who.command(spec{name: "stats", store: existingStore, remote: true, args: "[--json] [--lang id|en]", summary: "totals per contingent",
		example: "hadir stats --lang id"}, func(j job, args []string) error { return runStats(j, asJSON, args) })
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return c
}

// statsJSON is the shape of `stats --json`; its keys are kept stable.
type statsJSON struct {
	HadirVersion string           `json:"hadir_version"` // which build counted (see `hadir version`)
	Event        string           `json:"event"`
	Expected     int              `json:"expected"`
	Arrived      int              `json:"arrived"`
	Missing      int              `json:"missing"`
	Excused      int              `json:"excused"`
	Replaced     int              `json:"replaced"`
	OnSite       int              `json:"on_site"`
	Departed     int              `json:"departed"`
	Contingents  []contingentJSON `json:"contingents"`
}

type contingentJSON struct {
	Name        string     `json:"name"`
	Expected    int        `json:"expected"`
	Arrived     int        `json:"arrived"`
	Missing     int        `json:"missing"`
	Excused     int        `json:"excused"`
	Replaced    int        `json:"replaced"`
	Departed    int        `json:"departed"`
	OnSite      int        `json:"on_site"`
	ConfirmedBy *string    `json:"confirmed_by"`
	ConfirmedAt *time.Time `json:"confirmed_at"`
	// ConfirmationLapsed: a sign-off stands, but the contingent is no longer
	// complete (an annulled arrival), so confirmed_by is null.
	ConfirmationLapsed bool `json:"confirmation_lapsed"`
	lapsedBy           string
}

func runStats(j job, asJSON bool, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	var out statsJSON
	out.Event, out.HadirVersion = st.EventName(), version.Short()
	st.Read(func(s *model.State, _ *model.Index) {
		t := s.Totals()
		out.Expected, out.Arrived, out.Missing, out.Excused = t.Expected, t.Arrived, t.Missing, t.Excused
		out.Replaced, out.OnSite, out.Departed = t.Replaced, t.OnSite, t.Departed
		out.Contingents = []contingentJSON{}
		for _, c := range s.Contingents() {
			cj := contingentJSON{Name: c.Name, Expected: c.Expected, Arrived: c.Arrived, Missing: c.Missing,
				Excused: c.Excused, Replaced: c.Replaced, Departed: c.Departed, OnSite: c.OnSite}
			switch {
			case c.Confirm != nil && c.ConfirmValid:
				by, at := c.Confirm.Leader, c.Confirm.At
				cj.ConfirmedBy, cj.ConfirmedAt = &by, &at
			case c.Confirm != nil:
				cj.ConfirmationLapsed, cj.lapsedBy = true, c.Confirm.Leader
			}
			out.Contingents = append(out.Contingents, cj)
		}
	})
	if asJSON {
		enc := json.NewEncoder(j.stdout())
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(j.stdout(), "%s\n%s\n\n", out.Event,
		j.say("stats.totals", out.Arrived, out.Expected, out.Missing, out.Excused, out.OnSite, out.Departed))
	tw := tabwriter.NewWriter(j.stdout(), 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, j.say("stats.header"))
	for _, c := range out.Contingents {
		signed := "-"
		switch {
		case c.ConfirmedBy != nil:
			signed = *c.ConfirmedBy + " " + localTime(*c.ConfirmedAt)
		case c.ConfirmationLapsed:
			signed = j.say("stats.lapsed", c.lapsedBy)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", c.Name, c.Arrived, c.Expected, c.Missing, c.Excused, signed)
	}
	return tw.Flush()
}
