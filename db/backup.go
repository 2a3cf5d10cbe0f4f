package db

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store while it stays in use. When
// dest is a folder, the copy is named after the time inside it. The copy is
// written to a temporary file, synced, then renamed into place, so a crash
// never leaves a half-written backup under the final name. It returns the
// path written.
func (s *Store) Backup(dest string) (string, error) {
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		dest = filepath.Join(dest, "hadir-"+time.Now().Format("20060102-150405")+".db")
	}
	tmp := dest + ".partial"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return "", fmt.Errorf("cannot write the backup %s (%v): check that the folder exists and the USB stick is plugged in and not full; the store itself is unchanged", dest, err)
	}
	err = s.bolt.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dest)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("the backup to %s failed (%v): check the folder and free space; the store itself is unchanged", dest, err)
	}
	syncDir(filepath.Dir(dest))
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
