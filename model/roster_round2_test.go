package model

import (
	"strings"
	"testing"
)

// One cell of a megabyte (a text pasted into the address) is named by row
// and column, with advice that fits; the file is not called broken.
func TestMegabyteCellIsNamed(t *testing.T) {
	huge := strings.Repeat("Jl. Ahmad Yani Km. 5 ", 60_000) // 1.2 MB
	for _, delim := range []string{";", ","} {
		data := strings.Join([]string{"Nama", "Kabupaten", "Alamat"}, delim) + "\r\n" +
			strings.Join([]string{"Hamidah", "Kab. Tapin", "Rantau"}, delim) + "\r\n" +
			strings.Join([]string{"Rahmat", "Kab. Tapin", huge}, delim) + "\r\n"
		_, err := ParseRoster(strings.NewReader(data), ParseOptions{})
		pe, ok := err.(*ParseError)
		if !ok || len(pe.Problems) != 1 {
			t.Fatalf("%q: %v, want one problem", delim, err)
		}
		msg := pe.Error()
		for _, want := range []string{"row 3, column 'Alamat': the value in column 3 is 1260000 bytes", "shorten that cell"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%q: %q does not say %q", delim, msg, want)
			}
		}
		if strings.Contains(msg, "line ends") {
			t.Errorf("%q: %q blames the line ends", delim, msg)
		}
	}
}
