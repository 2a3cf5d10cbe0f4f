package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"hadir/db"
	"hadir/model"
)

func importCmd(who session) *cobra.Command {
	var f importFlags
	c := who.command(spec{name: "import", pathArgs: true, remote: true, args: "[--dry-run] [--skip-bad] [--contingent NAME] [--sheet NAME] [--id-prefix PREFIX] [--allow-rename] FILE",
		summary: "import or update the roster from a CSV file or an Excel workbook (.xlsx)",
		example: "hadir import --dry-run peserta.csv"}, func(j job, args []string) error { return runImport(j, f, args) })
	c.Flags().BoolVar(&f.dryRun, "dry-run", false, "check the file and show what would change, without saving")
	c.Flags().BoolVar(&f.skipBad, "skip-bad", false, "import the good rows and list the bad ones, instead of refusing the file")
	c.Flags().StringVar(&f.contingent, "contingent", "", "the contingent `NAME` for every row (for a file of one contingent)")
	c.Flags().StringVar(&f.sheet, "sheet", "", "the sheet `NAME` to read from an Excel workbook (default: the first visible sheet)")
	c.Flags().StringVar(&f.idPrefix, "id-prefix", "", "put `PREFIX` before every ID of this file (BLG makes 1 BLG-1): for lists numbered from 1 like another office's")
	c.Flags().BoolVar(&f.allowRename, "allow-rename", false, "let a row change the name or contingent of the person its ID belongs to (real corrections only)")
	return c
}

// importFlags are the flags of `hadir import`.
type importFlags struct {
	actor                        actorFlags // none given: over SSH the login, else "cli"
	dryRun, skipBad, allowRename bool
	contingent, sheet, idPrefix  string
}

// rowsLeftOut is an import that stored the good rows and left bad ones out
// (--skip-bad), already listed: exit status 3.
type rowsLeftOut struct{}

func (rowsLeftOut) Error() string { return "rows were left out" }

func runImport(j job, f importFlags, args []string) error {
	if len(args) != 1 {
		return usagef("name one roster file to import")
	}
	path := args[0]
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read the roster: %w", err)
	}
	defer file.Close()
	// A later list of people already stored may leave out the contingent
	// column: each row's comes from the store, by its ID.
	st := j.store.shared
	if st == nil {
		if _, err := os.Stat(j.dbPath); err == nil {
			if st, err = openStore(j.stderr(), j.dbPath); err != nil {
				return err
			}
			defer st.Close()
		}
	}
	popt := model.ParseOptions{Contingent: f.contingent, SkipBad: f.skipBad, Sheet: f.sheet}
	if st != nil {
		popt.StoredContingent = func(id string) (string, bool) {
			p, ok := st.Person(id)
			return p.Contingent, ok
		}
	}
	// The format is told by content, not by the name: web systems export
	// CSV under an .xls name.
	roster, err := model.ParseRosterFile(file, popt)
	name := filepath.Base(path)
	if err != nil {
		return parseFailure(j, name, f.skipBad, err)
	}
	where := rosterWhere(name, roster.Sheet)
	for _, w := range roster.Warnings {
		fmt.Fprintf(j.stderr(), "%s: note: %s\n", where, w)
	}
	for _, p := range roster.Problems {
		fmt.Fprintf(j.stderr(), "%s %s (row left out)\n", where, p.Error())
	}
	opt := model.ImportOptions{IDPrefix: model.Clean(f.idPrefix, model.MaxTextLen), AllowRename: f.allowRename}
	var rep db.ImportReport
	if st == nil {
		if _, err := os.Stat(j.dbPath); f.dryRun && errors.Is(err, os.ErrNotExist) {
			// A dry run creates no store: plan against an empty one.
			plan := model.PlanImport(nil, func(string) bool { return false }, roster.Rows(), opt)
			rep = db.ImportReport{ImportPlan: plan, DryRun: true}
			err = nil
			if plan.Refused() {
				err = &db.ImportRefused{Plan: plan}
			}
			return reportImport(j, name, roster, rep, err)
		}
		var err error
		if st, err = openStore(j.stderr(), j.dbPath); err != nil {
			return err
		}
		defer st.Close()
	}
	rep, err = st.ImportRowsBy(roster.Rows(), opt, f.dryRun, f.actor.of(j))
	return reportImport(j, name, roster, rep, err)
}

// parseFailure lists the problems of a file that could not be read.
func parseFailure(j job, name string, skipBad bool, err error) error {
	var pe *model.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w; nothing was changed", name, err)
	}
	where := rosterWhere(name, pe.Sheet)
	for _, p := range pe.Problems {
		if p.Line <= 0 {
			fmt.Fprintf(j.stderr(), "%s: %s\n", where, p.Error())
		} else {
			fmt.Fprintf(j.stderr(), "%s %s\n", where, p.Error())
		}
	}
	if len(pe.Problems) == 1 && pe.Problems[0].Line <= 0 {
		return fmt.Errorf("%s was not imported (see above); nothing was changed", name)
	}
	if pe.Good > 0 && !skipBad {
		// Only when it helps: there are good rows to import.
		return fmt.Errorf("%s was not imported: %d problem(s) above; fix them and import again, or import the %d good %s now with --skip-bad and the others later; nothing was changed",
			name, len(pe.Problems), pe.Good, plural(pe.Good, "row", "rows"))
	}
	return fmt.Errorf("%s was not imported: %d problem(s) above; fix them and import again; nothing was changed", name, len(pe.Problems))
}

// reportImport tells what an import did, or why it was refused.
func reportImport(j job, name string, roster *model.Roster, rep db.ImportReport, err error) error {
	var refused *db.ImportRefused
	if errors.As(err, &refused) {
		printRefusal(j.stderr(), name, refused.Plan, rep.DryRun)
		return fmt.Errorf("%s was not imported; nothing was changed", name)
	}
	if err != nil {
		return err
	}
	verb := "imported"
	if rep.DryRun {
		verb = "would import (dry run, nothing saved)"
	}
	out := j.stdout()
	fmt.Fprintf(out, "%s %s %d volunteers: %d added, %d updated, %d unchanged", name, verb, len(roster.Volunteers), len(rep.Added), len(rep.Updated), rep.Unchanged)
	if len(roster.Problems) > 0 {
		fmt.Fprintf(out, ", %d bad rows left out", len(roster.Problems))
	}
	fmt.Fprintln(out, ".")
	for _, n := range roster.Namesakes {
		var who []string
		for _, ph := range n.Phones {
			who = append(who, strings.TrimSpace(n.Name+" "+ph))
		}
		fmt.Fprintf(out, "%d namesakes in %s: %s (rows %s); kept as %d people, told apart by their phones\n",
			len(n.Phones), n.Contingent, strings.Join(who, ", "), joinInts(n.Lines), len(n.Phones))
	}
	if n := len(roster.Repeats); n > 0 {
		fmt.Fprintf(out, "%d repeated form %s counted once, the latest kept:\n", n, plural(n, "response", "responses"))
		for _, r := range roster.Repeats {
			if r.Contingent != "" {
				fmt.Fprintf(out, "  row %d (%s, %s, sent %s) left out; row %d kept, the same name and phone sent later for %s\n",
					r.Line, r.Name, r.Contingent, orDash(r.Stamp), r.KeptLine, keptContingent(roster, r.KeptLine))
				continue
			}
			fmt.Fprintf(out, "  row %d (%s, sent %s) left out; row %d kept\n", r.Line, r.Name, orDash(r.Stamp), r.KeptLine)
		}
	}
	if rep.Unified > 0 {
		fmt.Fprintf(out, "%d %s the contingent written another way; unified to the name first imported (%s):\n",
			rep.Unified, plural(rep.Unified, "row had", "rows had"), strings.Join(rep.UnifiedNames, ", "))
		for _, sp := range rep.Spellings {
			fmt.Fprintf(out, "  '%s' (%d %s) is %s\n", sp.From, sp.Rows, plural(sp.Rows, "row", "rows"), sp.To)
		}
	}
	for _, n := range rep.NewContingents {
		fmt.Fprintf(out, "new contingent '%s' (%d %s)", n.Name, n.People, plural(n.People, "person", "people"))
		if len(n.Closest) == 0 {
			fmt.Fprintf(out, ": like no contingent already here; if it is one of them: hadir contingent rename %s NAME --merge\n", shellWord(n.Name))
			continue
		}
		fmt.Fprintf(out, ": did you mean %s? hadir contingent rename %s %s --merge\n",
			strings.Join(n.Closest, " or "), shellWord(n.Name), shellWord(n.Closest[0]))
	}
	for _, c := range rep.Corrections {
		fmt.Fprintf(out, "row %d: '%s' taken as a corrected spelling of '%s' (%s, ID %s)\n", c.Line, c.To.Name, c.From.Name, c.From.Contingent, c.From.ID)
	}
	for i, a := range rep.Adopted {
		if i == maxListed {
			fmt.Fprintf(out, "and %d more took the file's ID the same way\n", len(rep.Adopted)-maxListed)
			break
		}
		fmt.Fprintf(out, "row %d: %s now has the file's ID %s (was %s, made up when the file had no IDs; the old ID still finds them", a.Line, a.Name, a.To, a.From)
		if a.HasEvents {
			fmt.Fprint(out, ", and their check-ins count under the new one")
		}
		fmt.Fprintln(out, ")")
	}
	for _, c := range rep.Moved {
		fmt.Fprintf(out, "row %d: %s (%s) is the %s of %s with the same phone (ID %s), who is not in this file: one person, now in %s\n",
			c.Line, c.To.Name, c.To.Phone, c.From.Name, c.From.Contingent, c.From.ID, c.To.Contingent)
	}
	for _, c := range rep.Renamed {
		fmt.Fprintf(out, "row %d: ID %s changed from %s (%s) to %s (%s) (--allow-rename)\n", c.Line, c.ID, c.Stored.Name, c.Stored.Contingent, c.Row.Name, c.Row.Contingent)
	}
	for _, c := range rep.Renumbered {
		if model.SameContingent(c.From.Contingent, c.To.Contingent) {
			fmt.Fprintf(out, "row %d: %s (%s) is added under the new ID %s, but the store has %s (%s) under the ID %s, who is not in this file: "+
				"if they are one person, the office changed its numbering and they would count twice; import the file with the old IDs (or the old --id-prefix)\n",
				c.Line, c.To.Name, c.To.Contingent, c.To.ID, c.From.Name, c.From.Contingent, c.From.ID)
			continue
		}
		fmt.Fprintf(out, "row %d: %s (%s, %s) is added, but the store has %s with the same phone in %s (ID %s), who is not in this file: "+
			"if they moved, correct the contingent in the file that is wrong; otherwise they would count twice\n",
			c.Line, c.To.Name, c.To.Contingent, c.To.Phone, c.From.Name, c.From.Contingent, c.From.ID)
	}
	if n := len(rep.Kept); n > 0 {
		fmt.Fprintf(out, "%d volunteers in the store are not in this file; they are kept: %s\n", n, previewPeople(rep.Kept, 10))
	}
	if len(roster.Problems) > 0 && !rep.DryRun {
		return rowsLeftOut{}
	}
	return nil
}

// keptContingent is the contingent of the volunteer read from a row.
func keptContingent(roster *model.Roster, line int) string {
	for i, l := range roster.Lines {
		if l == line && i < len(roster.Volunteers) {
			return roster.Volunteers[i].Contingent
		}
	}
	return "another contingent"
}

// maxListed bounds the people an import lists one by one: a file that
// gains an ID column gives thousands their ID.
const maxListed = 20

// printRefusal lists what stops an import and the ways out.
func printRefusal(w io.Writer, name string, plan *model.ImportPlan, dryRun bool) {
	if n := len(plan.Conflicts); n > 0 {
		fmt.Fprintf(w, "%s: %d %s already %s to another person in the store:\n", name, n, plural(n, "ID", "IDs"), plural(n, "belongs", "belong"))
		for _, c := range plan.Conflicts {
			events := "no check-ins yet"
			if c.HasEvents {
				events = "HAS CHECK-INS OR OTHER EVENTS"
			}
			fmt.Fprintf(w, "  row %d: ID %s is %s (%s, %s) in the store, but this row is %s (%s)\n",
				c.Line, c.ID, c.Stored.Name, c.Stored.Contingent, events, c.Row.Name, c.Row.Contingent)
		}
		prefix := suggestPrefix(plan.Conflicts[0].Row.Contingent)
		fmt.Fprintf(w, "If this file numbers its people on its own (from 1, like another office's list), give its IDs a prefix:\n"+
			"  hadir import --id-prefix %s %s   (ID 1 becomes %s)\n", prefix, name, model.PrefixID(prefix, "1"))
		fmt.Fprintf(w, "If these rows are corrections of the same people (a new name or contingent), import with --allow-rename.\n")
	}
	if n := len(plan.Ambiguous); n > 0 {
		fmt.Fprintf(w, "%s: %d %s without an ID could be more than one person already imported:\n", name, n, plural(n, "row", "rows"))
		for _, a := range plan.Ambiguous {
			var cands []string
			for _, c := range a.Candidates {
				cands = append(cands, personLabel(c))
			}
			row := a.Row
			row.ID = "" // made up, not the file's
			fmt.Fprintf(w, "  row %d: %s could be %s\n", a.Line, personLabel(row), strings.Join(cands, " or "))
		}
		fmt.Fprintf(w, "hadir does not guess: add an ID column (the IDs of `hadir export roster`) or the phone numbers that tell them apart.\n")
	}
	if dryRun {
		fmt.Fprintf(w, "(dry run: the import would be refused for the same reasons)\n")
	}
}

// suggestPrefix makes an --id-prefix from a contingent: "Kab. Balangan"
// gives "BAL".
func suggestPrefix(contingent string) string {
	key := model.ContingentKey(contingent)
	base := key[strings.IndexByte(key, ':')+1:]
	var b strings.Builder
	for _, r := range strings.ToUpper(base) {
		if r >= 'A' && r <= 'Z' && b.Len() < 3 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "X"
	}
	return b.String()
}

// personLabel names a volunteer for a list: name, contingent, phone, ID.
func personLabel(v model.Volunteer) string {
	s := v.Name + " (" + v.Contingent
	if v.Phone != "" {
		s += ", " + v.Phone
	}
	if v.ID != "" {
		s += ", ID " + v.ID
	}
	return s + ")"
}

// previewPeople lists up to n people by name and contingent.
func previewPeople(vs []model.Volunteer, n int) string {
	var parts []string
	for i, v := range vs {
		if i == n {
			parts = append(parts, fmt.Sprintf("and %d more", len(vs)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s, %s)", v.Name, v.Contingent, v.ID))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// rosterWhere names the file, and the sheet for a workbook, in messages
// about its lines.
func rosterWhere(name, sheet string) string {
	if sheet == "" {
		return name
	}
	return fmt.Sprintf("%s sheet '%s'", name, sheet)
}

// shellWord quotes a name for a command to type: as is when it is one
// plain word.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`!&;|<>()*?") {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`").Replace(s) + `"`
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, ", ")
}
