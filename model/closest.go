package model

import (
	"slices"
	"strings"
)

// Closest lists up to n candidates near what was typed, for a "did you
// mean" when a name or an ID is not found: those whose key contains the
// typed key or is contained in it, then those a few typing mistakes away,
// against the whole key or one of its ends ("balangn" is one letter from
// the "balangan" of "kab balangan"). key folds both sides (case, spacing).
func Closest(typed string, candidates []string, key func(string) string, n int) []string {
	t := key(typed)
	if t == "" {
		return nil
	}
	type near struct {
		s    string
		dist int
	}
	var found []near
	limit := max(2, len([]rune(t))/4)
	for _, c := range candidates {
		k := key(c)
		if k == "" {
			continue
		}
		if strings.Contains(k, t) || strings.Contains(t, k) {
			found = append(found, near{c, 0})
			continue
		}
		best := editDistance(t, k, limit)
		for i, r := range k {
			if r == ' ' || r == ':' {
				best = min(best, editDistance(t, k[i+1:], limit))
			}
		}
		if best <= limit {
			found = append(found, near{c, best})
		}
	}
	slices.SortStableFunc(found, func(a, b near) int { return a.dist - b.dist })
	out := make([]string, 0, min(n, len(found)))
	for i := 0; i < len(found) && i < n; i++ {
		out = append(out, found[i].s)
	}
	return out
}

// FoldSpace is a key for Closest: lower case, single spaces.
func FoldSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
