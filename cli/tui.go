package cli

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/ui"
)

// runTUI opens the screens on the store in this terminal, with automatic
// backups while it runs (serve starts its own).
func runTUI(env *runEnv, st *db.Store) error {
	if env.opt.backupEvery > 0 && !env.serving {
		defer db.AutoBackup(st, env.opt.backupEvery, env.opt.backupKeep, nil)()
	}
	app := ui.New(st, ui.Options{
		Operator: env.opt.operator,
		Station:  env.opt.station,
		Lang:     ui.DetectLang(env.opt.lang, os.Getenv),
		NoBell:   env.opt.noBell,
	})
	defer app.Close()
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithMouseCellMotion())
	_, err := p.Run()
	return err
}
