package ui

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/badge"
	"hadir/db"
	"hadir/model"
)

// The gate's print key: the selected volunteer's badge (a walk-in just
// registered, a lost badge) written as a PDF beside the store.

// badgeWrittenMsg says the badge file is written, or why not.
type badgeWrittenMsg struct {
	name, path string
	err        error
}

// printBadge writes the selected volunteer's badge.
func (g *Gate) printBadge() tea.Cmd {
	if g.c.gateLogin() { // files on the serving laptop are for leaders and admins
		g.setNote(func() string { return g.c.T("role.no_report_writes") })
		return nil
	}
	if g.sel >= len(g.rows) {
		g.setNote(func() string { return g.c.T("gate.no_selection") })
		return nil
	}
	p := g.rows[g.sel]
	st, lang, now := g.c.Store, g.c.Lang, g.c.Now()
	return func() tea.Msg {
		path, err := saveBadge(st, p.ID, lang, now)
		return badgeWrittenMsg{name: p.Name, path: path, err: err}
	}
}

func (g *Gate) onBadgeWritten(msg badgeWrittenMsg) tea.Cmd {
	if msg.err != nil {
		g.setAnswer(bannerErr, func() (string, string) { return g.c.T("gate.badge_failed", msg.name), g.c.errorText(msg.err) })
		return g.c.bells(bellsErr)
	}
	g.setAnswer(bannerNote, func() (string, string) { return g.c.T("gate.badge_written", msg.name), msg.path })
	return nil
}

// saveBadge writes one volunteer's badge beside the store as
// hadir-badge-ID.pdf, on an A4 sheet with cut marks (any office printer),
// and returns its path. A badge printed again replaces the file whole.
func saveBadge(st *db.Store, id string, lang Lang, now time.Time) (string, error) {
	var bs []badge.Badge
	var err error
	st.Read(func(s *model.State, _ *model.Index) {
		bs, err = badge.Select(s, badge.Selection{IDs: []string{id}})
	})
	if err != nil {
		return "", err
	}
	opt := badge.Options{Layout: badge.A4x8, Code: badge.Code128, Lang: []string{"id", "en"}[lang], Event: st.EventName(), Now: now}
	if err := badge.Check(bs, opt); err != nil {
		return "", err
	}
	dir := filepath.Dir(st.Path())
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	path := filepath.Join(dir, "hadir-badge-"+fileSafe(id)+".pdf")
	err = db.WriteFileAtomic(path, func(w io.Writer) error { _, err := badge.Write(w, bs, opt); return err })
	return path, err
}

// fileSafe keeps the letters, digits, dash and dot of an ID for a file
// name: an ID may hold a slash ("001/HSS/2026").
func fileSafe(id string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, id)
}
