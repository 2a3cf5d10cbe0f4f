package model

import (
	"encoding/csv"
	"io"
	"strings"
	"unicode"
)

// colRole is what hadir does with a roster column.
type colRole uint8

const (
	roleExtra      colRole = iota // kept as an extra Field
	roleName                      // Volunteer.Name
	roleContingent                // Volunteer.Contingent
	rolePillar                    // Volunteer.Pillar
	roleGender                    // Volunteer.Gender
	rolePhone                     // Volunteer.Phone
	roleID                        // Volunteer.ID
	roleLeader                    // a yes/no column: Volunteer.Leader
	roleCounter                   // "No": a row counter, dropped
	roleBlank                     // no header text
	roleHidden                    // a hidden column whose role a visible one has: not read
	numRoles
)

// Header spellings after normHeader, Indonesian and English. A column whose
// header is not here is kept as an extra field.
var rosterHeaders = func() map[string]colRole {
	m := map[string]colRole{}
	add := func(r colRole, names ...string) {
		for _, n := range names {
			m[n] = r
		}
	}
	add(roleName, "nama", "nama lengkap", "name", "full name", "nama peserta",
		"nama lengkap peserta", "nama relawan", "nama anggota", "participant name",
		"nama lengkap dan gelar", "nama lengkap & gelar", "nama dan gelar", "nama lengkap beserta gelar")
	add(roleContingent, "kontingen", "kabupaten/kota", "kab/kota", "kota/kabupaten",
		"kota/kab", "kabupaten", "asal", "asal kontingen", "asal kabupaten/kota",
		"asal kab/kota", "asal daerah", "nama kontingen", "contingent",
		"regency", "regency/city", "city/regency", "city", "district", "kota", "utusan", "asal utusan",
		"delegasi", "asal delegasi", "kabupaten/kota asal", "kab/kota asal", "nama kab/kota",
		"nama kabupaten/kota", "daerah asal", "wilayah", "asal wilayah", "region")
	add(rolePillar, "pilar", "pilar psks", "unsur", "unsur psks", "jenis psks", "psks", "pillar")
	add(roleGender, "jk", "l/p", "jenis kelamin", "kelamin", "gender", "sex")
	add(rolePhone, "hp", "no hp", "nomor hp", "no handphone", "nomor handphone", "handphone",
		"whatsapp", "no whatsapp", "nomor whatsapp", "no wa", "nomor wa", "wa",
		"hp/wa", "no hp/wa", "nomor hp/wa", "no wa/hp", "telepon", "telp", "no telp",
		"no telepon", "nomor telepon", "phone", "phone number", "mobile",
		"no telp/hp", "nomor telp/hp", "no telepon/hp", "nomor telepon/hp", "no hp aktif",
		"nomor hp aktif", "no hp/telp", "kontak", "no kontak", "nomor kontak", "contact",
		"no tlp", "telp/hp", "telepon/hp", "hp/telp")
	add(roleID, "id", "id peserta", "no peserta", "nomor peserta", "no registrasi",
		"nomor registrasi", "no reg", "kode", "kode peserta", "kode registrasi",
		"registration", "registration number", "registration id", "participant id")
	add(roleLeader, "ketua", "leader", "ketua kontingen", "is leader")
	add(roleCounter, "no", "no urut", "nomor urut", "urut", "#")
	return m
}()

// Extra columns whose value may name the contingent leader.
var rosterRoleHeaders = map[string]bool{
	"jabatan": true, "jabatan dalam kontingen": true, "keterangan": true, "ket": true,
	"peran": true, "role": true, "posisi": true, "position": true,
}

// Values of such a column that mean "contingent leader". Plain "Ketua X"
// is not here: "Ketua Karang Taruna" is a volunteer's own office.
var rosterLeaderRoles = map[string]bool{
	"ketua": true, "ketua kontingen": true, "ketua rombongan": true, "pimpinan kontingen": true,
	"leader": true, "contingent leader": true, "team leader": true,
}

// Values of a leader column that mean yes.
var rosterYes = map[string]bool{
	"y": true, "ya": true, "iya": true, "yes": true, "1": true, "x": true, "v": true,
	"true": true, "ketua": true, "ketua kontingen": true, "leader": true, "✓": true, "✔": true,
}

// maxHeaderCols bounds the columns of a header: no roster has more, and a
// "header" of a million cells is a wrong file.
const maxHeaderCols = 1000

// rosterCol is one header cell.
type rosterCol struct {
	name     string // as written, trimmed
	role     colRole
	roleHint bool // a Jabatan/Keterangan column that may say "Ketua Kontingen"
}

// rosterLayout is the header mapped to hadir's fields.
type rosterLayout struct {
	cols  []rosterCol
	index [numRoles]int // column of each role (first one wins), -1 when absent
	// second is a second visible column of a role, -1 when none: kept as
	// data, and for the name and the ID compared with the first.
	second [numRoles]int
	tick   [2]int // under a two-row "Jenis Kelamin": the L and P columns, -1 when none
	score  int    // how many roles the header names
	stamp  int    // the Google Forms timestamp column (kept as an extra), -1 when none
}

// Headers of the column in which Google Forms writes when a response was sent.
var rosterStampHeaders = map[string]bool{"timestamp": true, "cap waktu": true, "stempel waktu": true}

// layoutOf reads rec as a header. ok is false when no column is a name.
func layoutOf(rec []string) (l rosterLayout, ok bool) { return layoutOfShown(rec, nil) }

// layoutOfShown reads rec as a header of a sheet whose hidden columns are
// hidden[i]: a visible column takes a role before a hidden one (an old
// name column hidden beside the new one), and a hidden column whose role
// a visible one has is not read at all. A second visible column of the
// name or the ID is noted in second: the parse asks which, if they differ.
func layoutOfShown(rec []string, hidden map[int]bool) (l rosterLayout, ok bool) {
	if len(rec) > maxHeaderCols {
		return l, false
	}
	for i := range l.index {
		l.index[i], l.second[i] = -1, -1
	}
	l.tick = [2]int{-1, -1}
	l.stamp = -1
	l.cols = make([]rosterCol, len(rec))
	order := make([]int, 0, len(rec))
	for i := range rec {
		if !hidden[i] {
			order = append(order, i)
		}
	}
	for i := range rec {
		if hidden[i] {
			order = append(order, i)
		}
	}
	for _, i := range order {
		c := rosterCol{name: Clean(rec[i], MaxTextLen)}
		norm := normHeader(c.name)
		r, known := rosterHeaders[norm]
		if !known {
			// A form's question ("Nomor WhatsApp yang aktif"): read by its
			// words, unless a column names the role exactly.
			if r, known = headerByWords(norm); known && l.index[r] < 0 && exactRole(rec, i, r, hidden) {
				known = false
			}
		}
		switch {
		case c.name == "":
			c.role = roleBlank
		case known && r == roleCounter:
			c.role = roleCounter
		case known && l.index[r] < 0:
			c.role = r
			l.index[r] = i
			l.score++
		case known && hidden[i]:
			c.role = roleHidden
		default:
			if known && (r == roleName || r == roleID) && l.second[r] < 0 {
				l.second[r] = i
			}
			// A second phone or name column ("No HP", "No WA") stays as data.
			c.role = roleExtra
			c.roleHint = rosterRoleHeaders[norm]
			if rosterStampHeaders[norm] && l.stamp < 0 {
				l.stamp = i
			}
		}
		l.cols[i] = c
	}
	return l, l.index[roleName] >= 0
}

// normHeader folds the spellings of one header: case, surrounding and
// doubled spaces, punctuation ('.', ':', '*', '_', '-'), spaces around
// '/', and remarks in brackets ("Nama Lengkap (sesuai KTP)").
func normHeader(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	depth, space, slash := 0, false, false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '(' || r == '[':
			depth++
			space = true
			continue
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
			}
			continue
		case depth > 0:
			continue
		case r == '/':
			b.WriteByte('/')
			space, slash = false, true
			continue
		case strings.ContainsRune(".:*?!_-'\"", r) || unicode.IsSpace(r) || rosterInvisible(r):
			space = true
			continue
		}
		if space && b.Len() > 0 && !slash {
			b.WriteByte(' ')
		}
		space, slash = false, false
		b.WriteRune(r)
	}
	return b.String()
}

// detectDelimiter picks among ';', ',' and tab the one under which a row
// near the top of the file reads as a header with a name column: the
// earliest such row wins, then the one naming more roles, then more
// columns. Without one, it guesses from the first row.
func detectDelimiter(text string) rune {
	const sampleBytes, sampleRows = 256 << 10, 30 // a title block is a few rows
	sample := text
	if len(sample) > sampleBytes {
		sample = sample[:sampleBytes]
	}
	best, bestLine, bestScore, bestCols := rune(0), 0, 0, 0
	for _, d := range []rune{';', ',', '\t'} {
		cr := csv.NewReader(strings.NewReader(sample))
		cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord, cr.ReuseRecord = d, true, -1, true
		for n := 0; n < sampleRows; n++ {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil || len(rec) == 0 {
				continue
			}
			l, ok := layoutOf(rec)
			if !ok {
				continue
			}
			line, _ := cr.FieldPos(0)
			if best == 0 || line < bestLine ||
				line == bestLine && (l.score > bestScore || l.score == bestScore && len(rec) > bestCols) {
				best, bestLine, bestScore, bestCols = d, line, l.score, len(rec)
			}
			break
		}
	}
	if best != 0 {
		return best
	}
	return guessDelimiter(sample)
}

// guessDelimiter returns the delimiter most frequent on the first line that
// has any, or ','.
func guessDelimiter(text string) rune {
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		best, n := ',', 0
		for _, d := range []rune{';', ',', '\t'} {
			if c := strings.Count(line, string(d)); c > n {
				best, n = d, c
			}
		}
		if n > 0 {
			return best
		}
	}
	return ','
}

// Words of a header that say what a column holds when the header is a
// question or a longer phrase, and words that say it is someone else's
// (an emergency contact, a parent, the leader) or another place (of birth).
var (
	headerWordRoles = map[string]colRole{
		"whatsapp": rolePhone, "wa": rolePhone, "hp": rolePhone, "handphone": rolePhone, "ponsel": rolePhone,
		"telepon": rolePhone, "telpon": rolePhone, "telp": rolePhone, "tlp": rolePhone, "phone": rolePhone,
		"kelamin": roleGender, "gender": roleGender,
		"kontingen": roleContingent, "kabupaten": roleContingent, "utusan": roleContingent,
		"pilar": rolePillar, "unsur": rolePillar, "psks": rolePillar,
	}
	headerOtherWords = map[string]bool{
		"darurat": true, "keluarga": true, "ortu": true, "orang": true, "ibu": true, "ayah": true, "wali": true,
		"ketua": true, "pendamping": true, "kerabat": true, "emergency": true, "lahir": true, "alamat": true,
		"domisili": true, "instansi": true, "kantor": true, "lembaga": true,
	}
	headerNameWords = map[string]bool{"lengkap": true, "peserta": true, "relawan": true}
)

// headerByWords reads a header that is not a known spelling by the words
// in it: one role's words and no other's, and nothing saying it is
// someone else's. The name needs "nama" with "lengkap", "peserta" or
// "relawan" ("Nama lengkap sesuai KTP").
func headerByWords(norm string) (colRole, bool) {
	words := foldWords(norm)
	role, found := roleExtra, false
	name, nameWord := false, false
	for _, w := range words {
		if headerOtherWords[w] {
			return roleExtra, false
		}
		if w == "nama" {
			name = true
		}
		if headerNameWords[w] {
			nameWord = true
		}
		if r, ok := headerWordRoles[w]; ok {
			if found && r != role {
				return roleExtra, false // two roles' words: not guessed
			}
			role, found = r, true
		}
	}
	switch {
	case name && nameWord && !found:
		return roleName, true
	case name:
		return roleExtra, false // "Nama Kontingen" is known; "Nama WA" is no one's guess
	}
	return role, found
}

// exactRole reports whether a header of rec other than column i names
// role exactly (a hidden one only when column i is hidden too).
func exactRole(rec []string, i int, role colRole, hidden map[int]bool) bool {
	for j, c := range rec {
		if r, ok := rosterHeaders[normHeader(c)]; ok && r == role && j != i && (!hidden[j] || hidden[i]) {
			return true
		}
	}
	return false
}

// noNameColumn is the problem of a file without a header.
func (p *rosterParser) noNameColumn() Problem {
	pr := Problem{Line: 1, Msg: "no name column: add a column named 'Nama' (or 'Nama Lengkap', 'Name') to the header row; " +
		"hadir also reads 'Kontingen', 'Pilar', 'JK', 'No HP' and 'No Peserta'"}
	// Show what the first row holds, so a wrong file or delimiter shows.
	if p.first != nil {
		pr.Line = p.firstLine
		rec := make([]string, len(p.first))
		for i, c := range p.first {
			rec[i] = rosterShort(rosterTrim(c))
		}
		pr.Msg += "; the first row reads '" + strings.Join(rec, "', '") + "'"
	}
	pr.Msg += p.nameLookalike()
	return pr
}
