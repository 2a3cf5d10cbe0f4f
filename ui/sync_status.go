package ui

import (
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// SyncStatus is how this laptop's link to one peer stands (hadir --peer).
// The links are kept elsewhere; the screen only says how they stand.
type SyncStatus struct {
	Addr      string
	Connected bool
	Since     time.Time // connected, or offline, since
	LastHeard time.Time // the last message from the peer
	ToSend    int       // records made here while apart, not sent yet
}

// The footer's marks: not said by colour alone.
const (
	syncUp   = "⇄ "
	syncDown = "✗ "
)

type syncTickMsg struct{}

// syncTick refreshes the footer's link status each second ("2 s ago").
func (a *App) syncTick() tea.Cmd {
	if a.sync == nil {
		return nil
	}
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return syncTickMsg{} })
}

// syncText says how the links stand in words a gate worker understands:
// the worst link, since that is the one to act on.
func (c *Common) syncText(links []SyncStatus) string {
	if len(links) == 0 {
		return ""
	}
	worst := links[0]
	for _, l := range links[1:] {
		if worst.Connected && (!l.Connected || l.LastHeard.Before(worst.LastHeard)) {
			worst = l
		}
	}
	where := ""
	if len(links) > 1 {
		where = worst.Addr + ": "
	}
	if worst.Connected {
		return syncUp + where + c.T("sync.connected", c.ago(worst.LastHeard))
	}
	if worst.ToSend == 0 {
		return syncDown + where + c.T("sync.offline", c.When(worst.Since))
	}
	return syncDown + where + c.T("sync.offline_to_send", c.When(worst.Since), c.Number(worst.ToSend))
}

// ago is how long since t, in whole seconds or minutes.
func (c *Common) ago(t time.Time) string {
	d := max(0, c.Now().Sub(t))
	if d < time.Minute {
		return c.T("sync.seconds", strconv.Itoa(int(d/time.Second)))
	}
	return c.T("sync.minutes", strconv.Itoa(int(d/time.Minute)))
}
