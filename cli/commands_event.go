package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// signFlags are who signs the report, set with `hadir event`.
type signFlags struct {
	place, chair, secretary string
	witnesses               lineList
}

func eventCmd(who session) *cobra.Command {
	var f signFlags
	c := who.command(spec{name: "event", store: anyStore, remote: true, args: "[NAME] [--place TEXT] [--chair NAME] [--secretary NAME] [--witness NAME]...",
		summary: "show or set the gathering's name (shown on screens and reports), and who signs the report where",
		example: "hadir event \"Jambore Relawan Sosial PSKS 2026\" --place \"Taman Kiram, Kab. Banjar\" --chair \"H. Rahmadi\""},
		func(j job, args []string) error { return runEventName(j, f, j.cmd.Flags(), args) })
	c.Flags().StringVar(&f.place, "place", "", "where the report is signed, `TEXT` before the date (\"Taman Kiram, Kab. Banjar\"); \"\" clears it")
	c.Flags().StringVar(&f.chair, "chair", "", "the committee chair's `NAME`, under the report's first signature line")
	c.Flags().StringVar(&f.secretary, "secretary", "", "the secretary's `NAME`")
	c.Flags().Var(&f.witnesses, "witness", "a witness's `NAME`; give it twice for the two witnesses")
	return c
}

func runEventName(j job, f signFlags, fs *pflag.FlagSet, args []string) error {
	if len(args) > 1 {
		return usagef("give the name as one argument (quote it if it has spaces)")
	}
	set := map[string]bool{}
	fs.Visit(func(fl *pflag.Flag) { set[fl.Name] = true })
	if len(f.witnesses) > 2 {
		return usagef("give --witness at most twice (the report has two witnesses)")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	if len(args) == 1 {
		if err := st.SetEventName(args[0]); err != nil {
			return err
		}
	}
	sign := st.Signatories()
	if set["place"] || set["chair"] || set["secretary"] || set["witness"] {
		if set["place"] {
			sign.Place = f.place
		}
		if set["chair"] {
			sign.Chair = f.chair
		}
		if set["secretary"] {
			sign.Secretary = f.secretary
		}
		if set["witness"] { // the witnesses given replace both
			sign.Witnesses = [2]string{}
			copy(sign.Witnesses[:], f.witnesses)
		}
		if err := st.SetSignatories(sign); err != nil {
			return err
		}
		sign = st.Signatories()
	}
	fmt.Fprintf(j.stdout(), "%s\n", st.EventName())
	for _, l := range []struct{ label, value string }{
		{"place", sign.Place}, {"chair", sign.Chair}, {"secretary", sign.Secretary},
		{"witness 1", sign.Witnesses[0]}, {"witness 2", sign.Witnesses[1]},
	} {
		fmt.Fprintf(j.stdout(), "  %-10s %s\n", l.label+":", orBlank(l.value))
	}
	return nil
}

// orBlank shows an unset signatory as the blank line the report leaves.
func orBlank(s string) string {
	if s == "" {
		return "(blank: filled in by hand)"
	}
	return s
}
