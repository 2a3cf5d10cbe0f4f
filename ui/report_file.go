package ui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"hadir/db"
)

// saveReport writes the report beside the store as
// hadir-report-YYYYMMDD-HHMMSS.html (local time) and returns its path. The
// file is written under a temporary name, synced and renamed, so a report
// cut short by a power cut never lies under the final name.
func saveReport(st *db.Store, lang Lang, now time.Time) (string, error) {
	dir := filepath.Dir(st.Path())
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	path := filepath.Join(dir, "hadir-report-"+now.Local().Format("20060102-150405")+".html")
	tmp, err := os.CreateTemp(dir, ".hadir-report-*")
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	w := bufio.NewWriter(tmp)
	err = WriteReport(w, st, lang, now)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("cannot write %s: %w", path, err)
	}
	return path, nil
}
