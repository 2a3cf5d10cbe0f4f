package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Caps on text that enters the store: a name may be long (titles, degrees,
// five words), everything else is a label.
const (
	MaxNameLen  = 200
	MaxTextLen  = 100
	MaxLoginLen = 64 // operator and station names from a login
)

// zwj is the zero-width joiner: kept between two emoji ("👨‍👩‍👧"), where it is
// part of the picture; anywhere else it is invisible noise.
const zwj = '\u200d'

// CleanText removes what must never reach a terminal, a log or a
// spreadsheet from text that came from outside: ANSI escape sequences, C0
// and C1 control characters, bidi overrides and other invisible format
// characters (except a zero-width joiner between emoji). Tabs and line
// breaks become spaces, runs of spaces become one, and the ends are
// trimmed. Invalid UTF-8 is dropped. The result is cut to max runes (no cap
// when max <= 0); truncated reports whether it was cut.
func CleanText(s string, max int) (clean string, truncated bool) {
	if isPlainASCII(s) {
		s = strings.TrimSpace(s)
		if !strings.Contains(s, "  ") && (max <= 0 || len(s) <= max) {
			return s, false
		}
	} else {
		s = ansi.Strip(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space, n := false, 0
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case r == utf8.RuneError:
			continue
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == zwj:
			if i == 0 || i == len(runes)-1 || !isEmoji(runes[i-1]) || !isEmoji(runes[i+1]) {
				continue
			}
		case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Co, r), r == '\ufffc':
			continue
		}
		if max > 0 && n+boolInt(space)+1 > max {
			return b.String(), true
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), false
}

// Clean is CleanText without the report of a cut.
func Clean(s string, max int) string {
	c, _ := CleanText(s, max)
	return c
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// isEmoji is a coarse test for the pictographs a zero-width joiner links.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F
}

// NormalizePhone turns the ways an Indonesian phone number is written into
// the national form: "+62 812-3456-7890", "62812…", "(0812) 3456 7890" and
// "0812.3456.7890" all become "081234567890"; a number that lost its
// leading 0 to a spreadsheet cell ("81234567890") gets it back. ok is false
// for a number in scientific notation ("8.12346E+10"): its digits are gone.
// Text that is not a phone number at all is returned cleaned, unchanged
// otherwise, so nothing a person typed is lost.
func NormalizePhone(s string) (phone string, ok bool) {
	s = strings.TrimPrefix(Clean(s, MaxTextLen), "'")
	if s == "" {
		return "", true
	}
	if strings.ContainsAny(s, "eE") && strings.Contains(s, "+") && strings.Trim(s, "0123456789.,eE+ ") == "" {
		return s, false
	}
	if strings.Trim(s, "0123456789+-.() /") != "" {
		return s, true // words ("tidak ada"), or two numbers with text between
	}
	d := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d = append(d, s[i])
		}
	}
	switch {
	case strings.HasPrefix(string(d), "62") && len(d) >= 10:
		d = append([]byte{'0'}, d[2:]...)
	case strings.HasPrefix(string(d), "00") && len(strings.TrimLeft(string(d), "0")) >= 9:
		// "0081234567890": a numeric cell padded with a fixed number of digits.
		d = append([]byte{'0'}, strings.TrimLeft(string(d), "0")...)
	case len(d) >= 9 && len(d) <= 12 && d[0] == '8':
		d = append([]byte{'0'}, d...)
	}
	if len(d) < 6 {
		return s, true // an extension or a fragment: keep what was written
	}
	return string(d), true
}
