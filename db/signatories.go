package db

import (
	bolt "go.etcd.io/bbolt"

	"hadir/model"
)

// Signatories are who sign the printed count, and where it is signed: the
// report's signature block. An empty field prints as a blank line to fill
// in by hand.
type Signatories struct {
	Place     string    `json:"place"`
	Chair     string    `json:"chair"`
	Secretary string    `json:"secretary"`
	Witnesses [2]string `json:"witnesses"`
}

// The meta keys of the signatories, in the order of fields.
var (
	keySignPlace     = []byte("sign_place")
	keySignChair     = []byte("sign_chair")
	keySignSecretary = []byte("sign_secretary")
	keySignWitness   = [2][]byte{[]byte("sign_witness1"), []byte("sign_witness2")}
)

// signField is one field and the meta key it is kept under.
type signField struct {
	key []byte
	val *string
}

func (g *Signatories) fields() []signField {
	return []signField{{keySignPlace, &g.Place}, {keySignChair, &g.Chair}, {keySignSecretary, &g.Secretary},
		{keySignWitness[0], &g.Witnesses[0]}, {keySignWitness[1], &g.Witnesses[1]}}
}

// Signatories reads the signature block's names from the store.
func (s *Store) Signatories() Signatories {
	var g Signatories
	s.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		for _, f := range g.fields() {
			*f.val = string(meta.Get(f.key))
		}
		return nil
	})
	return g
}

// SetSignatories stores the signature block's names in one transaction,
// cleaned like all text from outside; an empty one is removed.
func (s *Store) SetSignatories(g Signatories) error {
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		for _, f := range g.fields() {
			key, v := f.key, model.Clean(*f.val, model.MaxTextLen)
			var err error
			if v == "" {
				err = meta.Delete(key)
			} else {
				err = meta.Put(key, []byte(v))
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return writeError(s.path, err)
	}
	return nil
}
