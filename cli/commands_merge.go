package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"hadir/model"
)

func mergeCmd(who session) *cobra.Command {
	return who.command(spec{name: "merge", pathArgs: true, store: existingStore, remote: true, args: "FILE...", summary: "add the events of stations that ran alone (files from `hadir export events -o FILE.jsonl`)",
		example: "hadir merge gerbang2.jsonl gerbang3.jsonl"}, func(j job, args []string) error { return runMerge(j, args) })
}

func runMerge(j job, args []string) error {
	if len(args) == 0 {
		return usagef("name the events file(s) to merge")
	}
	// Read every file first: a bad file merges nothing.
	var all [][]model.Event
	for _, path := range args {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", path, err)
		}
		events, err := model.ParseEvents(f)
		f.Close()
		var pe *model.ParseError
		if errors.As(err, &pe) {
			for _, p := range pe.Problems {
				fmt.Fprintf(j.stderr(), "%s %s\n", filepath.Base(path), p.Error())
			}
			return fmt.Errorf("%s was not merged: fix or re-export it (nothing was changed)", path)
		}
		if err != nil {
			return fmt.Errorf("%s: %w (nothing was changed)", path, err)
		}
		all = append(all, events)
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	for i, events := range all { // a file the store refuses merges no file
		if err := st.CheckMerge(events); err != nil {
			return fmt.Errorf("%s: %w", args[i], err)
		}
	}
	for i, events := range all {
		rep, err := st.Merge(events, actorFlags{}.of(j))
		if err != nil {
			return fmt.Errorf("%s: %w", args[i], err)
		}
		fmt.Fprintf(j.stdout(), "%s: %d new events, %d already here (from %s)\n", filepath.Base(args[i]), rep.Added, rep.Known, strings.Join(rep.Stations, ", "))
		for _, id := range rep.Conflicts {
			fmt.Fprintf(j.stdout(), "  conflict: event %s is here with other content; this store's copy is kept\n", id)
		}
		if n := len(rep.Unknown); n > 0 {
			fmt.Fprintf(j.stdout(), "  %d volunteers are on no roster here (%s): import the same roster on every laptop; their events are kept and count once it is\n", n, preview(rep.Unknown, 10))
		}
		for _, id := range rep.Doubles {
			p, _ := st.Person(id)
			dup := p.Duplicates[0]
			fmt.Fprintf(j.stdout(), "  arrived twice: %s (%s): first %s at %s, again %s at %s\n", p.Name, id,
				localTime(p.Arrival.At), p.Arrival.Station, localTime(dup.At), dup.Station)
		}
	}
	t := st.Totals()
	fmt.Fprintf(j.stdout(), "now %d of %d arrived\n", t.Arrived, t.Expected)
	return nil
}
