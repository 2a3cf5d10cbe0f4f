package cli

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/ui"
)

// runTUI opens the screens on the store in this terminal, with automatic
// backups while it runs (serve starts its own).
func runTUI(env *runEnv, st *db.Store, f screenFlags) error {
	if f.backups.every > 0 && !env.serving {
		defer db.AutoBackup(st, f.backups.every, f.backups.keep, nil)()
	}
	app := ui.New(st, ui.Options{
		Operator: f.actor.operator,
		Station:  f.actor.station,
		Lang:     ui.DetectLang(env.langFlag, os.Getenv),
		NoBell:   f.noBell,
	})
	defer app.Close()
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithMouseCellMotion())
	_, err := p.Run()
	return err
}
