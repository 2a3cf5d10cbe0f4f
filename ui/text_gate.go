package ui

func init() { addTexts(gateTexts) }

// gateTexts are the gate's words for departures, the confirmation card, the
// earlier answers and the refused scans kept in the log.
var gateTexts = map[string][2]string{
	"key.gate_depart":      {"mode pulang", "departures"},
	"key.record_departure": {"catat pulang", "record departure"},
	"key.yes_depart":       {"ya, catat pulang", "yes, record departure"},
	"key.yes_came_back":    {"ya, kembali: catat hadir", "yes, came back: check in"},

	"gate.confirm_title":        {"Catat kedatangan orang ini?", "Check in this person?"},
	"gate.depart_confirm_title": {"Catat kepulangan orang ini?", "Record this person's departure?"},
	"gate.cameback_title":       {"Orang ini sudah pulang. Kembali lagi?", "This person has left. Came back?"},
	"gate.confirm_keys":         {"Enter = ya, catat   ·   Esc = batal", "Enter = yes, record   ·   Esc = no"},
	"gate.cameback_keys":        {"Enter = ya, kembali: catat hadir lagi   ·   Esc = tidak", "Enter = yes, came back: check in again   ·   Esc = no"},
	"gate.confirm_check":        {"Cocokkan dengan orangnya:", "Check against the person:"},
	"gate.phone_end":            {"HP akhiran", "Phone ends"},
	"gate.card_already":         {"Sudah tiba %s di %s", "Already arrived %s at %s"},

	"gate.question_dropped":    {"%s belum dicatat: Anda mengetik lagi. Pindai/pilih lagi.", "%s not recorded: you typed on. Scan or choose again."},
	"gate.annul_dropped":       {"Tak dibatalkan: Anda mengetik lagi. Ctrl+X lagi.", "Nothing annulled: you typed on. Ctrl+X again."},
	"gate.walkin_not_saved":    {"Peserta baru %s belum tersimpan — Ctrl+N membukanya lagi", "Walk-in %s not saved — Ctrl+N opens it again"},
	"gate.walkin_waits":        {"Peserta baru %s belum tersimpan — Ctrl+N untuk memilih", "Walk-in %s not saved yet — Ctrl+N to choose"},
	"gate.walkin_scanned":      {"Kartu dipindai saat formulir terbuka: dicatat; formulirnya menunggu.", "A badge was scanned into the open form: taken as a scan; the form waits."},
	"gate.walkin_waits_detail": {"Ada nama mirip atau HP sama di daftar: pilih orangnya, atau daftarkan baru.", "A similar name or the same phone is on the roster: choose the person, or register anew."},

	"gate.word_left":     {"SUDAH PULANG", "HAS LEFT"},
	"gate.word_departed": {"PULANG", "DEPARTED"},
	"gate.word_not_here": {"TIDAK DI LOKASI", "NOT ON SITE"},

	"gate.left":               {"Sudah pulang: %s %s", "Has left: %s %s"},
	"gate.left_detail":        {"Pulang %s, dicatat oleh %s di %s — belum dicatat hadir", "Left %s, recorded by %s at %s — not checked in"},
	"gate.left_already":       {"Pulang %s, dicatat oleh %s di %s — sudah tercatat pulang", "Left %s, recorded by %s at %s — already counted out"},
	"gate.departed":           {"Pulang: %s %s, %s", "Departed: %s %s, %s"},
	"gate.departed_detail":    {"%s: %s masih di lokasi", "%s: %s still on site"},
	"gate.not_on_site":        {"Tidak di lokasi: %s %s", "Not on site: %s %s"},
	"gate.not_on_site_detail": {"%s — kepulangan tidak dicatat", "%s — no departure recorded"},
	"gate.depart_failed":      {"Kepulangan tidak tersimpan", "Departure not saved"},

	"gate.depart_frame":        {"PULANG", "DEPARTURES"},
	"gate.depart_ready":        {"Mode PULANG: pindaian mencatat kepulangan", "DEPARTURES mode: a scan records a departure"},
	"gate.depart_ready_detail": {"Pindai kartu yang pulang, atau cari nama lalu Enter. Ctrl+D: kedatangan.", "Scan whoever leaves, or search a name and press Enter. Ctrl+D: check-ins."},
	"gate.depart_on":           {"Mode PULANG: setiap pindaian mencatat kepulangan. Ctrl+D untuk kembali.", "DEPARTURES mode: every scan records a departure. Ctrl+D to go back."},
	"gate.depart_off":          {"Kembali ke kedatangan: pindaian mencatat kehadiran.", "Back to check-ins: a scan records an arrival."},
	"gate.depart_leaders_only": {"Mode pulang khusus ketua kontingen dan panitia: minta mereka mencatatnya.", "Departures mode is for leaders and the committee: ask them to record it."},

	"gate.note_failed":    {"(Pindaian ini tidak tersimpan di log: %s)", "(This scan could not be kept in the log: %s)"},
	"gate.annul_not_made": {"TIDAK dibatalkan: \"%s\" kartu peserta, jadi dipindai. Ctrl+X lagi.", "NOT annulled: \"%s\" is a badge, taken as a scan. Ctrl+X again."},
	"quit.ask_writing":    {"Sedang menyimpan: Ctrl+C lagi keluar, tombol lain tetap.", "Saving a check-in: Ctrl+C again quits, other keys stay."},
	"quit.ask_form":       {"Isian belum disimpan: Ctrl+C lagi keluar, tombol lain tetap.", "Form not saved: Ctrl+C again quits, other keys stay."},
}
