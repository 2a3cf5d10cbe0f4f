package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"hadir/db"
	"hadir/model"
	"hadir/ui"
	"hadir/version"
)

var commands = []command{
	{name: "gate", store: existingStore, args: "[--db FILE] [--operator NAME] [--station NAME]", summary: "open the check-in screen (the default when no command is given)",
		example: "hadir --operator Rina --station \"gerbang 1\"", run: runGate, setup: tuiFlags},
	{name: "demo", args: "[--db FILE]", summary: "open the check-in screen on a demo store with 3,000 made-up volunteers",
		example: "hadir demo", run: runDemo, setup: tuiFlags},
	{name: "import", pathArgs: true, remote: true, args: "[--dry-run] [--skip-bad] [--contingent NAME] [--sheet NAME] [--id-prefix PREFIX] [--allow-rename] FILE", summary: "import or update the roster from a CSV file or an Excel workbook (.xlsx)",
		example: "hadir import --dry-run peserta.csv", run: runImport, setup: func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.dryRun, "dry-run", false, "check the file and show what would change, without saving")
			fs.BoolVar(&o.skipBad, "skip-bad", false, "import the good rows and list the bad ones, instead of refusing the file")
			fs.StringVar(&o.contingent, "contingent", "", "the contingent `NAME` for every row (for a file of one contingent)")
			fs.StringVar(&o.sheet, "sheet", "", "the sheet `NAME` to read from an Excel workbook (default: the first visible sheet)")
			importFlags(fs, o)
		}},
	{name: "checkin", store: existingStore, remote: true, args: "[--station NAME] [--operator NAME] ID...", summary: "check volunteers in by ID, without the screen",
		example: "hadir checkin JRS-BLG-0001 JRS-BLG-0002", run: runCheckIn, setup: func(fs *flag.FlagSet, o *options) {
			actorFlags(fs, o)
			langFlag(fs, o, "the language of the answers, `LANG`: id or en (default $HADIR_LANG, else from $LANG)")
		}},
	{name: "stats", store: existingStore, remote: true, args: "[--json] [--lang id|en]", summary: "totals per contingent",
		example: "hadir stats --lang id", run: runStats, setup: func(fs *flag.FlagSet, o *options) {
			fs.BoolVar(&o.json, "json", false, "print one JSON object")
			langFlag(fs, o, "the language of the table, `LANG`: id or en (default $HADIR_LANG, else from $LANG)")
		}},
	{name: "export", store: existingStore, remote: true, args: "KIND [--format csv|json] [-o FILE]", summary: "write the roster, arrivals, events or per-contingent totals as CSV or JSON lines",
		example: "hadir export arrivals -o kedatangan.csv", run: runExport, setup: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.format, "format", "", "csv or json (JSON lines); default from the -o file's extension, else csv")
			fs.StringVar(&o.output, "o", "", "write to `FILE` instead of the screen")
		}},
	{name: "backup", pathArgs: true, store: existingStore, remote: true, args: "DEST", summary: "write a consistent copy of the store to a file or folder (a USB stick)",
		example: "hadir backup /media/usb", run: runBackup},
	{name: "verify", store: existingStore, remote: true, args: "", summary: "check the store's integrity and that the counts add up",
		example: "hadir verify --db hadir.db", run: runVerify},
	{name: "station", store: anyStore, remote: true, args: "[NAME]", summary: "show or set this station's name (shown on every event)",
		example: "hadir station \"gerbang 2\"", run: runStation},
	{name: "event", store: anyStore, remote: true, args: "[NAME] [--place TEXT] [--chair NAME] [--secretary NAME] [--witness NAME]...",
		summary: "show or set the gathering's name (shown on screens and reports), and who signs the report where",
		example: "hadir event \"Jambore Relawan Sosial PSKS 2026\" --place \"Taman Kiram, Kab. Banjar\" --chair \"H. Rahmadi\"", run: runEventName, setup: eventFlags},
	{name: "sample", args: "--n N [--seed S] [-o FILE]", summary: "write a made-up roster CSV, for trials and benchmarks",
		example: "hadir sample --n 3000 -o contoh.csv", run: runSample, setup: func(fs *flag.FlagSet, o *options) {
			fs.IntVar(&o.n, "n", 3000, "how many volunteers")
			fs.Int64Var(&o.seed, "seed", model.DemoSeed, "the same seed gives the same roster")
			fs.StringVar(&o.output, "o", "", "write to `FILE` instead of the screen")
		}},
}

func actorFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.station, "station", "", "the gate's `NAME` recorded on each event (default: the store's station name)")
	fs.StringVar(&o.operator, "operator", "", "the operator's `NAME` recorded on each event")
}

func tuiFlags(fs *flag.FlagSet, o *options) {
	actorFlags(fs, o)
	backupFlags(fs, o)
	langFlag(fs, o, "the screen's language, `LANG`: id or en (default $HADIR_LANG, else from $LANG)")
	fs.BoolVar(&o.noBell, "no-bell", false, "do not beep at the answers (a check-in, a warning)")
}

// langFlag is --lang, refused at once unless it names a language the
// screens speak (a typo must not silently give the other language).
func langFlag(fs *flag.FlagSet, o *options, usage string) {
	fs.Func("lang", usage, func(v string) error {
		if _, ok := ui.ParseLang(v); !ok {
			return errors.New("choose id (Bahasa Indonesia) or en (English)")
		}
		o.lang = v
		return nil
	})
}

// openStore opens the store, creating it if needed (import, demo). An
// existing file is checked first where a damaged one cannot crash hadir
// (checkStore).
func openStore(env *runEnv) (*db.Store, error) {
	inUse, err := checkStore(env.opt.db)
	if err != nil {
		return nil, err
	}
	var opts []db.Option
	if inUse {
		opts = append(opts, db.WithoutLockWait()) // the check waited for it already
	}
	st, err := db.Open(env.opt.db, opts...)
	if err == nil && st.StaleLock() != "" {
		fmt.Fprintf(env.stderr, "note: %s was last opened by a hadir (pid %s) that did not close it (killed, or the power went); this hadir took it over, and every saved check-in is in it\n", env.opt.db, st.StaleLock())
	}
	return st, err
}

// openExisting opens a store that must already exist, so a mistyped --db
// is reported instead of silently creating an empty store.
func openExisting(env *runEnv) (*db.Store, error) {
	if _, err := os.Stat(env.opt.db); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s does not exist: import a roster first (hadir import FILE), try `hadir demo`, or name the store with --db FILE", env.opt.db)
	}
	return openStore(env)
}

func noArgs(args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	return nil
}

func preview(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:n], ", ") + fmt.Sprintf(" and %d more", len(ids)-n)
}

func runCheckIn(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) == 0 {
		return usagef("name at least one volunteer ID")
	}
	if env.role == db.RoleGate && len(args) > 1 {
		// Many at once is a bus check-in: a contingent leader's to vouch for.
		return usagef("a gate login checks in one ID per command, and %d were given; run checkin once for each volunteer (a whole bus is checked in by its contingent leader's login)", len(args))
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	by := actorOf(env)
	allNew := true
	for _, id := range args {
		res, err := st.CheckIn(id, by)
		if err != nil {
			return err
		}
		switch res.Outcome {
		case db.CheckedIn:
			fmt.Fprintln(env.stdout, env.say("checkin.done", id, res.Person.Name, res.Person.Contingent, res.Contingent.Arrived, res.Contingent.Expected))
		case db.AlreadyArrived:
			allNew = false
			fmt.Fprintln(env.stdout, env.say("checkin.already", id, res.Person.Name, localTime(res.First.At), res.First.Station, orDash(res.First.Operator)))
		case db.UnknownVolunteer:
			allNew = false
			if like := st.IDsLike(id); len(like) > 1 {
				fmt.Fprintln(env.stdout, env.say("checkin.two", id, strings.Join(like, env.say("stats.and"))))
				continue
			}
			fmt.Fprintln(env.stdout, env.say("checkin.unknown", id))
		}
	}
	if !allNew {
		return partialError{}
	}
	return nil
}

func localTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// statsJSON is the shape of `stats --json`; its keys are kept stable.
type statsJSON struct {
	HadirVersion string           `json:"hadir_version"` // which build counted (see `hadir version`)
	Event        string           `json:"event"`
	Expected     int              `json:"expected"`
	Arrived      int              `json:"arrived"`
	Missing      int              `json:"missing"`
	Excused      int              `json:"excused"`
	Replaced     int              `json:"replaced"`
	OnSite       int              `json:"on_site"`
	Departed     int              `json:"departed"`
	Contingents  []contingentJSON `json:"contingents"`
}

type contingentJSON struct {
	Name        string     `json:"name"`
	Expected    int        `json:"expected"`
	Arrived     int        `json:"arrived"`
	Missing     int        `json:"missing"`
	Excused     int        `json:"excused"`
	Replaced    int        `json:"replaced"`
	Departed    int        `json:"departed"`
	OnSite      int        `json:"on_site"`
	ConfirmedBy *string    `json:"confirmed_by"`
	ConfirmedAt *time.Time `json:"confirmed_at"`
	// ConfirmationLapsed: a sign-off stands, but the contingent is no longer
	// complete (an annulled arrival), so confirmed_by is null.
	ConfirmationLapsed bool `json:"confirmation_lapsed"`
	lapsedBy           string
}

func runStats(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	var out statsJSON
	out.Event, out.HadirVersion = st.EventName(), version.Short()
	st.Read(func(s *model.State, _ *model.Index) {
		t := s.Totals()
		out.Expected, out.Arrived, out.Missing, out.Excused = t.Expected, t.Arrived, t.Missing, t.Excused
		out.Replaced, out.OnSite, out.Departed = t.Replaced, t.OnSite, t.Departed
		out.Contingents = []contingentJSON{}
		for _, c := range s.Contingents() {
			cj := contingentJSON{Name: c.Name, Expected: c.Expected, Arrived: c.Arrived, Missing: c.Missing,
				Excused: c.Excused, Replaced: c.Replaced, Departed: c.Departed, OnSite: c.OnSite}
			switch {
			case c.Confirm != nil && c.ConfirmValid:
				by, at := c.Confirm.Leader, c.Confirm.At
				cj.ConfirmedBy, cj.ConfirmedAt = &by, &at
			case c.Confirm != nil:
				cj.ConfirmationLapsed, cj.lapsedBy = true, c.Confirm.Leader
			}
			out.Contingents = append(out.Contingents, cj)
		}
	})
	if env.opt.json {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(env.stdout, "%s\n%s\n\n", out.Event,
		env.say("stats.totals", out.Arrived, out.Expected, out.Missing, out.Excused, out.OnSite, out.Departed))
	tw := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, env.say("stats.header"))
	for _, c := range out.Contingents {
		signed := "-"
		switch {
		case c.ConfirmedBy != nil:
			signed = *c.ConfirmedBy + " " + localTime(*c.ConfirmedAt)
		case c.ConfirmationLapsed:
			signed = env.say("stats.lapsed", c.lapsedBy)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", c.Name, c.Arrived, c.Expected, c.Missing, c.Excused, signed)
	}
	return tw.Flush()
}

// writeOutput gives write the -o FILE (written atomically, see
// db.WriteFileAtomic) or the screen.
func writeOutput(env *runEnv, write func(io.Writer) error) error {
	dest := env.opt.output
	if dest == "" || dest == "-" {
		return write(env.stdout)
	}
	if err := db.WriteFileAtomic(dest, write); err != nil {
		return err
	}
	fmt.Fprintf(env.stderr, "wrote %s\n", dest)
	return nil
}

func runExport(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) != 1 {
		return usagef("name what to export: %s", strings.Join(db.ExportKinds, ", "))
	}
	format := env.opt.format
	if format == "" {
		switch strings.ToLower(filepath.Ext(env.opt.output)) {
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
	st, err := env.useStore()
	if err != nil {
		return err
	}
	return writeOutput(env, func(w io.Writer) error { return st.Export(w, args[0], format) })
}

func runBackup(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) != 1 {
		return usagef("name the backup file or folder")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	path, err := st.Backup(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "backup written: %s\nto restore: copy it over %s while hadir is closed\n", path, st.Path())
	return nil
}

func runVerify(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	rep, err := st.Inspect()
	if err != nil {
		return err
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(env.stdout, "note:", n)
	}
	if len(rep.Problems) > 0 {
		for _, p := range rep.Problems {
			fmt.Fprintln(env.stdout, "problem:", p)
		}
		return fmt.Errorf("%s has %d problem(s); restore the newest backup that verifies: see README, Backups", st.Path(), len(rep.Problems))
	}
	t := st.Totals()
	fmt.Fprintf(env.stdout, "%s is sound: %d volunteers, %d arrived\n", st.Path(), t.Expected+t.Replaced, t.Arrived)
	// The heads the report prints: the same here means the same events.
	for _, c := range rep.Chains {
		fmt.Fprintf(env.stdout, "station %s: %d events, chain head %s\n", c.Station, c.Events, c.Head)
	}
	return nil
}

func runStation(env *runEnv, _ *flag.FlagSet, args []string) error {
	if len(args) > 1 {
		return usagef("give the station name as one argument (quote it if it has spaces)")
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	if len(args) == 1 {
		if err := st.SetStationName(args[0]); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.stdout, "station %q (ID %s)\n", st.StationName(), st.StationID())
	return nil
}

func runSample(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	if env.opt.n < 1 || env.opt.n > 1_000_000 {
		return usagef("--n must be between 1 and 1000000")
	}
	return writeOutput(env, func(w io.Writer) error {
		return db.WriteVolunteers(w, model.GenerateRoster(env.opt.n, env.opt.seed), db.FormatCSV)
	})
}

func runGate(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	st, err := env.useStore()
	if err != nil {
		return err
	}
	return runTUI(env, st)
}

// demoStore is where `hadir demo` keeps its made-up arrivals between runs.
const demoStore = "hadir-demo.db"

func runDemo(env *runEnv, fs *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	dbSet := false
	fs.Visit(func(f *flag.Flag) { dbSet = dbSet || f.Name == "db" })
	if !dbSet {
		env.opt.db = demoStore
	}
	st, err := openStore(env)
	if err != nil {
		return err
	}
	defer st.Close()
	if st.Totals().Expected == 0 {
		if _, err := st.ImportRoster(model.DemoRoster(), false); err != nil {
			return err
		}
	}
	return runTUI(env, st)
}
