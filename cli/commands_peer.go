package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"hadir/peer"
)

// peerCmd is `hadir peer key`: this laptop's line for the other laptops'
// --authorized-keys files, so they let it keep its copy in step.
func peerCmd(who session) *cobra.Command {
	return who.command(spec{name: "peer", store: existingStore, remote: true, args: "key [--db FILE]",
		summary: "print this laptop's line for the other laptops' --authorized-keys (its store's own key; made if missing)",
		example: "hadir peer key --db hadir.db"}, func(j job, args []string) error { return runPeer(j, args) })
}

func runPeer(j job, args []string) error {
	if len(args) != 1 || args[0] != "key" {
		return usagef("write: hadir peer key")
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	signer, err := peer.Key(st.Path())
	if err != nil {
		return err
	}
	fmt.Fprintln(j.stdout(), peer.KeyLine(signer, st.StationName()))
	return nil
}
