package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/model"
)

// search asks the index for the current query; the reply carries its
// sequence number so a slow reply to an older query is dropped.
func (g *Gate) search() tea.Cmd {
	g.seq++
	seq, st := g.seq, g.c.Store
	q := model.Query{Text: g.input.Value(), Contingent: g.contingent, Limit: resultLimit}
	aboutID := ""
	if g.about != nil {
		aboutID = g.about.ID
	}
	last := g.found
	return func() tea.Msg {
		var rows []model.Person
		var about *model.Person
		found := last
		st.Read(func(s *model.State, ix *model.Index) {
			if p, ok := s.Person(aboutID); ok && aboutID != "" {
				about = &p
			}
			if strings.TrimSpace(q.Text) == "" {
				// Nothing typed: the contingent chosen, missing first, or
				// the latest arrivals, so staff see what was just done.
				if q.Contingent != "" {
					rows = membersFirst(s, q.Contingent, isMissing)
				} else {
					rows = s.LatestArrivals(latestShown)
				}
				return
			}
			if last.ix != ix || last.version != ix.Version() || last.query != q {
				// The index changed (a walk-in, an import) or the query did:
				// search. Otherwise the same volunteers match, and only how
				// they stand is read again (a check-in elsewhere).
				found = foundSet{query: q, ix: ix, version: ix.Version()}
				for _, m := range ix.Search(q) {
					found.ids = append(found.ids, m.ID)
				}
			}
			for _, id := range found.ids {
				if p, ok := s.Person(id); ok {
					rows = append(rows, p)
				}
			}
		})
		return resultsMsg{seq: seq, rows: rows, about: about, found: found, query: q}
	}
}

// searched is the people q finds, best first: the one way every screen
// turns a search's IDs into people.
func searched(s *model.State, ix *model.Index, q model.Query) []model.Person {
	var rows []model.Person
	for _, hit := range ix.Search(q) {
		if p, ok := s.Person(hit.ID); ok {
			rows = append(rows, p)
		}
	}
	return rows
}

// foundSet is who a query found, in rank order, and in which index.
type foundSet struct {
	query   model.Query
	ix      *model.Index
	version uint64
	ids     []string
}

// membersFirst lists a contingent in roster order, those for whom first is
// true ahead of the rest (the missing, or on the last day those on site).
func membersFirst(s *model.State, contingent string, first func(model.Person) bool) []model.Person {
	var front, rest []model.Person
	for _, id := range s.Members(contingent) {
		p, _ := s.Person(id)
		if first(p) {
			front = append(front, p)
		} else {
			rest = append(rest, p)
		}
	}
	return append(front, rest...)
}

func isMissing(p model.Person) bool { return p.Status == model.StatusMissing }

func isOnSite(p model.Person) bool { return p.Status == model.StatusArrived }
