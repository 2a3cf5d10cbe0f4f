package cli

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"time"

	"hadir/ui"
)

// reportDefault is where `hadir report` writes without -o: this folder.
const reportDefault = "report.html"

func init() {
	commands = append(commands, command{name: "report", store: existingStore, remote: true, args: "[-o FILE] [--lang id|en]",
		summary: "write the count as one printable HTML page: totals, contingents, who is missing, and an audit of the log",
		example: "hadir report -o laporan.html --lang id", run: runReport, setup: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.output, "o", reportDefault, "write to `FILE` (- for the screen)")
			fs.StringVar(&o.lang, "lang", "", "the report's language: id or en (default $HADIR_LANG, else from $LANG)")
			givenDefaults(fs, reportDefault)
		}},
	)
}

// givenDefaults sets -o and --lang as if typed, for commands that write a
// file: while `hadir serve` holds the store it runs the command, and only
// given flags reach it, so the file lands in this folder (not the server's)
// in this terminal's language.
func givenDefaults(fs *flag.FlagSet, output string) {
	fs.Set("o", output)
	if l := ui.DetectLang("", os.Getenv); l == ui.English {
		fs.Set("lang", "en")
	} else {
		fs.Set("lang", "id")
	}
}

func runReport(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	lang, ok := ui.ParseLang(env.opt.lang)
	if !ok {
		return usagef("--lang must be id or en, not %q", env.opt.lang)
	}
	if env.opt.output == "" {
		env.opt.output = reportDefault
	}
	if env.opt.output != "-" {
		if abs, err := filepath.Abs(env.opt.output); err == nil {
			env.opt.output = abs // "wrote" then says exactly where
		}
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	return writeOutput(env, func(w io.Writer) error { return ui.WriteReport(w, st, lang, time.Now()) })
}
