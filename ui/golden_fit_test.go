package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Golden screens that words must fit at 80x24 in both languages: the help
// box on each screen, the walk-in form's answers, a bus's confirmation and
// its annulment. Update with: go test ./ui -update
func TestGoldenWordsFit(t *testing.T) {
	for _, lang := range []Lang{Indonesian, English} {
		t.Run(fmt.Sprintf("80x24_%s", []string{"id", "en"}[lang]), func(t *testing.T) {
			st := testStore(t, nil)
			d := newAppDriver(t, st, Options{Operator: "Rina", Station: "gerbang 1", Lang: lang}, 80, 24)
			help := func(name string) {
				t.Helper()
				d.typeText("?")
				t.Run("help_"+name, func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
				d.typeText("?") // any key closes it
			}
			help("gate")
			d.key(tea.KeyCtrlN)
			d.typeText("Asep Sunandar")
			d.key(tea.KeyEnter)
			d.typeText("Kota Bogor")
			d.key(tea.KeyEnter)
			d.typeText("Pramuka Penegak")
			d.key(tea.KeyEnter)
			d.key(tea.KeyRight)
			d.key(tea.KeyEnter)
			d.key(tea.KeyEnter)
			d.mustShow("Pramuka Penegak")
			t.Run("walkin_new", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
			d.key(tea.KeyEsc)
			d.key(tea.KeyTab)
			help("contingents")
			d.typeText("balangan")
			d.key(tea.KeyEnter)
			help("members")
			d.typeText("a")
			d.key(tea.KeyEnter)
			t.Run("bus_confirm", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
			d.key(tea.KeyEnter)
			d.key(tea.KeyCtrlX)
			t.Run("bus_annul", func(t *testing.T) { requireGolden(t, []byte(d.app.View())) })
			d.key(tea.KeyEsc)
			d.key(tea.KeyEsc)
			d.key(tea.KeyTab)
			help("summary")
			d.key(tea.KeyTab)
			help("log")
		})
	}
}

// hintsWhole are the hints that were once cut at 80 columns; each golden
// that shows one shows all of it.
var hintsWhole = []string{
	"Baru tiba (semua pos) — ketik atau pindai", "Just arrived (all gates) — type or scan",
	"Enter sekali lagi untuk menambahkannya.", "Press Enter again to add it.",
	"Enter sekali lagi untuk menambahkannya sebagai kontingen baru.", "Press Enter again to add it as a new one.",
	"Tekan tombol apa saja untuk menutup.", "Press any key to close.",
}

// Every golden screen at 80x24, in both languages, fits the window: no
// line wider than 80 columns (a box past the edge), no more than 24 lines,
// and the hints above whole wherever they start.
func TestGoldensFitTheWindow(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/80x24_*/*.golden")
	if len(files) < 40 {
		t.Fatalf("only %d goldens at 80x24", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		if len(lines) > 24 {
			t.Errorf("%s: %d lines, the window has 24", f, len(lines))
		}
		for i, l := range lines {
			if w := lipgloss.Width(l); w > 80 {
				t.Errorf("%s line %d is %d columns wide:\n%s", f, i+1, w, l)
			}
		}
		text := strings.Join(strings.Fields(string(data)), " ") // wrapped hints read on
		for _, h := range hintsWhole {
			if start := h[:min(len(h), 20)]; strings.Contains(text, start) && !strings.Contains(text, h) {
				t.Errorf("%s: the hint %q is cut", f, h)
			}
		}
	}
}
