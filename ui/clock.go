package ui

import (
	"strconv"
	"time"
)

// Day and month names by language, for every screen and the report. Fixed,
// so a time costs no lookup per row.
var (
	weekdayNames = [2][7]string{
		{"Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"},
		{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	}
	monthNames = [2][12]string{
		{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"},
		{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	}
	monthLongNames = [2][12]string{
		{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
		{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	}
)

// When is a time as gate staff read it: the wall clock today, and with the
// day on any other ("Sen 4 Des 09:14" / "Mon 4 Dec 09:14"): the event lasts
// three days, and "already checked in at 09:14" must say which 09:14.
func (c *Common) When(t time.Time) string {
	lt := t.Local()
	y, m, d := lt.Date()
	ny, nm, nd := c.Now().Local().Date()
	if y == ny && m == nm && d == nd {
		return lt.Format("15:04")
	}
	return weekdayNames[c.Lang][lt.Weekday()] + " " + strconv.Itoa(d) + " " + monthNames[c.Lang][m-1] + " " + lt.Format("15:04")
}
