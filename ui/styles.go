package ui

import "github.com/charmbracelet/lipgloss"

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
)

// Styles are built once, here; views only use them.
type Styles struct {
	App, Title, Tab, TabActive, Muted, Bold, Label, Value    lipgloss.Style
	Input, InputFocused, Row, RowSelected, Details, Status   lipgloss.Style
	BannerOK, BannerWarn, BannerErr, BannerNote, BannerAsk   lipgloss.Style
	BannerTitle, Big, ErrText, OKText, WarnText, Hint, Frame lipgloss.Style
	Modal, FieldLabel, FieldError                            lipgloss.Style
}

// NewStyles builds the styles for one renderer (each SSH session has its own).
func NewStyles(r *lipgloss.Renderer) *Styles {
	s := &Styles{}
	n := r.NewStyle
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
	s.Big = n().Bold(true).Foreground(colText)
	s.ErrText = n().Foreground(colErr)
	s.OKText = n().Foreground(colOK)
	s.WarnText = n().Foreground(colWarn)
	s.Hint = n().Foreground(colMuted).Italic(true)
	s.Frame = n().Border(lipgloss.RoundedBorder()).BorderForeground(colMuted).Padding(0, 1)
	s.Modal = n().Border(lipgloss.RoundedBorder()).BorderForeground(colAccent).Padding(0, 2)
	s.FieldLabel = n().Foreground(colMuted).Width(14)
	s.FieldError = n().Foreground(colErr)
	return s
}
