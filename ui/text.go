package ui

// texts holds every visible string in Indonesian and English, by key. Each
// screen keeps its own in a text_*.go file and adds them with addTexts.
// TestTextsComplete fails when a key lacks a language, when the two
// languages disagree on their format verbs, or when code uses a key that is
// not defined.
var texts = map[string][2]string{}

// addTexts registers a screen's texts; a key defined twice is a bug.
func addTexts(m map[string][2]string) {
	for k, v := range m {
		if _, dup := texts[k]; dup {
			panic("text defined twice: " + k)
		}
		texts[k] = v
	}
}

func init() { addTexts(coreTexts) }

var coreTexts = map[string][2]string{
	"app.too_small": {"Jendela terlalu kecil (%d×%d). Perbesar jendela terminal menjadi paling sedikit %d×%d.",
		"The window is too small (%d×%d). Make the terminal window at least %d×%d."},
	"error.disk_full": {"Tidak tersimpan: disk penuh. Catatan sebelumnya aman. Kosongkan ruang disk, lalu coba lagi.",
		"Not saved: the disk is full. Earlier records are safe. Free some disk space and try again."},
	"error.not_allowed": {"Login %s tidak boleh melakukan ini; minta ketua kontingen atau panitia (admin).",
		"A %s login may not do this; ask a contingent leader or the committee (admin)."},
	"help.title": {"Tombol", "Keys"},
	"help.close": {"Tekan tombol apa saja untuk menutup.", "Press any key to close."},

	"screen.gate": {"Kedatangan", "Arrivals"},

	"status.arrived":       {"Tiba %s / %s", "Arrived %s / %s"},
	"status.who":           {"Petugas: %s  ·  Pos: %s", "Operator: %s  ·  Station: %s"},
	"status.backup_ok":     {"✓ cadangan %s", "✓ backup %s"},
	"status.backup_failed": {"CADANGAN GAGAL %s: %s", "BACKUP FAILED %s: %s"},
	"status.arrived_at":    {"Tiba %s di %s oleh %s", "Arrived %s at %s by %s"},
	"status.departed_at":   {"Pulang %s", "Departed %s"},
	"status.excused":       {"Berhalangan (%s)", "Excused (%s)"},
	"status.replaced":      {"Digantikan oleh %s", "Replaced by %s"},
	"status.void":          {"Daftar di tempat, dibatalkan: tidak dihitung", "Walk-in annulled: not counted"},
	"status.missing":       {"Belum tiba", "Not arrived yet"},

	"login.title":       {"Selamat datang di hadir", "Welcome to hadir"},
	"login.station":     {"Pos: %s", "Station: %s"},
	"login.prompt":      {"Nama petugas:", "Operator's name:"},
	"login.placeholder": {"mis. Rina", "e.g. Rina"},
	"login.empty":       {"Tulis nama Anda: setiap kedatangan mencatat siapa petugasnya.", "Type your name: every check-in records who made it."},
	"login.hint":        {"Enter untuk mulai · Ctrl+C untuk keluar", "Enter to start · Ctrl+C to quit"},

	"gate.placeholder":        {"Ketik nama atau pindai kartu peserta", "Type a name or scan a badge"},
	"gate.hint":               {"Ketik beberapa huruf nama, atau pindai kartu.", "Type the first letters of a name, or scan a badge."},
	"gate.latest":             {"Baru tiba (semua pos) — ketik nama atau pindai kartu", "Just arrived (all gates) — type a name or scan a badge"},
	"gate.no_results":         {"Tidak ada yang cocok. Periksa ejaan, atau Ctrl+N untuk peserta baru.", "Nobody matches. Check the spelling, or Ctrl+N for a walk-in."},
	"gate.results":            {"%s hasil", "%s results"},
	"gate.more_than":          {"lebih dari %s", "more than %s"},
	"gate.search_in":          {"hanya %s", "only %s"},
	"gate.no_selection":       {"Pilih peserta dari daftar.", "Select a volunteer from the list."},
	"gate.ready":              {"Siap", "Ready"},
	"gate.ready_detail":       {"Pindai kartu, atau cari nama lalu Enter.", "Scan a badge, or search a name and press Enter."},
	"gate.checked_in":         {"Hadir: %s %s, %s", "Checked in: %s %s, %s"},
	"gate.checked_in_detail":  {"%s: %s dari %s sudah tiba", "%s: %s of %s arrived"},
	"gate.already":            {"Sudah hadir: %s %s", "Already checked in: %s %s"},
	"gate.already_detail":     {"tercatat pukul %s, di %s, oleh %s — jangan dicatat lagi", "at %s, %s, by %s — do not check in again"},
	"gate.unknown":            {"ID tidak dikenal: %s", "Unknown ID: %s"},
	"gate.unknown_detail":     {"Periksa kartunya, cari dengan nama, atau Ctrl+N untuk peserta baru.", "Check the badge, search by name, or Ctrl+N for a walk-in."},
	"gate.failed":             {"Tidak tersimpan", "Not saved"},
	"gate.repeat_scan":        {"Pindaian ganda %s %s diabaikan (pemindai mengirim dua kali).", "Repeated scan of %s %s ignored (the scanner fired twice)."},
	"gate.word_ok":            {"HADIR", "CHECKED IN"},
	"gate.word_already":       {"SUDAH HADIR", "ALREADY IN"},
	"gate.word_err":           {"TIDAK TERCATAT", "NOT RECORDED"},
	"gate.dropped_text":       {"Teks \"%s\" sebelum pindaian dibuang; yang dipindai: %s.", "The text \"%s\" typed before the scan was dropped; scanned: %s."},
	"gate.too_many_keys":      {"Terlalu banyak tombol saat menyimpan; sebagian tidak dipakai. Periksa hasil terakhir.", "Too many keys while saving; some were not used. Check the latest answers."},
	"gate.duplicates":         {"! tercatat tiba %d kali lagi (pos lain)", "! %d more arrival(s) recorded (other stations)"},
	"gate.annul_none":         {"Belum ada kedatangan yang dicatat di pos %s untuk dibatalkan.", "No check-in at station %s to annul."},
	"gate.annul_ask":          {"Batalkan kedatangan %s di pos %s pukul %s?", "Annul the check-in of %s at station %s at %s?"},
	"gate.reason_label":       {"Alasan:", "Reason:"},
	"gate.reason_placeholder": {"mis. salah orang", "e.g. wrong person"},
	"gate.reason_needed":      {"Tulis alasan singkat.", "Write a short reason."},
	"gate.annulled":           {"Dibatalkan: %s %s", "Annulled: %s %s"},
	"gate.annulled_detail":    {"Peserta ini dianggap belum tiba lagi.", "This volunteer is expected again."},
	"gate.annul_failed":       {"Pembatalan gagal", "The annulment failed"},
	"gate.badge_written":      {"Kartu %s siap dicetak (ukuran asli, 100%%):", "Badge of %s ready to print (actual size, 100%%):"},
	"gate.badge_failed":       {"Kartu %s tidak dibuat", "The badge of %s was not made"},
	"gate.filter_title":       {"Cari hanya di kontingen:", "Search only in contingent:"},
	"gate.filter_all":         {"(semua kontingen)", "(all contingents)"},
	"picker.placeholder":      {"ketik untuk menyaring", "type to narrow"},

	"field.id":         {"ID", "ID"},
	"field.contingent": {"Kontingen", "Contingent"},
	"field.pillar":     {"Pilar", "Pillar"},
	"field.phone":      {"HP", "Phone"},
	"field.gender":     {"L/P", "Gender"},
	"field.role":       {"Peran", "Role"},
	"field.leader":     {"Ketua kontingen", "Contingent leader"},
	"field.source":     {"Asal data", "Source"},
	"field.walkin":     {"Daftar di tempat", "Walk-in"},
	"field.status":     {"Status", "Status"},

	"walkin.title":                  {"Peserta baru (daftar di tempat)", "Walk-in (not on the roster)"},
	"walkin.intro":                  {"Isi lalu Enter: peserta ditambahkan dan langsung dicatat hadir.", "Fill in and press Enter: the volunteer is added and checked in."},
	"walkin.name":                   {"Nama", "Name"},
	"walkin.contingent":             {"Kontingen", "Contingent"},
	"walkin.pillar":                 {"Pilar", "Pillar"},
	"walkin.gender":                 {"L/P", "Gender L/P"},
	"walkin.phone":                  {"HP", "Phone"},
	"walkin.name_ph":                {"nama lengkap", "full name"},
	"walkin.contingent_ph":          {"mis. balangan", "e.g. balangan"},
	"walkin.pillar_ph":              {"mis. Tagana (boleh kosong)", "e.g. Tagana (optional)"},
	"walkin.gender_ph":              {"L atau P", "L or P"},
	"walkin.phone_ph":               {"08… (boleh kosong)", "08… (optional)"},
	"walkin.err_name":               {"Nama wajib diisi.", "A name is required."},
	"walkin.err_contingent_empty":   {"Kontingen wajib diisi.", "A contingent is required."},
	"walkin.err_contingent_unknown": {"Tidak ada kontingen \"%s\".", "No contingent \"%s\"."},
	"walkin.err_contingent_many":    {"%d kontingen cocok: ketik lebih lengkap.", "%d contingents match: type more of the name."},
	"walkin.err_gender":             {"Isi L (laki-laki) atau P (perempuan).", "Type L (male) or P (female)."},
	"walkin.err_phone":              {"Nomor HP: 8 sampai 15 angka.", "Phone: 8 to 15 digits."},
	"walkin.err_pillar_many":        {"%d pilar cocok: ketik lebih lengkap.", "%d pillars match: type more of the name."},
	"walkin.pillar_new":             {"\"%s\" belum ada di daftar pilar. Enter sekali lagi untuk menambahkannya.", "\"%s\" is not a known pillar. Press Enter again to add it."},
	"walkin.gender_hint":            {"L = laki-laki · P = perempuan (←/→ untuk memilih)", "L = male · P = female (←/→ to choose)"},
	"walkin.similar":                {"%s mungkin sudah terdaftar: %d nama sama atau mirip. Pilih orangnya, atau daftarkan sebagai peserta baru.", "%s may be on the roster already: %d same or similar name(s). Choose the person, or register a new one."},
	"walkin.register_new":           {"Daftarkan %s (%s) sebagai peserta baru", "Register %s (%s) as a new volunteer"},
	"walkin.enter_checkin_instead":  {"Enter = catat kedatangan orang ini (bukan peserta baru) · Esc = kembali ke formulir", "Enter = check this person in instead (no new volunteer) · Esc = back to the form"},
	"walkin.enter_take_instead":     {"Enter = pakai orang ini sebagai pengganti (bukan peserta baru) · Esc = kembali ke formulir", "Enter = take this person as the replacement (no new volunteer) · Esc = back to the form"},
	"walkin.enter_register":         {"Enter = daftarkan peserta baru · Esc = kembali ke formulir", "Enter = register a new volunteer · Esc = back to the form"},

	"key.quit":           {"keluar", "quit"},
	"key.help":           {"bantuan", "help"},
	"key.first_last":     {"awal/akhir daftar", "first/last"},
	"key.search_members": {"cari di kontingen", "search the members"},
	"key.search_done":    {"selesai mencari", "done searching"},
	"key.next_screen":    {"layar berikut", "next screen"},
	"key.prev_screen":    {"layar sebelum", "previous screen"},
	"key.screen_n":       {"ke layar 1–4", "go to screen 1–4"},
	"key.lang":           {"English", "Bahasa Indonesia"},
	"key.checkin":        {"catat hadir", "check in"},
	"key.clear":          {"hapus", "clear"},
	"key.select":         {"pilih", "select"},
	"key.page":           {"halaman", "page"},
	"key.annul":          {"batalkan terakhir", "annul last"},
	"key.walkin":         {"peserta baru", "walk-in"},
	"key.filter":         {"kontingen", "contingent"},
	"key.badge":          {"cetak kartu", "print badge"},
	"key.next_field":     {"kolom berikut", "next field"},
	"key.prev_field":     {"kolom sebelum", "previous field"},
	"key.submit":         {"simpan", "save"},
	"key.yes_checkin":    {"ya, catat hadir", "yes, check in"},
	"key.no":             {"batal", "no"},
	"key.cancel":         {"batal", "cancel"},
	"key.choose":         {"pilih", "choose"},
	"key.save_walkin":    {"simpan & catat hadir", "save & check in"},
}
