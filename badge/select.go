package badge

import (
	"fmt"
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
	// Any spelling the importer takes for a contingent finds it here too:
	// "kab balangan" is "Kabupaten Balangan".
	spellings := model.NewContingentNames(names...)
	conts := sel.Contingents
	if len(conts) == 0 && len(sel.IDs) == 0 {
		conts = names
	}
	var problems []string
	for _, c := range conts {
		name, ok := spellings.Resolve(c)
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

// closest is the "did you mean" of a name or ID not found.
func closest(typed string, candidates []string) []string {
	return model.Closest(typed, candidates, model.FoldSpace, 3)
}

// findPerson finds an ID as typed, or as the importer compares IDs (case
// ignored; "7" is "007").
func findPerson(s *model.State, id string) (model.Person, bool) {
	id = strings.TrimSpace(id)
	if p, ok := s.Person(id); ok {
		return p, true
	}
	key := model.IDKey(id)
	for _, v := range s.Volunteers() {
		if model.IDKey(v.ID) == key {
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
