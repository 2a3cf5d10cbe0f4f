package cli

import (
	"context"
	"fmt"
	"log"
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/peer"
	"hadir/ui"
)

// runLocalScreen is the gate's and the demo's screen: with automatic
// backups while it runs, and the links to the other laptops. (`hadir
// serve` runs both itself and opens runScreen.)
func runLocalScreen(j job, st *db.Store, f screenFlags) error {
	if f.backups.every > 0 {
		defer db.AutoBackup(st, f.backups.every, f.backups.keep, nil)()
	}
	var links []*peer.Link
	if len(f.peers) > 0 {
		links = newLinks(st, f.peers)
		logf, closeLog, err := syncLog(st)
		if err != nil {
			return err
		}
		defer closeLog()
		defer peer.RunLinks(context.Background(), links, logf)()
	}
	return runScreen(j, st, f, links)
}

// runScreen opens the screens on the store in this terminal; the footer
// shows the state of links.
func runScreen(j job, st *db.Store, f screenFlags, links []*peer.Link) error {
	app := ui.New(st, ui.Options{
		Operator: f.actor.operator,
		Station:  f.actor.station,
		Lang:     ui.DetectLang(j.langFlag, os.Getenv),
		NoBell:   f.noBell,
		Sync:     syncStatus(links),
	})
	defer app.Close()
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithMouseCellMotion())
	_, err := p.Run()
	return err
}

// newLinks makes a link to each peer address.
func newLinks(st *db.Store, addrs []string) []*peer.Link {
	links := make([]*peer.Link, len(addrs))
	for i, addr := range addrs {
		links[i] = &peer.Link{Addr: addr, Store: st}
	}
	return links
}

// syncLog is where a gate's links say how they stand (the screen holds the
// terminal): <store>.sync.log.
func syncLog(st *db.Store) (func(string, ...any), func(), error) {
	path := st.Path() + ".sync.log"
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot write the sync log %s: %w", path, err)
	}
	lg := log.New(f, "hadir sync: ", log.LstdFlags)
	return lg.Printf, func() { f.Close() }, nil
}

// syncStatus gives the screen the links' state; nil without links.
func syncStatus(links []*peer.Link) func() []ui.SyncStatus {
	if len(links) == 0 {
		return nil
	}
	return func() []ui.SyncStatus {
		out := make([]ui.SyncStatus, len(links))
		for i, l := range links {
			s := l.Status()
			out[i] = ui.SyncStatus{Addr: s.Addr, Connected: s.Connected, Since: s.Since, LastHeard: s.LastHeard, ToSend: s.ToSend}
		}
		return out
	}
}
