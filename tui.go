package main

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/ui"
)

// runTUI opens the screens on the store in this terminal.
func runTUI(env *runEnv, st *db.Store) error {
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
