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

func departCmd(who session) *cobra.Command {
	var by actorFlags
	c := who.command(spec{name: "depart", store: existingStore, remote: true, args: "[--station NAME] [--operator NAME] ID...", summary: "record that volunteers left the site (the last day)",
		example: "hadir depart JRS-BLG-0001 JRS-BLG-0002"}, func(j job, args []string) error { return runDepart(j, by, args) })
	by.add(c)
	return c
}

func excuseCmd(who session) *cobra.Command {
	var by actorFlags
	var reason, note string
	c := who.command(spec{name: "excuse", store: existingStore, remote: true, args: "ID --reason sakit|izin [--note TEXT]", summary: "mark a volunteer excused: sakit (ill) or izin (leave)",
		example: "hadir excuse JRS-BLG-0007 --reason sakit --note \"demam, surat dokter\""}, func(j job, args []string) error { return runExcuse(j, by, reason, note, args) })
	by.add(c)
	c.Flags().StringVar(&reason, "reason", "", "sakit (ill) or izin (leave)")
	c.Flags().StringVar(&note, "note", "", "a short note")
	return c
}

func replaceCmd(who session) *cobra.Command {
	var by actorFlags
	var newcomer string
	c := who.command(spec{name: "replace", store: existingStore, remote: true, args: "ID --by ID", summary: "record that one volunteer takes another's place",
		example: "hadir replace JRS-BLG-0007 --by JRS-BLG-0101"}, func(j job, args []string) error { return runReplace(j, by, newcomer, args) })
	by.add(c)
	c.Flags().StringVar(&newcomer, "by", "", "the `ID` of the volunteer who takes the place")
	return c
}

func confirmCmd(who session) *cobra.Command {
	var by actorFlags
	var leader string
	var departure bool
	c := who.command(spec{name: "confirm", store: existingStore, remote: true, args: "CONTINGENT --leader NAME [--departure]", summary: "sign a contingent off as complete (refused, naming who is missing, when it is not)",
		example: "hadir confirm \"Kab. Balangan\" --leader \"H. Ahmad Rifani\""}, func(j job, args []string) error { return runConfirm(j, by, leader, departure, args) })
	by.add(c)
	c.Flags().StringVar(&leader, "leader", "", "the leader's `NAME`")
	c.Flags().BoolVar(&departure, "departure", false, "sign off the departure (everyone has left) instead of the arrival")
	return c
}

func annulCmd(who session) *cobra.Command {
	var by actorFlags
	var reason string
	c := who.command(spec{name: "annul", store: existingStore, remote: true, args: "EVENT-ID --reason TEXT", summary: "cancel an event (a check-in made by mistake); it stays in the log as annulled",
		example: "hadir annul k7f3q2-000042 --reason \"salah orang\""}, func(j job, args []string) error { return runAnnul(j, by, reason, args) })
	by.add(c)
	c.Flags().StringVar(&reason, "reason", "", "why the event is cancelled")
	return c
}

func runDepart(j job, by actorFlags, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one volunteer ID")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	results, err := st.DepartMany(args, by.of(j))
	if err != nil {
		return err
	}
	all := true
	for i, res := range results {
		switch res.Outcome {
		case db.Departed:
			fmt.Fprintf(j.stdout(), "%s: departed: %s, %s (%d still on site)\n", args[i], res.Person.Name, res.Person.Contingent, res.Contingent.OnSite)
		case db.NotOnSite:
			all = false
			fmt.Fprintf(j.stdout(), "%s: not on site: %s is %s\n", args[i], res.Person.Name, res.Person.Status)
		default:
			all = false
			fmt.Fprintf(j.stdout(), "%s: unknown ID: no volunteer has this ID\n", args[i])
		}
	}
	if !all {
		return partialError{}
	}
	return nil
}

func runExcuse(j job, by actorFlags, reason, note string, args []string) error {
	if len(args) != 1 {
		return usagef("name one volunteer ID")
	}
	if reason != model.ReasonSick && reason != model.ReasonLeave {
		return usagef("--reason must be sakit or izin")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	e, err := st.Excuse(args[0], reason, note, by.of(j))
	if err != nil {
		return err
	}
	p, _ := st.Person(args[0])
	fmt.Fprintf(j.stdout(), "%s: excused (%s): %s, %s [event %s]\n", args[0], e.Reason, p.Name, p.Contingent, e.ID)
	return nil
}

func runReplace(j job, by actorFlags, newcomer string, args []string) error {
	if len(args) != 1 || newcomer == "" {
		return usagef("name the volunteer replaced, and --by the one who takes the place")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	e, err := st.Replace(args[0], newcomer, by.of(j))
	if err != nil {
		return err
	}
	old, _ := st.Person(args[0])
	repl, _ := st.Person(newcomer)
	fmt.Fprintf(j.stdout(), "%s (%s) is replaced by %s (%s) [event %s]\n", old.Name, old.ID, repl.Name, repl.ID, e.ID)
	return nil
}

func runConfirm(j job, by actorFlags, leader string, departure bool, args []string) error {
	if len(args) != 1 || leader == "" {
		return usagef("name the contingent, and --leader the leader who signs off")
	}
	phase := model.PhaseArrival
	if departure {
		phase = model.PhaseDeparture
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	e, err := st.Confirm(args[0], leader, phase, by.of(j))
	var inc *db.IncompleteError
	if errors.As(err, &inc) {
		for _, p := range inc.Waiting {
			fmt.Fprintf(j.stdout(), "%s\t%s\n", p.ID, p.Name)
		}
	}
	if err != nil {
		return err
	}
	what := "signed off"
	if departure {
		what = "signed off as departed"
	}
	fmt.Fprintf(j.stdout(), "%s %s by %s at %s [event %s]\n", e.Contingent, what, e.Leader, localTime(e.At), e.ID)
	return nil
}

func runAnnul(j job, by actorFlags, reason string, args []string) error {
	if len(args) != 1 || reason == "" {
		return usagef("name the event ID (see `hadir export events`), and --reason why")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	e, err := st.Annul(args[0], reason, by.of(j))
	if err != nil {
		return err
	}
	fmt.Fprintf(j.stdout(), "%s annulled (%s) [event %s]\n", args[0], e.Reason, e.ID)
	return nil
}
