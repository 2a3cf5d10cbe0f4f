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
	q := g.query()
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
			rows = make([]model.Person, 0, len(found.ids))
			for _, id := range found.ids {
				if p, ok := s.Person(id); ok {
					rows = append(rows, p)
				}
			}
		})
		return resultsMsg{seq: seq, rows: rows, about: about, found: found, query: q}
	}
}

// query is what the search box asks for now.
func (g *Gate) query() model.Query {
	return model.Query{Text: g.input.Value(), Contingent: g.contingent, Limit: resultLimit}
}

// searchTyped searches for a key that changed the box. While a search is on
// its way the key only marks the box changed (typedAhead), and the answer
// starts the search for what the box holds then (searchedAll): a badge typed
// a key at a time is not a search of the whole roster per key, most of them
// thrown away, and the list still follows the keys as fast as searches come.
func (g *Gate) searchTyped() tea.Cmd {
	if g.rowsSeq != g.seq {
		g.typedAhead = true
		return nil
	}
	return g.search()
}

// searchedAll starts, when keys came while the search just answered was on
// its way, the search for the box as it is now, unless that is what was
// answered.
func (g *Gate) searchedAll(answered model.Query) tea.Cmd {
	if !g.typedAhead {
		return nil
	}
	g.typedAhead = false
	if g.query() == answered {
		return nil
	}
	return g.search()
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
