package ui

import (
	"io"
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
	if err := db.WriteFileAtomic(path, func(w io.Writer) error { return WriteReport(w, st, lang, now) }); err != nil {
		return "", err
	}
	return path, nil
}
