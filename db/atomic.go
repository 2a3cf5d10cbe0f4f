package db

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file so that a power cut never leaves half of it
// under its name: write to a temporary file beside it, sync, rename, sync
// the folder. Backups, exports and reports all go through it.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".hadir-*.partial")
	if err != nil {
		return fmt.Errorf("cannot write %s (%v): check that the folder %s exists, and that the USB stick is plugged in and not full", path, err, dir)
	}
	buf := bufio.NewWriterSize(tmp, 256*1024)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
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
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}
