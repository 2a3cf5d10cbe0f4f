package ui

import (
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Colour tokens: each adapts to light and dark terminals. lipgloss drops
// colour by itself when NO_COLOR is set or the terminal has none, so every
// status is also said with a symbol or a word.
var (
	colText    = lipgloss.AdaptiveColor{Light: "#1a1a1a", Dark: "#e8e8e8"}
	colMuted   = lipgloss.AdaptiveColor{Light: "#6b6b6b", Dark: "#9a9a9a"}
	colAccent  = lipgloss.AdaptiveColor{Light: "#005f87", Dark: "#5fafd7"}
	colOK      = lipgloss.AdaptiveColor{Light: "#0a7d2c", Dark: "#3fbf5f"}
	colWarn    = lipgloss.AdaptiveColor{Light: "#9a5b00", Dark: "#ffb000"}
	colErr     = lipgloss.AdaptiveColor{Light: "#b00020", Dark: "#ff5f5f"}
	colOnBadge = lipgloss.AdaptiveColor{Light: "#ffffff", Dark: "#101010"}
	colSelBg   = lipgloss.AdaptiveColor{Light: "#dbe9f4", Dark: "#26394a"}
	colDepart  = lipgloss.AdaptiveColor{Light: "#6a1b9a", Dark: "#d787ff"} // the gate's departures mode
)

// Styles are built once, here; views only use them.
type Styles struct {
	App, Title, Tab, TabActive, Muted, Bold, Label, Value    lipgloss.Style
	Input, InputFocused, Row, RowSelected, Details, Status   lipgloss.Style
	BannerOK, BannerWarn, BannerErr, BannerNote, BannerAsk   lipgloss.Style
	BannerTitle, Big, ErrText, OKText, WarnText, Hint, Frame lipgloss.Style
	AnswerOK, AnswerWarn, AnswerErr                          lipgloss.Style // the answer's word, a full-width bar
	Modal, FieldLabel, FieldError                            lipgloss.Style
	InputDepart, BannerDepart, DepartWord                    lipgloss.Style // the gate's departures mode
}

// NewStyles builds the styles for one renderer (each SSH session has its own).
func NewStyles(r *lipgloss.Renderer) *Styles {
	s := &Styles{}
	n := r.NewStyle
	colText, colMuted, colAccent, colOK := terminalColour(r, colText), terminalColour(r, colMuted), terminalColour(r, colAccent), terminalColour(r, colOK)
	colWarn, colErr, colOnBadge, colSelBg := terminalColour(r, colWarn), terminalColour(r, colErr), terminalColour(r, colOnBadge), terminalColour(r, colSelBg)
	s.App = n().Foreground(colText)
	s.Title = n().Bold(true).Foreground(colAccent)
	s.Tab = n().Foreground(colMuted).Padding(0, 1)
	s.TabActive = n().Bold(true).Foreground(colOnBadge).Background(colAccent).Padding(0, 1)
	s.Muted = n().Foreground(colMuted)
	s.Bold = n().Bold(true)
	s.Label = n().Foreground(colMuted)
	s.Value = n().Foreground(colText)
	s.Input = n().Border(lipgloss.RoundedBorder()).BorderForeground(colMuted).Padding(0, 1)
	s.InputFocused = s.Input.BorderForeground(colAccent)
	s.Row = n()
	s.RowSelected = n().Bold(true).Background(colSelBg)
	s.Details = n().Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(colMuted).PaddingLeft(1)
	s.Status = n().Foreground(colMuted)
	banner := n().Border(lipgloss.ThickBorder()).Padding(0, 1)
	s.BannerOK = banner.BorderForeground(colOK).Foreground(colOK)
	s.BannerWarn = banner.BorderForeground(colWarn).Foreground(colWarn)
	s.BannerErr = banner.BorderForeground(colErr).Foreground(colErr)
	s.BannerNote = banner.BorderForeground(colMuted).Foreground(colMuted)
	s.BannerAsk = banner.BorderForeground(colAccent).Foreground(colText)
	s.BannerTitle = n().Bold(true)
	answer := n().Bold(true).Foreground(colOnBadge).Align(lipgloss.Center)
	s.AnswerOK = answer.Background(colOK)
	s.AnswerWarn = answer.Background(colWarn)
	s.AnswerErr = answer.Background(colErr)
	s.Big = n().Bold(true).Foreground(colText)
	s.ErrText = n().Foreground(colErr)
	s.OKText = n().Foreground(colOK)
	s.WarnText = n().Foreground(colWarn)
	s.Hint = n().Foreground(colMuted).Italic(true)
	s.Frame = n().Border(lipgloss.RoundedBorder()).BorderForeground(colMuted).Padding(0, 1)
	s.Modal = n().Border(lipgloss.RoundedBorder()).BorderForeground(colAccent).Padding(0, 2)
	s.FieldLabel = n().Foreground(colMuted).Width(14)
	s.FieldError = n().Foreground(colErr)
	colDepart := terminalColour(r, colDepart)
	s.InputDepart = s.Input.BorderStyle(lipgloss.ThickBorder()).BorderForeground(colDepart)
	s.BannerDepart = banner.BorderForeground(colDepart).Foreground(colDepart)
	s.DepartWord = n().Bold(true).Foreground(colOnBadge).Background(colDepart).Padding(0, 1)
	return s
}

// terminalColour is c as the renderer's terminal shows it, worked out once
// per session: lipgloss would convert it again at every drawing, and for a
// 256-colour terminal that is a search of the palette each time.
func terminalColour(r *lipgloss.Renderer, c lipgloss.AdaptiveColor) lipgloss.TerminalColor {
	hex := c.Light
	if r.HasDarkBackground() {
		hex = c.Dark
	}
	switch tc := r.ColorProfile().Color(hex).(type) {
	case termenv.ANSI256Color: // the same palette entry lipgloss would find
		return lipgloss.Color(strconv.Itoa(int(tc)))
	case termenv.ANSIColor:
		return lipgloss.Color(strconv.Itoa(int(tc)))
	case termenv.RGBColor:
		return lipgloss.Color(hex)
	}
	return c // no colour: nothing to convert
}
