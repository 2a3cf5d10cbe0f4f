package ui

func init() { addTexts(dashboardTexts) }

// dashboardTexts are the Dashboard's (Ringkasan) texts.
var dashboardTexts = map[string][2]string{
	"dashboard.title":   {"Ringkasan", "Summary"},
	"dashboard.loading": {"Memuat…", "Loading…"},

	"dashboard.arrived_of": {"Tiba %s dari %s yang diharapkan (%s)", "Arrived %s of %s expected (%s)"},
	"dashboard.on_site":    {"Di lokasi %s", "On site %s"},
	"dashboard.departed":   {"Pulang %s", "Departed %s"},
	"dashboard.excused":    {"Berhalangan %s", "Excused %s"},
	"dashboard.missing":    {"Belum tiba %s", "Not arrived %s"},
	"dashboard.to_check":   {"Perlu diperiksa %s", "To check %s"},

	"dashboard.chart":       {"Kedatangan per 15 menit", "Arrivals per 15 minutes"},
	"dashboard.chart_peak":  {"puncak %s pukul %s", "peak %s at %s"},
	"dashboard.chart_empty": {"Belum ada kedatangan.", "No arrivals yet."},

	"dashboard.latest":       {"Kedatangan terakhir", "Latest arrivals"},
	"dashboard.latest_empty": {"Belum ada yang tiba.", "Nobody has arrived yet."},

	"dashboard.anomalies":       {"Perlu diperiksa (%s)", "To check (%s)"},
	"dashboard.anomalies_none":  {"Tidak ada", "Nothing"},
	"dashboard.double":          {"tiba dua kali", "arrived twice"},
	"dashboard.double_detail":   {"%s di %s, lagi %s di %s", "%s at %s, again %s at %s"},
	"dashboard.double_more":     {"(dan %s kali lagi)", "(and %s more times)"},
	"dashboard.walkin":          {"peserta baru (daftar di tempat)", "walk-in (not on the roster)"},
	"dashboard.walkin_detail":   {"didaftarkan di %s oleh %s", "registered at %s by %s"},
	"dashboard.signoff_invalid": {"pengesahan tidak berlaku lagi", "sign-off no longer valid"},
	"dashboard.signoff_detail":  {"disahkan oleh %s; kini %s belum tiba", "signed off by %s; now %s not arrived"},
	"dashboard.unknown_scans":   {"%s kartu tak dikenal dipindai hari ini", "%s unknown badges scanned today"},
	"dashboard.unknown_scan":    {"1 kartu tak dikenal dipindai hari ini", "1 unknown badge scanned today"},
	"dashboard.more":            {"… dan %s lagi", "… and %s more"},

	"dashboard.pillars":     {"Per pilar", "By pillar"},
	"dashboard.no_pillar":   {"(tanpa pilar)", "(no pillar)"},
	"dashboard.contingents": {"Per kontingen", "By contingent"},
	"dashboard.legend":      {"✓ lengkap  ! pengesahan batal", "✓ complete  ! sign-off void"},

	"dashboard.scroll":     {"baris %s–%s dari %s · ↑↓ PgUp PgDn untuk menggulir", "lines %s–%s of %s · ↑↓ PgUp PgDn to scroll"},
	"dashboard.key_scroll": {"gulir", "scroll"},
	"dashboard.key_report": {"cetak laporan", "print report"},

	"dashboard.report_writing": {"Menulis laporan…", "Writing the report…"},
	"dashboard.report_written": {"Laporan ditulis: %s di %s (buka di peramban untuk dicetak)", "Report written: %s in %s (open it in a browser to print)"},
	"dashboard.report_failed":  {"Laporan tidak tertulis: %s", "The report was not written: %s"},
}
