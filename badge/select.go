package badge

import (
	"fmt"
	"slices"
	"strings"

	"hadir/model"
)

// Selection is what to print: whole contingents (none named: all of
// them) and single IDs.
type Selection struct {
	Contingents []string
	IDs         []string
}

// Select finds the badges of a selection in the state. Whole contingents
// leave out those who are not expected (replaced, or a void walk-in); an
// ID names one person and is refused if that person is not expected. An
// unknown contingent or ID is refused with the closest names or IDs.
func Select(s *model.State, sel Selection) ([]Badge, error) {
	var out []Badge
	seen := map[string]bool{}
	add := func(p model.Person) {
		if !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, FromVolunteer(p.Volunteer))
		}
	}
	names := s.ContingentNames()
	conts := sel.Contingents
	if len(conts) == 0 && len(sel.IDs) == 0 {
		conts = names
	}
	var problems []string
	for _, c := range conts {
		name, ok := findContingent(names, c)
		if !ok {
			problems = append(problems, notFound("contingent", c, closest(c, names)))
			continue
		}
		for _, id := range s.Members(name) {
			if p, _ := s.Person(id); expected(p) {
				add(p)
			}
		}
	}
	var ids []string
	for _, id := range sel.IDs {
		p, ok := findPerson(s, id)
		switch {
		case !ok:
			if ids == nil {
				ids = allIDs(s)
			}
			problems = append(problems, notFound("ID", id, closest(id, ids)))
		case p.Status == model.StatusReplaced:
			problems = append(problems, fmt.Sprintf("%s (%s) was replaced by %s: print the badge of %s instead", p.ID, p.Name, p.ReplacedBy, p.ReplacedBy))
		case p.Status == model.StatusVoid:
			problems = append(problems, fmt.Sprintf("%s (%s) is a walk-in whose registration was annulled: there is no badge to print", p.ID, p.Name))
		default:
			add(p)
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s; nothing was written", strings.Join(problems, "; "))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no badge to print: nobody expected is in what you chose; nothing was written")
	}
	return out, nil
}

// expected: a badge is for someone the gate is waiting for, or who came.
func expected(p model.Person) bool {
	return p.Status != model.StatusReplaced && p.Status != model.StatusVoid
}

func notFound(what, typed string, near []string) string {
	msg := fmt.Sprintf("no %s %q", what, typed)
	if len(near) > 0 {
		msg += " (did you mean " + strings.Join(quoteAll(near), " or ") + "?)"
	}
	return msg
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// findContingent matches a typed contingent name to a known one, ignoring
// case and spacing.
func findContingent(names []string, typed string) (string, bool) {
	key := fold(typed)
	for _, n := range names {
		if fold(n) == key {
			return n, true
		}
	}
	return "", false
}

// findPerson finds an ID as typed, in capitals, or ignoring case.
func findPerson(s *model.State, id string) (model.Person, bool) {
	id = strings.TrimSpace(id)
	if p, ok := s.Person(id); ok {
		return p, true
	}
	if p, ok := s.Person(strings.ToUpper(id)); ok {
		return p, true
	}
	for _, v := range s.Volunteers() {
		if strings.EqualFold(v.ID, id) {
			return s.Person(v.ID)
		}
	}
	return model.Person{}, false
}

func allIDs(s *model.State) []string {
	vs := s.Volunteers()
	ids := make([]string, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	return ids
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// closest lists up to three candidates near typed: those that contain it
// or that it contains (a contingent typed without "Kabupaten"), then those
// a few typing mistakes away, nearest first.
func closest(typed string, candidates []string) []string {
	t := fold(typed)
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
		f := fold(c)
		switch {
		case strings.Contains(f, t) || strings.Contains(t, f):
			found = append(found, near{c, 0})
		default:
			// Against the whole name and against its ends ("balangn" is
			// one letter from the "balangan" of "kab. balangan").
			best := distance(t, f, limit)
			for i, r := range f {
				if r == ' ' {
					best = min(best, distance(t, f[i+1:], limit))
				}
			}
			if best <= limit {
				found = append(found, near{c, best})
			}
		}
	}
	slices.SortStableFunc(found, func(a, b near) int { return a.dist - b.dist })
	var out []string
	for i := 0; i < len(found) && i < 3; i++ {
		out = append(out, found[i].s)
	}
	return out
}

// distance is the number of single-letter edits (insert, delete, change)
// from a to b, or limit+1 once it is known to exceed limit.
func distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
