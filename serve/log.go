package serve

import (
	"fmt"
	"os"
	"sync"
)

// The serve log must not fill the disk, whatever a stranger sends: it is
// cut at logMaxBytes and rotated (hadir.db.serve.log.1 is the newest old
// one), keeping logKeep old files.
const (
	logMaxBytes = 10 << 20
	logKeep     = 3
)

// rotatingLog is an append-only file that rotates itself at max bytes.
type rotatingLog struct {
	mu   sync.Mutex
	path string
	max  int64
	keep int
	f    *os.File
	size int64
	// header is serve's start line, written again at the top of every new
	// file, so however fast a stranger fills the log, each file says which
	// build serves which store since when.
	header     []byte
	takeHeader bool
}

// setMax changes the size at which the log rotates (tests).
func (l *rotatingLog) setMax(max int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.max = max
}

// nextIsHeader makes the next line written the header of every new file.
func (l *rotatingLog) nextIsHeader() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.takeHeader = true
}

func openRotatingLog(path string, max int64, keep int) (*rotatingLog, error) {
	l := &rotatingLog{path: path, max: max, keep: keep}
	if err := l.open(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *rotatingLog) open() error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	l.f, l.size = f, fi.Size()
	return nil
}

// Write appends p (one log line), rotating first when it would pass max.
func (l *rotatingLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil && l.open() != nil {
		// Tried again at every line: a full disk or a folder briefly
		// locked must not end the log for the rest of the day.
		return 0, fmt.Errorf("the serve log %s could not be reopened", l.path)
	}
	if l.size > 0 && l.size+int64(len(p)) > l.max {
		l.rotate()
		if l.f == nil {
			return 0, fmt.Errorf("the serve log %s could not be reopened", l.path)
		}
	}
	if l.takeHeader {
		l.header, l.takeHeader = append([]byte(nil), p...), false
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

// rotate shifts log.N to log.N+1 (dropping the oldest) and starts afresh.
// Callers hold l.mu.
func (l *rotatingLog) rotate() {
	l.f.Close()
	l.f = nil
	os.Remove(fmt.Sprintf("%s.%d", l.path, l.keep))
	for i := l.keep - 1; i >= 1; i-- {
		os.Rename(fmt.Sprintf("%s.%d", l.path, i), fmt.Sprintf("%s.%d", l.path, i+1))
	}
	os.Rename(l.path, l.path+".1")
	if err := l.open(); err != nil {
		l.f = nil
		return
	}
	if len(l.header) > 0 {
		n, _ := l.f.Write(l.header)
		l.size += int64(n)
	}
}

func (l *rotatingLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	return l.f.Close()
}
