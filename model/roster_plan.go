package model

import (
	"fmt"
	"slices"
	"strings"
)

// ImportRow is one roster row offered to the store.
type ImportRow struct {
	Volunteer
	Line      int  // the spreadsheet row, for messages
	Generated bool // the file gave no ID: the ID was made up from the name and contingent
	// LeaderSaid: the file says whether this row is a leader (a yes/no or
	// role column with a value). Without it a stored leader stays one.
	LeaderSaid bool
}

// Rows returns the roster's volunteers as rows to import.
func (r *Roster) Rows() []ImportRow {
	out := make([]ImportRow, len(r.Volunteers))
	for i, v := range r.Volunteers {
		out[i] = ImportRow{Volunteer: v}
		if i < len(r.Lines) {
			out[i].Line = r.Lines[i]
		}
		if i < len(r.Generated) {
			out[i].Generated = r.Generated[i]
		}
		if i < len(r.leaderSaid) {
			out[i].LeaderSaid = r.leaderSaid[i]
		}
	}
	return out
}

// ImportOptions are the ways out of an ID conflict the user chose.
type ImportOptions struct {
	// IDPrefix is put before every ID of the file ("BLG" makes 1 BLG-1):
	// for offices that number their lists from 1.
	IDPrefix string
	// AllowRename lets an ID's row change the stored person's name or
	// contingent: for real corrections.
	AllowRename bool
	// Retired, when set, tells the IDs re-ID events gave away (the store
	// knows them): a made-up ID for a new person is never one of them,
	// since the old ID finds the person who had it.
	Retired func(id string) bool
}

// IDConflict is a row whose ID is already someone else's.
type IDConflict struct {
	Line      int
	ID        string
	Stored    Volunteer
	Row       Volunteer
	HasEvents bool // the stored person has check-ins or other events
}

// Ambiguity is a row without ID that could be more than one stored person.
type Ambiguity struct {
	Line       int
	Row        Volunteer
	Candidates []Volunteer
}

// Correction is a row taken as a corrected spelling of a stored person.
type Correction struct {
	Line int
	From Volunteer // as stored
	To   Volunteer // as the file has it now
}

// Adoption is a person imported before without an ID, now given the ID
// of the file.
type Adoption struct {
	Line     int
	From, To string // the made-up ID and the file's ID
	Name     string
	// HasEvents: they have check-ins or other events under the made-up ID.
	// Every adoption is recorded as a re-ID event, so those events, and
	// those any other station records under the old ID, follow them, and
	// the old ID still finds them.
	HasEvents bool
}

// ImportPlan is what an import changes, decided before anything is written.
type ImportPlan struct {
	Put          []Volunteer // records to write, with their final IDs, in file order
	Delete       []string    // made-up IDs replaced by the file's (no events)
	Added        []Volunteer
	Updated      []Volunteer
	Renamed      []IDConflict // conflicts let through by AllowRename
	Unchanged    int
	Unified      int        // rows whose contingent was written another way than the name kept
	UnifiedNames []string   // the names kept for them
	Spellings    []Spelling // each spelling taken as another name, with its rows
	// NewContingents are the contingents the rows added bring to a store
	// that had others, with the names already here they may mean.
	NewContingents []NewContingent
	Corrections    []Correction
	Adopted        []Adoption
	// Kept are people of the contingents the file covers who are not in
	// it: kept, never deleted. Other contingents' people are not listed.
	Kept []Volunteer
	// Renumbered are rows added whose person seems to be in the store
	// already and not in the file: the same name and contingent under
	// another ID (the office changed its numbering), or the same name and
	// phone in another contingent. Both are kept; the user is told.
	Renumbered []Correction
	// Moved are rows without an ID taken as a stored person of another
	// contingent with the same name and phone (a form answered again for
	// the right contingent): one person, now in the file's contingent.
	Moved     []Correction
	Conflicts []IDConflict
	Ambiguous []Ambiguity

	adoptedRows map[int]int // row -> the stored person it adopted
	retired     func(id string) bool
}

// Refused reports that the import must change nothing.
func (p *ImportPlan) Refused() bool { return len(p.Conflicts)+len(p.Ambiguous) > 0 }

// PrefixID joins an --id-prefix and an ID: "BLG" and "1" give "BLG-1".
func PrefixID(prefix, id string) string {
	if prefix == "" {
		return id
	}
	if strings.ContainsAny(prefix[len(prefix)-1:], "-_/. ") {
		return prefix + id
	}
	return prefix + "-" + id
}

// personKey is what tells people apart in a file without IDs.
func personKey(name, contingent string) string {
	return NameKey(name) + "|" + ContingentKey(contingent)
}

// namePhoneKey is one person by name and phone, whatever contingent they
// named: "" when there is no phone.
func namePhoneKey(name, phone string) string {
	ph := phoneKey(phone)
	if ph == "" {
		return ""
	}
	return NameKey(name) + "|" + ph
}

// PlanImport decides what importing rows into a store holding stored
// (roster and walk-ins, in order) changes. hasEvents tells whether a stored
// volunteer has events. Rows with an ID are matched by ID (digits compared
// as numbers); rows without one by name and contingent where that is unique
// on both sides, then by phone among namesakes. Nothing is guessed: what
// cannot be told apart is listed in Conflicts or Ambiguous, and the import
// is refused.
func PlanImport(stored []Volunteer, hasEvents func(id string) bool, rows []ImportRow, opt ImportOptions) *ImportPlan {
	plan := &ImportPlan{retired: opt.Retired}
	spellings := make([]string, 0, len(stored)+len(rows))
	for _, v := range stored {
		spellings = append(spellings, v.Contingent)
	}
	for _, r := range rows {
		spellings = append(spellings, r.Contingent)
	}
	shown := unifyContingents(spellings)
	// cont is the name a contingent is shown under, however spelt.
	cont := func(c string) string {
		if d, ok := shown[c]; ok {
			return d
		}
		return c
	}
	byID := make(map[string]int, len(stored))
	byPerson := map[string][]int{}
	byContingent := map[string][]int{}
	for i, v := range stored {
		byID[IDKey(v.ID)] = i
		if v.Source != SourceWalkIn {
			k := personKey(v.Name, cont(v.Contingent))
			byPerson[k] = append(byPerson[k], i)
			ck := ContingentKey(cont(v.Contingent))
			byContingent[ck] = append(byContingent[ck], i)
		}
	}
	rows = append([]ImportRow(nil), rows...)
	for i := range rows {
		r := &rows[i]
		if d := cont(r.Contingent); d != r.Contingent {
			if !slices.Contains(plan.UnifiedNames, d) {
				plan.UnifiedNames = append(plan.UnifiedNames, d)
			}
			plan.noteSpelling(r.Contingent, d)
			r.Contingent = d
			plan.Unified++
		}
		if !r.Generated {
			r.ID = PrefixID(opt.IDPrefix, r.ID)
		}
	}

	matched := map[int]int{} // stored index -> row index
	target := make([]int, len(rows))
	for i := range target {
		target[i] = -1
	}
	take := func(row, st int) { target[row], matched[st] = st, row }

	// Rows with an ID.
	for i := range rows {
		r := &rows[i]
		if r.Generated {
			continue
		}
		st, ok := byID[IDKey(r.ID)]
		if !ok {
			plan.adopt(stored, byPerson, matched, hasEvents, r, i, take)
			continue
		}
		s := stored[st]
		if _, dup := matched[st]; dup {
			plan.Ambiguous = append(plan.Ambiguous, Ambiguity{Line: r.Line, Row: r.Volunteer, Candidates: []Volunteer{s}})
			continue
		}
		if ContingentKey(cont(s.Contingent)) != ContingentKey(r.Contingent) || !SamePerson(s.Name, r.Name) {
			c := IDConflict{Line: r.Line, ID: s.ID, Stored: s, Row: r.Volunteer, HasEvents: hasEvents(s.ID)}
			if !opt.AllowRename {
				plan.Conflicts = append(plan.Conflicts, c)
				matched[st] = i // not kept: it is listed as the conflict
				continue
			}
			plan.Renamed = append(plan.Renamed, c)
		}
		take(i, st)
	}

	// Rows without: first by phone among namesakes, then where name and
	// contingent are unique on both sides.
	free := func(key string) []int {
		var out []int
		for _, st := range byPerson[key] {
			if _, ok := matched[st]; !ok {
				out = append(out, st)
			}
		}
		return out
	}
	for i := range rows {
		r := &rows[i]
		if !r.Generated || phoneKey(r.Phone) == "" {
			continue
		}
		var hit []int
		for _, st := range free(personKey(r.Name, r.Contingent)) {
			if phoneKey(stored[st].Phone) == phoneKey(r.Phone) {
				hit = append(hit, st)
			}
		}
		if len(hit) == 1 {
			take(i, hit[0])
		}
	}
	left := map[string][]int{} // person key -> rows still without a match
	for i := range rows {
		if rows[i].Generated && target[i] < 0 {
			k := personKey(rows[i].Name, rows[i].Contingent)
			left[k] = append(left[k], i)
		}
	}
	var unknown []int
	for i := range rows {
		r := &rows[i]
		if !r.Generated || target[i] >= 0 {
			continue
		}
		k := personKey(r.Name, r.Contingent)
		cands := free(k)
		switch {
		case len(cands) == 0:
			unknown = append(unknown, i)
		case len(cands) == 1 && len(left[k]) == 1:
			take(i, cands[0])
		default:
			a := Ambiguity{Line: r.Line, Row: r.Volunteer}
			for _, st := range cands {
				a.Candidates = append(a.Candidates, stored[st])
			}
			plan.Ambiguous = append(plan.Ambiguous, a)
		}
	}
	plan.moveByPhone(stored, rows, unknown, target, matched, take)
	// A name a letter or two away from one stored person of the contingent
	// who is not in the file otherwise: a corrected spelling.
	for _, i := range unknown {
		r := &rows[i]
		if target[i] >= 0 {
			continue
		}
		nk := NameKey(r.Name)
		var hit []int
		for _, st := range byContingent[ContingentKey(r.Contingent)] {
			s := stored[st]
			if _, ok := matched[st]; ok || !nameNear(nk, NameKey(s.Name)) {
				continue
			}
			if phonesDiffer(s.Phone, r.Phone) {
				continue
			}
			hit = append(hit, st)
		}
		if len(hit) == 1 {
			take(i, hit[0])
			plan.Corrections = append(plan.Corrections, Correction{Line: r.Line, From: stored[hit[0]], To: r.Volunteer})
		}
	}

	plan.settle(stored, byID, rows, target, matched, cont)
	plan.noteNewContingents(stored, cont)
	return plan
}

// adopt gives a row whose ID is new the stored person imported before
// without an ID, when name and contingent (then phone) say who it is.
func (p *ImportPlan) adopt(stored []Volunteer, byPerson map[string][]int, matched map[int]int,
	hasEvents func(string) bool, r *ImportRow, row int, take func(row, st int)) {
	var cands []int
	for _, st := range byPerson[personKey(r.Name, r.Contingent)] {
		if _, ok := matched[st]; !ok && strings.HasPrefix(stored[st].ID, generatedPrefix) {
			cands = append(cands, st)
		}
	}
	if len(cands) > 1 {
		var hit []int
		for _, st := range cands {
			if pk := phoneKey(r.Phone); pk != "" && phoneKey(stored[st].Phone) == pk {
				hit = append(hit, st)
			}
		}
		cands = hit
	}
	if len(cands) != 1 {
		return
	}
	st := cands[0]
	a := Adoption{Line: r.Line, From: stored[st].ID, To: r.ID, Name: r.Name, HasEvents: hasEvents(stored[st].ID)}
	p.Adopted = append(p.Adopted, a)
	// The made-up record goes; the row takes its place under the file's ID.
	// Check-ins under the made-up ID follow through a re-ID event.
	matched[st] = row
	p.Delete = append(p.Delete, a.From)
	if p.adoptedRows == nil {
		p.adoptedRows = map[int]int{}
	}
	p.adoptedRows[row] = st
}

// settle gives every row its final ID and sorts rows into added, updated
// and unchanged; stored roster people no row took are kept.
func (p *ImportPlan) settle(stored []Volunteer, byID map[string]int, rows []ImportRow, target []int, matched map[int]int, cont func(string) string) {
	taken := map[string]bool{}
	for k := range byID {
		taken[k] = true
	}
	for i := range rows {
		r := rows[i]
		v := r.Volunteer
		if v.Source == "" {
			v.Source = SourceRoster
		}
		if st := target[i]; st >= 0 {
			prev := stored[st]
			v = keepStored(prev, ImportRow{Volunteer: v, LeaderSaid: r.LeaderSaid})
			v.ID = prev.ID
			if prev.Equal(v) {
				p.Unchanged++
				continue
			}
			p.Updated = append(p.Updated, v)
			p.Put = append(p.Put, v)
			continue
		}
		if r.Generated {
			// A made-up ID another person already has: make another.
			base := v.ID
			for n := 2; taken[IDKey(v.ID)] || p.retired != nil && p.retired(v.ID); n++ {
				v.ID = generatedID(fmt.Sprintf("%s|%d", base, n))
			}
		} else if _, ok := byID[IDKey(v.ID)]; ok {
			continue // a conflict or an ambiguity, already listed
		}
		taken[IDKey(v.ID)] = true
		if st, ok := p.adoptedRows[i]; ok {
			v = keepStored(stored[st], ImportRow{Volunteer: v, LeaderSaid: r.LeaderSaid})
			p.Updated = append(p.Updated, v)
		} else {
			p.Added = append(p.Added, v)
		}
		p.Put = append(p.Put, v)
	}
	covered := map[string]bool{} // the contingents the file speaks of
	for _, r := range rows {
		covered[ContingentKey(r.Contingent)] = true
	}
	kept := map[string][]Volunteer{}    // person key -> kept people
	byPhone := map[string][]Volunteer{} // name key and phone -> kept people
	for st, v := range stored {
		if _, ok := matched[st]; !ok && v.Source != SourceWalkIn {
			if covered[ContingentKey(cont(v.Contingent))] {
				p.Kept = append(p.Kept, v)
			}
			k := personKey(v.Name, cont(v.Contingent))
			kept[k] = append(kept[k], v)
			if ph := phoneKey(v.Phone); ph != "" {
				byPhone[NameKey(v.Name)+"|"+ph] = append(byPhone[NameKey(v.Name)+"|"+ph], v)
			}
		}
	}
	for i, r := range rows {
		if _, clash := byID[IDKey(r.ID)]; target[i] >= 0 || adopted(p.adoptedRows, i) || !r.Generated && clash {
			continue
		}
		ks := kept[personKey(r.Name, r.Contingent)]
		if r.Generated || len(ks) != 1 || phonesDiffer(ks[0].Phone, r.Phone) {
			// Without IDs, the same name and phone in another contingent:
			// moved, or a mistake in one of the files.
			ks = nil
			if ph := phoneKey(r.Phone); ph != "" {
				ks = byPhone[NameKey(r.Name)+"|"+ph]
			}
		}
		if len(ks) == 1 {
			p.Renumbered = append(p.Renumbered, Correction{Line: r.Line, From: ks[0], To: r.Volunteer})
		}
	}
}

func adopted(rows map[int]int, i int) bool { _, ok := rows[i]; return ok }

// phonesDiffer reports two phones that are both given and not the same:
// namesakes, not one person.
func phonesDiffer(a, b string) bool {
	a, b = phoneKey(a), phoneKey(b)
	return a != "" && b != "" && a != b
}
