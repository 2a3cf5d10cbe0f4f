package model

import (
	"fmt"
	"slices"
	"strings"
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
	add("kota", "banjarbaru", "bjb")
	add("kota", "banjarmasin", "bjm")
	return m
}()

// SouthKalimantan lists the regencies and cities of the province, as
// hadir shows a contingent of each.
var SouthKalimantan = []string{
	"Kab. Balangan", "Kab. Banjar", "Kab. Barito Kuala", "Kab. Hulu Sungai Selatan",
	"Kab. Hulu Sungai Tengah", "Kab. Hulu Sungai Utara", "Kab. Kotabaru", "Kab. Tabalong",
	"Kab. Tanah Bumbu", "Kab. Tanah Laut", "Kab. Tapin", "Kota Banjarbaru", "Kota Banjarmasin",
}

// regionAlias returns the place a contingent's kind and base name, when
// they are a short form of one in South Kalimantan.
func regionAlias(kind, base string) (string, string, bool) {
	if a, ok := regionAliases[kind+":"+base]; ok {
		return a[0], a[1], true
	}
	return kind, base, false
}
