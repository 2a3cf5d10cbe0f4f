package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

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
func (l *lineList) Set(v string) error {
	*l = append(*l, strings.Split(v, "\n")...)
	return nil
}

func init() {
	commands = append(commands, command{name: "badges", store: existingStore, remote: true,
		args:    "[-o FILE] [--contingent NAME]... [--ids ID,...] [--layout a4-8|a4-10|a6|card] [--code code128|qr] [--lang id|en]",
		summary: "write print-ready badges as a PDF: name, contingent, pillar and a barcode of the ID for the gate's scanner",
		example: "hadir badges --contingent \"Kabupaten Balangan\" -o balangan.pdf", run: runBadges,
		setup: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.output, "o", badgesDefault, "write to `FILE`")
			fs.Var(&o.badge.contingents, "contingent", "only this contingent's `NAME` (give it again for more; default: every contingent)")
			fs.StringVar(&o.badge.ids, "ids", "", "only these volunteers: `ID,...` separated by commas (a walk-in, a lost badge)")
			fs.StringVar(&o.badge.layout, "layout", string(badge.A4x8), "`LAYOUT`: a4-8 or a4-10 (A4 sheets with cut marks), a6 or card (one badge a page, for a badge printer)")
			fs.StringVar(&o.badge.code, "code", string(badge.Code128), "the barcode, `CODE`: code128 (every USB scanner) or qr")
			fs.StringVar(&o.lang, "lang", "", "the cover pages' language: id or en (default $HADIR_LANG, else from $LANG)")
			givenDefaults(fs, badgesDefault)
		}},
	)
}

func runBadges(env *runEnv, _ *flag.FlagSet, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	f := env.opt.badge
	layout, err := badge.ParseLayout(f.layout)
	if err != nil {
		return usageError{err.Error()}
	}
	code, err := badge.ParseCode(f.code)
	if err != nil {
		return usageError{err.Error()}
	}
	lang, ok := ui.ParseLang(env.opt.lang)
	if !ok {
		return usagef("--lang must be id or en, not %q", env.opt.lang)
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
	dest := env.opt.output
	if dest == "" || dest == "-" {
		return usagef("name the PDF file with -o FILE")
	}
	if abs, err := filepath.Abs(dest); err == nil {
		dest = abs // "wrote" then says exactly where
	}
	st, err := env.useStore()
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
	fmt.Fprintf(env.stdout, "wrote %s: %d badge(s), layout %s, %s\n", dest, len(bs), layout, code)
	return nil
}
