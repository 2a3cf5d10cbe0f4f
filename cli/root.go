package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// newRoot builds the command line: the root is the gate screen, and every
// command is added here, in the order `hadir help` lists them. Each command
// writes to std through cobra (cmd.OutOrStdout, ...); who runs it is who;
// hooks are the tests' hold on `hadir serve` (zero but in those tests).
func newRoot(std streams, who session, hooks serveHooks) *cobra.Command {
	root := gateCmd(who, true)
	root.SilenceErrors, root.SilenceUsage = true, true
	root.SetOut(std.stdout)
	root.SetErr(std.stderr)
	root.SetIn(std.stdin)
	def := os.Getenv("HADIR_DB")
	if def == "" {
		def = "hadir.db"
	}
	// Each job reads the two as given (newJob).
	root.PersistentFlags().String("db", def, "the store `file` (or set $HADIR_DB)")
	root.PersistentFlags().Var(&langValue{new(string)}, "lang", "the language, `LANG`: id or en (default $HADIR_LANG, else from $LANG)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err.Error()} })
	commands := []*cobra.Command{
		gateCmd(who, false), demoCmd(who), importCmd(who), checkinCmd(who), statsCmd(who), exportCmd(who),
		backupCmd(who), verifyCmd(who), stationCmd(who), eventCmd(who), sampleCmd(who),
		departCmd(who), excuseCmd(who), replaceCmd(who), confirmCmd(who), annulCmd(who),
		contingentCmd(who), mergeCmd(who), reportCmd(who), badgesCmd(who),
		serveCmd(who, runCall, hooks), passcodeCmd(who), peerCmd(who), versionCmd(who),
	}
	root.AddCommand(commands...)
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "write the shell's completion script: hadir completion bash|zsh|fish|powershell"
			commands = append(commands, c)
		}
	}
	help := func(c *cobra.Command) {
		if c.HasParent() {
			printCommandHelp(c.OutOrStdout(), c)
		} else {
			printUsage(c.OutOrStdout(), commands)
		}
	}
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { help(c) })
	root.SetUsageFunc(func(c *cobra.Command) error { help(c); return nil }) // `hadir help nosuch`
	return root
}

// isRemote says whether the command name may run on a served store.
func isRemote(name string) bool {
	c, _, err := newRoot(streams{}, session{}, serveHooks{}).Find([]string{name})
	return err == nil && c.HasParent() && c.Annotations[annotRemote] == "yes"
}

// printUsage lists the commands in the order they are added (newRoot).
func printUsage(w io.Writer, commands []*cobra.Command) {
	fmt.Fprint(w, `hadir: the check-in desk of the jamboree.

Usage: hadir [COMMAND] [FLAGS]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.Name(), c.Short)
	}
	fmt.Fprint(w, `
Every command takes --db FILE (default ./hadir.db, or $HADIR_DB) and
--lang id|en, before or after the command.
Run "hadir COMMAND -h" for the flags and an example of one command.

Example:
  hadir import peserta.csv && hadir --operator Rina --station "gerbang 1"
`)
}

func printCommandHelp(w io.Writer, c *cobra.Command) {
	fmt.Fprintf(w, "hadir %s %s\n\n%s\n\nFlags:\n", c.Name(), argsOf(c), c.Short)
	var lines []string
	c.Flags().VisitAll(func(f *pflag.Flag) { lines = append(lines, flagLine(f)) })
	c.InheritedFlags().VisitAll(func(f *pflag.Flag) { lines = append(lines, flagLine(f)) })
	sort.Strings(lines)
	fmt.Fprintln(w, strings.Join(slicesCompactHelp(lines), "\n"))
	if c.Example != "" {
		fmt.Fprintf(w, "\nExample:\n  %s\n", c.Example)
	}
}

func flagLine(f *pflag.Flag) string {
	if f.Name == "help" {
		return ""
	}
	name, usage := pflag.UnquoteUsage(f)
	left := "--" + f.Name
	if len(f.Name) == 1 {
		left = "-" + f.Name // -o FILE, as people type it
	}
	if name != "" {
		left += " " + name
	}
	def := ""
	if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
		def = fmt.Sprintf(" (default %s)", f.DefValue)
	}
	return fmt.Sprintf("  %-22s %s%s", left, usage, def)
}

// slicesCompactHelp drops the empty and repeated lines (the help flag, a
// persistent flag seen twice).
func slicesCompactHelp(lines []string) []string {
	var out []string
	for i, l := range lines {
		if l != "" && (i == 0 || l != lines[i-1]) {
			out = append(out, l)
		}
	}
	return out
}
