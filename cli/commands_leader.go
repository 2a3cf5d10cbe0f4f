package cli

import (
	"errors"
	"flag"
	"fmt"

	"hadir/db"
	"hadir/model"
)

// The group leaders' commands: departures, excuses, replacements, sign-offs
// and annulments, for when the screen is not at hand.
func init() {
	commands = append(commands,
		command{name: "depart", store: existingStore, remote: true, args: "[--station NAME] [--operator NAME] ID...", summary: "record that volunteers left the site (the last day)",
			example: "hadir depart JRS-BLG-0001 JRS-BLG-0002", run: runDepart, setup: actorFlags},
		command{name: "excuse", store: existingStore, remote: true, args: "ID --reason sakit|izin [--note TEXT]", summary: "mark a volunteer excused: sakit (ill) or izin (leave)",
			example: "hadir excuse JRS-BLG-0007 --reason sakit --note \"demam, surat dokter\"", run: runExcuse, setup: func(fs *flag.FlagSet, o *options) {
				actorFlags(fs, o)
				fs.StringVar(&o.reason, "reason", "", "sakit (ill) or izin (leave)")
				fs.StringVar(&o.note, "note", "", "a short note")
			}},
		command{name: "replace", store: existingStore, remote: true, args: "ID --by ID", summary: "record that one volunteer takes another's place",
			example: "hadir replace JRS-BLG-0007 --by JRS-BLG-0101", run: runReplace, setup: func(fs *flag.FlagSet, o *options) {
				actorFlags(fs, o)
				fs.StringVar(&o.by, "by", "", "the `ID` of the volunteer who takes the place")
			}},
		command{name: "confirm", store: existingStore, remote: true, args: "CONTINGENT --leader NAME [--departure]", summary: "sign a contingent off as complete (refused, naming who is missing, when it is not)",
			example: "hadir confirm \"Kab. Balangan\" --leader \"H. Ahmad Rifani\"", run: runConfirm, setup: func(fs *flag.FlagSet, o *options) {
				actorFlags(fs, o)
				fs.StringVar(&o.leader, "leader", "", "the leader's `NAME`")
				fs.BoolVar(&o.departure, "departure", false, "sign off the departure (everyone has left) instead of the arrival")
			}},
		command{name: "annul", store: existingStore, remote: true, args: "EVENT-ID --reason TEXT", summary: "cancel an event (a check-in made by mistake); it stays in the log as annulled",
			example: "hadir annul k7f3q2-000042 --reason \"salah orang\"", run: runAnnul, setup: func(fs *flag.FlagSet, o *options) {
				actorFlags(fs, o)
				fs.StringVar(&o.reason, "reason", "", "why the event is cancelled")
			}},
	)
}

func actorOf(env *runEnv) db.Actor {
	by := db.Actor{Station: env.opt.station, Operator: env.opt.operator, Role: env.role, Login: env.login}
	if env.login != "" {
		by.Station, by.Operator = env.sshStation, env.sshOperator
	}
	if by.Operator == "" {
		by.Operator = "cli"
	}
	return by
}

func runDepart(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one volunteer ID")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	results, err := st.DepartMany(args, actorOf(env))
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

func runExcuse(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) != 1 {
		return usagef("name one volunteer ID")
	}
	if env.opt.reason != model.ReasonSick && env.opt.reason != model.ReasonLeave {
		return usagef("--reason must be sakit or izin")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Excuse(args[0], env.opt.reason, env.opt.note, actorOf(env))
	if err != nil {
		return err
	}
	p, _ := st.Person(args[0])
	fmt.Fprintf(env.stdout, "%s: excused (%s): %s, %s [event %s]\n", args[0], e.Reason, p.Name, p.Contingent, e.ID)
	return nil
}

func runReplace(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) != 1 || env.opt.by == "" {
		return usagef("name the volunteer replaced, and --by the one who takes the place")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Replace(args[0], env.opt.by, actorOf(env))
	if err != nil {
		return err
	}
	old, _ := st.Person(args[0])
	repl, _ := st.Person(env.opt.by)
	fmt.Fprintf(env.stdout, "%s (%s) is replaced by %s (%s) [event %s]\n", old.Name, old.ID, repl.Name, repl.ID, e.ID)
	return nil
}

func runConfirm(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) != 1 || env.opt.leader == "" {
		return usagef("name the contingent, and --leader the leader who signs off")
	}
	phase := model.PhaseArrival
	if env.opt.departure {
		phase = model.PhaseDeparture
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Confirm(args[0], env.opt.leader, phase, actorOf(env))
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
	if env.opt.departure {
		what = "signed off as departed"
	}
	fmt.Fprintf(env.stdout, "%s %s by %s at %s [event %s]\n", e.Contingent, what, e.Leader, localTime(e.At), e.ID)
	return nil
}

func runAnnul(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) != 1 || env.opt.reason == "" {
		return usagef("name the event ID (see `hadir export events`), and --reason why")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	e, err := st.Annul(args[0], env.opt.reason, actorOf(env))
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%s annulled (%s) [event %s]\n", args[0], e.Reason, e.ID)
	return nil
}
