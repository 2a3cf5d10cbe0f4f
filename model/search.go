package model

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// MatchRank says why a volunteer matched a query; lower ranks come first.
type MatchRank int

// The ranks, best first.
const (
	RankExactID    MatchRank = iota // the query is the ID (case, spaces, dashes ignored)
	RankIDPrefix                    // the query starts the ID and holds a digit
	RankWordPrefix                  // each query word starts a different name word
	RankFuzzy                       // one typo per word, or the letters in order
)

var rankNames = [...]string{"exact ID", "ID prefix", "word prefix", "fuzzy"}

func (r MatchRank) String() string {
	if r < 0 || int(r) >= len(rankNames) {
		return "unknown"
	}
	return rankNames[r]
}

// Match is one search result. Score orders matches within a rank, higher
// first; it means nothing across ranks.
type Match struct {
	ID    string
	Rank  MatchRank
	Score int
}

// Query is what the gate typed, and how to narrow it.
type Query struct {
	Text       string // a name, part of one, or an ID; empty finds nothing
	Contingent string // only this contingent (exact name); "" = all
	Limit      int    // at most this many matches; 0 = no limit
}

const (
	maxNameWords  = 32 // words of a name that are indexed (bits of a uint32)
	maxQueryWords = 8  // words of a query that count
	assignBudget  = 4096
	typoBase      = 2000 // a typo match outranks any letters-in-order match
)

// Index finds volunteers by ID or by name while the query is typed. It is
// built once and updated one volunteer at a time; a keystroke costs a few
// binary searches and a walk over the names that start with the query.
//
// Concurrency: Search only reads, so any number may run at once. Add writes:
// it must not overlap another Add or a Search (guard with a sync.RWMutex).
type Index struct {
	entries []entry
	masks   []uint64         // letters of each entry's name, scanned by fuzzy
	conts   []int32          // each entry's contingent, dense for the filter
	slots   map[string]int32 // volunteer ID → entry
	ids     []idRef          // sorted by key
	toks    []token          // every name word (normalised and as written), sorted
	contIDs map[string]int32
	version uint64            // counts the volunteers added or re-indexed
	norms   map[string]string // word → normal form, while the index is built
}

type entry struct {
	id        string
	name      string // normalised words but titles, joined by spaces: tie-break and fuzzy text
	written   string // the same words as written: tie-break between spellings
	cont      int32
	first     int8   // index of the first word that is not a title
	nreal     int8   // words that are not titles
	loose     string // looseKey of the name, for SimilarPeople
	looseMask uint64
	words     []nameWord
}

type idRef struct {
	key  string
	slot int32
}

// token is one spelling of one name word. info lets a single word being
// typed be scored from the token alone, without reading the entry.
type token struct {
	s    string
	slot int32
	word uint8
	info uint8 // tokFirst | tokWritten | name word count << 4
}

const (
	tokFirst   = 1 << 0 // the first name word that is not a title
	tokWritten = 1 << 1 // s is the word as written
	tokTwin    = 1 << 2 // the word has a second spelling, in another token
)

func (t *token) nreal() int32 { return int32(t.info >> 4) }

// score is what wordScore gives a single unfinished query word matched on
// this token. typed says whether a written token earns scoreTyped; nil means
// the token must be checked.
func (t *token) score(w *qword, typed *bool) int32 {
	s := scoreInOrder - min(t.nreal(), maxShorter)
	if t.info&tokFirst != 0 {
		s += scoreFirst
	}
	if t.info&tokWritten != 0 && (typed == nil && strings.HasPrefix(t.s, w.fold) || typed != nil && *typed) {
		s += scoreTyped
	}
	return s
}

func compareToken(a, b token) int {
	return cmp.Or(strings.Compare(a.s, b.s), cmp.Compare(a.slot, b.slot), cmp.Compare(a.word, b.word))
}

// NewIndex indexes vs. A later record with the same ID replaces an earlier one.
func NewIndex(vs []Volunteer) *Index {
	ix := &Index{slots: make(map[string]int32, len(vs)), contIDs: map[string]int32{}, norms: map[string]string{}}
	defer func() { ix.norms = nil }()
	for _, v := range vs {
		if s, ok := ix.slots[v.ID]; ok {
			ix.entries[s] = ix.makeEntry(v)
			continue
		}
		ix.slots[v.ID] = int32(len(ix.entries))
		ix.entries = append(ix.entries, ix.makeEntry(v))
	}
	ix.masks = make([]uint64, len(ix.entries))
	ix.conts = make([]int32, len(ix.entries))
	ix.ids = make([]idRef, len(ix.entries))
	ntoks := 0
	for s := range ix.entries {
		for _, w := range ix.entries[s].words {
			ntoks += 1 + boolInt(w.fold != w.norm) // see appendTokens
		}
	}
	ix.toks = make([]token, 0, ntoks)
	for s := range ix.entries {
		e := &ix.entries[s]
		ix.masks[s], ix.conts[s] = letterMask([]byte(e.name)), e.cont
		ix.ids[s] = idRef{idKey(e.id), int32(s)}
		ix.toks = appendTokens(ix.toks, int32(s), e)
	}
	slices.SortFunc(ix.ids, compareIDRef)
	sortTokens(ix.toks)
	return ix
}

func compareIDRef(a, b idRef) int {
	return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.slot, b.slot))
}

// Len is the number of volunteers indexed.
func (ix *Index) Len() int { return len(ix.entries) }

// Version changes whenever the index does: the same query asked of the same
// index at the same version finds the same volunteers in the same order.
func (ix *Index) Version() uint64 { return ix.version }

// Add indexes a new volunteer, or re-indexes one whose ID is known. It costs
// a few insertions into sorted slices, never a rebuild.
func (ix *Index) Add(v Volunteer) {
	ix.version++
	e := ix.makeEntry(v)
	s, ok := ix.slots[v.ID]
	if ok {
		for _, t := range appendTokens(nil, s, &ix.entries[s]) {
			if i, found := slices.BinarySearchFunc(ix.toks, t, compareToken); found {
				ix.toks = slices.Delete(ix.toks, i, i+1)
			}
		}
		ix.entries[s] = e
	} else {
		s = int32(len(ix.entries))
		ix.slots[v.ID] = s
		ix.entries = append(ix.entries, e)
		ix.masks = append(ix.masks, 0)
		ix.conts = append(ix.conts, 0)
		r := idRef{idKey(v.ID), s}
		i, _ := slices.BinarySearchFunc(ix.ids, r, compareIDRef)
		ix.ids = slices.Insert(ix.ids, i, r)
	}
	ix.masks[s], ix.conts[s] = letterMask([]byte(e.name)), e.cont
	for _, t := range appendTokens(nil, s, &e) {
		i, _ := slices.BinarySearchFunc(ix.toks, t, compareToken)
		ix.toks = slices.Insert(ix.toks, i, t)
	}
}

func (ix *Index) makeEntry(v Volunteer) entry {
	ws := nameWordsWith(v.Name, ix.norms)
	if len(ws) > maxNameWords {
		ws = ws[:maxNameWords]
	}
	e := entry{id: v.ID, words: ws, first: -1}
	norms := make([]string, 0, len(ws))
	folds := make([]string, 0, len(ws))
	for i, w := range ws {
		if !w.title {
			norms = append(norms, w.norm)
			folds = append(folds, w.fold)
			e.nreal++
			if e.first < 0 {
				e.first = int8(i)
			}
		}
	}
	e.name = strings.Join(norms, " ")
	e.loose = looseKeyOf(ws)
	e.looseMask = looseMask(e.loose)
	e.written = strings.Join(folds, " ")
	c, ok := ix.contIDs[v.Contingent]
	if !ok {
		c = int32(len(ix.contIDs))
		ix.contIDs[v.Contingent] = c
	}
	e.cont = c
	return e
}

// appendTokens lists the words of e under both spellings, normalised and as
// written, so "d" still finds "Djoko" (normalised "joko") while it is typed.
func appendTokens(ts []token, s int32, e *entry) []token {
	for j, w := range e.words {
		info := uint8(min(e.nreal, 15)) << 4
		if j == int(e.first) {
			info |= tokFirst
		}
		if w.fold == w.norm {
			ts = append(ts, token{w.norm, s, uint8(j), info | tokWritten})
			continue
		}
		info |= tokTwin
		ts = append(ts, token{w.norm, s, uint8(j), info}, token{w.fold, s, uint8(j), info | tokWritten})
	}
	return ts
}

// prefixRange is the run of tokens starting with p.
func (ix *Index) prefixRange(p string, exact bool) (int, int) {
	lo := sort.Search(len(ix.toks), func(i int) bool { return ix.toks[i].s >= p })
	hi := lo + sort.Search(len(ix.toks)-lo, func(i int) bool {
		t := ix.toks[lo+i].s
		if exact {
			return t != p
		}
		return !strings.HasPrefix(t, p)
	})
	return lo, hi
}

// Search returns the volunteers matching q, best first: exact ID, ID prefix
// (in ID order), word prefix, then fuzzy. Within a rank: score, then the
// normalised name, the name as written and the ID, a fixed key, so a result
// keeps its place while the same word is typed. An empty query returns nil: the gate shows nothing until
// something is typed.
func (ix *Index) Search(q Query) []Match {
	pq := parseQuery(q.Text)
	if pq.key == "" && len(pq.words) == 0 {
		return nil
	}
	cont := int32(-1)
	if q.Contingent != "" {
		c, ok := ix.contIDs[q.Contingent]
		if !ok {
			return nil
		}
		cont = c
	}
	limit := q.Limit
	if limit <= 0 {
		limit = math.MaxInt
	}
	s := searchPool.Get().(*search)
	defer searchPool.Put(s)
	s.reset(ix, pq, cont)

	out := s.byID(limit)
	if len(pq.words) > 0 && len(out) < limit {
		out = s.byWords(out, limit)
	}
	if len(pq.words) > 0 && len(out) < limit {
		out = s.fuzzy(out, limit)
	}
	return out
}

// search is the state of one Search, pooled so a keystroke allocates little.
type search struct {
	ix          *Index
	pq          parsed
	cont        int32
	done, tried bitset // done: in the results; tried: scored in this stage
	filter, cur bitset // volunteers matching the other query words
	filtered    bool
	top         topK
}

var searchPool = sync.Pool{New: func() any { return new(search) }}

func (s *search) reset(ix *Index, pq parsed, cont int32) {
	s.ix, s.pq, s.cont = ix, pq, cont
	s.done = s.done.reset(len(ix.entries))
	s.tried = s.tried.reset(len(ix.entries))
	s.filter = s.filter.reset(len(ix.entries))
	s.cur = s.cur.reset(len(ix.entries))
	s.top.ix = ix
}

func (s *search) in(slot int32) bool { return s.cont < 0 || s.ix.conts[slot] == s.cont }

func (s *search) byID(limit int) []Match {
	var out []Match
	ix, key := s.ix, s.pq.key
	if key == "" {
		return nil
	}
	i := sort.Search(len(ix.ids), func(i int) bool { return ix.ids[i].key >= key })
	for ; i < len(ix.ids) && len(out) < limit; i++ {
		r := ix.ids[i]
		rank := RankExactID
		if r.key != key {
			// Without a digit, "jrs" would list every ID before any name.
			if !hasDigit(key) || !strings.HasPrefix(r.key, key) {
				break
			}
			rank = RankIDPrefix
		}
		if s.in(r.slot) {
			out = append(out, Match{ix.entries[r.slot].id, rank, 0})
			s.done.set(r.slot)
		}
	}
	return out
}

// byWords walks the tokens of the query word with the fewest, and checks
// the other words on each volunteer found.
func (s *search) byWords(out []Match, limit int) []Match {
	s.top.reset(limit - len(out))
	clear(s.tried)
	// Ranges per query word; the word with the fewest tokens drives.
	ranges := make([][][2]int, len(s.pq.words))
	sizes := make([]int, len(s.pq.words))
	best := 0
	for qi := range s.pq.words {
		for _, a := range s.pq.words[qi].lookups() {
			lo, hi := s.ix.prefixRange(a.s, a.exact)
			ranges[qi], sizes[qi] = append(ranges[qi], [2]int{lo, hi}), sizes[qi]+hi-lo
		}
		if sizes[qi] < sizes[best] {
			best = qi
		}
	}
	// Other words with not too many tokens filter the driver's volunteers
	// by a bitset intersection: a sequential pass instead of reading entries.
	s.filtered = false
	for qi, rs := range ranges {
		if qi == best || sizes[qi] > 8*sizes[best] {
			continue
		}
		clear(s.cur)
		for _, r := range rs {
			for _, t := range s.ix.toks[r[0]:r[1]] {
				s.cur.set(t.slot)
			}
		}
		if !s.filtered {
			copy(s.filter, s.cur)
			s.filtered = true
			continue
		}
		for i := range s.filter {
			s.filter[i] &= s.cur[i]
		}
	}
	bestRanges := ranges[best]
	qd := &s.pq.words[best]
	one := len(s.pq.words) == 1 && !qd.complete && s.top.k <= 1000
	for i, a := range qd.lookups() {
		lo, hi := bestRanges[i][0], bestRanges[i][1]
		if !one {
			s.verify(lo, hi, qd, false, 0)
			continue
		}
		// Tokens under the typed spelling all start with it, those under
		// another spelling never do, unless that one is shorter ("aa", "a").
		typed := a.s == qd.fold
		if !typed && strings.HasPrefix(qd.fold, a.s) {
			s.scanOne(lo, hi, qd, nil)
		} else {
			s.scanOne(lo, hi, qd, &typed)
		}
	}
	for _, c := range s.top.sorted() {
		out = append(out, Match{s.ix.entries[c.slot].id, RankWordPrefix, int(c.score)})
		s.done.set(c.slot)
	}
	return out
}

// scanOne handles the commonest keystroke, one word being typed: a token's
// score is known without reading the entry, so most tokens cost a compare.
func (s *search) scanOne(lo, hi int, w *qword, typed *bool) {
	for i := lo; i < hi; i++ {
		t := &s.ix.toks[i]
		c := cand{t.slot, t.score(w, typed)}
		if s.top.full() && c.score < s.top.worst().score {
			continue
		}
		if s.done.has(t.slot) || !s.in(t.slot) {
			continue
		}
		if s.tried.has(t.slot) { // another word of the same name
			s.top.raise(c)
			continue
		}
		s.tried.set(t.slot)
		s.top.offer(c)
	}
}

// verify scores each new volunteer of toks[lo:hi] in full, the driver
// query word qd being on the token's word, unless the token shows that the
// volunteer cannot enter the top. A typo scan also skips tokens too far
// from qd.
func (s *search) verify(lo, hi int, qd *qword, typo bool, base int32) {
	rest := base + scoreInOrder + int32(len(s.pq.words)-1)*scoreTyped
	for i := range s.pq.words {
		if w := &s.pq.words[i]; w != qd && w.complete {
			rest += scoreWhole
		}
	}
	for i := lo; i < hi; i++ {
		t := &s.ix.toks[i]
		if s.tried.has(t.slot) || s.done.has(t.slot) || typo && !qd.near(t.s) ||
			s.filtered && !s.filter.has(t.slot) {
			continue
		}
		if s.top.full() {
			c, worst := cand{t.slot, s.bound(t, qd, typo, rest)}, s.top.worst()
			if c.score < worst.score || c.score == worst.score && !s.top.worse(worst, c) {
				continue
			}
		}
		s.tried.set(t.slot)
		if !s.in(t.slot) {
			continue
		}
		if sc, ok := wordScore(&s.ix.entries[t.slot], &s.pq, typo); ok {
			s.top.offer(cand{t.slot, base + sc})
		}
	}
}

// bound is the best score possible with qd on t's word. Whether the word's
// other spelling is whole or as typed is unknown here, so it is assumed. A
// typo scan cannot tell which word qd lands on, only that qd is the typo
// when it is the only query word.
func (s *search) bound(t *token, qd *qword, typo bool, rest int32) int32 {
	b := rest - min(t.nreal(), maxShorter)
	other := typo && len(s.pq.words) > 1 // the typo may be in another word
	if qd.complete && (other || !typo && (t.info&tokTwin != 0 || qd.isAlt(t.s))) {
		b += scoreWhole
	}
	if other || !typo && (t.info&tokWritten == 0 || strings.HasPrefix(t.s, qd.fold)) {
		b += scoreTyped
	}
	if typo || t.info&tokFirst != 0 || len(s.pq.words) > 1 {
		b += scoreFirst
	}
	return b
}

// fuzzy runs only while the screen is not full. Typos first: seeds narrow
// the tokens to those within one edit of the longest query word. Then the
// letters in order, over every name the letter masks do not rule out.
func (s *search) fuzzy(out []Match, limit int) []Match {
	s.top.reset(limit - len(out))
	clear(s.tried)
	s.filtered = false
	var long *qword
	for i, w := range s.pq.words {
		if len(w.spelt) >= 4 && (long == nil || len(w.spelt) > len(long.spelt)) {
			long = &s.pq.words[i]
		}
	}
	if long != nil {
		for _, seed := range typoSeeds(long.spelt) {
			lo, hi := s.ix.prefixRange(seed, false)
			s.verify(lo, hi, long, true, typoBase)
		}
		for _, c := range s.top.h {
			s.done.set(c.slot) // not again as letters in order
		}
	}
	if !s.top.full() || s.top.worst().score < typoBase {
		q, qm := s.pq.fuzzy, s.pq.mask
		for i, m := range s.ix.masks {
			slot := int32(i)
			if m&qm != qm || s.done.has(slot) || !s.in(slot) {
				continue
			}
			if sc, ok := subsequence(s.ix.entries[i].name, q); ok {
				s.top.offer(cand{slot, int32(sc)})
			}
		}
	}
	for _, c := range s.top.sorted() {
		out = append(out, Match{s.ix.entries[c.slot].id, RankFuzzy, int(c.score)})
	}
	return out
}
