// Package model is hadir's domain: volunteers, events, the state folded from
// them, roster parsing and search. It is pure: no disk, no terminal.
package model

import "strings"

// Field is one roster column kept as-is (a column hadir has no name for).
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Source says where a volunteer record came from.
const (
	SourceRoster = "roster"
	SourceWalkIn = "walk-in"
)

// Volunteer is one person expected at (or added at) the jamboree.
type Volunteer struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Contingent string  `json:"contingent"`
	Pillar     string  `json:"pillar"`
	Gender     string  `json:"gender"` // "L", "P" or "" when unknown
	Phone      string  `json:"phone"`
	Leader     bool    `json:"leader"`
	Extra      []Field `json:"extra,omitempty"`
	Source     string  `json:"source"`
}

// ExtraValue returns the value of the extra column key (case-insensitive).
func (v Volunteer) ExtraValue(key string) string {
	for _, f := range v.Extra {
		if strings.EqualFold(f.Key, key) {
			return f.Value
		}
	}
	return ""
}

// Equal reports whether two records carry the same data.
func (v Volunteer) Equal(o Volunteer) bool {
	if v.ID != o.ID || v.Name != o.Name || v.Contingent != o.Contingent ||
		v.Pillar != o.Pillar || v.Gender != o.Gender || v.Phone != o.Phone ||
		v.Leader != o.Leader || v.Source != o.Source || len(v.Extra) != len(o.Extra) {
		return false
	}
	for i := range v.Extra {
		if v.Extra[i] != o.Extra[i] {
			return false
		}
	}
	return true
}

// Clone returns a deep copy, safe to keep after the original changes.
func (v Volunteer) Clone() Volunteer {
	if v.Extra != nil {
		v.Extra = append([]Field(nil), v.Extra...)
	}
	return v
}

// NormalizeGender maps the spellings found in rosters to "L" or "P".
// It returns "" and false for a value it does not recognise.
func NormalizeGender(s string) (string, bool) {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(s), ".")) {
	case "":
		return "", true
	case "l", "lk", "laki-laki", "laki laki", "lakilaki", "laki", "pria", "m", "male", "man", "cowok":
		return "L", true
	case "p", "pr", "perempuan", "wanita", "f", "female", "woman", "w", "cewek":
		return "P", true
	}
	return "", false
}
