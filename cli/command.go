package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"hadir/ui"
)

// How one command is made and run: what the dispatcher knows of it (spec),
// and the wrapper that forwards it to a running server or gives it a store.

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

// command makes a cobra command of s that runs run once its flags are
// read: on a running `hadir serve` of the store when there is one (remote
// commands), else here, as a job of its own with the store it needs
// (job.store), closed when run returns.
func (who session) command(s spec, run func(j job, args []string) error) *cobra.Command {
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
		j := newJob(cmd, who, s.store)
		if code, forwarded := forwardToServer(j, s, args); forwarded {
			if code == 0 {
				return nil
			}
			return exitStatus(code)
		}
		defer j.store.close()
		return run(j, args)
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
