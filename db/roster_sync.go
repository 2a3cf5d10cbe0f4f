package db

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// A roster imported on one laptop reaches the others: every record an
// import writes is stamped with when and on which station, and peers send
// each other the stamped records. For each ID the latest stamp stands
// (then the higher station ID, so two laptops never disagree), whatever
// order the records arrive in, so replicas converge on one roster. Records
// as the store was copied carry no stamp: every copy has them already.

// bucketStamps holds, per volunteer ID, the stamp of the import that last
// wrote the record. Made by the first import that stamps; stores made
// before it have none, and their records lose to any stamped one.
var bucketStamps = []byte("roster_stamps")

// RosterRecord is a volunteer's record with its stamp, as peers send it.
type RosterRecord struct {
	model.Volunteer
	Updated time.Time `json:"updated"`
	By      string    `json:"by"` // the station ID that imported it
}

type stamp struct {
	Updated time.Time `json:"updated"`
	By      string    `json:"by"`
}

// newer reports whether a is the later write of the two.
func (a stamp) newer(b stamp) bool {
	if c := a.Updated.Compare(b.Updated); c != 0 {
		return c > 0
	}
	return cmp.Compare(a.By, b.By) > 0
}

// putStamps stamps the records an import writes, in its transaction; vs
// in ID order (bbolt inserts in key order cheaply, at random at a cost that
// grows with the bucket).
func (s *Store) putStamps(tx *bolt.Tx, vs []model.Volunteer, st stamp) error {
	b, err := tx.CreateBucketIfNotExists(bucketStamps)
	if err != nil {
		return err
	}
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	for _, v := range vs {
		if err := b.Put([]byte(v.ID), data); err != nil {
			return err
		}
	}
	return nil
}

func readStamp(b *bolt.Bucket, id string) (stamp, bool) {
	if b == nil {
		return stamp{}, false
	}
	data := b.Get([]byte(id))
	if data == nil {
		return stamp{}, false
	}
	var st stamp
	if json.Unmarshal(data, &st) != nil {
		return stamp{}, false
	}
	return st, true
}

// StampedRoster lists the records imports wrote since the store was made
// (here, or on a peer and received), with their stamps: what a peer may
// lack.
func (s *Store) StampedRoster() ([]RosterRecord, error) {
	type stamped struct {
		id string
		stamp
	}
	var stamps []stamped
	err := s.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStamps)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var st stamp
			if err := json.Unmarshal(v, &st); err != nil {
				return fmt.Errorf("the stamp of %q is unreadable: %w", k, err)
			}
			stamps = append(stamps, stamped{string(k), st})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	// The records from the live state, after the read: s.mu is not taken
	// inside a bolt transaction, since an import or a roster merge holds it
	// while it writes, and a write that grows the file waits for every
	// reading transaction to end.
	var out []RosterRecord
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, st := range stamps {
		if p, ok := s.state.Person(st.id); ok && p.ID == st.id {
			out = append(out, RosterRecord{Volunteer: p.Volunteer, Updated: st.Updated, By: st.By})
		}
	}
	return out, nil
}

// RosterDigest names the stamped records this store holds: two stores with
// the same digest need not send each other their roster.
func (s *Store) RosterDigest() (string, error) {
	h := sha256.New()
	err := s.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStamps)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			h.Write(k)
			h.Write([]byte{0})
			h.Write(v)
			h.Write([]byte{0})
			return nil
		})
	})
	return hex.EncodeToString(h.Sum(nil)[:12]), err
}

// maxRosterRecords caps what one message from a peer may carry.
const maxRosterRecords = 200000

// MergeRoster stores the records a peer sent that are newer than this
// store's, in one transaction, and returns how many it stored. Each record
// is cleaned and capped as an import's row is; a record that is not a
// roster record refuses the whole batch.
func (s *Store) MergeRoster(recs []RosterRecord, by Actor) (int, error) {
	if err := by.maySync("change the roster"); err != nil {
		return 0, err
	}
	if len(recs) > maxRosterRecords {
		return 0, fmt.Errorf("%d roster records in one message, more than %d; nothing was stored", len(recs), maxRosterRecords)
	}
	clean := make([]RosterRecord, 0, len(recs))
	for i, r := range recs {
		v := model.CleanVolunteer(r.Volunteer)
		switch {
		case strings.TrimSpace(v.ID) == "" || strings.TrimSpace(v.Name) == "":
			return 0, fmt.Errorf("roster record %d has no ID or no name; nothing was stored", i+1)
		case v.Source != model.SourceRoster:
			return 0, fmt.Errorf("roster record %s is not a roster record (%q); nothing was stored", v.ID, v.Source)
		case r.Updated.IsZero():
			return 0, fmt.Errorf("roster record %s carries no stamp; nothing was stored", v.ID)
		}
		by, _ := model.CleanText(r.By, 64)
		clean = append(clean, RosterRecord{Volunteer: v, Updated: r.Updated.UTC(), By: by})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var fresh []RosterRecord
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		stamps, err := tx.CreateBucketIfNotExists(bucketStamps)
		if err != nil {
			return err
		}
		people := tx.Bucket(bucketVolunteers)
		for _, r := range clean {
			in := stamp{Updated: r.Updated, By: r.By}
			if have, ok := readStamp(stamps, r.ID); ok && !in.newer(have) {
				continue
			}
			data, err := encodeRecord(r.Volunteer)
			if err != nil {
				return err
			}
			if err := people.Put([]byte(r.ID), data); err != nil {
				return err
			}
			st, _ := json.Marshal(in)
			if err := stamps.Put([]byte(r.ID), st); err != nil {
				return err
			}
			fresh = append(fresh, r)
		}
		return nil
	})
	if err != nil {
		return 0, writeError(s.path, err)
	}
	for _, r := range fresh {
		s.state.Upsert(r.Volunteer)
		if p, ok := s.state.Person(r.ID); ok {
			s.index.Add(p.Volunteer)
		}
	}
	if len(fresh) > 0 {
		defer s.notify()
	}
	return len(fresh), nil
}
