package db

import (
	"bytes"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A store written before records carried checksums (schema 1, plain JSON)
// opens with the same count; verify calls it sound and notes how many
// records have no checksum; the next write adds checksummed records and
// marks the store schema 2.
func TestStoreWithoutChecksumsStillOpens(t *testing.T) {
	s, path := openTest(t, 30)
	for _, id := range []string{"V00001", "V00002", "V00003"} {
		if _, err := s.CheckIn(id, Actor{Operator: "rina"}); err != nil {
			t.Fatal(err)
		}
	}
	want := s.Totals()
	// Make it the store an older hadir wrote: every record plain JSON.
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketVolunteers, bucketEvents} {
			b := tx.Bucket(name)
			plain := map[string][]byte{}
			b.ForEach(func(k, v []byte) error {
				body, sealed, err := openRecord(v)
				if err != nil || !sealed {
					t.Fatalf("a record written now is not sealed: %q %v", v, err)
				}
				plain[string(k)] = bytes.Clone(body)
				return nil
			})
			for k, v := range plain {
				if err := b.Put([]byte(k), v); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("1"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	old, err := Open(path, WithClock(s.now)) // the test's clock goes on
	if err != nil {
		t.Fatalf("a store without checksums does not open: %v", err)
	}
	defer old.Close()
	if got := old.Totals(); got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
	rep, err := old.Inspect()
	if err != nil || len(rep.Problems) > 0 {
		t.Fatalf("verify of a store without checksums: %v %v", rep.Problems, err)
	}
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "33 records were written by a hadir before records carried checksums") {
		t.Errorf("the records without checksums are not noted: %q", rep.Notes)
	}
	if _, err := old.CheckIn("V00004", Actor{Operator: "rina"}); err != nil {
		t.Fatal(err)
	}
	rep, _ = old.Inspect()
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "33 records were written") {
		t.Errorf("after a new check-in: %q", rep.Notes)
	}
	old.bolt.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keySchema); string(v) != "2" {
			t.Errorf("schema %q after a checksummed write, want 2 (an older hadir must call it newer, not damaged)", v)
		}
		return nil
	})
}
