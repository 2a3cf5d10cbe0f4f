package model

import (
	"strconv"
	"strings"
	"testing"
	"time"
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

// Dates of birth in the workbook's own formats keep day, month and year,
// day first, the first of a month too.
func TestXLSXDatesKeepTheirDay(t *testing.T) {
	b := newBook(t, "S")
	b.set("S", "A1", "Nama", "Kontingen", "Tanggal Lahir", "Tinggi")
	formats := []any{17, 15, 16, 14, "mmm-yy", "[$-421]dd mmmm yyyy;@", "d/m/yyyy", "yyyy-mm-dd", "dd-mmm-yy"}
	for i, f := range formats {
		row := strconv.Itoa(i + 2)
		b.set("S", "A"+row, "Orang "+row, "Kab. Tapin", time.Date(1980, 6, 1, 0, 0, 0, 0, time.UTC), 1.5)
		b.format("S", "C"+row, "C"+row, f)
	}
	r := mustParseXLSX(t, b.bytes(), ParseOptions{})
	for i, v := range r.Volunteers {
		if got := v.ExtraValue("Tanggal Lahir"); got != "01/06/1980" {
			t.Errorf("format %v: date of birth %q, want 01/06/1980", formats[i], got)
		}
		if got := v.ExtraValue("Tinggi"); got != "1.5" {
			t.Errorf("a number beside it became %q", got)
		}
	}
}
