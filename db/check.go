package db

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrBusy is CheckFile's answer for a store another process holds: it
// cannot be read now, which says nothing about damage.
var ErrBusy = errors.New("the store is in use")

// DamagedError is a store file that cannot be used as it is.
type DamagedError struct {
	Path string
	What string // what is wrong, in plain words
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s cannot be used: %s; restore the newest backup that verifies: see README, Backups", e.Path, e.What)
}

// Damaged builds the error for a damaged store.
func Damaged(path, what string) error { return &DamagedError{Path: path, What: what} }

// CheckFile reads every page of the store at path without writing to it and
// returns what is wrong with it, if anything. bbolt may crash the process
// (not only panic) on a damaged file, so call it in a process that may die:
// hadir runs it in a child of itself before it opens a store. It is the one
// place bbolt's own page check runs (Inspect relies on it).
func CheckFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return Damaged(path, "it is empty (0 bytes), not a hadir store")
	}
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return ErrBusy // the child's answer: the parent says who holds it
	}
	if err != nil {
		return openError(path, err, true)
	}
	defer bdb.Close()
	return bdb.View(func(tx *bolt.Tx) error {
		if tx.Size() > fi.Size() {
			return Damaged(path, fmt.Sprintf("it is cut short (%d of %d bytes)", fi.Size(), tx.Size()))
		}
		for err := range tx.Check() {
			return Damaged(path, "its pages are damaged ("+err.Error()+")")
		}
		meta := tx.Bucket(bucketMeta)
		for _, b := range [][]byte{bucketVolunteers, bucketEvents, bucketEventIDs} {
			if meta == nil || tx.Bucket(b) == nil {
				return Damaged(path, "it is not a hadir store (no "+string(b)+")")
			}
		}
		if n, _ := strconv.Atoi(string(meta.Get(keySchema))); n > SchemaVersion {
			return newerSchema(path, n)
		}
		return nil
	})
}

// ErrNewerSchema is a store written by a newer hadir than this one.
var ErrNewerSchema = errors.New("written by a newer hadir")

// newerSchema refuses a store written by a newer hadir.
func newerSchema(path string, n int) error {
	return fmt.Errorf("%s was %w (store schema %d; this hadir reads up to schema %d); use the newer hadir", path, ErrNewerSchema, n, SchemaVersion)
}
