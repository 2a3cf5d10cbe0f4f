package cli

import (
	"flag"
	"fmt"
)

// signFlags are who signs the report, set with `hadir event`.
type signFlags struct {
	place, chair, secretary string
	witnesses               lineList
}

func eventFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.sign.place, "place", "", "where the report is signed, `TEXT` before the date (\"Taman Kiram, Kab. Banjar\"); \"\" clears it")
	fs.StringVar(&o.sign.chair, "chair", "", "the committee chair's `NAME`, under the report's first signature line")
	fs.StringVar(&o.sign.secretary, "secretary", "", "the secretary's `NAME`")
	fs.Var(&o.sign.witnesses, "witness", "a witness's `NAME`; give it twice for the two witnesses")
}

func runEventName(env *runEnv, fs *flag.FlagSet, args []string) error {
	if len(args) > 1 {
		return usagef("give the name as one argument (quote it if it has spaces)")
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(env.opt.sign.witnesses) > 2 {
		return usagef("give --witness at most twice (the report has two witnesses)")
	}
	st, err := env.useStore()
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
		f := env.opt.sign
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
	fmt.Fprintf(env.stdout, "%s\n", st.EventName())
	for _, l := range []struct{ label, value string }{
		{"place", sign.Place}, {"chair", sign.Chair}, {"secretary", sign.Secretary},
		{"witness 1", sign.Witnesses[0]}, {"witness 2", sign.Witnesses[1]},
	} {
		fmt.Fprintf(env.stdout, "  %-10s %s\n", l.label+":", orBlank(l.value))
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
