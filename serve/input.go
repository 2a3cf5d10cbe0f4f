package serve

import (
	"io"
	"sync"
	"time"
)

// A screen's input is typed, scanned or pasted into fields that hold at
// most a few hundred characters; a 10 MB paste would cost the laptop a
// minute of work for nothing. So it is cut at the connection, byte by byte
// (cheap): a run of text longer than maxInputRun with no Enter, Tab or
// escape in it is dropped from there on, and beyond a burst of inputBurst
// bytes at most inputRate bytes a second pass. A scanner's stored burst of
// forty badges is about 1 KB; a mouse moved for a second sends less.
const (
	maxInputRun = 1024     // bytes of text in a row: a 200-character name in 4-byte letters is 800
	inputBurst  = 16 << 10 // bytes that may come at once
	inputRate   = 4 << 10  // bytes a second after that
)

// limitedInput is a reader that drops what no field can hold.
type limitedInput struct {
	r   io.Reader
	now func() time.Time

	mu      sync.Mutex
	run     int     // text bytes since the last control byte
	tokens  float64 // bytes that may pass now
	last    time.Time
	dropped int64
	eof     func() // called when the client closes the input
}

// atEOF has fn called when the input ends (the client closed the session).
func (l *limitedInput) atEOF(fn func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.eof = fn
}

func newLimitedInput(r io.Reader, now func() time.Time) *limitedInput {
	return &limitedInput{r: r, now: now, tokens: inputBurst, last: now()}
}

// Read returns what passes of the next input; it reads on while a read
// brought nothing that passes.
func (l *limitedInput) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		kept := l.filter(p[:n])
		if err == io.EOF {
			l.mu.Lock()
			eof := l.eof
			l.mu.Unlock()
			if eof != nil {
				eof()
			}
		}
		if kept > 0 || err != nil {
			return kept, err
		}
	}
}

// filter keeps what passes of b at its start and returns how much.
func (l *limitedInput) filter(b []byte) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if d := now.Sub(l.last); d > 0 {
		l.tokens = min(inputBurst, l.tokens+d.Seconds()*inputRate)
	}
	l.last = now
	kept := 0
	for _, c := range b {
		if c < 0x20 || c == 0x7f {
			l.run = 0 // Enter, Tab, Backspace, an escape sequence: a field starts afresh
		} else {
			l.run++
		}
		if l.run > maxInputRun || l.tokens < 1 {
			l.dropped++
			continue
		}
		l.tokens--
		b[kept] = c
		kept++
	}
	return kept
}

// droppedBytes is how many bytes were dropped so far.
func (l *limitedInput) droppedBytes() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.dropped
}
