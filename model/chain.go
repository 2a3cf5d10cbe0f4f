package model

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
)

// Each station's events form a hash chain, in the order the station
// numbered them: the head is SHA-256 over the previous head and the event's
// JSON, starting from nothing. A report prints the heads; anyone holding
// the exported events can later merge them into an empty store, run
// `hadir verify`, and see the same heads only if every event of that
// station is the same, byte for byte, and none is missing or added. The
// heads are worked out from the events, not stored, so every store and
// every build gives the same ones.

// ChainHead is where one station's chain of events ends.
type ChainHead struct {
	Station string // the station ID that begins its events' IDs
	Events  int
	Head    string // hex; the first 32 digits of the SHA-256 (128 bits) suffice as evidence
}

// ChainHeads gives each station's chain head, stations in ID order.
// Events whose IDs are not "<station>-<number>" chain under their whole ID.
func ChainHeads(events []Event) []ChainHead {
	type link struct {
		seq uint64
		e   *Event
	}
	byStation := map[string][]link{}
	for i := range events {
		st, seq, ok := ParseEventID(events[i].ID)
		if !ok {
			st = events[i].ID
		}
		byStation[st] = append(byStation[st], link{seq, &events[i]})
	}
	heads := make([]ChainHead, 0, len(byStation))
	for st, links := range byStation {
		slices.SortFunc(links, func(a, b link) int {
			return cmp.Or(cmp.Compare(a.seq, b.seq), cmp.Compare(a.e.ID, b.e.ID))
		})
		var head [sha256.Size]byte
		for _, l := range links {
			data, _ := json.Marshal(chainForm(*l.e)) // plain data: cannot fail
			h := sha256.New()
			h.Write(head[:])
			h.Write(data)
			h.Sum(head[:0])
		}
		heads = append(heads, ChainHead{Station: st, Events: len(links), Head: hex.EncodeToString(head[:16])})
	}
	slices.SortFunc(heads, func(a, b ChainHead) int { return cmp.Compare(a.Station, b.Station) })
	return heads
}

// chainForm is an event as its chain sees it: without the contingent where
// that is only the volunteer's, which an export fills in (and a merge of it
// then stores) for the reader's sake. Sign-offs, withdrawals and renames
// name their contingent themselves.
func chainForm(e Event) Event {
	switch e.Kind {
	case KindConfirm, KindWithdraw, KindRename:
	default:
		e.Contingent = ""
	}
	return e
}
