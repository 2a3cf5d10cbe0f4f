package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// Every key on a contingent's list either acts or says why it cannot: a
// leader pressing e on someone who has arrived is told so, not left to
// wonder whether the key works.

func init() { addTexts(whyTexts) }

var whyTexts = map[string][2]string{
	"members.why_arrived":     {"Sudah tiba (%s, %s): tidak ada yang dicatat. Salah? Batalkan di Riwayat (F4).", "Already arrived (%s, %s): nothing to do. A mistake? Annul it in the Log (F4)."},
	"members.why_departed":    {"Sudah pulang (%s): tidak ada yang dicatat.", "Already left (%s): nothing to do."},
	"members.why_replaced":    {"Sudah diganti oleh %s: tempatnya sudah terisi.", "Replaced by %s: the place is taken."},
	"members.why_not_on_site": {"Tidak di lokasi (belum tiba atau sudah pulang): tak ada kepulangan untuk dicatat.", "Not on site (not arrived, or left): no departure to record."},
	"members.why_void":        {"Pendaftarannya dibatalkan: tidak ada yang dicatat.", "Their registration was annulled: nothing to do."},
	"members.nobody_left":     {"Tidak ada lagi yang belum tiba.", "Nobody left to check in."},
	"members.nobody_left_dep": {"Tidak ada lagi yang masih di lokasi.", "Nobody left on site."},
	"members.replace_none":    {"Belum ada yang dipilih: ketik nama dari kontingen ini, atau Ctrl+N untuk orang yang belum terdaftar.", "Nobody chosen: type a name of this contingent, or Ctrl+N for someone not on the roster."},
	"members.not_signed":      {"Belum disahkan: tidak ada yang dicabut.", "Not signed off: nothing to withdraw."},
	"role.leaders_keys":       {"Login pos tidak dapat mencatat berhalangan, pengganti, pengesahan atau membatalkan bus: minta ketua atau admin.", "A gate login cannot excuse, replace, sign off or annul a bus: ask a leader or an admin."},
	"contingent.replaced_new": {"%s digantikan oleh %s, yang dicatat hadir.", "%s is replaced by %s, checked in now."},
	"contingent.replace_new_intro": {"Isi saat penggantinya berdiri di sini: ia menggantikan %s dan langsung dicatat hadir.",
		"Fill this in with the new person standing here: they take %s's place and are checked in."},
}

// leadersKey: the keys of a leader's actions, which a gate login may not do.
func (m *members) leadersKey(msg tea.KeyMsg) bool {
	k := m.c.Keys
	for _, b := range []key.Binding{k.Excuse, k.Replace, k.SignOff, k.Withdraw, k.Annul} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

// say shows why a key did nothing, in the note line.
func (m *members) say(text string) { m.note, m.noteBad = text, true }

// byMode picks the departure-mode text of key, which ends in _dep.
func (m *members) byMode(key string) string {
	if m.departure {
		return key + "_dep"
	}
	return key
}

// whyNot says why a member cannot be checked in (or out) from here.
func (m *members) whyNot(p model.Person) string {
	switch p.Status {
	case model.StatusArrived:
		if m.departure {
			return "" // movable
		}
		return m.c.T("members.why_arrived", m.c.When(p.Arrival.At), p.Arrival.Station)
	case model.StatusDeparted:
		return m.c.T("members.why_departed", m.c.When(p.Departure.At))
	case model.StatusReplaced:
		return m.c.T("members.why_replaced", orDash(m.names[p.ReplacedBy]))
	case model.StatusVoid:
		return m.c.T("members.why_void")
	}
	if m.departure {
		return m.c.T("members.why_not_on_site")
	}
	return ""
}

// refuseExcuse says why p cannot be excused, and reports whether it did:
// someone who arrived, left or was replaced is accounted for already.
func (m *members) refuseExcuse(p model.Person) bool {
	switch p.Status {
	case model.StatusArrived:
		m.say(m.c.T("members.why_arrived", m.c.When(p.Arrival.At), p.Arrival.Station))
	case model.StatusDeparted, model.StatusReplaced, model.StatusVoid:
		m.say(m.whyNot(p))
	default:
		return false
	}
	return true
}

// refuseReplace says why p cannot be replaced; an excused member can be.
func (m *members) refuseReplace(p model.Person) bool { return m.refuseExcuse(p) }
