package db

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"sort"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// Replicas: every laptop keeps its own store and exchanges events with its
// peers (package peer). Events are a grow-only set with unique IDs, and a
// merge is a union by ID, so two stores that have sent each other what the
// other lacks hold the same events and fold to the same count, whatever the
// order the events arrived in. This file is what the store offers for it:
// the roster lineage both sides must share, which events of each station a
// store holds, and its log in the order it received them.

// keyOrigin names the store a copy was made from: stores that share it were
// copied from one roster, and only they may sync.
var keyOrigin = []byte("origin")

// Origin is the lineage of this store: made once, when the store is made,
// and copied with the file (a backup on a USB stick keeps it). Stores made
// separately never share it.
func (s *Store) Origin() (string, error) {
	var origin string
	err := s.bolt.View(func(tx *bolt.Tx) error {
		origin = string(tx.Bucket(bucketMeta).Get(keyOrigin))
		return nil
	})
	if err != nil || origin != "" {
		return origin, err
	}
	// A store made before replicas existed gets its lineage now; copy the
	// store after this to the other laptops.
	err = s.bolt.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyOrigin); v != nil {
			origin = string(v)
			return nil
		}
		origin = newOrigin()
		return meta.Put(keyOrigin, []byte(origin))
	})
	if err != nil {
		return "", writeError(s.path, err)
	}
	return origin, nil
}

func newOrigin() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

// Heads says, per station ID, up to which sequence a store holds every event
// of that station: what a peer need not send again.
type Heads map[string]uint64

// Heads is how far this store holds each station's events without a gap.
// A gap (an event that never reached this store, or a number a failed write
// used up) stops the head there: the peer sends what follows again, and the
// union by ID drops what was already here. Nothing is skipped.
func (s *Store) Heads() Heads {
	seqs := map[string][]uint64{}
	s.mu.RLock()
	for _, e := range s.state.Events() {
		if station, seq, ok := model.ParseEventID(e.ID); ok {
			seqs[station] = append(seqs[station], seq)
		}
	}
	s.mu.RUnlock()
	heads := Heads{}
	for station, list := range seqs {
		sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
		var head uint64
		for _, seq := range list {
			if seq != head+1 {
				break
			}
			head = seq
		}
		heads[station] = head
	}
	return heads
}

// Missing lists the events this store holds that a peer with heads lacks, in
// the order this store received them, and the log position after the last
// one read: a peer then follows the log from there (LogAfter).
func (s *Store) Missing(heads Heads) ([]model.Event, uint64, error) {
	var out []model.Event
	pos, err := s.readLog(0, func(e model.Event) {
		station, seq, ok := model.ParseEventID(e.ID)
		if ok && seq <= heads[station] {
			return
		}
		out = append(out, e)
	})
	return out, pos, err
}

// LogAfter returns the events this store received after log position pos,
// oldest first, and the position of the last: new check-ins here and events
// that arrived from other peers alike, so a chain of laptops relays them.
func (s *Store) LogAfter(pos uint64) ([]model.Event, uint64, error) {
	var out []model.Event
	end, err := s.readLog(pos, func(e model.Event) { out = append(out, e) })
	return out, end, err
}

// readLog calls fn for each event stored after log position pos. The log's
// keys are given in commit order (one writer at a time), so a reader that
// sees an event also sees every event before it.
func (s *Store) readLog(pos uint64, fn func(model.Event)) (uint64, error) {
	end := pos
	err := s.bolt.View(func(tx *bolt.Tx) error {
		var err error
		end, err = eventsAfter(tx, pos, fn)
		return err
	})
	return end, err
}

// LogEnd is the log position of the newest event this store holds.
func (s *Store) LogEnd() uint64 {
	var end uint64
	_ = s.bolt.View(func(tx *bolt.Tx) error {
		if k, _ := tx.Bucket(bucketEvents).Cursor().Last(); len(k) == 8 {
			end = binary.BigEndian.Uint64(k)
		}
		return nil
	})
	return end
}
