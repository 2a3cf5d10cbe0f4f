package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"hadir/db"
)

func checkinCmd(env *runEnv) *cobra.Command {
	var by actorFlags
	c := env.command(spec{name: "checkin", store: existingStore, remote: true, args: "[--station NAME] [--operator NAME] ID...", summary: "check volunteers in by ID, without the screen",
		example: "hadir checkin JRS-BLG-0001 JRS-BLG-0002"}, func(_ *cobra.Command, args []string) error { return runCheckIn(env, by, args) })
	by.add(c)
	return c
}

func runCheckIn(env *runEnv, by actorFlags, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one volunteer ID")
	}
	if env.caller.role == db.RoleGate && len(args) > 1 {
		// Many at once is a bus check-in: a contingent leader's to vouch for.
		return usagef("a gate login checks in one ID per command, and %d were given; run checkin once for each volunteer (a whole bus is checked in by its contingent leader's login)", len(args))
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	actor := by.of(env)
	allNew := true
	for _, id := range args {
		res, err := st.CheckIn(id, actor)
		if err != nil {
			return err
		}
		switch res.Outcome {
		case db.CheckedIn:
			fmt.Fprintln(env.stdout, env.say("checkin.done", id, res.Person.Name, res.Person.Contingent, res.Contingent.Arrived, res.Contingent.Expected))
		case db.AlreadyArrived:
			allNew = false
			fmt.Fprintln(env.stdout, env.say("checkin.already", id, res.Person.Name, localTime(res.First.At), res.First.Station, orDash(res.First.Operator)))
		case db.UnknownVolunteer:
			allNew = false
			if like := st.IDsLike(id); len(like) > 1 {
				fmt.Fprintln(env.stdout, env.say("checkin.two", id, strings.Join(like, env.say("stats.and"))))
				continue
			}
			fmt.Fprintln(env.stdout, env.say("checkin.unknown", id))
		}
	}
	if !allNew {
		return partialError{}
	}
	return nil
}
