package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestGateBadgeKey: Ctrl+P on the selected volunteer writes that one badge
// beside the store and says where; printed again, the file is replaced.
func TestGateBadgeKey(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, English, 100, 30)
	d.typeText("siti aisyah")
	g := d.s.(*Gate)
	if len(g.rows) == 0 {
		t.Fatal("no result for siti aisyah")
	}
	sel := g.rows[g.sel]
	d.send(tea.KeyMsg{Type: tea.KeyCtrlP})
	path := filepath.Join(filepath.Dir(st.Path()), "hadir-badge-"+sel.ID+".pdf")
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	d.mustShow("Badge of "+sel.Name+" ready to print", "hadir-badge-"+sel.ID+".pdf")
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the badge file: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", path)
	}
	if st.Totals().Arrived != 0 {
		t.Error("printing a badge checked the volunteer in")
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlP})
	entries, _ := os.ReadDir(filepath.Dir(path))
	n := 0
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".pdf" || filepath.Ext(e.Name()) == ".partial" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d PDF or partial files beside the store after printing twice, want 1", n)
	}
}

// TestGateBadgeKeyNeedsSelection: with nothing listed, the key says to
// select someone and writes nothing.
func TestGateBadgeKeyNeedsSelection(t *testing.T) {
	st := testStore(t, nil)
	d, _ := newGateDriver(t, st, Indonesian, 100, 30)
	d.typeText("zzzzqqq")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlP})
	d.mustShow("Pilih peserta dari daftar.")
	if files, _ := filepath.Glob(filepath.Join(filepath.Dir(st.Path()), "*.pdf")); len(files) > 0 {
		t.Errorf("a badge was written with nobody selected: %v", files)
	}
}
