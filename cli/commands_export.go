package cli

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"hadir/db"
	"hadir/model"
)

func exportCmd(who session) *cobra.Command {
	var format, output string
	c := who.command(spec{name: "export", store: existingStore, remote: true, args: "KIND [--format csv|json] [-o FILE]", summary: "write the roster, arrivals, events or per-contingent totals as CSV or JSON lines",
		example: "hadir export arrivals -o kedatangan.csv"}, func(j job, args []string) error { return runExport(j, format, output, args) })
	c.Flags().StringVar(&format, "format", "", "csv or json (JSON lines); default from the -o file's extension, else csv")
	outputFlag(c, &output, "", "write to `FILE` instead of the screen")
	return c
}

func sampleCmd(who session) *cobra.Command {
	var n int
	var seed int64
	var output string
	c := who.command(spec{name: "sample", args: "--n N [--seed S] [-o FILE]", summary: "write a made-up roster CSV, for trials and benchmarks",
		example: "hadir sample --n 3000 -o contoh.csv"}, func(j job, args []string) error { return runSample(j, n, seed, output, args) })
	c.Flags().IntVarP(&n, "n", "n", 3000, "how many volunteers")
	c.Flags().Int64Var(&seed, "seed", model.DemoSeed, "the same seed gives the same roster")
	outputFlag(c, &output, "", "write to `FILE` instead of the screen")
	return c
}

func runExport(j job, format, output string, args []string) error {
	if len(args) != 1 {
		return usagef("name what to export: %s", strings.Join(db.ExportKinds, ", "))
	}
	if format == "" {
		switch strings.ToLower(filepath.Ext(output)) {
		case ".json", ".jsonl", ".ndjson":
			format = db.FormatJSON
		default:
			format = db.FormatCSV
		}
	}
	if format != db.FormatCSV && format != db.FormatJSON {
		return usagef("unknown format %q: choose csv or json", format)
	}
	known := false
	for _, k := range db.ExportKinds {
		known = known || k == args[0]
	}
	if !known {
		return usagef("cannot export %q: choose one of %s", args[0], strings.Join(db.ExportKinds, ", "))
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	return writeOutput(j, output, func(w io.Writer) error { return st.Export(w, args[0], format) })
}

func runSample(j job, n int, seed int64, output string, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	if n < 1 || n > 1_000_000 {
		return usagef("--n must be between 1 and 1000000")
	}
	return writeOutput(j, output, func(w io.Writer) error {
		return db.WriteVolunteers(w, model.GenerateRoster(n, seed), db.FormatCSV)
	})
}
