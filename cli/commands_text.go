package cli

import (
	"fmt"
	"os"

	"hadir/ui"
)

// The words of the commands that gate staff and the committee read (stats,
// checkin), in the user's language: --lang, else HADIR_LANG, else LANG, as
// the screens. Over SSH the client's HADIR_LANG counts, not the server's.

var cliTexts = map[string][2]string{
	"checkin.done":    {"%s: tercatat hadir: %s, %s (%d/%d kontingen)", "%s: checked in: %s, %s (%d/%d of the contingent)"},
	"checkin.already": {"%s: sudah tercatat hadir: %s, pada %s, %s, oleh %s", "%s: already checked in: %s, at %s, %s, by %s"},
	"checkin.left": {"%s: sudah pulang: %s, pada %s, %s, oleh %s; tidak dicatat hadir. Jika ia kembali, catat hadir lagi: hadir checkin --came-back %s",
		"%s: has left: %s, at %s, %s, by %s; not checked in. If they came back, check them in again: hadir checkin --came-back %s"},
	"checkin.note_failed": {"%s: penolakan ini tidak tersimpan di log: %v", "%s: this refusal could not be kept in the log: %v"},
	"checkin.unknown":     {"%s: ID tidak dikenal: tidak ada peserta dengan ID ini; periksa kartunya atau daftarkan sebagai peserta baru", "%s: unknown ID: no volunteer has this ID; check the badge or register a walk-in"},
	"checkin.two":         {"%s: %s hanya beda huruf besar/kecil dan adalah dua orang; ketik ID persis seperti tertulis", "%s: %s differ only in case and are different people; type the ID exactly as one of them is written"},
	"stats.totals":        {"tiba %d dari %d yang diharapkan (%d belum, %d berhalangan, %d di lokasi, %d pulang)", "arrived %d of %d expected (%d missing, %d excused, %d on site, %d departed)"},
	"stats.header":        {"KONTINGEN\tTIBA\tDIHARAPKAN\tBELUM\tBERHALANGAN\tDISAHKAN", "CONTINGENT\tARRIVED\tEXPECTED\tMISSING\tEXCUSED\tSIGNED OFF"},
	"stats.lapsed":        {"! %s: tidak berlaku lagi (ada yang belum tiba lagi)", "! %s: no longer valid (someone is missing again)"},
	"stats.and":           {" dan ", " and "},
}

// lang is the language this command speaks to its user.
func (j job) lang() ui.Lang {
	getenv := j.caller.getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	return ui.DetectLang(j.langFlag, getenv)
}

// say is a command's sentence in the user's language.
func (j job) say(key string, a ...any) string {
	t, ok := cliTexts[key]
	if !ok {
		return key
	}
	return fmt.Sprintf(t[j.lang()], a...)
}
