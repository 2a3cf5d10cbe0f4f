package model

import (
	"slices"
	"sort"
)

// The ranking helpers of Search: a bounded best-first heap of candidates
// and a bitset of volunteers already seen.

// cand is a volunteer that matched, before ranking.
type cand struct {
	slot  int32
	score int32
}

// topK keeps the k best candidates, best first. A sorted slice is enough:
// once it is full, few candidates beat its last.
type topK struct {
	ix  *Index
	k   int
	h   []cand
	all bool // k too large to keep sorted: sort once, at the end
}

func (t *topK) reset(k int) { t.k, t.h, t.all = k, t.h[:0], k > 1000 }
func (t *topK) full() bool  { return !t.all && len(t.h) >= t.k }
func (t *topK) worst() cand { return t.h[len(t.h)-1] }

// worse orders by score, then normalised name, then name as written, then
// ID: a fixed key.
func (t *topK) worse(a, b cand) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	ea, eb := &t.ix.entries[a.slot], &t.ix.entries[b.slot]
	if ea.name != eb.name {
		return ea.name > eb.name
	}
	if ea.written != eb.written {
		return ea.written > eb.written
	}
	return ea.id > eb.id
}

func (t *topK) offer(c cand) {
	if t.all {
		t.h = append(t.h, c)
		return
	}
	if t.full() {
		if !t.worse(t.worst(), c) {
			return
		}
		t.h = t.h[:len(t.h)-1]
	}
	i := sort.Search(len(t.h), func(i int) bool { return t.worse(t.h[i], c) })
	t.h = slices.Insert(t.h, i, c)
}

// raise is offer for a volunteer that may be kept already, with a lower score.
func (t *topK) raise(c cand) {
	if i := slices.IndexFunc(t.h, func(o cand) bool { return o.slot == c.slot }); i >= 0 {
		if c.score <= t.h[i].score {
			return
		}
		t.h = slices.Delete(t.h, i, i+1)
	}
	t.offer(c)
}

func (t *topK) sorted() []cand {
	if t.all {
		slices.SortFunc(t.h, func(a, b cand) int {
			if t.worse(b, a) {
				return -1
			}
			if t.worse(a, b) {
				return 1
			}
			return 0
		})
		t.h = t.h[:min(len(t.h), t.k)]
	}
	return t.h
}

type bitset []uint64

func (b bitset) reset(n int) bitset {
	w := (n + 63) / 64
	if cap(b) < w {
		return make(bitset, w)
	}
	b = b[:w]
	clear(b)
	return b
}

func (b bitset) has(i int32) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func (b bitset) set(i int32)      { b[i>>6] |= 1 << (i & 63) }
