// Package db owns every byte hadir keeps on disk: one bbolt file holding the
// roster and the append-only event log, and the live State folded from them
// that every session of the process shares.
package db

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"hadir/model"
)

// SchemaVersion is the layout this hadir writes. A store written by a newer
// hadir is refused rather than misread.
const SchemaVersion = sealedSchema

// Bucket names and meta keys. All buckets are created in one transaction at open.
var (
	bucketMeta       = []byte("meta")
	bucketVolunteers = []byte("volunteers") // volunteer ID -> JSON model.Volunteer (the imported roster)
	bucketEvents     = []byte("events")     // big-endian receipt sequence -> JSON model.Event
	bucketEventIDs   = []byte("event_ids")  // event ID -> events key

	keySchema      = []byte("schema")
	keyStationID   = []byte("station_id")
	keyStationName = []byte("station_name")
	keyEventName   = []byte("event_name")
	keyStationSeq  = []byte("station_seq")  // highest sequence used in this station's event IDs
	keyStationHome = []byte("station_home") // the computer and path the station ID belongs to
	keyCreated     = []byte("created")      // when the store was made (RFC 3339); stores before it have none
)

// DefaultEventName is the gathering's name until one is set.
const DefaultEventName = "Jambore Relawan Sosial PSKS"

// LockTimeout is how long Open waits for another process to let go of the file.
const LockTimeout = 1500 * time.Millisecond

// Store is an open hadir store. All methods are safe for concurrent use.
type Store struct {
	bolt *bolt.DB
	path string
	// lockWait is how long Open waits for the file's lock (WithoutLockWait).
	lockWait time.Duration

	mu       sync.RWMutex
	state    *model.State
	index    *model.Index
	pending  map[string]chan struct{} // volunteers with an arrival being written
	station  string                   // station ID, fixed at creation
	name     atomic.Pointer[string]   // station name, renamable; read under s.mu too, so not guarded by it
	event    atomic.Pointer[string]   // the gathering's name
	seq      atomic.Uint64            // last sequence used in this station's event IDs
	group    groupCommit              // shares transactions between concurrent writers
	rehome   atomic.Bool              // the station ID (and home) are still to be written
	subsMu   sync.Mutex
	subs     map[chan struct{}]struct{}
	lockFile string
	// staleLock is the pid in a lock file left by a hadir that is gone,
	// whose store this one took over ("" if none).
	staleLock string
	created   time.Time // when the store was made: merged events are dated after it, less a year
	now       func() time.Time

	backupMu   sync.Mutex
	lastBackup BackupStatus
}

// Option changes how Open opens a store.
type Option func(*Store)

// WithClock gives the store the clock that stamps its events, its making
// and the dates a merge may carry (tests and demos use a fixed one). It is
// an option of Open, not a setter, so that no date is read from another.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// WithoutLockWait makes Open try the file's lock once instead of waiting
// LockTimeout: for a caller that has just waited for it already (hadir's
// check of the store in a child process), so "in use" is said after one wait.
func WithoutLockWait() Option { return func(s *Store) { s.lockWait = time.Nanosecond } }

// Open opens (creating if needed) the store at path. A store held by another
// process fails within LockTimeout with an error that names the file.
func Open(path string, opts ...Option) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the folder for %s: %w", path, err)
	}
	// bbolt would make an empty file into a new store: an empty file where a
	// store should be is a store that lost its contents, so it is kept as
	// it is for whoever can recover it.
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		return nil, Damaged(path, "it is empty (0 bytes), not a hadir store")
	}
	s := &Store{path: path, pending: map[string]chan struct{}{}, subs: map[chan struct{}]struct{}{}, now: time.Now, lockWait: LockTimeout}
	for _, opt := range opts {
		opt(s)
	}
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: s.lockWait, NoFreelistSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return nil, openError(path, err, false)
	}
	s.bolt = bdb
	s.staleLock = staleLockHolder(path + ".lock")
	s.group.state = &s.mu
	if err := s.init(); err != nil {
		bdb.Close()
		return nil, err
	}
	if err := s.load(); err != nil {
		bdb.Close()
		return nil, err
	}
	s.lockFile = path + ".lock"
	_ = os.WriteFile(s.lockFile, []byte(strconv.Itoa(os.Getpid())), 0o644) // names the holder in other processes' errors
	return s, nil
}

// openError says what bbolt's refusal to open the store at path means, for
// Open and for CheckFile (readOnly: a refusal to read is not one to write).
// It is the one place bbolt's errors of opening are read.
func openError(path string, err error, readOnly bool) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		holder := ""
		if pid, rerr := os.ReadFile(path + ".lock"); rerr == nil && len(pid) > 0 {
			holder = fmt.Sprintf(" (pid %s)", strings.TrimSpace(string(pid)))
		}
		return fmt.Errorf("%s is in use by another hadir%s; close it first, or use `hadir serve` to share one store between gates", path, holder)
	case !readOnly && (errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS)):
		return fmt.Errorf("cannot open %s for writing (%v); choose a folder you can write to with --db PATH", path, err)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return Damaged(path, "it is not a hadir store")
	case errors.Is(err, berrors.ErrChecksum):
		return Damaged(path, "its header is damaged")
	}
	if fi, serr := os.Stat(path); serr == nil && fi.Size() > 0 {
		return Damaged(path, "it is not a hadir store, or is damaged ("+err.Error()+")")
	}
	return fmt.Errorf("cannot open %s: %w", path, err)
}

// ErrDiskFull is wrapped by the errors of writes that failed for want of
// disk space, so a screen can say so in its own language.
var ErrDiskFull = errors.New("the disk is full")

// writeError explains a failed commit; nothing of the failed write was saved.
func writeError(path string, err error) error {
	// bbolt wraps some errors as text, so the words count too.
	msg := err.Error()
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT) ||
		strings.Contains(msg, "no space left") || strings.Contains(msg, "file too large") || strings.Contains(msg, "quota exceeded") {
		return fmt.Errorf("could not save to %s: %w; nothing of this action was recorded (earlier records are safe): free some space and try again", path, ErrDiskFull)
	}
	if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("could not save to %s: it cannot be written (%v); nothing of this action was recorded", path, err)
	}
	return fmt.Errorf("could not save to %s: %w; nothing of this action was recorded", path, err)
}

// init creates the buckets and meta of a new store, or checks an old one's schema.
func (s *Store) init() error {
	ready := false
	s.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		ready = meta != nil && meta.Get(keyStationID) != nil && meta.Get(keyEventName) != nil &&
			tx.Bucket(bucketVolunteers) != nil && tx.Bucket(bucketEvents) != nil && tx.Bucket(bucketEventIDs) != nil
		if ready {
			if n, _ := strconv.Atoi(string(meta.Get(keySchema))); n > SchemaVersion {
				ready = false // let the check below say so
			}
		}
		return nil
	})
	if ready {
		return nil // opening must not write: a store is only changed by what the user does
	}
	err := s.bolt.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketVolunteers, bucketEvents, bucketEventIDs} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keySchema); v != nil {
			if n, _ := strconv.Atoi(string(v)); n > SchemaVersion {
				return newerSchema(s.path, n)
			}
		} else if err := meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return err
		}
		if meta.Get(keyStationID) == nil {
			id := newStationID()
			if err := meta.Put(keyStationID, []byte(id)); err != nil {
				return err
			}
			if err := meta.Put(keyStationName, []byte("gate-"+id[:4])); err != nil {
				return err
			}
			if err := meta.Put(keyStationHome, []byte(stationHome(s.path))); err != nil {
				return err
			}
			if err := meta.Put(keyCreated, []byte(s.now().UTC().Format(time.RFC3339))); err != nil {
				return err
			}
			if err := meta.Put(keyOrigin, []byte(newOrigin())); err != nil {
				return err
			}
		}
		if meta.Get(keyEventName) == nil {
			return meta.Put(keyEventName, []byte(DefaultEventName))
		}
		return nil
	})
	if err != nil && !errors.Is(err, ErrNewerSchema) {
		return writeError(s.path, err)
	}
	return err
}

// newStationID is 6 random base-36 characters: short enough to read aloud,
// random enough that two laptops never share one.
func stationHome(path string) string {
	host, _ := os.Hostname()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return host + "|" + path
}

func newStationID() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// load reads the roster and events and folds them into the live state. The
// roster and the events are read side by side, then the roster's search
// index is built while the events are folded: at 100,000 of each, that is
// most of the time a gate waits at start, on two cores at once.
func (s *Store) load() error {
	err := s.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		s.station = string(meta.Get(keyStationID))
		name, event := string(meta.Get(keyStationName)), string(meta.Get(keyEventName))
		s.name.Store(&name)
		s.event.Store(&event)
		if v := meta.Get(keyStationSeq); len(v) == 8 {
			s.seq.Store(binary.BigEndian.Uint64(v))
		}
		s.created, _ = time.Parse(time.RFC3339, string(meta.Get(keyCreated)))
		if home := string(meta.Get(keyStationHome)); home != stationHome(s.path) {
			// A copy of the file (a restored backup, a store carried to a
			// second laptop) must not write event IDs the original also
			// writes: it becomes a station of its own at its first write.
			if home != "" {
				s.station = newStationID()
				s.seq.Store(0)
			}
			s.rehome.Store(true)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var (
		roster    []model.Volunteer
		index     *model.Index
		rosterErr error
		wg        sync.WaitGroup
		indexing  sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		rosterErr = s.bolt.View(func(tx *bolt.Tx) error {
			var err error
			roster, err = readRoster(tx)
			return err
		})
		if rosterErr == nil {
			// The index is built while the events are folded (below).
			indexing.Add(1)
			go func() {
				defer indexing.Done()
				index = model.NewIndex(roster)
			}()
		}
	}()
	var events []model.Event
	err = s.bolt.View(func(tx *bolt.Tx) error {
		var err error
		events, err = readEvents(tx)
		return err
	})
	wg.Wait()
	if err = errors.Join(rosterErr, err); err != nil {
		indexing.Wait()
		return fmt.Errorf("%s: %w; restore the newest backup (see README: Backups)", s.path, err)
	}
	st, err := model.Fold(roster, events)
	indexing.Wait()
	if err != nil {
		return fmt.Errorf("%s: the records do not add up (%v); run `hadir verify` and restore a backup if it fails", s.path, err)
	}
	for _, e := range events {
		if e.Kind == model.KindWalkIn {
			if p, ok := st.Person(e.Volunteer); ok {
				index.Add(p.Volunteer)
			}
		}
	}
	if s.created.IsZero() { // a store made before it was recorded: its first event, else now
		s.created = s.now()
		for _, e := range events {
			s.created = minTime(s.created, e.At)
		}
	}
	s.state, s.index = st, index
	return nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func readRoster(tx *bolt.Tx) ([]model.Volunteer, error) {
	b := tx.Bucket(bucketVolunteers)
	out := make([]model.Volunteer, 0, b.Stats().KeyN)
	err := b.ForEach(func(k, v []byte) error {
		var vol model.Volunteer
		if _, err := decodeRecord(v, &vol); err != nil {
			return fmt.Errorf("volunteer %q is unreadable: %w", k, err)
		}
		out = append(out, vol)
		return nil
	})
	return out, err
}

func readEvents(tx *bolt.Tx) ([]model.Event, error) {
	b := tx.Bucket(bucketEvents)
	var out []model.Event
	if k, _ := b.Cursor().Last(); len(k) == 8 {
		// Keys count up from 1: the last is how many there are, near enough
		// to size the list once instead of growing it 20 times.
		out = make([]model.Event, 0, min(binary.BigEndian.Uint64(k), 1<<24))
	}
	_, err := eventsAfter(tx, 0, func(e model.Event) { out = append(out, e) })
	return out, err
}

// eventsAfter calls fn for each event stored after log position pos, in
// log order, and returns the position of the last one read: the one walk
// of the log that open (readEvents) and sync (readLog) share.
func eventsAfter(tx *bolt.Tx, pos uint64, fn func(model.Event)) (uint64, error) {
	end := pos
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.Seek(seqKey(pos + 1)); k != nil; k, v = c.Next() {
		var e model.Event
		if _, err := decodeRecord(v, &e); err != nil {
			return end, fmt.Errorf("event at %d is unreadable: %w", binary.BigEndian.Uint64(k), err)
		}
		fn(e)
		end = binary.BigEndian.Uint64(k)
	}
	return end, nil
}

// Close releases the file. Writes already acknowledged are on disk.
func (s *Store) Close() error {
	if s.lockFile != "" {
		os.Remove(s.lockFile)
	}
	return s.bolt.Close()
}

// StaleLock is the pid named by a lock file that a hadir which is no
// longer running left behind, when this Open took the store over from it;
// "" otherwise.
func (s *Store) StaleLock() string { return s.staleLock }

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// StationID is the store's fixed station ID, the prefix of its event IDs.
func (s *Store) StationID() string { return s.station }

// StationName is the station's human name (renamable).
func (s *Store) StationName() string { return *s.name.Load() }

// EventName is the name of the gathering.
func (s *Store) EventName() string { return *s.event.Load() }

// SetStationName renames the station.
func (s *Store) SetStationName(name string) error {
	return s.setMeta(keyStationName, name, &s.name)
}

// SetEventName names the gathering (shown on reports).
func (s *Store) SetEventName(name string) error {
	return s.setMeta(keyEventName, name, &s.event)
}

func (s *Store) setMeta(key []byte, value string, field *atomic.Pointer[string]) error {
	value = model.Clean(value, model.MaxTextLen) // shown on every screen and report
	if value == "" {
		return errors.New("the name is empty")
	}
	if err := s.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(key, []byte(value))
	}); err != nil {
		return writeError(s.path, err)
	}
	field.Store(&value)
	return nil
}

func seqKey(n uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, n)
	return k
}
