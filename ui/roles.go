package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"hadir/db"
)

// What a gate login may not do on the screens, though the keys are there:
// check several people in at once (a bus, vouched for by its leader) and
// write files on the serving laptop. Help shows those keys with the reason,
// and pressing one says it.

func init() { addTexts(roleTexts) }

var roleTexts = map[string][2]string{
	"role.leaders_only":     {"%s (khusus ketua/admin)", "%s (leaders and admins only)"},
	"role.no_bulk_checkin":  {"Login pos mencatat kedatangan satu per satu; memilih banyak sekaligus hanya untuk login ketua atau admin.", "A gate login checks people in one by one; checking several in at once is for a leader or admin login."},
	"role.no_report_writes": {"Login pos tidak dapat menulis berkas di laptop server; minta ketua atau admin.", "A gate login cannot write files on the serving laptop; ask a leader or an admin."},
}

// gateLogin reports whether this session is a gate's SSH login.
func (c *Common) gateLogin() bool { return c.Actor.Role == db.RoleGate }

// leadersOnly is b as help shows it to this session: to a gate login, with
// the reason it does nothing.
func (c *Common) leadersOnly(b key.Binding) key.Binding {
	if !c.gateLogin() {
		return b
	}
	h := b.Help()
	return withHelp(b, h.Key, c.T("role.leaders_only", h.Desc))
}
