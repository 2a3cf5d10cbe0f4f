package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/model"
)

// A USB badge scanner types fast: Bubble Tea v1 reads its characters in one
// read and delivers them as ONE key message with several runes, then the
// Enter apart (bubbletea key.go, detectOneMsg; the same over SSH, which
// reads the session as a terminal). A burst that looks like a badge and
// arrives anywhere but the gate's box is taken to the gate, so its Enter
// checks it in there and never acts on the screen it landed on.

func init() { addTexts(scanTexts) }

var scanTexts = map[string][2]string{
	// Short enough to be read whole beside the count at 80 columns.
	"app.scan_refused": {"%s TIDAK dicatat (ada formulir): Esc, pindai di F1", "%s NOT recorded (a form is open): Esc, scan at F1"},
}

// minScanBurst is the fewest runes in one key message taken for a scan
// when the text is not a known ID: a person's keys arrive one or two at
// a time, a badge's code all at once.
const minScanBurst = 6

// formHolder is a screen whose open dialog can hold typed text that a
// switch of screen must not leave half filled unseen.
type formHolder interface {
	formTyped() bool
}

// scanBurst is the badge text of a key message a scanner sent in one burst:
// it looks like an ID and is a stored one, or (anyLongCode) is at least
// minScanBurst long. A paste or an Alt key is never a scan.
func scanBurst(st *db.Store, msg tea.KeyMsg, anyLongCode bool) (string, bool) {
	if msg.Type != tea.KeyRunes || msg.Alt || msg.Paste || len(msg.Runes) < 2 {
		return "", false
	}
	text := strings.TrimSpace(string(msg.Runes))
	if !looksLikeID(text) {
		return "", false
	}
	if anyLongCode && len(msg.Runes) >= minScanBurst {
		return text, true
	}
	_, known := lookupID(st, text)
	return text, known
}

// takeScanToGate moves a scanner's burst that arrived off the gate's box
// (another screen, the help box) to the gate: F1 comes up with the text in
// its box, and the Enter that follows checks it in through the gate's
// queue. Over a half-filled form it refuses instead, and eats that Enter,
// so the form is neither lost nor submitted by the scanner.
func (a *App) takeScanToGate(msg tea.KeyMsg) (tea.Cmd, bool) {
	if refusal := a.scanRefused; refusal != "" {
		a.scanRefused = ""
		if msg.Type == tea.KeyEnter {
			a.refused = refusal // still said: the Enter was the scanner's
			return nil, true
		}
	}
	if a.login != nil || (a.active == 0 && !a.showHelp) {
		return nil, false
	}
	text, ok := scanBurst(a.c.Store, msg, true)
	if !ok {
		return nil, false
	}
	if f, ok := a.screens[a.active].(formHolder); ok && a.active != 0 && f.formTyped() {
		a.refused = a.c.T("app.scan_refused", model.Clean(text, 40))
		a.scanRefused = a.refused
		return nil, true
	}
	a.showHelp = false
	cmd := a.switchTo(0)
	return tea.Batch(cmd, a.screens[0].Update(msg)), true
}
