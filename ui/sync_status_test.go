package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// The footer says how the link to the other laptop stands, in words, in
// both languages, and follows it: connected, then offline with what is
// still to send, then connected again.
func TestFooterSaysHowTheLinkStands(t *testing.T) {
	st := testStore(t, nil)
	now := testClock
	link := SyncStatus{Addr: "192.168.1.10:2222", Connected: true, Since: now.Add(-time.Hour), LastHeard: now.Add(-2 * time.Second)}
	for _, c := range []struct {
		lang                     Lang
		connected, offline, back string
	}{
		{English, "⇄ connected · 2 s ago", "✗ offline since " + hhmm(now.Add(-5*time.Minute)) + " · 23 records to send", "⇄ connected · 0 s ago"},
		{Indonesian, "⇄ tersambung · 2 detik lalu", "✗ terputus sejak " + hhmm(now.Add(-5*time.Minute)) + " · 23 catatan belum terkirim", "⇄ tersambung · 0 detik lalu"},
	} {
		current := link
		a := New(st, Options{Operator: "Rina", Lang: c.lang, Out: &bytes.Buffer{}, Now: func() time.Time { return now },
			Sync: func() []SyncStatus { return []SyncStatus{current} }})
		t.Cleanup(a.Close)
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		footer := func() string {
			a.Update(syncTickMsg{})
			lines := strings.Split(a.View(), "\n")
			return lines[len(lines)-2]
		}
		if got := footer(); !strings.Contains(got, c.connected) {
			t.Errorf("%v: the footer %q does not say %q", c.lang, got, c.connected)
		}
		current = SyncStatus{Addr: link.Addr, Since: now.Add(-5 * time.Minute), ToSend: 23}
		if got := footer(); !strings.Contains(got, c.offline) {
			t.Errorf("%v: the footer %q does not say %q", c.lang, got, c.offline)
		}
		current = SyncStatus{Addr: link.Addr, Connected: true, Since: now, LastHeard: now}
		if got := footer(); !strings.Contains(got, c.back) {
			t.Errorf("%v: the footer %q does not say %q", c.lang, got, c.back)
		}
	}
}
