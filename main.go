// Command hadir is the check-in desk of a volunteer jamboree: a terminal
// screen for the gates and the headless commands around it (see cli).
package main

import (
	"os"

	"hadir/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:])) }
