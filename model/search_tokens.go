package model

import (
	"slices"
	"strings"
)

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sortTokens puts tokens listed in slot order into compareToken order.
// Names share few distinct words (100,000 names, about 250,000 tokens, a few
// thousand words): sorting the distinct words and placing each token after
// the earlier ones of its word is far cheaper than sorting every token, and
// gives the same order, since within a word the tokens already come by slot
// and by word.
func sortTokens(ts []token) {
	ids := make(map[string]int32)
	var words []string
	var counts []int
	which := make([]int32, len(ts))
	for i := range ts {
		w, ok := ids[ts[i].s]
		if !ok {
			w = int32(len(words))
			ids[ts[i].s] = w
			words, counts = append(words, ts[i].s), append(counts, 0)
		}
		which[i] = w
		counts[w]++
	}
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(words[a], words[b]) })
	next := make([]int, len(words)) // where the word's next token goes
	at := 0
	for _, w := range order {
		next[w] = at
		at += counts[w]
	}
	sorted := make([]token, len(ts))
	for i, t := range ts {
		sorted[next[which[i]]] = t
		next[which[i]]++
	}
	copy(ts, sorted)
}
