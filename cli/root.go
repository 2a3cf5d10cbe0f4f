package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"hadir/ui"
)

// spec is what the dispatcher knows of a command beside cobra's fields.
type spec struct {
	name, args, summary, example string
	store                        storeNeed // whether run gets a store, opened here
	remote                       bool      // may run on the store of a running `hadir serve`
	// pathArgs: the positional arguments are files, made absolute when the
	// command runs in a `hadir serve` elsewhere on the laptop.
	pathArgs bool
	// fileDefault: a command that writes a file gives its -o and --lang as
	// if typed, so a running `hadir serve` writes it here, in this
	// terminal's language (report, badges).
	fileDefault string
}

// storeNeed says what a command needs of the store.
type storeNeed int

const (
	noStore       storeNeed = iota // opens nothing, or opens it itself
	existingStore                  // a store that must exist (a mistyped --db is an error)
	anyStore                       // created if missing
)

// annotations cobra keeps for the dispatcher: the usage line and whether a
// command may run on a served store.
const (
	annotArgs   = "hadir.args"
	annotRemote = "hadir.remote"
)

// newRoot builds the command line: the root is the gate screen, and every
// command is added here, in the order `hadir help` lists them.
func newRoot(env *runEnv) *cobra.Command {
	root := gateCmd(env, true)
	root.SilenceErrors, root.SilenceUsage = true, true
	root.SetOut(env.stdout)
	root.SetErr(env.stderr)
	root.SetIn(env.stdin)
	def := os.Getenv("HADIR_DB")
	if def == "" {
		def = "hadir.db"
	}
	root.PersistentFlags().StringVar(&env.dbPath, "db", def, "the store `file` (or set $HADIR_DB)")
	root.PersistentFlags().Var(&langValue{&env.langFlag}, "lang", "the language, `LANG`: id or en (default $HADIR_LANG, else from $LANG)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err.Error()} })
	commands := []*cobra.Command{
		gateCmd(env, false), demoCmd(env), importCmd(env), checkinCmd(env), statsCmd(env), exportCmd(env),
		backupCmd(env), verifyCmd(env), stationCmd(env), eventCmd(env), sampleCmd(env),
		departCmd(env), excuseCmd(env), replaceCmd(env), confirmCmd(env), annulCmd(env),
		contingentCmd(env), mergeCmd(env), reportCmd(env), badgesCmd(env),
		serveCmd(env), passcodeCmd(env), versionCmd(env),
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

// command makes a cobra command of s that runs run once its flags are
// read: on a running `hadir serve` of the store when there is one (remote
// commands), else here, with the store it needs (env.useStore).
func (env *runEnv) command(s spec, run func(cmd *cobra.Command, args []string) error) *cobra.Command {
	c := &cobra.Command{
		Use: s.name, Short: s.summary, Example: s.example,
		Annotations: map[string]string{annotArgs: s.args},
	}
	if s.remote {
		c.Annotations[annotRemote] = "yes"
	}
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if s.fileDefault != "" {
			givenDefaults(cmd.Flags(), s.fileDefault)
		}
		if code, forwarded := env.forwardToServer(cmd, s, args); forwarded {
			if code == 0 {
				return nil
			}
			return exitStatus(code)
		}
		env.need = s.store
		defer func() {
			if env.opened {
				env.store.Close()
			}
		}()
		return run(cmd, args)
	}
	return c
}

// exitStatus ends hadir with a status a running `hadir serve` gave, whose
// words are already written.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// givenDefaults sets -o and --lang as if typed, for commands that write a
// file: while `hadir serve` holds the store it runs the command, and only
// given flags reach it, so the file lands in this folder (not the server's)
// in this terminal's language.
func givenDefaults(fs *pflag.FlagSet, output string) {
	if !fs.Changed("o") {
		fs.Set("o", output)
	}
	if fs.Changed("lang") {
		return
	}
	if l := ui.DetectLang("", os.Getenv); l == ui.English {
		fs.Set("lang", "en")
	} else {
		fs.Set("lang", "id")
	}
}

// langValue is --lang, refused at once unless it names a language the
// screens speak (a typo must not silently give the other language).
type langValue struct{ to *string }

func (l *langValue) String() string {
	if l.to == nil {
		return ""
	}
	return *l.to
}

func (l *langValue) Set(v string) error {
	if _, ok := ui.ParseLang(v); !ok {
		return errors.New("must be id or en: choose id (Bahasa Indonesia) or en (English)")
	}
	*l.to = v
	return nil
}

func (l *langValue) Type() string { return "string" }

// commandName is how messages name a command: the root is the gate.
func commandName(c *cobra.Command) string {
	if c == nil || !c.HasParent() {
		return "gate"
	}
	return c.Name()
}

func argsOf(c *cobra.Command) string {
	if c == nil {
		return ""
	}
	return c.Annotations[annotArgs]
}

// isRemote says whether the command name may run on a served store.
func isRemote(name string) bool {
	c, _, err := newRoot(&runEnv{}).Find([]string{name})
	return err == nil && c.HasParent() && c.Annotations[annotRemote] == "yes"
}

// printUsage lists the commands in the order they are added (newRoot).
func printUsage(w io.Writer, commands []*cobra.Command) {
	fmt.Fprint(w, `hadir: the check-in desk of the jamboree.

Usage: hadir [COMMAND] [FLAGS]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.Name(), c.Short)
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
