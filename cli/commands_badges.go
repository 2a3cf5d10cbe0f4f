package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"hadir/badge"
	"hadir/db"
	"hadir/model"
	"hadir/ui"
)

// badgesDefault is where `hadir badges` writes without -o: this folder.
const badgesDefault = "badges.pdf"

// badgeFlags are the flags of `hadir badges`.
type badgeFlags struct {
	contingents  lineList
	ids          string
	layout, code string
}

// lineList is a flag that may be given several times. Its values are
// joined by line breaks, which no cleaned name holds, so a contingent
// named with a comma reaches a running `hadir serve` whole.
type lineList []string

func (l *lineList) String() string { return strings.Join(*l, "\n") }
func (l *lineList) Type() string   { return "value" }
func (l *lineList) Set(v string) error {
	*l = append(*l, strings.Split(v, "\n")...)
	return nil
}

func badgesCmd(who session) *cobra.Command {
	var f badgeFlags
	var output string
	c := who.command(spec{name: "badges", store: existingStore, remote: true, fileDefault: badgesDefault,
		args:    "[-o FILE] [--contingent NAME]... [--ids ID,...] [--layout a4-8|a4-10|a6|card] [--code code128|qr] [--lang id|en]",
		summary: "write print-ready badges as a PDF: name, contingent, pillar and a barcode of the ID for the gate's scanner",
		example: "hadir badges --contingent \"Kabupaten Balangan\" -o balangan.pdf"},
		func(j job, args []string) error { return runBadges(j, f, output, args) })
	outputFlag(c, &output, badgesDefault, "write to `FILE`")
	c.Flags().Var(&f.contingents, "contingent", "only this contingent's `NAME` (give it again for more; default: every contingent)")
	c.Flags().StringVar(&f.ids, "ids", "", "only these volunteers: `ID,...` separated by commas (a walk-in, a lost badge)")
	c.Flags().StringVar(&f.layout, "layout", string(badge.A4x8), "`LAYOUT`: a4-8 or a4-10 (A4 sheets with cut marks), a6 or card (one badge a page, for a badge printer)")
	c.Flags().StringVar(&f.code, "code", string(badge.Code128), "the barcode, `CODE`: code128 (every USB scanner) or qr")
	return c
}

func runBadges(j job, f badgeFlags, output string, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	layout, err := badge.ParseLayout(f.layout)
	if err != nil {
		return usageError{err.Error()}
	}
	code, err := badge.ParseCode(f.code)
	if err != nil {
		return usageError{err.Error()}
	}
	lang, ok := ui.ParseLang(j.langFlag)
	if !ok {
		return usagef("--lang must be id or en, not %q", j.langFlag)
	}
	sel := badge.Selection{Contingents: f.contingents}
	for _, id := range strings.Split(f.ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			sel.IDs = append(sel.IDs, id)
		}
	}
	if f.ids != "" && len(sel.IDs) == 0 {
		return usagef("--ids names no ID")
	}
	dest := output
	if dest == "" || dest == "-" {
		return usagef("name the PDF file with -o FILE")
	}
	if abs, err := filepath.Abs(dest); err == nil {
		dest = abs // "wrote" then says exactly where
	}
	st, err := j.store.open()
	if err != nil {
		return err
	}
	var bs []badge.Badge
	st.Read(func(s *model.State, _ *model.Index) { bs, err = badge.Select(s, sel) })
	if err != nil {
		return err
	}
	opt := badge.Options{Layout: layout, Code: code, Lang: []string{"id", "en"}[lang], Event: st.EventName(),
		Covers: len(sel.IDs) == 0, Now: time.Now()}
	if err := badge.Check(bs, opt); err != nil {
		return err
	}
	if err := db.WriteFileAtomic(dest, func(w io.Writer) error { _, err := badge.Write(w, bs, opt); return err }); err != nil {
		return err
	}
	fmt.Fprintf(j.stdout(), "wrote %s: %d badge(s), layout %s, %s\n", dest, len(bs), layout, code)
	return nil
}
