package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"hadir/db"
	"hadir/model"
)

// The group leaders' commands: departures, excuses, replacements, sign-offs
// and annulments, for when the screen is not at hand. Each records who
// acted (--station, --operator; over SSH the login).

func departCmd(env *runEnv) *cobra.Command {
	var by actorFlags
	c := env.command(spec{name: "depart", store: existingStore, remote: true, args: "[--station NAME] [--operator NAME] ID...", summary: "record that volunteers left the site (the last day)",
		example: "hadir depart JRS-BLG-0001 JRS-BLG-0002"}, func(_ *cobra.Command, args []string) error { return runDepart(env, by, args) })
	by.add(c)
	return c
}

func excuseCmd(env *runEnv) *cobra.Command {
	var by actorFlags
	var reason, note string
	c := env.command(spec{name: "excuse", store: existingStore, remote: true, args: "ID --reason sakit|izin [--note TEXT]", summary: "mark a volunteer excused: sakit (ill) or izin (leave)",
		example: "hadir excuse JRS-BLG-0007 --reason sakit --note \"demam, surat dokter\""}, func(_ *cobra.Command, args []string) error { return runExcuse(env, by, reason, note, args) })
	by.add(c)
	c.Flags().StringVar(&reason, "reason", "", "sakit (ill) or izin (leave)")
	c.Flags().StringVar(&note, "note", "", "a short note")
	return c
}

func replaceCmd(env *runEnv) *cobra.Command {
	var by actorFlags
	var newcomer string
	c := env.command(spec{name: "replace", store: existingStore, remote: true, args: "ID --by ID", summary: "record that one volunteer takes another's place",
		example: "hadir replace JRS-BLG-0007 --by JRS-BLG-0101"}, func(_ *cobra.Command, args []string) error { return runReplace(env, by, newcomer, args) })
	by.add(c)
	c.Flags().StringVar(&newcomer, "by", "", "the `ID` of the volunteer who takes the place")
	return c
}

func confirmCmd(env *runEnv) *cobra.Command {
	var by actorFlags
	var leader string
	var departure bool
	c := env.command(spec{name: "confirm", store: existingStore, remote: true, args: "CONTINGENT --leader NAME [--departure]", summary: "sign a contingent off as complete (refused, naming who is missing, when it is not)",
		example: "hadir confirm \"Kab. Balangan\" --leader \"H. Ahmad Rifani\""}, func(_ *cobra.Command, args []string) error { return runConfirm(env, by, leader, departure, args) })
	by.add(c)
	c.Flags().StringVar(&leader, "leader", "", "the leader's `NAME`")
	c.Flags().BoolVar(&departure, "departure", false, "sign off the departure (everyone has left) instead of the arrival")
	return c
}

func annulCmd(env *runEnv) *cobra.Command {
	var by actorFlags
	var reason string
	c := env.command(spec{name: "annul", store: existingStore, remote: true, args: "EVENT-ID --reason TEXT", summary: "cancel an event (a check-in made by mistake); it stays in the log as annulled",
		example: "hadir annul k7f3q2-000042 --reason \"salah orang\""}, func(_ *cobra.Command, args []string) error { return runAnnul(env, by, reason, args) })
	by.add(c)
	c.Flags().StringVar(&reason, "reason", "", "why the event is cancelled")
	return c
}

func runDepart(env *runEnv, by actorFlags, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one volunteer ID")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	results, err := st.DepartMany(args, by.of(env))
	if err != nil {
		return err
	}
	all := true
	for i, res := range results {
		switch res.Outcome {
		case db.Departed:
			fmt.Fprintf(env.stdout, "%s: departed: %s, %s (%d still on site)\n", args[i], res.Person.Name, res.Person.Contingent, res.Contingent.OnSite)
		case db.NotOnSite:
			all = false
			fmt.Fprintf(env.stdout, "%s: not on site: %s is %s\n", args[i], res.Person.Name, res.Person.Status)
		default:
			all = false
			fmt.Fprintf(env.stdout, "%s: unknown ID: no volunteer has this ID\n", args[i])
		}
	}
	if !all {
		return partialError{}
	}
	return nil
}

func runExcuse(env *runEnv, by actorFlags, reason, note string, args []string) error {
	if len(args) != 1 {
		return usagef("name one volunteer ID")
	}
	if reason != model.ReasonSick && reason != model.ReasonLeave {
		return usagef("--reason must be sakit or izin")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Excuse(args[0], reason, note, by.of(env))
	if err != nil {
		return err
	}
	p, _ := st.Person(args[0])
	fmt.Fprintf(env.stdout, "%s: excused (%s): %s, %s [event %s]\n", args[0], e.Reason, p.Name, p.Contingent, e.ID)
	return nil
}

func runReplace(env *runEnv, by actorFlags, newcomer string, args []string) error {
	if len(args) != 1 || newcomer == "" {
		return usagef("name the volunteer replaced, and --by the one who takes the place")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Replace(args[0], newcomer, by.of(env))
	if err != nil {
		return err
	}
	old, _ := st.Person(args[0])
	repl, _ := st.Person(newcomer)
	fmt.Fprintf(env.stdout, "%s (%s) is replaced by %s (%s) [event %s]\n", old.Name, old.ID, repl.Name, repl.ID, e.ID)
	return nil
}

func runConfirm(env *runEnv, by actorFlags, leader string, departure bool, args []string) error {
	if len(args) != 1 || leader == "" {
		return usagef("name the contingent, and --leader the leader who signs off")
	}
	phase := model.PhaseArrival
	if departure {
		phase = model.PhaseDeparture
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Confirm(args[0], leader, phase, by.of(env))
	var inc *db.IncompleteError
	if errors.As(err, &inc) {
		for _, p := range inc.Waiting {
			fmt.Fprintf(env.stdout, "%s\t%s\n", p.ID, p.Name)
		}
	}
	if err != nil {
		return err
	}
	what := "signed off"
	if departure {
		what = "signed off as departed"
	}
	fmt.Fprintf(env.stdout, "%s %s by %s at %s [event %s]\n", e.Contingent, what, e.Leader, localTime(e.At), e.ID)
	return nil
}

func runAnnul(env *runEnv, by actorFlags, reason string, args []string) error {
	if len(args) != 1 || reason == "" {
		return usagef("name the event ID (see `hadir export events`), and --reason why")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Annul(args[0], reason, by.of(env))
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%s annulled (%s) [event %s]\n", args[0], e.Reason, e.ID)
	return nil
}
