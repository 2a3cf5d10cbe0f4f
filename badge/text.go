package badge

import "fmt"

// texts are the few words the PDF prints besides the roster's, in the two
// languages of hadir. The leader label carries both, so a guest from
// another province reads it too.
var texts = map[string]map[string]string{
	"id": {
		"leader":     "KETUA / LEADER",
		"cover":      "Kontingen %s",
		"count":      "%d kartu peserta",
		"checklist":  "Daftar periksa untuk ketua kontingen: centang setiap kartu yang sudah diterima peserta.",
		"page":       "halaman %d dari %d",
		"col.no":     "No",
		"col.name":   "Nama",
		"col.id":     "ID",
		"col.pillar": "Pilar",
		"mark":       "ketua",
		"title":      "Kartu peserta",
	},
	"en": {
		"leader":     "LEADER / KETUA",
		"cover":      "Contingent %s",
		"count":      "%d badges",
		"checklist":  "Checklist for the contingent leader: tick each badge once its volunteer has it.",
		"page":       "page %d of %d",
		"col.no":     "No",
		"col.name":   "Name",
		"col.id":     "ID",
		"col.pillar": "Pillar",
		"mark":       "leader",
		"title":      "Badges",
	},
}

func (d *doc) t(key string, a ...any) string {
	s := texts[d.lang][key]
	if len(a) > 0 {
		return fmt.Sprintf(s, a...)
	}
	return s
}
