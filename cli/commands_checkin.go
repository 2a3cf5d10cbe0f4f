package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"hadir/db"
	"hadir/model"
)

func checkinCmd(who session) *cobra.Command {
	var by actorFlags
	var cameBack bool
	c := who.command(spec{name: "checkin", store: existingStore, remote: true, args: "[--station NAME] [--operator NAME] [--came-back] ID...", summary: "check volunteers in by ID, without the screen",
		example: "hadir checkin JRS-BLG-0001 JRS-BLG-0002"}, func(j job, args []string) error { return runCheckIn(j, by, cameBack, args) })
	by.add(c)
	c.Flags().BoolVar(&cameBack, "came-back", false, "check in again those who had left (refused without it, as at the gate)")
	return c
}

// runCheckIn checks each ID in as the gate does: someone who has left is
// not checked back in unless cameBack says they came back.
func runCheckIn(j job, by actorFlags, cameBack bool, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one volunteer ID")
	}
	if j.caller.role == db.RoleGate && len(args) > 1 {
		// Many at once is a bus check-in: a contingent leader's to vouch for.
		return usagef("a gate login checks in one ID per command, and %d were given; run checkin once for each volunteer (a whole bus is checked in by its contingent leader's login)", len(args))
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	actor := by.of(j)
	allNew := true
	checkIn := st.GateCheckIn
	if cameBack {
		checkIn = st.CheckIn
	}
	for _, id := range args {
		res, err := checkIn(id, actor)
		if err != nil {
			return err
		}
		switch res.Outcome {
		case db.CheckedIn:
			fmt.Fprintln(j.stdout(), j.say("checkin.done", id, res.Person.Name, res.Person.Contingent, res.Contingent.Arrived, res.Contingent.Expected))
		case db.AlreadyArrived:
			allNew = false
			fmt.Fprintln(j.stdout(), j.say("checkin.already", id, res.Person.Name, localTime(res.First.At), res.First.Station, orDash(res.First.Operator)))
		case db.HasLeft:
			allNew = false
			// Kept for the trail as the gate keeps it, before the user is told.
			_, noteErr := st.RecordNote(id, model.NoteDeparted, id, actor)
			var left model.Event
			if res.Person.Departure != nil {
				left = *res.Person.Departure
			}
			fmt.Fprintln(j.stdout(), j.say("checkin.left", id, res.Person.Name, localTime(left.At), left.Station, orDash(left.Operator), id))
			if noteErr != nil {
				fmt.Fprintln(j.stderr(), j.say("checkin.note_failed", id, noteErr))
			}
		case db.UnknownVolunteer:
			allNew = false
			if like := st.IDsLike(id); len(like) > 1 {
				fmt.Fprintln(j.stdout(), j.say("checkin.two", id, strings.Join(like, j.say("stats.and"))))
				continue
			}
			fmt.Fprintln(j.stdout(), j.say("checkin.unknown", id))
		}
	}
	if !allNew {
		return partialError{}
	}
	return nil
}
