package db

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store while it stays in use. When
// dest is a folder, the copy is named after the store and the time inside it. The copy is
// written to a temporary file, synced, then renamed into place, so a crash
// never leaves a half-written backup under the final name. It returns the
// path written.
func (s *Store) Backup(dest string) (string, error) {
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		dest = filepath.Join(dest, s.backupBase()+"-"+s.now().Local().Format("20060102-150405")+".db")
	}
	if same, _ := sameFile(dest, s.path); same {
		return "", fmt.Errorf("%s is the store itself; back it up to another file or folder (a USB stick)", dest)
	}
	err := WriteFileAtomic(dest, func(w io.Writer) error {
		return s.bolt.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return "", fmt.Errorf("the backup failed: %v; the store itself is unchanged", err)
	}
	return dest, nil
}

// syncDir makes a rename durable. Some platforms cannot sync a folder; the
// rename is still atomic there.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// BackupStatus is the outcome of the latest backup, shown in every status line.
type BackupStatus struct {
	At   time.Time
	Path string
	Err  error
}

// LastBackup returns the outcome of the latest backup made by this process.
func (s *Store) LastBackup() (BackupStatus, bool) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	return s.lastBackup, !s.lastBackup.At.IsZero()
}

// backupBase is what a store's copies are named after: its file name
// without ".db" ("hadir-demo" for hadir-demo.db). Two stores that share a
// folder (the real one and the demo) never touch each other's copies.
func (s *Store) backupBase() string {
	return strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
}

// backupStamp is what follows the store's name in a rotated copy's name:
// the time, and a number for a second copy in the same second.
var backupStamp = regexp.MustCompile(`^-[0-9]{8}-[0-9]{6}(_[0-9]+)?\.db$`)

// isBackupOf reports whether a file name is a rotated copy of the store
// named base ("hadir-20261204-091400.db" is one of hadir.db's, and
// "hadir-demo-20261204-091400.db" is not).
func isBackupOf(name, base string) bool {
	rest, ok := strings.CutPrefix(name, base)
	return ok && backupStamp.MatchString(rest)
}

// BackupRotate writes a consistent copy into dir (created if needed), named
// after the store and the time, then deletes the oldest of this store's
// copies beyond keep; other files, and other stores' copies, stay. The outcome is
// kept for the status line and every session is told, so a failing backup is
// never silent.
func (s *Store) BackupRotate(dir string, keep int) (string, error) {
	path, err := s.backupInto(dir)
	if err == nil {
		err = prune(dir, s.backupBase(), keep, path)
	}
	s.backupMu.Lock()
	s.lastBackup = BackupStatus{At: s.now(), Path: path, Err: err}
	s.backupMu.Unlock()
	s.notify()
	return path, err
}

func (s *Store) backupInto(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create the backup folder %s: %w", dir, err)
	}
	name := s.backupBase() + "-" + s.now().Local().Format("20060102-150405")
	path := filepath.Join(dir, name+".db")
	for i := 2; fileExists(path); i++ { // two backups in one second
		path = filepath.Join(dir, fmt.Sprintf("%s_%d.db", name, i)) // sorts after the first
	}
	return s.Backup(path)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// prune deletes the oldest rotated copies of the store named base in dir
// beyond keep, oldest by when they were written (a clock put back at the
// campsite must not make the newest look old by its name), and never the one
// just written.
func prune(dir, base string, keep int, newest string) error {
	if keep <= 0 {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	type copyFile struct {
		path string
		mod  time.Time
	}
	var files []copyFile
	for _, e := range entries {
		m := filepath.Join(dir, e.Name())
		if !e.Type().IsRegular() || !isBackupOf(e.Name(), base) || m == newest {
			continue
		}
		if fi, err := e.Info(); err == nil {
			files = append(files, copyFile{m, fi.ModTime()})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].mod.Before(files[j].mod) })
	for len(files) > keep-1 {
		if err := os.Remove(files[0].path); err != nil {
			return fmt.Errorf("cannot delete the old backup %s: %w", files[0].path, err)
		}
		files = files[1:]
	}
	return nil
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
