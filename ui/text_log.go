package ui

import "hadir/model"

func init() { addTexts(logTexts) }

var logTexts = map[string][2]string{
	"log.title":       {"Riwayat", "Log"},
	"log.placeholder": {"Cari nama, ID, pos, petugas atau ID peristiwa", "Search a name, ID, station, operator or event ID"},
	"log.loading":     {"Memuat…", "Loading…"},
	"log.empty":       {"Belum ada peristiwa. Setiap pendaftaran di pos mana pun tercatat di sini.", "No events yet. Every check-in at any station is recorded here."},
	"log.no_match":    {"Tidak ada peristiwa yang cocok dengan \"%s\". Esc untuk menghapus pencarian.", "No event matches \"%s\". Esc clears the search."},
	"log.count":       {"%s peristiwa, terbaru di atas", "%s events, newest first"},
	"log.count_match": {"%s dari %s peristiwa cocok", "%s of %s events match"},

	"log.col_time":     {"Waktu", "Time"},
	"log.col_kind":     {"Jenis", "Kind"},
	"log.col_who":      {"Nama / kontingen", "Name / contingent"},
	"log.col_id":       {"ID", "ID"},
	"log.col_station":  {"Pos", "Station"},
	"log.col_operator": {"Petugas", "Operator"},
	"log.col_note":     {"Keterangan", "Note"},

	"log.kind_arrive":   {"tiba", "arrived"},
	"log.kind_depart":   {"pulang", "departed"},
	"log.kind_annul":    {"batal", "annul"},
	"log.kind_walkin":   {"daftar di tempat", "walk-in"},
	"log.kind_excuse":   {"berhalangan", "excused"},
	"log.kind_replace":  {"pengganti", "replaced"},
	"log.kind_confirm":  {"disahkan", "signed off"},
	"log.kind_withdraw": {"pengesahan dicabut", "sign-off withdrawn"},
	"log.kind_rename":   {"ganti nama kontingen", "contingent renamed"},
	"log.kind_reid":     {"ID baru dari daftar", "new ID from a roster"},
	"log.renamed_to":    {"menjadi %s", "now %s"},
	"log.reid_from":     {"dulu ID %s", "was ID %s"},

	"log.annulled":        {"✗ dibatalkan: %s", "✗ annulled: %s"},
	"log.annul_note":      {"%s (↶ %s %s)", "%s (↶ %s %s)"},
	"log.replaces":        {"menggantikan %s", "replaces %s"},
	"log.signed_by":       {"oleh ketua %s", "by leader %s"},
	"log.phase_arrival":   {"kedatangan", "arrival"},
	"log.phase_departure": {"kepulangan", "departure"},

	"log.detail_title":   {"Peristiwa %s · %s", "Event %s · %s"},
	"log.detail_hint":    {"Esc menutup · ↑/↓ peristiwa lain", "Esc closes · ↑/↓ another event"},
	"log.f_time":         {"Waktu", "Time"},
	"log.f_volunteer":    {"Peserta", "Volunteer"},
	"log.f_contingent":   {"Kontingen", "Contingent"},
	"log.f_station":      {"Pos", "Station"},
	"log.f_operator":     {"Petugas", "Operator"},
	"log.f_reason":       {"Alasan", "Reason"},
	"log.f_scanned":      {"Dipindai", "Scanned"},
	"log.f_note":         {"Catatan", "Note"},
	"log.f_replaces":     {"Menggantikan", "Replaces"},
	"log.f_leader":       {"Ketua", "Leader"},
	"log.f_phase":        {"Tahap", "Phase"},
	"log.f_cancels":      {"Membatalkan", "Cancels"},
	"log.f_status":       {"Status", "Status"},
	"log.standing":       {"berlaku", "stands"},
	"log.annulled_by":    {"✗ dibatalkan oleh peristiwa %s", "✗ annulled by event %s"},
	"log.annulled_when":  {"pukul %s di %s oleh %s", "at %s, %s, by %s"},
	"log.annulled_why":   {"alasan: %s", "reason: %s"},
	"log.cancels_detail": {"%s (%s, %s)", "%s (%s, %s)"},

	"log.kind_note":     {"pindaian ditolak", "refused scan"},
	"log.note_unknown":  {"kartu tidak dikenal", "unknown badge"},
	"log.note_role":     {"ditolak untuk login ini", "refused for this login"},
	"log.note_departed": {"sudah pulang, tidak dicatat", "has left, nothing recorded"},

	"log.key_details": {"rincian", "details"},
	"log.key_clear":   {"hapus pencarian", "clear search"},
	"log.key_ends":    {"terbaru/terlama", "newest/oldest"},
	"log.key_close":   {"tutup", "close"},
	"log.key_other":   {"peristiwa lain", "another event"},
}

// logKindText names each event kind's word (the same key in both languages).
var logKindText = map[model.Kind]string{
	model.KindArrive:   "log.kind_arrive",
	model.KindDepart:   "log.kind_depart",
	model.KindAnnul:    "log.kind_annul",
	model.KindWalkIn:   "log.kind_walkin",
	model.KindExcuse:   "log.kind_excuse",
	model.KindReplace:  "log.kind_replace",
	model.KindConfirm:  "log.kind_confirm",
	model.KindWithdraw: "log.kind_withdraw",
	model.KindRename:   "log.kind_rename",
	model.KindReID:     "log.kind_reid",
	model.KindNote:     "log.kind_note",
}

// noteReasonText says why a scan was refused (a note's reason).
var noteReasonText = map[string]string{
	model.NoteUnknownBadge: "log.note_unknown",
	model.NoteRefusedRole:  "log.note_role",
	model.NoteDeparted:     "log.note_departed",
}
