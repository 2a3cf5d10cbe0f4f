package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// regionColumn guards --contingent: a file whose rows name several regions
// in a column hadir did not recognise is not one contingent's, and reading
// it as one would put everyone in the same place. It returns the problem
// naming that column.
func (p *rosterParser) regionColumn() (Problem, bool) {
	if p.contingent == "" || p.layout.index[roleContingent] >= 0 {
		return Problem{}, false
	}
	for i, c := range p.layout.cols {
		if c.role != roleExtra {
			continue
		}
		seen := map[string]string{}
		for _, v := range p.out.Volunteers {
			val := v.ExtraValue(c.name)
			if kind, base := contingentParts(val); kind != "" && base != "" {
				if _, ok := seen[kind+":"+base]; !ok && len(seen) < 3 {
					seen[kind+":"+base] = val
				}
			}
		}
		if len(seen) < 2 {
			continue
		}
		var ex []string
		for _, v := range seen {
			ex = append(ex, "'"+rosterShort(v)+"'")
		}
		slices.Sort(ex)
		return Problem{Line: p.out.HeaderLine, Column: c.name, Msg: fmt.Sprintf(
			"this column (column %d) names several regions (%s), so the file is not one contingent's: "+
				"rename its header to 'Kontingen' and import without --contingent", i+1, strings.Join(ex, ", "))}, true
	}
	return Problem{}, false
}

// The regencies (kab) and cities (kota) of South Kalimantan, by their
// short forms and the spellings that would otherwise read as another
// place: each maps "kind:base" (see contingentParts; kind "" when none was
// written) to the place's own kind and base. "Kota Baru" is the regency
// of Kotabaru, not a city called Baru; "HSU" is Hulu Sungai Utara.
var regionAliases = func() map[string][2]string {
	m := map[string][2]string{}
	add := func(kind, base string, short ...string) {
		for _, s := range short {
			m[":"+s] = [2]string{kind, base}
			m[kind+":"+s] = [2]string{kind, base}
		}
	}
	add("kab", "baritokuala", "batola")
	add("kab", "hulusungaiselatan", "hss")
	add("kab", "hulusungaitengah", "hst")
	add("kab", "hulusungaiutara", "hsu")
	add("kab", "tanahbumbu", "tanbu")
	add("kab", "tanahlaut", "tala")
	add("kab", "kotabaru", "kotabaru")
	m["kota:baru"] = [2]string{"kab", "kotabaru"} // "Kota Baru", written apart
	m["kota:kotabaru"] = [2]string{"kab", "kotabaru"}
	add("kota", "banjarbaru", "bjb")
	add("kota", "banjarmasin", "bjm")
	return m
}()

// regionAlias returns the place a contingent's kind and base name, when
// they are a short form of one in South Kalimantan.
func regionAlias(kind, base string) (string, string, bool) {
	if a, ok := regionAliases[kind+":"+base]; ok {
		return a[0], a[1], true
	}
	return kind, base, false
}

// phoneLookalike warns of a column kept as extra whose values are phone
// numbers while the file has no phone column: its header did not say so
// ("Kontak Darurat" is excluded on purpose, "Nomor yang bisa dihubungi"
// is not known), and the phones would not be the people's phones.
func (p *rosterParser) phoneLookalike() {
	if p.layout.index[rolePhone] >= 0 {
		return
	}
	for i, c := range p.layout.cols {
		if c.role != roleExtra {
			continue
		}
		n, phones := 0, 0
		for _, v := range p.out.Volunteers {
			val := v.ExtraValue(c.name)
			if val == "" {
				continue
			}
			n++
			if k := phoneKey(val); len(k) >= 9 && len(k) <= 14 && strings.HasPrefix(k, "08") && !strings.ContainsFunc(val, unicode.IsLetter) {
				phones++
			}
		}
		if n >= 3 && phones*5 >= n*4 {
			p.out.Warnings = append(p.out.Warnings, fmt.Sprintf(
				"column '%s' (column %d) holds phone numbers, but its header does not say whose: they are kept as that column, not as the volunteers' phones; "+
					"if they are, rename the header to 'No HP' and import again", rosterShort(c.name), i+1))
			return
		}
	}
}

// nameLookalike names, for a file without a name column, the column whose
// values look like people's names (two to five words of letters), with its
// header cell: the header hadir did not know ("Peserta", "Relawan").
func (p *rosterParser) nameLookalike() string {
	if len(p.early) < 4 {
		return ""
	}
	header, rows := p.early[0], p.early[1:]
	for i := range header {
		n := 0
		for _, r := range rows {
			if i < len(r) && looksLikeName(Clean(r[i], MaxTextLen)) {
				n++
			}
		}
		if n*5 >= len(rows)*4 {
			return fmt.Sprintf("; column %d ('%s') holds what look like names: if that is the header, rename that cell to 'Nama' and import again",
				i+1, rosterShort(Clean(header[i], MaxTextLen)))
		}
	}
	return ""
}

// looksLikeName reports a value like a person's name: two to five words
// of letters (dots and apostrophes allowed), not a region.
func looksLikeName(v string) bool {
	words := strings.Fields(v)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for _, r := range v {
		if !unicode.IsLetter(r) && r != ' ' && r != '.' && r != '\'' && r != ',' {
			return false
		}
	}
	kind, _ := contingentParts(v)
	return kind == ""
}
