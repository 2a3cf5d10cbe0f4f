package cli

import (
	"github.com/spf13/cobra"
	"io"
	"path/filepath"
	"time"

	"hadir/ui"
)

// reportDefault is where `hadir report` writes without -o: this folder.
const reportDefault = "report.html"

func reportCmd(who session) *cobra.Command {
	var output string
	c := who.command(spec{name: "report", store: existingStore, remote: true, args: "[-o FILE] [--lang id|en]", fileDefault: reportDefault,
		summary: "write the count as one printable HTML page: totals, contingents, who is missing, and an audit of the log",
		example: "hadir report -o laporan.html --lang id"}, func(j job, args []string) error { return runReport(j, output, args) })
	outputFlag(c, &output, reportDefault, "write to `FILE` (- for the screen)")
	return c
}

func runReport(j job, output string, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	lang, ok := ui.ParseLang(j.langFlag)
	if !ok {
		return usagef("--lang must be id or en, not %q", j.langFlag)
	}
	if output == "" {
		output = reportDefault
	}
	if output != "-" {
		if abs, err := filepath.Abs(output); err == nil {
			output = abs // "wrote" then says exactly where
		}
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	return writeOutput(j, output, func(w io.Writer) error { return ui.WriteReport(w, st, lang, time.Now()) })
}
